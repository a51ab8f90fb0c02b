"""Morphine milligram equivalents with the CDC 2022 factors, and co-prescription flags."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdtboard.domain.case import DailyDose, Medication
from mdtboard.domain.mme import (
    MME_CAUTION,
    MME_FACTORS,
    CoPrescriptionKind,
    MmeStatus,
    format_number,
    identify_opioid,
    is_naloxone_rescue,
    mme_report,
    mme_row,
)

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample-cases.json"


def sample_medications() -> dict[str, list[Medication]]:
    bundle = json.loads(SAMPLES.read_text(encoding="utf-8"))
    out: dict[str, list[Medication]] = {}
    for case in bundle["cases"]:
        meds = []
        for raw in case.get("medications") or []:
            dose = raw.get("daily_dose")
            meds.append(Medication(
                name=raw["name"], dose=raw.get("dose"), route=raw.get("route"),
                frequency=raw.get("frequency"), prn=raw.get("prn"),
                daily_dose=None if dose is None else DailyDose(amount=dose["amount"], unit=dose["unit"]),
            ))
        out[case["id"]] = meds
    return out


def med(name: str, amount: float | None = None, unit: str = "mg", route: str | None = None) -> Medication:
    return Medication(name=name, route=route, daily_dose=None if amount is None else DailyDose(amount, unit))


# --- factors --------------------------------------------------------------------------------------


def test_cdc_2022_factor_table_exactly() -> None:
    assert {name: float(factor) for name, factor in MME_FACTORS.items()} == {
        "codeine": 0.15,
        "fentanyl": 2.4,
        "hydrocodone": 1.0,
        "hydromorphone": 5.0,
        "methadone": 4.7,
        "morphine": 1.0,
        "oxycodone": 1.5,
        "oxymorphone": 3.0,
        "tapentadol": 0.4,
        "tramadol": 0.2,
    }


@pytest.mark.parametrize(
    ("name", "amount", "mme"),
    [("codeine", 60, 9.0), ("hydrocodone", 30, 30.0), ("hydromorphone", 8, 40.0), ("methadone", 20, 94.0),
     ("morphine", 60, 60.0), ("oxycodone", 20, 30.0), ("oxymorphone", 10, 30.0), ("tapentadol", 200, 80.0),
     ("tramadol", 150, 30.0)],
)
def test_each_oral_factor(name: str, amount: float, mme: float) -> None:
    row = mme_row(0, med(name, amount, route="oral"))
    assert row.status is MmeStatus.COUNTED
    assert row.opioid == name
    assert row.mme == mme
    assert row.reason is None


def test_older_tables_are_not_used() -> None:
    assert mme_row(0, med("hydromorphone", 4)).mme == 20.0  # factor 5, not 4
    assert mme_row(0, med("tramadol", 100)).mme == 20.0  # factor 0.2, not 0.1
    assert mme_row(0, med("methadone", 100)).mme == 470.0  # flat 4.7, not tiered
    assert mme_row(0, med("fentanyl patch", 25, "mcg/h")).mme == 60.0  # 2.4, not 7.2


def test_fentanyl_patch_25_mcg_per_hour_is_60() -> None:
    report = mme_report([med("fentanyl", 25, "mcg/h", route="transdermal")])
    row = report.rows[0]
    assert row.status is MmeStatus.COUNTED
    assert row.factor == 2.4
    assert row.mme == 60.0
    assert report.total == 60.0
    assert row.calculation == "25 mcg/h x 2.4 = 60 MME/day"


def test_fentanyl_patch_without_route_counts() -> None:
    assert mme_row(0, med("Fentanyl 12 mcg/h patch", 12, "mcg/h")).mme == 28.8


@pytest.mark.parametrize(
    "medication",
    [med("fentanyl buccal", 400, "mcg"), med("fentanyl", 200, "mcg", route="buccal"),
     med("fentanyl", 0.1, "mg"), med("fentanyl", 25, "mcg/h", route="intravenous"),
     med("fentanyl nasal spray", 100, "mcg/h")],
)
def test_fentanyl_other_than_patch_is_not_counted(medication: Medication) -> None:
    row = mme_row(0, medication)
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.mme is None
    assert row.reason and "transdermal" in row.reason


def test_buprenorphine_is_flagged_never_summed() -> None:
    report = mme_report([
        med("buprenorphine patch", 10, "mcg/h", route="transdermal"),
        med("Buprenorphine/naloxone", 16),
        med("morphine", 30),
    ])
    assert [row.status for row in report.rows] == [MmeStatus.FLAGGED, MmeStatus.FLAGGED, MmeStatus.COUNTED]
    assert report.rows[0].mme is None and report.rows[0].factor is None
    assert report.rows[0].reason and "buprenorphine" in report.rows[0].reason
    assert report.total == 30.0
    assert report.caution == MME_CAUTION
    assert not report.complete


def test_buprenorphine_alone_total_zero_with_caution_and_naloxone() -> None:
    report = mme_report([med("Butrans", 5, "mcg/h")])
    assert report.rows[0].opioid == "buprenorphine"
    assert report.total == 0.0
    assert report.caution == MME_CAUTION
    assert report.naloxone_suggested


# --- identifying the opioid -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "opioid"),
    [("acetaminophen/codeine", "codeine"), ("Paracetamol / Codeine 500/30", "codeine"),
     ("oxycodone extended-release", "oxycodone"), ("Oxycodone/naloxone", "oxycodone"),
     ("OXYCODONE IMMEDIATE-RELEASE", "oxycodone"), ("hydrocodone bitartrate/acetaminophen", "hydrocodone"),
     ("Morphine sulfate ER", "morphine"), ("hydromorphone", "hydromorphone"), ("oxymorphone", "oxymorphone"),
     ("Tramadol/paracetamol", "tramadol"), ("OxyContin", "oxycodone"), ("Percocet", "oxycodone"),
     ("co-codamol 30/500", "codeine"), ("Duragesic", "fentanyl"), ("Suboxone", "buprenorphine"),
     ("tapentadol ER", "tapentadol"), ("methadone", "methadone")],
)
def test_identify_opioid(name: str, opioid: str) -> None:
    assert identify_opioid(name) == opioid


@pytest.mark.parametrize(
    "name",
    ["ibuprofen", "gabapentin", "ethinylestradiol/levonorgestrel", "naloxone", "naltrexone", "loperamide",
     "acetaminophen", "duloxetine"],
)
def test_not_opioids(name: str) -> None:
    assert identify_opioid(name) is None
    assert mme_row(3, med(name, 10)).status is MmeStatus.NOT_OPIOID


def test_combination_product_counts_its_opioid_part() -> None:
    row = mme_row(1, med("acetaminophen/codeine", 40))
    assert (row.index, row.opioid, row.factor, row.mme) == (1, "codeine", 0.15, 6.0)


# --- not counted ----------------------------------------------------------------------------------


def test_opioid_without_daily_dose_is_not_counted_with_reason() -> None:
    report = mme_report([med("oxycodone"), med("tramadol", 100)])
    row = report.rows[0]
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.mme is None
    assert row.factor == 1.5
    assert row.reason == "no daily amount given, so it is not counted"
    assert report.total == 20.0
    assert report.not_counted == (row,)
    assert not report.complete


def test_oral_opioid_in_mcg_per_hour_is_not_counted() -> None:
    row = mme_row(0, med("oxycodone", 20, "mcg/h"))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "mcg/h" in row.reason


def test_oral_opioid_in_mcg_is_converted_to_mg() -> None:
    row = mme_row(0, med("hydromorphone", 4000, "mcg"))
    assert row.status is MmeStatus.COUNTED
    assert row.mme == 20.0
    assert row.daily_amount == 4.0 and row.unit == "mg"


def test_unknown_unit_is_not_counted() -> None:
    row = mme_row(0, med("morphine", 2, "tablets"))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "'tablets'" in row.reason


@pytest.mark.parametrize("amount", [-5.0, float("nan"), float("inf")])
def test_unusable_amount_is_not_counted(amount: float) -> None:
    row = mme_row(0, med("morphine", amount))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "not a usable number" in row.reason


@pytest.mark.parametrize(
    "medication",
    [med("morphine", 10, route="subcutaneous"), med("hydromorphone injection", 4),
     med("morphine", 10, route="IV")],
)
def test_injected_opioid_is_not_counted(medication: Medication) -> None:
    row = mme_row(0, medication)
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "oral" in row.reason


@pytest.mark.parametrize("route", ["oral", "PO", "by mouth", "via PEG tube", None])
def test_oral_routes_count(route: str | None) -> None:
    assert mme_row(0, med("morphine", 10, route=route)).status is MmeStatus.COUNTED


def test_opioid_without_cdc_factor_is_reported_not_dropped() -> None:
    report = mme_report([med("dihydrocodeine", 120), med("pethidine", 100)])
    assert [row.status for row in report.rows] == [MmeStatus.NOT_COUNTED, MmeStatus.NOT_COUNTED]
    assert report.rows[0].opioid == "dihydrocodeine"
    assert report.rows[0].reason and "no CDC 2022 MME factor" in report.rows[0].reason
    assert report.caution == MME_CAUTION
    assert report.naloxone_suggested


def test_two_opioids_in_one_name_are_not_counted() -> None:
    row = mme_row(0, med("morphine/oxycodone", 20))
    assert row.status is MmeStatus.NOT_COUNTED
    assert row.reason and "more than one opioid" in row.reason


# --- totals ---------------------------------------------------------------------------------------


def test_total_rounds_to_one_decimal_and_prints_cleanly() -> None:
    report = mme_report([med("codeine", 30), med("codeine", 30)])  # 4.5 + 4.5
    assert report.total == 9.0
    assert report.total_text == "9"
    report = mme_report([med("codeine", 15)])  # 2.25 -> 2.3
    assert report.total == 2.3
    assert report.total_text == "2.3"


def test_format_number() -> None:
    assert format_number(30.0) == "30"
    assert format_number(150 * 0.2) == "30"  # 30.000000000000004
    assert format_number(165.0) == "165"
    assert format_number(22.5) == "22.5"
    assert format_number(0.15) == "0.15"
    assert format_number(0.0) == "0"


@given(st.lists(st.tuples(st.sampled_from(sorted(set(MME_FACTORS) - {"fentanyl"})),
                          st.integers(min_value=25, max_value=300)), max_size=6))
def test_total_is_sum_of_counted_rows(doses: list[tuple[str, int]]) -> None:
    report = mme_report([med(name, amount) for name, amount in doses])
    assert all(row.status is MmeStatus.COUNTED for row in report.rows)
    exact = sum((Decimal(amount) * MME_FACTORS[name] for name, amount in doses), Decimal(0))
    assert report.total == float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    assert report.total >= 0
    assert (report.caution == MME_CAUTION) == bool(doses)


def test_no_medications() -> None:
    empty: tuple[list[Medication] | None, ...] = (None, [])
    for medications in empty:
        report = mme_report(medications)
        assert report.rows == ()
        assert report.total == 0.0
        assert report.caution is None
        assert not report.naloxone_suggested
        assert report.co_prescriptions == ()


def test_no_opioid_no_caution() -> None:
    report = mme_report([med("ibuprofen", 1200), med("gabapentin", 900), med("diazepam", 5)])
    assert report.caution is None
    assert report.co_prescriptions == ()
    assert not report.naloxone_suggested
    assert all(row.status is MmeStatus.NOT_OPIOID for row in report.rows)


# --- co-prescriptions and naloxone ----------------------------------------------------------------


@pytest.mark.parametrize(
    "benzodiazepine",
    ["alprazolam", "lorazepam", "diazepam", "clonazepam", "temazepam", "chlordiazepoxide", "clobazam",
     "oxazepam", "midazolam", "nitrazepam", "Xanax"],
)
def test_opioid_with_benzodiazepine_is_flagged(benzodiazepine: str) -> None:
    report = mme_report([med("oxycodone", 20), med(benzodiazepine)])
    (flag,) = report.co_prescriptions
    assert flag.kind is CoPrescriptionKind.BENZODIAZEPINE
    assert flag.opioids == ("oxycodone",)
    assert flag.others == (benzodiazepine,)
    assert "benzodiazepine" in flag.message and benzodiazepine in flag.message


@pytest.mark.parametrize("gabapentinoid", ["gabapentin", "pregabalin", "Gabapentin enacarbil"])
def test_opioid_with_gabapentinoid_is_flagged(gabapentinoid: str) -> None:
    (flag,) = mme_report([med("tramadol", 100), med(gabapentinoid)]).co_prescriptions
    assert flag.kind is CoPrescriptionKind.GABAPENTINOID
    assert flag.others == (gabapentinoid,)


@pytest.mark.parametrize("z_drug", ["zolpidem", "zopiclone", "eszopiclone", "zaleplon"])
def test_opioid_with_z_drug_is_flagged(z_drug: str) -> None:
    (flag,) = mme_report([med("morphine", 30), med(z_drug)]).co_prescriptions
    assert flag.kind is CoPrescriptionKind.Z_DRUG
    assert flag.message == f"Opioid with a Z-drug: morphine together with {z_drug}."


def test_flags_name_every_medicine_involved() -> None:
    report = mme_report([
        med("oxycodone extended-release", 80), med("oxycodone immediate-release", 30),
        med("alprazolam"), med("lorazepam"), med("gabapentin"), med("zolpidem"),
    ])
    kinds = [flag.kind for flag in report.co_prescriptions]
    assert kinds == [CoPrescriptionKind.BENZODIAZEPINE, CoPrescriptionKind.GABAPENTINOID,
                     CoPrescriptionKind.Z_DRUG]
    benzo = report.co_prescriptions[0]
    assert benzo.opioids == ("oxycodone extended-release", "oxycodone immediate-release")
    assert benzo.others == ("alprazolam", "lorazepam")
    assert benzo.message == (
        "Opioid with a benzodiazepine: oxycodone extended-release and oxycodone immediate-release "
        "together with alprazolam and lorazepam."
    )


def test_uncounted_opioid_still_triggers_flags() -> None:
    report = mme_report([med("buprenorphine", 8), med("clonazepam")])
    assert [flag.kind for flag in report.co_prescriptions] == [CoPrescriptionKind.BENZODIAZEPINE]


def test_naloxone_suggested_when_opioid_present() -> None:
    report = mme_report([med("tramadol", 100)])
    assert report.naloxone_suggested
    assert report.naloxone_suggestion and "naloxone" in report.naloxone_suggestion


@pytest.mark.parametrize("rescue", ["naloxone nasal spray", "Naloxone", "Narcan"])
def test_no_naloxone_suggestion_when_already_listed(rescue: str) -> None:
    report = mme_report([med("morphine", 30), med(rescue)])
    assert report.naloxone_on_list
    assert not report.naloxone_suggested
    assert report.naloxone_suggestion is None
    assert report.rows[1].status is MmeStatus.NOT_OPIOID


def test_oxycodone_naloxone_combination_is_no_rescue() -> None:
    medication = med("Oxycodone/naloxone", 20)
    assert not is_naloxone_rescue(medication)
    report = mme_report([medication])
    assert report.rows[0].mme == 30.0
    assert report.naloxone_suggested


# --- the shared sample cases ----------------------------------------------------------------------

SAMPLE_TOTALS = {"MDT-001": 30.0, "MDT-002": 0.0, "MDT-004": 30.0, "MDT-006": 6.0, "MDT-008": 165.0}


def test_sample_file_has_the_expected_cases() -> None:
    assert set(sample_medications()) == set(SAMPLE_TOTALS)


@pytest.mark.parametrize(("case_id", "total"), sorted(SAMPLE_TOTALS.items()))
def test_sample_case_mme_total(case_id: str, total: float) -> None:
    report = mme_report(sample_medications()[case_id])
    assert report.total == total
    assert report.total_text == format_number(total)
    assert report.complete


def test_sample_case_flags() -> None:
    samples = sample_medications()
    kinds = {
        case_id: [flag.kind for flag in mme_report(meds).co_prescriptions]
        for case_id, meds in samples.items()
    }
    assert kinds == {
        "MDT-001": [CoPrescriptionKind.GABAPENTINOID],  # tramadol + gabapentin
        "MDT-002": [],  # pregabalin but no opioid
        "MDT-004": [CoPrescriptionKind.Z_DRUG],  # oxycodone + zolpidem
        "MDT-006": [],
        "MDT-008": [CoPrescriptionKind.BENZODIAZEPINE, CoPrescriptionKind.GABAPENTINOID],
    }
    naloxone = {case_id: mme_report(meds).naloxone_suggested for case_id, meds in samples.items()}
    assert naloxone == {"MDT-001": True, "MDT-002": False, "MDT-004": True, "MDT-006": True, "MDT-008": True}
    assert mme_report(samples["MDT-002"]).caution is None
    assert mme_report(samples["MDT-006"]).caution == MME_CAUTION
