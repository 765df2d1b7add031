"""The hostile battery's second round, inputs: answers files with odd YAML, odd encodings and
values of the wrong type at every level; .docx files that are odd zips or other formats renamed;
answer texts with odd characters. Imported by ``benchmarks/hostile_more.py``.
"""

from __future__ import annotations

import re
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


def input_cases(python: str) -> list[Case]:
    out: list[Case] = []

    def add(name: str, setup: Callable[[Path], Run], **kw: Any) -> None:
        out.append(Case(name, setup, **kw))

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
        "schema-version-str": (re.sub(r"schema_version: \d+", "schema_version: 一", text), {2}, ()),
        "schema-version-huge": (
            re.sub(r"schema_version: \d+", "schema_version: 99999999999999999999", text),
            {2},
            (),
        ),
        "schema-version-neg": (re.sub(r"schema_version: \d+", "schema_version: -1", text), {2}, ()),
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
    # An import's answers file must read back: texts with YAML's own line breaks or YAML syntax.
    seed = SEED.read_text(encoding="utf-8").split("\n")
    for label, lines in {
        "nel": ["开展普法\x85宣传活动。"],
        "line-separator": ["召开\u2028专题会议。"],
        "paragraph-separator": ["成立\u2029领导小组。"],
        "yaml-syntax": ["---", "...", "# 井号。", "- 列表。", "? 问号。", "%YAML 1.1", "&a *b"],
    }.items():

        def roundtrip(folder: Path, lines: list[str] = lines) -> Run:
            report = text_file(folder, "去年.txt", "\n".join(seed[:15] + lines + seed[15:]))
            script = (
                "import subprocess, sys\n"
                "run = lambda *a: subprocess.run([sys.executable, '-m', 'drafter', *a]).returncode\n"
                f"code = run('import', {str(report)!r}, '-o', '导入.yaml')\n"
                "sys.exit(code or run('build', '导入.yaml', '-o', 'r.docx'))\n"
            )
            return Run([], python=script)

        add(f"answers-import-then-build-{label}", roundtrip, expect=DRAFT)
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
        "txt-lone-surrogate-bytes": lambda f: raw_file(
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

    return out


def raw_file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _ole_file(folder: Path, name: str) -> Path:
    return raw_file(folder, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)


def _gzip(folder: Path, name: str) -> Path:
    import gzip

    return raw_file(folder, name, gzip.compress("开展普法宣传".encode()))


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
