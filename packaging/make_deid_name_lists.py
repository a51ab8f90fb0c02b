"""Writes the name and word lists of the teaching-case finder (resources/deid/*.txt). Run by hand, in a
scratch virtual environment with the two packages the lists come from (not mdtboard's dependencies):

    python -m venv /tmp/lists && /tmp/lists/bin/pip install names==0.3.0 wordfreq==3.1.1
    /tmp/lists/bin/python packaging/make_deid_name_lists.py

- given names and surnames: the US Census Bureau's 1990 name files (dist.male.first, dist.female.first,
  dist.all.last; a work of the US Government, public domain), as shipped inside the ``names`` package
  (MIT, https://pypi.org/project/names/);
- English word frequencies: ``wordfreq`` (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0), its "large"
  English list, words of letters only at a Zipf frequency of 3.0 or more (about once in a million words).
"""

from __future__ import annotations

import math
import re
from datetime import date
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "deid"
TODAY = date.today().isoformat()


def census(name: str) -> list[str]:
    text = files("names").joinpath(name).read_text(encoding="utf-8")
    return [line.split()[0].casefold() for line in text.splitlines() if line.strip()]


def main() -> None:
    given = sorted(set(census("dist.male.first")) | set(census("dist.female.first")))
    surnames = census("dist.all.last")  # most common first
    header = (f"# {{what}}\n# Source: US Census Bureau, 1990 census name files ({{file}}), a work of the US "
              f"Government (public domain),\n# as shipped in the 'names' package 0.3.0 (MIT, "
              f"https://pypi.org/project/names/). Written {TODAY} by packaging/make_deid_name_lists.py.\n")
    (OUT / "given-names.txt").write_text(
        header.format(what="Given names (male and female), lower case, one a line.",
                      file="dist.male.first, dist.female.first") + "\n".join(given) + "\n", encoding="utf-8")
    (OUT / "surnames.txt").write_text(
        header.format(what="Surnames, lower case, one a line, most common first.", file="dist.all.last")
        + "\n".join(surnames) + "\n", encoding="utf-8")

    from wordfreq import get_frequency_dict

    words = sorted(((w, math.log10(f) + 9) for w, f in get_frequency_dict("en", wordlist="large").items()
                    if re.fullmatch(r"[a-z]+", w) and math.log10(f) + 9 >= 3.0), key=lambda wz: -wz[1])
    (OUT / "english-words.txt").write_text(
        "# English words and their Zipf frequency (log10 of uses per billion words), most common first.\n"
        "# Source: wordfreq 3.1.1 by Robyn Speer (https://github.com/rspeer/wordfreq), 'large' English list;\n"
        "# its data is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), and so is\n"
        "# this file, which keeps only the words of letters a-z at a frequency of 3.0 or more. Written "
        f"{TODAY}\n# by packaging/make_deid_name_lists.py.\n"
        + "\n".join(f"{w} {z:.2f}" for w, z in words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
