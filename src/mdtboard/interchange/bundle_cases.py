"""A case of a case bundle (``case-bundle.schema.json``) as the domain's :class:`Case`, and back: the two
conversions :mod:`mdtboard.interchange.bundle` uses once a bundle is checked, and when it writes one (so
that import followed by export gives back the same JSON)."""

from __future__ import annotations

from typing import Any

from mdtboard.domain.case import (
    LINE_FIELDS,
    TEXT_FIELDS,
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    PegItems,
    RestrictedPassage,
    Scores,
)
from mdtboard.domain.privacy import case_passages

PATIENT_KEYS = (
    "display_name",
    "age",
    "sex",
    "gender_identity",
    "pronouns",
    "preferred_language",
    "interpreter_needed",
)


# ---------------------------------------------------------------------------- JSON -> domain


def _whole(value: Any) -> Any:
    """JSON Schema counts ``5.0`` as an integer; the domain wants ``5``."""
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return int(value) if isinstance(value, float) and value.is_integer() else value


def case_from_json(data: dict[str, Any]) -> Case:
    """A checked bundle case as a domain :class:`Case`."""
    p = data["patient"]
    scores = None
    if "scores" in data:
        s = data["scores"]
        peg = s.get("peg_items")
        scores = Scores(
            nrs=_whole(s.get("nrs")),
            peg_items=PegItems(*(_whole(peg[k]) for k in ("pain", "enjoyment", "general_activity")))
            if peg
            else None,
            phq9_items=_whole(s.get("phq9_items")),
            phq9_total=_whole(s.get("phq9_total")),
            phq9_item9=_whole(s.get("phq9_item9")),
            gad7_items=_whole(s.get("gad7_items")),
            gad7_total=_whole(s.get("gad7_total")),
            other=[OtherScore(o["instrument"], o["value"], o.get("note")) for o in s["other"]]
            if "other" in s
            else None,
        )
    texts: dict[str, Any] = {name: data.get(name) for name in TEXT_FIELDS}
    lines: dict[str, Any] = {kind: list(data[kind]) if kind in data else None for kind in LINE_FIELDS}
    return Case(
        ref=data["id"],
        fictional=data["fictional"],
        title=data.get("title"),
        patient=Patient(**{k: _whole(p[k]) if k == "age" else p[k] for k in PATIENT_KEYS if k in p}),
        **texts,
        pain_locations=[
            PainLocation(x["region"], x.get("side"), x.get("character")) for x in data["pain_locations"]
        ]
        if "pain_locations" in data
        else None,
        medications=[
            Medication(
                name=m["name"],
                dose=m.get("dose"),
                route=m.get("route"),
                frequency=m.get("frequency"),
                prn=m.get("prn"),
                daily_dose=DailyDose(m["daily_dose"]["amount"], m["daily_dose"]["unit"])
                if "daily_dose" in m
                else None,
            )
            for m in data["medications"]
        ]
        if "medications" in data
        else None,
        **lines,
        scores=scores,
        restricted_passages=[
            RestrictedPassage(r["field"], r["text"], r["held_by"], r.get("note"))
            for r in data["restricted_passages"]
        ]
        if "restricted_passages" in data
        else None,
        discipline_inputs=[
            DisciplineInput(
                discipline=Discipline(i["discipline"]),
                author=i.get("author"),
                assessment=i.get("assessment"),
                recommendations=i.get("recommendations"),
            )
            for i in data["discipline_inputs"]
        ]
        if "discipline_inputs" in data
        else None,
    )


def cases_from_bundle(data: dict[str, Any]) -> list[Case]:
    return [case_from_json(c) for c in data["cases"]]


# ---------------------------------------------------------------------------- domain -> JSON


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


def case_to_json(case: Case) -> dict[str, Any]:
    out: dict[str, Any] = {"id": case.ref, "fictional": case.fictional}
    _put(out, "title", case.title)
    out["patient"] = {
        k: getattr(case.patient, k) for k in PATIENT_KEYS if getattr(case.patient, k) is not None
    }
    for name in TEXT_FIELDS:
        _put(out, name, getattr(case, name))
    # Passages of conference input stay behind: a bundle carries the case, not the meetings about it.
    kept = case_passages(case.restricted_passages)
    if case.restricted_passages is not None and (kept or not case.restricted_passages):
        out["restricted_passages"] = [
            {"field": r.field, "text": r.text, "held_by": r.held_by}
            | ({"note": r.note} if r.note is not None else {})
            for r in kept
        ]
    if case.pain_locations is not None:
        out["pain_locations"] = [
            {
                k: v
                for k, v in (("region", x.region), ("side", x.side), ("character", x.character))
                if v is not None
            }
            for x in case.pain_locations
        ]
    if case.medications is not None:
        meds = []
        for m in case.medications:
            med: dict[str, Any] = {"name": m.name}
            for key in ("dose", "route", "frequency", "prn"):
                _put(med, key, getattr(m, key))
            if m.daily_dose is not None:
                med["daily_dose"] = {"amount": _number(m.daily_dose.amount), "unit": m.daily_dose.unit}
            meds.append(med)
        out["medications"] = meds
    for kind in LINE_FIELDS:
        _put(out, kind, getattr(case, kind))
    if case.scores is not None:
        s = case.scores
        scores: dict[str, Any] = {}
        _put(scores, "nrs", s.nrs)
        if s.peg_items is not None:
            scores["peg_items"] = {
                "pain": s.peg_items.pain,
                "enjoyment": s.peg_items.enjoyment,
                "general_activity": s.peg_items.general_activity,
            }
        for key in ("phq9_items", "phq9_total", "phq9_item9", "gad7_items", "gad7_total"):
            _put(scores, key, getattr(s, key))
        if s.other is not None:
            scores["other"] = [
                {"instrument": o.instrument, "value": _number(o.value)}
                | ({"note": o.note} if o.note is not None else {})
                for o in s.other
            ]
        out["scores"] = scores
    if case.discipline_inputs is not None:
        out["discipline_inputs"] = [
            {"discipline": str(i.discipline)}
            | {
                k: v
                for k, v in (
                    ("author", i.author),
                    ("assessment", i.assessment),
                    ("recommendations", i.recommendations),
                )
                if v is not None
            }
            for i in case.discipline_inputs
        ]
    return out


def _number(value: float) -> float | int:
    """Whole numbers stored as floats go back out as they usually came in: ``150`` not ``150.0``."""
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value
