"""Learning of changes: this program's own commits, another process's, and after a lost connection."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.changes import CASE, Change
from mdtboard.services.context import Services
from mdtboard.storage.listen import Watcher

WRITER = Path(__file__).with_name("change_writer.py")
FOLLOWER = Path(__file__).with_name("follower_child.py")


class Heard:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.states: list[str] = []
        self.lock = threading.Lock()

    def deliver(self, changes: list[Change]) -> None:
        with self.lock:
            self.changes.extend(changes)

    def state(self, text: str) -> None:
        with self.lock:
            self.states.append(text)

    def ids(self) -> list[int]:
        with self.lock:
            return [c.id for c in self.changes]


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 30.0) -> None:
    """Wait until ``condition`` holds (a bound for a stuck test, not a speed check)."""
    end = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.02)


@pytest.fixture
def heard(services: Services) -> Iterator[tuple[Heard, Watcher]]:
    h = Heard()
    watcher = services.changes.watch(h.deliver, on_state=h.state)
    wait_for(lambda: "live" in h.states, "the watcher connected")
    yield h, watcher
    watcher.stop()


def _url(services: Services) -> str:
    return services.db.engine.url.render_as_string(hide_password=False)


def _write_elsewhere(services: Services, ref: str, n: int) -> int:
    out = subprocess.run(
        [sys.executable, str(WRITER), _url(services), ref, str(n)],
        check=True, capture_output=True, text=True, timeout=120,
    )
    return int(out.stdout.split()[-1])


def test_this_programs_commit_is_heard(services: Services, heard: tuple[Heard, Watcher]) -> None:
    h, _watcher = heard
    case = services.cases.create(Case(ref="C-1", fictional=True, patient=Patient("Alex Doe")))
    wait_for(lambda: any(c.record_id == case.id for c in h.changes), "own commit heard")
    assert [(c.kind, c.record_id, c.version) for c in h.changes] == [(CASE, case.id, case.version)]


def test_another_process_commits_are_heard_in_order_and_all(
    services: Services, heard: tuple[Heard, Watcher]
) -> None:
    h, _watcher = heard
    case_id = _write_elsewhere(services, "C-OTHER", 5)
    wait_for(lambda: len(h.changes) >= 6, "six changes of the other process heard")
    assert [(c.record_id, c.version) for c in h.changes] == [(case_id, v) for v in range(6)]
    from mdtboard.services.changes import CLIENT_ID

    assert {c.client for c in h.changes} != {CLIENT_ID}  # written by the other program
    assert h.ids() == [c.id for c in services.changes.since(0)]


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_killed_listener_connection_reconnects_and_misses_nothing(
    services: Services, heard: tuple[Heard, Watcher]
) -> None:
    h, watcher = heard
    services.cases.create(Case(ref="C-1", fictional=True, patient=Patient("Alex Doe")))
    wait_for(lambda: len(h.changes) == 1, "first change heard")
    pid = watcher.backend_pid
    with services.db.engine.begin() as conn:
        assert conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    # written while the listener is gone: its notifications are lost, the log is not
    case_id = _write_elsewhere(services, "C-WHILE-DOWN", 3)
    wait_for(lambda: watcher.connections >= 2, "the listener reconnected")
    wait_for(lambda: len(h.changes) >= 5, "the changes written while it was away")
    assert h.ids() == [c.id for c in services.changes.since(0)]
    assert [(c.record_id, c.version) for c in h.changes[1:]] == [(case_id, v) for v in range(4)]
    assert any(s.startswith("Live updates paused") for s in h.states)
    assert h.states[-1] == "live"


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_network_gone_silent_is_noticed_and_caught_up_after(services: Services) -> None:
    """A network that swallows everything (no close, no reset: TCP keepalives see nothing wrong): the
    listener notices, says so, reconnects once the network is back and misses nothing."""
    from tcp_proxy import TcpProxy

    url = sa.make_url(_url(services))
    with TcpProxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        engine = sa.create_engine(services.db.engine.url.set(host="127.0.0.1", port=proxy.port))
        h = Heard()
        watcher = Watcher(engine, h.deliver, on_state=h.state)
        watcher.start()
        try:
            wait_for(lambda: "live" in h.states, "the watcher connected through the proxy")
            proxy.go_silent()
            case_id = _write_elsewhere(services, "C-SILENT", 2)  # straight to the server
            wait_for(lambda: any(s.startswith("Live updates paused") for s in h.states), "silence noticed")
            proxy.speak_again()
            wait_for(lambda: len(h.changes) >= 3, "the changes made while the network was silent", 60)
            assert [(c.record_id, c.version) for c in h.changes] == [(case_id, v) for v in range(3)]
            assert h.states[-1] == "live"
        finally:
            watcher.stop()
            engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_pc_whose_network_drops_for_30_s_catches_up_with_nothing_missed(services: Services) -> None:
    """A following PC (a process of its own) reaches the server through a proxy that cuts the network for
    30 s: every connection reset, nothing getting through, while this process saves twice a second all
    along. Once the network is back, the follower has heard every change, in order, none twice."""
    from tcp_proxy import TcpProxy

    url = sa.make_url(_url(services))
    with TcpProxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        start = services.changes.latest()
        with subprocess.Popen([sys.executable, str(FOLLOWER), through], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None and child.stdin is not None
            lines: list[str] = []
            threading.Thread(target=lambda: lines.extend(iter(child.stdout.readline, "")),  # type: ignore[union-attr]
                             daemon=True).start()
            wait_for(lambda: "ready\n" in lines, "the follower is live")
            stop = threading.Event()
            case = services.cases.create(Case(ref="C-DROP", fictional=True, patient=Patient("Alex Doe")))

            saved = [0]

            def save_steadily() -> None:
                nonlocal case
                while not stop.wait(0.5):
                    case.one_liner = f"edit {saved[0] + 1}"
                    case = services.cases.update(case)
                    saved[0] += 1

            writer = threading.Thread(target=save_steadily)
            writer.start()
            try:
                time.sleep(2.0)
                proxy.cut()
                saved_before_cut = saved[0]
                time.sleep(30.0)  # the network is down; saves go on straight to the server
                saved_during_cut = saved[0] - saved_before_cut
                dropped = [line for line in lines if line.startswith("state Live updates paused")]
                proxy.restore()
                time.sleep(2.0)
            finally:
                stop.set()
                writer.join()
            expected = [c.id for c in services.changes.since(start, limit=10_000)]
            heard = lambda: [int(line.split()[1]) for line in list(lines) if line.startswith("change ")]  # noqa: E731
            wait_for(lambda: len(heard()) >= len(expected), "the follower caught up", 60)
            child.stdin.close()
            child.wait(30)
        assert dropped, "the follower said its live updates were paused"
        # Saves went on all through the drop: up to twice a second, fewer on a loaded machine, never a pause.
        assert saved_during_cut >= 20
        assert len(expected) >= saved[0]
        assert heard() == expected  # every change, in order, none twice
        assert lines[-1] == "state live\n" or "state live\n" in lines[-3:]
