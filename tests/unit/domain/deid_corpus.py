"""The real-looking test cases for the teaching-case finder (tests/data/deid), and the recall measurement.

Run ``.venv/bin/python tests/unit/domain/deid_corpus.py SET`` (SET: held-out, second, third, fourth, fifth,
sixth, seventh, eighth, ninth, tenth, eleventh, twelfth,
thirteenth, fourteenth, fifteenth, sixteenth, seventeenth or
eighteenth) for the figures by kind and the misses, and
``... deid_corpus.py clinical`` for the hints on the shipped clinical texts.
An identifier counts as found when hints cover every one of its letters and digits (half a phone number
found is a miss); a hint of another kind still counts (it is replaced or asked about all the same).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Medication, Patient
from mdtboard.domain.deidentify import case_hints, text_slots

DATA = Path(__file__).resolve().parents[2] / "data" / "deid"
CORPUS = DATA / "real-looking-cases.json"
HELD_OUT = DATA / "held-out-cases.json"
FOURTH = DATA / "fourth-held-out-cases.json"
FIFTH = DATA / "fifth-held-out-cases.json"
SIXTH = DATA / "sixth-held-out-cases.json"
SEVENTH = DATA / "seventh-held-out-cases.json"
EIGHTH = DATA / "eighth-held-out-cases.json"
NINTH = DATA / "ninth-held-out-cases.json"
TENTH = DATA / "tenth-held-out-cases.json"
ELEVENTH = DATA / "eleventh-held-out-cases.json"
TWELFTH = DATA / "twelfth-held-out-cases.json"
THIRTEENTH = DATA / "thirteenth-held-out-cases.json"
FOURTEENTH = DATA / "fourteenth-held-out-cases.json"
FIFTEENTH = DATA / "fifteenth-held-out-cases.json"
SIXTEENTH = DATA / "sixteenth-held-out-cases.json"
SEVENTEENTH = DATA / "seventeenth-held-out-cases.json"
EIGHTEENTH = DATA / "eighteenth-held-out-cases.json"
NINETEENTH = DATA / "nineteenth-held-out-cases.json"
TWENTIETH = DATA / "twentieth-held-out-cases.json"
TODAY = date(2024, 6, 1)
KINDS = {"N": "name", "D": "date", "A": "age over 89", "P": "phone or fax", "E": "e-mail", "U": "web address",
         "I": "IP address", "S": "social security number", "R": "record or ID number", "AD": "street address",
         "PC": "postcode or ZIP", "T": "town or place", "H": "named institution"}
# A title before a marked name is kept, the name must be found: English and French titles, and those of
# other languages (Polish "lek.", "mgr", "dr n. med."; Czech "Mgr.", "MUDr."; German and Turkish "PD Dr.",
# "Prof. Dr.", "med."; Finnish "dos.", "Rad."; Spanish and Portuguese "Dra.", "Sr."; Dutch and Romanian "dr.";
# Greek "Δρ."; Hindi "डॉ."; Czech "doc."; Polish "pani", "pan"; Spanish "doña"; Italian "dott.", "dott.ssa",
# "Sig.", "Sig.ra"; Portuguese "Dr.ª"; Arabic "د." and "أ.د."; "Nurse", "Sister", "Sir" (Filipino "sir
# jun"), Swahili "Bi.", "Rev.").
_TITLE = re.compile(r"(?:(?:Prof|PD|Uzm|Op|Doç|doc)\.?\s+)?"
                    r"(?:dr n\. med|Dr\.? med|Dr|Dra|Drs|dr|Mr|Mrs|Ms|Miss|Fr|Pastor|Prof|prof|Me|M|Mme|"
                    r"Sr|Sra|Srta|lek|mgr|Mgr|MUDr|med|dos|Rad|Δρ|डॉ|Dr\.ª|Dra\.ª|pani|pan|doña|Doña|"
                    r"dott\.ssa|Dott\.ssa|dott|Dott|Sig\.ra|Sig\.na|Sig|أ\.د|د|Nurse|nurse|Sister|Sir|sir|"
                    r"Bi|Rev|Revd)\.?\s+")
_MARK = re.compile(r"\[\[([A-Z]+):(.*?)\]\]")


@dataclass(frozen=True)
class Marked:
    case: int
    where: str
    kind: str
    start: int
    end: int
    text: str


def _unmark(text: str) -> tuple[str, list[tuple[str, int, int, str]]]:
    out, marks, last = [], [], 0
    length = 0
    for match in _MARK.finditer(text):
        plain = text[last:match.start()]
        out.append(plain)
        length += len(plain)
        kind, inner = match.group(1), match.group(2)
        title = _TITLE.match(inner) if kind == "N" else None
        skip = title.end() if title else 0  # "Dr Doherty": the title is kept, the name must be found
        marks.append((kind, length + skip, length + len(inner), inner[skip:]))
        out.append(inner)
        length += len(inner)
        last = match.end()
    out.append(text[last:])
    return "".join(out), marks


def load_corpus(path: Path = CORPUS) -> tuple[list[Case], list[Marked]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    cases: list[Case] = []
    marked: list[Marked] = []
    for number, entry in enumerate(data["cases"]):
        texts: dict[str, str] = {}
        spans: dict[str, list[tuple[str, int, int, str]]] = {}

        def plain(key: str, value: str, texts: dict[str, str] = texts,
                  spans: dict[str, list[tuple[str, int, int, str]]] = spans) -> str:
            text, marks = _unmark(value)
            texts[key], spans[key] = text, marks
            return text

        patient = entry["patient"]
        # the authors are the registered names of who wrote each input (a set may mark them as names too)
        authors = [_unmark(author)[0] for author in entry.get("authors", [])]
        disciplines = [Discipline.PHYSICIAN, Discipline.PSYCHOLOGY, Discipline.PHARMACY,
                       Discipline.PHYSICAL_THERAPY, Discipline.NURSING, Discipline.OCCUPATIONAL_THERAPY]
        case = Case(
            ref=f"REAL-{number:03d}",
            fictional=False,
            patient=Patient(display_name=patient["name"], age=patient.get("age"),
                            pronouns=patient.get("pronouns"), preferred_language=patient.get("language")),
            title=plain("title", entry["title"]),
            one_liner=plain("one_liner", entry["one_liner"]),
            question_for_team=plain("question_for_team", entry["question_for_team"]),
            pain_history=plain("pain_history", entry["pain_history"]),
            psychosocial=plain("psychosocial", entry["psychosocial"]),
            imaging=[plain(f"imaging[{i}]", t) for i, t in enumerate(entry.get("imaging", []))] or None,
            prior_treatments=[plain(f"prior_treatments[{i}]", t)
                              for i, t in enumerate(entry.get("prior_treatments", []))] or None,
            medications=[Medication(name="see note", frequency=plain(f"medications[{i}].frequency", t))
                         for i, t in enumerate(entry.get("medications", []))] or None,
            discipline_inputs=[
                DisciplineInput(discipline=disciplines[i], author=authors[i] if i < len(authors) else None,
                                assessment=plain(f"discipline_inputs[{i}].assessment", t))
                for i, t in enumerate(entry.get("inputs", []))
            ] or None,
        )
        cases.append(case)
        for where, marks in spans.items():
            for kind, start, end, text in marks:
                marked.append(Marked(number, where, kind, start, end, text))
    return cases, marked


@dataclass(frozen=True)
class Recall:
    found: int
    total: int
    by_kind: dict[str, tuple[int, int]]
    misses: list[Marked]
    extra: list[tuple[int, str, str, str]]  # hints on no marked identifier: (case, where, kind, text)

    @property
    def recall(self) -> float:
        return self.found / self.total


def measure(path: Path = CORPUS) -> Recall:
    cases, marked = load_corpus(path)
    hints = [case_hints(case, TODAY) for case in cases]
    found_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    misses: list[Marked] = []
    for mark in marked:
        total_by[mark.kind] += 1
        covered = set()
        for hint in hints[mark.case].get(mark.where, ()):
            covered.update(range(hint.start, hint.end))
        text = text_of(cases[mark.case], mark.where)
        if all(i in covered for i in range(mark.start, mark.end) if text[i].isalnum()):
            found_by[mark.kind] += 1
        else:
            misses.append(mark)
    extra = []
    for number, case_hint in enumerate(hints):
        for where, these in case_hint.items():
            for hint in these:
                if not any(m.case == number and m.where == where and m.start < hint.end and hint.start < m.end
                           for m in marked):
                    extra.append((number, where, hint.kind.value, hint.text))
    return Recall(sum(found_by.values()), len(marked),
                  {k: (found_by[k], total_by[k]) for k in total_by}, misses, extra)


def text_of(case: Case, where: str) -> str:
    return next(text for _f, w, text, _s in text_slots(case) if w == where)


def shipped_clinical_texts() -> list[tuple[str, str, str]]:
    """Every text of the clinical resources mdtboard ships (teaching cases, facilitator guides, rubric,
    calibration vignettes, instrument names and references) and of the sample cases: (file, path, text)."""
    from mdtboard.resources import resource

    root = Path(__file__).resolve().parents[3]
    files = [resource("cases", "teaching-cases.json"), resource("teaching", "facilitator-guides.json"),
             resource("training", "rubric.json"), resource("training", "calibration.json"),
             resource("instruments", "instrument-names.json"), root / "tests" / "data" / "sample-cases.json"]
    out: list[tuple[str, str, str]] = []

    def walk(name: str, value: object, path: str) -> None:
        if isinstance(value, str) and len(value) >= 3:
            out.append((name, path, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(name, item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(name, item, f"{path}[{index}]")

    for file in files:
        walk(Path(str(file)).name, json.loads(Path(str(file)).read_text(encoding="utf-8")), "")
    return out


def clinical_hints() -> list[tuple[str, str, str, bool, str]]:
    """The hints the finder gives on :func:`shipped_clinical_texts` with no names known: (file, path, kind,
    sure, text). Some are identifiers of the fictional cases; the rest are false positives."""
    from mdtboard.domain.phi import find_identifiers

    return [(name, path, hint.kind.value, hint.sure, hint.text)
            for name, path, text in shipped_clinical_texts()
            for hint in find_identifiers(path, text, (), TODAY)]


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["clinical"]:
        texts, hints = shipped_clinical_texts(), clinical_hints()
        size = sum(len(t) for _n, _p, t in texts)
        print(f"{len(hints)} hints on {len(texts)} texts ({size} characters) of the shipped clinical texts:")
        for name, where, kind, sure, text in hints:
            print(f"  {name} {where}: {kind}{'' if sure else ' (a question)'} {text!r}")
        sys.exit()
    sets = {"held-out": HELD_OUT, "second": DATA / "second-held-out-cases.json",
            "third": DATA / "third-held-out-cases.json", "fourth": FOURTH, "fifth": FIFTH,
            "sixth": SIXTH, "seventh": SEVENTH, "eighth": EIGHTH,
            "ninth": NINTH, "tenth": TENTH, "eleventh": ELEVENTH,
            "twelfth": TWELFTH, "thirteenth": THIRTEENTH, "fourteenth": FOURTEENTH,
            "fifteenth": FIFTEENTH, "sixteenth": SIXTEENTH, "seventeenth": SEVENTEENTH,
            "eighteenth": EIGHTEENTH, "nineteenth": NINETEENTH,
            "twentieth": TWENTIETH}
    path = sets.get(sys.argv[1], CORPUS) if sys.argv[1:] else CORPUS
    result = measure(path)
    print(f"{path.name}: {len(load_corpus(path)[0])} cases, {result.total} identifiers of "
          f"{len(result.by_kind)} kinds: "
          f"{result.found} found, recall {result.recall:.1%}")
    for kind, (found, total) in sorted(result.by_kind.items(), key=lambda kv: -kv[1][1]):
        print(f"  {KINDS[kind]:24} {found:4} / {total:4}")
    for miss in result.misses:
        print(f"  missed {KINDS[miss.kind]}: {miss.text!r} in case {miss.case} {miss.where}")
    print(f"{len(result.extra)} hints on text not marked as an identifier:")
    for number, where, kind, text in result.extra:
        print(f"  case {number} {where}: {kind} {text!r}")
