"""Presence: a program announces the records it has open; others see who is there and who is typing where,
until the announcement expires (a PC gone away) or the program leaves."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from mdtboard.domain.changes import CASE, CONFERENCE
from mdtboard.domain.presence import Presence, describe, typing_in
from mdtboard.services.context import Services
from mdtboard.services.presence import PresenceService

CHILD = Path(__file__).with_name("presence_child.py")


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 30.0) -> None:
    """Wait until ``condition`` holds (a bound for a stuck test, not a speed check)."""
    end = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def _url(services: Services) -> str:
    return services.db.engine.url.render_as_string(hide_password=False)


def test_each_program_sees_the_others_but_not_itself(services: Services) -> None:
    ruiz = PresenceService(services.db, client="pc-ruiz:1:a")
    okafor = PresenceService(services.db, client="pc-okafor:2:b")
    ruiz.announce([Presence(CONFERENCE, 7, "Dr Ruiz", "Psychology", typing=True),
                   Presence(CASE, 3, "Dr Ruiz")])
    seen = okafor.exchange([Presence(CONFERENCE, 7, "Dr Okafor")])
    assert seen == [Presence(CONFERENCE, 7, "Dr Ruiz", "Psychology", True, "pc-ruiz:1:a")]
    assert describe(seen) == "Dr Ruiz is typing in Psychology · open on 1 other PC"
    assert typing_in(seen, "Psychology") == ["Dr Ruiz"] and typing_in(seen, "Physiotherapy") == []
    assert [p.who for p in ruiz.others([(CONFERENCE, 7), (CASE, 3)])] == ["Dr Okafor"]
    ruiz.announce([Presence(CASE, 3, "Dr Ruiz")])  # closed the conference: its row goes at once
    assert okafor.others([(CONFERENCE, 7)]) == []
    assert [p.who for p in okafor.others([(CASE, 3)])] == ["Dr Ruiz"]
    ruiz.leave()
    assert okafor.others([(CASE, 3)]) == []


def test_an_announcement_not_renewed_expires(services: Services) -> None:
    gone = PresenceService(services.db, client="pc-gone:1:a")
    watching = PresenceService(services.db, client="pc-here:2:b")
    gone.announce([Presence(CASE, 5, "Dr Lee")], ttl_s=0.5)
    assert [p.who for p in watching.others([(CASE, 5)])] == ["Dr Lee"]
    wait_for(lambda: watching.others([(CASE, 5)]) == [], "the announcement expired")


def test_a_pc_killed_while_typing_disappears_within_seconds(services: Services) -> None:
    """A real process announces it is typing in Psychology, then is killed (no goodbye): another program
    sees it, then sees it go once its last announcement expires."""
    watching = PresenceService(services.db, client="pc-here:1:a")
    with subprocess.Popen(
        [sys.executable, str(CHILD), _url(services), CONFERENCE, "9", "Dr Ana Ruiz", "Psychology", "2"],
        stdout=subprocess.PIPE, text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "announced"
            seen = watching.others([(CONFERENCE, 9)])
            assert describe(seen) == "Dr Ana Ruiz is typing in Psychology · open on 1 other PC"
            child.kill()
            child.wait(30)
            wait_for(lambda: watching.others([(CONFERENCE, 9)]) == [], "the killed PC's presence expired")
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(30)


def test_describe_counts_pcs_and_names_each_typist_once() -> None:
    assert describe([]) == ""
    many = [Presence(CASE, 1, "Dr Ruiz", "Psychology", True, "a"), Presence(CASE, 1, "Sam", None, False, "b"),
            Presence(CASE, 1, "Dr Ruiz", "Psychology", True, "c")]
    assert describe(many) == "Dr Ruiz is typing in Psychology · open on 3 other PCs"
    assert describe([Presence(CASE, 1, "Sam", None, False, "b")]) == "open on 1 other PC"
