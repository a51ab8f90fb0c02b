"""The case library's item model: valid for Qt (qtmodeltester), lazy, sorted and filtered by the service."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services, open_services
from mdtboard.ui.cases.table_model import (
    CASE_ID_ROLE,
    FICTIONAL_BADGE,
    KIND,
    NAME,
    REF,
    CaseTableModel,
)

pytestmark = pytest.mark.gui

MANY = 450


def _many_cases(count: int) -> list[Case]:
    return [
        Case(
            ref=f"GEN-{i:05d}",
            fictional=i % 3 == 0,
            patient=Patient(display_name=f"Patient N{count - i:05d}"),
            title=f"Generated case {i}",
        )
        for i in range(count)
    ]


@pytest.fixture
def many(sqlite_database_url: str) -> Services:
    services = open_services(sqlite_database_url)
    services.cases.store_many(_many_cases(MANY))
    yield services  # type: ignore[misc]
    services.close()


def test_model_passes_qtmodeltester_with_many_cases(qtmodeltester: ModelTester, many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=100)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == MANY
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_a_page_at_a_time(many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=200)
    assert model.total == MANY
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == MANY
    assert not model.canFetchMore(QModelIndex())
    refs = [model.index(row, REF).data() for row in range(model.rowCount())]
    assert refs == sorted(refs) and len(set(refs)) == MANY


def test_sorting_is_done_by_the_service(many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=50)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    # Names run backwards from the references, so the first name is the last reference's.
    assert model.index(0, NAME).data() == "Patient N00001"
    assert model.index(0, REF).data() == f"GEN-{MANY - 1:05d}"
    model.sort(REF, Qt.SortOrder.DescendingOrder)
    assert model.index(0, REF).data() == f"GEN-{MANY - 1:05d}"
    assert model.rowCount() == 50


def test_filter_and_search_and_badge(many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=500)
    model.set_fictional(True)
    assert model.total == len([i for i in range(MANY) if i % 3 == 0])
    assert {model.index(r, KIND).data() for r in range(model.rowCount())} == {FICTIONAL_BADGE}
    model.set_fictional(False)
    assert {model.index(r, KIND).data() for r in range(model.rowCount())} == {"Real"}
    model.set_fictional(None)
    model.set_query("gen-00012")
    assert [model.index(r, REF).data() for r in range(model.rowCount())] == ["GEN-00012"]
    case_id = model.index(0, REF).data(CASE_ID_ROLE)
    assert many.cases.get(case_id).ref == "GEN-00012"


def test_empty_library(sqlite_database_url: str, qtmodeltester: ModelTester) -> None:
    services = open_services(sqlite_database_url)
    try:
        model = CaseTableModel(services.cases)
        assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
        qtmodeltester.check(model, force_py=True)
    finally:
        services.close()


def test_past_the_count_limit_the_total_is_a_lower_bound_until_the_last_page(
    qtmodeltester: ModelTester, sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mdtboard.ui.cases.table_model as table_model

    monkeypatch.setattr(table_model, "COUNT_LIMIT", 300)
    services = open_services(sqlite_database_url)
    try:
        services.cases.store_many(_many_cases(MANY))
        model = CaseTableModel(services.cases, page_size=200)
        assert not model.total_is_exact and model.total >= 300
        assert model.rowCount() == 200
        qtmodeltester.check(model, force_py=True)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == MANY
        assert model.total_is_exact and model.total == MANY
        model.set_query("patient n0000")  # nine matches: counted exactly at once
        assert model.total_is_exact and model.total == model.rowCount() == 9
    finally:
        services.close()
