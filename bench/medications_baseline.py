"""The medication rules as they were before the medicine tables: a frozen copy, the baseline of
``bench_medications``. Names were read against short Python lists (no brands beyond a few, no
combination strengths, no routes table, no screening limits), rows rounded before summing.

Kept only to be measured against; nothing in mdtboard imports it.
"""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from mdtboard.domain.case import Medication

#: Shown wherever MME is shown.
MME_CAUTION = (
    "MME is for comparing overall exposure and risk; it is not a conversion table for switching one "
    "opioid to another (methadone and fentanyl especially)."
)

NALOXONE_SUGGESTION = "An opioid is prescribed: suggest naloxone (none is on the medication list)."

#: CDC 2022 conversion factors. Fentanyl is per mcg/h of a transdermal patch; the rest per mg a day.
MME_FACTORS: dict[str, Decimal] = {
    "codeine": Decimal("0.15"),
    "fentanyl": Decimal("2.4"),
    "hydrocodone": Decimal("1"),
    "hydromorphone": Decimal("5"),
    "methadone": Decimal("4.7"),
    "morphine": Decimal("1"),
    "oxycodone": Decimal("1.5"),
    "oxymorphone": Decimal("3"),
    "tapentadol": Decimal("0.4"),
    "tramadol": Decimal("0.2"),
}

BUPRENORPHINE = "buprenorphine"

#: Opioids that have no CDC 2022 factor: recognised so that they are reported, never dropped.
OPIOIDS_WITHOUT_FACTOR: frozenset[str] = frozenset({
    "alfentanil", "butorphanol", "dextropropoxyphene", "diamorphine", "dihydrocodeine", "heroin",
    "levorphanol", "meperidine", "nalbuphine", "opium", "pentazocine", "pethidine", "propoxyphene",
    "remifentanil", "sufentanil",
})

#: Brand and combination names that do not spell out their opioid (a convenience, not complete).
OPIOID_BRANDS: dict[str, str] = {
    "oxycontin": "oxycodone", "roxicodone": "oxycodone", "percocet": "oxycodone", "endocet": "oxycodone",
    "oxynorm": "oxycodone", "targin": "oxycodone", "xtampza": "oxycodone",
    "vicodin": "hydrocodone", "norco": "hydrocodone", "hysingla": "hydrocodone", "zohydro": "hydrocodone",
    "dilaudid": "hydromorphone", "exalgo": "hydromorphone", "palladone": "hydromorphone",
    "duragesic": "fentanyl", "durogesic": "fentanyl",
    "kadian": "morphine", "oramorph": "morphine", "sevredol": "morphine", "mst": "morphine",
    "dolophine": "methadone", "methadose": "methadone", "physeptone": "methadone",
    "opana": "oxymorphone", "nucynta": "tapentadol", "palexia": "tapentadol",
    "ultram": "tramadol", "ultracet": "tramadol", "zydol": "tramadol", "tramal": "tramadol",
    "co-codamol": "codeine", "cocodamol": "codeine", "co-dydramol": "dihydrocodeine",
    "subutex": BUPRENORPHINE, "suboxone": BUPRENORPHINE, "zubsolv": BUPRENORPHINE,
    "butrans": BUPRENORPHINE, "belbuca": BUPRENORPHINE, "sublocade": BUPRENORPHINE,
    "temgesic": BUPRENORPHINE, "transtec": BUPRENORPHINE,
}

BENZODIAZEPINES: frozenset[str] = frozenset({
    "alprazolam", "bromazepam", "chlordiazepoxide", "clobazam", "clonazepam", "clorazepate", "diazepam",
    "estazolam", "flunitrazepam", "flurazepam", "loprazolam", "lorazepam", "lormetazepam", "midazolam",
    "nitrazepam", "oxazepam", "quazepam", "remimazolam", "temazepam", "triazolam",
    # brands
    "xanax", "ativan", "valium", "klonopin", "rivotril", "restoril", "librium", "onfi", "halcion",
})
GABAPENTINOIDS: frozenset[str] = frozenset({
    "gabapentin", "pregabalin", "mirogabalin", "neurontin", "lyrica", "horizant", "gralise",
})
Z_DRUGS: frozenset[str] = frozenset({
    "zolpidem", "zopiclone", "eszopiclone", "zaleplon", "ambien", "stilnox", "lunesta", "sonata",
    "imovane",
})
NALOXONE_NAMES: frozenset[str] = frozenset({"naloxone", "narcan", "nalmefene", "opvee", "kloxxado"})

_ORAL_ROUTE_WORDS = frozenset({"oral", "orally", "po", "mouth", "enteral", "tube"})
_TRANSDERMAL_ROUTE_WORDS = frozenset({"transdermal", "patch", "topical", "td", "skin", "cutaneous"})
_INJECTED_WORDS = frozenset({
    "injection", "injectable", "intravenous", "iv", "infusion", "subcutaneous", "intramuscular",
    "epidural", "intrathecal", "pca",
})
_NON_PATCH_FENTANYL_WORDS = frozenset({
    "buccal", "sublingual", "nasal", "intranasal", "lozenge", "lollipop", "film", "tablet", "spray",
    "injection", "intravenous", "infusion",
})


class MmeStatus(StrEnum):
    COUNTED = "counted"
    NOT_COUNTED = "not_counted"
    FLAGGED = "flagged"
    NOT_OPIOID = "not_opioid"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class CoPrescriptionKind(StrEnum):
    BENZODIAZEPINE = "benzodiazepine"
    GABAPENTINOID = "gabapentinoid"
    Z_DRUG = "z_drug"

    @property
    def label(self) -> str:
        return "Z-drug" if self is CoPrescriptionKind.Z_DRUG else self.value


@dataclass(frozen=True)
class MmeRow:
    """What the MME calculation did with one medication (``index`` is its place in the list)."""

    index: int
    name: str
    opioid: str | None
    factor: float | None
    mme: float | None
    status: MmeStatus
    reason: str | None = None
    daily_amount: float | None = None
    unit: str | None = None

    @property
    def calculation(self) -> str | None:
        """E.g. "150 mg/day x 0.2 = 30 MME/day" for a counted row."""
        if self.status is not MmeStatus.COUNTED or self.mme is None:
            return None
        per = "mcg/h" if self.unit == "mcg/h" else "mg/day"
        return (
            f"{format_number(self.daily_amount or 0)} {per} x {format_number(self.factor or 0)}"
            f" = {format_number(self.mme)} MME/day"
        )


@dataclass(frozen=True)
class CoPrescriptionFlag:
    """An opioid prescribed together with a sedating class; names the medicines involved."""

    kind: CoPrescriptionKind
    opioids: tuple[str, ...]
    others: tuple[str, ...]

    @property
    def message(self) -> str:
        return f"Opioid with a {self.kind.label}: {_join(self.opioids)} together with {_join(self.others)}."


@dataclass(frozen=True)
class MmeReport:
    """Per-medication rows, the MME/day total of the counted rows, and what to flag."""

    rows: tuple[MmeRow, ...]
    total: float
    caution: str | None
    co_prescriptions: tuple[CoPrescriptionFlag, ...] = ()
    naloxone_suggested: bool = False
    naloxone_on_list: bool = False

    @property
    def any_opioid(self) -> bool:
        return any(row.opioid is not None for row in self.rows)

    @property
    def opioid_rows(self) -> tuple[MmeRow, ...]:
        return tuple(row for row in self.rows if row.opioid is not None)

    @property
    def counted(self) -> tuple[MmeRow, ...]:
        return tuple(row for row in self.rows if row.status is MmeStatus.COUNTED)

    @property
    def not_counted(self) -> tuple[MmeRow, ...]:
        return tuple(row for row in self.rows if row.status is MmeStatus.NOT_COUNTED)

    @property
    def flagged(self) -> tuple[MmeRow, ...]:
        return tuple(row for row in self.rows if row.status is MmeStatus.FLAGGED)

    @property
    def complete(self) -> bool:
        """True when every opioid was counted (the total is then not an underestimate)."""
        return all(row.status is MmeStatus.COUNTED for row in self.opioid_rows)

    @property
    def total_text(self) -> str:
        """The total as people write it: "30", "22.5"."""
        return format_number(self.total)

    @property
    def naloxone_suggestion(self) -> str | None:
        return NALOXONE_SUGGESTION if self.naloxone_suggested else None


# ---------------------------------------------------------------------------------------------------


def format_number(value: float, places: int = 2) -> str:
    """30.0 -> "30", 22.5 -> "22.5", 0.15 -> "0.15": at most ``places`` decimals, no trailing zeros."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{exact.normalize():f}"
    return "0" if text == "-0" else text


def _round1(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _words(text: str | None) -> list[str]:
    """Lower-case words of a name or route; hyphenated brand words are kept whole as well as split."""
    if not text:
        return []
    lowered = text.casefold()
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", lowered)
    out: list[str] = []
    for word in words:
        out.append(word)
        if "-" in word:
            out.extend(word.split("-"))
    return out


def identify_opioid(name: str) -> str | None:
    """The opioid a medication name contains ("acetaminophen/codeine" -> "codeine"), or ``None``.

    Returns the first opioid named; see :func:`opioids_in` for all of them.
    """
    found = opioids_in(name)
    return found[0] if found else None


def opioids_in(name: str) -> tuple[str, ...]:
    """Every distinct opioid a medication name mentions, in the order named."""
    found: list[str] = []
    for word in _words(name):
        opioid = OPIOID_BRANDS.get(word, word)
        if (opioid in MME_FACTORS or opioid == BUPRENORPHINE or opioid in OPIOIDS_WITHOUT_FACTOR) \
                and opioid not in found:
            found.append(opioid)
    return tuple(found)


def _is_kind(name: str, names: frozenset[str]) -> bool:
    return any(word in names for word in _words(name))


def is_naloxone_rescue(medication: Medication) -> bool:
    """Naloxone (or nalmefene) on its own; "oxycodone/naloxone" or "buprenorphine/naloxone" is no rescue."""
    return _is_kind(medication.name, NALOXONE_NAMES) and not opioids_in(medication.name)


def _route_problem(medication: Medication, opioid: str) -> str | None:
    """Why the stated route rules the medication out of the CDC factors, if it does."""
    route = medication.route.strip() if medication.route else ""
    route_words = set(_words(route))
    if opioid == "fentanyl":
        other_form = set(_words(medication.name)) & _NON_PATCH_FENTANYL_WORDS
        if route and not route_words & _TRANSDERMAL_ROUTE_WORDS:
            return (
                f"fentanyl by the {route} route is not counted: "
                "the CDC factor is for transdermal patches only"
            )
        if other_form:
            return (
                f"fentanyl {sorted(other_form)[0]} is not counted: "
                "the CDC factor is for transdermal patches only"
            )
        return None
    if route and not route_words & _ORAL_ROUTE_WORDS:
        return (
            f"{opioid} by the {route} route is not counted: "
            "the CDC factors are for oral doses (and fentanyl patches)"
        )
    injected = set(_words(medication.name)) & _INJECTED_WORDS
    if injected:
        return (
            f"{opioid} {sorted(injected)[0]} is not counted: "
            "the CDC factors are for oral doses (and fentanyl patches)"
        )
    return None


def mme_row(index: int, medication: Medication) -> MmeRow:
    """The MME row of one medication."""
    name = medication.name
    opioids = opioids_in(name)
    if not opioids:
        return MmeRow(index, name, None, None, None, MmeStatus.NOT_OPIOID)
    if BUPRENORPHINE in opioids:
        return MmeRow(
            index, name, BUPRENORPHINE, None, None, MmeStatus.FLAGGED,
            "buprenorphine has no CDC MME factor: flagged, never added into the total",
        )
    if len(opioids) > 1:
        return MmeRow(
            index, name, opioids[0], None, None, MmeStatus.NOT_COUNTED,
            f"names more than one opioid ({_join(opioids)}); list each with its own daily amount",
        )
    opioid = opioids[0]
    if opioid not in MME_FACTORS:
        return MmeRow(
            index, name, opioid, None, None, MmeStatus.NOT_COUNTED,
            f"{opioid} has no CDC 2022 MME factor, so it is not counted; ask the pharmacist to review",
        )
    factor = MME_FACTORS[opioid]

    def not_counted(reason: str) -> MmeRow:
        dose = medication.daily_dose
        return MmeRow(
            index, name, opioid, float(factor), None, MmeStatus.NOT_COUNTED, reason,
            None if dose is None else dose.amount, None if dose is None else dose.unit,
        )

    dose = medication.daily_dose
    if dose is None:
        what = "patch strength in mcg/h" if opioid == "fentanyl" else "daily amount"
        return not_counted(f"no {what} given, so it is not counted")
    amount = dose.amount
    if isinstance(amount, bool) or not isinstance(amount, int | float) or amount != amount \
            or amount in (float("inf"), float("-inf")) or amount < 0:
        return not_counted(f"the daily amount {amount!r} is not a usable number")

    if opioid == "fentanyl":
        if dose.unit != "mcg/h":
            return not_counted(
                f"fentanyl in {dose.unit} is not counted: only transdermal fentanyl patches (mcg/h) "
                "have a CDC factor"
            )
        value = Decimal(str(amount))
    elif dose.unit == "mg":
        value = Decimal(str(amount))
    elif dose.unit == "mcg":
        value = Decimal(str(amount)) / 1000
    elif dose.unit == "mcg/h":
        return not_counted(f"{opioid} in mcg/h does not fit: mcg/h is for fentanyl patches; give mg a day")
    else:
        return not_counted(f"the unit {dose.unit!r} does not fit; give {opioid} in mg a day")

    route_problem = _route_problem(medication, opioid)
    if route_problem:
        return not_counted(route_problem)

    mme = _round1(value * factor)
    return MmeRow(
        index, name, opioid, float(factor), float(mme), MmeStatus.COUNTED, None,
        float(value) if dose.unit != "mcg/h" else float(amount), "mg" if dose.unit == "mcg" else dose.unit,
    )


def mme_report(medications: Sequence[Medication] | None) -> MmeReport:
    """MME/day of a medication list, with the caution, co-prescription flags and naloxone suggestion.

    ``None`` (no list given) and an empty list both give an empty report with a total of 0.
    """
    meds = list(medications or [])
    rows = tuple(mme_row(index, med) for index, med in enumerate(meds))
    total = Decimal(0)
    for row in rows:
        if row.status is MmeStatus.COUNTED and row.mme is not None:
            total += Decimal(str(row.mme))
    opioid_names = tuple(row.name for row in rows if row.opioid is not None)
    any_opioid = bool(opioid_names)

    flags: list[CoPrescriptionFlag] = []
    if any_opioid:
        for kind, names in (
            (CoPrescriptionKind.BENZODIAZEPINE, BENZODIAZEPINES),
            (CoPrescriptionKind.GABAPENTINOID, GABAPENTINOIDS),
            (CoPrescriptionKind.Z_DRUG, Z_DRUGS),
        ):
            others = tuple(med.name for med in meds if _is_kind(med.name, names))
            if others:
                flags.append(CoPrescriptionFlag(kind, opioid_names, others))

    naloxone_on_list = any(is_naloxone_rescue(med) for med in meds)
    return MmeReport(
        rows=rows,
        total=float(_round1(total)),
        caution=MME_CAUTION if any_opioid else None,
        co_prescriptions=tuple(flags),
        naloxone_suggested=any_opioid and not naloxone_on_list,
        naloxone_on_list=naloxone_on_list,
    )
