"""``drafter check REPORT --annotate OUT.docx``: comments on the exact text, nothing else changed.

Each test opens the annotated copy's XML (tests/docx_inspect.py, written independently of the
anchoring code) and asserts: one comment per error and warning, each comment's range covers exactly
the finding's excerpt, the text and every run's formatting are as before, tracked changes, fields,
sections, header/footer and earlier comments are kept, and the report's bytes are unchanged.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from drafter.annotate import DEFAULT_AUTHOR, annotate_report
from drafter.checks import Finding, rule_name, run_checks
from drafter.checks.base import Grouped, group_findings
from drafter.docx.pdf import find_soffice
from drafter.errors import DrafterError
from drafter.reader import read_blocks
from tests import docx_inspect as inspect_docx
from tests import tricky_docx
from tests.conftest import SEEDS, run_drafter
from tests.test_reader import write_docx

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FLAWED = FIXTURES / "check_zhen_2025_flawed.txt"
SEED_FILES = sorted(SEEDS.glob("0*.txt"))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in ("error", "warning")]


def texts(path: Path) -> list[str]:
    """The report's text block by block, spaces and line breaks aside."""
    return ["".join(b.full_text.split()) for b in read_blocks(path)]


def by_paragraph(findings: list[Finding], blocks: list[Any]) -> dict[int, list[Grouped]]:
    """The comments a copy should have: findings grouped as a reviewer reads them, each on the
    paragraph of its first place (the title for the whole document), one comment a paragraph."""
    title = next((i for i, b in enumerate(blocks) if b.kind == "title"), 0)
    out: dict[int, list[Grouped]] = {}
    for group in group_findings(findings):
        out.setdefault(group.paragraph if group.paragraph >= 0 else title, []).append(group)
    return dict(sorted(out.items()))


def assert_anchored(out: Path, findings: list[Finding], *, skip: int = 0) -> None:
    """At most one new comment per paragraph, in order, carrying every finding first found
    there: one finding's comment covers exactly its excerpt (a finding without an excerpt: the
    title), several findings' from the first excerpt to the last. ``skip`` earlier comments
    come first."""
    comments = inspect_docx.comments(out)[skip:]
    anchored = inspect_docx.commented_texts(out)
    blocks = read_blocks(out)
    expected = by_paragraph(findings, blocks)
    assert len(comments) == len(expected)
    title = blocks[0].full_text
    for comment, groups in zip(comments, expected.values(), strict=True):
        assert comment["author"] == DEFAULT_AUTHOR
        for group in groups:
            assert rule_name(group.rule) in comment["text"]
            assert group.message in comment["text"]
        text = anchored[comment["id"]].rstrip("\n")
        excerpts = [g.excerpt for g in groups if g.excerpt and g.paragraph >= 0]
        if len(groups) == 1 and excerpts:
            assert text == excerpts[0], (groups, text)
        elif excerpts:
            assert all(e in text for e in excerpts), (groups, text)
        else:
            assert text == title
    # Every comment has its range and its reference in the body.
    assert sorted(inspect_docx.references(out)) == sorted(
        c["id"] for c in inspect_docx.comments(out)
    )


def comment_count(findings: list[Finding], report: Path) -> int:
    return len(by_paragraph(findings, read_blocks(report)))


# --------------------------------------------------------------------------- .txt


def test_txt_becomes_a_commented_docx(tmp_path: Path) -> None:
    report = tmp_path / "红旗镇报告.txt"
    shutil.copy(FLAWED, report)
    before = sha(report)
    out = tmp_path / "审核意见.docx"
    result = annotate_report(report, out)
    findings = serious(run_checks(read_blocks(report)))
    assert len(findings) >= 8
    assert result.path == out and set(result.commented) == set(group_findings(findings))
    assert not result.inexact
    assert_anchored(out, findings)
    assert texts(out) == texts(report)
    assert sha(report) == before
    # The copy is drafter's GB/T 9704 layout: the title in the Title style.
    assert inspect_docx.body(out).find(".//{*}pStyle").get(inspect_docx.W + "val") == "Title"


# --------------------------------------------------------------------------- tricky .docx


@pytest.fixture
def tricky(tmp_path: Path) -> Path:
    return tricky_docx.build(tmp_path / "红旗镇报告.docx")


def test_tricky_docx_keeps_everything(tricky: Path, tmp_path: Path) -> None:
    before = sha(tricky)
    out = tmp_path / "out.docx"
    result = annotate_report(tricky, out)
    findings = serious(run_checks(read_blocks(tricky)))
    rules = {f.rule for f in findings}
    assert {"unit-mismatch", "outdated-term", "figure-impossible", "year-mismatch"} <= rules
    assert not result.inexact
    assert_anchored(out, findings, skip=1)
    # The earlier comment is still there, on its text.
    earlier = inspect_docx.comments(out)[0]
    assert (earlier["author"], earlier["text"]) == ("张三", "请补充具体表现。")
    assert inspect_docx.commented_texts(out)[earlier["id"]].rstrip() == "一是学法不够深入。"
    # Text, every character's formatting and tracked change, fields, sections: unchanged.
    assert inspect_docx.formatted_chars(out) == inspect_docx.formatted_chars(tricky)
    assert texts(out) == texts(tricky)
    for tag in ("ins", "del", "hyperlink", "fldChar", "instrText", "sectPr", "numPr", "tbl"):
        assert inspect_docx.count(out, tag) == inspect_docx.count(tricky, tag), tag
    for part in ("word/header1.xml", "word/footer1.xml", "word/numbering.xml", "word/styles.xml"):
        original = inspect_docx.part_xml(tricky, part)
        copy = inspect_docx.part_xml(out, part)
        if original is None:
            assert copy is None
        else:
            assert copy is not None and inspect_docx.etree.tostring(
                copy, method="c14n"
            ) == inspect_docx.etree.tostring(original, method="c14n")
    # Every part of the original is in the copy (comments.xml is added or extended).
    with zipfile.ZipFile(tricky) as original, zipfile.ZipFile(out) as annotated:
        assert set(original.namelist()) <= set(annotated.namelist())
    assert sha(tricky) == before


def test_excerpts_in_tracked_changes_fields_and_links(tricky: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    annotate_report(tricky, out)
    anchored = inspect_docx.commented_texts(out)

    def comment_on(excerpt: str) -> str:
        """The comment whose range holds the excerpt (a paragraph's one comment covers all of
        its findings' excerpts)."""
        return next(ident for ident, text in anchored.items() if excerpt in text)

    body = inspect_docx.body(out)
    W = inspect_docx.W
    # 全乡: 全 before a deleted 体, 乡 a tracked insertion; the deletion stays inside the range.
    ident = comment_on("全乡")
    start = body.find(f".//{W}commentRangeStart[@{W}id='{ident}']")
    end = body.find(f".//{W}commentRangeEnd[@{W}id='{ident}']")
    order = list(start.getparent().iter())
    between = order[order.index(start) : order.index(end)]
    assert [e.tag for e in between].count(W + "del") == 1
    assert any(e.tag == W + "ins" for e in between)
    # The reference runs are never inside a tracked insertion (rejecting it would orphan the
    # comment) nor inside a field's result (updating the field would remove it).
    for ref in body.iter(W + "commentReference"):
        run = ref.getparent()
        assert run.getparent().tag == W + "p"
    ident = comment_on("成功率95%")
    paragraph = body.find(f".//{W}commentRangeStart[@{W}id='{ident}']").getparent()
    children = list(paragraph)
    ref_run = next(
        c for c in children if c.find(f"{W}commentReference[@{W}id='{ident}']") is not None
    )
    field_end = next(
        c for c in children if c.find(f"{W}fldChar[@{W}fldCharType='end']") is not None
    )
    assert children.index(ref_run) > children.index(field_end)
    # “七五”普法 is a hyperlink's text: the range is inside it, the link is kept.
    assert comment_on("“七五”普法")
    assert inspect_docx.count(out, "hyperlink") == 1


def test_comment_text_says_rule_problem_and_fix(tricky: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    annotate_report(tricky, out, author="县司法局　王五")
    texts_ = {c["text"] for c in inspect_docx.comments(out) if c["author"] == "县司法局　王五"}
    # One comment for the paragraph's findings, each saying what is wrong and quoting its text.
    paragraph = next(t for t in texts_ if "全乡" in t)
    assert (
        "【错误】单位用语不一致\n本报告是镇的报告，却出现了“全乡”，像是沿用了乡的材料；应为“全镇”。"
        "\n原文：“全乡”" in paragraph
    )
    assert "6余次" in paragraph
    whole = next(t for t in texts_ if "缺少必备内容" in t)
    assert "针对全文" in whole
    # A message that only states the problem gets the rule's fix; one that says it does not.
    figures = next(t for t in texts_ if "部分大于总数" in t)
    assert "怎么改：对照台账核对这几个数字，使部分不大于总数、比率与件数相符。" in figures
    assert all(
        "怎么改" not in part for t in texts_ for part in t.split("【") if "应为“全镇”" in part
    )


def test_a_finding_at_several_places_is_one_comment_listing_them(tmp_path: Path) -> None:
    """Thirty half-width commas are one comment at the first, naming the others, not thirty
    comments burying the few that matter; each paragraph has one comment at most."""
    body = "".join(f"全年开展宣传活动{n}次,发放资料{n}份。\n" for n in range(2, 32))
    report = tmp_path / "report.txt"
    report.write_text(
        "某某镇2024年度法治政府建设情况报告\n一、主要举措和成效\n" + body, encoding="utf-8"
    )
    out = tmp_path / "out.docx"
    result = annotate_report(report, out)
    comments = inspect_docx.comments(out)
    commas = [c for c in comments if rule_name("punctuation") in c["text"]]
    assert len(commas) == 1
    assert "同样的问题还有：第 4 段“次,发”、第 5 段" in commas[0]["text"]
    assert "等，共 30 处" in commas[0]["text"]
    starts = [
        e.getparent() for e in inspect_docx.body(out).iter(inspect_docx.W + "commentRangeStart")
    ]
    assert len(starts) == len(set(starts)) == result.comments == len(comments)


def test_info_only_on_request(tricky: Path, tmp_path: Path) -> None:
    findings = run_checks(read_blocks(tricky))
    infos = [f for f in findings if f.severity == "info"]
    assert infos
    out = tmp_path / "out.docx"
    annotate_report(tricky, out, show_all=True)
    assert len(inspect_docx.comments(out)) == 1 + comment_count(findings, tricky)
    assert any("提示" in c["text"] for c in inspect_docx.comments(out))


def test_cli_all_lists_and_comments_the_hints(tricky: Path, tmp_path: Path) -> None:
    """``--all`` means "hints too" for ``check`` with ``--annotate`` as everywhere: listed on
    the screen and written as comments (one option; ``--with-info`` is gone)."""
    findings = run_checks(read_blocks(tricky))
    infos = [f for f in findings if f.severity == "info"]
    plain = tmp_path / "审核.docx"
    done = run_drafter("check", str(tricky), "--annotate", str(plain), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert len(inspect_docx.comments(plain)) == 1 + comment_count(serious(findings), tricky)
    assert not any(f.message in done.stdout for f in infos)
    out = tmp_path / "审核(全部).docx"
    done = run_drafter("check", str(tricky), "--annotate", str(out), "--all", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert len(inspect_docx.comments(out)) == 1 + comment_count(findings, tricky)
    assert all(f.message in done.stdout for f in infos)
    shown = run_drafter("check", "--help", cwd=tmp_path).stdout
    assert "--with-info" not in shown
    assert "加--annotate时提示也写成批注" in "".join(shown.split())


# --------------------------------------------------------------------------- seeds as .docx


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("numbered", [False, True], ids=["typed", "numPr"])
def test_seed_docx_anchors(seed: Path, numbered: bool, tmp_path: Path) -> None:
    report = write_docx(
        tmp_path / "seed.docx", seed.read_text(encoding="utf-8"), auto_numbering=numbered
    )
    before = sha(report)
    out = tmp_path / "out.docx"
    result = annotate_report(report, out)
    findings = serious(run_checks(read_blocks(report)))
    assert findings, "every seed has at least one real flaw"
    # A quoted heading number that Word generates (numPr) is not text in the document: that
    # comment covers the paragraph; every other comment sits exactly on its excerpt.
    generated = [g for g in result.inexact if g.rule == "numbering"]
    assert result.inexact == generated
    expected = by_paragraph(findings, read_blocks(report))
    anchored = inspect_docx.commented_texts(out)
    ids = [c["id"] for c in inspect_docx.comments(out)]
    assert len(ids) == len(expected)
    for ident, groups in zip(ids, expected.values(), strict=True):
        if len(groups) == 1 and groups[0].excerpt and groups[0] not in generated:
            assert anchored[ident].rstrip("\n") == groups[0].excerpt
    assert texts(out) == texts(report)
    assert inspect_docx.formatted_chars(out) == inspect_docx.formatted_chars(report)
    assert sha(report) == before


# --------------------------------------------------------------------------- LibreOffice


def _soffice_convert(source: Path, target_format: str, out_dir: Path) -> Path:
    soffice = find_soffice()
    assert soffice is not None
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as work:
        profile = (Path(work) / "profile").resolve().as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target_format,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
    produced = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert produced.is_file()
    return produced


needs_libreoffice = pytest.mark.skipif(
    find_soffice() is None,
    reason="未安装 LibreOffice（soffice）：无法得到 LibreOffice 保存的 .docx，跳过此项测试",
)


@pytest.mark.libreoffice
@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_saved_docx(tricky: Path, tmp_path: Path) -> None:
    # The tricky file (tracked changes, comment, fields, numPr) opened and saved by LibreOffice.
    lo_dir = tmp_path / "lo"
    lo_dir.mkdir()
    saved = _soffice_convert(tricky, "docx", lo_dir)
    before = sha(saved)
    out = tmp_path / "out.docx"
    result = annotate_report(saved, out)
    findings = serious(run_checks(read_blocks(saved)))
    assert findings and not result.inexact
    earlier = len(inspect_docx.comments(saved))
    assert_anchored(out, findings, skip=earlier)
    assert inspect_docx.formatted_chars(out) == inspect_docx.formatted_chars(saved)
    assert texts(out) == texts(saved)
    assert sha(saved) == before
    # LibreOffice opens the annotated copy and exports each comment as a PDF note, placed on
    # the line of the text it is anchored on.
    pdf = _soffice_convert(
        out, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', lo_dir
    )
    import pymupdf

    with pymupdf.open(pdf) as document:
        notes = [
            (page.number, annot.rect, annot.info["title"], annot.info["content"])
            for page in document
            for annot in page.annots()
        ]
        # LibreOffice writes "author, date, " as the note's title.
        mine = [n for n in notes if n[2].startswith(DEFAULT_AUTHOR)]
        assert len(mine) == comment_count(findings, saved)
        assert any(n[2].startswith("张三") for n in notes)
        note = next(n for n in mine if "单位用语不一致" in n[3])
        page = document[note[0]]
        line = next(r for r in page.search_for("干部参加学法") or page.search_for("干部"))
        assert abs(note[1].y0 - line.y0) < 20


# --------------------------------------------------------------------------- CLI and safety


def test_cli_annotate_never_touches_the_report(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    shutil.copy(FLAWED, report)
    before = sha(report)
    done = run_drafter("check", str(report), "--annotate", str(report), cwd=tmp_path)
    assert done.returncode == 2
    assert "不能写到被检查的报告" in done.stderr
    assert sha(report) == before
    # The same file under another spelling (./报告.txt, a link) is refused too.
    link = tmp_path / "链接.docx"
    docx_report = write_docx(tmp_path / "报告.docx", FLAWED.read_text(encoding="utf-8"))
    docx_before = sha(docx_report)
    try:
        link.symlink_to(docx_report)
    except OSError:  # Windows without the right to make links: a hard link is the same file too
        import os

        os.link(docx_report, link)
    done = run_drafter("check", "./报告.docx", "--annotate", str(link), "--force", cwd=tmp_path)
    assert done.returncode == 2
    assert sha(docx_report) == docx_before


def test_cli_annotate_new_name_or_force(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    shutil.copy(FLAWED, report)
    existing = tmp_path / "审核.docx"
    existing.write_bytes(b"keep me")
    done = run_drafter("check", str(report), "--annotate", str(existing), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert existing.read_bytes() == b"keep me"
    second = tmp_path / "审核(2).docx"
    assert second.is_file() and f"已写出带批注的副本：{second}" in done.stdout
    done = run_drafter("check", str(report), "--annotate", str(existing), "--force", cwd=tmp_path)
    assert done.returncode == 1
    findings = serious(run_checks(read_blocks(report)))
    assert len(inspect_docx.comments(existing)) == comment_count(findings, report)


def test_cli_annotate_json_stays_json(tmp_path: Path) -> None:
    import json

    report = tmp_path / "报告.txt"
    shutil.copy(FLAWED, report)
    out = tmp_path / "审核.docx"
    done = run_drafter(
        "check",
        str(report),
        "--format",
        "json",
        "--annotate",
        str(out),
        "--author",
        "王五",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert sum(f["count"] for f in data["findings"]) == len(run_checks(read_blocks(report)))
    assert "已写出带批注的副本" in done.stderr
    assert {c["author"] for c in inspect_docx.comments(out)} == {"王五"}


def test_unusable_report_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "out.docx"
    with pytest.raises(DrafterError):
        annotate_report(bad, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_word_and_wps_markup_inside_excerpts(tmp_path: Path) -> None:
    """Bookmarks, proofing marks, smart tags, content controls and tabs as Word and WPS write
    them, inside and around flawed text: the comments still cover exactly the excerpts."""
    import docx
    from docx.oxml import parse_xml

    ns = tricky_docx.NS
    document = docx.Document()
    body = document.element.body
    sect_pr = body[-1]
    paragraphs = [
        "<w:r><w:t>某某镇2024年度法治政府建设情况报告</w:t></w:r>",
        "<w:r><w:t>2024年，在县委、县政府的坚强领导下，我镇扎实推进法治政府建设。现将有关情况报告如下：</w:t></w:r>",
        "<w:r><w:t>一、主要举措和成效</w:t></w:r>",
        # 全乡 split by a bookmark, a proofing mark and a smart tag (older Word), WPS's eastAsia hint.
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>（一）加强组织领导。</w:t></w:r>'
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>全</w:t></w:r><w:bookmarkEnd w:id="0"/>'
        '<w:proofErr w:type="spellStart"/>'
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        "<w:r><w:lastRenderedPageBreak/><w:t>乡</w:t></w:r></w:smartTag>"
        '<w:proofErr w:type="spellEnd"/><w:r><w:t>干部参加学法。</w:t></w:r>',
        # “七五”普法 inside a content control, a tab before it.
        "<w:r><w:t>（二）深化普法宣传。</w:t><w:tab/><w:t>深入开展</w:t></w:r>"
        '<w:sdt><w:sdtPr><w:alias w:val="普法"/></w:sdtPr><w:sdtContent>'
        "<w:r><w:t>“七五”</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>普法</w:t></w:r>"
        "</w:sdtContent></w:sdt><w:r><w:t>工作。</w:t></w:r>",
        "<w:r><w:t>二、存在的不足</w:t></w:r>",
        "<w:r><w:t>学法不够深入。</w:t></w:r>",
        "<w:r><w:t>三、主要负责人履行推进法治建设第一责任人职责情况</w:t></w:r>",
        "<w:r><w:t>镇党委书记带头学法。</w:t></w:r>",
        "<w:r><w:t>四、2025年工作计划</w:t></w:r>",
        "<w:r><w:t>继续加强学习。</w:t></w:r>",
    ]
    for xml in paragraphs:
        sect_pr.addprevious(parse_xml(f"<w:p {ns}>{xml}</w:p>"))
    report = tmp_path / "wps.docx"
    document.save(str(report))
    out = tmp_path / "out.docx"
    result = annotate_report(report, out)
    findings = serious(run_checks(read_blocks(report)))
    excerpts = {f.excerpt for f in findings}
    assert {"全乡", "“七五”普法"} <= excerpts
    assert not result.inexact
    assert_anchored(out, findings)
    assert inspect_docx.formatted_chars(out) == inspect_docx.formatted_chars(report)
    for tag in ("bookmarkStart", "proofErr", "smartTag", "sdt", "tab", "lastRenderedPageBreak"):
        assert inspect_docx.count(out, tag) == inspect_docx.count(report, tag), tag
