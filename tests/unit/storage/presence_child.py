"""Another PC with a record open: ``python presence_child.py URL KIND RECORD_ID WHO PLACE TTL_S`` announces
it (typing in PLACE) every TTL_S / 4 seconds until it is killed; prints "announced" after the first time."""

from __future__ import annotations

import sys
import time

from mdtboard.domain.presence import Presence
from mdtboard.services.context import open_services


def main() -> None:
    url, kind, record_id, who, place, ttl_s = sys.argv[1:7]
    services = open_services(url)
    mine = [Presence(kind, int(record_id), who, place or None, typing=bool(place))]
    first = True
    while True:
        services.presence.announce(mine, float(ttl_s))
        if first:
            print("announced", flush=True)
            first = False
        time.sleep(float(ttl_s) / 4)


if __name__ == "__main__":
    main()
