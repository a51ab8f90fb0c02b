"""Where the shipped resources (fonts, icons, the teaching case bank) are.

Installed from a wheel they sit inside the package (``mdtboard/resources``); in a source checkout, at the
top of the repository; in a PyInstaller bundle, under the bundle's data folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parents[1] / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "mdtboard" / "resources")
    for candidate in candidates:
        if (candidate / "cases").is_dir():
            return candidate
    raise FileNotFoundError(
        "mdtboard's resources folder is missing: looked in " + ", ".join(map(str, candidates))
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
