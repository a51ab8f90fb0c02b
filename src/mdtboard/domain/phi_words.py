"""Words and extra patterns for :mod:`mdtboard.domain.phi` in the languages cases are written in.

Kept apart so that phi.py stays readable: month names, the word for "years" after an age, relations and
roles in French, Spanish, German, Dutch, Portuguese, Italian and te reo Māori; clinical disciplines that head
an entry with the writer's first name ("OT (Siobhan): ...", "PT Mariana: ..."); institutions named with a
lower-case kind ("Our Lady of Czestochowa church"), with a kind in front ("Résidence Les Jardins du Fleuve")
or by the French health-system acronyms (CHU, CHSLD, CLSC, CIUSSS, "CHxx de <town>"); and the capitalised
words that are not identifiers (generic words in institutions' names, places above the town level, words a
name cue may be followed by).
"""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """The words of a list written as one string (easier to read and edit than a list literal)."""
    return text.split()


#: Month names and their usual abbreviations beyond English (lower case; matched case-insensitively).
FOREIGN_MONTHS = (
    # French
    r"janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[ûu]t|sept(?:embre)?|"
    r"oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|"
    # Spanish and Portuguese
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p|t)tiembre|octubre|noviembre|diciembre|"
    r"janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    # German and Dutch
    r"januar|februar|m[äa]e?rz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|"
    # Italian
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)

#: The word for "years" written after an age ("96 ans", "91 años", "93 Jahre").
AGE_WORDS = r"ans|an|años|anos|jahre|jaar|anni|lat"

#: Relations and roles that stand before a person's name, beyond English.
FOREIGN_RELATIONS = (
    r"fille|fils|mari|épouse|conjointe?|sœur|soeur|frère|frere|nièce|niece|neveu|mère|père|voisine?|"
    r"petite-fille|petit-fils|belle-fille|gendre|amie?|infirmière|infirmier|"
    r"hija|hijo|esposa|esposo|marido|madre|padre|hermana|hermano|vecina|vecino|sobrina|sobrino|nieta|nieto|"
    r"filha|filho|irmã|irmão|neta|neto|mulher|vizinha|vizinho|nora|genro|cunhada|cunhado|mãe|pai|avó|avô|"
    r"sobrinha|sobrinho|companheira|companheiro|"
    r"figlia|figlio|moglie|marito|sorella|fratello|nipote|vicina|vicino|nonna|nonno|compagna|compagno|nuora|"
    r"pareja|compañera|compañero|novia|novio|nuera|yerno|abuela|abuelo|cuñada|cuñado|"
    r"córka|córką|syn|synem|żona|żoną|mąż|mężem|siostra|siostrą|brat|bratem|sąsiadka|sąsiad|wnuczka|wnuk|"
    r"synowa|zięć|matka|ojciec|"
    r"Tochter|Sohn|Ehefrau|Ehemann|Mutter|Vater|Schwester|Bruder|Nachbarin|Nachbar|Mann|Partnerin|"
    r"Lebensgefährtin|Lebensgefährte|Neffe|Nichte|Enkelin|Enkel|Schwiegertochter|Schwiegersohn|"
    r"dochter|zoon|echtgenote|buurvrouw|buurman|"
    r"kuia|koro|whaea|matua|tamaiti|kaiawhina|kaiāwhina|kaumātua|kaumatua"
)

_FIRST_NAME = r"[A-Z][a-zà-öø-ÿ'’][^\W\d_]*(?:-[A-Z][^\W\d_]+)?"
_DISCIPLINES = (
    r"OT|PT|SLT|SW|MSW|physio(?:therapy|therapist)?|psychology|psychologist|nursing|nurse|pharmacy|pharmacist|"
    r"dietetics|dietitian|dietician|social\s+work|social\s+worker|occupational\s+therapy|physical\s+therapy|"
    r"psychiatry|chaplaincy|neuromodulation|pain\s+nurse|CNS|ANP|podiatry|chiropractic|speech\s+therapy|"
    # French, Spanish, Portuguese, Italian, German, Dutch
    r"psychologie|psicolog[íi]a|psicologo|psicóloga|psicólogo|kin[ée]sith[ée]rapie|kin[ée]|physioth[ée]rapie|"
    r"ergoth[ée]rapie|soins\s+infirmiers|infirmi[èe]re|pharmacie|travail\s+social|fisioterapia|fisio|"
    r"terapia\s+ocupacional|enfermer[íi]a|enfermera|farmacia|trabajo\s+social|fisioterapeuta|"
    r"Physiotherapie|Ergotherapie|Pflege|Apotheke|Sozialarbeit|Sozialdienst|Psychotherapie|"
    r"fysiotherapie|fysio|ergotherapie|verpleging|apotheek|maatschappelijk\s+werk|psycholoog"
)
#: A discipline heading an entry with its writer's first name: "OT (Siobhan):", "PT Mariana:".
DISCIPLINE_NAME = re.compile(
    rf"(?<![\w-])(?i:{_DISCIPLINES})\s*(?:\(\s*(?P<a>{_FIRST_NAME}(?:\s+{_FIRST_NAME})?)\s*[),]"
    rf"|\s+(?P<b>{_FIRST_NAME}(?:\s+{_FIRST_NAME})?)\s*:)"
)

_PROPER = r"(?:[A-Z](?:[a-zà-öø-ÿ]|['’][A-Z])[^\W\d_]*(?:['’.-][^\W\d_]+)*)"
_JOIN = r"(?:\s+(?:de|la|del|of|the|von|van|der|le|du|des|les)\s+|\s+|-)"
#: Proper words before a lower-case kind of institution: "Our Lady of Czestochowa church".
LOWER_KIND = re.compile(
    rf"\b(?P<pre>(?:{_PROPER}{_JOIN}){{0,4}}{_PROPER})\s+"
    r"(?:church|chapel|parish|cathedral|mosque|temple|synagogue|gurdwara|school|hospital|clinic|practice|"
    r"café|cafe|restaurant|ziekenhuis|kliniek|huisartsenpraktijk|praktijk|krankenhaus|klinikum|"
    r"assisted\s+living|care\s+home|nursing\s+home|rest\s+home|retirement\s+(?:home|village)|"
    r"residential\s+home|memory\s+care|senior\s+living|sjukhuset|sjukhus|sygehus|sykehus|vårdcentral|"
    r"vårdcentralen|ospedale)\b"
)
#: An institution named after its kind: "Résidence Les Jardins du Fleuve", "Paroisse Sainte-Anne".
_KIND_JOIN = (
    r"(?:\s+(?:de|la|del|of|the|von|van|der|le|du|des|les|am|im|an\s+der|zum|zur|aan\s+de|op|da|das|do|dos|di|"
    r"della|dei)\s+|\s+|-)"
)
KIND_FIRST = re.compile(
    r"\b(?:(?:Nuestra|Nuestro|Notre|Our)\s+)?"
    r"(?:Résidence|Residence|Residencia|Foyer|Paroisse|Parroquia|Paróquia|Parrocchia|Parafia|Église|Eglise|"
    r"Iglesia|Igreja|Chiesa|Clínica|"
    r"Cl[ií]nica|Klinik|Praxis|Pfarrei|Kirche|Maison|Manoir|Villa|Hogar|Lar|Radiologie|Gemeinschaftspraxis|"
    r"Zentrum|MVZ|Ambulatorio|Policlínica|Policlinico|Centro\s+de\s+Salud|Centre\s+de\s+sant[ée]|"
    r"Huisartsenpraktijk|Gezondheidscentrum|Maison\s+de\s+sant[ée])"
    rf"(?:\s+(?:de|del|des|du|de\s+la|am|im|an\s+der|zum|zur|da|das|do|dos|di|della))?\s+"
    rf"(?:{_PROPER}{_KIND_JOIN}){{0,4}}{_PROPER}"
)
#: The French health-system acronyms: university hospitals (CHU, CHUM, CHUS ...), long-term care (CHSLD),
#: local community services (CLSC), health and social services centres (CISSS, CIUSSS), and any "CH..."
#: acronym followed by "de <town>" (a centre hospitalier).
FRENCH_ACRONYMS = re.compile(
    rf"\b(?:CHU[A-Z]?|CHSLD|CLSC|CIU?SSS|CH[A-Z]{{1,4}}(?=\s+(?:de\s+la|de|du|des|d['’])\s*[A-Z]))\b"
    rf"(?:\s+(?:(?:de\s+la|de|du|des|d['’])\s*)?{_PROPER}(?:[\s-]{_PROPER}){{0,2}})?"
)
#: Saints' names in several languages, joined by a space or a hyphen: "Sainte-Marguerite", "San José".
SAINT = re.compile(
    rf"(?<!\w)(?:St\.?|Ste\.?|Saint|Sainte|San|Santa|São|Sao|Sankt|Sant['’]|[Śś]w\.|[Śś]więt[aey]j?)(?:\s+|-)?"
    rf"(?<=[\s.'’-]){_PROPER}(?:'s|s)?"
)


# ------------------------------------------------------------- words that are not identifiers

#: Capitalised words that alone do not make an institution's name a proper name ("Pain Clinic").
GENERIC = frozenset(
    words(
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
        "language aboriginal indigenous controlled islander sexual allied child digital home global bone "
        "brain population behavioral behavioural integrated oral student employee staff tribal rural "
        "diagnostic interventional musculoskeletal msk nuclear private community's "
    )
)
#: Places that are not below the state or region level, and capitalised words that are not places.
NOT_TOWNS = frozenset(
    words(
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
        "ms st saint ward unit level stage grade type texas california florida ohio jal cdmx edomex "
    )
)
NAME_SKIP = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "jr", "sr", "the", "and", "van", "von", "de", "da", "del",
     "la", "le", "of", "to", "at", "in", "on", "with", "her", "his", "their", "for", "a", "an", "med", "dent",
     "dott", "ssa", "dra", "dre", "lic", "mgr", "lek", "mdm", "mzee", "doña", "sra", "srta"}
)
#: Capitalised words a name cue may be followed by that are not names.
NOT_NAMES = NOT_TOWNS | GENERIC | frozenset(
    words(
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
        "tues wed thu thur thurs fri sat sun total revised inventory interview scale questionnaire index "
        "score subscale emotional related functional disability burden assessment screen advanced anxiety "
        "depression disorders "
    )
)

