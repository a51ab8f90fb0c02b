"""How many identifiers the teaching-case finder catches before review, on real-looking cases of our own.

The figures are stated in the README; these tests keep them true. See deid_corpus.py for the counting.
"""

from __future__ import annotations

from deid_corpus import CORPUS, DATA, HELD_OUT, KINDS, load_corpus, measure


def test_the_test_set_is_big_and_varied_enough() -> None:
    cases, marked = load_corpus(CORPUS)
    assert len(cases) >= 20
    assert len(marked) >= 200
    assert len({m.kind for m in marked}) >= 12
    assert {m.kind for m in marked} <= set(KINDS)
    # every mark points at its text
    from deid_corpus import text_of

    for mark in marked:
        assert text_of(cases[mark.case], mark.where)[mark.start:mark.end] == mark.text


def test_recall_is_at_least_98_percent_on_the_test_set() -> None:
    result = measure(CORPUS)
    assert result.recall >= 0.98, [m.text for m in result.misses]


def test_recall_is_at_least_98_percent_on_the_held_out_cases() -> None:
    result = measure(HELD_OUT)
    assert result.total >= 100
    assert result.recall >= 0.98, [m.text for m in result.misses]


def test_the_second_held_out_set_keeps_at_least_its_first_measured_recall() -> None:
    """Written by someone who had not read the patterns and measured once, untuned (README): 132 of
    151 identifiers (87.4 %). A floor, not the target: the set stays untuned so its figure stays honest."""
    path = DATA / "second-held-out-cases.json"
    cases, marked = load_corpus(path)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (8, 151, 13)
    result = measure(path)
    assert result.recall >= 132 / 151, [m.text for m in result.misses]


def test_the_third_held_out_set_is_big_and_varied_enough() -> None:
    """Written and committed before the finder was changed after the second set's measurement."""
    cases, marked = load_corpus(DATA / "third-held-out-cases.json")
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (13, 245, 13)
