"""The site's details printed on the papers that leave the room: its name, address and letterhead text on
the letter to the GP, and the crisis-line and naloxone texts of the patient plan.

They are settings of a site, not of a person: one JSON file, ``site.json`` in mdtboard's per-user
configuration folder (``~/.config/mdtboard/site.json`` on Linux), or the file named by
``MDTBOARD_SITE_FILE``. Every key is optional::

    {"name": "Riverside Pain Service", "address": "1 River Road\\nRiverside RV1 2AB",
     "letterhead": "Multidisciplinary Pain Team · telephone 01234 567890",
     "phone": "01234 567890",
     "crisis_line": "If you feel unsafe or think about harming yourself, call 988 (any time) or 911.",
     "naloxone": "Keep your naloxone with you ..."}

A file that cannot be read is an :class:`InvalidInputError` naming the file and the key; nothing is
printed with half the details.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from mdtboard.domain.errors import InvalidInputError, Problem

SITE_FILE_VARIABLE = "MDTBOARD_SITE_FILE"

DEFAULT_CRISIS_LINE = (
    "If you feel unsafe, or think about harming yourself, get help now: call your local emergency "
    "number, or go to the nearest emergency department."
)
DEFAULT_NALOXONE = (
    "Naloxone can reverse an opioid overdose. Keep it where you and the people you live with can find it, "
    "and show them how to use it. If someone cannot be woken or their breathing is slow, give naloxone "
    "and call an ambulance."
)


@dataclass(frozen=True)
class SiteDetails:
    name: str = "Pain service"
    address: str = ""
    letterhead: str = ""
    phone: str = ""
    crisis_line: str = DEFAULT_CRISIS_LINE
    naloxone: str = DEFAULT_NALOXONE


def site_file() -> Path:
    """Where the site's details are read from (the file need not exist)."""
    named = os.environ.get(SITE_FILE_VARIABLE)
    if named:
        return Path(named)
    from platformdirs import user_config_dir

    return Path(user_config_dir("mdtboard", appauthor=False)) / "site.json"


def load_site(path: Path | None = None) -> SiteDetails:
    """The site's details from ``path`` (default :func:`site_file`); the defaults when it does not exist."""
    path = site_file() if path is None else path
    if not path.exists():
        return SiteDetails()
    where = str(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInputError(Problem(where, f"cannot be read as JSON: {exc}")) from exc
    if not isinstance(data, dict):
        raise InvalidInputError(Problem(where, "must hold one JSON object of texts"))
    known = {f.name for f in fields(SiteDetails)}
    problems = [Problem(f"{where}: {key}", "is not a known key (" + ", ".join(sorted(known)) + ")")
                for key in data if key not in known]
    problems += [Problem(f"{where}: {key}", "must be text") for key, value in data.items()
                 if key in known and not isinstance(value, str)]
    if problems:
        raise InvalidInputError(problems)
    site = SiteDetails()
    return replace(site, **{k: v for k, v in data.items() if v.strip()})
