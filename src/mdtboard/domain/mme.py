"""Morphine milligram equivalents (MME/day) with the CDC 2022 factors, and opioid co-prescription flags.

MME/day = daily amount x factor. ``Medication.daily_dose`` is the daily amount of the opioid itself
(for a combination product such as "acetaminophen/codeine", the codeine part).

Names are read with the medicine tables in ``resources/medicines`` (see :mod:`mdtboard.domain.medicines`):
generic names, salts, brands and local spellings. Every line gets a row saying what happened to it:
counted, not counted (with the reason), flagged (buprenorphine, which has no factor and is never added
in), no opioid, or not recognised. A name the tables do not know is never taken to be "not an opioid";
while any line is not recognised, not counted or flagged, :attr:`MmeReport.total_statement` says the
total is incomplete ("at least 60 MME/day: 2 lines not counted"). Nothing is silently dropped. The
CDC factors are for oral doses and for fentanyl patches (mcg/h), so an opioid given by
another stated route (injected, buccal fentanyl...) is reported as not counted.

Only the CDC 2022 table is used (``resources/medicines/mme-factors.toml``); older tables (hydromorphone 4,
tramadol 0.1, tiered methadone, fentanyl 7.2) are deliberately absent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from mdtboard.domain.case import Medication
from mdtboard.domain.medicines import (
    TRANSMUCOSAL,
    DrugClass,
    Recognition,
    RouteKind,
    medicine_data,
    read_route,
    recognise,
)

NOT_RECOGNISED_TEXT = "not recognised: check whether this is an opioid, benzodiazepine or gabapentinoid"

NALOXONE_SUGGESTION = "An opioid is prescribed: suggest naloxone (none is on the medication list)."

BUPRENORPHINE = "buprenorphine"

_DATA = medicine_data()

#: Shown wherever MME is shown.
MME_CAUTION = _DATA.caution

#: CDC 2022 conversion factors (``resources/medicines/mme-factors.toml``). Fentanyl is per mcg/h of a
#: transdermal patch; the rest per mg a day.
MME_FACTORS: dict[str, Decimal] = {name: factor.factor for name, factor in _DATA.factors.items()}

#: Words in a fentanyl product's name that say it is not a patch.
_NON_PATCH_FENTANYL_WORDS = frozenset({
    "buccal", "sublingual", "nasal", "intranasal", "lozenge", "lollipop", "film", "tablet", "spray",
    "injection", "intravenous", "infusion",
})
_INJECTED_WORDS = frozenset({
    "injection", "injectable", "intravenous", "iv", "infusion", "subcutaneous", "intramuscular",
    "epidural", "intrathecal", "pca",
})
_PATCH_ROUTES = frozenset({RouteKind.TRANSDERMAL, RouteKind.TOPICAL})
_KNOWN_ROUTES_HINT = "write it as oral, transdermal, sublingual, buccal, IV, IM, SC or intrathecal"


class MmeStatus(StrEnum):
    COUNTED = "counted"
    NOT_COUNTED = "not_counted"
    FLAGGED = "flagged"
    NOT_OPIOID = "not_opioid"
    NOT_RECOGNISED = "not_recognised"

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


_KIND_CLASS = {
    CoPrescriptionKind.BENZODIAZEPINE: DrugClass.BENZODIAZEPINE,
    CoPrescriptionKind.GABAPENTINOID: DrugClass.GABAPENTINOID,
    CoPrescriptionKind.Z_DRUG: DrugClass.Z_DRUG,
}


@dataclass(frozen=True)
class MmeRow:
    """What the MME calculation did with one medication (``index`` is its place in the list).

    ``mme`` is the exact, unrounded value of the line; totals are summed from it and rounded once.
    ``warning`` is set when the daily amount is far outside the usual range ("check the unit").
    """

    index: int
    name: str
    opioid: str | None
    factor: float | None
    mme: float | None
    status: MmeStatus
    reason: str | None = None
    daily_amount: float | None = None
    unit: str | None = None
    warning: str | None = None

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

    @property
    def incomplete(self) -> bool:
        """The line is left out of the total (so the total is a lower bound)."""
        return self.status in (MmeStatus.NOT_COUNTED, MmeStatus.FLAGGED, MmeStatus.NOT_RECOGNISED)


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
    def not_recognised(self) -> tuple[MmeRow, ...]:
        return tuple(row for row in self.rows if row.status is MmeStatus.NOT_RECOGNISED)

    @property
    def uncounted(self) -> tuple[MmeRow, ...]:
        """Every line left out of the total, in list order: not recognised, not counted, flagged."""
        return tuple(row for row in self.rows if row.incomplete)

    @property
    def complete(self) -> bool:
        """True when every line was either counted or recognised as no opioid (the total is then exact)."""
        return not self.uncounted

    @property
    def shows_total(self) -> bool:
        """An MME total belongs on screen: an opioid is listed, or a line might be one."""
        return self.any_opioid or bool(self.not_recognised)

    @property
    def total_text(self) -> str:
        """The total as people write it: "30", "22.5"."""
        return format_number(self.total)

    @property
    def total_statement(self) -> str:
        """The total as every surface shows it, saying when it is incomplete.

        "60 MME/day", or "at least 60 MME/day: 2 lines not counted" while any line is not recognised,
        not counted or flagged.
        """
        missing = len(self.uncounted)
        if not missing:
            return f"{self.total_text} MME/day"
        lines = "1 line" if missing == 1 else f"{missing} lines"
        return f"at least {self.total_text} MME/day: {lines} not counted"

    @property
    def naloxone_suggestion(self) -> str | None:
        return NALOXONE_SUGGESTION if self.naloxone_suggested else None


# ---------------------------------------------------------------------------------------------------


def format_number(value: float | Decimal, places: int = 2) -> str:
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


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]+", (text or "").casefold()))


def identify_opioid(name: str) -> str | None:
    """The opioid a medication name contains ("acetaminophen/codeine" -> "codeine", "Norco" -> "hydrocodone").

    Returns the first opioid named; see :func:`opioids_in` for all of them.
    """
    found = opioids_in(name)
    return found[0] if found else None


def opioids_in(name: str) -> tuple[str, ...]:
    """Every distinct opioid a medication name mentions, in the order named."""
    return recognise(name).opioids


def is_naloxone_rescue(medication: Medication) -> bool:
    """Naloxone (or nalmefene) on its own; "oxycodone/naloxone" or "buprenorphine/naloxone" is no rescue."""
    found = recognise(medication.name)
    return bool(found.of_class(DrugClass.NALOXONE)) and not found.opioids


def _plural_unit(unit: str) -> str:
    return "mcg/h" if unit == "mcg/h" else f"{unit} a day"


def daily_amount_warning(medication: Medication) -> str | None:
    """ "Check the unit: ..." when the daily amount is far outside the usual range for the ingredient.

    The limits are screening limits in ``resources/medicines/medicines.toml`` (usual_daily), far outside
    the labelled range, meant to catch a wrong unit (30 mcg of oxycodone a day, a 400 mcg/h patch).
    """
    dose = medication.daily_dose
    if dose is None:
        return None
    amount = _usable(dose.amount)
    if not amount:  # nothing usable, or none taken (a stopped medicine)
        return None
    found = recognise(medication.name)
    single = [i for i in found.ingredients if _DATA.ingredients[i].usual_daily]
    opioids = found.opioids
    candidates = opioids if opioids else tuple(single)
    if len(candidates) != 1:
        return None
    ingredient = _DATA.ingredients[candidates[0]]
    ranges = ingredient.usual_daily
    if dose.unit in ranges:
        low, high = ranges[dose.unit]
        value = amount
        unit = dose.unit
    elif dose.unit == "mcg" and "mg" in ranges:
        low, high = ranges["mg"]
        value, unit = amount / 1000, "mg"
    else:
        return None
    if low <= value <= high:
        return None
    typed = f"{format_number(amount, 3)} {_plural_unit(dose.unit)}"
    return (
        f"check the unit: {typed} of {ingredient.name} is far outside the usual range "
        f"({format_number(low, 3)} to {format_number(high, 3)} {_plural_unit(unit)})"
    )


def _usable(amount: object) -> Decimal | None:
    if isinstance(amount, bool) or not isinstance(amount, int | float | Decimal):
        return None
    try:
        value = Decimal(str(amount))
    except ArithmeticError:
        return None
    if not value.is_finite() or value < 0:
        return None
    return value


def _route_problem(medication: Medication, opioid: str, found: Recognition) -> str | None:
    """Why the stated route rules the medication out of the CDC factors, if it does."""
    route = " ".join((medication.route or "").split())
    reading = read_route(route) if route else None
    name_words = _words(medication.name)
    if reading is not None and not reading.kinds:
        return f"the route {route!r} is not one mdtboard knows, so it is not counted ({_KNOWN_ROUTES_HINT})"
    if opioid == "fentanyl":
        other_form = name_words & _NON_PATCH_FENTANYL_WORDS
        if reading is not None and not set(reading.kinds) <= _PATCH_ROUTES:
            return (
                f"fentanyl by the {route} route is not counted: "
                "the CDC factor is for transdermal patches only"
            )
        if other_form:
            return (
                f"fentanyl {sorted(other_form)[0]} is not counted: "
                "the CDC factor is for transdermal patches only"
            )
        if any(product.unit == TRANSMUCOSAL for product in found.products):
            return (
                f"{medication.name} is fentanyl through the lining of the mouth or nose and is not counted: "
                "the CDC factor is for transdermal patches only"
            )
        return None
    if reading is not None and reading.kinds != (RouteKind.ORAL,):
        return (
            f"{opioid} by the {route} route is not counted: "
            "the CDC factors are for oral doses (and fentanyl patches)"
        )
    injected = name_words & _INJECTED_WORDS
    if injected:
        return (
            f"{opioid} {sorted(injected)[0]} is not counted: "
            "the CDC factors are for oral doses (and fentanyl patches)"
        )
    return None


def mme_row(index: int, medication: Medication) -> MmeRow:
    """The MME row of one medication."""
    name = medication.name
    found = recognise(name)
    opioids = found.opioids
    warning = daily_amount_warning(medication)
    if not opioids:
        if not found.recognised:
            reason = NOT_RECOGNISED_TEXT
            if found.ingredients and found.unknown_words:
                unknown = ", ".join(f'"{word}"' for word in found.unknown_words)
                reason += f" ({unknown} is not a medicine name mdtboard knows)"
            return MmeRow(index, name, None, None, None, MmeStatus.NOT_RECOGNISED, reason, warning=warning)
        return MmeRow(index, name, None, None, None, MmeStatus.NOT_OPIOID, warning=warning)
    if BUPRENORPHINE in opioids:
        return MmeRow(
            index, name, BUPRENORPHINE, None, None, MmeStatus.FLAGGED,
            "buprenorphine has no CDC MME factor: flagged, never added into the total", warning=warning,
        )
    if len(opioids) > 1:
        return MmeRow(
            index, name, opioids[0], None, None, MmeStatus.NOT_COUNTED,
            f"names more than one opioid ({_join(opioids)}); list each with its own daily amount",
            warning=warning,
        )
    opioid = opioids[0]
    if opioid not in MME_FACTORS:
        return MmeRow(
            index, name, opioid, None, None, MmeStatus.NOT_COUNTED,
            f"{opioid} has no CDC 2022 MME factor, so it is not counted; ask the pharmacist to review",
            warning=warning,
        )
    factor = MME_FACTORS[opioid]

    def not_counted(reason: str) -> MmeRow:
        dose = medication.daily_dose
        return MmeRow(
            index, name, opioid, float(factor), None, MmeStatus.NOT_COUNTED, reason,
            None if dose is None else dose.amount, None if dose is None else dose.unit, warning,
        )

    dose = medication.daily_dose
    if dose is None:
        what = "patch strength in mcg/h" if opioid == "fentanyl" else "daily amount"
        return not_counted(f"no {what} given, so it is not counted")
    amount = _usable(dose.amount)
    if amount is None:
        return not_counted(f"the daily amount {dose.amount!r} is not a usable number")

    if opioid == "fentanyl":
        if dose.unit != "mcg/h":
            return not_counted(
                f"fentanyl in {dose.unit} is not counted: only transdermal fentanyl patches (mcg/h) "
                "have a CDC factor"
            )
        value = amount
    elif dose.unit == "mg":
        value = amount
    elif dose.unit == "mcg":
        value = amount / 1000
    elif dose.unit == "mcg/h":
        return not_counted(f"{opioid} in mcg/h does not fit: mcg/h is for fentanyl patches; give mg a day")
    else:
        return not_counted(f"the unit {dose.unit!r} does not fit; give {opioid} in mg a day")

    route_problem = _route_problem(medication, opioid, found)
    if route_problem:
        return not_counted(route_problem)
    if warning:
        return not_counted(f"{warning}; it is not counted until the amount is corrected")

    mme = value * factor
    return MmeRow(
        index, name, opioid, float(factor), float(mme), MmeStatus.COUNTED, None,
        float(value), "mg" if dose.unit == "mcg" else dose.unit,
    )


def mme_report(medications: Sequence[Medication] | None) -> MmeReport:
    """MME/day of a medication list, with the caution, co-prescription flags and naloxone suggestion.

    The total is summed from the exact line values and rounded once, to one decimal (codeine 15 mg and
    25 mg a day make 6 MME/day, not 2.3 + 3.8). ``None`` (no list given) and an empty list both give an
    empty report with a total of 0.
    """
    meds = list(medications or [])
    rows = tuple(mme_row(index, med) for index, med in enumerate(meds))
    total = sum((Decimal(str(row.mme)) for row in rows if row.status is MmeStatus.COUNTED
                 and row.mme is not None), Decimal(0))
    opioid_names = tuple(row.name for row in rows if row.opioid is not None)
    any_opioid = bool(opioid_names)

    flags: list[CoPrescriptionFlag] = []
    if any_opioid:
        for kind, drug_class in _KIND_CLASS.items():
            others = tuple(med.name for med in meds if recognise(med.name).of_class(drug_class))
            if others:
                flags.append(CoPrescriptionFlag(kind, opioid_names, others))

    naloxone_on_list = any(is_naloxone_rescue(med) for med in meds)
    shows_total = any_opioid or any(row.status is MmeStatus.NOT_RECOGNISED for row in rows)
    return MmeReport(
        rows=rows,
        total=float(_round1(total)),
        caution=MME_CAUTION if shows_total else None,
        co_prescriptions=tuple(flags),
        naloxone_suggested=any_opioid and not naloxone_on_list,
        naloxone_on_list=naloxone_on_list,
    )
