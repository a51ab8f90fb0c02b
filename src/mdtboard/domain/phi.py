"""Finding the HIPAA Safe Harbor identifiers in free text, for teaching cases made from real cases.

:func:`find_identifiers` returns :class:`IdentifierHint` s: where in a text something looks like an
identifier, of which kind, and whether it is *sure* (replaced without asking when a draft is made) or needs a
person's decision. It is an aid, not a guarantee: a person still reads every text.

What is found, and how:

- phone and fax numbers with Google's ``phonenumbers`` library (national and international formats of the
  regions a case is likely to come from), and a digit-group pattern for what it does not parse;
- e-mail addresses, web addresses, IP addresses, social security numbers, NHS numbers (checked with their
  modulus-11 check digit), numbers labelled as a record, hospital, insurance, account, licence, device or
  vehicle number, and other long numbers (these last only as a question);
- dates finer than a year, with or without a year, in the usual spellings; ages over 89;
- street addresses (a house number and a street word, or a flat, unit or PO box), postcodes and ZIP codes
  (UK, Irish Eircode, US with a state, Canadian);
- named hospitals, clinics, practices, schools, churches and other institutions (capitalised words before an
  institution word: "St Brigid's Hospital", "Knocknagree National School"), and towns named after a cue
  ("lives in", "moved from", "County", "Springfield, IL"); a town is a question, not sure;
- people's names: the names the case gives (patient, clinicians) wherever they appear, and names found by
  what stands before or after them (a title: "Mrs Daly", "Dr Osei"; a relation or role: "her daughter
  Aoife", "neighbour, Tom Reilly", "Siobhan (daughter)"; "seen by", "referred by").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import phonenumbers

from mdtboard.domain.phi_dates import HOLIDAY, date_spans
from mdtboard.domain.phi_words import (
    AGE_WORDS,
    DISCIPLINE_NAME,
    FOREIGN_RELATIONS,
    FRENCH_ACRONYMS,
    KIND_FIRST,
    LOWER_KIND,
    SAINT,
)


def _words(text: str) -> list[str]:
    """The words of a list written as one string (easier to read and edit than a list literal)."""
    return text.split()


#: Ages above this are shown only as :data:`OLDEST_AGE_TEXT` (Safe Harbor).
MAX_SHOWN_AGE = 89
OLDEST_AGE_TEXT = "90 or older"

#: Regions whose national phone formats are tried (international "+..." numbers are found whatever these).
PHONE_REGIONS: tuple[str, ...] = ("GB", "IE", "US", "AU", "CA", "NZ", "DE", "FR", "PL", "IN")


class HintKind(StrEnum):
    NAME = "name"
    DATE = "date"
    AGE_OVER_89 = "age over 89"
    PHONE = "phone or fax number"
    EMAIL = "e-mail address"
    URL = "web address"
    IP_ADDRESS = "IP address"
    SSN = "social security number"
    RECORD_NUMBER = "record, account or ID number"
    ADDRESS = "street address"
    POSTCODE = "postcode or ZIP code"
    PLACE = "town or place"
    INSTITUTION = "named hospital, clinic, school or church"


@dataclass(frozen=True)
class IdentifierHint:
    """Something in a text that looks like an identifier: ``text[start:end]`` of the field ``where``.

    ``sure``: replaced without asking when a draft is made; otherwise a person decides. ``reason``: set when
    a person decided to keep it (why). ``year``: the year of a full date (its replacement).
    """

    where: str
    kind: HintKind
    start: int
    end: int
    text: str
    sure: bool = True
    reason: str | None = None
    year: int | None = None

    @property
    def open(self) -> bool:
        """Neither replaced (it is still in the text) nor kept with a reason."""
        return self.reason is None


# ------------------------------------------------------------------------------------------ patterns

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.])(?:[\w-]+\.)+(?:com|org|net|ie|uk|io|info|edu|gov|au|nz|ca)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_IP = re.compile(
    r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
    re.IGNORECASE,
)
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])"
)
_LABELLED_NUMBER = re.compile(
    r"\b(?:MRN|med(?:ical)?\s+rec(?:ord)?(?:\s+(?:no|number))?|record\s+(?:no|number)|hospital\s+(?:no|number)|"
    r"chart\s+(?:no|number)|NHS\s+(?:no|number)?|CHI(?:\s+(?:no|number))?|IHI|PPSN?(?:\s+(?:no|number))?|"
    r"patient\s+(?:id|no|number)|account\s+(?:no|number)|acct|member(?:ship)?\s+(?:id|no|number)|"
    r"policy\s+(?:no|number)|insurance\s+(?:id|no|number)|health\s+plan\s+(?:id|no|number)|"
    r"medicare(?:\s+(?:no|number))?|medicaid(?:\s+(?:id|no|number))?|SSN|social\s+security(?:\s+(?:no|number))?|"
    r"licen[cs]e\s+(?:no|number)|driving\s+licen[cs]e|passport(?:\s+(?:no|number))?|serial(?:\s+(?:no|number))?|"
    r"device\s+(?:id|no|number)|reg(?:istration)?(?:\s+(?:no|number|plate))?|number\s+plate|"
    r"claim\s+(?:no|number)|case\s+(?:no|number)|ref(?:erence)?\s+(?:no|number)|ID|OHIP|NHI|MBI|RAMQ|UCI|"
    r"URN|UR\s+(?:no|number)|PHN|certificate(?:\s+(?:no|number))?|(?:health\s+)?card(?:\s+(?:no|number))?|"
    r"(?:driver['’]?s\s+|driving\s+|private\s+hire\s+|taxi\s+)?licen[cs]e|badge|permit|car\s+reg)\b"
    r"\.?\s*(?:is\s+|was\s+)?(?:#|:|no\.?)?\s*"
    r"(?P<code>(?=[A-Z0-9-]*(?:\s[A-Z0-9-]*)?\d)[A-Z0-9](?:[A-Z0-9-]|\s(?=[A-Z0-9-]*\d)){3,}[A-Z0-9])",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(
    r"\b(?=[A-Z]{0,4}\d)[A-Z]{0,4}[- ]?\d{5,}[A-Z]{0,2}\b|\b[A-Z]{2,}\d{2,}[A-Z0-9]{2,}\b"
    r"|\b\d{3,5}(?:-\d{2,5}){2,}(?:-[A-Z]{1,3})?\b"
)
_AGE = re.compile(
    r"\b(?P<n>\d{2,3})(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|/o|o)\b|\b(?P<n3>\d{2,3})\s*(?:y/?o|yo)\b|"
    r"\baged?\s*:?\s*(?P<n2>\d{2,3})\b|\b(?P<n4>\d{2,3})(?:st|nd|rd|th)\s+birthday\b|"
    r"\b(?:in\s+(?:his|her|their)\s+)?(?P<n5>9\d|1[01]\d)(?:s|\s+years?)\b|"
    rf"\b(?P<n6>\d{{2,3}})\s*(?:{AGE_WORDS})\b",
    re.IGNORECASE,
)
_UK_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s*\d[ABD-HJLNP-UW-Z]{2}\b")
_EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}\b")
_AU_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas)\.?,?\s+(?P<zip>\d{4})\b")
_TOWN_POSTCODE = re.compile(
    r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,\s+(?P<zip>(?:[03-9]\d{3}|2[2-9]\d\d))\b"
)
_DUBLIN = re.compile(r"\bDublin\s+\d{1,2}W?\b")
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_US_STATES = _words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
_US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_ZIP = re.compile(
    rf"(?:\b(?:{'|'.join(_US_STATES)}|{_US_STATE_NAMES})\.?,?\s+|\bZIP(?:\s+code)?:?\s*)(?P<zip>\d{{5}}(?:-\d{{4}})?)\b"
)
_CAP = r"(?:[A-Z][\w'’.-]*|[A-Z])"
_WORD = r"(?:[A-Z](?:[a-z]|['’][A-Z])[^\W\d_]*(?:['’.-][^\W\d_]+)*\.?)"  # a capitalised word of letters
_JOIN = r"(?:\s+(?:de|la|del|of|the|von|van|der|le|du|des|les)\s+|\s+)"
_STREET_WORDS = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Cres|Way|Court|Ct|Place|Pl|Terrace|Tce|"
    r"Gardens|Gdns|Grove|Park|Square|Sq|Hill|Row|Boulevard|Blvd|Mews|Walk|View|Rise|Green|Parade|Highway|Hwy|"
    r"Heights|Estate|Manor|Lawn|Lawns|Wood|Meadows|Vale|Quay|Wharf|Bypass|Circle|Cir|Trail|Pike|Parkway|Pkwy)"
)
_DIRECTION = r"(?:\s+(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)\b)?"
_ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Apartment|Apt|Unit|Suite)\s+\w+,?\s+)?(?:\d{{1,4}}/)?\d{{1,5}}[A-Za-z]?,?\s+"
    rf"(?:{_WORD}{_JOIN}){{0,3}}{_STREET_WORDS}\b\.?{_DIRECTION}"
    rf"|\b(?:Flat|Apartment|Apt|Unit|Suite)\s+\d+\w?\b(?:,?\s+(?:{_CAP}\s+){{1,3}}{_STREET_WORDS}\b)?"
    rf"|\bP\.?\s?O\.?\s+Box\s+\d+\b"
    rf"|\b\d{{1,5}},?\s+(?:rue|avenue|av\.|boulevard|boul\.|chemin|route|calle|avenida|via|rua|ul\.|ulica)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+"
    rf"|\b(?:on|in|off|at|address:?)\s+(?P<street>(?:{_WORD}{_JOIN}){{1,3}}{_STREET_WORDS}\b{_DIRECTION})"
    rf"|\b(?:lives?\s+at|living\s+at|address:?|at)\s+(?P<house>\d{{1,5}}[A-Za-z]?\s+{_WORD}(?:\s+{_WORD}){{0,2}}{_DIRECTION})"
    rf"|\b(?P<named>(?:{_WORD}\s+){{1,2}}(?:House|Cottage|Lodge|Farm|Villa|Court|Towers|Tower|Mansions|Buildings|Building|Hall|Flats))\b"
)
_INSTITUTION_WORDS = (
    r"(?:Hospital|Hospitals|Infirmary|Clinic|Medical\s+Cent(?:re|er)|Health\s+Cent(?:re|er)|Surgery|Practice|"
    r"School|National\s+School|Academy|College|University|Church|Chapel|Cathedral|Mosque|Masjid|Temple|"
    r"Synagogue|Gurdwara|Parish|Nursing\s+Home|Care\s+Home|Hospice|Pharmacy|Chemist|Library|"
    r"Leisure\s+Cent(?:re|er)|Community\s+Cent(?:re|er)|Day\s+Cent(?:re|er)|Club|GAA|Ltd|Limited|plc|Inc|"
    r"Prison|Barracks|Factory|Mill|Plant|Depot|Hotel|Supermarket|Centre|Center|Home|House|Marae|Masjid|"
    r"Infirmary|Health\s+Sciences\s+Cent(?:re|er)|Medical\s+Cent(?:re|er)|Distribution|Architects|"
    r"Solicitors|Motors|Foods|Stores|Kirk|Shelter|Hostel|Refuge|RFC|AFC|FC|CC|Rovers|Athletic|United|"
    r"Children['’]s|Clinique|Alliance|Café|Cafe|Kitchen|Restaurant|Bakery|Bistro|Pub|Salon|Garage|Physio|"
    r"Physiotherapy|Residence|Résidence|Trust|Foundation|Institute|Dental)"
)
_INSTITUTION = re.compile(
    rf"\b(?P<pre>(?:(?:St\.?|Saint|Our\s+Lady(?:\s+of)?|Mater|Holy)\s+)?(?:(?:{_CAP}|\d{{1,4}}){_JOIN}){{0,4}}{_CAP}\s+)"
    rf"{_INSTITUTION_WORDS}\b(?:\s+of\s+(?:the\s+)?(?:{_CAP}\s*){{1,3}}|\s+(?P<post>(?!Pain\b|Clinic\b|ED\b)"
    rf"[A-Z][a-z]{{3,}})\b(?!\s+(?:and|or)\b)(?=[,.;:)]|\s+(?:[a-z]|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    rf"Sep|Oct|Nov|Dec)[a-z]*\b)|$))?"
    rf"|\b(?i:works?\s+(?:for|at)|worked\s+(?:for|at)|employed\s+by|employer:?|job\s+at)\s+"
    rf"(?P<employer>(?:(?:{_WORD}|\d{{1,4}}){_JOIN}){{0,3}}{_WORD})"
    rf"|\b(?:Hospital|University|Church|College|School)\s+of\s+(?:the\s+)?(?:{_CAP}\s*){{1,3}}"
    rf"|\b(?:St\.?|Saint)\s+{_CAP}(?:'s|s)?(?=\s|,|\.|$)"
    rf"|\b(?:Scoil|Gaelscoil|Coláiste|Colaiste|Ospidéal|Lycée|Lycee|Collège|École|Ecole|Colegio|Escuela|"
    rf"Clinique|Centre|Centro|Hospital|Hospice|"
    rf"Hôpital|Hopital|Klinikum|Jamia|Masjid|Gurdwara|Marae|Kura|Te)\s+(?:{_WORD}{_JOIN}){{0,3}}{_WORD}"
)
#: Capitalised words that alone do not make an institution's name a proper name ("Pain Clinic").
_GENERIC = frozenset(
    _words(
        "the a an our his her their this that local district general regional community university "
        "teaching pain clinic memory spinal spine orthopaedic orthopedic fracture rheumatology neurology "
        "oncology physiotherapy physio psychology psychiatry sleep diabetes day outpatient inpatient "
        "acute mental health medical family general practice primary care nursing care private "
        "public national hospital secondary primary high school church emergency children's childrens "
        "women's maternity rehabilitation rehab palliative cancer dental eye ear nose throat surgical "
        "surgery and of for in at with to on after before gp a&e ed icu ward main new old north south "
        "east west central city county royal state county's multidisciplinary mdt chronic sports leisure "
        "social work housing job jobs citizens advice youth dementia respite specialist hand back knee "
        "hip headache migraine women men's mens rheumatoid first second saw seen attends attended "
        "attending at from went goes weekly monthly interdisciplinary recovery addiction methadone opioid "
        "substitution treatment community drug alcohol hepatology liver renal dialysis wound tissue "
        "viability continence falls frailty stroke cardiac heart vascular occupational therapy speech "
        "language "
    )
)
_TOWN_CUES = re.compile(
    r"\b(?:lives?\s+(?:alone\s+|with\s+\w+\s+)?(?:in|at|near|outside)|living\s+(?:alone\s+)?(?:in|at|near)|"
    r"moved\s+(?:back\s+)?(?:to|from)|born\s+in|grew\s+up\s+in|raised\s+in|works?\s+(?:in|at)|"
    r"worked\s+(?:in|at)|farm\s+(?:in|near|outside)|village\s+of|town\s+of|townland\s+of|near|outside|"
    r"from|returned\s+to|travels?\s+(?:to|from)|drives?\s+(?:to|from)|relocated\s+to|house\s+in|home\s+in|"
    r"based\s+in|stays?\s+(?:in|with\s+\w+\s+in)|visits?\s+\w*\s*in|County|Co\.?|in|to|around)"
    r"\s+(?P<town>(?:{cap}\s+){{0,2}}{cap})"
    .format(cap=r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*\b")
)
_TOWN_STATE = re.compile(
    rf"\b(?P<town>(?:[A-Z][^\W\d_'’-]+\s+){{0,2}}[A-Z][^\W\d_'’-]+),\s+(?:{'|'.join(_US_STATES)}|{_US_STATE_NAMES})\b"
)
_MORE_TOWNS = re.compile(
    r",\s+(?P<town>[A-Z][a-z][^\W\d_]*(?:\s+[A-Z][a-z][^\W\d_]*)?)"
    r"(?=[,.;)]|\s+(?:with|and|in|on|at|since)\b|\s+\d{4,5}\b|$)"
)
_POSTCODE_AFTER_TOWN = re.compile(r"\s+(?P<zip>\d{4,5})\b(?![.,/:]\d)")
#: Places that are not below the state or region level, and capitalised words that are not places.
_NOT_TOWNS = frozenset(
    _words(
        "ireland england scotland wales britain uk us usa america canada australia india pakistan poland co "
        "hungary hungarian vietnamese chinese japanese korean thai german italian russian ukrainian "
        "nigeria ghana somalia syria iraq iran afghanistan romania lithuania latvia brazil portugal spain "
        "france germany italy china vietnam philippines turkey sweden norway denmark mexico europe africa "
        "asia northern southern eastern western munster leinster connacht ulster the a an his her their "
        "work home school hospital clinic physio physiotherapy ed a&e gp icu mri ct january february "
        "march april may june july august september october november december monday tuesday wednesday "
        "thursday friday saturday sunday christmas easter ramadan eid monday's english irish polish "
        "arabic urdu spanish portuguese french somali yoruba mandarin cantonese i he she they we it this "
        "that pain nrs phq gad peg and or but then when after before since during while tramadol morphine "
        "oxycodone codeine pregabalin gabapentin duloxetine amitriptyline paracetamol ibuprofen naproxen "
        "fentanyl buprenorphine methadone tapentadol lumbar cervical thoracic left right both dr mr mrs "
        "ms st saint ward unit level stage grade type texas california florida ohio "
    )
)
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Fr|Father|Rev|Revd|Reverend|Pastor|Imam|"
    r"Rabbi|Sr|Cllr|Sgt|Judge|Canon|Sheikh|Hajji?|Auntie|Aunty|Uncle|Nana|Granny|Grandad|Ustadh|Mme|Mlle|"
    r"Me|M(?=\.)|Sra?|Herr|Frau|Pani?)\.?\s+"
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
    r"next\s+of\s+kin|NOK|emergency\s+contact|parent|guardian|health\s+visitor|warden|officer|"
    r"probation\s+officer|health\s+visitor|district\s+nurse|home\s+help|befriender|sponsor|mentor|"
    + FOREIGN_RELATIONS
)
_AFTER_RELATION = re.compile(
    rf"\b(?:{_RELATIONS})s?\b(?:\s*[,:(-]\s*|\s+)(?:(?:is|was|named|called|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)?",
    re.IGNORECASE,
)
_BEFORE_RELATION = re.compile(
    rf"(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)(?:,\s+|\s+\(\s*)(?:(?:his|her|their|the\s+patient's|"
    rf"patient's|Mrs?\.?\s+\w+'s|a|the|our|my)\s+)?(?:{_RELATIONS})\b",
    re.IGNORECASE,
)
_NAME_WORDS = re.compile(
    r"(?:(?:[A-Z]\.\s?){1,2})?(?:(?:O['’]|Mc|Mac|Fitz|Ní|Ni|Nic|Ó|Ó|Ua|D['’]|d['’]|de\s+|van\s+(?:der\s+|den\s+)?|von\s+|al-|el-|bin\s+|"
    r"binti\s+|ibn\s+|da\s+|dos\s+|del\s+|la\s+|le\s+)?[^\W\d_][\w'’-]*)"
    r"(?:\s+(?:(?:O['’]|Mc|Mac|de\s+|van\s+|von\s+|al-|el-|bin\s+|ibn\s+|da\s+|dos\s+|del\s+)?[^\W\d_][\w'’-]*)){0,2}"
)
_NAME_SKIP = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "jr", "sr", "the", "and", "van", "von", "de", "da", "del",
     "la", "le", "of", "to", "at", "in", "on", "with", "her", "his", "their", "for", "a", "an"}
)
#: Capitalised words a name cue may be followed by that are not names.
_NOT_NAMES = _NOT_TOWNS | _GENERIC | frozenset(
    _words(
        "who whom whose which what is was has had does did will would can could should also both all each "
        "every one two three four five six seven eight nine ten yes no not none nobody somebody someone "
        "report reports reported says said told asked thinks feels felt wants wanted agrees agreed "
        "disagrees visits visited drives drove helps helped phones phoned calls called rang lives lived "
        "works worked daughter son wife husband partner mother father brother sister neighbour neighbor "
        "friend carer team service services nurse nurses doctor doctors consultant surgeon registrar "
        "pharmacist psychologist physiotherapist therapist social worker worker out of hours ooh on call "
        "locum practice surgery group class classes programme program review appointment letter note "
        "notes referral plan team's today yesterday tomorrow tonight morning evening afternoon night week "
        "weeks month months year years ago since until now later soon sometimes often never always "
        "usually recently initially finally patient patients client mdt ot slt pt cbt act ssri snri nsaid "
        "nsaids tens scs rfa esi bmi bp hr she he they we you i me him them us it its that this these "
        "those there here where when why how jan feb mar apr jun jul aug sep sept oct nov dec mon tue "
        "tues wed thu thur thurs fri sat sun "
    )
)


def _check_nhs(digits: str) -> bool:
    """The NHS number's modulus-11 check digit."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_like(raw: str) -> bool:
    return 7 <= sum(ch.isdigit() for ch in raw) <= 15 and not any(ch.isalpha() for ch in raw)


Span = tuple[int, int, HintKind, bool, int | None]  # start, end, kind, sure, year


def _capitalised_words(text: str, start: int) -> tuple[int, int] | None:
    """The name (one to three capitalised words) starting at ``start``, as a span; None when there is none."""
    match = _NAME_WORDS.match(text, start)
    if match is None:
        return None
    words = match.group().split()
    kept: list[str] = []
    for word in words:
        bare = word.strip("'’-.")
        if not bare or bare.casefold() in _NOT_NAMES:
            break
        if not (bare[0].isupper() or bare.casefold() in {"van", "von", "de", "da", "del", "la", "le", "bin",
                                                        "ibn", "dos", "al-", "el-", "binti"}):
            break
        kept.append(word)
    while kept and kept[-1].casefold() in _NAME_SKIP:
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


_INITIAL_BEFORE = re.compile(r"(?:\b[A-Z]\.\s?){1,2}$")
_GIVEN_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?P<given>[A-Z][a-z][^\W\d_]+)\s$")
_INITIAL_AFTER = re.compile(r"\s[A-Z]\.(?!\w)")


def _with_initials(text: str, start: int, end: int) -> tuple[int, int]:
    """A known name part widened to the initials and given name written beside it: "M. Thompson",
    "Priya V.", "Denise Brooks" (a capitalised word before a known family name, not at a sentence start)."""
    before = _INITIAL_BEFORE.search(text, max(0, start - 6), start)
    if before is not None:
        start = before.start()
    else:
        given = _GIVEN_BEFORE.search(text[:start])
        if given is not None and given.group("given").casefold() not in _NOT_NAMES | _NOT_TOWNS:
            start = given.start("given")
    after = _INITIAL_AFTER.match(text, end)
    if after is not None:
        end = after.end()
    return start, end


def context_names(text: str) -> list[tuple[int, int]]:
    """Names in ``text`` found by what stands before or after them (a title, a relation or a role)."""
    spans: list[tuple[int, int]] = []
    for cue in (_TITLE, _AFTER_RELATION):
        for match in cue.finditer(text):
            span = _capitalised_words(text, match.end())
            if span is not None:
                spans.append(span)
    for match in DISCIPLINE_NAME.finditer(text):
        group = "a" if match.group("a") else "b"
        if match.group(group).split()[0].casefold() not in _NOT_NAMES:
            spans.append(match.span(group))
    for match in _BEFORE_RELATION.finditer(text):
        start = match.start("name")
        words = match.group("name").split()
        # only the capitalised words right before the relation ("... visits, Aoife, her daughter")
        while words and (words[0].casefold() in _NOT_NAMES or not words[0][0].isupper()):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if words:
            spans.append((start, match.end("name")))
    return spans


def name_tokens(*names: str | None) -> tuple[str, ...]:
    """The parts of people's names worth looking for in free text (titles and particles left out)."""
    tokens: set[str] = set()
    for name in names:
        for word in re.split(r"[^\w'’-]+", name or ""):
            for token in {word, *word.split("-")}:
                token = token.strip("'’-")
                if (len(token) >= 2 and token.casefold() not in _NAME_SKIP and not token.isdigit()
                        and token.casefold() not in _NOT_NAMES):
                    tokens.add(token)
    return tuple(sorted(tokens))


def _institution_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _INSTITUTION.finditer(text):
        pre = match.group("pre")
        if match.group("employer"):
            words = match.group("employer").split()
            if not all(w.strip("'’.").casefold() in _GENERIC | _NOT_TOWNS | _NOT_NAMES for w in words):
                spans.append(match.span("employer"))
        elif pre is not None:
            words = [w.strip("'’.").casefold() for w in pre.split()]
            if not match.group("post") and all(
                w in _GENERIC or w.endswith("'s") and w[:-2] in _GENERIC for w in words
            ):
                continue
            start = match.start()
            # leading generic words ("the", "Local", "Royal" ...) stay: they say little, and keep the text
            for word in pre.split():
                if word.strip("'’.").casefold() in {"the", "a", "an", "our", "his", "her", "their", "at",
                                                    "from", "in", "to"}:
                    start = text.index(word, start) + len(word) + 1
                else:
                    break
            spans.append((start, match.end()))
        else:
            spans.append((match.start(), match.end()))
    for match in LOWER_KIND.finditer(text):
        # leading words that say nothing ("Attends", "the") are dropped; "Our Lady of ..." is a name
        start, words = match.start(), match.group("pre").split()
        while words and words[0].strip("'’.").casefold() in _NOT_NAMES and not (
                words[0] == "Our" and words[1:2] == ["Lady"]):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if words and not all(w.strip("'’.").casefold() in _GENERIC | _NOT_TOWNS for w in words):
            spans.append((start, match.end()))
    for pattern in (KIND_FIRST, FRENCH_ACRONYMS, SAINT):
        spans.extend(match.span() for match in pattern.finditer(text))
    return [(s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans]


def _town_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_TOWN_CUES, _TOWN_STATE):
        for match in pattern.finditer(text):
            start, end = match.span("town")
            words = match.group("town").split()
            while words and words[-1].strip("'’").casefold() in _NOT_TOWNS | _NOT_NAMES:
                end -= len(words[-1]) + (1 if len(words) > 1 else 0)
                words.pop()
            first = words[0].strip("'’").casefold() if words else ""
            compass = len(words) > 1 and first in {"north", "south", "east", "west", "upper", "lower", "new",
                                                   "old"}
            if (words and (compass or first not in _NOT_TOWNS | _NOT_NAMES)
                    and any(ch.islower() for ch in words[0])):
                end = start + len(" ".join(words))
                spans.append((start, end))
                # a list of places: "in Fruitvale, Oakland"
                for more in _MORE_TOWNS.finditer(text, end):
                    if more.start() != end or more.group("town").casefold() in _NOT_TOWNS | _NOT_NAMES:
                        break
                    spans.append(more.span("town"))
                    end = more.end()
    return spans


_GEO = re.compile(
    r"\b(?:[A-Z][a-z][^\W\d_]*\s+){1,2}(?:Island|Isle|Valley|Bay|Glen|Peninsula|Harbour|Harbor)\b"
)
_BESIDE = (HintKind.ADDRESS, HintKind.INSTITUTION, HintKind.POSTCODE)
_BEFORE_POSTCODE = re.compile(
    r"(?:^|,\s*|\b(?:in|at)\s+)(?P<town>[A-Z][a-z][^\W\d_]*(?:[\s-][A-Z][a-z][^\W\d_]*)?)"
    r"(?:,?\s+(?:[A-Z]{2,3}|Co\.?\s+[A-Z][a-z]+))?,?\s*$"
)


def _places_beside(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Towns written right after an address or institution ("12 Elm Grove, Ballincollig") or right before
    a postcode ("Liverpool L8 2TP", "Cabramatta NSW 2166"): sure, since an address is around them."""
    places = []
    for start, end in spans:
        at = end
        for more in _MORE_TOWNS.finditer(text, at):
            if more.start() != at or more.group("town").casefold() in _NOT_TOWNS - {"london", "dublin"}:
                break
            places.append(more.span("town"))
            at = more.end("town")
        before = _BEFORE_POSTCODE.search(text, max(0, start - 40), start)
        if before is not None and before.group("town").casefold() not in _NOT_TOWNS | _NOT_NAMES:
            places.append(before.span("town"))
    return places


_WORDY = (HintKind.INSTITUTION, HintKind.PLACE, HintKind.NAME, HintKind.ADDRESS)


def find_identifiers(
    where: str, text: str, names: Iterable[str] = (), today: date | None = None, ages: Iterable[int] = ()
) -> tuple[IdentifierHint, ...]:
    """Things in ``text`` that look like identifiers, in order of position. A hint, never a guarantee.

    ``names``: parts of names known to belong to people of this case (found wherever they stand).
    ``ages``: ages over 89 known from the case (found as bare numbers too: "Mr J, 96", "91F").
    """
    today = today or date.today()
    found: list[Span] = []

    def add(start: int, end: int, kind: HintKind, sure: bool = True, year: int | None = None) -> None:
        while end > start and (text[end - 1] in " ,;:" or text[end - 1] == "." and kind in _WORDY):
            end -= 1
        if end > start:
            found.append((start, end, kind, sure, year))

    for match in _EMAIL.finditer(text):
        add(match.start(), match.end(), HintKind.EMAIL)
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:!?)]":
            end -= 1
        add(match.start(), end, HintKind.URL)
    for match in _IP.finditer(text):
        add(match.start(), match.end(), HintKind.IP_ADDRESS)
    for match in _SSN.finditer(text):
        add(match.start(), match.end(), HintKind.SSN)
    for match in _LABELLED_NUMBER.finditer(text):
        add(match.start("code"), match.end("code"), HintKind.RECORD_NUMBER)
    for match in _NHS.finditer(text):
        if _check_nhs(re.sub(r"\D", "", match.group())):
            add(match.start(), match.end(), HintKind.RECORD_NUMBER)
    for start, end, year in date_spans(text, today):
        add(start, end, HintKind.DATE, True, year)
    for region in PHONE_REGIONS:
        for number in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            # letters are read as a keypad's digits ("31 X2"): a number in a case is written in digits
            if _phone_like(number.raw_string):
                # "(087 123 4567)": the bracket around a whole number is not part of it
                start = number.start + (1 if number.raw_string.startswith("(") and ")" not in
                                        number.raw_string else 0)
                add(start, number.end, HintKind.PHONE)
    for match in _PHONE.finditer(text):
        if 7 <= sum(ch.isdigit() for ch in match.group()) <= 15:
            add(match.start(), match.end(), HintKind.PHONE)
    for match in _ADDRESS.finditer(text):
        part = next((g for g in ("street", "house", "named") if match.group(g)), 0)
        add(match.start(part), match.end(part), HintKind.ADDRESS)
    for pattern in (_UK_POSTCODE, _EIRCODE, _CA_POSTCODE, _DUBLIN):
        for match in pattern.finditer(text):
            add(match.start(), match.end(), HintKind.POSTCODE)
    for pattern in (_ZIP, _AU_POSTCODE, _TOWN_POSTCODE):
        for match in pattern.finditer(text):
            add(match.start("zip"), match.end("zip"), HintKind.POSTCODE)
    for start, end in _institution_spans(text):
        add(start, end, HintKind.INSTITUTION)
    for start, end in context_names(text):
        add(start, end, HintKind.NAME)
    for token in sorted(set(names), key=len, reverse=True):
        # Short name parts ("Li", "Ng", "Ana") only as written, or every "ng" in a word would show.
        flags = re.IGNORECASE if len(token) > 3 else 0
        for match in re.finditer(rf"(?<![\w'’]){re.escape(token)}(?:['’]s)?(?![\w])", text, flags):
            end = match.end() - (2 if match.group().endswith(("'s", "’s")) else 0)
            start, end = _with_initials(text, match.start(), end)
            add(start, end, HintKind.NAME)
    for match in _AGE.finditer(text):
        group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6") if match.group(g))
        if int(match.group(group)) > MAX_SHOWN_AGE:
            add(match.start(), match.end(), HintKind.AGE_OVER_89)
    for age in ages:
        if age > MAX_SHOWN_AGE:
            bare = rf"(?<![\d.,/]){age}(?![\d.,/])(?!\s*(?:mg|mcg|ml|mL|%|mmol|kg|cm|mm|MME|g\b))"
            for match in re.finditer(bare, text):
                add(match.start(), match.end(), HintKind.AGE_OVER_89)
    for start, end in _town_spans(text):
        add(start, end, HintKind.PLACE, sure=False)
    for match in HOLIDAY.finditer(text):  # "at Christmas": a day of the year, but often harmless
        add(match.start(), match.end(), HintKind.DATE, sure=False)
    for match in _GEO.finditer(text):
        add(match.start(), match.end(), HintKind.PLACE)
    for start, end in _places_beside([(s, e) for s, e, kind, _sure, _y in found if kind in _BESIDE], text):
        add(start, end, HintKind.PLACE)
        # a number right after a town that follows an address is its postcode ("Rotorua 3010")
        postcode = _POSTCODE_AFTER_TOWN.match(text, end)
        if postcode is not None:
            add(postcode.start("zip"), postcode.end("zip"), HintKind.POSTCODE)
    for match in _LONG_NUMBER.finditer(text):
        add(match.start(), match.end(), HintKind.RECORD_NUMBER, sure=False)
    return tuple(
        IdentifierHint(where, kind, start, end, text[start:end], sure, None, year)
        for start, end, kind, sure, year in _without_overlaps(found)
    )


def _without_overlaps(found: list[Span]) -> list[Span]:
    """One span for each stretch of text: the first found (the order above is the order of trust), widened
    to take in what overlaps it when that is a name or place word of the same identifier."""
    kept: list[Span] = []
    for span in found:
        start, end = span[0], span[1]
        clash = [k for k in kept if k[0] < end and start < k[1]]
        if not clash:
            kept.append(span)
        elif len(clash) == 1 and not (start >= clash[0][0] and end <= clash[0][1]) and not (
            start <= clash[0][0] and clash[0][1] <= end
        ):
            # half of it found as one thing, half as another ("Co. Cork P31" and "P31 X2Y4"): one span
            first = clash[0]
            kept[kept.index(first)] = (min(start, first[0]), max(end, first[1]), first[2], first[3], first[4])
        elif all(start <= k[0] and k[1] <= end and end - start > k[1] - k[0] for k in clash) and span[2] in (
            HintKind.ADDRESS, HintKind.INSTITUTION, HintKind.DATE, HintKind.AGE_OVER_89,
            HintKind.RECORD_NUMBER,
            HintKind.NAME,
        ) and all(k[2] in (HintKind.NAME, HintKind.PLACE, HintKind.POSTCODE, HintKind.DATE, HintKind.PHONE,
                           HintKind.RECORD_NUMBER, HintKind.ADDRESS, HintKind.INSTITUTION) for k in clash):
            # an address that holds a name-like street or a postcode, a date that holds a day number read
            # as a phone: the wider span is the identifier
            kept = [k for k in kept if k not in clash]
            kept.append(span)
    return sorted(kept)
