"""A following PC: ``python follower_child.py URL`` runs mdtboard's change watcher and prints "ready" once
live, then one line per change heard (``change <id> <kind> <record_id> <version>``) and one per state
(``state <text>``). Ends when its standard input closes."""

from __future__ import annotations

import sys
import threading

from mdtboard.domain.changes import Change
from mdtboard.services.context import open_services


def main() -> None:
    services = open_services(sys.argv[1])
    lock = threading.Lock()
    ready = threading.Event()

    def deliver(changes: list[Change]) -> None:
        with lock:
            for c in changes:
                print(f"change {c.id} {c.kind} {c.record_id} {c.version}", flush=True)

    def state(text: str) -> None:
        with lock:
            print(f"state {text}", flush=True)
        if text == "live":
            ready.set()

    watcher = services.changes.watch(deliver, on_state=state)
    ready.wait(60)
    print("ready", flush=True)
    sys.stdin.read()
    watcher.stop()
    services.close()


if __name__ == "__main__":
    main()
