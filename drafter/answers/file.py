"""The answers file: YAML a person can edit, with a Chinese label comment over every key.

Loading keeps the round-trip document (comments, order and keys drafter does not know), so
saving updates values in place and never drops what the user wrote. Unknown keys are kept and
reported. Writes are atomic with the previous version kept as ``.bak``.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from drafter.answers.migrations import ADDITIVE, MIGRATIONS
from drafter.answers.shape import YAML_BREAKS, check_shape, plain, position, round_trip_yaml
from drafter.answers.yaml_errors import explain, explain_other
from drafter.errors import DrafterError, shown
from drafter.io.inputs import document_kind, read_input
from drafter.io.outputs import atomic_write_text, safe_filename
from drafter.io.textfile import decode_text
from drafter.questions import SECTIONS, Question
from drafter.text.hanzi import HAN

SCHEMA_VERSION = 2
ANSWERS_SUFFIXES = (".yaml", ".yml")
"""What an answers file is named, where a folder is searched for them (batch build, summary)."""
MAX_FILE_BYTES = 5 * 1024 * 1024
"""An answers file is a few KB; anything this large is not one."""

RECORD_KEY = "carried_figures"
"""The record of figures inside texts carried over from last year (``answers.carried``)."""

# Top-level keys that are not questions but belong to the file (import and carry-over notes).
RESERVED_KEYS: dict[str, str] = {
    "schema_version": "答卷格式版本（请勿修改）",
    "to_confirm": "尚待回答或确认的问题（回答或确认后自动移除）",
    "unplaced_figures": "从旧报告中读到但未能归入问题的数字，请人工放到合适的位置",
    "unplaced_items": (
        "从旧报告中读到、但无法确定该放在哪一部分的内容（不会写进报告）："
        "请把每一条移到合适问题的“具体措施”里，再删去这一条"
    ),
    "last_year": "去年的数据和计划（由 drafter new --from 生成，供对照）",
    "followups": "去年计划的落实情况",
    "carried_figures": "沿用文字里的数字：去年的文字里写着的数字，每个都要确认今年的数字\n"
    "（confirmed 是确认时的报告年度，空着＝还没有确认；生成报告时会提醒没有确认的数字）",
    "structure": (
        "原报告的结构（导入时记下）：报告按这里的顺序和标题排列各部分；items 是“主要举措和成效”"
        "各条所在的位置（如 publicity.measures[0] 是“普法宣传方面的具体措施”第1条）。\n"
        "删去这一项，报告就按“报告结构”一项的顺序和各方面的小标题排列"
    ),
}


@dataclass
class AnswersFile:
    """A loaded answers file: the plain data, the round-trip document and what was odd in it."""

    path: Path | None
    data: dict[str, Any]
    doc: Any = None
    unknown: list[str] = field(default_factory=list)
    version: int = SCHEMA_VERSION
    migrated_from: int | None = None
    changes: list[str] = field(default_factory=list)

    def line_of(self, key: str) -> int | None:
        """1-based line of a ``section.field`` key in the file, if known."""
        if self.doc is None:
            return None
        node: Any = self.doc
        parts = key.split(".")
        line = None
        for part in parts:
            if not isinstance(node, Mapping) or part not in node:
                return line
            try:
                line = node.lc.key(part)[0] + 1  # type: ignore[attr-defined]  # ruamel's CommentedMap
            except (KeyError, TypeError, AttributeError):
                return line
            node = node[part]
        return line


def default_filename(unit_name: str | None, year: int | None) -> str:
    """``<单位名><年份>年度法治政府建设答卷.yaml``."""
    name = safe_filename(unit_name or "本单位")
    return f"{name}{year or ''}年度法治政府建设答卷.yaml"


def parse_answers_text(text: str, path: Path | None = None) -> AnswersFile:
    """Parse answers-file text; broken YAML raises DrafterError with the line number."""

    check_shape(text, path)
    try:
        doc = round_trip_yaml().load(text) if text.strip() else None
    except MarkedYAMLError as exc:
        raise _yaml_error(explain(exc), path) from None
    except ValueError:
        # YAML reads 2024-13-45 as a date and fails in Python's date type (English message).
        raise _bad_value(text, path) from None
    except (YAMLError, RecursionError) as exc:
        raise _yaml_error(explain_other(exc), path) from None
    if doc is None:
        doc_data: dict[str, Any] = {}
    elif not isinstance(doc, Mapping):
        raise DrafterError(
            "答卷的最外层应是“键: 值”的形式，不是一段文字或列表",
            path=path,
            line=1,
            hint="用 drafter new 生成的答卷作为模板。",
        )
    else:
        doc_data = plain(doc)
    return answers_file_of(doc_data, doc, path)


def answers_file_of(doc_data: dict[str, Any], doc: Any, path: Path | None) -> AnswersFile:
    """The file from its plain data: schema version checked, older versions migrated."""
    version = doc_data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise DrafterError(
            f"答卷格式版本（schema_version）应是整数，现在是“{version}”",
            path=path,
            field="schema_version",
            field_label="",
            hint=f"改为 {SCHEMA_VERSION}。",
        )
    if version > SCHEMA_VERSION:
        raise DrafterError(
            f"这份答卷是较新版本的 drafter 生成的（格式版本 {version}，本程序只认识到 {SCHEMA_VERSION}）",
            path=path,
            field="schema_version",
            field_label="",
            hint="请升级 drafter（pip install -U drafter）后再打开。",
        )
    loaded = AnswersFile(path=path, data=doc_data, doc=doc, version=version)
    if version < SCHEMA_VERSION:
        _migrate(loaded)
    loaded.unknown = unknown_keys(loaded.data)
    return loaded


def _yaml_error(explained: Any, path: Path | None) -> DrafterError:
    return DrafterError(
        f"答卷的格式有误：{explained.message}。",
        path=path,
        line=explained.line,
        column=explained.column,
        hint=explained.hint,
    )


_DATE_VALUE = re.compile(r"^[^#\n]*:\s+(\d{4})-(\d{1,2})-(\d{1,2})\s*(?:#.*)?$", re.M)


def _bad_value(text: str, path: Path | None) -> DrafterError:
    """The first value YAML takes for a date that does not exist, with its line."""

    for found in _DATE_VALUE.finditer(text):
        try:
            datetime.date(*(int(g) for g in found.groups()))
        except ValueError:
            return DrafterError(
                f"“{'-'.join(found.groups())}”不是一个存在的日期",
                path=path,
                line=position(text, found.start())[0],
                hint="改成真实的日期，如 2025-01-15；或写成“2025年1月15日”。",
            )
    return DrafterError(
        "答卷里有一个值无法读取（像日期或数字，却不是有效的日期或数字）",
        path=path,
        hint="检查日期和数字的写法；不确定时给这个值加上引号。",
    )


def _migrate(loaded: AnswersFile) -> None:
    data = loaded.data
    start = loaded.version
    for version in range(start, SCHEMA_VERSION):
        if version not in MIGRATIONS:
            raise DrafterError(
                f"不认识格式版本 {version} 的答卷",
                path=loaded.path,
                field="schema_version",
                field_label="",
                hint="用 drafter new 重新生成答卷。",
            )
        description, step = MIGRATIONS[version]
        data = step(data)
        loaded.changes.append(description)
    data["schema_version"] = SCHEMA_VERSION
    loaded.data = data
    if not set(range(start, SCHEMA_VERSION)) <= ADDITIVE:
        loaded.doc = None  # the layout changed: saving writes a fresh, commented document
    loaded.migrated_from = start
    loaded.version = SCHEMA_VERSION


def unknown_keys(data: Mapping[str, Any]) -> list[str]:
    """Keys the catalogue does not know, as ``section`` or ``section.field``, written so they
    can be shown on one line (see :func:`drafter.errors.shown`)."""
    known_sections = {s.name: {q.name for q in s.questions} for s in SECTIONS}
    unknown: list[str] = []
    for key, value in data.items():
        if key in RESERVED_KEYS:
            continue
        if key not in known_sections:
            unknown.append(shown(key))
        elif isinstance(value, Mapping):
            unknown += [f"{key}.{shown(k)}" for k in value if k not in known_sections[key]]
    return unknown


def read_answers_file(path: Path) -> AnswersFile:
    """Read and parse an answers file, with Chinese errors for every way it can fail."""
    path = Path(path)
    return parse_answers_text(read_answers_text(path), path)


def read_answers_text(path: Path) -> str:
    """An answers file's text; Chinese errors for a missing, huge, binary or undecodable file."""
    path = Path(path)
    raw = read_input(
        path,
        limit=MAX_FILE_BYTES,
        what="答卷文件",
        hint="答卷一般只有几十 KB，请确认选对了文件；新建答卷请用 drafter new。",
    )
    kind = document_kind(raw)
    if kind is not None:
        # A report given where the answers go (drafter build 报告.docx): re-saving it as text
        # would not help; what the user wants is check or import.
        raise DrafterError(
            f"这个文件是 {kind}，不是答卷（答卷是 drafter new 或 drafter import 写出的 .yaml 文本文件）",
            path=path,
            hint=_report_hint(path),
        )
    text = decode_text(raw)
    if text is None:
        raise DrafterError(
            "文件不是文本（无法按 UTF-8 或 GBK 读取）",
            path=path,
            hint="答卷应是 .yaml 文本文件；用记事本另存为 UTF-8 后再试。",
        )
    if "\x00" in text:
        raise DrafterError("文件里有二进制内容，不是答卷", path=path)
    if _HAN_CHAR.search(text) and not _KEY_LINE.search(text):
        raise DrafterError(
            "这个文件是一段中文文字（像是报告），没有答卷的项目（如 identity:、unit_name:），不是答卷",
            path=path,
            hint=_report_hint(path),
        )
    return text


_KEY_LINE = re.compile(r"^[ \t]*-?[ \t]*[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)
"""A YAML key line (``identity:``, ``  unit_name: 俄久乡``): every answers file has some."""
_HAN_CHAR = re.compile(HAN)


def _report_hint(path: Path) -> str:
    """What to do with a report given where an answers file goes."""
    return (
        f"检查这份报告：drafter check {path}；"
        f"把它变成答卷，作为今年的起点：drafter import {path} -o 答卷.yaml"
        "（或 drafter new --import 报告文件，导入后接着问答）。"
    )


# --------------------------------------------------------------------------- saving


def to_yaml_value(q: Question, value: Any) -> Any:
    """An answer's plain data (see ``model.dump_value``) as YAML: long texts as blocks."""

    def text(v: str) -> Any:
        if any(ch in v for ch in YAML_BREAKS):
            return v  # double-quoted (see YAML_BREAKS): a block would break the file
        return LiteralScalarString(v) if "\n" in v or len(v) > 60 else v

    if value is None or (q.kind in ("items", "list") and not value):
        return None  # an empty key reads better than "[]" for a person editing the file
    if q.kind == "items" and isinstance(value, list):
        return _items_yaml(value, text)
    if q.kind == "list":
        return CommentedSeq(list(value))
    if isinstance(value, str):
        return text(value)
    return value


def _items_yaml(value: list[Any], text: Callable[[str], Any]) -> Any:
    """Items as the file writes them: heading (and ``alone`` when it stood on its own line),
    text, then the sub-items (if any) below."""
    seq = CommentedSeq()
    for item in value:
        entry = CommentedMap()
        if isinstance(item, Mapping):
            entry["heading"] = item.get("heading", "")
            if item.get("alone") is True:
                entry["alone"] = True
            entry["text"] = text(str(item.get("text", "")))
            subitems = item.get("subitems")
            if isinstance(subitems, list) and subitems:
                entry["marker"] = item.get("marker") or "1."
                entry["subitems"] = _items_yaml(subitems, text)
        else:
            entry["text"] = text(str(item))
        seq.append(entry)
    return seq


def build_document(data: Mapping[str, Any], base_doc: Any = None) -> Any:
    """Merge answer data into a round-trip document, in catalogue order with label comments.

    Values of known keys are replaced in place (so the user's own comments stay); keys the
    catalogue does not know are left exactly where they are.
    """

    doc = base_doc if isinstance(base_doc, CommentedMap) else CommentedMap()
    if "schema_version" not in doc:
        doc.insert(0, "schema_version", SCHEMA_VERSION)
        doc.yaml_set_comment_before_after_key(
            "schema_version",
            before="drafter 答卷：乡镇法治政府建设年度报告的全部答案。\n"
            "可以直接编辑；# 后面是说明。数字留空表示不报告；约数写成 1500余。\n\n"
            + RESERVED_KEYS["schema_version"],
        )
    else:
        doc["schema_version"] = SCHEMA_VERSION
    position = list(doc).index("schema_version") + 1
    for section in SECTIONS:
        values = data.get(section.name)
        if not isinstance(values, Mapping):
            values = {}
        sec = doc.get(section.name)
        if not isinstance(sec, CommentedMap):
            sec = CommentedMap()
            if section.name in doc:
                doc[section.name] = sec
            else:
                doc.insert(position, section.name, sec)
                doc.yaml_set_comment_before_after_key(
                    section.name, before=f"\n==== {section.title} ====\n{section.intro}"
                )
        position = list(doc).index(section.name) + 1
        inner = 0
        for q in section.questions:
            value = to_yaml_value(q, values.get(q.name))
            if q.name in sec:
                if _plain_equal(sec[q.name], value):
                    inner = list(sec).index(q.name) + 1
                    continue
                sec[q.name] = value
            else:
                sec.insert(inner, q.name, value)
                sec.yaml_set_comment_before_after_key(q.name, before=q.comment, indent=2)
            inner = list(sec).index(q.name) + 1
        known = {q.name for q in section.questions}
        for name, value in values.items():
            if name not in known and name not in sec:
                sec[name] = value  # not ours, but the user's: kept, never dropped
    sections = {s.name for s in SECTIONS}
    for key, value in data.items():
        if key not in RESERVED_KEYS and key not in doc and key not in sections:
            doc[key] = value
    for key in RESERVED_KEYS:
        if key != "schema_version" and key in data and data[key] is not None:
            new = key not in doc
            doc[key] = _reserved_yaml(key, data[key])
            if new:
                doc.yaml_set_comment_before_after_key(key, before="\n" + RESERVED_KEYS[key])
        elif key != "schema_version" and key in doc and key in data and data[key] is None:
            del doc[key]
    return doc


def _reserved_yaml(key: str, value: Any) -> Any:
    """A bookkeeping block as written: the carried figures with a Chinese comment per field."""
    if key == "carried_figures":
        return to_commented(value)
    return value


# Chinese comments beside each field of an entry in the answers file.
FIELD_COMMENTS = {
    "path": "位置（程序用）",
    "place": "位置",
    "sentence": "去年的原句",
    "last_year": "去年的数字",
    "at": "在去年原句里的位置（从第几个字起，0＝句首；程序用）",
    "key": "对应的数字项（程序用）",
    "confirmed": "已确认的报告年度；空＝还没有确认",
    "now": "今年改成的数字；删去＝这一分句已删去；不报告＝今年不报告这个数字",
}


def to_commented(entries: Any) -> Any:
    """The record as YAML with a Chinese comment beside every field (for the answers file)."""

    seq = CommentedSeq()
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            seq.append(entry)
            continue
        item = CommentedMap()
        for name, value in entry.items():
            item[name] = value
            if name in FIELD_COMMENTS:
                item.yaml_add_eol_comment(FIELD_COMMENTS[name], name)
        seq.append(item)
    return seq


def _plain_equal(old: Any, new: Any) -> bool:
    try:
        return plain(old) == plain(new)
    except DrafterError:
        return False


def dump_answers(data: Mapping[str, Any], base_doc: Any = None) -> str:
    """The answers file text for some answer data."""
    stream = io.StringIO()
    round_trip_yaml().dump(build_document(data, base_doc), stream)
    return stream.getvalue()


def save_answers(
    path: Path, data: Mapping[str, Any], base: AnswersFile | None = None
) -> AnswersFile:
    """Write answer data atomically (previous version kept as .bak); return the new file state."""
    text = dump_answers(data, base.doc if base is not None else None)
    saved = parse_answers_text(text, Path(path))  # read back before writing: never a broken file
    atomic_write_text(Path(path), text, backup=True)
    return saved
