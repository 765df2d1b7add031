"""drafter — 乡镇法治政府建设年度报告起草助手."""

from __future__ import annotations

__version__ = "0.1.0"

# Compiled character classes are remembered (see recompile.py): a fifth of check's start-up.
from drafter import recompile as _recompile

_recompile.install()
