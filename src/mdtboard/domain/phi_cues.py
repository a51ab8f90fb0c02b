"""Identifiers found by the words written around them, for :mod:`mdtboard.domain.phi`, in forms the other
modules do not know:

- dates with the day (and the year) written in words ("primero de abril de 2022", "il primo aprile", "le
  trois février deux mille vingt-trois", "am vierzehnten Mai", "dwudziestego trzeciego stycznia"), a day
  with a full stop after a weekday or "den" ("tirsdag 11. mars"), the Finnish genitive month before its day
  ("maaliskuun 15. päivään"), timestamps with "T" and a UTC offset, dates of the Republic of China's
  calendar written with slashes ("114/01/08"), feast days of every language the finder knows, alone, a
  message's day and month in a log of messages ("WhatsApp 2/3: ...");
- people by where logs and minutes write them: a user name after "user=" or "usuario", the typist's
  initials after "typed by", the initials in a meeting's "Present:" list (and again where that text names
  them), "Action: ks to ...", a surname in capitals before a comma and a given name ("MCLEOD, Agnes"),
  and a name in capitals after a title in capitals ("DR. OSEI");
- record numbers after more labels (a claim number after the insurer's name, a prescription, a device's
  serial number, a registration after a signature) and codes of three or more groups of letters and digits;
- street addresses by a house number label, Japanese "丁目", Korean "-ro"/"-gil", Thai "ถนน" and "หมู่",
  Persian "خیابان ... پلاک", German "Am Schleusenhof 3a";
- towns before a Turkish case ending after an apostrophe ("İzmir'de") and after Thai divisions;
- institutions: an unknown acronym before a claim, a referral or a union's word, or after an affiliation,
  a union or a case-file word; a word written in two capitalised halves ("PhilHealth"); a pharmacy known by
  its number ("Apotek 1"); a Thai hospital ("โรงพยาบาล..."); the Turkish kinds and insurers' kinds after a
  name ("Karsan fabrikasında", "Tryg Forsikring"); an acronym in brackets after a hospital's kind; a
  letterhead opening a text with a centre's or a department's kind.

Every span is returned with its kind's name and whether it is sure; most are questions.
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_dates import MONTHS
from mdtboard.domain.phi_vocab import alternation, entries
from mdtboard.domain.phi_words import words

Cue = tuple[int, int, str, bool]  # start, end, kind ("date", "name", ...), sure

# ---------------------------------------------------------------------------------------------- dates

_DAY_WORDS = words(
    # Spanish, Portuguese, Italian, French, German (ordinal, as written after "am"), English, Polish
    "primero un uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
    "veinticinco veintiséis veintisiete veintiocho veintinueve treinta primeiro um dois três quatro seis "
    "sete oito nove dez onze doze treze catorze quinze dezesseis dezassete dezessete dezoito dezanove "
    "dezenove vinte trinta primo due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
    "quattordici quindici sedici diciassette diciotto diciannove venti ventuno ventidue ventitré "
    "ventiquattro venticinque ventisei ventisette ventotto ventinove trenta trentuno premier deux trois "
    "quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit "
    "dix-neuf vingt vingt-et-un vingt-deux vingt-trois vingt-quatre vingt-cinq vingt-six vingt-sept "
    "vingt-huit vingt-neuf trente trente-et-un ersten zweiten dritten vierten fünften sechsten siebten "
    "achten neunten zehnten elften zwölften dreizehnten vierzehnten fünfzehnten sechzehnten siebzehnten "
    "achtzehnten neunzehnten zwanzigsten einundzwanzigsten zweiundzwanzigsten dreiundzwanzigsten "
    "vierundzwanzigsten fünfundzwanzigsten sechsundzwanzigsten siebenundzwanzigsten achtundzwanzigsten "
    "neunundzwanzigsten dreißigsten einunddreißigsten first second third fourth fifth sixth seventh "
    "eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth thirtieth pierwszego drugiego trzeciego czwartego piątego szóstego siódmego "
    "ósmego dziewiątego dziesiątego jedenastego dwunastego trzynastego czternastego piętnastego "
    "szesnastego siedemnastego osiemnastego dziewiętnastego dwudziestego trzydziestego"
)
_DAY_WORD = r"(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")"
# a year in words: "deux mille vingt-trois", "dos mil veinticuatro", "two thousand and twenty-four"
_YEAR_WORDS = (r"(?:deux\s+mille|dos\s+mil|dois\s+mil|duemila|zweitausend|two\s+thousand(?:\s+and)?|"
               r"dwa\s+tysiące)(?:[\s-](?:et|y|e|and|und)?[\s-]?" + _DAY_WORD + r"){0,2}")
_YEAR = rf"(?:(?:19|20)\d\d(?:\s*r\.)?|{_YEAR_WORDS})"
_SPELLED = re.compile(
    rf"(?<![\w-])(?:(?:il|el|le|am|the|dnia)\s+)?{_DAY_WORD}(?:[\s-](?:y|e|et|and)?[\s-]?{_DAY_WORD})?"
    rf"\s+(?:de\s+|of\s+)?(?P<m>{MONTHS})(?![\w-])(?:,?\s+(?:de\s+|del\s+)?{_YEAR}(?![\w-]))?",
    re.IGNORECASE,
)
_NUMBER_WORDS_ALSO_ENGLISH = frozenset({"due", "sei", "second", "dez", "tre", "um", "six", "sept", "dix"})
_DOT_DAY = re.compile(
    rf"(?<![\w-])(?:(?i:{alternation(entries('date_forms', 'weekdays'))}),?\s+|(?:den|am|vom|bis|seit|til|"
    rf"fra|innen|siden|från|till|sedan|innan)\s+)\d{{1,2}}\.\s+(?i:{MONTHS})(?![\w-])"
)
_FI_GENITIVE = re.compile(
    r"(?<![\w-])(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuun\s+\d{1,2}\."
    r"(?:\s+päivä(?:än|nä|stä|ä)?)?",
    re.IGNORECASE,
)
_ISO_OFFSET = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")
#: A message's day and month without the year in a log of messages: "WhatsApp 2/3: ...", "txt 3/4: ...",
#: "LINE訊息 7/8：...".
_MESSAGE_DAY = re.compile(
    r"(?<![\w-])(?i:whatsapp|sms|txt|text|msg|message|line|viber|wechat|telegram|signal)"
    r"(?:訊息|メッセージ|메시지|消息)?[ \t]+(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?=[ \t]*[:：])"
)
_ROC = re.compile(r"(?<![\w/.-])1[01]\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])(?![\w/.-])")


@cache
def _feast_days() -> re.Pattern[str]:
    return re.compile(alternation(entries("holidays", "names"), as_written=True))


def date_cue_spans(text: str) -> list[tuple[int, int, bool]]:
    """Dates in the forms of the module's first point: (start, end, sure)."""
    spans: list[tuple[int, int, bool]] = []
    for match in _SPELLED.finditer(text):
        words = match.group().split()
        # "due March" (English), "the second May": a number word that is also an English word needs "de"
        if words[0].casefold() in _NUMBER_WORDS_ALSO_ENGLISH and " de " not in match.group():
            continue
        spans.append((match.start(), match.end(), True))
    spans += [(m.start(), m.end(), True) for m in (*_DOT_DAY.finditer(text), *_FI_GENITIVE.finditer(text),
                                                   *_ISO_OFFSET.finditer(text))]
    spans += [(m.start(), m.end(), False) for m in (*_ROC.finditer(text), *_feast_days().finditer(text))]
    spans += [(*m.span("d"), True) for m in _MESSAGE_DAY.finditer(text)]
    return spans


# ---------------------------------------------------------------------------------------------- names

_USER = re.compile(
    r"(?<![\w-])(?i:user(?:name|id)?|usuario|usuária|usuário|utilisateur|benutzer|login|operator|uid)"
    r"(?:\s*(?P<sep>[=:])\s*|\s+(?=[a-z][a-z0-9._-]{2,30}\s+(?:desde|from|ip|de|à|von|at)\b))"
    r"(?P<u>[a-z][a-z0-9._-]{2,30})(?![\w@])"
)
_TYPED_BY = re.compile(
    r"(?i:typed|transcribed|dictated|entered|keyed|scribed|prepared)\b[^\n.;]{0,30}?\bby\s+"
    r"(?P<i>[a-z]{2,3}|[A-Z]{2,3})(?:/(?P<j>[a-z]{2,3}|[A-Z]{2,3}))?(?![\w@])"
)
_PRESENT = re.compile(
    r"(?i:present|attendees|attending|in\s+attendance|apologies|presentes|anwesend|présents|aanwezig)"
    r"\s*:\s*(?P<list>[^\n]+?)(?=\.\s+\w+:|\.?[ \t]*$)", re.MULTILINE
)
_ITEM = re.compile(r"\s*(?:(?:Dr|Mr|Mrs|Ms|Rev|Prof|Sr)\.?\s+)?(?P<n>[^\W\d_]{2,}(?:\s+[^\W\d_]{2,})?)"
                   r"\s*(?:\((?P<role>[^)]{1,20})\))?\s*$")
_ACTION = re.compile(r"(?i:actions?|action\s+point|ap)\s*:\s*"
                     r"(?P<i>[a-z]{2,3}|[A-Z]{2,4}|[A-Z][a-z]?[A-Z]{1,3})\s+(?=to\b)")
_CAPS_COMMA = re.compile(r"(?<![\w-])(?P<s>[A-Z][A-Z'’-]{2,}),\s*(?P<g>[A-Z][a-z]+|[A-Z]{3,})"
                         r"(?:\s+[A-Z]\b\.?)?")
_CAPS_TITLE = re.compile(r"\b(?:DR|MR|MRS|MS|PROF)\.?\s+(?P<n>[A-Z]{3,}(?:[ -][A-Z]{3,})?)(?![\w])")


def name_cue_spans(text: str, clinical: frozenset[str], acronyms: frozenset[str]) -> list[tuple[int, int]]:
    """Names in the forms of the module's second point."""
    from mdtboard.domain.phi_people import english_frequency, given_names

    # without "=" or ":", a word is no user name ("login flagged from ip")
    spans = [m.span("u") for m in _USER.finditer(text)
             if m.group("sep") or m.group("u") not in english_frequency()]
    for match in _TYPED_BY.finditer(text):
        spans += [match.span(g) for g in ("i", "j") if match.group(g)]
    attendees: set[str] = set()
    roles = frozenset(entries("institution_forms", "not_acronyms"))
    for match in _PRESENT.finditer(text):
        offset = match.start("list")
        for item in re.finditer(r"[^,;]+", match.group("list")):
            found = _ITEM.match(item.group())
            if found is None:
                continue
            name = found.group("n")
            short = len(name) <= 4 and " " not in name and name.casefold() not in clinical
            # a role is no one's initials ("Present: PT, OT, GP"), unless a role is written after it
            role = found.group("role") is not None
            if (role or short and name.upper() not in roles) and name.upper() not in acronyms - {"DR", "AM"}:
                start = offset + item.start() + found.start("n")
                spans.append((start, start + len(name)))
                if short:
                    attendees.add(name)
    for name in attendees:  # the same initials elsewhere in the text: "ks: seen at home"
        spans += [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    spans += [m.span("i") for m in _ACTION.finditer(text) if m.group("i").casefold() not in clinical]
    for match in _CAPS_COMMA.finditer(text):
        if match.group("g").casefold() in given_names() and match.group("s") not in acronyms:
            spans.append(match.span())
    spans += [m.span() for m in _CAPS_TITLE.finditer(text) if m.group("n") not in acronyms]
    return spans


# ----------------------------------------------------------------------------------------- records

_RECORD_LABEL = re.compile(
    r"(?<![\w-])(?i:skadenummer|skadenr|skadesak|schadennummer|schadensnummer|sinistre|siniestro|claim\s+no\.?|"
    r"autogenerado|nr\.?\s+ewid\.?|recepta|receta|receita|ricetta|rezept|resept|recept|NRE|n°\s+appareil|"
    r"serial(?:\s+no\.?)?|n°\s+de\s+série|M\.P\.|M\.N\.|matrícula|CRM(?:-[A-Z]{2})?|COREN(?:-[A-Z]{2})?|"
    r"CRF(?:-[A-Z]{2})?|GMC|NMC|AHPRA|MCI|Reg\.?\s+No\.?|HETU|henkilötunnus)"
    r"(?:\s+(?!S/?N\b)[A-Z][^\W\d_]+)?\s*:?\s*(?P<c>(?:S/?N\s+)?(?=[\w./-]*\d)[A-Z0-9][\w./-]*\d[\w./-]*(?:\s\d{4,})*"
    r"(?:\s[A-Z0-9]{1,5}(?=[\s,;)]|$))?)"
)
_CODE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{3,}(?:-[A-Z0-9]{3,}){2,}(?![\w-])|"
                   r"(?<![\w/-])[A-Z]{2,6}/[A-Z]{1,3}/\d{3,}(?![\w/])")
#: An institution's letters and a number of four digits or more, as hospitals number their records
#: ("GSH-8812", "UNTH-7713", "KE8-24-44812"); not a scale or a code with fewer digits ("PHQ-9", "ICD-10").
_PREFIXED_NUMBER = re.compile(r"(?<![\w/.-])[A-Z][A-Z0-9]{1,5}-(?:\d{2}-)?\d{4,}(?![\w/-])")
#: A professional licence's number after "lic" ("OH lic PSY.7102", "TX lic Q4417", "licence no. 44718").
_LICENCE = re.compile(
    r"(?<![\w-])(?i:lic(?:ence|ense)?)\.?(?:[ \t]*(?:no\.?|#|:))?[ \t]+"
    r"(?P<n>(?=[A-Z0-9.-]*\d)[A-Z0-9][A-Z0-9.-]{2,14})(?<![.-])(?![\w-])")
_AFTER_ACRONYM = re.compile(r"(?<![\w-])(?P<a>[A-Z]{2,6})\s+(?P<c>(?=[A-Z0-9]*\d{6})[A-Z0-9]{6,14})(?![\w-])")


def record_cue_spans(text: str) -> list[tuple[int, int]]:
    """Record numbers in the forms of the module's third point."""
    spans = []
    for match in _RECORD_LABEL.finditer(text):
        end = match.end("c")
        while end > match.start("c") and text[end - 1] in ".,;:/-":
            end -= 1
        spans.append((match.start("c"), end))
    spans += [m.span() for m in _CODE.finditer(text)]
    spans += [m.span() for m in _PREFIXED_NUMBER.finditer(text)]
    spans += [m.span("n") for m in _LICENCE.finditer(text)]
    spans += [m.span("c") for m in _AFTER_ACRONYM.finditer(text)]
    return spans


# ----------------------------------------------------------------------------------- addresses, towns

_ADDRESS = re.compile(
    r"(?i:house\s+(?:no\.?|number|nr\.?|#)|h\.\s?no\.?)\s*(?P<h>\d{1,5}[A-Za-z]?(?:/\d{1,4})?)(?![\w/])|"
    r"[\u3040-\u30ff\u4e00-\u9fff]{1,8}\d{1,2}丁目\d{1,4}(?:[-－]\d{1,4}){0,2}|"
    r"[가-힣]{2,10}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?![\d-])|"
    r"(?:\d{1,4}(?:/\d{1,4})?\s+)?ถนน[\u0E00-\u0E7F]+|\d{1,4}(?:/\d{1,4})?\s+หมู่\s*\d{1,3}|"
    r"(?:خیابان|بلوار|کوچه)\s+[^\d\n،,.]{2,30}?(?:[،,]\s*پلاک\s*[۰-۹\d]+)|"
    r"\b(?:Am|An\s+der|Im|Auf\s+dem|Zum|Zur|In\s+der|Unter\s+den|Hinter\s+dem)\s+[A-ZÄÖÜ][a-zäöüß]+"
    r"(?:hof|weg|ring|berg|feld|garten|markt|platz|graben|bach|damm|tor|kamp|anger|hang|wall|busch|grund)"
    r"\s+\d{1,4}[a-z]?\b|"
    # a Dutch street named after someone: "Dokter van Heesweg 2", "Burgemeester de Kockstraat 14"
    r"\b[A-Z][a-z]+\s+(?:(?:van|de|der|den|ter|ten)\s+)+[A-Z][a-z]+(?:weg|straat|laan|plein|singel|kade|"
    r"gracht|dijk|pad|hof|park)\s+\d{1,4}[a-z]?\b"
)
_TURKISH_CASE = re.compile(
    r"(?<![\w'’-])(?P<w>[A-ZÇĞİÖŞÜ][a-zçğıöşü]{2,})['’](?:de|da|te|ta|den|dan|ten|tan|e|a|ye|ya|nin|nın|"
    r"nun|nün|in|ın|un|ün|deki|daki|teki|taki|li|lı|lu|lü|le|la|yle|yla)(?![\w'’-])"
)
_THAI_PLACE = re.compile(r"(?:แขวง|ตำบล|อำเภอ|จังหวัด)(?P<p>[\u0E00-\u0E7F]{2,})")


def address_cue_spans(text: str) -> list[tuple[int, int]]:
    """Street addresses in the forms of the module's fourth point."""
    return [m.span("h") if m.group("h") else m.span() for m in _ADDRESS.finditer(text)]


def place_cue_spans(text: str, clinical: frozenset[str]) -> list[tuple[int, int]]:
    """Towns in the forms of the module's fifth point (questions)."""
    spans = [m.span("w") for m in _TURKISH_CASE.finditer(text) if m.group("w").casefold() not in clinical]
    return spans + [m.span("p") for m in _THAI_PLACE.finditer(text)]


# ------------------------------------------------------------------------------------ institutions

_ACRONYM = r"(?P<a>[A-ZÁÉÍÓÚÄÖÜÇ][A-ZÁÉÍÓÚÄÖÜÇ0-9&]{1,6}[A-ZÁÉÍÓÚÄÖÜÇ](?:-[A-Z]{2,6})?)"
_CLAIM_AFTER = re.compile(
    rf"(?<![\w-]){_ACRONYM}\s+(?:claims?|beneficiary|beneficiario|beneficiária|beneficiário|pre-?approval|"
    r"pre-?authori[sz]ation|referral|beutaló|dossier|saksnr|ärendenr|dosya|pratica|plan|agent|rep|"
    r"representative|delegate|steward|nyugdíjasa|sendikası|member|card)(?![\w-])"
)
_CLAIM_BEFORE = re.compile(
    rf"(?<![\w-])(?i:afiliad[oa](?:\s+a)?|affiliated\s+(?:to|with)|caso|dossier|pratica|expediente|en|"
    rf"cobertura\s+con|union\s*:?|syndicat|sindicato|délégué\s+syndical|delegado\s+sindical|patronato|"
    rf"revizní\s+lékař(?:ka)?|u|het|trabajador[a]?\s+de|operai[oa]|obrer[oa]\s+de)\s+{_ACRONYM}(?![\w-])"
)
_CAMEL = re.compile(r"(?<![\w-])(?!Mc|Mac|De|Di|La|Le)[A-Z][a-z]{1,}[A-Z][a-z]{2,}(?![\w-])")  # no "McCabe"
#: Apps and products written in two capitalised halves, not institutions.
_PRODUCTS = frozenset(words("whatsapp tiktok youtube facetime powerpoint linkedin paypal gofundme wechat "
                            "snapchat facebook mychart safescript iphone ipad playstation xbox javascript "
                            "chatgpt fitbit datscan"))
_PHARMACY_NUMBER = re.compile(r"\b(?:Apotek|Apoteket|Apotheke|Farmacia|Farmácia|Pharmacie|Apteka|Drogaria)"
                              r"(?:\s+[A-Z][a-z]+)?\s+\d{1,3}\b")
# a letterhead: a text that begins with a department's or a centre's kind, up to a dash, a comma or the line's
# end ("Centre d'Évaluation et de Traitement de la Douleur – CHU de ...", "Centrum pro léčbu bolesti FN ...")
_LETTERHEAD = re.compile(
    r"\A\s*(?:Centre|Center|Centrum|Centro|Zentrum|Ambulatório|Ambulatorio|Unidad|Unidade|Servicio|Serviço|"
    r"Klinik|Clinique|Clínica|Poliklinik|Departamento|Département|Abteilung|Oddział|Poradnia)\s[^\n,–—]{3,80}?"
    r"(?=\s+[–—-]\s|,|\n|\Z)"
)
# an acronym in brackets after a hospital's kind: "Haukeland universitetssjukehus (HUS)"
_KIND_ACRONYM = re.compile(
    r"(?i:sjukehus|sykehus|sjukhus|sjukhuset|sykehuset|sairaala|klinikum|krankenhaus|ziekenhuis|hospital|"
    r"hôpital|ospedale|szpital|nemocnice|spital|sairaalassa)\s*\((?P<a>[A-Z]{2,6})\)"
)
_THAI_HOSPITAL = re.compile(r"โรงพยาบาล[\u0E00-\u0E7F]{2,}")
_ACRONYM_IN_TOWN = re.compile(rf"(?<![\w-]){_ACRONYM}\s+(?:in|w|v|à|en|i|im|a|de|du|di)\s+(?P<t>[A-Z][\w-]+)")
# the kind written after the name: Turkish ("Karsan fabrikasında", "Türk-İş sendikası"), insurers ("AFA
# Försäkring", "Rímac Seguros")
_KIND_AFTER = re.compile(
    r"(?<![\w-])(?P<n>[A-ZÇĞİÖŞÜ][\w]*(?:-[A-ZÇĞİÖŞÜ][\w]*)?)\s+(?:(?:fabrika|şirket|firma|sendika|"
    r"hastane|okul)(?:sı|si|i|ı)\w*|(?:Försäkring|Forsikring|Seguros|Versicherung|Assurances?|Insurance|"
    r"Assicurazioni)(?!\w))"
)


def institution_cue_spans(text: str, clinical: frozenset[str], acronyms: frozenset[str],
                          towns: frozenset[str]) -> list[tuple[int, int]]:
    """Institutions in the forms of the module's last point (questions)."""
    stop = frozenset(entries("institution_forms", "not_acronyms")) | acronyms

    def unknown(acronym: str) -> bool:
        return acronym not in stop and acronym.casefold() not in clinical

    spans = [m.span("a") for m in (*_CLAIM_AFTER.finditer(text), *_CLAIM_BEFORE.finditer(text))
             if unknown(m.group("a"))]
    spans += [m.span("a") for m in _ACRONYM_IN_TOWN.finditer(text)
              if unknown(m.group("a")) and m.group("t").casefold() in towns]
    spans += [m.span() for m in _CAMEL.finditer(text)
              if m.group().casefold() not in clinical and m.group().casefold() not in _PRODUCTS]
    for match in _KIND_AFTER.finditer(text):  # the insurer's kind is part of its name, the Turkish one not
        if match.group("n").casefold() not in clinical:
            insurer = match.group().split()[-1][0].isupper()
            spans.append(match.span() if insurer else match.span("n"))
    spans += [m.span() for m in (*_PHARMACY_NUMBER.finditer(text), *_THAI_HOSPITAL.finditer(text))]
    spans += [m.span("a") for m in _KIND_ACRONYM.finditer(text)]
    spans += [m.span() for m in _LETTERHEAD.finditer(text)]
    return spans
