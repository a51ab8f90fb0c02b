"""Medicine recognition: names, salts, brands and local spellings read as ingredients and classes.

The tables are data, not code: ``resources/medicines/medicines.toml`` (names, classes, combination
products with their opioid strength, routes, screening limits of the daily amount) and
``resources/medicines/mme-factors.toml`` (the CDC 2022 MME factors). Both are dated and sourced, and
:func:`load_medicine_data` checks every entry against the rules when it reads them: a known class, an MME
factor or a stated reason for none for every opioid, no name listed twice, a source and a review date.

:func:`recognise` reads one medication name. A name whose words are not all known is reported with its
unknown words, so that the MME rules can say "not recognised" instead of taking it to be "not an opioid".
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from mdtboard.resources import resource


class DrugClass(StrEnum):
    OPIOID = "opioid"
    BENZODIAZEPINE = "benzodiazepine"
    GABAPENTINOID = "gabapentinoid"
    Z_DRUG = "z_drug"
    NALOXONE = "naloxone"
    OTHER = "other"


class RouteKind(StrEnum):
    ORAL = "oral"
    TRANSDERMAL = "transdermal"
    TOPICAL = "topical"
    SUBLINGUAL = "sublingual"
    BUCCAL = "buccal"
    INTRAVENOUS = "intravenous"
    INTRAMUSCULAR = "intramuscular"
    SUBCUTANEOUS = "subcutaneous"
    INTRATHECAL = "intrathecal"
    EPIDURAL = "epidural"
    NASAL = "nasal"
    RECTAL = "rectal"
    INHALED = "inhaled"
    VAGINAL = "vaginal"
    SUBDERMAL = "subdermal"
    INJECTION = "injection"


WITHOUT_FACTOR_KINDS = frozenset({"flag", "not_counted"})
DAILY_UNITS = ("mg", "mcg", "mcg/h")
#: The unit of a product given through the lining of the mouth or nose (buccal or nasal fentanyl).
TRANSMUCOSAL = "transmucosal"


class MedicineDataError(ValueError):
    """The medicine tables break a rule; ``problems`` lists each one with where it is."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("the medicine tables have problems:\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Ingredient:
    name: str
    drug_class: DrugClass
    #: unit ("mg", "mcg", "mcg/h") -> (lowest, highest) plausible daily amount.
    usual_daily: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)


@dataclass(frozen=True)
class Product:
    """What one written name stands for: a single ingredient, or a combination product."""

    label: str
    ingredients: tuple[str, ...]
    opioid_mg_per_unit: tuple[Decimal, ...] = ()
    unit: str | None = None

    @property
    def is_combination(self) -> bool:
        return len(self.ingredients) > 1


@dataclass(frozen=True)
class Factor:
    ingredient: str
    factor: Decimal
    per: str  # "mg" or "mcg/h"
    route: str


@dataclass(frozen=True)
class MedicineData:
    reviewed: dt.date
    sources: tuple[str, ...]
    factor_source: str
    factor_reviewed: dt.date
    caution: str
    ingredients: Mapping[str, Ingredient]
    names: Mapping[tuple[str, ...], Product]
    factors: Mapping[str, Factor]
    without_factor: Mapping[str, str]
    filler: frozenset[str]
    routes: Mapping[tuple[str, ...], RouteKind]
    longest_name: int
    longest_route: int

    def drug_class(self, ingredient: str) -> DrugClass:
        return self.ingredients[ingredient].drug_class


# ---------------------------------------------------------------------------------------------------
# Words


def fold(text: str) -> str:
    """Lower case without accents: "Prégabaline" -> "pregabaline"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")


def tokens(text: str) -> tuple[str, ...]:
    """The words and numbers of a name, folded: "Tylenol #3 (300/30)" -> tylenol, 3, 300, 30."""
    folded = re.sub(r"\b([a-z])\s*/\s*([a-z])\b", r"\1\2", fold(text))  # M/R -> mr
    return tuple(_TOKEN.findall(folded))


def _is_number(token: str) -> bool:
    return token[0].isdigit()


def _number(token: str) -> Decimal | None:
    text = token.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", token) else token.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


# ---------------------------------------------------------------------------------------------------
# Loading and checking


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def load_medicine_data(medicines_text: str, factors_text: str) -> MedicineData:
    """Read and check both tables; raises :class:`MedicineDataError` listing every broken rule."""
    problems: list[str] = []
    try:
        meds: dict[str, Any] = tomllib.loads(medicines_text)
    except tomllib.TOMLDecodeError as exc:
        raise MedicineDataError([f"medicines.toml: {exc}"]) from None
    try:
        fac: dict[str, Any] = tomllib.loads(factors_text)
    except tomllib.TOMLDecodeError as exc:
        raise MedicineDataError([f"mme-factors.toml: {exc}"]) from None

    about = meds.get("about", {})
    reviewed = about.get("reviewed")
    if not isinstance(reviewed, dt.date):
        problems.append("medicines.toml about.reviewed: a date (2026-12-06) is required")
        reviewed = dt.date.min
    sources = about.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s.strip()
                                                               for s in sources):
        problems.append("medicines.toml about.sources: at least one source is required")
        sources = []
    classes = about.get("classes", [])
    if sorted(classes) != sorted(c.value for c in DrugClass):
        problems.append(f"medicines.toml about.classes: expected {sorted(c.value for c in DrugClass)}")

    fabout = fac.get("about", {})
    factor_reviewed = fabout.get("reviewed")
    if not isinstance(factor_reviewed, dt.date):
        problems.append("mme-factors.toml about.reviewed: a date is required")
        factor_reviewed = dt.date.min
    factor_source = fabout.get("source")
    if not isinstance(factor_source, str) or not factor_source.strip():
        problems.append("mme-factors.toml about.source: a source is required")
        factor_source = ""
    caution = fabout.get("caution")
    if not isinstance(caution, str) or not caution.strip():
        problems.append("mme-factors.toml about.caution: the caution shown with every MME is required")
        caution = ""

    ingredients: dict[str, Ingredient] = {}
    names: dict[tuple[str, ...], Product] = {}
    where_named: dict[tuple[str, ...], str] = {}

    def add_name(written: object, product: Product, where: str) -> None:
        if not isinstance(written, str) or not tokens(written):
            problems.append(f"{where}: {written!r} is not a name")
            return
        key = tokens(written)
        if key in where_named:
            problems.append(f"{where}: {written!r} is already listed at {where_named[key]}")
            return
        if all(_is_number(t) for t in key):
            problems.append(f"{where}: {written!r} has no letters")
            return
        where_named[key] = where
        names[key] = product

    for name, entry in (meds.get("ingredient") or {}).items():
        where = f"medicines.toml ingredient.{name}"
        try:
            drug_class = DrugClass(entry.get("class"))
        except ValueError:
            problems.append(f"{where}.class: {entry.get('class')!r} is not one of the classes")
            continue
        usual: dict[str, tuple[Decimal, Decimal]] = {}
        for unit, bounds in (entry.get("usual_daily") or {}).items():
            low, high = (_decimal(b) for b in bounds) if isinstance(bounds, list) and len(bounds) == 2 \
                else (None, None)
            if unit not in DAILY_UNITS or low is None or high is None or not 0 < low < high:
                problems.append(f"{where}.usual_daily.{unit}: a unit of {DAILY_UNITS} and 0 < low < high")
                continue
            usual[unit] = (low, high)
        ingredients[name] = Ingredient(name, drug_class, usual)
        product = Product(name, (name,))
        if tokens(name) not in [tokens(str(n)) for n in entry.get("names", [])]:
            problems.append(f"{where}.names: the ingredient's own name {name!r} is missing")
        for written in [*entry.get("names", []), *entry.get("brands", [])]:
            add_name(written, product, where)
        for written in entry.get("transmucosal_brands", []):
            add_name(written, Product(str(written), (name,), unit=TRANSMUCOSAL), where)

    for generic, others in (meds.get("other") or {}).items():
        where = f"medicines.toml other.{generic}"
        label = generic.replace("_", " ")
        if generic in ingredients:
            problems.append(f"{where}: {generic} is already an ingredient")
            continue
        ingredients[generic] = Ingredient(generic, DrugClass.OTHER)
        product = Product(label, (generic,))
        for written in [label, *others]:
            add_name(written, product, where)

    for index, entry in enumerate(meds.get("combination") or []):
        where = f"medicines.toml combination[{index}]"
        parts = tuple(entry.get("ingredients") or ())
        unknown = [p for p in parts if p not in ingredients]
        if len(parts) < 2 or unknown:
            problems.append(f"{where}.ingredients: needs two or more known ingredients (unknown: {unknown})")
            continue
        opioids = [p for p in parts if ingredients[p].drug_class is DrugClass.OPIOID]
        if len(opioids) != 1:
            problems.append(f"{where}: a combination product has exactly one opioid, not {opioids}")
            continue
        strengths = tuple(_decimal(s) for s in entry.get("opioid_mg_per_unit") or ())
        if not strengths or any(s is None or s <= 0 for s in strengths):
            problems.append(f"{where}.opioid_mg_per_unit: the opioid's mg per unit for each strength sold")
            continue
        unit = entry.get("unit")
        if not isinstance(unit, str) or not unit:
            problems.append(f"{where}.unit: the unit a strength is per (tablet, capsule...)")
        combo_names = entry.get("names") or []
        if not combo_names:
            problems.append(f"{where}.names: at least one name")
        for written in combo_names:
            product = Product(str(written), parts, tuple(s for s in strengths if s is not None), unit)
            add_name(written, product, where)

    factors: dict[str, Factor] = {}
    for name, entry in (fac.get("factors") or {}).items():
        where = f"mme-factors.toml factors.{name}"
        value = entry.get("factor")
        number = _decimal(value) if isinstance(value, str) else None
        if number is None or number <= 0:
            problems.append(f"{where}.factor: a positive number written as text (\"1.5\"), not {value!r}")
            continue
        if entry.get("per") not in ("mg", "mcg/h"):
            problems.append(f"{where}.per: 'mg' or 'mcg/h'")
            continue
        if name not in ingredients or ingredients[name].drug_class is not DrugClass.OPIOID:
            problems.append(f"{where}: {name} is not an opioid in medicines.toml")
            continue
        factors[name] = Factor(name, number, entry["per"], str(entry.get("route", "")))
    without: dict[str, str] = {}
    for name, kind in (fac.get("without_factor") or {}).items():
        where = f"mme-factors.toml without_factor.{name}"
        if kind not in WITHOUT_FACTOR_KINDS:
            problems.append(f"{where}: {kind!r} is not one of {sorted(WITHOUT_FACTOR_KINDS)}")
        elif name in factors:
            problems.append(f"{where}: {name} also has a factor")
        elif name not in ingredients or ingredients[name].drug_class is not DrugClass.OPIOID:
            problems.append(f"{where}: {name} is not an opioid in medicines.toml")
        else:
            without[name] = kind
    for name, ingredient in ingredients.items():
        if ingredient.drug_class is DrugClass.OPIOID and name not in factors and name not in without:
            problems.append(f"mme-factors.toml: the opioid {name} has no factor and no without_factor entry")

    words = meds.get("words") or {}
    filler = frozenset(fold(w) for group in ("forms", "salts", "other") for w in words.get(group, []))
    if not filler:
        problems.append("medicines.toml words: the form, salt and filler words are missing")

    routes: dict[tuple[str, ...], RouteKind] = {}
    for kind_name, spellings in (meds.get("routes") or {}).items():
        try:
            kind = RouteKind(kind_name)
        except ValueError:
            problems.append(f"medicines.toml routes.{kind_name}: not a route mdtboard knows")
            continue
        for spelling in spellings:
            key = _route_tokens(spelling)
            if not key:
                problems.append(f"medicines.toml routes.{kind_name}: {spelling!r} is empty")
            elif key in routes and routes[key] is not kind:
                problems.append(f"medicines.toml routes.{kind_name}: {spelling!r} is also {routes[key]}")
            else:
                routes[key] = kind
    if RouteKind.ORAL not in routes.values() or RouteKind.TRANSDERMAL not in routes.values():
        problems.append("medicines.toml routes: oral and transdermal spellings are required")

    if problems:
        raise MedicineDataError(problems)
    return MedicineData(
        reviewed=reviewed, sources=tuple(sources), factor_source=factor_source,
        factor_reviewed=factor_reviewed, caution=" ".join(caution.split()),
        ingredients=ingredients, names=names, factors=factors, without_factor=without, filler=filler,
        routes=routes, longest_name=max((len(k) for k in names), default=1),
        longest_route=max((len(k) for k in routes), default=1),
    )


@cache
def medicine_data() -> MedicineData:
    """The shipped tables, read and checked once."""
    folder = resource("medicines")
    return load_medicine_data(
        (folder / "medicines.toml").read_text(encoding="utf-8"),
        (folder / "mme-factors.toml").read_text(encoding="utf-8"),
    )


# ---------------------------------------------------------------------------------------------------
# Recognising a name


@dataclass(frozen=True)
class Recognition:
    """What a written medication name was read as."""

    text: str
    products: tuple[Product, ...]
    ingredients: tuple[str, ...]
    unknown_words: tuple[str, ...]
    #: numbers in the name after the last matched product, in order ("Percocet 5/325" -> 5, 325).
    numbers: tuple[Decimal, ...]

    @property
    def recognised(self) -> bool:
        """Every word of the name is known and it names at least one ingredient."""
        return bool(self.ingredients) and not self.unknown_words

    def of_class(self, drug_class: DrugClass) -> tuple[str, ...]:
        data = medicine_data()
        return tuple(i for i in self.ingredients if data.drug_class(i) is drug_class)

    @property
    def opioids(self) -> tuple[str, ...]:
        return self.of_class(DrugClass.OPIOID)

    def opioid_mg_per_unit(self) -> Decimal | None:
        """The opioid in one tablet/capsule/film, when the name says it (or the product has one strength).

        "Tylenol #3" -> 30; "Percocet 10/325" -> 10; "acetaminophen/codeine 300 mg/30 mg" -> 30 (the
        strengths follow the order of the ingredients named); "Percocet" alone -> None (four strengths).
        """
        opioids = self.opioids
        if len(opioids) != 1:
            return None
        for product in self.products:
            if product.opioid_mg_per_unit:
                if len(product.opioid_mg_per_unit) == 1:
                    return product.opioid_mg_per_unit[0]
                for number in self.numbers:
                    if number in product.opioid_mg_per_unit:
                        return number
                return None
        named = [i for p in self.products for i in p.ingredients]
        if self.numbers and len(self.numbers) == len(named):
            return self.numbers[named.index(opioids[0])]
        return None


@lru_cache(maxsize=4096)
def recognise(name: str) -> Recognition:
    """Read a medication name: its products and ingredients, and any words not known."""
    data = medicine_data()
    words = tokens(name)
    products: list[Product] = []
    unknown: list[str] = []
    numbers: list[Decimal] = []
    i = 0
    while i < len(words):
        for length in range(min(data.longest_name, len(words) - i), 0, -1):
            product = data.names.get(words[i:i + length])
            if product is not None:
                products.append(product)
                numbers.clear()
                i += length
                break
        else:
            word = words[i]
            if _is_number(word):
                number = _number(word)
                if number is not None:
                    numbers.append(number)
            elif word not in data.filler and word not in unknown:
                unknown.append(word)
            i += 1
    ingredients: list[str] = []
    for product in products:
        for ingredient in product.ingredients:
            if ingredient not in ingredients:
                ingredients.append(ingredient)
    return Recognition(name, tuple(products), tuple(ingredients), tuple(unknown), tuple(numbers))


# ---------------------------------------------------------------------------------------------------
# Routes


def _route_tokens(text: str) -> tuple[str, ...]:
    folded = fold(text).replace(".", "")
    folded = re.sub(r"\b([a-z])\s*/\s*([a-z])\b", r"\1\2", folded)  # s/c -> sc
    return tuple(re.findall(r"[a-z]+", folded))


@dataclass(frozen=True)
class RouteReading:
    text: str
    kinds: tuple[RouteKind, ...]

    @property
    def kind(self) -> RouteKind | None:
        """The route when exactly one is named."""
        return self.kinds[0] if len(self.kinds) == 1 else None


@lru_cache(maxsize=1024)
def read_route(text: str) -> RouteReading:
    """The route(s) a written route names: "p.o." -> oral, "S/C" -> subcutaneous, "TD" -> transdermal."""
    data = medicine_data()
    words = _route_tokens(text)
    kinds: list[RouteKind] = []
    i = 0
    while i < len(words):
        for length in range(min(data.longest_route, len(words) - i), 0, -1):
            kind = data.routes.get(words[i:i + length])
            if kind is not None:
                if kind not in kinds:
                    kinds.append(kind)
                i += length
                break
        else:
            i += 1
    if RouteKind.TRANSDERMAL in kinds and RouteKind.TOPICAL in kinds:
        kinds.remove(RouteKind.TOPICAL)  # "topical patch"
    return RouteReading(text, tuple(kinds))
