"""A following PC for ``bench_live``: ``python -m bench.live_child URL ROLE``.

ROLE ``mdtboard``: mdtboard's change watcher (``ChangeService.watch``: PostgreSQL LISTEN on its own
connection, SQLite ``PRAGMA data_version``); ROLE ``bare``: the baseline, the bare driver doing the least
the same wake-up needs (psycopg ``LISTEN`` on a notification the writer sends itself; ``sqlite3`` polling
``PRAGMA data_version`` at the same interval and reading the newest row id of the change log).

Prints ``ready`` once listening, then one line per change seen: ``<key> <monotonic ns>``, where the key
is ``case_id:version`` (mdtboard) or the notification's payload / the change id (bare). Ends when its
standard input closes.
"""

from __future__ import annotations

import sys
import threading
import time


def _mdtboard(url: str) -> None:
    from mdtboard.services.context import open_services

    services = open_services(url)
    lock = threading.Lock()

    def deliver(changes: list) -> None:  # type: ignore[type-arg]
        now = time.monotonic_ns()
        with lock:
            for change in changes:
                print(f"{change.record_id}:{change.version} {now}", flush=True)

    ready = threading.Event()
    watcher = services.changes.watch(deliver, on_state=lambda text: ready.set() if text == "live" else None)
    ready.wait(30)
    print("ready", flush=True)
    sys.stdin.read()
    watcher.stop()
    services.close()


def _bare(url: str) -> None:
    stop = threading.Event()
    if url.startswith("postgresql"):
        import psycopg

        conn = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)
        conn.execute("LISTEN bench_bare")
        print("ready", flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        while not stop.is_set():
            for note in conn.notifies(timeout=0.25, stop_after=1):
                print(f"{note.payload} {time.monotonic_ns()}", flush=True)
        return
    import sqlite3

    from mdtboard.storage.listen import POLL_S

    path = url.split("sqlite:///", 1)[1]
    db = sqlite3.connect(path, isolation_level=None)
    version = db.execute("PRAGMA data_version").fetchone()[0]
    last = db.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
    print("ready", flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    while not stop.wait(POLL_S):
        now = db.execute("PRAGMA data_version").fetchone()[0]
        if now != version:
            version = now
            for (change_id,) in db.execute("SELECT id FROM change_log WHERE id > ? ORDER BY id", (last,)):
                print(f"{change_id} {time.monotonic_ns()}", flush=True)
                last = change_id


if __name__ == "__main__":
    (_mdtboard if sys.argv[2] == "mdtboard" else _bare)(sys.argv[1])
