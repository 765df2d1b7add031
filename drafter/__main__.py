from __future__ import annotations

import sys

from drafter.cli import main

# The usual guard: importing this module (a tool, a spawned worker) never runs the command line.
if __name__ == "__main__":
    sys.exit(main())
