"""A PC announcing its presence, for ``bench_presence``:
``python -m bench.presence_child URL ROLE N SECONDS``.

ROLE ``mdtboard``: what a running mdtboard does with a record open: every second it reads the other PCs'
presence on the record, and every second tick also renews its own announcement (``PresenceService``:
one unit of work each); ROLE ``bare``: the same statements through bare psycopg in autocommit
transactions. Prints ``ready`` once connected, waits for a line on standard input, runs for SECONDS, then
prints the duration of each call in milliseconds, space-separated.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    url, role, n, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    client = f"bench-pc-{n}"
    if role == "mdtboard":
        from mdtboard.domain.changes import CONFERENCE
        from mdtboard.domain.presence import Presence
        from mdtboard.services.context import open_services
        from mdtboard.services.presence import PresenceService

        services = open_services(url)
        service = PresenceService(services.db, client=client)
        mine = [Presence(CONFERENCE, 1, f"Dr Bench {n}", "Psychology", typing=True)]

        def call(renew: bool) -> None:
            if renew:
                service.exchange(mine)
            else:
                service.others([(CONFERENCE, 1)])
    else:
        import psycopg

        bare_url = url.replace("postgresql+psycopg", "postgresql").split("?")[0]
        options = url.split("options=")[1].replace("%3D", "=") if "options=" in url else ""
        conn = psycopg.connect(bare_url, options=options, autocommit=True)
        insert = ("INSERT INTO presence (client, kind, record_id, who, place, typing, expires_at) "
                  "VALUES (%s, 'conference', 1, %s, 'Psychology', true, now() + interval '6 s')")
        select = ("SELECT kind, record_id, who, place, typing, client FROM presence "
                  "WHERE kind = 'conference' AND record_id = 1 AND client <> %s AND expires_at > now()")

        def call(renew: bool) -> None:
            with conn.transaction():
                if renew:
                    conn.execute("DELETE FROM presence WHERE client = %s", (client,))
                    conn.execute(insert, (client, f"Dr Bench {n}"))
            with conn.transaction():
                conn.execute(select, (client,)).fetchall()
    print("ready", flush=True)
    sys.stdin.readline()
    took: list[float] = []
    start = time.monotonic()
    tick = 0
    while time.monotonic() - start < seconds:
        began = time.perf_counter()
        call(tick % 2 == 0)
        took.append((time.perf_counter() - began) * 1000)
        tick += 1
        time.sleep(max(0.0, start + tick * 1.0 - time.monotonic()))
    print(" ".join(f"{t:.2f}" for t in took), flush=True)


if __name__ == "__main__":
    main()
