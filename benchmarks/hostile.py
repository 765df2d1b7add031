"""Hostile battery against the INSTALLED package: every case must end cleanly.

    python benchmarks/hostile.py                 # builds a fresh venv with `pip install .`
    python benchmarks/hostile.py --python PY     # uses an interpreter where drafter is installed
    python benchmarks/hostile.py -k template     # only cases whose name contains "template"

Runs ``PY -m drafter …`` in a scratch folder per case (POSIX: FIFOs, /dev/zero, /dev/full, kill).
A case passes when the exit code is the one expected (1 or 2 for a refusal, 0/1 for a draft), a
refusal's message is Chinese with no traceback and no "内部错误", it finishes within its time
limit and under 1.5 GB of memory, no temp file is left, no file it must not touch changed, and
its own check holds (e.g. no forged heading in the draft). Each case runs with its own TMPDIR,
which must be empty afterwards, and with ResourceWarnings shown (a file left open fails the case).
Prints one line per case and a total; exits 1 if any case failed. Prerequisite: the package's
dependencies are installable by pip. The second round of cases (same classes, new examples) is in
``hostile_more.py`` and ``hostile_inputs.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("000_*.txt"))
EXAMPLE = ROOT / "drafter" / "examples" / "example.yaml"
BUILTIN = ROOT / "templates"
MEMORY_MB = 1500
REFUSED = {2}
DRAFT = {0, 1}


@dataclass
class Run:
    args: list[str]
    stdin: bytes | None = None
    stdout: str | None = None  # a path to send stdout to ("/dev/full"), or None: captured
    close: tuple[int, ...] = ()  # file descriptors closed in the child
    env: dict[str, str] = field(default_factory=dict)
    python: str | None = None  # a script instead of -m drafter


@dataclass
class Case:
    name: str
    setup: Callable[[Path], Run]
    expect: set[int] = field(default_factory=lambda: set(REFUSED))
    words: tuple[str, ...] = ()
    seconds: float = 30
    check: Callable[[Path, str, str], str | None] | None = None


@dataclass
class Result:
    case: Case
    code: int | None
    seconds: float
    peak_mb: float
    problems: list[str]


# --------------------------------------------------------------------------- helpers


def answers(
    folder: Path, edit: Callable[[str], str] | None = None, name: str = "答卷.yaml"
) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = folder / name
    path.write_text(edit(text) if edit else text, encoding="utf-8")
    return path


MAKE_ANSWERS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from drafter.answers.file import dump_answers, read_answers_file
    from drafter.build import example_path
    data = read_answers_file(example_path()).data
    where, value = sys.argv[2], sys.argv[3]
    if where == "plans":
        data["plans"]["items"][0]["text"] = value
    elif where == "heading":
        data["organisation"]["measures"][0]["heading"] = value
    else:
        data["opening"]["summary"] = value
    Path(sys.argv[1]).write_text(dump_answers(data), encoding="utf-8")
    """
)


def answers_with(python: str, folder: Path, where: str, value: str) -> Path:
    """The example answers with one text replaced, written by the package under test."""
    path = folder / "答卷.yaml"
    subprocess.run(
        [
            python,
            "-c",
            MAKE_ANSWERS,
            str(path),
            where,
            value.encode("utf-8", "surrogatepass").decode("utf-8"),
        ],
        check=True,
        capture_output=True,
    )
    return path


def county(folder: Path, part: str | bytes | None = None, where: str = "parts/plans.j2") -> Path:
    root = folder / "县模板"
    (root / "outlines").mkdir(parents=True)
    (root / "parts").mkdir()
    shutil.copy(BUILTIN / "outlines" / "regulation.j2", root / "outlines" / "regulation.j2")
    if part is not None:
        target = root / where
        target.write_bytes(part if isinstance(part, bytes) else part.encode("utf-8"))
    return root


def build_with(part: str | bytes, words: tuple[str, ...] = (), seconds: float = 30) -> Any:
    def setup(folder: Path) -> Run:
        root = county(folder, part)
        return Run(["build", str(answers(folder)), "--templates", str(root), "-o", "out/r.docx"])

    return setup


def fifo(folder: Path, name: str = "管道") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def text_file(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def docx_of(folder: Path, name: str, members: dict[str, bytes]) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


DOC = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{dtd}'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}<w:sectPr/></w:body></w:document>"
)


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def real_docx(folder: Path, python: str) -> Path:
    out = folder / "真实.docx"
    subprocess.run(
        [python, "-m", "drafter", "build", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        check=False,
    )
    return out


def with_document(source: Path, target: Path, document: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = document if info.filename == "word/document.xml" else src.read(info.filename)
            z.writestr(info.filename, data)
    return target


# --------------------------------------------------------------------------- draft checks

READ_DOCX = textwrap.dedent(
    """
    import json, sys, docx
    doc = docx.Document(sys.argv[1])
    print(json.dumps([[p.style.name, p.text] for p in doc.paragraphs], ensure_ascii=False))
    """
)


def paragraphs(python: str, path: Path) -> list[list[str]]:
    import json

    result = subprocess.run(
        [python, "-c", READ_DOCX, str(path)], capture_output=True, text=True, encoding="utf-8"
    )
    return json.loads(result.stdout) if result.returncode == 0 else []


# --------------------------------------------------------------------------- the cases


def cases(python: str) -> list[Case]:
    out: list[Case] = []

    def add(name: str, setup: Callable[[Path], Run], **kw: Any) -> None:
        out.append(Case(name, setup, **kw))

    # --- county templates: loading ---------------------------------------------------------
    def link(kind: str) -> Callable[[Path], Run]:
        def setup(folder: Path) -> Run:
            secret = folder / "外面" / "plans.j2"
            secret.parent.mkdir()
            secret.write_text("::p 机密 root:x:0:0\n", encoding="utf-8")
            root = county(folder)
            if kind == "file":
                (root / "parts" / "plans.j2").symlink_to(secret)
            elif kind == "folder":
                shutil.rmtree(root / "parts")
                (root / "parts").symlink_to(secret.parent, target_is_directory=True)
            elif kind == "passwd":
                (root / "parts" / "plans.j2").symlink_to("/etc/passwd")
            else:
                (root / "outlines" / "regulation.j2").unlink()
                (root / "outlines" / "regulation.j2").symlink_to(secret)
            return Run(["build", str(answers(folder)), "--templates", str(root), "-o", "o/r.docx"])

        return setup

    def no_leak(folder: Path, stdout: str, stderr: str) -> str | None:
        return "leaked" if ("root:x" in stdout + stderr or "机密" in stdout + stderr) else None

    for kind in ("file", "folder", "passwd", "outline"):
        add(f"template-link-{kind}", link(kind), words=("链接",), check=no_leak)
    add(
        "template-gbk",
        # "一" in GBK happens to be valid UTF-8 (U+04BB): line 2 is the first that is not.
        build_with("::p 一\n::p 计划：{{ unit }}\n".encode("gbk")),
        words=("GBK", "第 2 行"),
    )
    add("template-utf16", build_with("::p 计划\n".encode("utf-16")), words=("UTF-16",))
    add("template-binary", build_with(b"::p ok\n\xff\xfe\x80\n"), words=("UTF-8", "第 2 行"))
    add("template-control", build_with("::p 一\x07二\n"), words=("控制字符",))

    def fifo_part(folder: Path) -> Run:
        root = county(folder)
        os.mkfifo(root / "parts" / "plans.j2")
        return Run(["build", str(answers(folder)), "--templates", str(root), "-o", "r.docx"])

    add("template-fifo", fifo_part, words=("不是普通文件",), seconds=15)
    add(
        "template-folder-is-dev-zero",
        lambda f: Run(["build", str(answers(f)), "--templates", "/dev/zero"]),
        words=("文件夹",),
    )

    def folder_layout(layout: dict[str, str]) -> Callable[[Path], Run]:
        def setup(folder: Path) -> Run:
            root = folder / "县模板"
            root.mkdir()
            for name, text in layout.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text, encoding="utf-8")
            return Run(["build", str(answers(folder)), "--templates", str(root), "-o", "r.docx"])

        return setup

    add("template-folder-empty", folder_layout({}), words=("没有 drafter 认识的模板",))
    add(
        "template-folder-outline-typo",
        folder_layout({"outline/regulation.j2": "::p x"}),
        words=("outline/", "outlines"),
    )
    add(
        "template-folder-unknown-part",
        folder_layout({"parts/plan.j2": "::p x"}),
        words=("parts/plan.j2", "plans.j2"),
    )
    add(
        "template-folder-unknown-outline",
        folder_layout({"outlines/五段式.j2": "::p x"}),
        words=("五段式.j2",),
    )

    # --- county templates: rendering -------------------------------------------------------
    hostile = {
        "escape-class": ("{{ ''.__class__ }}", "不允许"),
        "escape-globals": ("{{ fig.__globals__ }}", "不允许"),
        "escape-format": ("{{ '{x.__class__.__init__.__globals__}'.format(x=fig) }}", "不允许"),
        "escape-include-passwd": ('{% include "/etc/passwd" %}', "找不到模板"),
        "escape-include-parent": ('{% include "../../../../etc/passwd" %}', "找不到模板"),
        "range-year-cubed": (
            "{% for i in range(year) %}{% for j in range(year) %}{% for k in range(year) %}"
            "x{% endfor %}{% endfor %}{% endfor %}",
            "太长",
        ),
        "center-year-squared": ("{{ 'x'.center(year * year * 8, '法') }}", "太大"),
        "loop-over-string": (
            "{% set s = unit * 30000 %}{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}",
            "秒",
        ),
        "huge-repeat": ("{{ 'x' * 10 ** 10 }}", "太长"),
        # Arithmetic with a number is refused before it can amplify (provenance: no figure the
        # answers did not give is printed), so these say 数字 rather than 太长/太大.
        "join-amplifies": ("{{ ([unit * 90000] * 90000) | join }}", "数字"),
        "replace-amplifies": ("{{ (unit * 90000).replace(unit, unit * 9000) }}", "太长"),
        "indent-amplifies": ("{{ ((unit ~ '\\n') * 90000) | indent(90000) }}", "数字"),
        "format-width": ("{{ '{:>{}}'.format(unit, year * year * year) }}", "数字"),
        "percent-width": ("{{ '%*s' % (year * year * year, unit) }}", "宽度"),
        "list-doubling": (
            "{% set l = [unit] %}{% for i in range(64) %}{{ l.extend(l) or '' }}{% endfor %}",
            "太长",
        ),
        "macro-doubling": ("{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d(unit) }}", "太长"),
        "macro-recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "调用自身"),
        "huge-int": ("{{ (year ** 64) * (year ** 64) }}", "数字"),
        "fig-mistyped": ("{{ fig('publicity.no_such') }}", "没有这个问题"),
        "format-braces": ("{{ '{…}'.format(unit) }}", "不存在的键"),
        "undefined": ("{{ no_such }}", "不存在的变量"),
        "syntax": ("{% if %}", "语法错误"),
        "figure-in-text": ("::p 全年开展普法活动100场", "数字"),
        "figure-printed": ("{{ 100 }}", "数字"),
        "unknown-tag": ("::bogus 文字", "不认识的标记"),
        "none": ("{{ none }}", "空值"),
    }
    for name, (body, words) in hostile.items():
        part = "{#- 注释 -#}\n::p 第二行\n" + body + "\n::p 第四行\n"
        add(
            f"template-{name}",
            build_with(part),
            words=("plans.j2", "第 3 行", words),
            seconds=20,
            check=no_leak,
        )

    # --- the channel: answers forging markup -----------------------------------------------
    baseline: dict[str, Any] = {}

    def structure(python_: str, path: Path) -> list[str]:
        return [s for s, _ in paragraphs(python_, path) if not s.startswith("Normal")]

    def forged(where: str, br: str) -> Callable[[Path], Run]:
        payload = f"甲乙丙{br}   ::h1 伪造标题{br}\t::signature 伪造落款{br}\ufdd0date 丁"

        def setup(folder: Path) -> Run:
            return Run(["build", str(answers_with(python, folder, where, payload)), "-o", "r.docx"])

        return setup

    def same_structure(folder: Path, stdout: str, stderr: str) -> str | None:
        if "base" not in baseline:
            base = Path(tempfile.mkdtemp())
            subprocess.run(
                [python, "-m", "drafter", "build", str(EXAMPLE), "-o", str(base / "b.docx")],
                capture_output=True,
            )
            baseline["base"] = structure(python, base / "b.docx")
            shutil.rmtree(base)
        draft = folder / "r.docx"
        if not draft.exists():
            return "no draft"
        got = structure(python, draft)
        texts = [t for s, t in paragraphs(python, draft) if not s.startswith("Normal")]
        if any("伪造" in t for t in texts):
            return "forged text in a heading/title/signature"
        return None if len(got) == len(baseline["base"]) else f"structure changed: {got}"

    for where in ("plans", "summary", "heading"):
        for label, br in [
            ("lf", "\n"),
            ("cr", "\r"),
            ("u2028", "\u2028"),
            ("u2029", "\u2029"),
            ("nel", "\x85"),
            ("vt", "\v"),
            ("fs", "\x1c"),
        ]:
            add(
                f"channel-{where}-{label}",
                forged(where, br),
                expect=DRAFT | {2},
                check=same_structure,
            )

    # --- inputs that are not regular files -------------------------------------------------
    readers = {
        "check": lambda p, f: ["check", str(p)],
        "import": lambda p, f: ["import", str(p), "-o", "导入.yaml"],
        "build": lambda p, f: ["build", str(p)],
        "compare": lambda p, f: ["compare", str(answers(f)), str(p)],
        "new-from": lambda p, f: ["new", "--from", str(p)],
        "new-import": lambda p, f: ["new", "--import", str(p)],
        "edit": lambda p, f: ["edit", str(p)],
        "with-comparison": lambda p, f: ["build", str(answers(f)), "--with-comparison", str(p)],
    }
    for command, make in readers.items():
        add(
            f"input-fifo-{command}",
            lambda f, m=make: Run(m(fifo(f), f)),
            words=("不是普通文件",),
            seconds=15,
        )
        add(
            f"input-dev-zero-{command}",
            lambda f, m=make: Run(m(Path("/dev/zero"), f)),
            words=("不是普通文件",),
            seconds=15,
        )
        add(f"input-folder-{command}", lambda f, m=make: Run(m(f, f)), words=("文件夹",))

    # --- sizes and structure ---------------------------------------------------------------
    def big_yaml(text: str) -> Callable[[Path], Run]:
        return lambda f: Run(["build", str(text_file(f, "答卷.yaml", text))])

    add(
        "limit-list-800k",
        big_yaml("plans:\n  items:\n" + "  - 1\n" * 800_000),
        words=("1000 项",),
        seconds=15,
    )
    add(
        "limit-flow-list",
        big_yaml("x: [" + "1," * 1_000_000 + "1]\n"),
        words=("1000 项",),
        seconds=15,
    )
    add(
        "limit-keys",
        big_yaml("x:\n" + "".join(f"  k{i}: v\n" for i in range(150_000))),
        words=("1000 项",),
        seconds=15,
    )
    add(
        "limit-nesting",
        big_yaml("identity: " + "[" * 3000 + "]" * 3000 + "\n"),
        words=("嵌套",),
        seconds=15,
    )
    add(
        "limit-alias-bomb",
        big_yaml(
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
                for a, b in zip("abcdefg", "bcdefgh", strict=True)
            )
        ),
        words=("引用",),
        seconds=15,
    )
    add("limit-control-char", big_yaml("identity:\n  unit_name: 俄久\x07乡\n"), words=("U+0007",))
    add(
        "limit-5000-digits",
        big_yaml("publicity:\n  activities: " + "9" * 5000 + "\n"),
        words=("5000 位",),
    )
    add(
        "limit-python-tag",
        big_yaml("identity: !!python/object/apply:os.system [echo x]\n"),
        words=("标签",),
    )
    add(
        "limit-answers-50mb",
        lambda f: Run(
            [
                "build",
                str(
                    text_file(
                        f, "答卷.yaml", "opening:\n  summary: " + "很" * (17 * 1024 * 1024) + "\n"
                    )
                ),
            ]
        ),
        words=("太大",),
    )
    add(
        "limit-long-answer",
        big_yaml("opening:\n  summary: " + "很长的内容。" * 200_000 + "\n"),
        words=("太长",),
    )
    add(
        "limit-utf16-answers",
        lambda f: Run(
            ["build", str(text_file(f, "答卷.yaml", EXAMPLE.read_text(encoding="utf-8"), "utf-16"))]
        ),
        expect=DRAFT,
    )
    add(
        "limit-gbk-answers",
        lambda f: Run(
            [
                "build",
                str(text_file(f, "答卷.yaml", EXAMPLE.read_text(encoding="utf-8"), "gb18030")),
            ]
        ),
        expect=DRAFT | {2},
    )
    add(
        "limit-binary-answers",
        lambda f: Run(["build", str(_binary(f, "答卷.yaml"))]),
        words=("不是",),
    )
    add(
        "limit-txt-1m-lines-check",
        lambda f: Run(["check", str(text_file(f, "r.txt", "宣传。\n" * 1_000_000))]),
        words=("3000 段",),
        seconds=15,
    )
    add(
        "limit-txt-1m-lines-import",
        lambda f: Run(
            ["import", str(text_file(f, "r.txt", "宣传。\n" * 1_000_000)), "-o", "a.yaml"]
        ),
        words=("3000 段",),
        seconds=15,
    )
    add(
        "limit-txt-long-line",
        lambda f: Run(
            ["import", str(text_file(f, "r.txt", "开展普法宣传活动，" * 600_000)), "-o", "a.yaml"]
        ),
        words=("20000 字",),
        seconds=15,
    )
    add(
        "limit-txt-much-text",
        lambda f: Run(
            ["check", str(text_file(f, "r.txt", ("开展普法宣传活动，" * 50 + "\n") * 2_900))]
        ),
        words=("万字",),
        seconds=15,
    )
    add(
        "limit-txt-largest-accepted",
        lambda f: Run(["import", str(_largest(f)), "-o", "a.yaml"]),
        expect=DRAFT | {2},
        seconds=30,
    )
    add("limit-empty-file", lambda f: Run(["check", str(text_file(f, "r.txt", ""))]), words=("空",))

    # --- Word files ------------------------------------------------------------------------
    def zip_bomb(folder: Path) -> Run:
        path = folder / "炸弹.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("word/document.xml", "w", force_zip64=True) as handle:
                handle.write(b"<w:document>" + b"<w:p/>" * (300 * 1024 * 1024 // 6))
            z.writestr("[Content_Types].xml", "<Types/>")
        return Run(["check", str(path)])

    add("docx-zip-bomb", zip_bomb, words=("异常庞大",), seconds=60)
    xxe = DOC.format(dtd='<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', body=para("&x;"))
    add(
        "docx-xxe",
        lambda f: Run(
            ["check", str(with_document(real_docx(f, python), f / "xxe.docx", xxe.encode()))]
        ),
        expect={1, 2},
        check=no_leak,
    )
    add(
        "docx-path-traversal",
        lambda f: Run(
            [
                "import",
                str(
                    docx_of(
                        f,
                        "t.docx",
                        {
                            "../../evil.txt": b"x",
                            "word/document.xml": DOC.format(dtd="", body=para("正文")).encode(),
                        },
                    )
                ),
                "-o",
                "a.yaml",
            ]
        ),
        expect={2},
        check=lambda f, o, e: "escaped" if (f.parent / "evil.txt").exists() else None,
    )
    add(
        "docx-encrypted", lambda f: Run(["check", str(_ole(f, "加密.docx", True))]), words=("密码",)
    )
    add(
        "docx-renamed-doc",
        lambda f: Run(["check", str(_ole(f, "旧.docx", False))]),
        words=(".doc",),
    )
    add(
        "docx-random-bytes",
        lambda f: Run(["check", str(_binary(f, "乱码.docx"))]),
        words=("不是有效",),
    )
    add("docx-truncated", lambda f: Run(["check", str(_truncated(f, python))]), words=("损坏",))

    # --- writes ----------------------------------------------------------------------------
    def protect(*names: str) -> Callable[[Path, str, str], str | None]:
        def check(folder: Path, stdout: str, stderr: str) -> str | None:
            for name in names:
                if (folder / name).read_bytes() != (folder / f"{name}.orig").read_bytes():
                    return f"{name} changed"
            return None

        return check

    def keep(folder: Path, path: Path) -> Path:
        shutil.copy(path, folder / f"{path.name}.orig")
        return path

    def out_is_in(folder: Path) -> Run:
        report = keep(folder, text_file(folder, "去年.txt", SEED.read_text(encoding="utf-8")))
        return Run(["import", str(report), "-o", str(report), "--force"])

    add("write-import-onto-its-input", out_is_in, words=("输入文件",), check=protect("去年.txt"))

    def docx_named_answers(folder: Path) -> Run:
        path = keep(folder, answers(folder, name="答卷.docx"))
        return Run(["build", str(path), "-o", str(path), "--force"])

    add(
        "write-build-onto-its-input",
        docx_named_answers,
        words=("输入文件",),
        check=protect("答卷.docx"),
    )

    def hard_link(folder: Path) -> Run:
        report = keep(folder, text_file(folder, "去年.txt", SEED.read_text(encoding="utf-8")))
        os.link(report, folder / "链接.yaml")
        return Run(["import", str(report), "-o", str(folder / "链接.yaml"), "--force"])

    add("write-hard-link-to-input", hard_link, words=("输入文件",), check=protect("去年.txt"))

    def sym_link(folder: Path) -> Run:
        report = keep(folder, text_file(folder, "去年.txt", SEED.read_text(encoding="utf-8")))
        (folder / "链接.yaml").symlink_to(report)
        return Run(["import", str(report), "-o", str(folder / "链接.yaml"), "--force"])

    add("write-symlink-to-input", sym_link, words=("输入文件",), check=protect("去年.txt"))
    add(
        "write-force-onto-dev-null",
        lambda f: Run(["import", str(SEED), "-o", "/dev/null", "--force"]),
        words=("字符设备",),
    )
    add(
        "write-force-onto-fifo",
        lambda f: Run(["import", str(SEED), "-o", str(fifo(f, "a.yaml")), "--force"]),
        words=("命名管道",),
        seconds=15,
    )

    def bak_folder(folder: Path) -> Run:
        (folder / "a.yaml").write_text("# 旧答卷\n", encoding="utf-8")
        keep(folder, folder / "a.yaml")
        (folder / "a.yaml.bak").mkdir()
        return Run(["import", str(SEED), "-o", "a.yaml", "--force"])

    add("write-bak-is-a-folder", bak_folder, words=("文件夹",), check=protect("a.yaml"))

    def folder_target(folder: Path) -> Run:
        (folder / "报告").mkdir()
        return Run(["build", str(answers(folder)), "-o", "报告"])

    add(
        "write-folder-target",
        folder_target,
        expect=DRAFT,
        check=lambda f, o, e: (
            None if len(list((f / "报告").glob("*.docx"))) == 1 else "no report inside the folder"
        ),
    )
    add(
        "write-import-into-folder",
        lambda f: Run(["import", str(SEED), "-o", str(f)]),
        words=("文件夹",),
    )

    def word_lock(folder: Path) -> Run:
        (folder / "报告.docx").write_bytes(b"open in Word")
        keep(folder, folder / "报告.docx")
        (folder / "~$报告.docx").write_bytes(b"owner")
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--force"])

    add("write-open-in-word", word_lock, words=("Word", "~$报告.docx"), check=protect("报告.docx"))
    outputs: dict[str, Callable[[Path], list[str]]] = {
        "build": lambda f: ["build", str(answers(f)), "-o", "/dev/null"],
        "demo": lambda f: ["demo", "-o", "/dev/null"],
        "annotate": lambda f: ["check", str(SEED), "--annotate", "/dev/null"],
        "summary": lambda f: ["summary", str(SEED), "-o", "/dev/null", "--force"],
        "summary-fifo": lambda f: ["summary", str(SEED), "-o", str(fifo(f, "s.xlsx"))],
    }

    def nothing_in_dev(folder: Path, stdout: str, stderr: str) -> str | None:
        return "wrote into /dev" if list(Path("/dev").glob("null.*")) else None

    for label, make in outputs.items():
        add(
            f"write-output-is-a-device-{label}",
            lambda f, m=make: Run(m(f)),
            words=("不是普通文件",),
            check=nothing_in_dev,
        )
    add(
        "input-summary-fifo-and-dev-zero",
        lambda f: Run(["summary", str(fifo(f)), "/dev/zero", "-o", "s.xlsx"]),
        words=("命名管道", "字符设备"),
        seconds=15,
    )
    add(
        "input-summary-expect-fifo",
        lambda f: Run(["summary", str(SEED), "--expect", str(fifo(f)), "-o", "s.xlsx"]),
        words=("命名管道",),
        seconds=15,
    )
    add(
        "input-annotate-fifo",
        lambda f: Run(["check", str(fifo(f)), "--annotate", "a.docx"]),
        words=("命名管道",),
        seconds=15,
    )

    def annotate_onto_itself(folder: Path) -> Run:
        report = folder / "报告.docx"
        shutil.copy(real_docx(folder, python), report)
        keep(folder, report)
        return Run(["check", str(report), "--annotate", str(report), "--force"])

    add(
        "write-annotate-onto-the-report",
        annotate_onto_itself,
        words=("报告本身",),
        check=protect("报告.docx"),
    )
    add(
        "write-long-name",
        lambda f: Run(["import", str(SEED), "-o", "长" * 300 + ".yaml"]),
        words=("文件名",),
    )

    def under_a_file(folder: Path) -> Run:
        (folder / "文件").write_text("x", encoding="utf-8")
        return Run(["build", str(answers(folder)), "-o", "文件/r.docx"])

    add("write-under-a-file", under_a_file, words=("文件",))

    def no_soffice(folder: Path) -> Run:
        return Run(
            ["build", str(answers(folder)), "-o", "报告.docx", "--pdf"],
            env={"PATH": str(Path(python).parent)},
        )

    def docx_and_why_no_pdf(folder: Path, stdout: str, stderr: str) -> str | None:
        if not (folder / "报告.docx").stat().st_size:
            return "no docx"
        if "PDF 没有生成（Word 报告照常生成）" not in stdout or "LibreOffice" not in stdout:
            return "the output does not say why there is no PDF"
        return None

    # Done, with something to report (exit 1): the report is written and checked.
    add("write-pdf-without-libreoffice", no_soffice, expect={1}, check=docx_and_why_no_pdf)

    # --- standard streams ------------------------------------------------------------------
    add(
        "stream-stdout-dev-full",
        lambda f: Run(["check", str(SEED)], stdout="/dev/full"),
        words=("标准输出", "磁盘空间不足"),
    )
    add(
        "stream-build-stdout-dev-full",
        lambda f: Run(["build", str(answers(f)), "-o", "r.docx"], stdout="/dev/full"),
        words=("标准输出", "已生成报告"),
    )
    add(
        "stream-stdout-closed",
        lambda f: Run(["check", str(SEED)], close=(1,)),
        words=("标准输出已关闭",),
    )
    add(
        "stream-stdin-closed-new",
        lambda f: Run(["new", "-o", "a.yaml"], close=(0,)),
        words=("终端",),
    )
    add(
        "stream-stdin-invalid-utf8-edit",
        lambda f: Run(["edit", str(answers(f))], stdin=b"\xff\xfe\xc3(\n" * 100),
        words=("终端",),
    )
    for size in (1, 16):
        add(
            f"stream-garbage-{size}mb-into-new",
            lambda f, s=size: Run(["new"], stdin=os.urandom(s << 20)),
            words=("终端",),
            seconds=5,
        )

    def planted_log(folder: Path) -> Run:
        home, tmp = folder / "home", folder / "tmp"
        home.mkdir()
        tmp.mkdir()
        victim = keep(folder, text_file(folder, "victim.txt", "不能被覆盖"))
        (tmp / "drafter-error.log").symlink_to(victim)
        script = (
            "import sys\nfrom drafter import cli\n"
            "def boom(a, o):\n    raise RuntimeError('bug')\n"
            "cli.COMMANDS['check'] = boom\n"
            f"sys.exit(cli.main(['check', {str(SEED)!r}]))\n"
        )
        return Run([], python=script, env={"HOME": str(home), "TMPDIR": str(tmp)})

    add(
        "stream-error-log-planted-link",
        planted_log,
        expect={3},
        words=("详细信息已写入",),
        check=protect("victim.txt"),
    )
    from hostile_more import more_cases  # the second round (same classes, new cases)

    out += more_cases(python)
    return out


def _binary(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(bytes(range(256)) * 64)
    return path


def _ole(folder: Path, name: str, encrypted: bool) -> Path:
    path = folder / name
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000
    if encrypted:
        body += "EncryptionInfo".encode("utf-16-le")
    path.write_bytes(body + b"\0" * 1000)
    return path


def _truncated(folder: Path, python: str) -> Path:
    real = real_docx(folder, python)
    path = folder / "截断.docx"
    path.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    return path


def _largest(folder: Path) -> Path:
    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    for n in range(3000):
        text = ""
        while len(text) < 332:
            text += seed[(n + len(text)) % len(seed)]
        lines.append(text[:332])
    return text_file(folder, "最大.txt", "\n".join(lines))


# --------------------------------------------------------------------------- running


def digest(folder: Path) -> dict[str, str]:
    out = {}
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# Three English words in a row: library text reaching the user (commands like "drafter edit
# 答卷.yaml" have two).
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z']{2,}){2,}\b")


def run_case(case: Case, python: str, work: Path) -> Result:
    folder = work / case.name
    folder.mkdir()
    problems: list[str] = []
    run = case.setup(folder)
    # Its own temp folder, checked empty afterwards: nothing may be left in the system's either
    # (LibreOffice profiles, half-written copies). ResourceWarnings are shown: an unclosed file.
    tmpdir = work / f"{case.name}.tmpdir"
    tmpdir.mkdir()
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "TMPDIR": str(tmpdir),
        "PYTHONWARNINGS": "always::ResourceWarning",
        **run.env,
    }
    env.pop("PYTHONPATH", None)
    args = [python, "-c", run.python] if run.python else [python, "-m", "drafter", *run.args]
    out_path, err_path = folder.parent / f"{case.name}.out", folder.parent / f"{case.name}.err"
    with contextlib.ExitStack() as stack:
        stdout = stack.enter_context(open(run.stdout or out_path, "wb"))
        stderr = stack.enter_context(open(err_path, "wb"))
        stdin: Any = subprocess.PIPE if run.stdin is not None else subprocess.DEVNULL

        def close() -> None:
            # Ctrl-C as on a terminal: a battery started in the background (``… &``) has SIGINT
            # ignored, and its children would inherit that and never see an interrupt.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            for fd in run.close:
                os.close(fd)

        start = time.monotonic()
        proc = subprocess.Popen(
            args,
            cwd=folder,
            env=env,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            preexec_fn=close,
            start_new_session=True,
        )
        if run.stdin is not None:
            with contextlib.suppress(BrokenPipeError, OSError):
                assert proc.stdin is not None
                proc.stdin.write(run.stdin)
                proc.stdin.close()
        code: int | None = None
        peak = 0.0
        deadline = start + case.seconds
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / 1024
                proc.returncode = code
                break
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                problems.append(f"hang (> {case.seconds:.0f} s)")
                break
            time.sleep(0.02)
        elapsed = time.monotonic() - start
    out_text = out_path.read_text(encoding="utf-8", errors="replace") if not run.stdout else ""
    err_text = err_path.read_text(encoding="utf-8", errors="replace")
    if code is not None and code not in case.expect:
        problems.append(f"exit {code}, expected {sorted(case.expect)}")
    if "Traceback" in err_text or (code != 3 and "内部错误" in err_text):
        problems.append("traceback or internal error")
    if (
        code in (1, 2)
        and code in REFUSED & case.expect
        and not any("\u4e00" <= ch <= "\u9fff" for ch in err_text)
    ):
        problems.append("message not in Chinese")
    english = _ENGLISH.search(err_text)
    if english is not None and code != 3:
        problems.append(f"English in the message: “{english.group()}”")
    for word in case.words:
        if word not in err_text:
            problems.append(f"message lacks “{word}”")
    if peak > MEMORY_MB:
        problems.append(f"memory {peak:.0f} MB")
    leftovers = [p.name for p in folder.rglob(".*.tmp")] + [
        p.name for p in folder.rglob("*.tmp") if p.name.startswith(".")
    ]
    if leftovers:
        problems.append(f"temp files left: {sorted(set(leftovers))}")
    in_tmp = sorted(p.name for p in tmpdir.iterdir() if p.name != f"drafter-{os.getuid()}")
    if in_tmp:
        problems.append(f"left in the temp folder: {in_tmp[:5]}")
    if "ResourceWarning" in err_text:
        problems.append("a file or socket left open (ResourceWarning)")
    if case.check is not None and code is not None:
        found = case.check(folder, out_text, err_text)
        if found:
            problems.append(found)
    return Result(case, code, elapsed, peak, problems)


def concurrent_builds(python: str, work: Path, count: int = 10) -> Result:
    """Ten builds onto one name at once: ten reports under ten names."""
    folder = work / "write-concurrent-builds"
    folder.mkdir()
    path = answers(folder)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    start = time.monotonic()
    procs = [
        subprocess.Popen(
            [python, "-m", "drafter", "build", str(path), "-o", "out/报告.docx"],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(count)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    problems = []
    if any(p.returncode not in DRAFT for p in procs):
        problems.append(f"exit codes {[p.returncode for p in procs]}")
    said = {o.decode("utf-8").splitlines()[0] for o, _ in outputs if o}
    written = sorted((folder / "out").glob("*.docx"))
    if len(said) != count or len(written) != count:
        problems.append(f"{len(said)} names reported, {len(written)} files for {count} builds")
    if any(p.stat().st_size == 0 for p in written):
        problems.append("an empty report")
    case = Case("write-concurrent-builds", lambda f: Run([]), expect=DRAFT)
    return Result(case, 0, time.monotonic() - start, 0, problems)


def killed_builds(python: str, work: Path, runs: int = 10) -> Result:
    """kill -9 at random moments of build and import: no empty report, no damaged input."""
    import random

    folder = work / "write-kill-9"
    folder.mkdir()
    path = answers(folder)
    before = path.read_bytes()
    rng = random.Random(14)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    problems = []
    start = time.monotonic()
    for n in range(runs):
        args = (
            ["build", str(path), "-o", "out/报告.docx"]
            if n % 2 == 0
            else ["import", str(SEED), "-o", f"out/导入{n}.yaml"]
        )
        proc = subprocess.Popen(
            [python, "-m", "drafter", *args],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        proc.kill()
        proc.wait()
    for written in (folder / "out").glob("*") if (folder / "out").exists() else []:
        if not written.name.startswith(".") and written.stat().st_size == 0:
            problems.append(f"empty {written.name}")
    if path.read_bytes() != before:
        problems.append("answers changed")
    case = Case("write-kill-9-build-and-import", lambda f: Run([]), expect=DRAFT)
    return Result(case, 0, time.monotonic() - start, 0, problems)


def install(target: Path) -> str:
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True)
    python = str(target / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", str(ROOT)], check=True)
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="an interpreter where drafter is installed (not -e)")
    parser.add_argument("-k", default="", help="run only cases whose name contains this")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    options = parser.parse_args()
    if os.name != "posix":
        print("This battery uses FIFOs, /dev and signals: run it on Linux or macOS.")
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="drafter-hostile-"))
    python = options.python or install(scratch / "venv")
    where = subprocess.run(
        [python, "-c", "import drafter; print(drafter.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
        cwd=scratch,
    ).stdout.strip()
    print(f"drafter under test: {where}")
    if Path(where).resolve().is_relative_to(ROOT):
        print("warning: this is the source tree (editable install), not an installed package")
    work = scratch / "cases"
    work.mkdir()
    results: list[Result] = []
    selected = [c for c in cases(python) if options.k in c.name]
    for case in selected:
        result = run_case(case, python, work)
        results.append(result)
        _print(result)
    for special in (concurrent_builds, killed_builds):
        if options.k in special.__name__ or options.k in "write-concurrent-kill":
            result = special(python, work)
            results.append(result)
            _print(result)
    failed = [r for r in results if r.problems]
    print(f"\n{len(results) - len(failed)} of {len(results)} cases passed.")
    if not options.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    else:
        print(f"scratch folder kept: {scratch}")
    return 1 if failed else 0


def _print(result: Result) -> None:
    verdict = "ok  " if not result.problems else "FAIL"
    code = "-" if result.code is None else str(result.code)
    line = f"{verdict} {result.case.name:42} exit {code:>2} {result.seconds:6.2f} s"
    line += f" {result.peak_mb:6.0f} MB" if result.peak_mb else " " * 10
    if result.problems:
        line += "  " + "; ".join(result.problems)
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
