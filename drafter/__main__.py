from __future__ import annotations

from drafter.launch import run

# The usual guard: importing this module (a tool, a spawned worker) never runs the command line.
if __name__ == "__main__":
    run()
