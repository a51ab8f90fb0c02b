"""Entry point of the bundled program: the same as the ``mdtboard`` console script (``mdtboard.cli:main``)."""

import sys

from mdtboard.cli import main

if __name__ == "__main__":
    sys.exit(main())
