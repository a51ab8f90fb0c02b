"""Record, insurance and national identity numbers in free text, for :mod:`mdtboard.domain.phi`.

- numbers after a label that says what they are, in the languages cases are written in ("MRN", "NHS no.",
  "dossier", "DNI", "BSN", "Aadhaar", "UHID", "Folder no.", "VA ICN" ...);
- national identity and health numbers without a label, when their check digits hold: python-stdnum's
  validators (NHS and CHI-style modulus 11, BSN, Aadhaar's Verhoeff digit, Spanish DNI and NIE letters, French
  NIR, South African ID, PESEL, Codice Fiscale, Nordic personal numbers and others);
- US social security numbers written 123-45-6789, and other long numbers (these only as a question).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

from stdnum.be import nn as be_nn
from stdnum.br import cpf as br_cpf
from stdnum.ch import ssn as ch_ssn
from stdnum.dk import cpr as dk_cpr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.ie import pps as ie_pps
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.it import codicefiscale as it_codicefiscale
from stdnum.mx import curp as mx_curp
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fodselsnummer
from stdnum.pl import pesel as pl_pesel
from stdnum.se import personnummer as se_personnummer
from stdnum.za import idnr as za_idnr

SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
#: An identity or record number with its check character in brackets: "K406218(3)", "AB1234567(A)".
CHECKED_ID = re.compile(r"(?<![\w-])[A-Z]{0,3}\d{6,10}\([0-9A-Z]\)")

#: Labels in English (case-insensitive) ...
_LABELS_ANY_CASE = (
    r"MRN|med(?:ical)?\s+rec(?:ord)?(?:\s+(?:no|number))?|record\s+(?:no|number)|hospital\s+(?:no|number)|"
    r"chart(?:\s+(?:no|number))?|NHS\s+(?:no|number)?|CHI(?:\s+(?:no|number))?|IHI|PPSN?(?:\s+(?:no|number))?|"
    r"patient\s+(?:id|no|number)|account\s+(?:no|number)|acct|member(?:ship)?\s+(?:id|no|number)|"
    r"policy\s+(?:no|number)|insurance\s+(?:id|no|number)|health\s+plan\s+(?:id|no|number)|"
    r"medicare(?:\s+(?:no|number))?|medicaid(?:\s+(?:id|no|number))?|SSN|social\s+security(?:\s+(?:no|number))?|"
    r"licen[cs]e\s+(?:no|number)|driving\s+licen[cs]e|passport(?:\s+(?:no|number))?|serial(?:\s+(?:no|number))?|"
    r"device\s+(?:id|no|number)|reg(?:istration)?(?:\s+(?:no|number|plate))?|number\s+plate|"
    r"claim\s+(?:no|number)|case\s+(?:no|number)|ref(?:erence)?\s+(?:no|number)|ID|OHIP|NHI|MBI|RAMQ|UCI|"
    r"URN|UR\s+(?:no|number)|PHN|certificate(?:\s+(?:no|number))?|(?:health\s+)?card(?:\s+(?:no|number))?|"
    r"(?:driver['’]?s\s+|driving\s+|private\s+hire\s+|taxi\s+)?licen[cs]e|badge|permit|car\s+reg|"
    r"folder(?:\s+(?:no|number))?|file\s+(?:no|number)|national\s+insurance(?:\s+(?:no|number))?|"
    r"NI\s+(?:no|number)|national\s+id(?:\s+(?:no|number))?|identity\s+(?:card|no|number)|"
    r"health\s+(?:id|no|number)|insurance|staff\s+(?:id|no|number)|census\s+(?:id|no|number)|crew\s+id|claim|"
    r"member|employee\s+(?:id|no|number)|"
    # French, Spanish, Portuguese, Italian, German, Dutch
    r"dossier|n[°º]\s+(?:de\s+)?dossier|num[ée]ro\s+(?:de\s+)?(?:dossier|patient|s[ée]curit[ée]\s+sociale)|"
    r"carte\s+vitale|s[ée]curit[ée]\s+sociale|assurance\s+maladie|expediente|historia\s+cl[ií]nica|"
    r"tarjeta(?:\s+sanitaria)?|n[úu]mero\s+de\s+(?:historia|afiliaci[óo]n|paciente|seguridad\s+social)|"
    r"seguridad\s+social|cart[ãa]o(?:\s+de\s+sa[úu]de)?|tessera\s+sanitaria|codice\s+fiscale|"
    r"Versichertennummer|Krankenversichertennummer|Versicherungsnummer|Sozialversicherungsnummer|"
    r"Patientennummer|Fallnummer|burgerservicenummer|pati[eë]ntnummer|verzekeringsnummer|"
    r"Aadhaar|Aadhar|Personnummer|f[øo]dselsnummer|henkil[öo]tunnus|prontu[áa]rio|processo|registo|utente|"
    r"cart[ãa]o\s+SUS|cartella(?:\s+clinica)?|nr\s+historii\s+choroby|historii\s+choroby|nr\s+karty|"
    r"affili[ée]e?|afiliad[oa]|numer\s+ubezpieczenia"
)
#: ... and acronyms that must be written in capitals ("sin" and "pan" are words too).
_LABELS_CAPITALS = (
    r"UHID|IP\s+No|OP\s+No|PAN|ABHA|DNI|NIE|NIF|NSS|NHC|CIP|SIP|NUHSA|CIPA|BSN|KVNR|SVNR|AHV|AVS|NIR|INSEE|"
    r"ICN|EDIPI|DoD\s+ID|PESEL|CPF|CNS|SUS|CURP|RUT|RUN|SIN|NAS|NINO|TFN|IRD|CPR|NRIC|HKID|MyKad|NIN|BVN|"
    r"SA\s+ID|TK|IPP|NIP|NHC|AMM|CF|SSN|MRN|UR|HC|CIN|SUS|NHIS|NHIF|SHA|NIN|EDIPI|PHN"
)
LABELLED_NUMBER = re.compile(
    rf"\b(?:(?i:{_LABELS_ANY_CASE})|{_LABELS_CAPITALS})\b"
    r"\.?\s*(?:is\s+|was\s+|est\s+|es\s+)?(?:#|:|no\.?|n[°º]\.?|nr\.?)?\s*"
    r"(?P<code>(?=[A-Z0-9./-]*(?:\s[A-Z0-9-]*)?\d)[A-Z0-9](?:[A-Z0-9-]|[./](?=[A-Z0-9])|\s(?=[A-Z0-9-]*\d)){3,}"
    r"[A-Z0-9])",
    re.IGNORECASE,
)
LONG_NUMBER = re.compile(
    r"\b(?=[A-Z]{0,4}\d)[A-Z]{0,4}[- ]?\d{5,}[A-Z]{0,2}\b|\b[A-Z]{2,}\d{2,}[A-Z0-9]{2,}\b"
    r"|\b\d{3,5}(?:-\d{2,5}){2,}(?:-[A-Z]{1,3})?\b"
)

#: Candidates for a national number: digits in groups (with the letters of the Spanish DNI and NIE and the
#: Irish PPS number), or the Italian Codice Fiscale; 9 to 18 characters without separators.
_CANDIDATE = re.compile(
    r"(?<![\w.,/+-])(?P<n>(?:[XYZ]-?)?\d{2,}(?:[ .-]\d{2,}){0,5})(?:[- ]?[A-Z]{1,2}(?![a-z]))?"
    r"(?![\w/-]|[.,]\d)"
    r"|(?<![\w.,/+-])[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z](?!\w)"
)
#: Validators whose check digits or structure make a chance match unlikely (9 characters or more).
_VALIDATORS: tuple[ModuleType, ...] = (
    gb_nhs, nl_bsn, in_aadhaar, es_dni, es_nie, fr_nir, za_idnr, pl_pesel, it_codicefiscale, se_personnummer,
    dk_cpr, no_fodselsnummer, fi_hetu, be_nn, ch_ssn, br_cpf, mx_curp, ie_pps,
)


def _valid_in(compact: str, validators: tuple[ModuleType, ...]) -> bool:
    for module in validators:
        check: Callable[[str], bool] = module.is_valid
        if check(compact):
            return True
    return False


def national_number_spans(text: str) -> list[tuple[int, int]]:
    """Numbers that pass a national identity or health number's check: sure, with or without a label."""
    spans = []
    for match in _CANDIDATE.finditer(text):
        for group in (0, "n"):
            compact = re.sub(r"[\s.-]", "", match.group(group) or "")
            if 9 <= len(compact) <= 18 and len(set(compact)) > 2 and _valid_in(compact, _VALIDATORS):
                spans.append(match.span(group))
                break
    return spans
