"""``drafter import FILE -o OUT.yaml [--report json] [--force]``: the import, told to the user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from drafter.answers.file import dump_answers, parse_answers_text
from drafter.answers.model import BOOKKEEPING, to_data
from drafter.importer.classify import KIND_NAMES
from drafter.importer.frame import NO_OPENING
from drafter.importer.pipeline import ImportResult, import_path
from drafter.io.outputs import check_replace, refuse_existing, write_output
from drafter.render.phrasing import CUT_OFF

_PREVIEW = 40


def run_import_command(
    file: Path, output: Path, *, report: str | None, force: bool, out: TextIO
) -> int:

    output = Path(output)
    # Checked before the (slow) import: an existing file, a folder, a device or the input
    # itself (same path, a link, a hard link) is refused at once. The write claims the name
    # atomically all the same.
    if force:
        check_replace(output, inputs=[Path(file)])
    else:
        refuse_existing(output)
    result = import_path(Path(file))
    text = dump_answers(to_data(result.answers))
    parse_answers_text(text, output)  # read back before writing: never a file drafter can't read
    write_output(
        output, text.encode("utf-8"), force=force, inputs=[Path(file)], rename=False, backup=True
    )
    if report == "json":
        json.dump(result.report(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for line in summary_lines(result, Path(file), output):
        print(line, file=out)
    return 0


def summary_lines(result: ImportResult, file: Path, output: Path) -> list[str]:
    """What the user reads after an import: who, which parts, the figures, what to place."""
    ident = result.identity
    lines = [
        f"已导入：{file}",
        f"单位：{ident.county or ''}{ident.unit_name or '（未识别，请在答卷里填写）'}，"
        f"年度：{ident.year or '（未识别，请在答卷里填写）'}",
    ]
    date = result.answers.text("identity.date")
    if date:
        lines.append(f"成文日期：{date}")
    else:
        lines.append("成文日期：原报告里没有找到，报告里会留出日期位置，请填写。")
    if result.answers.text("opening.text") == NO_OPENING:
        lines.append(f"开头段：原报告里没有找到，报告里这个位置留有“{NO_OPENING}”，请补写。")
    lines += [f"注意：{note}" for note in ident.disagreements]
    lines.append(
        "各部分："
        + "；".join(f"{p.title}（{KIND_NAMES.get(p.kind, p.kind)}）" for p in result.parts)
    )
    lines.append(
        f"数字共 {len(result.figures)} 个，都保留在原来的句子里；"
        f"其中 {len(result.placed)} 个同时填入了对应的数字问题。"
    )
    if result.cut_after:
        words = result.cut_after
        tail = ("……" if len(words) > _PREVIEW else "") + words[-_PREVIEW:]
        lines.append(
            f"原报告没有复制完整，在“{tail}”处中断：报告里这个位置留有“{CUT_OFF}”，"
            "请对照原报告补全（drafter check 会一直提示，直到补上）。"
        )
    unplaced = result.answers.unplaced_items
    if unplaced:
        lines.append(
            f"有 {len(unplaced)} 段内容无法确定该放在哪一部分，没有写进报告，已列在答卷末尾的"
            f"“{BOOKKEEPING['unplaced_items']}”（unplaced_items）里，请逐条移到合适的问题下："
        )
        for number, item in enumerate(unplaced, 1):
            words = item.heading or item.text
            preview = words[:_PREVIEW] + ("……" if len(words) > _PREVIEW else "")
            lines.append(f"  {number}. （{item.origin}）{preview}")
    lines.append(f"答卷已写入：{output}")
    lines.append("导入的答案都需要确认：请用 drafter edit 逐项确认后再生成报告。")
    return lines
