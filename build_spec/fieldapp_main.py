"""The desktop bundle's entry point (build_spec/fieldapp.spec): the ``fieldapp`` command."""

from __future__ import annotations

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
