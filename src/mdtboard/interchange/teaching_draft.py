"""``mdtboard teaching-case REF --out DRAFT.json``: the de-identified draft of a real case, for review.

The file holds the draft (a case bundle case, marked ``"fictional": false``: it is not a teaching case until a
person has reviewed it in mdtboard), every replacement made (with what it replaced, so a reviewer can check
it) and every open hint (what the finder was not sure of, with the proposed replacement). It still holds
patient data: the originals of the replacements and whatever the finder missed. Nothing is stored in the
database; the real case is only read.
"""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from mdtboard.domain.case import Case
from mdtboard.domain.deidentify import TeachingDraft, make_teaching_case, proposal, text_slots
from mdtboard.interchange.bundle import case_to_json
from mdtboard.services.files import write_atomic

FORMAT = "mdtboard-teaching-draft"


def draft_json(draft: TeachingDraft) -> dict[str, Any]:
    texts = {where: text for _f, where, text, _s in text_slots(draft.case)}
    return {
        "format": FORMAT,
        "version": 1,
        "fictional": False,
        "note": "Not a teaching case yet: review every open hint and every field in mdtboard. This file "
        "holds patient data (the originals below and whatever the finder missed).",
        "age_text": draft.age_text,
        "case": case_to_json(draft.case),
        "replacements": [
            {"where": r.where, "kind": r.kind.value, "original": r.original, "replacement": r.replacement}
            for r in draft.replacements
        ],
        "open_hints": [
            {"where": h.where, "kind": h.kind.value, "text": h.text, "start": h.start, "end": h.end,
             "proposal": proposal(draft, h, texts.get(h.where))}
            for h in draft.checklist.open_hints
        ],
        "changes": [{"where": c.where, "what": c.what} for c in draft.changes],
        "fields_to_read": list(draft.checklist.fields),
    }


def write_teaching_draft(
    case: Case, path: Path, *, seed: str | None = None, today: date | None = None
) -> TeachingDraft:
    """Write the draft of the real case ``case`` (as read, unchanged) to ``path`` atomically; returns the
    draft."""
    draft = make_teaching_case(case, seed if seed is not None else secrets.token_hex(8), today=today)
    data = json.dumps(draft_json(draft), ensure_ascii=False, indent=2)
    write_atomic(path, (data + "\n").encode("utf-8"))
    return draft
