"""People's names in free text, for :mod:`mdtboard.domain.phi`: the names the case gives, found wherever they
stand (with the initials and given name written beside them), and names found by what stands before or after
them: a title ("Mrs Daly", "Dr Osei"), a relation or role ("her daughter Aoife", "neighbour, Tom Reilly",
"Siobhan (daughter)", "seen by", "referred by"), or a discipline heading an entry ("OT (Orla):").
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_words import (
    DISCIPLINE_NAME,
    FOREIGN_RELATIONS,
    NAME_SKIP,
    NOT_NAMES,
    NOT_TOWNS,
    words,
)

_TITLE = re.compile(
    r"\b(?:Dr\.?\s+med(?:\.\s+dent)?|MUDr|MDDr|PhDr|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Fr|Father|Rev|Revd|Reverend|Pastor|Imam|"
    r"Rabbi|Sr|Cllr|Sgt|Judge|Canon|Sheikh|Hajji?|Auntie|Aunty|Uncle|Nana|Granny|Grandad|Ustadh|Mme|Mlle|"
    r"Me|M(?=\.)|Sra?|Herr|Frau|Pani?|Elder|Chief|Deacon|Bishop|Monsignor|Mgr|Sœur|Soeur|Père|Padre|"
    r"Hermana|Doña|Dña|Srta|Dra|Dre|Mevrouw|Mevr|Dhr|Meneer|Signora|Signor|Sig|Dott|Dottssa|Kaumātua|Whaea|"
    r"Matua|Tita|Lola|Lolo|Lic|Licda|Lcda|Lcdo|Mdm|Mzee|Dr\.?\s+med(?:\.\s+dent)?|Dott\.ssa|"
    r"(?-i:dr|dra|dott|dott\.ssa|prof|lek|mgr))\.?\s+"
)
_RELATIONS = (
    r"daughter|son|wife|husband|partner|spouse|mother|mum|mom|mam|father|dad|brother|sister|neighbou?r|friend|"
    r"carer|caregiver|niece|nephew|granddaughter|grandson|grandchild|grandmother|grandfather|aunt|uncle|"
    r"cousin|fianc[ée]e?|girlfriend|boyfriend|colleague|boss|manager|employer|landlord|landlady|flatmate|"
    r"housemate|step-?(?:son|daughter|mother|father)|in-?law|sister-in-law|brother-in-law|daughter-in-law|"
    r"son-in-law|GP|physio|physiotherapist|consultant|surgeon|key\s?worker|social\s+worker|psychologist|"
    r"pharmacist|counsell?or|therapist|priest|vicar|minister|solicitor|lawyer|advocate|interpreter|chaplain|"
    r"coach|teacher|rheumatologist|neurologist|oncologist|registrar|midwife|dentist|nurse|doctor|pastor|imam|"
    r"twin|kids?|children|child|grandkids|care\s+worker|support\s+worker|named|called|name\s+is|"
    r"seen\s+by|referred\s+by|reviewed\s+by|assessed\s+by|discussed\s+with|spoke\s+(?:to|with)|letter\s+from|"
    r"according\s+to|per|signed|c/o|care\s+of|attn|contact|lives\s+with|looked\s+after\s+by|cared\s+for\s+by|"
    r"next\s+of\s+kin|NOK|emergency\s+contact|parent|guardian|health\s+visitor|warden|officer|rep|"
    r"representative|steward|case\s+manager|caseworker|"
    r"probation\s+officer|health\s+visitor|district\s+nurse|home\s+help|befriender|sponsor|mentor|"
    + FOREIGN_RELATIONS
)
_AFTER_RELATION = re.compile(
    rf"\b(?:{_RELATIONS})s?\b(?:\s*[,:(-]\s*|\s+)(?:(?:is|was|named|called|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|D\.|Dona|Dom|"
    rf"Sra?\.?|Don|Doña|Pani?|Frau|Herr|Mme|M\.|Lic\.)\s+)?",
    re.IGNORECASE,
)
#: A relation or a role standing before a name, as a word (lower case or not): "daughter", "neighbour".
RELATION_CUE = re.compile(rf"\b(?i:{_RELATIONS})\b")
_BEFORE_RELATION = re.compile(
    rf"(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)(?P<bracket>,\s+|\s+\(\s*)(?:(?:his|her|their|"
    rf"the\s+patient's|patient's|Mrs?\.?\s+\w+'s|a|the|our|my)\s+)?(?:{_RELATIONS})\b",
    re.IGNORECASE,
)
_BRACKET_END = re.compile(r"s?\s*[),;:/]|s?\s+\d|['’]s\b")
_NAME_WORDS = re.compile(
    r"(?:(?:[A-Z]\.\s?){1,2})?(?:(?:O['’]|Mc|Mac|Fitz|Ní|Ni|Nic|Ó|Ó|Ua|D['’]|d['’]|de\s+|van\s+(?:der\s+|den\s+)?|von\s+|al-|el-|bin\s+|"
    r"binti\s+|ibn\s+|da\s+|dos\s+|del\s+|la\s+|le\s+)?[^\W\d_][\w'’-]*)"
    r"(?:[ \t]+(?:(?:O['’]|Mc|Mac|de\s+|van\s+|von\s+|al-|el-|bin\s+|ibn\s+|da\s+|dos\s+|del\s+)?"
    r"[^\W\d_][\w'’-]*)){0,2}"
)


_MONTH_NAMES = frozenset(words("january february march april may june july august september october november "
                               "december"))


def capitalised_words(text: str, start: int, given: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The name (one to three capitalised words) starting at ``start``, as a span; None when there is none.
    ``given``: given names kept although they are words that stop a name elsewhere ("Dr Will Young"),
    capitalised after a title."""
    match = _NAME_WORDS.match(text, start)
    if match is None:
        return None
    words = match.group().split()
    kept: list[str] = []
    for word in words:
        bare = word.strip("'’-.")
        if not bare or bare.casefold() in NOT_NAMES and not (
                bare[0].isupper() and bare.casefold() in given and bare.casefold() not in _MONTH_NAMES):
            break
        if not (bare[0].isupper() or bare.casefold() in {"van", "von", "de", "da", "del", "la", "le", "bin",
                                                        "ibn", "dos", "al-", "el-", "binti"}):
            break
        kept.append(word)
    while kept and kept[-1].casefold() in NAME_SKIP:
        kept.pop()
    if not kept or not any(w[0].isupper() for w in kept):
        return None
    end = start + len(" ".join(kept)) if " ".join(kept) == text[start : start + len(" ".join(kept))] else None
    if end is None:  # words were separated by more than one space: measure in the text itself
        end = start
        for word in kept:
            end = text.index(word, end) + len(word)
    while end > start and text[end - 1] in "'’.-":
        end -= 1
    return (start, end) if end > start else None


_PARTICLES_BEFORE = r"(?:(?:van|von|de|der|den|la|le|da|dos|del|di|du|ten|ter|zu|het)\s+){1,3}"
_INITIAL_BEFORE = re.compile(
    rf"(?:\b[A-Z]\.\s?){{1,2}}(?:{_PARTICLES_BEFORE})?$|(?<![\w'’-]){_PARTICLES_BEFORE}$"
)
_GIVEN_BEFORE = re.compile(r"\b(?P<given>[A-Z][a-z][^\W\d_]+)\s$")
#: An initial after a name: "Priya V.", or without its full stop where nothing follows in the phrase
#: ("Priya R – chronic pain", "Sam K").
_INITIAL_AFTER = re.compile(r"\s[A-Z](?:\.(?!\w)|(?=\s+[–—-]\s|\s*$|\s*[,;:)]))")


def with_initials(text: str, start: int, end: int) -> tuple[int, int]:
    """A known name part widened to the initials and given name written beside it: "M. Thompson",
    "Priya V.", "Denise Brooks" (a capitalised word before a known family name, not at a sentence start)."""
    before = _INITIAL_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        start = before.start()
    if before is None or text[start].islower():  # "Pieter van der Berg": the given name before the particles
        given = _GIVEN_BEFORE.search(text[:start])
        if given is not None and given.group("given").casefold() not in NOT_NAMES | NOT_TOWNS:
            start = given.start("given")
    after = _INITIAL_AFTER.match(text, end)
    if after is not None:
        end = after.end()
    return start, end


def shortened_names(text: str, tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    """A known given name shortened and followed by an initial of a known name: "Sam K." for Samuel
    Kakegamic, "Chris O." for Christopher O'Neill."""
    initials = {token[0] for token in tokens if token[:1].isupper()}
    spans = []
    for token in tokens:
        if len(token) < 5 or not token[0].isupper():
            continue
        for size in range(3, len(token) - 1):
            pattern = rf"(?<![\w'’-]){re.escape(token[:size])}\s+(?P<i>[A-Z])\.(?!\w)"
            spans += [m.span() for m in re.finditer(pattern, text) if m.group("i") in initials]
    return spans


#: A title of the Greek alphabet and the name after it, with its initials: "Δρ. Α. Σταύρου",
#: "κ. Παπαδόπουλος".
_GREEK_UPPER, _GREEK_LOWER = "[Α-ΩΆΈΉΊΌΎΏ]", "[α-ωάέήίόύώϊϋΐΰς]"
_GREEK_TITLE = re.compile(
    r"(?<![^\W\d_])(?:Δρ|Δρα|Καθ|Κος|Κα|κος|κα|κ|Υπογραφή:|Υπογραφή)\.?[ \t]+"
    rf"(?P<name>(?:{_GREEK_UPPER}\.[ \t]?){{0,2}}{_GREEK_UPPER}{_GREEK_LOWER}+"
    rf"(?:[ \t-]{_GREEK_UPPER}{_GREEK_LOWER}+)?)"
)
#: A title of the Devanagari or the Bengali script (which write no capitals) and the one to three words of
#: the name after it, up to a postposition, a verb or a punctuation mark: "डॉ. नेहा गुप्ता", "श्री राजेश कुमार
#: यादव, उम्र 57", "KGMU में डॉ. सक्सेना ने MRI करवाया".
_INDIC_TITLE = re.compile(
    r"(?<![\u0900-\u09FF])(?:डॉ\.?|डा\.|श्रीमती|श्री|सुश्री|कुमारी|ডাঃ|ডা\.|শ্রীমতী|শ্রী)[ \t]*"
    r"(?P<name>[\u0900-\u0963\u0966-\u09FF]+(?:[ \t][\u0900-\u0963\u0966-\u09FF]+){0,2})"
)
_INDIC_NOT_NAMES = frozenset((
    "ने", "में", "को", "से", "का", "की", "के", "है", "हैं", "था", "थी", "थे", "और", "पर", "तक", "भी", "जी", "द्वारा",
    "साहब", "ও", "এর", "কে", "থেকে", "তে", "আর", "এবং", "ছিল", "আছে",
))


def _indic_name(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    start = match.start("name")
    end = start
    for word in match.group("name").split():
        if word in _INDIC_NOT_NAMES:
            break
        end = text.index(word, end) + len(word)
    return (start, end) if end > start else None


def context_names(text: str) -> list[tuple[int, int]]:
    """Names in ``text`` found by what stands before or after them (a title, a relation or a role)."""
    spans: list[tuple[int, int]] = [m.span("name") for m in _GREEK_TITLE.finditer(text)]
    spans += [span for m in _INDIC_TITLE.finditer(text) if (span := _indic_name(text, m)) is not None]
    from mdtboard.domain.phi_people import given_names

    for cue in (_TITLE, _AFTER_RELATION):
        for match in cue.finditer(text):
            # a given name that is also a word ("Will", "Hope") only after a title: "care of Royal Brompton"
            # and "her son Will see" (a capital where none belongs) are no names
            span = capitalised_words(text, match.end(), given_names() if cue is _TITLE else frozenset())
            if span is not None:
                spans.append(span)
    for match in DISCIPLINE_NAME.finditer(text):
        group = "a" if match.group("a") else "b"
        if match.group(group).split()[0].casefold() not in NOT_NAMES:
            spans.append(match.span(group))
    for match in _BEFORE_RELATION.finditer(text):
        # in brackets, the relation is all the bracket says ("Siobhan (daughter)", "Tom (neighbour, 70)"),
        # not what an instrument is for ("Zarit Burden Interview (caregiver burden)")
        if "(" in match.group("bracket") and not _BRACKET_END.match(text, match.end()):
            continue
        start = match.start("name")
        words = match.group("name").split()
        # only the capitalised words right before the relation ("... visits, Aoife, her daughter")
        while words and (words[0].casefold() in NOT_NAMES or not words[0][0].isupper()):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        # ... and ending in one: "PCS-P total (mother)" is a score; a word alone at a sentence's start
        # that is an English word and not a given name is not one ("Married, wife ...")
        if len(words) == 1 and _word_at_start(text, start, words[0]):
            continue
        if words and words[-1][0].isupper() and words[-1].casefold() not in NOT_NAMES:
            spans.append((start, match.end("name")))
    return spans


def _word_at_start(text: str, start: int, word: str) -> bool:
    from mdtboard.domain.phi_people import english_frequency, given_names

    before = text[:start].rstrip(" \t")
    key = word.casefold()
    return (not before or before[-1] in ".!?:;\n") and key in english_frequency() and key not in given_names()


@cache
def cue_words() -> frozenset[str]:
    """The titles, relations and roles that stand before a name, of every language the finder knows
    (caseless): a word beside a name that is not itself a name."""
    from mdtboard.domain.phi_vocab import entries

    words = re.findall(r"[^\W\d_]{2,}", _TITLE.pattern + _RELATIONS)
    for section, key in (("relations", None), ("titles", "before"), ("titles", "after"),
                         ("name_forms", "relations"), ("name_forms", "roles")):
        words += [w for entry in entries(section, key) for w in re.findall(r"[^\W\d_]{2,}", entry)]
    return frozenset(w.casefold() for w in words)


def _role(word: str) -> bool:
    """Whether a word written in lower case in a name field is a role or a word, not a name ("interpreter"
    of "M. Sefo, interpreter")."""
    from mdtboard.domain.phi_people import english_frequency

    return word in cue_words() or word in english_frequency()


def initials_forms(name: str) -> tuple[str, str] | None:
    """The initials a person of this name signs with in minutes and notes, every name word and the first and
    last: "Ana Beatriz Rocha" -> ("ABR", "AR"). Titles, particles and words in lower case are not name words;
    None for a name of one word or of more than four."""
    words = [w for w in re.split(r"[\s-]+", name)
             if w[:1].isupper() and w.strip(".").casefold() not in NAME_SKIP]
    if len(words) < 2 or len(words) > 4:
        return None
    return "".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()


def initials_of(name: str) -> set[str]:
    """The forms of :func:`initials_forms` ("Maria Nowak" -> {"MN"}); none for a name of one word."""
    return set(initials_forms(name) or ())


def name_tokens(*names: str | None) -> tuple[str, ...]:
    """The parts of people's names worth looking for in free text (titles and particles left out)."""
    tokens: set[str] = set()
    for name in names:
        for word in re.split(r"[^\w'’-]+", name or ""):
            for token in {word, *word.split("-")}:
                token = token.strip("'’-")
                if (len(token) >= 2 and token.casefold() not in NAME_SKIP and not token.isdigit()
                        and token.casefold() not in NOT_NAMES
                        and not (token.islower() and len(token) >= 3 and _role(token))):
                    tokens.add(token)
    return tuple(sorted(tokens))

