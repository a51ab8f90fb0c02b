"""mdtboard's own fictional demo and teaching cases, shipped in ``resources/cases``."""

from __future__ import annotations

from pathlib import Path

from mdtboard.interchange.bundle import import_files
from mdtboard.resources import resource
from mdtboard.services.cases import CaseService, StoredCase


def demo_bundles() -> list[Path]:
    return sorted(resource("cases").glob("*.json"))


def load_demo_cases(service: CaseService) -> list[StoredCase]:
    """Import (or refresh) the shipped case bank; every case in it is fictional."""
    return import_files(service, demo_bundles())
