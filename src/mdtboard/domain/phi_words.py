"""Words and extra patterns for :mod:`mdtboard.domain.phi` in the languages cases are written in.

Kept apart so that phi.py stays readable: month names, the word for "years" after an age, relations and
roles in French, Spanish, German, Dutch, Portuguese, Italian and te reo Māori; clinical disciplines that head
an entry with the writer's first name ("OT (Siobhan): ...", "PT Mariana: ..."); institutions named with a
lower-case kind ("Our Lady of Czestochowa church"), with a kind in front ("Résidence Les Jardins du Fleuve")
or by the French health-system acronyms (CHU, CHSLD, CLSC, CIUSSS, "CHxx de <town>").
"""

from __future__ import annotations

import re

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
    r"filha|filho|irmã|irmão|"
    r"Tochter|Sohn|Ehefrau|Ehemann|Mutter|Vater|Schwester|Bruder|Nachbarin|Nachbar|"
    r"dochter|zoon|echtgenote|buurvrouw|buurman|"
    r"kuia|koro|whaea|matua|tamaiti|kaiawhina|kaiāwhina|kaumātua|kaumatua"
)

_FIRST_NAME = r"[A-Z][a-zà-öø-ÿ'’][^\W\d_]*(?:-[A-Z][^\W\d_]+)?"
_DISCIPLINES = (
    r"OT|PT|SLT|physio(?:therapy|therapist)?|psychology|psychologist|nursing|nurse|pharmacy|pharmacist|"
    r"dietetics|dietitian|dietician|social\s+work|social\s+worker|occupational\s+therapy|physical\s+therapy|"
    r"psychiatry|chaplaincy|neuromodulation|pain\s+nurse|CNS|ANP"
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
    r"café|cafe|restaurant)\b"
)
#: An institution named after its kind: "Résidence Les Jardins du Fleuve", "Paroisse Sainte-Anne".
KIND_FIRST = re.compile(
    r"\b(?:Résidence|Residence|Residencia|Foyer|Paroisse|Parroquia|Église|Eglise|Iglesia|Igreja|Clínica|"
    r"Cl[ií]nica|Klinik|Praxis|Pfarrei|Kirche|Maison|Manoir|Villa|Hogar|Lar)"
    rf"\s+(?:{_PROPER}{_JOIN}){{0,3}}{_PROPER}"
)
#: The French health-system acronyms: university hospitals (CHU, CHUM, CHUS ...), long-term care (CHSLD),
#: local community services (CLSC), health and social services centres (CISSS, CIUSSS), and any "CH..."
#: acronym followed by "de <town>" (a centre hospitalier).
FRENCH_ACRONYMS = re.compile(
    rf"\b(?:CHU[A-Z]?|CHSLD|CLSC|CIU?SSS|CH[A-Z]{{1,4}}(?=\s+(?:de|du|des|d['’])\s*[A-Z]))\b"
    rf"(?:\s+(?:de\s+la|de|du|des|d['’])\s*{_PROPER}(?:[\s-]{_PROPER}){{0,2}})?"
)
#: Saints' names in several languages, joined by a space or a hyphen: "Sainte-Marguerite", "San José".
SAINT = re.compile(rf"\b(?:St\.?|Ste\.?|Saint|Sainte|San|Santa|São|Sao|Sankt)(?:\s+|-){_PROPER}(?:'s|s)?")
