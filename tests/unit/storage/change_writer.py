"""Another program writing to the database: ``python change_writer.py URL REF N`` creates case REF and
saves it N more times, then prints its id."""

from __future__ import annotations

import sys

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services


def main() -> None:
    url, ref, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    services = open_services(url)
    case = services.cases.create(Case(ref=ref, fictional=True, patient=Patient("Jordan Example")))
    for i in range(n):
        case.one_liner = f"edit {i}"
        case = services.cases.update(case)
    print(case.id, flush=True)
    services.close()


if __name__ == "__main__":
    main()
