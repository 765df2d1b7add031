"""Fuzzing: the answers loader, the reader, the checks and the importer on random and mutated input.

The only outcome besides success is :class:`DrafterError` with a non-empty Chinese message; any
other exception, or an example running longer than :data:`EXAMPLE_SECONDS`, fails. Bounded: the
whole file runs in well under a minute and writes no hypothesis database into the repository.
"""

from __future__ import annotations

import contextlib
import io
import random
import signal
import threading
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.questions import QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SECONDS = 10
"""Per-example time limit: one example running longer counts as a hang."""

FUZZ = settings(
    max_examples=40,
    deadline=None,  # the per-example alarm below is the limit; deadlines flake on slow CI
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOWER = settings(FUZZ, max_examples=20)


@contextlib.contextmanager
def time_limit(seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    """Fail (instead of hanging) when the body runs longer than ``seconds`` (POSIX main thread)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"example took longer than {seconds} s (a hang)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@contextlib.contextmanager
def only_drafter_errors() -> Iterator[None]:
    """Success, or a DrafterError with a Chinese message; anything else propagates and fails."""
    with time_limit():
        try:
            yield
        except DrafterError as exc:
            assert exc.message.strip(), "DrafterError without a message"
            assert has_chinese(str(exc)), f"DrafterError without Chinese: {exc!s}"


# --------------------------------------------------------------------------- shared inputs


@cache
def example_bytes() -> bytes:
    from drafter.build import example_path

    return example_path().read_bytes()


@cache
def example_data() -> dict[str, Any]:
    from drafter.answers.file import parse_answers_text

    return parse_answers_text(example_bytes().decode("utf-8")).data


@cache
def small_docx() -> bytes:
    """A real small .docx: the demo draft."""
    import tempfile

    from drafter.build import build_report, example_path

    with tempfile.TemporaryDirectory() as folder:
        result = build_report(example_path(), Path(folder) / "demo.docx")
        return result.docx.read_bytes()


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("0*.txt")))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# Text with what users paste: Chinese, full-width and ASCII punctuation, digits, controls.
CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Z", "Cc"),
) | st.sampled_from(
    list("乡镇街道一二三四五六七八九十年月日、。，；：（）“”〔〕0123456789::-#!&*|>")
)
TEXT = st.text(CHARS, max_size=60)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXT
)
PLAIN_DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=25,
)


# --------------------------------------------------------------------------- the answers loader


def _load_text(text: str, folder: Path, name: str = "答卷.yaml") -> None:
    """Everything the build does with an answers file short of writing the .docx."""
    from drafter.answers.load import load_answers
    from drafter.build import missing_for_build
    from drafter.render.engine import render_blocks

    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    answers, _ = load_answers(path)
    if not missing_for_build(answers):
        blocks = render_blocks(answers)
        assert blocks and blocks[0].kind == "title"


def _load_bytes(raw: bytes, folder: Path) -> None:
    from drafter.answers.load import load_answers

    path = folder / "答卷.yaml"
    path.write_bytes(raw)
    load_answers(path)


@FUZZ
@given(text=st.text(CHARS, max_size=400))
def test_answers_loader_on_random_text(text: str, work: Path) -> None:
    with only_drafter_errors():
        _load_text(text, work)


def _safe_dump(data: Any) -> str:
    """Plain data as YAML a person could have typed (no tags, no comments)."""
    from ruamel.yaml import YAML

    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(data, stream)
    return stream.getvalue()


@FUZZ
@given(data=PLAIN_DATA)
def test_answers_loader_on_random_yaml_documents(data: Any, work: Path) -> None:
    with only_drafter_errors():
        _load_text(_safe_dump(data), work)


SECTION_KEYS = st.sampled_from(
    ["identity", "opening", "organisation", "study", "publicity", "problems", "plans", "其他"]
)


@st.composite
def mutated_example(draw: st.DrawFn) -> dict[str, Any]:
    """The example answers with random keys replaced, added or removed, values of any type."""
    import copy

    data = copy.deepcopy(example_data())
    for _ in range(draw(st.integers(1, 4))):
        section = draw(SECTION_KEYS)
        action = draw(st.sampled_from(["set", "drop", "replace-section"]))
        values = data.get(section)
        if action == "replace-section" or not isinstance(values, dict) or not values:
            data[section] = draw(PLAIN_DATA)
            continue
        key = draw(st.sampled_from(sorted(values)) | TEXT)
        if action == "drop":
            values.pop(key, None)
        else:
            values[key] = draw(PLAIN_DATA)
    return data


@FUZZ
@given(data=mutated_example())
def test_answers_loader_on_mutations_of_the_example(data: dict[str, Any], work: Path) -> None:
    with only_drafter_errors():
        _load_text(_safe_dump(data), work)


@FUZZ
@given(
    cut=st.integers(0, 10_000),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
)
def test_answers_loader_on_truncated_and_flipped_bytes(
    cut: int, flips: list[tuple[int, int]], work: Path
) -> None:
    raw = bytearray(example_bytes()[: max(cut, 1) * 3])
    for position, value in flips:
        if raw:
            raw[position % len(raw)] = value
    with only_drafter_errors():
        _load_bytes(bytes(raw), work)


@SLOWER
@given(
    depth=st.integers(1, 3000),
    style=st.sampled_from(["[", "{a: ", "- ", "block", "alias"]),
)
def test_answers_loader_on_deep_nesting(depth: int, style: str, work: Path) -> None:
    if style == "[":
        text = "identity: " + "[" * depth + "]" * depth
    elif style == "{a: ":
        text = "identity: " + "{a: " * depth + "1" + "}" * depth
    elif style == "- ":
        text = "identity:\n" + "".join("  " * i + "-\n" for i in range(min(depth, 400)))
    elif style == "block":
        text = "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 400)))
    else:
        # Aliases nest by reference: a small file that expands geometrically.
        levels = min(depth, 5)
        text = "a0: &a0 [x, x, x, x]\n" + "".join(
            f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]\n"
            for n in range(1, levels + 1)
        )
    with only_drafter_errors():
        _load_text(text + "\n", work)


# --------------------------------------------------------------------------- the reader


def _read(raw: bytes, folder: Path, name: str) -> list[Block]:
    from drafter.reader import read_blocks

    path = folder / name
    path.write_bytes(raw)
    return read_blocks(path)


def _check_blocks(blocks: list[Block]) -> None:
    assert blocks, "read_blocks returned no blocks without an error"
    for block in blocks:
        assert isinstance(block, Block)


def _rezip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def _members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(small_docx())) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


NAMES = st.sampled_from(["报告.docx", "报告.txt", "报告", "报告.DOCX", "报告.doc", "报告.md"])


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=6),
    cut=st.none() | st.integers(0, 10**6),
    name=NAMES,
)
def test_reader_on_flipped_and_truncated_docx(
    flips: list[tuple[int, int]], cut: int | None, name: str, work: Path
) -> None:
    raw = bytearray(small_docx())
    for position, value in flips:
        raw[position % len(raw)] = value
    if cut is not None:
        raw = raw[: cut % len(raw)]
    with only_drafter_errors():
        _check_blocks(_read(bytes(raw), work, name))


@FUZZ
@given(
    action=st.sampled_from(["remove", "rename", "truncate", "garbage"]),
    pick=st.integers(0, 100),
    new_name=st.sampled_from(
        ["word/document2.xml", "document.xml", "WORD/DOCUMENT.XML", "word/../x.xml", "/abs.xml"]
    ),
    garbage=st.binary(max_size=200),
)
def test_reader_on_docx_with_members_removed_or_renamed(
    action: str, pick: int, new_name: str, garbage: bytes, work: Path
) -> None:
    members = _members()
    index = pick % len(members)
    name, data = members[index]
    if action == "remove":
        del members[index]
    elif action == "rename":
        members[index] = (new_name, data)
    elif action == "truncate":
        members[index] = (name, data[: len(data) // 2])
    else:
        members[index] = (name, garbage)
    with only_drafter_errors():
        _check_blocks(_read(_rezip(members), work, "报告.docx"))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_TAGS = st.sampled_from(
    [
        "p",
        "r",
        "t",
        "tbl",
        "tr",
        "tc",
        "sdt",
        "sdtContent",
        "br",
        "tab",
        "numPr",
        "ilvl",
        "numId",
        "pPr",
        "pStyle",
        "ins",
        "del",
        "delText",
        "hyperlink",
        "fldSimple",
        "txbxContent",
        "x",
    ]
)
XML_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(list("一、（）1.")),
    max_size=30,
)


@st.composite
def random_element(draw: st.DrawFn, depth: int = 0) -> str:
    from xml.sax.saxutils import escape, quoteattr

    tag = draw(W_TAGS)
    attrs = ""
    if draw(st.booleans()):
        attrs = f" w:val={quoteattr(draw(XML_TEXT))}"
    children = ""
    if depth < 4:
        parts = draw(st.lists(random_element(depth + 1) | XML_TEXT.map(escape), max_size=4))
        children = "".join(parts)
    return f"<w:{tag}{attrs}>{children}</w:{tag}>"


@FUZZ
@given(body=st.lists(random_element(), max_size=6), raw_tail=st.binary(max_size=20))
def test_reader_on_docx_with_random_document_xml(
    body: list[str], raw_tail: bytes, work: Path
) -> None:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    ).encode() + raw_tail
    members = [(n, document if n == "word/document.xml" else d) for n, d in _members()]
    with only_drafter_errors():
        _check_blocks(_read(_rezip(members), work, "报告.docx"))


@FUZZ
@given(raw=st.binary(max_size=2000), name=NAMES)
def test_reader_on_random_bytes(raw: bytes, name: str, work: Path) -> None:
    with only_drafter_errors():
        _check_blocks(_read(raw, work, name))


@FUZZ
@given(
    text=st.text(CHARS, max_size=500),
    seed_lines=st.lists(st.integers(0, 400), max_size=20),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "big5"]),
    name=st.sampled_from(["报告.txt", "报告.docx", "报告"]),
)
def test_reader_on_random_text_in_chinese_encodings(
    text: str, seed_lines: list[int], encoding: str, name: str, work: Path
) -> None:
    lines = seed_texts()[0].splitlines()
    mixed = text + "\n" + "\n".join(lines[n % len(lines)] for n in seed_lines)
    raw = mixed.encode(encoding, errors="replace")
    with only_drafter_errors():
        _check_blocks(_read(raw, work, name))


# --------------------------------------------------------------------------- the checks

KINDS = st.sampled_from(
    ["title", "addressee", "heading", "paragraph", "signature", "date", "table"]
)


@st.composite
def random_block(draw: st.DrawFn) -> Block:
    kind = draw(KINDS)
    return Block(
        kind,
        draw(TEXT),
        level=draw(st.integers(-1, 6)) if kind == "heading" else 0,
        number=draw(st.sampled_from(["", "一、", "（二）", "3.", "（4）", "十一、", "(5)", "1"]))
        if kind == "heading"
        else "",
        body=draw(TEXT) if kind == "heading" else "",
        rows=draw(st.lists(st.lists(TEXT, max_size=4), max_size=4)) if kind == "table" else [],
    )


@st.composite
def seed_blocks(draw: st.DrawFn) -> list[Block]:
    """A real report's blocks, shuffled, cut, duplicated and with figures changed."""
    from drafter.reader import blocks_from_text

    text = draw(st.sampled_from(seed_texts()))
    rng = random.Random(draw(st.integers(0, 2**32)))
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 10))):
        n = rng.randrange(len(lines))
        op = rng.choice(["drop", "dup", "swap", "digits"])
        if op == "drop":
            del lines[n]
        elif op == "dup":
            lines.insert(rng.randrange(len(lines)), lines[n])
        elif op == "swap":
            m = rng.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        else:
            lines[n] = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in lines[n])
        if not lines:
            break
    return blocks_from_text("\n".join(lines))


def _assert_findings_contract(blocks: list[Block], findings: list[Any]) -> None:
    import json

    from drafter.checks import findings_to_json
    from drafter.checks.command import format_text

    for finding in findings:
        assert finding.severity in ("error", "warning", "info")
        # -1: a finding about the whole document (a missing part), with no excerpt.
        assert -1 <= finding.paragraph < max(len(blocks), 1)
        assert finding.paragraph >= 0 or finding.excerpt == ""
        assert has_chinese(finding.message)
    json.dumps(findings_to_json("报告.docx", findings), ensure_ascii=False)
    format_text("报告.docx", blocks, findings, show_all=True)


@FUZZ
@given(
    blocks=st.lists(random_block(), max_size=25),
    unit_type=st.sampled_from([None, "乡", "镇", "街道", "苏木"]),
    year=st.none() | st.integers(1990, 2100),
)
def test_checks_on_random_block_sequences(
    blocks: list[Block], unit_type: str | None, year: int | None
) -> None:
    from drafter.checks import run_checks

    with only_drafter_errors():
        findings = run_checks(blocks, unit_type=unit_type, year=year)
        _assert_findings_contract(blocks, findings)


@FUZZ
@given(blocks=seed_blocks(), extra=st.lists(random_block(), max_size=5), at=st.integers(0, 10**4))
def test_checks_on_mutated_real_reports(blocks: list[Block], extra: list[Block], at: int) -> None:
    from drafter.checks import run_checks

    position = at % (len(blocks) + 1)
    blocks = blocks[:position] + extra + blocks[position:]
    with only_drafter_errors():
        _assert_findings_contract(blocks, run_checks(blocks))


# --------------------------------------------------------------------------- the importer


def _import(raw: bytes, folder: Path, name: str) -> None:
    from drafter.answers.file import dump_answers, parse_answers_text
    from drafter.answers.load import validate_file
    from drafter.importer import import_path

    path = folder / name
    path.write_bytes(raw)
    try:
        result = import_path(path)
    except DrafterError as exc:
        # The importer validates what it produced: a refusal of its own data is its bug.
        assert "导入结果" not in str(exc), f"the importer produced invalid answers: {exc}"
        raise
    # Whatever the importer returns must make a loadable answers file.
    validate_file(parse_answers_text(dump_answers(result.data)))


@SLOWER
@given(seed=seed_blocks(), name=st.sampled_from(["去年.txt", "去年"]))
def test_importer_on_mutated_seed_reports(seed: list[Block], name: str, work: Path) -> None:
    text = "\n".join(block.full_text for block in seed)
    with only_drafter_errors():
        _import(text.encode("utf-8"), work, name)


@SLOWER
@given(text=st.text(CHARS, max_size=400), encoding=st.sampled_from(["utf-8", "gbk"]))
def test_importer_on_random_text(text: str, encoding: str, work: Path) -> None:
    with only_drafter_errors():
        _import(text.encode(encoding, errors="replace"), work, "去年.txt")


@SLOWER
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4))
def test_importer_on_mutated_docx(flips: list[tuple[int, int]], work: Path) -> None:
    raw = bytearray(small_docx())
    for position, value in flips:
        raw[position % len(raw)] = value
    with only_drafter_errors():
        _import(bytes(raw), work, "去年.docx")


# --------------------------------------------------------------------------- the template channel

# Every character something takes for a line break, and the ways to hide a marker at a line start.
LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
INDENTS = ["", "   ", "\t", "\u3000", "\u00a0"]
MARKERS = ["::", "\\::", "\ufdd0", "\ufdd0::", "\ufdd1::", "：："]
FORGED_TAGS = ["h1", "h2", "signature", "title", "date", "addressee", "caption", "row", "run"]


def _text_fields() -> list[tuple[str, str]]:
    """(answers key, kind) of every question a user types text into."""
    kinds = ("text", "longtext", "items", "list")
    return [(q.key, q.kind) for q in QUESTIONS.values() if q.kind in kinds] + [
        ("followups", "followups")
    ]


TEXT_FIELDS = _text_fields()


def _with_value(field: tuple[str, str], value: str, in_heading: bool) -> dict[str, Any]:
    import copy

    data = copy.deepcopy(example_data())
    key, kind = field
    if kind == "followups":
        heading, text = (value, "已落实。") if in_heading else ("完善考核", value)
        data["followups"] = [{"heading": heading, "status": "done", "text": text}]
        return data
    section, name = key.split(".")
    if kind == "items":
        heading, text = (value, "正文。") if in_heading else ("小标题", value)
        data[section][name] = [{"heading": heading, "text": text}]
    elif kind == "list":
        data[section][name] = [value]
    else:
        data[section][name] = value
    return data


def _structure(data: dict[str, Any], outline: str) -> list[tuple[str, int]] | None:
    """The kinds and levels of every block that is not a body paragraph (None: not valid)."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    try:
        answers = validate_answers(data, source="答卷")
    except DrafterError:
        return None
    blocks = render_blocks(answers, outline)
    for block in blocks:
        texts = [block.text, block.body, *(c for row in block.rows for c in row)]
        for text in texts:
            inside = text.replace("\n", "") if block.kind == "title" else text
            assert not any(ch in inside for ch in "".join(LINE_BREAKS)), (block, text)
            assert not any("\ufdd0" <= ch <= "\ufdef" for ch in text), (block, text)
    return [(b.kind, b.level) for b in blocks if b.kind != "paragraph"]


def _assert_no_forged_block(
    field: tuple[str, str], forged: str, in_heading: bool, outline: str
) -> None:
    # A field with its own validator (the county must end in 县/区/市/旗) gets a value it takes.
    question = QUESTIONS.get(field[0])
    plain = "甲乙丙县" if question is not None and question.validator else "甲乙丙丁"
    benign = _structure(_with_value(field, plain, in_heading), outline)
    assert benign is not None
    structure = _structure(_with_value(field, forged, in_heading), outline)
    if structure is not None:  # the model may also refuse the text: no block either way
        assert structure == benign, (field, forged)


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
def test_no_line_break_lets_an_answer_start_a_block(field: tuple[str, str]) -> None:
    """Every text field, every line-break character: the draft's structure is unchanged."""
    for br in LINE_BREAKS:
        forged = f"甲乙丙{br}   ::h1 伪造的标题{br}::signature 伪造的落款{br}\ufdd0date 丁"
        _assert_no_forged_block(field, forged, in_heading=False, outline="regulation")
        if field[1] in ("items", "followups"):
            _assert_no_forged_block(field, forged, in_heading=True, outline="first-duty")


@settings(FUZZ, max_examples=300)
@given(
    field=st.sampled_from(TEXT_FIELDS),
    parts=st.lists(
        st.tuples(
            st.sampled_from(LINE_BREAKS),
            st.sampled_from(INDENTS),
            st.sampled_from(MARKERS),
            st.sampled_from(FORGED_TAGS),
            st.text(CHARS, max_size=8),
        ),
        min_size=1,
        max_size=4,
    ),
    in_heading=st.booleans(),
    outline=st.sampled_from(["regulation", "first-duty", "three-part"]),
)
def test_answer_texts_cannot_forge_markup(
    field: tuple[str, str],
    parts: list[tuple[str, str, str, str, str]],
    in_heading: bool,
    outline: str,
) -> None:
    forged = "甲乙丙" + "".join(
        f"{br}{ind}{mark}{tag} {rest}" for br, ind, mark, tag, rest in parts
    )
    with time_limit():
        _assert_no_forged_block(field, forged + "丁", in_heading, outline)


# Pieces of county templates: good and bad markup, Jinja, figures, loops, hostile expressions.
TEMPLATE_PIECES = [
    "::h1 ",
    "::h2 ",
    "::p ",
    "::run ",
    "::signature ",
    "::bogus ",
    "::row 甲\t乙",
    "\n",
    "正文",
    "100",
    "{{ unit }}",
    "{{ a.plans.items[0].heading }}",
    "{{ fig('publicity.activities') }}",
    "{{ fig('no.such') }}",
    "{{ '{…}'.format(1) }}",
    "{{ 'x'.center(year * year) }}",
    "{{ 12 }}",
    "{% for i in range(year) %}",
    "{% for c in unit * 9 %}",
    "{% endfor %}",
    "{% if a.plans.items %}",
    "{% endif %}",
    "{% include 'parts/head.j2' %}",
    "{% include '../x.j2' %}",
    "{% macro m(s) %}{{ m(s ~ s) }}{% endmacro %}{{ m(unit) }}",
    "{{ (unit ~ unit) | indent(99999) }}",
    "{{ [unit] * 99999 | join(unit) }}",
    "{{ none }}",
    "{{",
    "}}",
    "{%",
    "{#",
    "\x07",
]


@settings(FUZZ, max_examples=60)
@given(
    pieces=st.lists(st.sampled_from(TEMPLATE_PIECES), max_size=12),
    encoding=st.sampled_from(["utf-8", "gbk", "utf-16"]),
    where=st.sampled_from(["outlines/regulation.j2", "parts/plans.j2"]),
)
def test_county_templates_on_random_pieces(
    pieces: list[str], encoding: str, where: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A random county template renders or is refused in Chinese, within the time limit."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    folder = tmp_path_factory.mktemp("county")
    target = folder / where
    target.parent.mkdir(parents=True)
    target.write_bytes("".join(pieces).encode(encoding, errors="replace"))
    answers = validate_answers(example_data(), source="答卷")
    with only_drafter_errors():
        render_blocks(answers, templates=folder)


def test_time_limit_catches_a_hang() -> None:
    """The per-example limit is real: a sleeping body is stopped, not waited for."""
    import time

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers on this platform")
    start = time.monotonic()
    with pytest.raises(TimeoutError), time_limit(0.2):
        time.sleep(5)
    assert time.monotonic() - start < 2
