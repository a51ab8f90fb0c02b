"""Places in free text, for :mod:`mdtboard.domain.phi`: street addresses, postcodes and ZIP codes, named
institutions (hospitals, clinics, schools, churches, employers) and towns.

- street addresses: a house number and a street word, a flat, unit or PO box, a named house;
- postcodes and ZIP codes: UK, Irish Eircode, Dublin districts, US with a state, Canadian, Australian after a
  state, a four-digit code after a town, a six-digit one after a town (India, Singapore), Maltese;
- institutions: capitalised words before an institution word ("St Brigid's Hospital", "Knocknagree National
  School"), an employer after "works for", a kind in front ("Hôpital ...", "Scoil ...");
- towns: after a cue ("lives in", "moved from", "County"), before a state ("Springfield, IL"), and beside an
  address, an institution or a postcode.
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_vocab import entries
from mdtboard.domain.phi_words import (
    FRENCH_ACRONYMS,
    GENERIC,
    KIND_FIRST,
    LOWER_KIND,
    NOT_NAMES,
    NOT_TOWNS,
    SAINT,
    words,
)

_UK_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s*\d[ABD-HJLNP-UW-Z]{2}\b")
_EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}\b")
_AU_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas)\.?,?\s+(?P<zip>\d{4})\b")
_TOWN_POSTCODE = re.compile(
    r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,\s+(?P<zip>(?:[03-9]\d{3}|2[2-9]\d\d))\b"
)
#: Dutch postcodes ("8011 VM") before a town; not a dose or a unit ("5000 IU").
_NL_POSTCODE = re.compile(
    r"\b[1-9]\d{3}\s?(?!SA|SD|SS|IU|MG|ML|HR|BP|PM|AM|CT|MR|XR|US|ED|GP|OT|PT|MS|UK|NL)[A-Z]{2}\b"
    r"(?=\s+[A-Z][a-z])"
)
#: Argentinian postal codes ("S2000DSS"): a province letter, four digits, three letters.
_AR_POSTCODE = re.compile(r"\b[A-HJ-NP-Z]\d{4}[A-Z]{3}\b")
_DUBLIN = re.compile(r"\bDublin\s+\d{1,2}W?\b")
#: Six-digit postal codes after the town (India's PIN, "Pune 411 023"; Singapore's, "Singapore 701502").
_SIX_DIGIT_POSTCODE = re.compile(
    r"\b(?P<town>[A-Z][^\W\d_]+)[ \t]*,?[ \t]+(?P<zip>[1-9]\d{2}[ \t]?\d{3})(?![\w/-])(?!\.\d)")
#: A four- or five-digit code after the town closing an address ("..., Tiranë 1001.", "..., Warwick 6850").
_CODE_AFTER_TOWN = re.compile(
    r"(?<=,)[ \t]+(?P<town>[^\W\d_][^\W\d_'’-]+)[ \t]+(?P<zip>\d{4,5})(?=[ \t]*(?:[.;]|$|\n))", re.MULTILINE)
#: Maltese postcodes after the locality ("Msida ZBR 9526"): three letters, four digits, ending the line or
#: the address.
_MT_POSTCODE = re.compile(
    r"(?<=[^\W\d_][ \t])(?P<zip>[A-Z]{3}[ \t]\d{4})(?=[ \t]*(?:$|\n|[,.;)]|Malta))", re.MULTILINE)
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_US_STATES = words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
#: States and provinces of Brazil, Mexico, Canada and Australia, as written after a town.
_OTHER_STATES = (
    r"SP|RJ|MG|RS|PR|BA|PE|CE|GO|AM|ES|DF|PB|RN|PI|MT|MS|SE|RO|TO|AC|AP|RR|Jal\.|CDMX|N\.\s?L\.|Edomex|"
    r"BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU|NSW|QLD|VIC|TAS"
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
_UPPER = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘĚŇŤĎŮŐŰŞİĞȘȚĂ]"
_CAP = rf"(?:{_UPPER}[\w'’.-]*|[A-Z])"
#: A capitalised word of letters.
_WORD = rf"(?:{_UPPER}(?:[a-zß-öø-ÿłśżźćńšžčřěňťďůőűŷŵ]|['’][A-Z])[^\W\d_]*(?:['’.-][^\W\d_]+)*\.?)"
_JOIN = (
    r"(?:\s+(?:de|la|del|of|the|and|von|van|der|le|du|des|les|da|das|do|dos|di|della|dei|degli|delle|e|y|et|und|&)\s+"
    r"|\s+d['’]|\s+)"
)
_STREET_WORDS = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Cres|Way|Court|Ct|Place|Pl|Terrace|Tce|"
    r"Gardens|Gdns|Grove|Park|Square|Sq|Hill|Row|Boulevard|Blvd|Mews|Walk|View|Rise|Green|Parade|Highway|Hwy|"
    r"Heights|Estate|Manor|Lawn|Lawns|Wood|Meadows|Vale|Quay|Wharf|Bypass|Circle|Cir|Trail|Pike|Parkway|Pkwy)"
)
_DIRECTION = r"(?:\s+(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)\b)?"
#: Street words of German and Dutch written as the end of one word ("Thorbeckegracht 41", "Lindenallee 3").
_STREET_ENDINGS = (
    r"(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|gracht|straat|laan|plein|kade|singel|"
    r"dijk|steeg|gatan|vägen|gränd|torget|gata|gade|vej|veien|gate|tie|katu)"
)
#: Street words that come before the name, in the Romance languages ("Calle Madrid 45, 3º B").
_STREET_FIRST = (
    r"(?:Calle|C/|Avenida|Avda\.?|Av\.|Paseo|Plaza|Pza\.?|Camino|Carrer|Carretera|Ronda|Travesía|Bv\.|Bvar\.|"
    r"Bulevar|Calzada|Rua|R\.|Travessa|Praça|Estrada|Alameda|Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|"
    r"Strada|[Rr]ue|[Cc]hemin|[Aa]llée|[Ii]mpasse|Place|[Qq]uai|[Bb]oulevard|[Aa]venue|ul\.|ulica|al\.|aleja|"
    r"os\.|osiedle|pl\.)"
)
_PARTICLES = (
    r"(?:de|del|la|las|los|da|do|dos|das|di|della|dello|degli|dell['’]|des|du|le|les|am|an\s+der|im|zum|zur)"
)
#: A word of a street's name: a capitalised word, a roman numeral ("Dom Pedro II") or an elided particle.
_STREET_NAME_WORD = rf"(?:{_WORD}|[IVX]{{1,4}}\b|(?:dell|d|l)['’]{_WORD})"
#: Floor and door after a house number ("3º B", "3.º Esq.", "piso 7 B", "m. 4"), a colonia ("Col. Centro").
_FLOOR = (
    r"(?:,?\s*(?:\d{1,2}\.?\s*[º°ª]\s*(?:[A-Z0-9]\b[ºª]?|Esq\.?|Dto\.?|Dir\.?|Izq\.?|Dcha\.?)?|piso\s+\d+(?:\s*[A-Z]\b)?|"
    r"bajo|izq(?:da)?\.?|dcha\.?|m\.\s*\d+|lok\.\s*\d+|apt\.?\s*\d+\w?|#\s?\d{1,3}-\d{1,5}))?"
    rf"(?:,\s*Col\.\s+{_WORD}(?:\s+{_WORD}){{0,2}})?"
)
_ADDRESS = re.compile(
    rf"(?:\bNo\.?\s*)?\b(?:(?:Flat|Apartment|Apt|Unit|Suite)\s+\w+,?\s+)?(?:\d{{1,4}}/)?\d{{1,5}}[A-Za-z]?,?\s+"
    rf"(?:(?:N|S|E|W|NE|NW|SE|SW)\.?\s+)?(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?"
    rf"(?:{_WORD}{_JOIN}){{0,3}}{_STREET_WORDS}\b\.?{_DIRECTION}"
    rf"(?:,\s+{_WORD}\s+(?:Nagar|Colony|Layout|Puram|Vihar|Enclave|Extension|Bagh|Sector\s+\d+))?"
    rf"|\b(?:{_WORD}\s+)?[A-ZÄÖÜ][^\W\d_]*{_STREET_ENDINGS}\s+\d{{1,4}}[a-z]?\b"
    rf"|\b{_WORD}\s+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer)\s+\d{{1,4}}[a-z]?\b"
    rf"|(?<![\w.]){_STREET_FIRST}\s+(?:{_PARTICLES}\s+)*(?:{_STREET_NAME_WORD},?\s+(?:{_PARTICLES}\s+)*){{1,4}}"
    rf"\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?\b{_FLOOR}"
    rf"|\b\d{{1,5}}[A-Za-z]?,?\s+(?:cours|quai|allée|impasse|place|chemin|boulevard|bd|avenue|av\.)\s+"
    rf"(?:{_PARTICLES}\s+)*{_WORD}(?:[\s-]{_WORD}){{0,3}}"
    rf"|\bBlk\.?\s+\d{{1,4}}[A-Z]?\s+(?:{_WORD}(?:\s+|(?=,))){{1,4}}(?:\d{{1,3}}\b)?(?:,?\s*#\d{{1,3}}-\d{{1,5}})?"
    rf"|\b(?:Purok|Sitio|Zone)\s+\d+\w?(?:,\s+(?:Brgy\.?|Barangay)\s+{_WORD}(?:\s+{_WORD})?)?"
    rf"|\b(?:Brgy\.?|Barangay)\s+{_WORD}(?:\s+{_WORD})?"
    rf"|\bGeneral\s+Delivery(?:,?\s+(?:P\.?\s?O\.?\s+)?Box\s+\d+)?|\bR(?:ural\s+)?R(?:oute)?\.?\s+#?\s?\d+\b"
    rf"|(?<=,\s)(?P<comma>(?:{_WORD}\s+){{1,2}}(?:Road|Rd|Street|Avenue|Ave|Lane|Boulevard|Blvd|Highway|"
    rf"Crescent|Terrace|Salai|Marg))\b"
    rf"|\b(?:Flat|Apartment|Apt|Unit|Suite)\s+\d+\w?\b(?:,?\s+(?:{_CAP}\s+){{1,3}}{_STREET_WORDS}\b)?"
    rf"|\bP\.?\s?O\.?\s+Box\s+\d+\b"
    rf"|\b\d{{1,5}},?\s+(?:rue|avenue|av\.|boulevard|boul\.|chemin|route|calle|avenida|via|rua|ul\.|ulica)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+"
    rf"|\b(?:on|in|off|at|address:?)\s+(?P<street>(?:{_WORD}{_JOIN}){{1,3}}{_STREET_WORDS}\b{_DIRECTION})"
    rf"|\b(?:lives?\s+at|living\s+at|address:?|at)\s+(?P<house>\d{{1,5}}[A-Za-z]?\s+{_WORD}(?:\s+{_WORD}){{0,2}}{_DIRECTION})"
    rf"|\b(?P<named>(?:(?:Sir|Lord|Lady|Dame|King|Queen|Prince|Princess)\s+)?(?:{_WORD}\s+){{1,2}}(?:House|Cottage|Lodge|Farm|Villa|Court|Towers|Tower|Mansions|Buildings|Building|Hall|Flats))\b"
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
    r"Physiotherapy|Residence|Résidence|Trust|Foundation|Institute|Dental|Healthcare|"
    r"Health(?!\s+(?i:Worker|Workers|Service|Services|Visitor|Care|Check|Assessment|Plan|Team|Professional|"
    r"Coach|Promotion|Literacy|Insurance|Record|Records|Board|Authority|System|Questionnaire|Survey))|Radiology|Imaging|"
    r"Diagnostics|Pathology|Laboratories|Labs|Kliniken|Klinikum|Klinik|Krankenhaus|Spital|Ziekenhuis|"
    r"Medical\s+Group|Senior\s+Living|Assisted\s+Living|Facility|VAMC|CBOC|FQHC|Radiologie|Radiología|"
    r"Radiologia|Imagerie|Kirchgemeinde|Centrum|Kliniczne|Kliniczny|Union|Sanatorium|Hastanesi|Hastane|"
    r"Nemocnice|Nemocnica|Sairaala|Kórház|Bolnica|Poliklinika|Poliklinik|Ambulanz|Gesundheitszentrum|"
    r"Ärztehaus|Gezondheidscentrum|Medisch\s+Centrum|Universitätsklinikum|Uniklinik|Universitetssjukhus|"
    r"Hospitalet|Sjukhuset|Vårdcentral|Polyclinic|Dispensary|Mission|Ministries|Fellowship|Tabernacle|"
    r"Assembly|Congregation|Seminary|Polytechnic|Gymnasium|Lyceum|Kindergarten|Nursery|Preschool|"
    r"Montessori|Campus|Institution|Correctional|Penitentiary|Asylum|Orphanage|Convent|Monastery|Abbey|"
    r"Priory|Friary|Shrine|Basilica|Minster)"
)
_INSTITUTION = re.compile(
    rf"\b(?P<pre>(?:(?:St\.?|Saint|Our\s+Lady(?:\s+of)?|Mater|Holy)\s+)?(?:(?:{_CAP}|\d{{1,4}}){_JOIN}){{0,4}}{_CAP}\s+)"
    rf"{_INSTITUTION_WORDS}\b(?:\s+of\s+(?:the\s+)?(?:{_CAP}\s*){{1,3}}|\s+(?P<post>(?!Pain\b|Clinic\b|ED\b)"
    rf"{_UPPER}[a-zß-öø-ÿ]{{3,}}|{_UPPER}[a-zß-öø-ÿ]{{2,}}(?:-{_UPPER}[a-zß-öø-ÿ]{{2,}})+)\b(?!\s+(?:and|or)\b)(?=[,.;:)]|\s+(?:[a-z]|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    rf"Sep|Oct|Nov|Dec)[a-z]*\b)|$))?"
    rf"|\b(?i:works?\s+(?:for|at)|worked\s+(?:for|at)|employed\s+by|employer:?|job\s+at|plays\s+for|"
    rf"volunteers?\s+(?:at|for|with)|member\s+of|trabaja\s+en|trabalha\s+(?:na|no|em)|travaille\s+(?:à|chez|au)|"
    rf"arbeitet\s+(?:bei|im|in\s+der)|werkt\s+bij|lavora\s+(?:a|presso|alla|al)|pracuje\s+w|"
    rf"attends|attended|attending|enrolled\s+(?:at|in)|stud(?:ies|ied|ying)\s+at|student\s+at|pupil\s+at|"
    rf"employed\s+at|employee\s+(?:of|at)|on\s+the\s+staff\s+(?:of|at)|staff\s+at|teach(?:es|er)\s+at|"
    rf"taught\s+at|retired\s+from|asiste\s+(?:a|al)|estudia\s+en|frequenta|besucht|fréquente|"
    rf"studeert\s+aan|empleada?\s+(?:en|de)|employée?\s+(?:à|chez|de)|dipendente\s+(?:di|della|del))\s+"
    rf"(?:(?:the|la|le|el|die|das|den|het|il|l['’])\s*)?"
    rf"(?P<employer>(?:(?:{_WORD}|\d{{1,4}}){_JOIN}){{0,3}}{_WORD})"
    rf"|\b(?:Hospital|Hospitals|University|Church|College|School|Hospice|Institute|Sisters|Clinic|Health\s+System)"
    rf"\s+of\s+(?:the\s+)?(?:{_CAP}\s*){{1,3}}"
    rf"|\b(?:St\.?|Saint)\s+{_CAP}(?:'s|s)?(?=\s|,|\.|$)"
    rf"|\b(?:Scoil|Gaelscoil|Coláiste|Colaiste|Ospidéal|Lycée|Lycee|Collège|École|Ecole|Colegio|Escuela|"
    rf"Clinique|Centre|Centro|Hospital|Hospice|"
    rf"Hôpital|Hopital|Klinikum|Jamia|Masjid|Gurdwara|Marae|Kura|Te|Ysbyty|Ysgol|Capel|Eglwys|Meddygfa|Séipéal|"
    rf"Eaglais|Sanatorio|Sanatório|Instituto|Fundación|Fundação|Ospedale|Szpital|Przychodnia|Parafia|Kościół|"
    rf"Paróquia|Parrocchia|Igreja|Capela|Chiesa|Pharmacie|Farmacia|Farmácia|Apotheke|Apotek|Club|Estudio|"
    rf"Escola|Scuola|Liceo|Szkoła|Policlinico|Policlínica|Spitalul|Nemocnice|Nemocnica|Bolnica|Poliklinika|"
    rf"Universidad|Universidade|Università|Université|Universität|Uniwersytet|Hochschule|Gimnazjum|Liceum|"
    rf"Mezquita|Mosquée|Moschee|Sinagoga|Synagogue|Templo|Tempio|Temple|Iglesia|Kerk)\s+"
    rf"(?:[a-zà-ÿ]{{4,15}}\s+(?=[A-Z]))?(?:(?:de\s+la|de|du|des|del|da|das|do|dos|di|della|d['’])\s*)?"
    rf"(?:(?:{_WORD}|[A-Z]{{2,6}}\b|św\.){_JOIN}){{0,4}}(?:{_WORD}|[A-Z]{{2,6}}\b)"
    # an acronym of the health systems followed by a place or a number: "CAPS Guarulhos", "UMF 51"
    rf"|\b(?:CAPS|UBS|UPA|USF|UCSP|UMF|CESFAM|AUSL|ASL|ASST|ATS|CAP|EAP|IMSS|ISSSTE|CLSC|CMP|POZ)\s+"
    rf"(?:{_WORD}(?:\s+{_WORD})?|\d{{1,3}}\b)"
    # a kind of place followed by a colon and its name: "Temple: Kong Meng San Phor Kark See"
    rf"|(?i:\b(?:temple|church|parish|mosque|synagogue|gurdwara|chapel|hospice|employer|"
    rf"care\s+home|nursing\s+home|workplace))\s*:\s+"
    rf"(?P<label>(?:{_WORD}|[A-Z]{{2,6}}\b)(?:(?:,?\s+|{_JOIN})(?:{_WORD}|[A-Z]{{2,6}}\b)){{0,8}})"
    # a union local: "United Steelworkers Local 1-423"
    rf"|\b(?:{_WORD}\s+){{1,3}}Local\s+\d[\d-]*"
    # a name ending in a kind of place written as one word: "Inselspital", "Domkyrkan"
    rf"|\b(?!Hospital)[A-ZÅÄÖ][a-zåäöü]+(?:spital|klinik|klinikum|krankenhaus|sjukhus|sjukhuset|sygehus|sykehus|ziekenhuis|"
    rf"kyrkan|kyrka|kirke|kirken|kerk|kirche)\b"
)
_TOWN_CUES = re.compile(
    r"\b(?:lives?\s+(?:alone\s+|with\s+\w+\s+)?(?:in|at|near|outside)|living\s+(?:alone\s+)?(?:in|at|near)|"
    r"moved\s+(?:back\s+)?(?:to|from)|born\s+in|grew\s+up\s+in|raised\s+in|works?\s+(?:in|at)|"
    r"worked\s+(?:in|at)|farm\s+(?:in|near|outside)|village\s+of|town\s+of|townland\s+of|near|outside|"
    r"from|returned\s+to|travels?\s+(?:to|from)|drives?\s+(?:to|from)|relocated\s+to|house\s+in|home\s+in|"
    r"based\s+in|stays?\s+(?:in|with\s+\w+\s+in)|visits?\s+\w*\s*in|County|Co\.?|in|to|around|"
    # the same in French, Spanish, German and Dutch ("vit à", "vive en", "wohnt in", "woont in")
    r"(?-i:à|au|aux|em|en|z|ze|w|we)|out\s+of|(?:vit|vivant|habite|habitant|né|née|originaire)\s+(?:à|de|d['’])|vive\s+en|vivía\s+en|"
    r"natural\s+de|procedente\s+de|nacid[oa]\s+en|wohnt\s+in|aus|woont\s+in|uit|"
    r"(?-i:de)(?=\s+[A-Z][^\W\d_]+\s+\([A-Z][^\W\d_]+\)))"
    r"\s+(?P<town>(?:{cap}\s+){{0,2}}{cap})"
    .format(cap=r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*\b")
)
_TOWN_STATE = re.compile(
    rf"\b(?P<town>(?:[A-Z][^\W\d_'’-]+\s+){{0,2}}[A-Z][^\W\d_'’-]+)(?:,|\s+[–-])\s+"
    rf"(?:{'|'.join(_US_STATES)}|{_US_STATE_NAMES}|{_OTHER_STATES})\b"
)
_MORE_TOWNS = re.compile(
    r"(?:,|\s+[–-])\s+(?P<town>[A-Z][a-z][^\W\d_]*(?:-[A-Z][a-z][^\W\d_]*)*"
    r"(?:(?:\s+(?:del|de|la|di|da|do|sur|upon|on|am|an|im))?\s+[A-Z][a-z][^\W\d_]*){0,2})"
    r"(?=[,.;)]|\s+(?:with|and|in|on|at|since)\b|\s+\d{4,5}\b|$)"
)
POSTCODE_AFTER_TOWN = re.compile(r",?\s+(?P<zip>\d{4,6})\b(?![.,/:]\d)")
#: A postcode and then its town, after an address in the European order ("45886 Gelsenkirchen",
#: "8011 VM Zwolle", "28901 Getafe").
_POSTCODE_THEN_TOWN = re.compile(
    r"\.?,?\s+(?P<zip>\d{4,5}|[1-9]\d{3}\s?[A-Z]{2}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}\s\d{2})\s+(?P<town>[A-Z][a-z][^\W\d_]*(?:[\s-][A-Z][a-z][^\W\d_]*){0,2})\b"
)


#: An acronym followed by a capitalised word, after a word that says where: "at SUNY Downstate",
#: "from NUI Galway", "attends UCD Belfield". A question: many acronyms are clinical.
_ACRONYM_NAME = re.compile(
    rf"\b(?i:at|in|from|to|by|with|attends|attended|via|visits|joined|left)\s+(?:the\s+)?"
    rf"(?P<name>(?P<acronym>[A-Z][A-Z&]{{1,5}})\s+(?P<word>{_WORD})(?:\s+{_WORD})?)"
)


def acronym_institution_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Institutions written as an acronym and a name ("SUNY Downstate"): questions. ``clinical``: words
    (caseless) that are not names (the acronyms of tests, scores and medicines)."""
    spans = []
    for match in _ACRONYM_NAME.finditer(text):
        acronym, word = match.group("acronym").casefold(), match.group("word").strip(".").casefold()
        if acronym in NOT_NAMES or acronym in clinical or word in NOT_NAMES or word in clinical:
            continue
        spans.append(match.span("name"))
    return [(s, e - (1 if text[e - 1] == "." else 0)) for s, e in spans]


#: What a person attends that is not a place: "attends Mass", "attends AA Meetings".
_ACTIVITIES = frozenset({"mass", "masses", "prayers", "prayer", "worship", "meetings", "meeting", "sessions",
                         "session", "services", "sunday", "friday", "saturday", "training", "rehab", "bible",
                         "study", "studies", "choir", "bingo", "yoga", "pilates", "tai", "chi", "gym",
                         "swim"})


_KIND_WORD = re.compile(rf"{_INSTITUTION_WORDS}$", re.IGNORECASE)


@cache
def _kinds() -> frozenset[str]:
    """The kinds of institution of the vocabularies of many languages, one word each (caseless)."""
    words = [*entries("institutions", "before"), *entries("institutions", "after"),
             *entries("institution_forms", "before"), *entries("institution_forms", "after")]
    return frozenset(w.casefold() for w in words if " " not in w)


def institution_name_parts(name: str) -> list[str]:
    """The runs of an institution's name that are its own, not its kind nor generic words: "Bronglais" of
    "Bronglais General Hospital", "Tirellan" of "Tirellan Medical Centre" (at least four letters)."""
    parts: list[str] = []
    run: list[str] = []
    for word in [*name.split(), ""]:
        bare = word.strip("'’.,()")
        bare = bare[:-2] if bare.endswith(("'s", "’s")) else bare
        if (bare[:1].isupper() and bare.casefold() not in GENERIC | NOT_NAMES | _ACTIVITIES
                and not _KIND_WORD.match(bare) and not bare.isupper() and bare.casefold() not in _kinds()):
            run.append(bare)
            continue
        if run and len(" ".join(run)) >= 4 and " ".join(run) != name:
            parts.append(" ".join(run))
        run = []
    return parts


def institution_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _INSTITUTION.finditer(text):
        pre = match.group("pre")
        named = next((g for g in ("employer", "label") if match.group(g)), None)
        if named is not None:
            words = match.group(named).split()
            if not all(w.strip("'’.,").casefold() in GENERIC | NOT_TOWNS | NOT_NAMES | _ACTIVITIES
                       for w in words):
                spans.append(match.span(named))
        elif pre is not None:
            words = [w.strip("'’.").casefold() for w in pre.split()]
            # "University Hospital of the West Indies": the name is after "of"
            named_after = re.match(r"(?:Hospitals?|Infirmary|Clinic|School|University|Hospice|Church)\s+of\s",
                                   match.group()[len(pre):])
            if not match.group("post") and not named_after and all(
                w in GENERIC or w.endswith("'s") and w[:-2] in GENERIC for w in words
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
        while words and words[0].strip("'’.").casefold() in NOT_NAMES and not (
                words[0] == "Our" and words[1:2] == ["Lady"]):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if words and not all(w.strip("'’.").casefold() in GENERIC | NOT_TOWNS for w in words):
            spans.append((start, match.end()))
    for pattern in (KIND_FIRST, FRENCH_ACRONYMS, SAINT):
        spans.extend(match.span() for match in pattern.finditer(text))
    return [(s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans]


def town_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_TOWN_CUES, _TOWN_STATE):
        for match in pattern.finditer(text):
            start, end = match.span("town")
            words = match.group("town").split()
            while words and words[-1].strip("'’").casefold() in NOT_TOWNS | NOT_NAMES:
                end -= len(words[-1]) + (1 if len(words) > 1 else 0)
                words.pop()
            first = words[0].strip("'’").casefold() if words else ""
            compass = len(words) > 1 and first in {"north", "south", "east", "west", "upper", "lower", "new",
                                                   "old"}
            if (words and (compass or first not in NOT_TOWNS | NOT_NAMES)
                    and any(ch.islower() for ch in words[0])):
                end = start + len(" ".join(words))
                spans.append((start, end))
                # a list of places: "in Fruitvale, Oakland"
                for more in _MORE_TOWNS.finditer(text, end):
                    if more.start() != end or more.group("town").casefold() in NOT_TOWNS | NOT_NAMES:
                        break
                    spans.append(more.span("town"))
                    end = more.end()
    return spans


_GEO = re.compile(
    r"\b(?:[A-Z][a-z][^\W\d_]*\s+){1,2}(?:Island|Isle|Valley|Bay|Glen|Peninsula|Harbour|Harbor)\b"
)
_BEFORE_POSTCODE = re.compile(
    r"(?:^|,\s*|\b(?:in|at)\s+)(?P<town>(?:(?:Y|Yr|An|El|La|Las|Los|Le|Les|Il|De|Den|Het|Al)\s+)?"
    r"[A-Z][a-z][^\W\d_]*(?:[\s-][A-Z][a-z][^\W\d_]*)?)"
    r"(?:,?\s+(?:[A-Z]{2,3}|Co\.?\s+[A-Z][a-z]+))?,?\s*$"
)


def places_beside(spans: list[tuple[int, int, bool]], text: str) -> list[tuple[int, int, bool]]:
    """Towns written right after an address or institution ("12 Elm Grove, Ballincollig"), after the
    postcode that follows an address ("Bochumer Straße 112, 45886 Gelsenkirchen") or right before a postcode
    ("Liverpool L8 2TP", "Cabramatta NSW 2166"): sure, since an address is around them. ``spans`` say
    whether each is a postcode; so does each span returned (the postcodes of the European order and those
    after such a town)."""
    places: list[tuple[int, int, bool]] = []
    for start, end, is_postcode in spans:
        end = end + 1 if text[end:end + 2] == ".," else end  # "142-B Gorordo Ave., Lahug"
        at = end
        european = _POSTCODE_THEN_TOWN.match(text, end)
        if european is not None and european.group("town").casefold() not in NOT_TOWNS | NOT_NAMES:
            places += [(*european.span("zip"), True), (*european.span("town"), False)]
            at = european.end("town")
        for more in _MORE_TOWNS.finditer(text, at):
            if more.start() != at or more.group("town").casefold() in NOT_TOWNS - {"london", "dublin"}:
                break
            places.append((*more.span("town"), False))
            at = more.end("town")
        if at != end:  # a number right after a town that follows an address is its postcode ("Rotorua 3010")
            postcode = POSTCODE_AFTER_TOWN.match(text, at)
            if postcode is not None:
                places.append((*postcode.span("zip"), True))
        before = _BEFORE_POSTCODE.search(text, max(0, start - 40), start) if is_postcode else None
        if before is not None and before.group("town").casefold() not in NOT_TOWNS | NOT_NAMES:
            places.append((*before.span("town"), False))
    return places



def address_spans(text: str) -> list[tuple[int, int]]:
    """Street addresses: "12 Elm Grove", "Flat 3", "PO Box 12", "lives at 4 Kauri"."""
    spans = []
    for match in _ADDRESS.finditer(text):
        part = next((g for g in ("street", "house", "named", "comma") if match.group(g)), 0)
        spans.append(match.span(part))
    return spans


def postcode_spans(text: str) -> list[tuple[int, int]]:
    """Postcodes and ZIP codes whose shape or neighbours say what they are."""
    spans = [m.span() for p in (_UK_POSTCODE, _EIRCODE, _CA_POSTCODE, _DUBLIN, _NL_POSTCODE, _AR_POSTCODE)
             for m in p.finditer(text)]
    spans += [m.span("zip") for p in (_ZIP, _AU_POSTCODE, _TOWN_POSTCODE) for m in p.finditer(text)]
    if any(ch.isdigit() for ch in text):
        spans += _town_and_code(text)
    return spans


def _town_and_code(text: str) -> list[tuple[int, int]]:
    """Six-digit codes after a town of the gazetteer or Singapore, Maltese codes that are no clinical
    abbreviation and no year."""
    from mdtboard.domain.phi_gazetteer import clinical_acronyms, town_names

    spans = [m.span("zip") for m in _SIX_DIGIT_POSTCODE.finditer(text)
             if m.group("town") == "Singapore" or m.group("town").casefold() in town_names()]
    spans += [m.span("zip") for m in _CODE_AFTER_TOWN.finditer(text)
              if m.group("town").casefold() in town_names()]
    spans += [m.span("zip") for m in _MT_POSTCODE.finditer(text)
              if m.group("zip")[:3] not in clinical_acronyms()
              and not m.group("zip")[4:].startswith(("19", "20"))]
    return spans


#: A home named rather than numbered, after "lives at" or a label: "Lives at Cloch na Rón", "Farm: Tŷ Coch".
_NAMED_HOME = re.compile(
    rf"\b(?i:lives\s+at|living\s+at|address|home|farm|house)\s*:?\s+"
    rf"(?P<home>{_WORD}(?:\s+(?:(?:na|an|y|yr|of|the|de|la|le|du)\s+)?{_WORD}){{0,3}})"
)


def named_home_spans(text: str) -> list[tuple[int, int]]:
    """Homes with a name and no number ("Lives at Cloch na Rón"): a question, since it may be a care home
    or an institution that another rule names."""
    return [m.span("home") for m in _NAMED_HOME.finditer(text)
            if m.group("home").split()[0].strip(".,").casefold() not in NOT_TOWNS | NOT_NAMES]


def geo_spans(text: str) -> list[tuple[int, int]]:
    """Named islands, valleys, bays and glens."""
    return [m.span() for m in _GEO.finditer(text)]
