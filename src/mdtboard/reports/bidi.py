"""Right-to-left text in paragraphs: lines broken in the order the text was typed, then each line drawn in
visual order.

ReportLab breaks a paragraph into lines from its words in the order it is given them, and draws each line
left to right. The Unicode bidirectional algorithm reorders text line by line, after the lines are broken
(rules L1 and L2): a paragraph reordered before its lines are broken has its first words on its last line.
So a paragraph gets its text in the order it was typed (shaped, see :func:`mdtboard.reports.text.shaped`),
and :func:`visual_lines` puts each broken line in visual order just before it is drawn: the lines of a
wrapped Arabic or Hebrew paragraph read top to bottom in the order of the text, each from right to left.

The direction of each typed line (a paragraph, or a part of one up to a line break) is that of its first
letter that has one (rules P2 and P3): an Arabic text is right to left, a label such as "Name: محمد" left
to right with the name reversed in place. A paragraph whose lines are all right to left is aligned on the
right margin (when its style aligns on the left). The algorithm is python-bidi's reference implementation
(with the mirroring of brackets, rule L4), run on each line with its typed line's direction.
"""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

#: Bidirectional classes of right-to-left letters, and of every letter with a direction.
_RTL = frozenset({"R", "AL"})
_STRONG = frozenset({"L", "R", "AL"})
#: What an inline image or other object counts as in the text of a line (a neutral).
OBJECT = "\ufffc"


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Hebrew, Arabic and its presentation forms...)."""
    return not text.isascii() and any(ch >= "\u0590" and unicodedata.bidirectional(ch) in _RTL for ch in text)


def first_strong_rtl(text: str) -> bool | None:
    """True when the first letter of ``text`` that has a direction is right to left, False when it is left
    to right, None when it has none (digits and punctuation only)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG:
            return kind in _RTL
    return None


def visual_order(text: str, *, rtl: bool) -> list[tuple[int, str]]:
    """The characters of one line of ``text`` in the order they are drawn, left to right: each as its index
    in ``text`` and the character drawn (a bracket in right-to-left text is mirrored). ``rtl``: the line's
    base direction."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]]


def visual_text(text: str, *, rtl: bool) -> str:
    return "".join(ch for _index, ch in visual_order(text, rtl=rtl))


# ---------------------------------------------------------------------------- ReportLab's broken lines


def _line_text(line: Any, kind: int) -> str:
    if kind == 0:
        return " ".join(line[1])
    return "".join(OBJECT if hasattr(f, "cbDefn") else f.text for f in line.words)


def _typed_line_directions(lines: list[Any], kind: int) -> list[bool]:
    """The base direction (True: right to left) of each broken line: that of the typed line it is part of
    (lines up to and including one ended by a line break), by its first letter with a direction."""
    out: list[bool] = []
    group: list[str] = []
    for i, line in enumerate(lines):
        group.append(_line_text(line, kind))
        ends = i == len(lines) - 1 or (kind == 1 and bool(getattr(line, "lineBreak", False)))
        if ends:
            out.extend([_direction(group)] * len(group))
            group = []
    return out


def _direction(texts: list[str]) -> bool:
    for text in texts:
        found = first_strong_rtl(text)
        if found is not None:
            return found
    return False


def _visual_frags(words: list[Any], rtl: bool) -> list[Any]:
    """A line's fragments (runs of one style) in visual order: each run of the visual text that comes from
    one fragment becomes a copy of that fragment with that text."""
    owners: list[int] = []
    pieces: list[str] = []
    for n, frag in enumerate(words):
        text = OBJECT if hasattr(frag, "cbDefn") else frag.text
        owners.extend([n] * len(text))
        pieces.append(text)
    out: list[Any] = []
    run: list[str] = []
    owner = -1
    for index, ch in visual_order("".join(pieces), rtl=rtl):
        if owners[index] != owner and run:
            out.append(_frag_with(words[owner], "".join(run)))
            run = []
        owner = owners[index]
        run.append(ch)
    if run:
        out.append(_frag_with(words[owner], "".join(run)))
    return out


def _frag_with(frag: Any, text: str) -> Any:
    if hasattr(frag, "cbDefn"):
        return frag
    made = copy.copy(frag)
    made.text = text
    return made


def visual_lines(para: Any) -> tuple[Any, bool]:
    """A copy of ReportLab's broken lines (a paragraph's ``blPara``) with every line that holds right-to-left
    text in visual order, and whether every line is right to left (the paragraph then reads from the right
    margin); ``(para, False)`` when no line holds any (the usual case, at the cost of a look at the text).
    The lines as broken stay as they are: splitting a paragraph across pages reads them."""
    kind = para.kind
    lines = para.lines
    texts = [_line_text(line, kind) for line in lines]
    if not any(has_rtl(t) for t in texts):
        return para, False
    directions = _typed_line_directions(lines, kind)
    out = []
    for line, text, rtl in zip(lines, texts, directions, strict=True):
        if not rtl and not has_rtl(text):
            out.append(line)
        elif kind == 0:
            out.append((line[0], visual_text(text, rtl=rtl).split(" ")))
        else:
            made = copy.copy(line)
            made.words = _visual_frags(line.words, rtl)
            out.append(made)
    made_para = copy.copy(para)
    made_para.lines = out
    return made_para, all(directions)
