"""The report structures (outlines) a user can choose, with their Chinese descriptions.

Kept apart from the catalogue (:mod:`drafter.questions`, which re-exports it) so that the command
line's help can list them without loading the catalogue.
"""

from __future__ import annotations

OUTLINES: dict[str, str] = {
    "regulation": "按规定顺序：举措和成效 → 不足和原因 → 第一责任人履职 → 下一年度安排",
    "first-duty": "第一责任人在前：第一责任人履职 → 举措和成效 → 不足、原因和整改 → 下一年度安排",
    "three-part": "三段式：工作开展情况（含第一责任人履职）→ 存在的问题 → 下一年度打算",
}
