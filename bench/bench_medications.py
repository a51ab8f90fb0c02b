"""The medication table's recomputation: recognition, MME and flags of a 30-medicine list.

mdtboard: ``domain.mme.mme_report`` of 30 medications (brands, combination products with strengths,
salts, routes written in several ways, benzodiazepines, a gabapentinoid, naloxone, an unknown name),
plus the total statement every surface shows. Measured twice: "cold", with the recognition caches
emptied before every run (a list never seen before), and "one line edited", where one name changes
between runs as it does while a person types (the other 29 names are known). Median and p95 of 300 runs.

Baseline: the same list through the rules as they were before the medicine tables
(``bench/medications_baseline.py``, a frozen copy), in the same process, interleaved.

Target (issue 10): the recomputation within 5 ms for a 30-medicine list.
"""

from __future__ import annotations

from typing import Any

from bench import medications_baseline as old
from bench.measure import median, percentile, progress, row, seconds
from mdtboard.domain.case import DailyDose, Medication
from mdtboard.domain.medicines import read_route, recognise
from mdtboard.domain.mme import mme_report

RUNS = 300
TARGET_MS = 5.0


def _med(name: str, amount: float | None, unit: str = "mg", route: str | None = "oral",
         frequency: str | None = None) -> Medication:
    return Medication(name, None, route, frequency, None,
                      None if amount is None else DailyDose(amount, unit))


LIST = [
    _med("MS Contin 60 mg", 120, route="p.o."), _med("Xanax", 1), _med("Percocet 5/325", 20, route="PO"),
    _med("Tylenol #3", 120), _med("OxyContin", 40), _med("oxycodone IR", 15, route="by mouth"),
    _med("Duragesic", 25, "mcg/h", route="TD"), _med("Norco 10/325", 30), _med("tramadol ER", 200),
    _med("Nucynta ER", 200), _med("hydromorphone", 8, route="per os"), _med("methadone", 20),
    _med("Suboxone 8 mg/2 mg", 16, route="SL"), _med("morphine sulfate", 10, route="SC"),
    _med("gabapentin", 1800), _med("Lyrica", 150), _med("Ativan", 1), _med("zolpidem", 10),
    _med("naloxone nasal spray", None, route="intranasal"), _med("ibuprofen", 1200),
    _med("paracetamol", 4000),
    _med("duloxetine", 60), _med("amitriptyline", 25), _med("senna", 15), _med("macrogol (PEG 3350)", None),
    _med("omeprazole", 20), _med("metformin", 2000), _med("acetaminophen/codeine 300 mg/30 mg", 120),
    _med("herbal capsules from abroad", None), _med("Butrans", 10, "mcg/h", route="transdermal"),
]
assert len(LIST) == 30


def _mdtboard(meds: list[Medication]) -> str:
    report = mme_report(meds)
    flags = [flag.message for flag in report.co_prescriptions]
    return report.total_statement + "".join(flags) + (report.naloxone_suggestion or "")


def _baseline(meds: list[Medication]) -> str:
    report = old.mme_report(meds)
    flags = [flag.message for flag in report.co_prescriptions]
    return report.total_text + "".join(flags) + (report.naloxone_suggestion or "")


def _cold() -> str:
    recognise.cache_clear()
    read_route.cache_clear()
    return _mdtboard(LIST)


def run() -> dict[str, Any]:
    progress(f"30 medicines, {RUNS} runs each, interleaved")
    _mdtboard(LIST)
    _baseline(LIST)
    cold, edited, base = [], [], []
    for i in range(RUNS):
        typed = [*LIST[:-1], _med(f"Butrans {i}", 10, "mcg/h", route="transdermal")]
        cold.append(seconds(_cold) * 1000)
        edited.append(seconds(lambda typed=typed: _mdtboard(typed)) * 1000)  # type: ignore[misc]
        base.append(seconds(lambda typed=typed: _baseline(typed)) * 1000)  # type: ignore[misc]
    report = mme_report(LIST)
    old_report = old.mme_report(LIST)
    cold_med, cold_p95 = median(cold), percentile(cold, 95)
    edit_med, edit_p95 = median(edited), percentile(edited, 95)
    base_med, base_p95 = median(base), percentile(base, 95)
    return {
        "rows": [
            row("medication table, 30 medicines, cold: median", cold_med, base_med, "ms",
                target=f"< {TARGET_MS:g} ms", met=cold_med < TARGET_MS,
                note="recognition caches emptied before each run; baseline: the rules before the tables"),
            row("medication table, 30 medicines, cold: p95", cold_p95, base_p95, "ms",
                target=f"< {TARGET_MS:g} ms", met=cold_p95 < TARGET_MS),
            row("medication table, one name edited: median", edit_med, base_med, "ms",
                target=f"< {TARGET_MS:g} ms", met=edit_med < TARGET_MS,
                note="29 names known, one new (as while typing)"),
            row("medication table, one name edited: p95", edit_p95, base_p95, "ms",
                target=f"< {TARGET_MS:g} ms", met=edit_p95 < TARGET_MS),
        ],
        "details": {
            "runs": RUNS,
            "cold_ms": cold, "edited_ms": edited, "baseline_ms": base,
            "mdtboard_total": report.total_statement,
            "baseline_total": f"{old_report.total_text} MME/day",
            "mdtboard_flags": [f.kind.value for f in report.co_prescriptions],
            "baseline_flags": [f.kind.value for f in old_report.co_prescriptions],
        },
        "tables": [{
            "title": "What each computes for the same 30 medicines",
            "columns": ["", "total", "flags", "lines not counted"],
            "rows": [
                ["mdtboard", report.total_statement, ", ".join(f.kind.label for f in report.co_prescriptions),
                 str(len(report.uncounted))],
                ["baseline (old rules)", f"{old_report.total_text} MME/day",
                 ", ".join(f.kind.label for f in old_report.co_prescriptions),
                 str(len(old_report.not_counted) + len(old_report.flagged))],
            ],
        }],
    }
