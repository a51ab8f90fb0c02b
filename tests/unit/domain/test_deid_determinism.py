"""The finder's hints are the same from one run of the program to the next: nothing in them depends on the
order of a set, which Python changes with the hash seed of each process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Cases whose hints once changed with the hash seed (a name part or an identifier found case-wide that ties
#: in length with another: "Cork" as a place or an institution, "Nguyen" or "Nguyen Thi Lan").
SCRIPT = """
import sys
import deid_corpus as dc
from mdtboard.domain.deidentify import case_hints
for name, number in (("sixth-held-out-cases", 8), ("sixth-held-out-cases", 10),
                     ("seventh-held-out-cases", 23), ("seventh-held-out-cases", 27)):
    cases, _marked = dc.load_corpus(dc.DATA / f"{name}.json")
    print(repr(sorted(case_hints(cases[number], dc.TODAY).items())))
"""


def _hints_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(
        [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout


def test_the_hints_do_not_depend_on_the_hash_seed() -> None:
    first, second = _hints_with_seed("1"), _hints_with_seed("2")
    assert first.count("\n") == 4
    assert first == second
