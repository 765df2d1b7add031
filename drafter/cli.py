"""Command line: ``drafter demo | new | edit | build | check | import | compare | summary``.

Heavy libraries are imported inside the commands, so ``drafter --help`` starts fast. Only this
module prints a :class:`DrafterError` and chooses the exit code (0 ok, 1 findings or invalid
answers, 2 unusable input).
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import sys
from collections.abc import Sequence

from drafter.argparse_zh import ArgumentParser
from drafter.errors import BUG_MESSAGE, EXIT_BUG, EXIT_OK, EXIT_UNUSABLE, DrafterError
from drafter.io.streams import (
    GuardedStdout,
    OutputBroken,
    ignore_stop_signals,
    say,
    silence_stdout,
    stop_cleanly_on_signals,
    use_utf8,
)

# typing for the type checker only: `drafter --help` stays quick (docs/architecture.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, TextIO


def _path(text: str) -> Path:
    """A path argument; an empty one (``-o ""``, an unset variable) would mean the current folder,
    so it is refused. pathlib loads here, not with the module: ``drafter --help`` parses none."""
    from pathlib import Path

    if not text.strip():
        raise argparse.ArgumentTypeError("文件名是空的")
    return Path(text)


def _outline_option(p: ArgumentParser, default_note: str) -> None:
    from drafter.render.outlines import OUTLINES

    p.add_choices(
        "--outline", choices=OUTLINES, metavar="结构", help=f"报告结构（{default_note}）："
    )


def _all_option(p: ArgumentParser, also: str = "") -> None:
    p.add_argument(
        "--all",
        action="store_true",
        help="也列出“提示”一级的检查结果（默认只列出错误和警告，提示只计数）" + also,
    )


def _section_names() -> str:
    from drafter.questions import SECTIONS

    return "、".join(f"{i}.{s.title}" for i, s in enumerate(SECTIONS, 1))


def build_parser(running: str | None = None) -> ArgumentParser:
    """The parser; ``running`` (the command about to run, when known) spares the others' details
    that need the catalogue loaded (``drafter --help`` stays about three interpreter starts)."""
    parser = ArgumentParser(
        prog="drafter",
        description="乡镇法治政府建设年度报告起草助手：问答收集材料，生成符合 GB/T 9704 公文格式的 Word 报告，并检查常见错误。",
        examples=(
            ("drafter demo", "用内置示例生成一份报告"),
            ("drafter new", "逐项问答，填写今年的答卷"),
            ("drafter build 答卷.yaml", "由答卷生成 Word 报告"),
            ("drafter check 报告.docx", "检查任意一份报告"),
            ("drafter 命令 --help", "查看某个命令的说明"),
        ),
    )
    parser.version_option(_version())
    sub = parser.add_subparsers(
        dest="command", title="命令", metavar="命令", parser_class=ArgumentParser
    )

    def command(name: str, summary: str, *examples: str | tuple[str, str]) -> ArgumentParser:
        p: ArgumentParser = sub.add_parser(
            name, help=summary, description=summary, examples=examples
        )
        return p

    p = command(
        "demo",
        "用内置示例（俄久乡）生成一份报告，不问任何问题。",
        "drafter demo",
        "drafter demo --outline first-duty --pdf",
    )
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="输出文件",
        help="要写出的 .docx 文件（默认写到 output 文件夹）",
    )
    _outline_option(p, "默认 regulation")
    p.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 转出 PDF")
    _all_option(p)

    p = command(
        "new",
        "逐项问答，填写今年的答卷；可随时按 Ctrl-C 保存退出，下次接着答。",
        "drafter new",
        "drafter new --from 俄久乡2024年度法治政府建设答卷.yaml",
        "drafter new --import 去年的报告.docx",
        ("drafter new -o 俄久乡2025年度法治政府建设答卷.yaml", "接着上次没答完的继续"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="答卷文件",
        help="答卷文件（默认“单位名+年份+年度法治政府建设答卷.yaml”）；文件已存在时接着答",
    )
    p.add_argument(
        "--from",
        dest="from_last",
        type=_path,
        metavar="去年答卷",
        help="从去年的答卷开始（沿用单位信息和文字，对照去年数字）",
    )
    p.add_argument(
        "--import",
        dest="import_file",
        type=_path,
        metavar="去年报告",
        help="从去年的 Word 报告（.docx 或 .txt）导入后开始",
    )

    p = command(
        "edit",
        "修改已有的答卷，当前答案作为默认值。",
        "drafter edit 答卷.yaml",
        "drafter edit 答卷.yaml --section 普法宣传",
    )
    p.add_argument("answers", type=_path, metavar="答卷文件", help="要修改的答卷（.yaml）")
    p.add_argument(
        "--section",
        metavar="部分",
        help="只修改其中一部分，写名称或序号"
        + ("：" + _section_names() if running in (None, "edit") else ""),
    )

    p = sub.add_parser(
        "build",
        help="由答卷生成 Word 报告，并检查答卷和报告；可一次生成多份。",
        description="由答卷生成 Word 报告，并检查答卷和报告。\n"
        "给出多份答卷或一个文件夹时，每份答卷生成一份报告，写入 -o 指定的文件夹：多核并行，"
        "某一份出错不影响其他各份，最后列表汇总。退出码：0 全部生成且没有错误、警告；"
        "1 有报告存在错误或警告，或有答卷没能生成（其余照常生成）；2 一份也没能生成；3 程序内部错误。",
        examples=(
            "drafter build 答卷.yaml",
            "drafter build 答卷.yaml -o 报告.docx --pdf",
            "drafter build 答卷.yaml --outline first-duty",
            "drafter build 答卷.yaml --templates 县级模板文件夹",
            ("drafter build 答卷文件夹 -o 报告文件夹", "每份答卷生成一份报告"),
        ),
    )
    p.add_argument(
        "answers",
        type=_path,
        nargs="+",
        metavar="答卷文件",
        help="答卷（.yaml）；可以给多份，或给存放答卷的文件夹",
    )
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="输出文件",
        help="要写出的 .docx 文件（默认写到 output 文件夹）；生成多份时是存放报告的文件夹",
    )
    p.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="进程数",
        help="生成多份报告时同时使用的进程数（默认等于处理器核数）",
    )
    _outline_option(p, "默认按答卷里的选择")
    p.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 转出 PDF")
    p.add_argument("--force", action="store_true", help="覆盖已存在的同名文件（默认另起新名）")
    p.add_argument(
        "--templates", type=_path, metavar="模板文件夹", help="县里提供的模板文件夹（覆盖内置模板）"
    )
    p.add_argument(
        "--with-comparison",
        dest="with_comparison",
        type=_path,
        metavar="去年答卷",
        help="在报告末尾附上与去年数据的对照表",
    )
    _all_option(p)

    p = command(
        "check",
        "检查任意一份报告（.docx 或 .txt）里县里审核会指出的问题。",
        "drafter check 报告.docx",
        "drafter check 报告.txt --format json",
        ("drafter check 报告.docx --annotate 报告（审核意见）.docx", "另存一份带批注的副本"),
    )
    p.add_argument("file", type=_path, metavar="报告文件", help="要检查的报告（.docx 或 .txt）")
    p.add_choices(
        "--format",
        choices={
            "text": "中文列表，给人看（默认）",
            "json": "JSON，给其他程序读，含规则代号和段落号",
        },
        default="text",
        metavar="格式",
        help="输出格式：",
    )
    _all_option(p, "；加 --annotate 时提示也写成批注")
    p.add_argument(
        "--annotate",
        type=_path,
        metavar="批注副本",
        help="另存一份带 Word 批注的副本（错误、警告标在原文上，每段一条批注列出这一段的各项；报告原件不改动）",
    )
    p.add_argument("--author", metavar="作者名", help="批注的作者名（默认“依法治县办审核”）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的批注副本（默认另起新名）")

    p = command(
        "import",
        "把去年的 Word 报告转成答卷，作为今年的起点。",
        "drafter import 去年的报告.docx -o 答卷.yaml",
        "drafter import 去年的报告.txt -o 答卷.yaml --report json",
    )
    p.add_argument("file", type=_path, metavar="报告文件", help="去年的报告（.docx 或 .txt）")
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        required=True,
        metavar="答卷文件",
        help="要写出的答卷（.yaml）",
    )
    p.add_choices(
        "--report",
        choices={"json": "JSON，列出识别出的单位、各部分和每个数字的去向"},
        metavar="格式",
        help="同时在屏幕上输出导入明细：",
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的答卷文件")

    p = command(
        "compare",
        "对照两年答卷里的数字。",
        "drafter compare 俄久乡2024年度法治政府建设答卷.yaml 俄久乡2025年度法治政府建设答卷.yaml",
    )
    p.add_argument("last", type=_path, metavar="去年答卷", help="去年的答卷（.yaml）")
    p.add_argument("this", type=_path, metavar="今年答卷", help="今年的答卷（.yaml）")

    p = command(
        "summary",
        "县里汇总：各乡镇的答卷和报告 → 一张 Excel 汇总表（数字、合计、检查结果、未报送单位）。",
        ("drafter summary 收集文件夹 -o 汇总.xlsx", "汇总文件夹里的全部答卷和报告"),
        ("drafter summary 收集文件夹 -o 汇总.xlsx --expect 名单.txt", "同时列出未报送的单位"),
    )
    p.description = (
        f"{p.description}\n汇总各乡镇的答卷（.yaml）和报告（.docx/.txt）。退出码：0 无需跟进；"
        "1 有检查错误或警告、未报送、年度不符、重复或无法读取的文件（汇总表照常写出）；"
        "2 没有可汇总的文件；3 程序内部错误。"
    )
    p.add_argument(
        "paths",
        type=_path,
        nargs="+",
        metavar="文件或文件夹",
        help="答卷、报告，或存放它们的文件夹",
    )
    p.add_argument(
        "-o", "--output", type=_path, required=True, metavar="汇总.xlsx", help="要写出的汇总表"
    )
    p.add_argument(
        "--expect", type=_path, metavar="名单.txt", help="应报送单位名单（每行一个单位名称）"
    )
    p.add_argument(
        "--year", type=int, metavar="年度", help="汇总的报告年度（默认取多数文件的年度）"
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的汇总表（默认另起新名）")
    return parser


def _version() -> str:
    from drafter import __version__

    return f"drafter {__version__}"


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.build import build_demo, print_result

    result = build_demo(args.output, outline=args.outline, pdf=args.pdf)
    return print_result(result, out, args.all)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 1:
        raise argparse.ArgumentTypeError("至少为 1")
    return value


def cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    # What the import makes (modules, classes, compiled patterns) lives until the process ends:
    # the cycle collector would walk it again and again as it grows, to free nothing. Frozen
    # after, it is left out of the walks the build's own work may still need.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from drafter.build import build_report, print_result
    finally:
        gc.freeze()
        if collecting:
            gc.enable()

    if len(args.answers) > 1 or args.answers[0].is_dir():
        return _cmd_build_batch(args, out)
    args.answers = args.answers[0]
    extra: list[Any] = []
    if args.with_comparison is not None:
        from drafter.answers.carryover import comparison_blocks

        extra = comparison_blocks(args.with_comparison, args.answers)
    result = build_report(
        args.answers,
        args.output,
        outline=args.outline,
        templates=args.templates,
        pdf=args.pdf,
        force=args.force,
        extra=extra,
        inputs=[args.with_comparison],
    )
    return print_result(result, out, args.all)


def _cmd_build_batch(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.batch import run_batch_command

    if args.with_comparison is not None:
        raise DrafterError(
            "--with-comparison 只能用于一份答卷（每份答卷的去年答卷不同）",
            hint="对每份答卷分别运行：drafter build 答卷.yaml --with-comparison 去年答卷.yaml",
        )
    return run_batch_command(
        args.answers,
        args.output,
        out,
        outline=args.outline,
        templates=args.templates,
        pdf=args.pdf,
        force=args.force,
        jobs=args.jobs,
    )


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.questionnaire import run_new

    return run_new(args.output, from_last=args.from_last, import_file=args.import_file)


def cmd_edit(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.questionnaire import run_edit

    return run_edit(args.answers, section=args.section)


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    if args.annotate is not None:
        from drafter.annotate import run_annotate_command

        return run_annotate_command(
            args.file,
            args.annotate,
            args.format,
            out,
            author=args.author,
            force=args.force,
            show_all=args.all,
        )
    # One report is read and checked: the cycle collector would walk the growing heap (the
    # checks' modules as they are imported, then the report) several times to free almost
    # nothing; reading is bounded (the reader's limits), so memory is too. Switched back on
    # after, for callers in the same process.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from drafter.checks.command import run_check_command

        return run_check_command(args.file, args.format, out, show_all=args.all)
    finally:
        if collecting:
            gc.enable()


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.importer import run_import_command

    return run_import_command(args.file, args.output, report=args.report, force=args.force, out=out)


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.answers.carryover import run_compare_command

    return run_compare_command(args.last, args.this, out)


def cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    from drafter.summary.command import run_summary_command

    return run_summary_command(
        args.paths, args.output, out, expect=args.expect, year=args.year, force=args.force
    )


COMMANDS = {
    "demo": cmd_demo,
    "build": cmd_build,
    "new": cmd_new,
    "edit": cmd_edit,
    "check": cmd_check,
    "import": cmd_import,
    "compare": cmd_compare,
    "summary": cmd_summary,
}


INTERACTIVE = ("new", "edit")
"""Commands that ask questions on the terminal."""


INPUTS = {
    "answers": "答卷文件",
    "file": "报告文件",
    "last": "去年的答卷文件",
    "this": "今年的答卷文件",
    "from_last": "去年的答卷文件",
    "import_file": "去年的报告文件",
    "with_comparison": "去年的答卷文件",
    "expect": "单位名单",
}


def _check_inputs(args: argparse.Namespace) -> None:
    """Every file a command will read is a regular file (and --templates a folder), checked
    before anything is read or asked: a FIFO would block, a device never end."""
    from pathlib import Path

    from drafter.io.inputs import check_input

    for name, what in INPUTS.items():
        path = getattr(args, name, None)
        if isinstance(path, list):  # build's answers: one file, or a batch
            if len(path) > 1 or Path(path[0]).is_dir():
                continue  # each file of a batch is checked by its own build, in the table
            path = path[0]
        if path is not None:
            check_input(Path(path), what=what)
    output = getattr(args, "output", None)
    if args.command == "new" and output is not None and os.path.lexists(output):
        check_input(Path(output), what="答卷文件")  # an existing one is resumed: read
    templates = getattr(args, "templates", None)
    if templates is not None:
        check_input(Path(templates), what="县级模板文件夹", folder=True)


_quiet_exit: list[bool] = []
"""Set when standard output broke: the interpreter's final flush must then write nowhere. Only
the real command line acts on it (in-process callers, such as tests, keep their output)."""


_interrupted: list[bool] = []
"""Set when the run was stopped (Ctrl-C or a stop signal) and has cleaned up."""


def was_interrupted() -> bool:
    """Whether the last :func:`main` was stopped (drafter.launch then exits at once)."""
    return bool(_interrupted)


def _output_broken(exc: OutputBroken, guarded: GuardedStdout | None) -> int:
    _quiet_exit.append(True)
    code = getattr(exc.error, "errno", None)
    if isinstance(exc.error, BrokenPipeError) or code == errno.EPIPE:
        # The reader of our output went away (``drafter check x --format json | head``): not
        # an error of ours.
        return EXIT_OK
    from drafter.io.inputs import os_reason

    # What the command wrote, repeated on standard error when it was short enough to keep.
    text = "".join(guarded.kept).strip() if guarded is not None and guarded.kept_all else ""
    shown = f"\n本应输出的内容：\n{text}" if text else ""
    say(f"错误：结果无法写到标准输出（{os_reason(exc.error)}）。{shown}")
    return EXIT_UNUSABLE


def _internal_error(message: str, code: int) -> int:
    import traceback

    from drafter.io.errorlog import write_error_log

    details = traceback.format_exc()
    log = write_error_log(details)
    where = f"详细信息已写入 {log}，请把这个文件发给维护人员。" if log else f"详细信息：\n{details}"
    say(f"{message}{where}")
    return code


def main(argv: Sequence[str] | None = None) -> int:
    stop_cleanly_on_signals()
    _interrupted.clear()
    try:
        try:
            return _main(argv)
        except KeyboardInterrupt:  # stopped before the command ran (or while it was ending)
            _interrupted.append(True)
            say("\n已中断。")
            return EXIT_UNUSABLE
    finally:
        if argv is None:  # the command line itself, about to exit with this code
            ignore_stop_signals()
            if _quiet_exit:
                silence_stdout()
        _quiet_exit.clear()


def _main(argv: Sequence[str] | None) -> int:
    use_utf8()
    argv = list(argv) if argv is not None else sys.argv[1:]
    parser = build_parser(next((a for a in argv if not a.startswith("-")), "--help"))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    real_stdout = sys.stdout
    guarded: GuardedStdout | None = None
    try:
        if real_stdout is None:
            raise DrafterError(
                "标准输出已关闭，drafter 无法显示结果，没有执行",
                hint="不要用 >&- 关闭标准输出；不想看输出时用 > 文件名 重定向到文件。",
            )
        _check_inputs(args)
        if args.command in INTERACTIVE:
            # The questionnaire writes to the terminal itself (and refuses anything else).
            return COMMANDS[args.command](args, real_stdout)
        guarded = GuardedStdout(real_stdout)
        sys.stdout = guarded
        code = COMMANDS[args.command](args, guarded)  # type: ignore[arg-type]  # a TextIO
        guarded.flush()
        return code
    except DrafterError as exc:
        say(f"错误：{exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        # Ctrl-C or a stop signal: every write is atomic and its temp file removed on the way
        # out, so nothing half-written is left (a file finished before the stop is complete).
        _interrupted.append(True)
        say("\n已中断，未完成的文件没有写入。")
        return EXIT_UNUSABLE
    except OutputBroken as exc:
        return _output_broken(exc, guarded)
    except BrokenPipeError:
        _quiet_exit.append(True)
        return EXIT_OK
    except MemoryError:
        return _internal_error("内存不足，无法完成（输入的内容可能过大）。", EXIT_UNUSABLE)
    except RecursionError:
        return _internal_error("内容嵌套层次太深，无法处理。", EXIT_UNUSABLE)
    except Exception:
        return _internal_error(BUG_MESSAGE, EXIT_BUG)
    finally:
        if guarded is not None:
            sys.stdout = real_stdout
