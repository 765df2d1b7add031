"""Every help screen and every command-line error is Chinese (drafter/argparse_zh.py).

The cases are generated from the parser itself, so a command or an option added later is walked
too: its --help, its missing and surplus arguments, its choices, its values.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.argparse_zh import FOR_DEVELOPERS, MESSAGES, ArgumentParser, translate, wrap
from drafter.cli import build_parser, main
from drafter.io.console import display_width
from tests.conftest import run_drafter, run_python

# Words a user may see in ASCII: names of products and formats, and what they type.
PROPER = {"drafter", "LibreOffice", "Word", "WPS", "Excel", "PDF", "JSON", "GB", "T", "Ctrl", "C"}


def typed_words(parser: ArgumentParser) -> set[str]:
    """Everything the user types: command names, option names, choice values."""
    words = set(PROPER)
    parsers = [parser, *subcommands(parser).values()]
    for p in parsers:
        for action in p._actions:
            for option in action.option_strings:
                words.update(re.findall(r"[A-Za-z]+", option))
            if action.choices is not None:
                for choice in action.choices:
                    words.update(re.findall(r"[A-Za-z]+", str(choice)))
    return words


def subcommands(parser: ArgumentParser) -> dict[str, ArgumentParser]:
    assert parser.commands is not None
    return dict(parser.commands.choices)


def english_words(text: str, allowed: set[str]) -> list[str]:
    """ASCII words in ``text`` that are neither typed by the user nor file suffixes."""
    text = re.sub(r"\.[A-Za-z]+\b", "", text)  # .docx, .yaml, 答卷.yaml
    return [w for w in re.findall(r"[A-Za-z][A-Za-z']*", text) if w not in allowed]


PARSER = build_parser()
ALLOWED = typed_words(PARSER)
COMMANDS = sorted(subcommands(PARSER))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_chinese_throughout(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = run_drafter(*args, cwd=Path.cwd())
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("用法：drafter")
    for english in ("usage", "positional arguments", "options:", "show this help"):
        assert english not in text
    assert english_words(text, ALLOWED) == [], text
    assert "选项：" in text and "示例：" in text


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_description_and_an_example(command: str) -> None:
    sub = subcommands(PARSER)[command]
    assert sub.description and re.search(r"[\u4e00-\u9fff]", sub.description)
    assert sub.epilog is not None
    examples = sub.epilog.splitlines()[1:]
    assert examples and all(e.strip().startswith(f"drafter {command}") for e in examples)
    # Every argument is described, in Chinese.
    for action in sub._actions:
        assert action.help and re.search(r"[\u4e00-\u9fff]", action.help), action


def test_outline_choices_are_explained_with_the_catalogue_names() -> None:
    from drafter.questions import OUTLINES

    text = subcommands(PARSER)["build"].format_help()
    flat = re.sub(r"\s+", "", text)
    for outline, label in OUTLINES.items():
        assert re.sub(r"\s+", "", f"{outline}{label}") in flat


def test_edit_section_lists_every_section() -> None:
    from drafter.questions import SECTIONS

    flat = re.sub(r"\s+", "", subcommands(PARSER)["edit"].format_help())
    for section in SECTIONS:
        assert section.title in flat


def test_help_needs_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        "try:\n"
        "    main(['build', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('docx', 'lxml', 'pydantic', 'jinja2', 'ruamel', 'prompt_toolkit')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(heavy)}))\n"
    )
    result = run_python("-c", code, cwd=Path.cwd())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_wrapping_counts_ideographs_as_two_columns() -> None:
    lines = wrap("报告结构（默认按答卷里的选择）：regulation 按规定顺序", 20)
    assert all(display_width(line) <= 20 for line in lines), lines
    assert "regulation" in "".join(lines).replace(" ", "")  # an ASCII word is never split
    assert not any(line.startswith(("）", "：", "，")) for line in lines)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_texts_start_in_one_column(command: str | None) -> None:
    """argparse counts a Chinese metavar one column a character; the terminal shows two."""
    parser = PARSER if command is None else subcommands(PARSER)[command]
    text = parser.format_help()
    body = text.split("\n\n", 1)[1].split("示例：")[0]
    rows = [ln for ln in body.splitlines() if ln.startswith("  ") and not ln.startswith("   ")]
    starts = {display_width(m.group(1)) for ln in rows if (m := re.match(r"(  \S.*?  +)\S", ln))}
    assert len(starts) == 1, text
    continuation = [ln for ln in body.splitlines() if ln.startswith("   ")]
    assert all(display_width(ln) - display_width(ln.lstrip()) in starts for ln in continuation)


def test_every_message_of_this_pythons_argparse_has_its_chinese() -> None:
    """argparse's msgids change between Python versions (3.12 and 3.13 added some): whatever
    Python runs the tests, each one it can say is in the table."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    msgids = {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext")
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert "usage: " in msgids and "expected one argument" in msgids
    assert msgids - MESSAGES.keys() - FOR_DEVELOPERS == set()


# --- errors ----------------------------------------------------------------------------------


def _needs(sub: ArgumentParser) -> list[str]:
    """Arguments that satisfy every required argument of ``sub``."""
    argv = []
    for action in sub._actions:
        if not action.option_strings and action.help != argparse.SUPPRESS:
            argv.append("甲.txt")
        elif action.required:
            argv += [action.option_strings[0], "乙.yaml"]
    return argv


def error_cases() -> Iterator[tuple[str, list[str]]]:
    """(what, argv) for every way argparse can refuse a command line of drafter."""
    yield "unknown command", ["bogus"]
    yield "unknown top-level option", ["--bogus"]
    for name, sub in subcommands(PARSER).items():
        needs = _needs(sub)
        yield f"{name}: unknown option", [name, *needs, "--bogus"]
        positionals = [a for a in sub._actions if not a.option_strings]
        if not positionals or positionals[-1].nargs not in ("+", "*"):
            # (build takes any number of answers files: nothing is surplus there)
            yield f"{name}: surplus argument", [name, *needs, "多余.txt"]
        if needs != []:
            yield f"{name}: nothing given", [name]
        for action in sub._actions:
            if not action.option_strings or action.dest == "help":
                continue
            flag = action.option_strings[-1]
            if action.nargs == 0:
                yield f"{name}: {flag}=value", [name, *needs, f"{flag}=1"]
                continue
            yield f"{name}: {flag} without its value", [name, *needs, flag]
            if action.choices is not None:
                yield f"{name}: {flag} bad choice", [name, *needs, flag, "xyz"]
            if action.type in (int, float):
                yield f"{name}: {flag} not a number", [name, *needs, flag, "abc"]
        # Two options sharing a prefix: the prefix alone is ambiguous.
        longs = [o for a in sub._actions for o in a.option_strings if o.startswith("--")]
        for a in longs:
            for b in longs:
                common = next((a[:i] for i in range(len(a), 3, -1) if b.startswith(a[:i])), "")
                if a < b and len(common) > 3 and common not in longs:
                    yield f"{name}: ambiguous {common}", [name, *needs, common, "x"]


CASES = list(error_cases())


@pytest.mark.parametrize(("what", "argv"), CASES, ids=[c[0] for c in CASES])
def test_usage_errors_are_chinese_and_say_what_is_accepted(
    what: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2, (what, out, err)
    assert out == ""
    usage, message, hint = err.splitlines()[0], err.split("：错误：", 1)[1], err.splitlines()[-1]
    assert usage.startswith(f"用法：drafter {argv[0]}" if argv[0] in COMMANDS else "用法：drafter")
    assert "命令行的写法不对" not in message and "\0" not in message, (
        f"an argparse message without a translation: {what}"
    )
    typed = ALLOWED | {w for arg in argv for w in re.findall(r"[A-Za-z]+", arg)}
    assert english_words(err, typed) == [], err
    assert hint.startswith("用 drafter") and hint.endswith("--help 查看说明。")
    if "bad choice" in what:
        action = subcommands(PARSER)[argv[0]]._option_string_actions[argv[-2]]
        assert all(str(choice) in message for choice in action.choices or ())
    if what == "unknown command":
        assert all(command in message for command in COMMANDS)
    if "surplus" in what:
        assert "多余.txt" in message


def test_a_subcommands_surplus_is_reported_under_its_own_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["import", "a.txt", "b.txt", "-o", "答卷.yaml"], capsys)
    assert code == 2
    assert err.startswith("用法：drafter import ")
    assert "drafter import：错误：多余或不认识的参数：b.txt。" in err


def test_a_required_option_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["import", "a.txt"], capsys)
    assert code == 2 and "缺少-o/--output 答卷文件。" in err
    code, _, err = run(["import"], capsys)
    assert code == 2 and "缺少报告文件、-o/--output 答卷文件。" in err


def test_an_unknown_argparse_message_is_still_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    future = translate("option %(option)s is frobnicated by %(value)r") % {
        "option": "-x",
        "value": 1,
    }
    assert future == "命令行的写法不对：-x 1。"
    assert translate("some future message: %s") % "--x" == "命令行的写法不对：--x。"
    monkeypatch.delitem(MESSAGES, "expected one argument")
    code, _, err = run(["check", "a.docx", "--author"], capsys)
    assert code == 2
    assert "--author：命令行的写法不对。" in err
    assert english_words(err, ALLOWED) == [], err


def test_a_subcommand_without_a_description_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    parser = ArgumentParser(prog="drafter")
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令")
    sub.add_parser("plain")
    sub.add_parser("told", description="有说明的命令。\n第二行")
    with pytest.raises(SystemExit) as exit:
        parser.parse_args(["bogus"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "\n  plain\n  told   有说明的命令。\n" in err, err


def test_a_percent_sign_in_a_help_text_does_not_break_the_help() -> None:
    parser = ArgumentParser(prog="drafter")
    parser.add_argument("--rate", metavar="比率", help="调解成功率低于 90% 时提示")
    assert "低于 90% 时提示" in parser.format_help()


def test_an_argument_without_a_chinese_metavar_is_refused() -> None:
    parser = ArgumentParser(prog="drafter")
    with pytest.raises(TypeError, match="metavar"):
        parser.add_argument("--jobs", type=int, help="同时生成的份数")


def test_no_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([], capsys)
    assert code == 0 and out.startswith("用法：drafter")


def test_a_mistake_in_a_parsers_definition_stays_english_for_its_developer() -> None:
    parser = ArgumentParser(prog="drafter")
    parser.add_argument("--rate", metavar="比率", help="调解成功率")
    with pytest.raises(argparse.ArgumentError, match="conflicting option string: --rate"):
        parser.add_argument("--rate", metavar="比率", help="调解成功率")
