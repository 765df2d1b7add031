"""The hostile battery's second round: cases of the same classes that the first did not have.

Imported by ``benchmarks/hostile.py`` (``cases()`` appends :func:`more_cases`); run it from there.
Classes: county templates stating figures in words or other digits; ``--pdf`` onto taken names and
with a broken or missing LibreOffice; answers files with odd YAML, odd encodings and values of the
wrong type; .docx files that are odd zips or other formats renamed; outputs onto inputs by other
spellings, read-only folders, odd names; ``summary`` over junk; answer texts with odd characters;
SIGINT/SIGTERM in the middle of a write.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile import (
    DOC,
    DRAFT,
    EXAMPLE,
    SEED,
    Case,
    Run,
    answers,
    answers_with,
    build_with,
    docx_of,
    para,
    paragraphs,
    real_docx,
    text_file,
    with_document,
)

CHECKED = {1, 2}
"""``check`` of a report: 1 (findings) or 2 (refused); never 0 for these, never 3."""


def _yaml(text: str) -> Callable[[Path], Run]:
    return lambda f: Run(["build", str(text_file(f, "答卷.yaml", text)), "-o", "r.docx"])


def _replace(old: str, new: str, count: int = 1) -> Callable[[Path], Run]:
    def setup(folder: Path) -> Run:
        path = answers(folder, lambda t: t.replace(old, new, count))
        return Run(["build", str(path), "-o", "r.docx"])

    return setup


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

    add("pdf-name-taken-meanwhile", pdf_appears, expect={2}, words=("PDF",), check=theirs_kept)

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

    add(
        "pdf-libreoffice-fails",
        pdf_fails,
        words=("Word 报告已生成", "PDF"),
        check=docx_kept,
    )

    def pdf_not_executable(folder: Path) -> Run:
        _fake_soffice(folder, "exit 0\n")
        (folder / "bin" / "soffice").chmod(0o644)
        env = {"PATH": f"{folder / 'bin'}:{Path(python).parent}"}
        return Run(["build", str(answers(folder)), "-o", "报告.docx", "--pdf"], env=env)

    add(
        "pdf-libreoffice-not-executable",
        pdf_not_executable,
        words=("Word 报告已生成",),
        check=docx_kept,
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

    # --- answers files: odd YAML ------------------------------------------------------------
    text = EXAMPLE.read_text(encoding="utf-8")
    yaml_cases: dict[str, tuple[str, set[int], tuple[str, ...]]] = {
        "duplicate-key": (
            text.replace("  county: 尼玛县\n", "  county: 尼玛县\n  county: 双湖县\n"),
            {2},
            ("county",),
        ),
        "duplicate-section": (text + "\nidentity:\n  unit_name: 甲乡\n", {2}, ("identity",)),
        "anchor-alias": (
            text.replace("  county: 尼玛县\n", "  county: &c 尼玛县\n").replace(
                "  leadership: 在县委", "  leadership: 在县委"
            ),
            DRAFT,
            (),
        ),
        "merge-key": (
            text.replace("identity:\n", "base: &b {county: 尼玛县}\nidentity:\n  <<: *b\n", 1),
            DRAFT | {2},
            (),
        ),
        "python-object-tag": (
            text.replace("  county: 尼玛县", "  county: !!python/object:os.system x"),
            {2},
            ("标签",),
        ),
        "custom-tag": (
            text.replace("  county: 尼玛县", "  county: !county 尼玛县"),
            {2},
            ("标签",),
        ),
        "binary-tag": (text.replace("  county: 尼玛县", "  county: !!binary aGVsbG8="), {2}, ()),
        "set-tag": (text.replace("  county: 尼玛县", "  county: !!set {a, b}"), {2}, ()),
        "omap": (text.replace("  county: 尼玛县", "  county: !!omap [a: 1]"), {2}, ()),
        "bom-utf8": ("\ufeff" + text, DRAFT, ()),
        "utf16-le-no-bom": (text, DRAFT | {2}, ()),
        "crlf": (text.replace("\n", "\r\n"), DRAFT, ()),
        "cr-only": (text.replace("\n", "\r"), DRAFT | {2}, ()),
        "nul-bytes": (text.replace("  county: 尼玛县", "  county: 尼\x00玛县"), {2}, ("二进制",)),
        "year-1e309": (text.replace("year: 2024", "year: 1e309"), {2}, ("year",)),
        "year-inf": (text.replace("year: 2024", "year: .inf"), {2}, ("year",)),
        "year-nan": (text.replace("year: 2024", "year: .nan"), {2}, ("year",)),
        "year-neg-zero": (text.replace("year: 2024", "year: -0"), {2}, ("year",)),
        "year-hex": (text.replace("year: 2024", "year: 0x7e8"), DRAFT | {2}, ()),
        "year-octal": (text.replace("year: 2024", "year: 0o3750"), DRAFT | {2}, ()),
        "year-fullwidth": (text.replace("year: 2024", "year: ２０２４"), DRAFT | {2}, ()),
        "year-chinese": (text.replace("year: 2024", "year: 二〇二四"), {2}, ("year",)),
        "year-huge": (text.replace("year: 2024", "year: " + "9" * 290), {2}, ("year",)),
        "year-float": (text.replace("year: 2024", "year: 2024.5"), {2}, ("year",)),
        "year-bool": (text.replace("year: 2024", "year: true"), {2}, ("year",)),
        "year-date": (text.replace("year: 2024", "year: 2024-01-01"), {2}, ("year",)),
        "year-list": (text.replace("year: 2024", "year: [2024]"), {2}, ("year",)),
        "figure-1e309": (text.replace("  activities:", "  activities: 1e309 #", 1), {2}, ()),
        "figure-negative": (text.replace("  activities:", "  activities: -5 #", 1), {2}, ()),
        "figure-huge": (
            text.replace("  activities:", "  activities: " + "9" * 280 + " #", 1),
            {1, 2},
            (),
        ),
        "figure-fullwidth-str": (
            text.replace("  activities:", "  activities: '１２' #", 1),
            DRAFT | {2},
            (),
        ),
        "figure-nan": (text.replace("  activities:", "  activities: .nan #", 1), {2}, ()),
        "figure-list": (text.replace("  activities:", "  activities: [1, 2] #", 1), {2}, ()),
        "figure-map": (text.replace("  activities:", "  activities: {a: 1} #", 1), {2}, ()),
        "top-list": ("- 1\n- 2\n", {2}, ()),
        "top-scalar": ("俄久乡\n", {2}, ()),
        "top-null": ("~\n", {2}, ()),
        "section-list": (
            text.replace("opening:\n", "opening: [1, 2]\nxopening:\n", 1),
            {2},
            ("opening",),
        ),
        "section-scalar": (
            text.replace("opening:\n", "opening: 文字\nxopening:\n", 1),
            {2},
            ("opening",),
        ),
        "measures-map": (
            text.replace(
                "  measures:\n    - heading: 健全领导机制",
                "  measures:\n    x:\n      heading: 健全领导机制",
                1,
            ),
            {2},
            (),
        ),
        "measure-scalar": (
            text.replace(
                "    - heading: 健全领导机制\n", "    - 文字\n    - heading: 健全领导机制\n", 1
            ),
            DRAFT | {2},
            (),
        ),
        "measure-text-int": (
            text.replace(
                "    - heading: 完善制度体系\n      text:",
                "    - heading: 完善制度体系\n      text: 12\n      x:",
                1,
            ),
            DRAFT | {2},
            (),
        ),
        "measure-text-list": (
            text.replace(
                "    - heading: 完善制度体系\n      text:",
                "    - heading: 完善制度体系\n      text: [a, b]\n      x:",
                1,
            ),
            {2},
            (),
        ),
        "key-int": (text.replace("identity:\n", "identity:\n  1: 一\n", 1), DRAFT | {2}, ()),
        "key-null": (text.replace("identity:\n", "identity:\n  ~: 一\n", 1), DRAFT | {2}, ()),
        "key-list": (
            text.replace("identity:\n", "identity:\n  ? [a, b]\n  : 一\n", 1),
            DRAFT | {2},
            (),
        ),
        "key-top-int": ("1: 一\n" + text, DRAFT | {2}, ()),
        "key-top-map": ("? {a: 1}\n: 一\n" + text, DRAFT | {2}, ()),
        "signers-map": (
            text.replace("  signers:\n    - 尼玛县俄久乡人民政府", "  signers: {a: b}"),
            {2},
            (),
        ),
        "signers-nested": (
            text.replace("    - 尼玛县俄久乡人民政府", "    - [尼玛县俄久乡人民政府]"),
            {2},
            (),
        ),
        "deep-map": (
            text + "x:" + "".join("\n" + "  " * i + f"k{i}:" for i in range(1, 300)) + " 1\n",
            {2},
            ("嵌套",),
        ),
        "schema-version-str": (text.replace("schema_version: 1", "schema_version: 一"), {2}, ()),
        "schema-version-huge": (
            text.replace("schema_version: 1", "schema_version: 99999999999999999999"),
            {2},
            (),
        ),
        "schema-version-neg": (text.replace("schema_version: 1", "schema_version: -1"), {2}, ()),
        "document-markers": ("---\n" + text + "\n---\nidentity: {}\n", {2}, ()),
        "directive": ("%YAML 1.1\n%TAG ! tag:evil.com,2000:\n---\n" + text, DRAFT | {2}, ()),
        "tab-indent": (text.replace("  county: 尼玛县", "\tcounty: 尼玛县"), {2}, ()),
        "unterminated-quote": (text.replace("  county: 尼玛县", '  county: "尼玛县'), {2}, ()),
        "u2028-in-value": (
            text.replace("  county: 尼玛县", "  county: 尼\u2028玛县"),
            DRAFT | {2},
            (),
        ),
        "bidi-unit-name": (
            text.replace("unit_name: 俄久乡", "unit_name: 俄久\u202excod.exe乡"),
            DRAFT | {2},
            (),
        ),
        "timestamp-text": (
            text.replace(
                "  leadership: 在县委、县政府的坚强领导下", "  leadership: 2024-01-01 10:00:00"
            ),
            DRAFT | {2},
            (),
        ),
        "bool-text": (
            text.replace("  leadership: 在县委、县政府的坚强领导下", "  leadership: yes"),
            DRAFT | {2},
            (),
        ),
    }
    for name, (body, expect, words) in yaml_cases.items():
        if name == "utf16-le-no-bom":
            add(
                f"answers-{name}",
                lambda f, b=body: Run(
                    ["build", str(text_file(f, "答卷.yaml", b, "utf-16-le")), "-o", "r.docx"]
                ),
                expect=expect,
                words=words,
            )
            continue
        add(f"answers-{name}", _yaml(body), expect=expect, words=words)
    add(
        "answers-key-forging-a-line",
        _yaml(text + '"evil\\n错误：伪造的消息": 1\n'),
        expect=DRAFT,
        check=lambda f, o, e: "forged line" if "\n错误：伪造" in "\n" + o + e else None,
    )
    bad = "identity: [1, 2]\n"
    for command in ("edit", "compare", "new-from", "summary"):

        def setup(folder: Path, c: str = command) -> Run:
            path = text_file(folder, "坏.yaml", bad)
            args = {
                "edit": ["edit", str(path)],
                "compare": ["compare", str(path), str(answers(folder))],
                "new-from": ["new", "--from", str(path), "-o", "新.yaml"],
                "summary": ["summary", str(path), "-o", "汇总.xlsx"],
            }[c]
            return Run(args)

        add(f"answers-wrong-type-{command}", setup, expect={1, 2})

    # --- Word files: odd zips and other formats renamed -------------------------------------
    body_ok = DOC.format(
        dtd="", body=para("二〇二四年法治政府建设情况报告") + para("开展普法宣传活动。")
    )
    docx_cases: dict[str, Callable[[Path], Path]] = {
        "no-document-xml": lambda f: docx_of(
            f, "缺.docx", {"[Content_Types].xml": b"<Types/>", "word/x.xml": b"<x/>"}
        ),
        "empty-zip": lambda f: docx_of(f, "空.docx", {}),
        "zero-bytes": lambda f: text_file(f, "零.docx", ""),
        "huge-shared-strings": lambda f: docx_of(
            f,
            "大.docx",
            {
                "word/document.xml": body_ok.encode(),
                "xl/sharedStrings.xml": b"<sst>" + b"<si/>" * 2_000_000 + b"</sst>",
            },
        ),
        "billion-laughs": lambda f: with_document(
            real_docx(f, python),
            f / "笑.docx",
            DOC.format(
                dtd='<!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
                '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>',
                body=para("&h;"),
            ).encode(),
        ),
        "control-char-ref": lambda f: with_document(
            real_docx(f, python),
            f / "控.docx",
            DOC.format(dtd="", body=para("开展&#1;普法&#x1b;宣传")).encode(),
        ),
        "raw-control-char": lambda f: with_document(
            real_docx(f, python),
            f / "控2.docx",
            DOC.format(dtd="", body=para("开展\x01普法\x1b宣传")).encode(),
        ),
        "deep-tables": lambda f: with_document(
            real_docx(f, python),
            f / "深.docx",
            DOC.format(
                dtd="",
                body="<w:tbl><w:tr><w:tc>" * 3000 + para("文字") + "</w:tc></w:tr></w:tbl>" * 3000,
            ).encode(),
        ),
        "deep-elements": lambda f: with_document(
            real_docx(f, python),
            f / "深2.docx",
            DOC.format(
                dtd="",
                body="<w:sdt><w:sdtContent>" * 5000
                + para("文字")
                + "</w:sdtContent></w:sdt>" * 5000,
            ).encode(),
        ),
        "gbk-declared": lambda f: with_document(
            real_docx(f, python),
            f / "码.docx",
            DOC.format(dtd="", body=para("开展普法宣传"))
            .replace('encoding="UTF-8"', 'encoding="GBK"')
            .encode("gbk"),
        ),
        "utf16-document": lambda f: with_document(
            real_docx(f, python),
            f / "码2.docx",
            DOC.format(dtd="", body=para("开展普法宣传"))
            .replace('encoding="UTF-8"', 'encoding="UTF-16"')
            .encode("utf-16"),
        ),
        "not-xml": lambda f: with_document(
            real_docx(f, python), f / "坏.docx", b"\xff\xfe garbage <<<"
        ),
        "duplicate-members": lambda f: _duplicate_members(f, body_ok),
        "zip-crypto-member": lambda f: _encrypted_member(f),
        "odt-renamed": lambda f: docx_of(
            f,
            "表.docx",
            {
                "mimetype": b"application/vnd.oasis.opendocument.text",
                "content.xml": b"<office:document-content/>",
            },
        ),
        "xlsx-renamed": lambda f: docx_of(
            f, "表2.docx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
        ),
        "pdf-renamed": lambda f: text_file(
            f, "文.docx", "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin-1"
        ),
        "wps-renamed": lambda f: _ole_file(f, "文.docx"),
        "html-renamed": lambda f: text_file(
            f, "网页.docx", "<html><body><p>开展普法宣传</p></body></html>"
        ),
        "rtf-renamed": lambda f: text_file(f, "富.docx", "{\\rtf1\\ansi 开展普法宣传}"),
        "gzip-renamed": lambda f: _gzip(f, "压.docx"),
        "doc-named-doc": lambda f: _ole_file(f, "旧.doc"),
        "wps-named-wps": lambda f: _ole_file(f, "旧.wps"),
        "pdf-named-pdf": lambda f: text_file(f, "文.pdf", "%PDF-1.4\n%%EOF\n", "latin-1"),
        "odt-named-odt": lambda f: docx_of(
            f, "表.odt", {"mimetype": b"application/vnd.oasis.opendocument.text"}
        ),
        "folder-named-docx": lambda f: _folder(f, "夹.docx"),
        "docx-symlink-loop": lambda f: _loop(f, "环.docx"),
        "broken-symlink": lambda f: _dangling(f, "断.docx"),
        "txt-utf16-no-bom": lambda f: text_file(
            f, "r.txt", SEED.read_text(encoding="utf-8"), "utf-16-le"
        ),
        "txt-gb18030": lambda f: text_file(f, "r.txt", SEED.read_text(encoding="utf-8"), "gb18030"),
        "txt-big5": lambda f: text_file(f, "r.txt", "開展普法宣傳活動。\n" * 50, "big5"),
        "txt-nul-bytes": lambda f: text_file(f, "r.txt", "开展普法\x00宣传活动。\n" * 50),
        "txt-only-whitespace": lambda f: text_file(f, "r.txt", " \n\u3000\n\t\n" * 100),
        "txt-u2028": lambda f: text_file(
            f, "r.txt", "开展普法宣传活动。\u2028召开会议。\u2029" * 100
        ),
        "txt-rtl-combining": lambda f: text_file(
            f, "r.txt", "开展\u202e普法\u0301\u0301宣传\u200f活动。\n" * 100
        ),
        "txt-lone-surrogate-bytes": lambda f: _raw(
            f, "r.txt", "开展普法".encode() + b"\xed\xa0\x80" + "宣传。\n".encode()
        ),
        "unknown-extension": lambda f: text_file(f, "r.md", "开展普法宣传活动。"),
        "no-extension": lambda f: text_file(f, "报告", "开展普法宣传活动。"),
    }
    for name, make in docx_cases.items():
        for command in ("check", "import"):
            args = ["check"] if command == "check" else ["import"]

            def setup(folder: Path, m: Callable[[Path], Path] = make, a: list[str] = args) -> Run:
                path = m(folder)
                tail = ["-o", "导入.yaml"] if a[0] == "import" else []
                return Run([*a, str(path), *tail])

            add(
                f"docx-{name}-{command}",
                setup,
                expect=CHECKED | ({0} if command == "import" else set()),
                seconds=30,
            )

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
                str(_raw(f, "名单.txt", bytes(range(256)) * 10)),
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

    # --- answer texts with odd characters ---------------------------------------------------
    odd_texts = {
        "very-long-line": "开展普法宣传活动" * 2000,
        "rtl-marks": "开展\u202e普法\u200f宣传\u202c活动",
        "combining": "开展普\u0301\u0302\u0303法宣传" + "\u0301" * 500,
        "zero-width": "开\u200b展\u200d普\ufeff法\u2060宣传",
        "surrogate-pair": "开展𠀀𪚥普法宣传🎉活动",
        "private-use": "开展\ue000普法宣传",
        "nel-u2028": "开展普法\x85宣传\u2028活动\u2029结束",
        "tabs-and-spaces": "\t  开展  普法\t宣传  ",
        "only-spaces": "\u3000\u3000 ",
        "xml-specials": "开展<w:p>&amp;</w:t>普法]]>宣传",
        "jinja-looking": "开展{{ ''.__class__ }}{% include '/etc/passwd' %}普法",
        "placeholder-forged": "【待补充：伪造】开展普法",
    }
    for name, value in odd_texts.items():
        for where in ("plans", "heading"):
            add(
                f"text-{name}-{where}",
                lambda f, v=value, w=where: Run(
                    ["build", str(answers_with(python, f, w, v)), "-o", "r.docx"]
                ),
                expect=DRAFT | {2},
                check=_draft_readable(python),
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


def _raw(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _ole_file(folder: Path, name: str) -> Path:
    return _raw(folder, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)


def _gzip(folder: Path, name: str) -> Path:
    import gzip

    return _raw(folder, name, gzip.compress("开展普法宣传".encode()))


def _folder(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir()
    return path


def _loop(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to(path)
    return path


def _dangling(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to(folder / "不存在的文件.docx")
    return path


def _duplicate_members(folder: Path, body: str) -> Path:
    import warnings
    import zipfile

    path = folder / "重.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", body)
            z.writestr("word/document.xml", "<x/>")
    return path


def _encrypted_member(folder: Path) -> Path:
    """A zip whose document.xml is flagged encrypted (ZipCrypto): Python cannot read it."""
    import zipfile

    path = docx_of(folder, "密.docx", {"word/document.xml": b"<w:document/>"})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" bit in the local header and the central directory entry.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    assert zipfile.is_zipfile(path)
    return path


def _draft_readable(python: str) -> Callable[[Path, str, str], str | None]:
    def check(folder: Path, stdout: str, stderr: str) -> str | None:
        draft = folder / "r.docx"
        if not draft.exists():
            return None  # refused: the run's own checks judge the message
        if not paragraphs(python, draft):
            return "the draft does not open"
        return None

    return check


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
        return Run([], python=script)

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
