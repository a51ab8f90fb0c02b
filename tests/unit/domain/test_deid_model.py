"""The teaching-case finder's statistical recogniser (phi_model.py): the shipped model is the one trained on
the current test sets, it finds what the rules leave with no cue (sentences of our own, not copied from the
sets), only ever as questions, never on a medicine or a dose, and it is loaded only when the finder runs."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mdtboard.domain import phi, phi_model
from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.resources import resource

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2024, 6, 1)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_shipped_model_was_trained_on_the_current_test_sets() -> None:
    """Changing, adding or removing a test set without training the model again
    (``packaging/make_deid_model.py``) fails here; so does a model trained with other features."""
    meta = json.loads(Path(str(resource("deid", phi_model.METADATA_FILE))).read_text(encoding="utf-8"))
    sets = {path.relative_to(ROOT).as_posix(): _sha256(path)
            for path in sorted((ROOT / "tests" / "data" / "deid").glob("*.json"))}
    assert len(sets) >= 11
    assert meta["sets"] == sets
    assert meta["excluded"] == []
    assert meta["feature_version"] == phi_model.FEATURE_VERSION
    assert meta["model_sha256"] == _sha256(phi_model.model_path())
    assert meta["sizes"]["model_bytes"] == phi_model.model_path().stat().st_size


def _rules_alone(text: str) -> set[tuple[HintKind, str, bool]]:
    """The finder's hints on ``text`` without the model (caches cleared either side)."""
    modelled = phi._modelled
    phi._modelled = lambda text: ()  # type: ignore[assignment]
    phi._text_spans.cache_clear()
    try:
        return {(h.kind, h.text, h.sure) for h in find_identifiers("f", text, today=TODAY)}
    finally:
        phi._modelled = modelled  # type: ignore[assignment]
        phi._text_spans.cache_clear()


@pytest.fixture
def rules_alone() -> Iterator[None]:
    """The finder without the model, for comparison (caches cleared either side)."""
    modelled = phi._modelled
    phi._modelled = lambda text: ()  # type: ignore[assignment]
    phi._text_spans.cache_clear()
    try:
        yield
    finally:
        phi._modelled = modelled  # type: ignore[assignment]
        phi._text_spans.cache_clear()


def _covered(text: str, identifier: str) -> bool:
    """Whether the hints on ``text`` cover every letter and digit of ``identifier``."""
    start = text.index(identifier)
    covered = {i for h in find_identifiers("f", text, today=TODAY) for i in range(h.start, h.end)}
    return all(i in covered for i in range(start, start + len(identifier)) if text[i].isalnum())


#: Sentences of our own where the rules leave an identifier (or part of it) with no hint: a given name
#: starting a sentence, a surname in capitals before a comma-written name, an institution known by a
#: common word and a name, street names of other languages.
NO_CUE = [
    ("DOB unknown. Kwabena says the pain started after work.", "Kwabena", HintKind.NAME),
    ("Plan agreed. Anselm to phone the GP.", "Anselm", HintKind.NAME),
    ("RAMIREZ SOTO, ESPERANZA seen today.", "RAMIREZ SOTO, ESPERANZA", HintKind.NAME),
    ("Moved into Sunrise Meadows in May; staff manage her tablets.", "Sunrise Meadows", HintKind.INSTITUTION),
    ("Previously under the care of Royal Brompton.", "Royal Brompton", HintKind.INSTITUTION),
    ("Correspondence to Ul. Ogrodowa 8/2, Kielce.", "Ogrodowa 8/2", HintKind.ADDRESS),
    ("Correspondence to Via dei Mille 18, int. 3.", "Via dei Mille 18", HintKind.ADDRESS),
]


#: Kinds of a named place.
PLACES = {HintKind.INSTITUTION, HintKind.PLACE, HintKind.ADDRESS}


@pytest.mark.parametrize(("text", "identifier", "kind"), NO_CUE)
def test_the_rules_alone_leave_these_identifiers_partly_unfound(
    rules_alone: None, text: str, identifier: str, kind: HintKind
) -> None:
    assert not _covered(text, identifier)


@pytest.mark.parametrize(("text", "identifier", "kind"), NO_CUE)
def test_the_model_finds_them_and_only_asks(text: str, identifier: str, kind: HintKind) -> None:
    assert _covered(text, identifier)
    start = text.index(identifier)
    modelled = [(s, e, k) for s, e, k in phi._modelled(text) if s < start + len(identifier) and start < e]
    # of its kind; a named place the model may take for a town, an institution or a street (each is replaced
    # by a placeholder: the kind says only which), a retrained model changing its mind between them
    allowed = PLACES if kind in PLACES else {kind}
    assert modelled and {HintKind[k] for _s, _e, k in modelled} <= allowed
    # what the model adds there is a question, never replaced without asking
    hints = find_identifiers("f", text, today=TODAY)
    there = {(h.kind, h.text, h.sure) for h in hints if h.start < start + len(identifier) and start < h.end}
    added = there - _rules_alone(text)
    assert added and {k for k, _text, _sure in added} <= allowed and not any(sure for *_k, sure in added)


def test_no_hint_falls_on_a_medicine_a_dose_a_score_or_an_instrument() -> None:
    lines = [
        "Zapain 30/500 two tablets four times daily; Longtec 10 mg bd, Shortec 5 mg prn.",
        "Co-codamol 8/500 OTC, stopped; Solpadol as needed; Kapake at night.",
        "Started Palexia SR 50 mg twice daily, Lyrica 75 mg at night.",
        "Tampa Scale for Kinesiophobia 41; Oswestry Disability Index 38 %; PHQ-9 14/27; HADS 11/21.",
        "Butrans 10 micrograms/hour patch weekly; Versatis 5 % plaster 12 hours on, 12 off.",
        "Brief Pain Inventory interference 6.4; Pain Self-Efficacy Questionnaire 22/60.",
    ]
    for line in lines:
        assert phi_model.model_spans(line) == [], line
        assert find_identifiers("f", line, today=TODAY) == (), line


def test_the_model_is_loaded_only_when_the_finder_runs() -> None:
    """Importing the teaching-case code loads neither python-crfsuite nor the model; finding does."""
    probe = (
        "import sys\n"
        "from mdtboard.domain import deidentify, phi\n"
        "before = 'pycrfsuite' in sys.modules or 'mdtboard.domain.phi_model' in sys.modules\n"
        "phi.find_identifiers('f', 'Kwabena says the pain started after work.')\n"
        "print(before, 'pycrfsuite' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
