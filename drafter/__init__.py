"""drafter — 乡镇法治政府建设年度报告起草助手."""

from __future__ import annotations

__version__ = "0.1.0"
