"""The medicine tables in resources/medicines: checked on load, and every rule of the loader exercised."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from mdtboard.domain.medicines import (
    DrugClass,
    MedicineDataError,
    load_medicine_data,
    medicine_data,
    tokens,
)
from mdtboard.resources import resource

MEDICINES = resource("medicines", "medicines.toml").read_text(encoding="utf-8")
FACTORS = resource("medicines", "mme-factors.toml").read_text(encoding="utf-8")


def test_shipped_tables_load_and_are_dated_and_sourced() -> None:
    data = medicine_data()
    assert data.reviewed >= dt.date(2026, 1, 1)
    assert data.factor_reviewed >= dt.date(2026, 1, 1)
    assert data.sources and all(len(source) > 20 for source in data.sources)
    assert "CDC" in data.factor_source and "2022" in data.factor_source
    assert "not a conversion table" in data.caution


def test_every_entry_has_a_known_class_and_every_opioid_a_factor_or_a_reason() -> None:
    data = medicine_data()
    assert {i.drug_class for i in data.ingredients.values()} == set(DrugClass)
    opioids = {name for name, i in data.ingredients.items() if i.drug_class is DrugClass.OPIOID}
    assert opioids == set(data.factors) | set(data.without_factor)
    assert not set(data.factors) & set(data.without_factor)
    assert data.without_factor["buprenorphine"] == "flag"


def test_cdc_2022_factors_are_read_exactly_from_the_data() -> None:
    factors = {name: str(f.factor) for name, f in medicine_data().factors.items()}
    assert factors == {
        "codeine": "0.15", "fentanyl": "2.4", "hydrocodone": "1", "hydromorphone": "5", "methadone": "4.7",
        "morphine": "1", "oxycodone": "1.5", "oxymorphone": "3", "tapentadol": "0.4", "tramadol": "0.2",
    }
    assert medicine_data().factors["fentanyl"].per == "mcg/h"
    assert all(f.per == "mg" for name, f in medicine_data().factors.items() if name != "fentanyl")


def test_no_name_is_listed_twice_in_the_file() -> None:
    """Read the file itself (not the loader's result, which keeps one of each) and count every name."""
    raw = tomllib.loads(MEDICINES)
    seen: dict[tuple[str, ...], str] = {}
    written: list[tuple[str, str]] = []
    for key, entry in raw["ingredient"].items():
        for name in [*entry["names"], *entry.get("brands", []), *entry.get("transmucosal_brands", [])]:
            written.append((name, f"ingredient.{key}"))
    for key, others in raw["other"].items():
        written += [(key.replace("_", " "), f"other.{key}")] + [(name, f"other.{key}") for name in others]
    for index, entry in enumerate(raw["combination"]):
        written += [(name, f"combination[{index}]") for name in entry["names"]]
    for name, where in written:
        key = tokens(name)
        assert key not in seen, f"{name!r} at {where} is already at {seen[key]}"
        seen[key] = where
    assert len(seen) == len(medicine_data().names)


def test_the_brands_the_issue_names_are_all_there() -> None:
    names = medicine_data().names
    for brand in ["MS Contin", "Kadian", "OxyContin", "Percocet", "Roxicodone", "Norco", "Vicodin", "Lortab",
                  "Tylenol #3", "Tylenol #4", "Dilaudid", "Opana", "Nucynta", "Ultram", "ConZip", "Ultracet",
                  "Duragesic", "Butrans", "Belbuca", "Suboxone", "Subutex", "Demerol", "Methadose", "Xanax",
                  "Valium", "Ativan", "Klonopin", "Restoril", "Neurontin", "Lyrica", "Ambien", "Narcan"]:
        assert tokens(brand) in names, brand


def test_every_combination_names_one_opioid_and_its_strengths() -> None:
    data = medicine_data()
    combos = {p.label: p for p in data.names.values() if p.is_combination}
    assert combos
    for label, product in combos.items():
        opioids = [i for i in product.ingredients if data.drug_class(i) is DrugClass.OPIOID]
        assert len(opioids) == 1, label
        assert product.opioid_mg_per_unit and all(s > 0 for s in product.opioid_mg_per_unit), label


def test_screening_limits_are_ordered() -> None:
    for ingredient in medicine_data().ingredients.values():
        for unit, (low, high) in ingredient.usual_daily.items():
            assert unit in ("mg", "mcg", "mcg/h") and 0 < low < high, ingredient.name


# --- the loader refuses broken tables -------------------------------------------------------------


def _broken(medicines: str = MEDICINES, factors: str = FACTORS) -> list[str]:
    with pytest.raises(MedicineDataError) as caught:
        load_medicine_data(medicines, factors)
    return caught.value.problems


def test_unknown_class_is_refused() -> None:
    text = MEDICINES.replace('[ingredient.zaleplon]\nclass = "z_drug"',
                             '[ingredient.zaleplon]\nclass = "hypnotic"')
    assert any("ingredient.zaleplon.class" in p for p in _broken(text))


def test_opioid_without_factor_or_reason_is_refused() -> None:
    text = FACTORS.replace('tilidine = "not_counted"\n', "")
    assert any("tilidine" in p and "no factor" in p for p in _broken(factors=text))


def test_factor_written_as_a_float_is_refused() -> None:
    text = FACTORS.replace('codeine = { factor = "0.15"', "codeine = { factor = 0.15")
    assert any("factors.codeine.factor" in p for p in _broken(factors=text))


def test_duplicate_alias_is_refused() -> None:
    text = MEDICINES.replace('brands = ["Ambien", ', 'brands = ["Ambien", "Xanax", ')
    problems = _broken(text)
    assert any("'Xanax' is already listed at medicines.toml ingredient.alprazolam" in p for p in problems)


def test_missing_date_or_source_is_refused() -> None:
    problems = _broken(MEDICINES.replace("reviewed = 2026-12-06\n", "", 1))
    assert any("about.reviewed" in p for p in problems)
    problems = _broken(factors=FACTORS.replace("reviewed = 2026-12-06\n", "", 1))
    assert any("mme-factors.toml about.reviewed" in p for p in problems)
    start = MEDICINES.index("sources = [")
    end = MEDICINES.index("]\n", start) + 2
    assert any("about.sources" in p for p in _broken(MEDICINES[:start] + "sources = []\n" + MEDICINES[end:]))


def test_combination_with_two_opioids_is_refused() -> None:
    text = MEDICINES.replace('ingredients = ["oxycodone", "aspirin"]',
                             'ingredients = ["oxycodone", "codeine"]')
    assert any("exactly one opioid" in p for p in _broken(text))


def test_bad_screening_limit_is_refused() -> None:
    text = MEDICINES.replace("usual_daily = { mg = [1, 3000] }", "usual_daily = { mg = [3000, 1] }")
    assert any("ingredient.morphine.usual_daily.mg" in p for p in _broken(text))


def test_not_toml_is_refused() -> None:
    assert _broken("[about\n")[0].startswith("medicines.toml:")
