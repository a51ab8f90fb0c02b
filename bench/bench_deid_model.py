"""The teaching-case finder with and without its statistical recogniser (phi_model.py), in one run.

    .venv/bin/python -m bench deid_model                    # the runner: time and shipped-text hints
    .venv/bin/python -m bench.bench_deid_model [--cv DIR] [--time]   # also the cross-validation

The runner's ``run()`` times ``case_hints`` on the seventh to tenth sets' cases with the rules and the
shipped model against the rules alone (the baseline, same run; no target: what the model costs is
reported) and counts the hints on the shipped clinical texts with and without it. The command line adds:

- leave-one-set-out cross-validation: for each of the seventh, eighth, ninth and tenth sets, the finder
  (rules + a model trained by ``packaging/make_deid_model.py --exclude SET --out DIR/no-SET``, made first
  when missing) measured on that set, against the rules alone: recall and hints on text not marked as an
  identifier;
- the hints on mdtboard's shipped clinical texts with the shipped model, against the rules alone;
- with ``--time``: ``case_hints`` on the seventh to tenth sets' cases (processor time, best of two, caches
  cleared before each), rules alone against rules and the shipped model, with the load average.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "unit" / "domain")]

import deid_corpus  # noqa: E402

from mdtboard.domain import phi, phi_model  # noqa: E402

HELD = ("seventh", "eighth", "ninth", "tenth")
_MODELLED = phi._modelled


def _clear() -> None:
    for cached in (phi._text_spans, phi._labelled, phi._unknown, _MODELLED):
        cached.cache_clear()
    phi_model._tagger.cache_clear()


def use(model: Path | None) -> None:
    """The finder with ``model`` (None: the rules alone)."""
    _clear()
    if model is None:
        phi._modelled = lambda text: ()  # type: ignore[assignment]
    else:
        phi._modelled = _MODELLED  # type: ignore[assignment]
        phi_model.model_path = lambda: model  # type: ignore[assignment]


def _path(name: str) -> Path:
    return deid_corpus.DATA / f"{name}-held-out-cases.json"


def cross_validate(folder: Path) -> None:
    print("set        rules alone              rules + model (trained without the set)")
    for name in HELD:
        out = folder / f"no-{name}"
        if not (out / phi_model.MODEL_FILE).exists():
            subprocess.run([sys.executable, str(ROOT / "packaging" / "make_deid_model.py"), "--exclude", name,
                            "--out", str(out), "--date", "2026-12-07"], check=True, stdout=subprocess.DEVNULL)
        use(None)
        before = deid_corpus.measure(_path(name))
        use(out / phi_model.MODEL_FILE)
        after = deid_corpus.measure(_path(name))
        print(f"{name:8} {before.found:5}/{before.total} {before.recall:6.1%} {len(before.extra):4} unmarked"
              "   "
              f"{after.found:5}/{after.total} {after.recall:6.1%} {len(after.extra):4} unmarked")
        kinds = sorted(before.by_kind, key=lambda k: -before.by_kind[k][1])
        print("         by kind: " + ", ".join(
            f"{deid_corpus.KINDS[k]} {before.by_kind[k][0]}->{after.by_kind[k][0]}/{before.by_kind[k][1]}"
            for k in kinds if before.by_kind[k] != after.by_kind[k]))


def clinical() -> None:
    use(None)
    before = deid_corpus.clinical_hints()
    use(ROOT / "resources" / "deid" / phi_model.MODEL_FILE)
    after = deid_corpus.clinical_hints()
    print(f"shipped clinical texts: {len(before)} hints with the rules alone, {len(after)} with the model")
    for hint in sorted(set(after) - set(before)):
        print("  new:", hint)
    for hint in sorted(set(before) - set(after)):
        print("  gone:", hint)


def run() -> dict[str, object]:
    """For ``python -m bench``: the time of ``case_hints`` with the model against the rules alone."""
    results, load = _timed()
    use(None)
    before = len(deid_corpus.clinical_hints())
    use(ROOT / "resources" / "deid" / phi_model.MODEL_FILE)
    after = len(deid_corpus.clinical_hints())
    from bench.measure import row

    return {"rows": [row("deid_model: case_hints, 141 cases", min(results["rules + model"]),
                         min(results["rules alone"]), "s CPU",
                         note=f"shipped clinical texts: {after} hints with the model, {before} without")],
            "details": {"cpu_s": results, "open_model_s": load, "clinical_hints": [before, after],
                        "load_average": os.getloadavg()}}


def _timed() -> tuple[dict[str, list[float]], float]:
    cases = [case for name in HELD for case in deid_corpus.load_corpus(_path(name))[0]]
    model = ROOT / "resources" / "deid" / phi_model.MODEL_FILE
    results: dict[str, list[float]] = {"rules alone": [], "rules + model": []}
    for _round in range(2):
        for label, path in (("rules alone", None), ("rules + model", model)):
            use(path)
            if path is not None:
                phi_model._tagger()  # the model's load is timed separately
            start = time.process_time()
            for case in cases:
                deid_corpus.case_hints(case, deid_corpus.TODAY)
            results[label].append(time.process_time() - start)
    use(model)
    start = time.process_time()
    phi_model._tagger()
    return results, time.process_time() - start


def timing() -> None:
    results, load = _timed()
    cases = sum(len(deid_corpus.load_corpus(_path(name))[0]) for name in HELD)
    print(f"case_hints on {cases} cases (seventh to tenth sets), processor time, best of two: "
          + ", ".join(f"{label} {min(times):.1f} s" for label, times in results.items())
          + f"; opening the model file {load * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv", type=Path, default=Path("/tmp/mdtboard-deid-cv"))
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--only", choices=("cv", "clinical", "time"))
    args = parser.parse_args()
    if args.only in (None, "cv"):
        cross_validate(args.cv)
    if args.only in (None, "clinical"):
        clinical()
    if args.time or args.only == "time":
        timing()


if __name__ == "__main__":
    main()
