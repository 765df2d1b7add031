"""The hostile battery's second round: cases of the same classes that the first did not have.

Imported by ``benchmarks/hostile.py`` (``cases()`` appends :func:`more_cases`); run it from there.
Classes here: county templates stating figures in words or other digits, or without a final
newline; ``--pdf`` onto taken names and with a broken or missing LibreOffice; outputs onto inputs
by other spellings, read-only folders, odd names; batch builds; ``summary`` over junk and over
too many files; SIGINT/SIGTERM/SIGHUP in the middle of a write. The input classes (answers
files, Word files, answer texts) are in ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile import (
    DRAFT,
    SEED,
    Case,
    Run,
    answers,
    build_with,
    paragraphs,
    text_file,
)
from hostile_inputs import input_cases, raw_file


def _protect(*names: str) -> Callable[[Path, str, str], str | None]:
    """The named files are unchanged (their copies ``<name>.orig`` are made by ``_keep``)."""

    def check(folder: Path, stdout: str, stderr: str) -> str | None:
        for name in names:
            path = folder / name
            if not path.exists():
                return f"{name} removed"
            if path.read_bytes() != (folder / f"{name}.orig").read_bytes():
                return f"{name} changed"
        return None

    return check


def _keep(folder: Path, path: Path) -> Path:
    """Keep a copy beside ``path`` (``<name>.orig``) for :func:`_protect` to compare with."""
    shutil.copy(path, path.with_name(f"{path.name}.orig"))
    return path


CONVERT = (
    'out=""; prev=""\n'
    'for a; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; last="$a"; done\n'
    'name=$(basename "$last" .docx)\nmkdir -p "$out"\n'
    'printf "%s" "%PDF-1.4 ours" > "$out/$name.pdf"\n'
)
"""A LibreOffice that converts: writes ``<name>.pdf`` into its ``--outdir``."""


LINGERS = (
    'sleep 600 &\necho $! > "$MARKS/helper"\n: > "$TMPDIR/lu0001.tmp"\n: > "$MARKS/started"\nwait\n'
)
"""A LibreOffice that starts a helper (as soffice starts soffice.bin), leaves a temp file, says
it has started, and never finishes."""


def _running(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its reaper does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def _no_lingering_office(folder: Path, stdout: str, stderr: str) -> str | None:
    """No LibreOffice of this case still runs (its profile is under the case's temp folder)."""
    tmpdir = f"{folder}.tmpdir"
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if tmpdir in command and "office" in command and _running(int(proc.name)):
            return f"LibreOffice left running: {command[:80]}"
    return None


INTERRUPTED = {"PYTHONWARNINGS": "ignore::ResourceWarning"}
"""For runs stopped by a signal: one landing between ``open()`` and its ``with`` (in Python's own
import machinery or pathlib) leaves that file to the garbage collector of a process that is
ending. Python's race, not drafter's: these runs do not show ResourceWarnings."""


def _fake_soffice(folder: Path, script: str) -> dict[str, str]:
    """A PATH whose ``soffice`` is a shell script (LibreOffice failing in a chosen way)."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "soffice"
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/bin:/bin"}


def more_cases(python: str) -> list[Case]:
    out: list[Case] = []

    def add(name: str, setup: Callable[[Path], Run], **kw: Any) -> None:
        out.append(Case(name, setup, **kw))

    # --- county templates: figures in other scripts ------------------------------------------
    figures = {
        "cn-hundred": "::p 全年开展普法活动一百场",
        "cn-approx": "::p 组织培训二十余次",
        "cn-tens-approx": "::p 发放资料百余份",
        "cn-several-tens": "::p 开展宣传数十场",
        "cn-single-count": "::p 召开专题会议五次",
        "cn-year": "::p 二〇二四年以来",
        "cn-percent": "::p 群众满意度达百分之九十五",
        "fullwidth": "::p 全年开展普法活动１００场",
        "fullwidth-const": "{{ '１００场' }}",
        "cn-const": "{{ '开展活动三十场' }}",
        "arabic-indic": "::p 开展活动\u0661\u0660\u0660场",
        "circled": "::p 开展活动\u2469场",
        "const-arith": "::p 开展活动{{ 50 * 2 }}场",
        "const-filter": "::p 开展活动{{ 100 | string }}场",
        "const-negative": "::p 增长{{ -5 }}",
        "const-or": "::p 开展活动{{ none_such or 100 }}场",
        "const-choice": "::p 开展活动{{ 30 if unit else 40 }}场",
        "const-power": "{{ (999999 ** 64) * (999999 ** 64) }}",
        "const-format-filter": '::p 开展{{ "%d场" | format(100) }}',
        "const-format-method": '::p 开展{{ "{}场".format(100) }}',
        "const-format-keyword": '::p 开展{{ "{n}场".format(n=100) }}',
    }
    for name, body in figures.items():
        part = "{#- 注释 -#}\n::p 第二行\n" + body + "\n::p 第四行\n"
        add(f"template-figure-{name}", build_with(part), words=("plans.j2", "第 3 行", "数字"))
    add(
        "template-words-not-figures",
        build_with(
            "::p 一是坚持统一领导，进一步落实“一把手”责任，增强“四个意识”，"
            "做到“两个维护”，落实“三重一大”制度，第一责任人每年一次述法。\n"
        ),
        expect=DRAFT,
    )

    def headings_kept(folder: Path, stdout: str, stderr: str) -> str | None:
        shown = paragraphs(python, folder / "out" / "r.docx")
        headings = [t for s, t in shown if s.startswith("Heading")]
        glued = [t for s, t in shown if "::" in t]
        if glued or len(headings) < 4:
            return f"markup run into text: {glued[:2]}, headings {headings}"
        return None

    for label, body in {
        "lf": "::p 计划",
        "crlf": "::p 计划\r\n::p 第二",
        "bom": "\ufeff::p 计划",
    }.items():
        add(
            f"template-no-final-newline-{label}",
            build_with(body),
            expect=DRAFT,
            check=headings_kept,
        )

    # --- --pdf: taken names, LibreOffice failing or missing ---------------------------------
    def pdf_exists(folder: Path) -> Run:
        (folder / "报告.pdf").write_bytes(b"%PDF-1.4 an earlier report")
        _keep(folder, folder / "报告.pdf")
        env = _fake_soffice(folder, CONVERT + "exit 0\n")
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"], env=env)

    def earlier_kept(folder: Path, stdout: str, stderr: str) -> str | None:
        kept = _protect("报告.pdf")(folder, stdout, stderr)
        ours = folder / "报告(2).pdf"
        return kept or (None if ours.exists() else "the new report got no PDF")

    add("pdf-existing-pdf-kept", pdf_exists, expect=DRAFT, check=earlier_kept)

    def pdf_appears(folder: Path) -> Run:
        # LibreOffice produces the PDF, but meanwhile another process took the name.
        theirs = f'printf "%s" "%PDF-1.4 theirs" > "{folder}/$name.pdf"\nexit 0\n'
        env = _fake_soffice(folder, CONVERT + theirs)
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"], env=env)

    def theirs_kept(folder: Path, stdout: str, stderr: str) -> str | None:
        pdf = folder / "报告.pdf"
        if not pdf.exists() or pdf.read_bytes() != b"%PDF-1.4 theirs":
            return "a PDF written by another process was replaced"
        if not (folder / "报告.docx").exists():
            return "the .docx was lost"
        return None

    def no_pdf_said(check: Callable[[Path, str, str], str | None]) -> Any:
        # The build is done, with something to report (exit 1): the report is written and
        # checked, and its standard output ends with why there is no PDF.
        def both(folder: Path, stdout: str, stderr: str) -> str | None:
            if "PDF 没有生成（Word 报告照常生成）" not in stdout or "检查结果" not in stdout:
                return "the output does not say the report was built without its PDF"
            return check(folder, stdout, stderr)

        return both

    add("pdf-name-taken-meanwhile", pdf_appears, expect={1}, check=no_pdf_said(theirs_kept))

    def pdf_fails(folder: Path) -> Run:
        script = (
            'echo "Error: source file could not be loaded" >&2\n'
            'echo "javaldx: Could not find a Java Runtime Environment!" >&2\nexit 1\n'
        )
        env = _fake_soffice(folder, script)
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"], env=env)

    def docx_kept(folder: Path, stdout: str, stderr: str) -> str | None:
        written = list(folder.glob("*.docx"))
        if not written or not written[0].stat().st_size:
            return "the .docx was not kept"
        return None

    add("pdf-libreoffice-fails", pdf_fails, expect={1}, check=no_pdf_said(docx_kept))

    def pdf_not_executable(folder: Path) -> Run:
        _fake_soffice(folder, "exit 0\n")
        (folder / "bin" / "soffice").chmod(0o644)
        env = {"PATH": f"{folder / 'bin'}:{Path(python).parent}"}
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"], env=env)

    add(
        "pdf-libreoffice-not-executable",
        pdf_not_executable,
        expect={1},
        check=no_pdf_said(docx_kept),
    )

    def batch_pdf_fails(folder: Path) -> Run:
        env = _fake_soffice(folder, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
        one = answers(folder, name="一.yaml")
        two = answers(
            folder,
            lambda t: t.replace("俄久乡", "岗嘎镇").replace("unit_type: 乡", "unit_type: 镇"),
            name="二.yaml",
        )
        return Run(["build", str(one), str(two), "-o", "出", "--pdf", "--jobs", "2"], env=env)

    def batch_docx_kept(folder: Path, stdout: str, stderr: str) -> str | None:
        written = list((folder / "出").glob("*.docx")) if (folder / "出").exists() else []
        if len(written) != 2:
            return f"{len(written)} of 2 reports kept"
        # The batch's table (standard output) says why there is no PDF.
        return None if "PDF 没有生成" in stdout else "the table does not say the PDF is missing"

    add(
        "pdf-batch-libreoffice-fails",
        batch_pdf_fails,
        expect={1},
        check=batch_docx_kept,
    )

    def batch_pdf_missing(folder: Path) -> Run:
        one = answers(folder, name="一.yaml")
        env = {"PATH": str(Path(python).parent)}
        return Run(["build", str(one), str(one), "-o", "出", "--pdf"], env=env)

    add(
        "pdf-batch-without-libreoffice",
        batch_pdf_missing,
        expect={1},
        check=lambda f, o, e: None if "未找到 LibreOffice" in o else "no word of LibreOffice",
    )

    def concurrent_pdf(folder: Path) -> Run:
        # Six builds with --pdf onto one name at once; each PDF says which .docx it was made
        # from, and the conversion is slow enough for the builds to overlap.
        script = (
            'prev=""; for a; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a";'
            ' last="$a"; done\nname=$(basename "$last" .docx)\nmkdir -p "$out"\nsleep 0.3\n'
            'printf "%s" "$name" > "$out/$name.pdf"\n'
        )
        env = _fake_soffice(folder, script)
        path = answers(folder)
        wrapper = (
            "import subprocess, sys\n"
            "procs = [subprocess.Popen([sys.executable, '-m', 'drafter', 'build',"
            f" {str(path)!r}, '-o', 'out/报告.docx', '--pdf']) for _ in range(6)]\n"
            "codes = [p.wait() for p in procs]\n"
            "sys.exit(max(codes))\n"
        )
        return Run([], python=wrapper, env=env)

    def one_pdf_per_report(folder: Path, stdout: str, stderr: str) -> str | None:
        reports = sorted((folder / "out").glob("*.docx"))
        pdfs = sorted((folder / "out").glob("*.pdf"))
        if len(reports) != 6 or len(pdfs) != 6:
            return f"{len(reports)} reports and {len(pdfs)} PDFs for 6 builds"
        for pdf in pdfs:
            if pdf.read_text(encoding="utf-8") != pdf.stem:
                return f"{pdf.name} holds the PDF of another report"
        return None

    add("pdf-concurrent-builds-one-name", concurrent_pdf, expect=DRAFT, check=one_pdf_per_report)

    def stopped_in_conversion(sig: int, real: bool) -> Callable[[Path], Run]:
        """A build stopped while LibreOffice converts: a fake one that starts a helper and never
        ends (the signal is sent once it has started), or the real one (sent after 0.8 s)."""

        def setup(folder: Path) -> Run:
            marks = folder / "marks"
            marks.mkdir()
            env = {"MARKS": str(marks), "PYTHONFAULTHANDLER": "1", **INTERRUPTED}
            if not real:
                env.update(_fake_soffice(folder, LINGERS))
            # The wait for the fake to start is bounded, and what happened is logged in the
            # case's folder (marks/log): a run that never reached LibreOffice is told apart from
            # a build that does not stop.
            started = str(marks / "started")
            wait = (
                "time.sleep(0.8)\n"
                if real
                else f"while not os.path.exists({started!r}) and p.poll() is None"
                " and time.monotonic() - t0 < 20: time.sleep(0.05)\n"
            )
            wrapper = (
                "import os, subprocess, sys, time\n"
                "def say(*a):\n"
                f"    with open({str(marks / 'log')!r}, 'a') as log:\n"
                "        print(*a, file=log)\n"
                "t0 = time.monotonic()\n"
                "p = subprocess.Popen([sys.executable, '-m', 'drafter', 'build',"
                f" {str(answers(folder))!r}, '-o', 'out/r.docx', '--pdf'])\n"
                f"{wait}"
                f"say('started', os.path.exists({started!r}), 'exit', p.poll(),"
                " round(time.monotonic() - t0, 2))\n"
                f"p.send_signal({int(sig)})\n"
                "try:\n"
                "    code = p.wait(timeout=15)\n"
                "except subprocess.TimeoutExpired:\n"
                "    say('stuck: dumping its stack')\n"
                "    p.send_signal(6)\n"
                "    code = p.wait()\n"
                "say('ended', code, round(time.monotonic() - t0, 2))\n"
                "sys.exit(code)\n"
            )
            return Run([], python=wrapper, env=env)

        return setup

    def helper_ended(folder: Path, stdout: str, stderr: str) -> str | None:
        helper = folder / "marks" / "helper"
        if helper.exists() and _running(int(helper.read_text().strip())):
            return "LibreOffice's helper process still runs"
        return _no_lingering_office(folder, stdout, stderr)

    for sig in ("SIGTERM", "SIGINT", "SIGHUP"):
        add(
            f"pdf-stopped-in-conversion-{sig.lower()}",
            stopped_in_conversion(getattr(signal, sig), real=False),
            words=("已中断",),
            check=helper_ended,
        )
        if shutil.which("soffice"):
            add(
                f"pdf-real-libreoffice-stopped-{sig.lower()}",
                stopped_in_conversion(getattr(signal, sig), real=True),
                expect={0, 1, 2},
                check=_no_lingering_office,
                seconds=60,
            )
    if shutil.which("soffice"):

        def real_pdf(folder: Path) -> Run:
            return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"])

        add(
            "pdf-real-libreoffice",
            real_pdf,
            expect=DRAFT,
            seconds=120,
            check=lambda f, o, e: (
                None if (f / "报告.pdf").read_bytes().startswith(b"%PDF") else "no PDF"
            ),
        )

    out += input_cases(python)

    # --- outputs: onto inputs by other spellings, odd places --------------------------------
    def dot_spelling(folder: Path) -> Run:
        _keep(folder, text_file(folder, "去年.txt", SEED.read_text(encoding="utf-8")))
        return Run(["import", "去年.txt", "-o", "./sub/../去年.txt", "--force"])

    add(
        "write-import-onto-input-dot-spelling",
        dot_spelling,
        words=("输入文件",),
        check=_protect("去年.txt"),
    )

    def build_symlink_out(folder: Path) -> Run:
        path = _keep(folder, answers(folder))
        (folder / "报告.docx").symlink_to(path)
        return Run(["build", str(path), "-o", "报告.docx", "--force"])

    add(
        "write-build-symlink-onto-answers",
        build_symlink_out,
        words=("输入文件",),
        check=_protect("答卷.yaml"),
    )

    def build_hardlink_out(folder: Path) -> Run:
        path = _keep(folder, answers(folder))
        os.link(path, folder / "报告.docx")
        return Run(["build", str(path), "-o", "报告.docx", "--force"])

    add(
        "write-build-hardlink-onto-answers",
        build_hardlink_out,
        words=("输入文件",),
        check=_protect("答卷.yaml"),
    )

    def pdf_onto_input(folder: Path) -> Run:
        path = _keep(folder, answers(folder, name="报告.pdf"))
        return Run(["build", str(path), "-o", "报告.docx", "--pdf", "--force"])

    add("write-pdf-onto-answers", pdf_onto_input, words=("输入文件",), check=_protect("报告.pdf"))

    def pdf_new_onto_input(folder: Path) -> Run:
        path = _keep(folder, answers(folder, name="报告.pdf"))
        env = _fake_soffice(folder, 'echo "%PDF" > /dev/null; exit 0\n')
        return Run(["build", str(path), "-o", "报告.docx", "--pdf"], env=env)

    add(
        "write-pdf-new-name-beside-answers",
        pdf_new_onto_input,
        expect=DRAFT | {2},
        check=_protect("报告.pdf"),
    )

    def annotate_onto_txt(folder: Path) -> Run:
        report = _keep(folder, text_file(folder, "报告.txt", SEED.read_text(encoding="utf-8")))
        return Run(["check", str(report), "--annotate", str(report), "--force"])

    add(
        "write-annotate-onto-the-txt",
        annotate_onto_txt,
        words=("报告本身",),
        check=_protect("报告.txt"),
    )

    def annotate_onto_txt_docx_name(folder: Path) -> Run:
        report = _keep(folder, text_file(folder, "报告.txt", SEED.read_text(encoding="utf-8")))
        os.link(report, folder / "批注.docx")
        return Run(["check", str(report), "--annotate", "批注.docx", "--force"])

    add(
        "write-annotate-hardlink-to-input",
        annotate_onto_txt_docx_name,
        words=("报告本身",),
        check=_protect("报告.txt"),
    )

    def summary_onto_input(folder: Path) -> Run:
        path = _keep(folder, answers(folder, name="汇总.xlsx"))
        return Run(["summary", str(path), "-o", str(path), "--force"])

    add(
        "write-summary-onto-input",
        summary_onto_input,
        words=("要汇总的文件",),
        check=_protect("汇总.xlsx"),
    )

    def summary_onto_input_in_folder(folder: Path) -> Run:
        (folder / "收").mkdir()
        path = _keep(folder, answers(folder / "收", name="a.yaml"))
        os.link(path, folder / "收" / "汇总.xlsx")
        return Run(
            ["summary", str(folder / "收"), "-o", str(folder / "收" / "汇总.xlsx"), "--force"]
        )

    add(
        "write-summary-hardlink-to-input-in-folder",
        summary_onto_input_in_folder,
        expect={1, 2},
        check=_protect("收/a.yaml"),
    )

    def readonly_folder(folder: Path) -> Run:
        (folder / "只读").mkdir()
        (folder / "只读").chmod(0o555)
        return Run(["build", str(answers(folder)), "-o", "只读/r.docx"], env={"HOME": str(folder)})

    if os.geteuid() != 0:
        add("write-readonly-folder", readonly_folder, words=("权限",))

    def readonly_file_force(folder: Path) -> Run:
        (folder / "r.docx").write_bytes(b"old")
        _keep(folder, folder / "r.docx")
        (folder / "r.docx").chmod(0o444)
        return Run(["build", str(answers(folder)), "-o", "r.docx", "--force"])

    add("write-readonly-file-force", readonly_file_force, expect=DRAFT | {2})

    for label, name in {
        "windows-chars": 'a<b>c:d"e|f?g*h.docx',
        "trailing-dot-space": "报告. .docx",
        "reserved-name": "CON.docx",
        "only-extension": ".docx",
        "newline": "报\n告.docx",
        "bidi": "报告\u202excod.docx",
        "dash-name": "-报告.docx",
        "trailing-slash-new": "新文件夹/",
        "dot": ".",
    }.items():
        add(
            f"write-odd-name-{label}",
            lambda f, n=name: Run(["build", str(answers(f)), "-o", n]),
            expect=DRAFT | {2},
        )
    add("write-empty-name", lambda f: Run(["build", str(answers(f)), "-o", ""]), expect={2})
    add("write-empty-name-import", lambda f: Run(["import", str(SEED), "-o", ""]), expect={2})

    def parent_is_file_deep(folder: Path) -> Run:
        (folder / "f").write_text("x", encoding="utf-8")
        return Run(["summary", str(SEED), "-o", "f/a/b/汇总.xlsx"])

    add("write-summary-parent-is-file", parent_is_file_deep, words=("文件",))

    def annotate_parent_is_file(folder: Path) -> Run:
        (folder / "f").write_text("x", encoding="utf-8")
        return Run(["check", str(SEED), "--annotate", "f/批注.docx"])

    add("write-annotate-parent-is-file", annotate_parent_is_file, expect={2}, words=("文件",))

    def demo_parent_is_file(folder: Path) -> Run:
        (folder / "f").write_text("x", encoding="utf-8")
        return Run(["demo", "-o", "f/演示.docx"])

    add("write-demo-parent-is-file", demo_parent_is_file, expect={2}, words=("文件",))

    # --- batch build ------------------------------------------------------------------------
    def batch(jobs: str, same: bool = False) -> Callable[[Path], Run]:
        def setup(folder: Path) -> Run:
            one = answers(folder, name="一.yaml")
            two = one if same else answers(folder, name="二.yaml")
            return Run(["build", str(one), str(two), "-o", "出", "--jobs", jobs])

        return setup

    add("batch-jobs-zero", batch("0"), expect={1, 2})
    add("batch-jobs-negative", batch("-3"), expect={2})
    add("batch-jobs-word", batch("很多"), expect={2})
    add("batch-jobs-huge", batch("100000"), expect=DRAFT, seconds=60)
    add("batch-same-file-twice", batch("2", same=True), expect=DRAFT | {2})

    def batch_out_is_file(folder: Path) -> Run:
        (folder / "出").write_text("x", encoding="utf-8")
        _keep(folder, folder / "出")
        return Run(
            [
                "build",
                str(answers(folder, name="一.yaml")),
                str(answers(folder, name="二.yaml")),
                "-o",
                "出",
            ]
        )

    add("batch-output-is-a-file", batch_out_is_file, expect={2}, check=_protect("出"))

    def batch_force_onto_input(folder: Path) -> Run:
        out = folder / "出"
        out.mkdir()
        # An answers file saved under the name its report gets: --force must not replace it.
        one = answers(out, name="俄久乡2024年度法治政府建设情况报告.docx")
        _keep(out, one)
        two = answers(folder, name="二.yaml")
        return Run(["build", str(one), str(two), "-o", str(out), "--force"])

    add(
        "batch-force-onto-an-input",
        batch_force_onto_input,
        expect={1, 2},
        check=_protect("出/俄久乡2024年度法治政府建设情况报告.docx"),
    )

    def batch_folder_junk(folder: Path) -> Run:
        src = folder / "收"
        src.mkdir()
        answers(src, name="好.yaml")
        text_file(src, "坏.yaml", "identity: [\n")
        text_file(src, "空.yaml", "")
        (src / "夹.yaml").mkdir()
        os.mkfifo(src / "管.yaml")
        (src / "环.yaml").symlink_to(src / "环.yaml")
        (src / "断.yaml").symlink_to(folder / "没有")
        return Run(["build", str(src), "-o", "出"])

    add("batch-folder-with-junk", batch_folder_junk, expect={1}, seconds=30)

    # --- summary over junk ------------------------------------------------------------------
    def summary_junk(folder: Path) -> Run:
        src = folder / "收"
        src.mkdir()
        answers(src, name="好.yaml")
        shutil.copy(SEED, src / "报告.txt")
        text_file(src, "坏.yaml", "identity: [\n")
        text_file(src, "零.docx", "")
        text_file(src, "乱.docx", "不是 zip")
        (src / "夹.docx").mkdir()
        os.mkfifo(src / "管.txt")
        (src / "环").symlink_to(src, target_is_directory=True)
        (src / "环2.txt").symlink_to(src / "环2.txt")
        (src / "断.yaml").symlink_to(folder / "没有")
        (src / "~$报告.docx").write_bytes(b"owner")
        text_file(src, "说明.md", "不是报告")
        noread = text_file(src, "锁.txt", "开展普法宣传")
        noread.chmod(0)
        return Run(["summary", str(src), "-o", "汇总.xlsx"])

    add("summary-folder-with-junk", summary_junk, expect={1}, seconds=60)

    def summary_self_loop(folder: Path) -> Run:
        src = folder / "收"
        src.mkdir()
        answers(src, name="好.yaml")
        (src / "子").mkdir()
        (src / "子" / "回").symlink_to(src, target_is_directory=True)
        return Run(["summary", str(src), str(src / "子"), str(src), "-o", "汇总.xlsx"])

    add("summary-folder-loops-and-repeats", summary_self_loop, expect={0, 1}, seconds=30)

    def many_files(count: int, where: str = "收") -> Callable[[Path], Run]:
        def setup(folder: Path) -> Run:
            src = folder / where
            src.mkdir(parents=True)
            for n in range(count):
                (src / f"{n}.yaml").write_text("x: 1\n", encoding="utf-8")
            return Run(["summary", str(folder / "收"), str(folder / "收"), "-o", "汇总.xlsx"])

        return setup

    add("summary-2000-files", many_files(2000), expect={2}, words=("太多",), seconds=10)
    add(
        "summary-60000-entries",
        many_files(60_000, "收/深"),
        expect={2},
        words=("太多",),
        seconds=20,
    )
    add(
        "summary-only-junk",
        lambda f: Run(["summary", str(text_file(f, "x.md", "x")), "-o", "汇总.xlsx"]),
        expect={2},
    )
    add(
        "summary-expect-binary",
        lambda f: Run(
            [
                "summary",
                str(SEED),
                "--expect",
                str(raw_file(f, "名单.txt", bytes(range(256)) * 10)),
                "-o",
                "s.xlsx",
            ]
        ),
        expect={1, 2},
    )
    add(
        "summary-expect-huge",
        lambda f: Run(
            [
                "summary",
                str(SEED),
                "--expect",
                str(text_file(f, "名单.txt", "某某乡\n" * 2_000_000)),
                "-o",
                "s.xlsx",
            ]
        ),
        expect={1, 2},
        seconds=30,
    )
    add(
        "summary-year-odd",
        lambda f: Run(["summary", str(SEED), "--year", "１e309", "-o", "s.xlsx"]),
        expect={2},
    )

    # --- interrupted mid-write --------------------------------------------------------------
    for sig in ("SIGINT", "SIGTERM", "SIGHUP"):
        for delay in (0.15, 0.2, 0.25, 0.3, 0.35):
            for command in ("build", "import", "summary", "batch"):
                add(
                    f"signal-{sig.lower()}-{command}-{delay}",
                    _signalled(command, getattr(signal, sig), delay),
                    expect={0, 1, 2},
                    seconds=30,
                    check=_no_partial,
                )
    return out


# --------------------------------------------------------------------------- helpers


def _signalled(command: str, sig: int, delay: float) -> Callable[[Path], Run]:
    """A run killed by ``sig`` after ``delay`` seconds (a wrapper script sends it)."""

    def setup(folder: Path) -> Run:
        path = answers(folder)
        _keep(folder, path)
        args = {
            "build": ["build", str(path), "-o", "out/报告.docx", "--force"],
            "import": ["import", str(SEED), "-o", str(path), "--force"],
            "summary": ["summary", str(path), str(SEED), "-o", "out/汇总.xlsx"],
            "batch": ["build", *_copies(folder, path, 6), "-o", "out", "--jobs", "3"],
        }[command]
        # The wrapper passes the output on. Killed by the signal after its work was done (the
        # interpreter's shutdown restores the default handlers) counts as finished: exit 0.
        script = (
            "import subprocess, sys, time\n"
            f"p = subprocess.Popen([sys.executable, '-m', 'drafter', *{args!r}],"
            " stdout=subprocess.PIPE)\n"
            f"time.sleep({delay})\n"
            f"p.send_signal({int(sig)})\n"
            "out = p.communicate()[0]\n"
            "sys.stdout.buffer.write(out)\n"
            "done = any(w.encode() in out for w in ('已生成', '已导入', '已写出', '份答卷：生成'))\n"
            "code = p.returncode\n"
            "sys.exit(0 if done and code not in (0, 1, 2) else code if code >= 0 else 128 - code)\n"
        )
        return Run([], python=script, env=INTERRUPTED)

    return setup


def _copies(folder: Path, path: Path, count: int) -> list[str]:
    names = []
    for n in range(count):
        copy = folder / "批" / f"{n}.yaml"
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(path, copy)
        names.append(str(copy))
    return names


def _no_partial(folder: Path, stdout: str, stderr: str) -> str | None:
    if (folder / "答卷.yaml").exists():
        text = (folder / "答卷.yaml").read_bytes()
        if not text:
            return "answers emptied"
    out = folder / "out"
    for path in out.rglob("*") if out.exists() else []:
        if path.is_file() and not path.stat().st_size:
            return f"empty {path.name}"
        if path.name.startswith(".") or path.suffix == ".tmp":
            return f"temp file left: {path.name}"
    for path in folder.glob(".*"):
        return f"temp file left: {path.name}"
    if "Traceback" in stderr:
        return "traceback"
    if stderr.strip() and not any("\u4e00" <= ch <= "\u9fff" for ch in stderr):
        return "message not in Chinese"
    return None
