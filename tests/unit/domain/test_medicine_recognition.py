"""Medicines read the way a pharmacist reads them: brands, combination products, routes, unknown names,
implausible daily amounts, exact totals, and the statement of an incomplete total."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from mdtboard.domain.case import DailyDose, Medication
from mdtboard.domain.medicines import RouteKind, medicine_data, read_route, recognise
from mdtboard.domain.mme import (
    NOT_RECOGNISED_TEXT,
    CoPrescriptionKind,
    MmeStatus,
    daily_amount_warning,
    mme_report,
    mme_row,
)
from mdtboard.resources import resource


def med(name: str, amount: float | None = None, unit: str = "mg", route: str | None = None) -> Medication:
    return Medication(name=name, route=route, daily_dose=None if amount is None else DailyDose(amount, unit))


# --- the example of the issue ---------------------------------------------------------------------


def test_ms_contin_with_xanax() -> None:
    report = mme_report([med("MS Contin 60 mg", 60, route="oral"), med("Xanax", 1)])
    assert report.total == 60.0
    assert report.total_statement == "60 MME/day"
    assert report.rows[0].status is MmeStatus.COUNTED and report.rows[0].opioid == "morphine"
    assert report.rows[1].status is MmeStatus.NOT_OPIOID
    (flag,) = report.co_prescriptions
    assert flag.kind is CoPrescriptionKind.BENZODIAZEPINE
    assert flag.message == "Opioid with a benzodiazepine: MS Contin 60 mg together with Xanax."
    assert report.naloxone_suggested
    assert report.caution


# --- brands ---------------------------------------------------------------------------------------

OPIOID_BRANDS = {
    "MS Contin": "morphine", "Kadian": "morphine", "MST Continus": "morphine", "Zomorph": "morphine",
    "Oramorph": "morphine", "OxyContin": "oxycodone", "Roxicodone": "oxycodone", "OxyNorm": "oxycodone",
    "Xtampza ER": "oxycodone", "Percocet": "oxycodone", "Endocet": "oxycodone", "Norco": "hydrocodone",
    "Vicodin": "hydrocodone", "Vicodin ES": "hydrocodone", "Lortab": "hydrocodone",
    "Hysingla ER": "hydrocodone", "Tylenol #3": "codeine", "Tylenol #4": "codeine",
    "Tylenol with Codeine No. 3": "codeine", "co-codamol": "codeine", "Dilaudid": "hydromorphone",
    "Exalgo": "hydromorphone", "Opana ER": "oxymorphone", "Nucynta": "tapentadol", "Palexia": "tapentadol",
    "Ultram": "tramadol", "ConZip": "tramadol", "Ultracet": "tramadol", "Tramacet": "tramadol",
    "Zydol": "tramadol", "Duragesic": "fentanyl", "Durogesic": "fentanyl", "Butrans": "buprenorphine",
    "Belbuca": "buprenorphine", "Suboxone": "buprenorphine", "Subutex": "buprenorphine",
    "Zubsolv": "buprenorphine", "Demerol": "meperidine", "pethidine": "meperidine", "Methadose": "methadone",
    "Dolophine": "methadone", "co-dydramol": "dihydrocodeine",
}


@pytest.mark.parametrize(("name", "opioid"), sorted(OPIOID_BRANDS.items()))
def test_opioid_brand_is_its_opioid(name: str, opioid: str) -> None:
    found = recognise(name)
    assert found.recognised
    assert found.opioids == (opioid,)


@pytest.mark.parametrize(
    ("name", "ingredient", "kind"),
    [("Xanax", "alprazolam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Valium", "diazepam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Ativan", "lorazepam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Klonopin", "clonazepam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Rivotril", "clonazepam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Restoril", "temazepam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Halcion", "triazolam", CoPrescriptionKind.BENZODIAZEPINE),
     ("Neurontin", "gabapentin", CoPrescriptionKind.GABAPENTINOID),
     ("Lyrica", "pregabalin", CoPrescriptionKind.GABAPENTINOID),
     ("Prégabaline", "pregabalin", CoPrescriptionKind.GABAPENTINOID),
     ("Ambien", "zolpidem", CoPrescriptionKind.Z_DRUG),
     ("Lunesta", "eszopiclone", CoPrescriptionKind.Z_DRUG),
     ("Zimovane", "zopiclone", CoPrescriptionKind.Z_DRUG)],
)
def test_sedative_brands_are_flagged_with_an_opioid(
    name: str, ingredient: str, kind: CoPrescriptionKind
) -> None:
    assert recognise(name).ingredients == (ingredient,)
    (flag,) = mme_report([med("Norco 5/325", 10), med(name)]).co_prescriptions
    assert flag.kind is kind and flag.others == (name,)


@pytest.mark.parametrize("rescue", ["Narcan", "Kloxxado", "Zimhi", "Nyxoid", "naloxone nasal spray", "Opvee"])
def test_naloxone_products_count_as_naloxone_on_the_list(rescue: str) -> None:
    report = mme_report([med("OxyContin", 40), med(rescue)])
    assert report.naloxone_on_list and not report.naloxone_suggested


@pytest.mark.parametrize("name", ["Suboxone", "Targin", "oxycodone/naloxone"])
def test_opioid_with_naloxone_in_it_is_no_rescue(name: str) -> None:
    assert mme_report([med(name, 10)]).naloxone_suggested


def test_local_spellings_and_salts() -> None:
    for name, opioid in [("morfina", "morphine"), ("Oxycodon HCl", "oxycodone"), ("méthadone", "methadone"),
                         ("codeine phosphate", "codeine"), ("hydrocodone bitartrate", "hydrocodone"),
                         ("MORPHINE SULPHATE M/R", "morphine"), ("fentanyl citrate", "fentanyl")]:
        assert recognise(name).opioids == (opioid,), name
        assert recognise(name).recognised, name


# --- combination products -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mg"),
    [("Tylenol #3", "30"), ("Tylenol #4", "60"), ("Tylenol No. 3", "30"), ("Percocet 10/325", "10"),
     ("Percocet 5/325", "5"), ("Norco 7.5/325", "7.5"), ("Ultracet", "37.5"), ("co-codamol 30/500", "30"),
     ("co-codamol 8/500", "8"), ("acetaminophen/codeine 300 mg/30 mg", "30"),
     ("hydrocodone/acetaminophen 5 mg/325 mg", "5"), ("Paracetamol / Codeine 500/30", "30"),
     ("Suboxone 8 mg/2 mg", "8"), ("Percocet", None), ("Norco", None)],
)
def test_combination_product_opioid_strength(name: str, mg: str | None) -> None:
    assert recognise(name).opioid_mg_per_unit() == (None if mg is None else Decimal(mg))


@pytest.mark.parametrize(
    ("name", "amount", "mme"),
    [("Percocet 5/325", 20, 30.0), ("Norco 10/325", 30, 30.0), ("Vicodin", 20, 20.0), ("Lortab", 15, 15.0),
     ("Tylenol #3", 120, 18.0), ("Tylenol #4", 240, 36.0), ("Ultracet", 150, 30.0),
     ("co-codamol 30/500", 240, 36.0), ("Roxicodone", 20, 30.0)],
)
def test_combination_product_counts_its_opioid_part(name: str, amount: float, mme: float) -> None:
    row = mme_row(0, med(name, amount, route="PO"))
    assert row.status is MmeStatus.COUNTED, row.reason
    assert row.mme == mme


# --- routes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "kind"),
    [("p.o.", RouteKind.ORAL), ("po", RouteKind.ORAL), ("PO", RouteKind.ORAL), ("per os", RouteKind.ORAL),
     ("oral", RouteKind.ORAL), ("Orally", RouteKind.ORAL), ("by mouth", RouteKind.ORAL),
     ("via PEG tube", RouteKind.ORAL), ("transdermal", RouteKind.TRANSDERMAL), ("TD", RouteKind.TRANSDERMAL),
     ("patch", RouteKind.TRANSDERMAL), ("SL", RouteKind.SUBLINGUAL), ("sublingual", RouteKind.SUBLINGUAL),
     ("buccal", RouteKind.BUCCAL), ("IV", RouteKind.INTRAVENOUS), ("i.v.", RouteKind.INTRAVENOUS),
     ("IM", RouteKind.INTRAMUSCULAR), ("SC", RouteKind.SUBCUTANEOUS), ("SQ", RouteKind.SUBCUTANEOUS),
     ("s/c", RouteKind.SUBCUTANEOUS), ("s.c.", RouteKind.SUBCUTANEOUS), ("subcut", RouteKind.SUBCUTANEOUS),
     ("intrathecal", RouteKind.INTRATHECAL), ("epidural", RouteKind.EPIDURAL), ("PR", RouteKind.RECTAL),
     ("intranasal", RouteKind.NASAL)],
)
def test_route_spellings(route: str, kind: RouteKind) -> None:
    assert read_route(route).kind is kind


@pytest.mark.parametrize("route", ["p.o.", "po", "PO", "per os", "oral", "by mouth", "P.O."])
def test_oral_route_spellings_count(route: str) -> None:
    assert mme_row(0, med("oxycodone", 20, route=route)).mme == 30.0


@pytest.mark.parametrize("route", ["transdermal", "TD", "patch", "topical"])
def test_patch_route_spellings_count_fentanyl(route: str) -> None:
    assert mme_row(0, med("Duragesic", 25, "mcg/h", route=route)).mme == 60.0


@pytest.mark.parametrize("route", ["SL", "sublingual", "buccal", "IV", "IM", "SC", "SQ", "intrathecal", "PR"])
def test_other_routes_are_not_counted_with_the_reason(route: str) -> None:
    row = mme_row(0, med("morphine", 10, route=route))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason == (
        f"morphine by the {route} route is not counted: "
        "the CDC factors are for oral doses (and fentanyl patches)"
    )


@pytest.mark.parametrize("route", ["xyz", "per the GP", "?"])
def test_unknown_route_is_not_counted_with_the_reason(route: str) -> None:
    row = mme_row(0, med("morphine", 10, route=route))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and f"the route {route!r} is not one mdtboard knows" in row.reason
    statement = mme_report([med("morphine", 10, route=route)]).total_statement
    assert statement == "at least 0 MME/day: 1 line not counted"


def test_transmucosal_fentanyl_brand_is_not_counted() -> None:
    row = mme_row(0, med("Actiq", 25, "mcg/h"))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "transdermal patches only" in row.reason


# --- names mdtboard does not know -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Zohydrocet", "herbal preparation (bought in Vietnam, ingredients unknown)", "the blue pills",
             "MS", "tablets", "Xanax for sleep"],
)
def test_unknown_name_is_never_not_an_opioid(name: str) -> None:
    row = mme_row(0, med(name, 10))
    assert row.status is MmeStatus.NOT_RECOGNISED
    assert row.reason and row.reason.startswith(NOT_RECOGNISED_TEXT)
    assert NOT_RECOGNISED_TEXT == (
        "not recognised: check whether this is an opioid, benzodiazepine or gabapentinoid"
    )


def test_partly_known_name_says_which_words_are_unknown() -> None:
    row = mme_row(0, med("Xanax for sleep"))
    assert row.reason == NOT_RECOGNISED_TEXT + ' ("sleep" is not a medicine name mdtboard knows)'


def test_incomplete_total_is_stated_everywhere_from_one_property() -> None:
    report = mme_report([
        med("morphine ER", 30), med("oxycodone IR", 20), med("Blue pills from abroad"), med("hydromorphone"),
    ])
    assert report.total == 60.0
    assert not report.complete
    assert [row.index for row in report.uncounted] == [2, 3]
    assert report.total_statement == "at least 60 MME/day: 2 lines not counted"
    assert report.shows_total and report.caution


def test_unrecognised_line_alone_shows_an_incomplete_total() -> None:
    report = mme_report([med("ibuprofen", 1200), med("Mystery tablets")])
    assert report.shows_total
    assert report.total_statement == "at least 0 MME/day: 1 line not counted"
    assert not report.naloxone_suggested


def test_complete_total_is_plain() -> None:
    report = mme_report([med("ibuprofen", 1200), med("morphine", 30)])
    assert report.complete and report.total_statement == "30 MME/day"
    assert mme_report([med("ibuprofen")]).shows_total is False


# --- plausibility ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("medication", "words"),
    [(med("oxycodone", 30, "mcg"), "30 mcg a day of oxycodone"),
     (med("morphine", 6000, "mg"), "6000 mg a day of morphine"),
     (med("fentanyl patch", 400, "mcg/h"), "400 mcg/h of fentanyl"),
     (med("Duragesic", 350, "mcg/h", route="TD"), "350 mcg/h of fentanyl"),
     (med("hydromorphone", 4000, "mg"), "4000 mg a day of hydromorphone"),
     (med("Percocet 5/325", 3900, "mg"), "3900 mg a day of oxycodone"),
     (med("tramadol", 2, "mg"), "2 mg a day of tramadol")],
)
def test_implausible_daily_amount_is_warned_and_never_counted(medication: Medication, words: str) -> None:
    warning = daily_amount_warning(medication)
    assert warning and warning.startswith("check the unit: " + words)
    row = mme_row(0, medication)
    assert row.warning == warning
    assert row.status is MmeStatus.NOT_COUNTED and row.mme is None
    assert row.reason and "check the unit" in row.reason
    assert not mme_report([medication]).complete


@pytest.mark.parametrize(
    "medication",
    [med("oxycodone", 30), med("morphine", 300), med("fentanyl patch", 100, "mcg/h"), med("gabapentin", 3600),
     med("hydromorphone", 4000, "mcg"), med("buprenorphine patch", 20, "mcg/h"), med("ibuprofen", 50000)],
)
def test_plausible_daily_amount_has_no_warning(medication: Medication) -> None:
    assert daily_amount_warning(medication) is None


def test_gabapentinoid_out_of_range_is_warned_but_is_no_mme_matter() -> None:
    row = mme_row(0, med("pregabalin", 75000))
    assert row.warning and "pregabalin" in row.warning
    assert row.status is MmeStatus.NOT_OPIOID


# --- exact totals ---------------------------------------------------------------------------------


def test_codeine_15_and_25_is_6_not_6_point_1() -> None:
    report = mme_report([med("codeine", 15), med("codeine", 25)])
    assert [row.mme for row in report.rows] == [2.25, 3.75]
    assert report.total == 6.0
    assert report.total_statement == "6 MME/day"


def test_total_is_rounded_once() -> None:
    report = mme_report([med("codeine", 15)] * 3)  # 6.75 -> 6.8 (three rounded rows would give 6.9)
    assert report.total == 6.8


# --- the demo cases and the shared samples keep their totals --------------------------------------

TEACHING_TOTALS = {
    "TEACH-01": ("40", "40 MME/day"), "TEACH-02": ("18", "18 MME/day"),
    "TEACH-03": ("20", "at least 20 MME/day: 1 line not counted"),  # the unknown herbal preparation
    "TEACH-04": ("0", "at least 0 MME/day: 1 line not counted"),  # buprenorphine, flagged
    "TEACH-05": ("9", "9 MME/day"), "TEACH-06": ("4", "4 MME/day"), "TEACH-07": ("82.5", "82.5 MME/day"),
    "TEACH-08": ("124", "124 MME/day"), "TEACH-09": ("45", "45 MME/day"), "TEACH-10": ("0", "0 MME/day"),
    "TEACH-11": ("30", "30 MME/day"), "TEACH-12": ("0", "0 MME/day"), "TEACH-13": ("60", "60 MME/day"),
    "TEACH-14": ("50", "50 MME/day"), "TEACH-15": ("9", "9 MME/day"), "TEACH-16": ("18", "18 MME/day"),
    "TEACH-17": ("0", "0 MME/day"),
    "TEACH-18": ("0", "at least 0 MME/day: 1 line not counted"),  # buprenorphine, flagged
}
SAMPLE_TOTALS = {"MDT-001": "30", "MDT-002": "0", "MDT-004": "30", "MDT-006": "6", "MDT-008": "165"}


def _cases(path: Path) -> dict[str, list[Medication]]:
    out = {}
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        out[case["id"]] = [
            Medication(m["name"], m.get("dose"), m.get("route"), m.get("frequency"), m.get("prn"),
                       DailyDose(**m["daily_dose"]) if m.get("daily_dose") else None)
            for m in case.get("medications") or []
        ]
    return out


def test_teaching_cases_keep_their_totals() -> None:
    cases = _cases(resource("cases", "teaching-cases.json"))
    assert set(cases) == set(TEACHING_TOTALS)
    for case_id, (total, statement) in TEACHING_TOTALS.items():
        report = mme_report(cases[case_id])
        assert (report.total_text, report.total_statement) == (total, statement), case_id


def test_shared_samples_keep_their_totals_and_every_line_is_recognised() -> None:
    cases = _cases(Path(__file__).resolve().parents[2] / "data" / "sample-cases.json")
    assert {case_id: mme_report(meds).total_text for case_id, meds in cases.items()} == SAMPLE_TOTALS
    for meds in cases.values():
        assert mme_report(meds).complete


def test_every_teaching_and_sample_medicine_is_recognised_but_the_unknown_herbal() -> None:
    names = {m.name for path in (resource("cases", "teaching-cases.json"),
                                 Path(__file__).resolve().parents[2] / "data" / "sample-cases.json")
             for meds in _cases(path).values() for m in meds}
    unknown = {name for name in names if not recognise(name).recognised}
    assert unknown == {"herbal preparation (bought in Vietnam, ingredients unknown)"}
    assert len(medicine_data().names) > 1000


def test_isbar_readiness_names_an_unrecognised_medicine() -> None:
    from mdtboard.domain.case import Case, Patient
    from mdtboard.domain.isbar import GapSeverity, check_isbar

    case = Case(ref="U-1", fictional=True, patient=Patient("Ana"),
                medications=[med("ibuprofen", 1200), med("blue tablets from abroad")])
    gaps = [gap for gap in check_isbar(case).gaps if gap.field == "medications[1].name"]
    assert [gap.severity for gap in gaps] == [GapSeverity.THIN]
    assert "check whether it is an opioid, benzodiazepine or gabapentinoid" in gaps[0].message
