"""Trains the teaching-case finder's statistical recogniser (src/mdtboard/domain/phi_model.py) and writes it
to resources/deid/identifier-model.crfsuite, with its metadata in resources/deid/identifier-model.json.

    .venv/bin/python packaging/make_deid_model.py                      # the shipped model
    .venv/bin/python packaging/make_deid_model.py --exclude tenth --out /tmp/m   # leave one set out

Training data: mdtboard's own annotated test sets, tests/data/deid/*.json (invented cases with every
identifier marked inline as [[KIND:text]]), read as the finder reads them (every text of every case, by
tests/unit/domain/deid_corpus.py). Each word gets a BIO label of a reduced set of kinds (name, town or
place, institution, street address, date, number; phi_model.LABELS). The model is a linear-chain CRF
(CRFsuite, through python-crfsuite, MIT), trained with L-BFGS and elastic-net regularisation; training is
deterministic: the same sets and parameters give the same model. The metadata records the date, the sets
with their SHA-256 (a test fails when a set changes and the model is not trained again), the feature
version, CRFsuite's parameters and the sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "unit" / "domain")]

from deid_corpus import DATA, load_corpus  # noqa: E402

from mdtboard.domain.deidentify import text_slots  # noqa: E402
from mdtboard.domain.phi_model import (  # noqa: E402
    FEATURE_VERSION,
    LABELS,
    METADATA_FILE,
    MODEL_FILE,
    features,
    tokens,
)

#: CRFsuite's training parameters (L-BFGS; c1: L1, c2: L2 regularisation).
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True,
          "feature.minfreq": 1}


def set_name(path: Path) -> str:
    """"tenth" for tenth-held-out-cases.json, "held-out", "tuning" for real-looking-cases.json."""
    stem = path.name.removesuffix(".json")
    if stem == "real-looking-cases":
        return "tuning"
    if stem == "held-out-cases":
        return "held-out"
    return stem.removesuffix("-held-out-cases")


def training_sets() -> list[Path]:
    return sorted(DATA.glob("*.json"))


def sequences(path: Path) -> list[tuple[list[list[str]], list[str]]]:
    """Each text of each case of the set: its tokens' features and BIO labels."""
    cases, marked = load_corpus(path)
    out = []
    for number, case in enumerate(cases):
        for _field, where, text, _structured in text_slots(case):
            spans = tokens(text)
            labels = ["O"] * len(spans)
            marks = sorted((m.start, m.end, LABELS[m.kind]) for m in marked
                           if m.case == number and m.where == where)
            for start, end, label in marks:
                inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + label
            out.append((features(text, spans), labels))
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(out: Path, exclude: tuple[str, ...] = (), today: str | None = None) -> dict[str, object]:
    import pycrfsuite

    sets = [p for p in training_sets() if set_name(p) not in exclude]
    unknown = set(exclude) - {set_name(p) for p in training_sets()}
    if unknown:
        raise SystemExit(f"no such set: {', '.join(sorted(unknown))}")
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    counts: dict[str, int] = {}
    texts = words = 0
    for path in sets:
        for xseq, yseq in sequences(path):
            trainer.append(xseq, yseq)
            texts += 1
            words += len(yseq)
            for label in yseq:
                if label.startswith("B-"):
                    counts[label[2:]] = counts.get(label[2:], 0) + 1
    out.mkdir(parents=True, exist_ok=True)
    model = out / MODEL_FILE
    trainer.train(str(model))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    info = tagger.info()
    meta = {
        "about": "The teaching-case finder's statistical recogniser (src/mdtboard/domain/phi_model.py): a "
                 "linear-chain CRF (CRFsuite via python-crfsuite, MIT), trained by packaging/make_deid_model.py "
                 "on mdtboard's own invented, annotated test sets (tests/data/deid). Those sets are therefore "
                 "training data: a recall measured on them is not a figure for unseen text.",
        "date": today or date.today().isoformat(),
        "feature_version": FEATURE_VERSION,
        "python_crfsuite": metadata.version("python-crfsuite"),
        "algorithm": "lbfgs",
        "params": PARAMS,
        "sets": {path.relative_to(ROOT).as_posix(): sha256(path) for path in sets},
        "excluded": sorted(exclude),
        "sizes": {"texts": texts, "words": words, "identifiers_by_label": dict(sorted(counts.items())),
                  "labels": len(info.labels), "state_features": len(info.state_features),
                  "transitions": len(info.transitions), "model_bytes": model.stat().st_size},
        "model_sha256": sha256(model),
    }
    tagger.close()
    (out / METADATA_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", action="append", default=[], help="a set left out (tenth, ninth...)")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "deid")
    parser.add_argument("--date", help="the date written in the metadata (default: today)")
    args = parser.parse_args()
    meta = train(args.out, tuple(args.exclude), args.date)
    print(json.dumps({k: meta[k] for k in ("sizes", "excluded", "model_sha256")}, indent=1))


if __name__ == "__main__":
    main()
