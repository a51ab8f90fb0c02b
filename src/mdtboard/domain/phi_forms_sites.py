"""More general forms of identifiers, for :mod:`mdtboard.domain.phi` (continued from
:mod:`mdtboard.domain.phi_forms`, with the same vocabularies, sections ``address_forms`` and
``institution_forms`` of ``resources/deid/identifier-words.toml``):

- street addresses of more local forms: street words of more languages even without a number ("Heol Plase",
  "Odos Egnatias 112"), Colombian "Cra. 43A #34-95", roads known by a number ("23841 County Rd 34", "Rural
  Route 1 Box 212-A"), Indian "B-2/117, Sector F", "142-B Gorordo Ave.", "Biltstraat 88bis";
- institutions: kinds of more languages before or after the name ("Nosokomeio Papageorgiou", "Caritas
  Sozialstation Ehrenfeld", "Adeoyo Maternity"), a lower-case kind after it ("Kim San Leng kopitiam"),
  schools known by a number ("SP nr 114 w Krakowie"), insurers, home-care services and roles in an
  organisation before the name ("EPS Sura", "Hemtjänst (Attendo Vännäs)", "chairman of the Llanuwchllyn
  Young Farmers"), and, as questions, unknown all-capitals acronyms after "at", "from" or "known to" or
  before "ward", "chart" or a known town ("at the LGI", "HSC chart", "UCH Ibadan").
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_forms import _JOIN, _NAME, _NOT, CAPW, _all_known, _bare, _words
from mdtboard.domain.phi_vocab import LOWER, UPPER, entries
from mdtboard.domain.phi_words import GENERIC, NOT_NAMES

Span = tuple[int, int]
Sure = tuple[int, int, bool]


# ------------------------------------------------------------------------------------------- addresses

@cache
def _address_patterns() -> tuple[re.Pattern[str], ...]:
    plain = [w for w in entries("address_forms", "before") if not w.endswith(".")]
    before_all = _words(entries("address_forms", "before"))
    after = _words(entries("address_forms", "after") + entries("streets", "after"))
    routes = _words(entries("address_forms", "routes"))
    particles = r"(?:de|del|la|las|los|da|do|dos|das|di|della|des|du|le|les|al|el|ha|y|yr|na|an|ya|wa)"
    number = r"\d{1,5}(?:\s?[A-Za-z]\b|/\d{1,4})?"
    return (
        # a street word of more languages, with or without a number: "Odos Egnatias 112", "Heol Plase"
        re.compile(rf"(?<![\w.]){_words(plain)}\s+(?:{particles}\s+)*{CAPW}(?:\s+{CAPW}){{0,2}}(?:\s+{number})?"),
        re.compile(rf"(?<![\w.]){before_all}\s+(?:{particles}\s+)*(?:{CAPW}\s+){{0,3}}{number}"),
        # Colombian addresses: "Cra. 43A #34-95", "Calle 10 No. 43-12", "Av. 68 Bis # 12-34"
        re.compile(rf"(?<![\w.]){before_all}\s+\d{{1,3}}\s?[A-Z]?(?:\s+(?:Bis|bis|Sur|Norte|Este|Oeste))?\s*"
                   r"(?:#|No\.?|N[°º]\.?|Nro\.?)\s*\d{1,3}\s?[A-Z]?\s*-\s*\d{1,3}"),
        # roads known by a number, with the house number: "23841 County Rd 34"
        re.compile(rf"\b\d{{1,6}}\s+{routes}\s+\d{{1,5}}[A-Z]?\b"),
        re.compile(r"\b(?:Rural\s+Route|RR|HC|Star\s+Route)\s+\d{1,3},?\s+Box\s+\d{1,5}(?:-?[A-Z]\b)?"),
        # Indian blocks and sectors: "B-2/117, Sector F", "C-45, Sector 62"
        re.compile(r"(?<![\w/-])[A-Z]{1,2}-\d{1,4}(?:/\d{1,4})?,\s*(?:Sector|Sec\.|Block|Blk|Phase|Pocket)\s+"
                   r"[\w-]{1,4}\b"),
        # a house number with a letter: "142-B Gorordo Ave."
        re.compile(rf"\b\d{{1,5}}-[A-Z]\b,?\s+(?:{CAPW}\s+){{1,3}}{after}"),
        # a house number with "bis", "ter": "Biltstraat 88bis", "rue Nationale 12 ter"
        re.compile(rf"\b{CAPW}(?:\s+{CAPW}){{0,3}}\s+\d{{1,5}}\s?(?:bis|ter|quater)\b"),
        # blocks and lots of Latin America: "Mz. 5 Lt. 12", "Manzana B Lote 7"
        re.compile(r"(?<![\w.])(?:Mz|Mza|Manzana)\.?\s*[A-Z0-9]{1,4},?\s*(?:Lt|Lte|Lote)\.?\s*\d{1,4}\b"),
        # post office boxes and private bags: "P.O. Box 3318-40100", "Apartado 412", "Postfach 10 12 20"
        # (with the letters of a sorting office before the number in Ghana: "P.O. Box KS 1934")
        re.compile(rf"(?<![\w.]){_words(entries('address_forms', 'po_boxes'))}\s*(?:(?i:no)\.?\s*)?"
                   r"(?:[A-Z]{1,3}[ \t]?)?\d{1,6}(?:[\s-]\d{2,6}){0,2}(?![\d/])"),
        # places and addresses written in Chinese and Japanese: "朝阳区", "世田谷区北沢2-3-4"
        re.compile(r"[\u4e00-\u9fff]{2,5}(?:市|区|區|县|縣|町|村|镇|鎮)(?:[\u4e00-\u9fff]{1,4}\d{1,4}(?:-\d{1,4}){1,2})?"),
    )


def address_form_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Span]:
    spans = []
    for index, pattern in enumerate(_address_patterns()):
        for match in pattern.finditer(text):
            if index == 0:
                name = match.group().split(None, 1)[1] if " " in match.group() else ""
                if not re.search(r"\d", name) and _all_known(name, clinical):
                    continue
            spans.append(match.span())
    return spans


#: A street known by its name and an English street word, without a house number: "Beechwood Road", "Broad
#: st", "E. 105th St" ("St" before a capitalised word is a saint: "St Mary's").
_STREET_NAME = re.compile(
    rf"(?<![\w.-])(?P<name>(?:[NSEW]\.?\s+)?(?:\d{{1,3}}(?:st|nd|rd|th)|{CAPW}(?:\s+{CAPW}){{0,2}}))\s+"
    r"(?i:street|st|road|rd|avenue|ave|lane|ln|crescent|terrace|boulevard|blvd|drive|highway|hwy)\b\.?"
    rf"(?!\s*{CAPW}\s*['’]s|\s+{CAPW}(?:\s|$))"
)


def street_name_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Span]:
    """Streets named without a house number (see :data:`_STREET_NAME`): the name's words that are not names
    before it are left out ("the Pain Road" is not a street), and it is kept only when a name remains."""
    spans = []
    for match in _STREET_NAME.finditer(text):
        start = match.start("name")
        for word in re.finditer(r"\S+", match.group("name")):
            if re.fullmatch(r"[NSEW]\.?|\d.*", word.group()) or not (
                    _bare(word.group()) in _NOT or _bare(word.group()) in clinical):
                break
            start = match.start("name") + word.end()
        name = text[start:match.end("name")].strip()
        if name and (re.search(r"\d", name) or not _all_known(name, clinical)):
            spans.append((match.end("name") - len(name), match.end()))
    return spans


@cache
def _address_tails() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    routes = _words(entries("address_forms", "routes"))
    suffixes = _words(entries("address_forms", "house_suffixes"))
    landmarks = _words(entries("address_forms", "landmarks"))
    return (
        re.compile(rf"(?:(?<![\w]){routes}\.?)$"),
        re.compile(rf"(?:\s+\d{{1,5}}[A-Z]?\b)?(?:\s?{suffixes}\b|-[A-Z]\b|\s[A-Z]\b(?=\s*[,;)]|\s*$))?"),
        re.compile(rf"\s*,?\s*(?i:{landmarks})\s+$"),
    )


def widen_address_end(text: str, start: int, end: int) -> int:
    """An address widened to the road's number and the letter or "bis" after the house number ("County Rd
    34", "Box 212-A", "88bis", "Storgatan 12 B")."""
    route, tail, _landmark = _address_tails()
    if route.search(text[start:end]):
        number = re.match(r"\s+\d{1,5}[A-Z]?\b", text[end:])
        if number is not None:
            end += number.end()
    match = tail.match(text, end)
    if match is not None and match.end() > end and re.search(r"\d", text[start:end]):
        end = match.end()
    return end


def joined_by_landmark(text: str, end: int, next_start: int) -> bool:
    """Whether two addresses are one, joined by a landmark ("..., off Liberty Stadium Rd")."""
    return bool(_address_tails()[2].fullmatch(text[end:next_start] + " ")) if next_start > end else False


# ---------------------------------------------------------------------------------------- institutions

@cache
def _institution_patterns() -> tuple[re.Pattern[str], ...]:
    before = _words(entries("institution_forms", "before"))
    after = _words(entries("institution_forms", "after"))
    lower_after = _words(entries("institution_forms", "lower_after"))
    labels = _words(entries("institution_forms", "labels") + entries("institutions", "employer_labels"))
    numbered = _words(entries("institution_forms", "numbered"))
    name = _NAME
    place = rf"(?:\s+{CAPW}(?=\s*[,.;:)]|\s*$|\s+[a-z\d]))?"
    return (
        re.compile(rf"(?<![\w.]){before}(?:['’]r)?\s+(?:(?:de|do|da|dos|das|di|del|della|ng|ya|cha|al|im\.)\s+)?"
                   rf"(?:(?:{name}|św\.|Sf\.){_JOIN}){{0,4}}{name}"),
        re.compile(rf"(?P<pre>(?:{name}{_JOIN}){{0,3}}{name})\s+{after}(?![^\W_]){place}"),
        re.compile(rf"(?P<pre>(?:{name}{_JOIN}){{0,3}}{name})\s+{lower_after}(?![^\W_])"),
        re.compile(rf"(?<![\w.]){numbered}\s+(?i:nr|no|n[°º]|#)\.?\s*\d{{1,4}}"
                   rf"(?:\s+(?:w|we|in|im|de|din|di|en|à|em|na|of)\s+{CAPW})?"),
        re.compile(rf"(?<![\w-])(?i:{labels})\s*:?\s*\(?\s*(?:(?i:the|la|le|el|de|het|der|die|das|l['’])\s+)?"
                   rf"(?P<pre>(?:[A-Z]\.\s?){{1,3}}{CAPW}|{name}(?:{_JOIN}{name}){{0,4}})"),
        # institutions written in Chinese, Japanese and Korean: "北京协和医院", "東京大学病院", "세브란스병원"
        re.compile(r"(?P<pre>[\u4e00-\u9fff\u3040-\u30ff]{2,10}(?:病院|医院|醫院|診療所|クリニック|学校|學校|大学|大學|"
                   r"教会|教會)|[\uac00-\ud7a3]{2,8}(?:병원|의원|학교|대학교|교회))"),
        # an employer named before a job: "a Tesco employee", "former Walmart cashier" (a question)
        re.compile(rf"(?<![\w-])(?i:a|an|the|former|retired|ex|ex-|as)\s+(?P<pre>{CAPW}(?:\s+{CAPW}){{0,2}})\s+"
                   rf"(?i:{_words(entries('institution_forms', 'jobs'))})(?![^\W_])"),
        # an employer or a unit after "ex-", before the work or the worker: "ex-Jamalco bauxite worker",
        # "ex-BP Forties platform" (a question)
        re.compile(rf"(?<![\w-])(?i:ex)-(?P<pre>(?:{CAPW}|[A-Z]{{2,5}})(?:\s+{CAPW}){{0,2}})(?=\s+[a-z])"),
        # a brand written with an inner capital, in brackets after a person: "Henk Jansen (ArboNed)"
        re.compile(rf"{CAPW}\s+{CAPW}\s*\((?P<pre>{UPPER}{LOWER}+{UPPER}[^\W\d_]*)\)"),
        # a kind "for" whom, after "at" or "from": "at Rehab Centre for Children & Adults"
        re.compile(rf"(?<![\w-])(?i:at|from|to|attends)\s+(?:the\s+)?(?P<pre>(?:{CAPW}\s+){{0,3}}"
                   rf"(?:Centre|Center|Institute|Home|Hospital|School|Unit|Service|Clinic|Society|Foundation)"
                   rf"\s+for\s+(?:the\s+)?{CAPW}(?:\s+(?:&|and)\s+{CAPW})?)"),
    )


_DROP = frozenset({"the", "a", "an", "our", "his", "her", "their", "at", "from", "in", "to", "and"})


def institution_form_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Sure]:
    """Institutions: (start, end, sure); a lower-case kind after a name is a question."""
    spans: list[Sure] = []
    for index, pattern in enumerate(_institution_patterns()):
        for match in pattern.finditer(text):
            group = "pre" if "pre" in pattern.groupindex else 0
            start, words = match.start(group), match.group(group).split()
            sure = index not in (2, 6, 7, 8, 9)
            if index in (1, 2, 4, 6, 7, 8, 9):
                while words and (_bare(words[0]) in _DROP or _bare(words[0]) in NOT_NAMES - GENERIC
                                 or index == 2 and _bare(words[0]) in _NOT):
                    start = text.index(words[0], start) + len(words[0])
                    start += len(text[start:]) - len(text[start:].lstrip())
                    words = words[1:]
                if not words:
                    continue
                if _all_known(" ".join(words), frozenset() if index == 9 else clinical):
                    # an employer's name of two capitalised common words after "works for", "retired from"
                    # ("Union Pacific", "General Electric"): a question
                    if not (index == 4 and len(words) >= 2 and all(w[:1].isupper() for w in words)):
                        continue
                    sure = False
            elif index == 0 and _all_known(match.group().split(None, 1)[-1], clinical):
                continue
            end = match.end(group) if index in (4, 6, 7, 8, 9) else match.end()
            spans.append((start, end, sure))
    return spans


@cache
def _acronym_patterns() -> tuple[re.Pattern[str], ...]:
    cues = _words(entries("institution_forms", "acronym_cues"))
    acronym = r"(?P<a>[A-Z][A-Z0-9&]{1,6}[A-Z](?![\w&-]))"
    departments = (r"(?:chart|file|ward|wards|clinic|outpatients?|OPD|ED|A&E|ICU|records|"
                   r"department|dept|radiology|pharmacy|theatres?|lab|labs|staff|campus|site|Hospital|"
                   r"Ophthalmology|Orthopaedics|Orthopedics|Neurology|Neurosurgery|Cardiology|Oncology|"
                   r"Rheumatology|Surgery|Emergency|Pain\s+(?:Clinic|Service|Centre|Center)|"
                   # its staff and its works ("a PSNI officer", "via the FMOH programme"), and the Hindi
                   # postpositions "in" and "from" ("KGMU में")
                   r"officers?|constables?|employees?|workers?|programme|program|scheme|depot|plant|platform|"
                   r"में|से)(?![\w])")
    # a department or a therapy before it: "Physiotherapy KNH x4"
    department_before = (r"(?<![\w-])(?:Physiotherapy|Physio|Radiology|Pharmacy|Outpatients?|Orthopaedics|"
                         r"Orthopedics|Neurosurgery|Oncology|Rheumatology|Psychiatry|Psychology)\s+")
    return (
        re.compile(rf"(?<![\w-])(?i:{cues})\s+{acronym}(?:\s+(?P<w>{CAPW}))?"),
        re.compile(rf"(?:(?<![\w-])(?={acronym.replace('?P<a>', '')}\s+{departments})|{department_before})"
                   rf"{acronym}"),
        re.compile(rf"(?<![\w-]){acronym}\s+(?P<t>{CAPW}(?:\s+{CAPW})?)"),
    )


def acronym_spans(text: str, towns: frozenset[str], clinical: frozenset[str] = frozenset(),
                  clinical_acronyms: frozenset[str] = frozenset()) -> list[Span]:
    """Unknown all-capitals acronyms where an institution's name stands (questions): after "at", "from",
    "known to" and their equivalents, before "ward", "chart" or a department, before a known town."""
    stop = frozenset(entries("institution_forms", "not_acronyms")) | clinical_acronyms

    def unknown(acronym: str) -> bool:
        return acronym not in stop and acronym.casefold() not in _NOT and acronym.casefold() not in clinical

    spans = []
    cue, department, town = _acronym_patterns()
    for match in cue.finditer(text):
        if unknown(match.group("a")):
            word = match.group("w")
            with_word = word is not None and not _all_known(word, clinical)
            spans.append((match.start("a"), match.end("w") if with_word else match.end("a")))
    for match in department.finditer(text):
        if unknown(match.group("a")):
            spans.append(match.span("a"))
    for match in town.finditer(text):
        if unknown(match.group("a")) and (match.group("t").casefold() in towns
                                          or match.group("t").split()[0].casefold() in towns):
            spans.append(match.span())
    return spans


@cache
def _kind_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:[ldLD]['’])?(?i:{_words(entries('institution_forms', 'lower_before'))})"
                      r"(?:\s+(?:of|de|du|de\s+la|di|del)\s+|\s+|['’])$")


def widen_institution(text: str, start: int) -> int:
    """An institution widened to the lower-case kind written before it ("église Saint-Nizier")."""
    match = _kind_before().search(text, max(0, start - 24), start)
    return match.start() if match is not None else start


_BRACKET = re.compile(rf"\s*\(\s*(?P<inner>{CAPW}(?:\s+{CAPW}){{0,5}})\s*\)")


def bracket_after(text: str, end: int) -> Span | None:
    """Capitalised words in brackets right after an institution: its name in full ("JOOTRH (Jaramogi Oginga
    Odinga)") or its town ("Saudi Aramco (Dhahran)")."""
    from mdtboard.domain.phi_gazetteer import REGIONS

    match = _BRACKET.match(text, end)
    if match is None or all(_bare(w) in _NOT for w in match.group("inner").split()) or (
            match.group("inner").casefold() in REGIONS):
        return None
    return match.span("inner")


@cache
def clinical_acronyms() -> frozenset[str]:
    """The all-capitals words of the clinical texts mdtboard ships (tests, scores, services): not names."""
    from mdtboard.resources import resource

    found: set[str] = set()
    for folder, name in (("cases", "teaching-cases.json"), ("teaching", "facilitator-guides.json"),
                         ("training", "rubric.json"), ("training", "calibration.json"),
                         ("instruments", "instrument-names.json")):
        text = resource(folder, name).read_text(encoding="utf-8")
        found.update(re.findall(r"(?<![\w-])[A-Z][A-Z0-9&]{1,6}[A-Z](?![\w&-])", text))
    return frozenset(found)
