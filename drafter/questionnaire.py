"""The questionnaire: one prompt_toolkit session that walks the catalogue, section by section.

The session only asks and shows. Everything it decides is a pure function of the catalogue and
the answers so far (``prefill_text``, ``store_value``, ``pending_keys``, ``toolbar_text``,
``cross_problems``, ``review_lines`` …), so it is testable without a terminal; parsing and
validating an answer is ``drafter.model.check_answer``.

Where an answer comes from, highest first (copier's order, written down once, here):
**this session > answers file > carried over from last year > the catalogue's default**.
Carried-over values are stored in the answers file by ``drafter.carryover.start_from_last`` and
listed in ``to_confirm``; so "answers file" and "carried over" are both the file's value, and a
carried one is still asked (prefilled) until the user confirms it. The default is only used when
the file holds nothing for the question.

Progress lives in the file itself: ``to_confirm`` lists the questions not yet answered or
confirmed, in catalogue order, so ``drafter new -o SAME`` resumes at the first of them; it is
removed from the file once everything has been answered.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import drafter.carryover  # noqa: F401  (registers the schema-0 migration before any file is read)
from drafter.answers import (
    RESERVED_KEYS,
    AnswersFile,
    default_filename,
    read_answers_file,
    save_answers,
)
from drafter.errors import EXIT_OK, DrafterError
from drafter.figures import Figure
from drafter.model import Item, check_answer
from drafter.questions import (
    OUTLINES,
    QUESTIONS,
    SECTION_BY_NAME,
    SECTIONS,
    Question,
    Section,
    get_answer,
)

# --------------------------------------------------------------------------- pure helpers

BACK_WORDS = frozenset({"<", "《", "〈"})
MENU_WORDS = frozenset({">", "》", "〉"})
HELP_WORDS = frozenset({"?", "？"})
COMMAND_WORDS = BACK_WORDS | MENU_WORDS | HELP_WORDS

MULTILINE_KINDS = frozenset({"longtext", "list"})
KEYS_HINT = "F1或? 帮助 · F2或< 上一题 · F3或> 目录 · Ctrl-C 保存退出"
MULTILINE_HINT = "（可写多段：回车换行；在空行上再按一次回车＝写完了）"
LIST_HINT = "（一行一项：回车换行；在空行上再按一次回车＝写完了）"
FIGURE_HINT = "只填数字，如 30；约数写成 1500余；不报告就直接回车留空；确实没有填 0。"

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "done": ("1", "完成", "已完成", "落实", "已落实", "是"),
    "partly": ("2", "部分", "部分完成", "部分落实"),
    "not": ("3", "未", "未完成", "未落实", "否", "没有"),
}


def all_keys() -> list[str]:
    """Every question key, in catalogue (report) order."""
    return [q.key for s in SECTIONS for q in s.questions]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def set_answer(data: dict[str, Any], key: str, value: Any) -> None:
    section, name = key.split(".", 1)
    values = data.get(section)
    if not isinstance(values, dict):
        values = {}
        data[section] = values
    values[name] = value


def pending_keys(data: Mapping[str, Any], *, fill_empty: bool = False) -> list[str]:
    """Questions still to answer or confirm, in catalogue order.

    ``to_confirm`` is the record; a file without it is complete except for required answers that
    are still empty (a hand-written file). ``fill_empty`` adds every empty question (an import,
    whose ``to_confirm`` only lists what it read).
    """
    listed = data.get("to_confirm")
    wanted: set[str] = set()
    if isinstance(listed, list):
        wanted |= {str(k) for k in listed if str(k) in QUESTIONS}
    for q in QUESTIONS.values():
        empty = is_empty(get_answer(data, q.key))
        if (fill_empty and empty) or (listed is None and q.required and empty):
            wanted.add(q.key)
    return [k for k in all_keys() if k in wanted]


def prefill_text(q: Question, value: Any) -> str:
    """What the prompt's buffer starts with for a stored (or default) value."""
    if value is None:
        return ""
    if q.kind == "bool":
        return "是" if value else "否"
    if q.kind in ("list",):
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if isinstance(value, Figure):
        return str(value)
    if isinstance(value, (list, dict)):
        return ""
    return str(value)


def store_value(q: Question, value: Any) -> Any:
    """A parsed answer as plain answers-file data."""
    if isinstance(value, Figure):
        return value.to_yaml()
    if q.kind == "items":
        return [
            {"heading": i.heading, "text": i.text} if isinstance(i, Item) else dict(i)
            for i in value or []
        ]
    if q.kind in ("text", "longtext", "date") and value == "":
        return None
    return value


def current_value(q: Question, data: Mapping[str, Any]) -> Any:
    """The value a question starts from: the file's (incl. carried over), else the default."""
    value = get_answer(data, q.key)
    if not is_empty(value):
        return value
    if q.kind == "figure":
        return None  # a figure never gets a default: blank means "not reported"
    return q.default_for(data)


def choice_from_input(q: Question, text: str) -> str:
    """Map "2" to the second choice; anything else is left to ``check_answer``."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit() and 1 <= int(text) <= len(q.choices):
        return q.choices[int(text) - 1]
    return text


def check_input(q: Question, text: str) -> tuple[Any, str | None]:
    """Parse what the user typed for one question: (value, Chinese error or None)."""
    raw: Any = text
    if q.kind == "choice":
        raw = choice_from_input(q, text)
    elif q.kind == "bool":
        raw = {"1": "是", "2": "否"}.get(text.strip(), text)
    value, error = check_answer(q, raw)
    if error is None and q.required and is_empty(value):
        return None, f"“{q.label}”必须填写"
    return value, error


def sanitized(data: Mapping[str, Any]) -> dict[str, Any]:
    """Answer data with every value that does not parse replaced by None (for the model)."""
    out: dict[str, Any] = {}
    for section in SECTIONS:
        values = data.get(section.name)
        if not isinstance(values, Mapping):
            continue
        clean: dict[str, Any] = {}
        for q in section.questions:
            value = values.get(q.name)
            _, error = check_answer(q, value)
            clean[q.name] = None if error else value
        out[section.name] = clean
    if isinstance(data.get("followups"), list):
        out["followups"] = data["followups"]  # last year's plans: rendered as 上年度工作安排落实
    return out


def invalid_answers(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Stored answers that no longer validate: (key, Chinese reason). Never dropped silently."""
    problems = []
    for q in QUESTIONS.values():
        value = get_answer(data, q.key)
        if value is None:
            continue
        _, error = check_answer(q, value)
        if error:
            problems.append((q.key, error))
    return problems


def model_of(data: Mapping[str, Any]) -> Any:
    from drafter.model import validate_answers

    return validate_answers(sanitized(data))


# Extra answers a cross-field rule involves besides the part/whole pair of the catalogue.
_RELATED: dict[str, tuple[str, ...]] = {
    "review.lost": ("review.lost", "review.reconsiderations", "review.lawsuits"),
    "identity.unit_name": ("identity.unit_name", "identity.unit_type"),
    "identity.date": ("identity.date", "identity.year"),
}


def related_keys(key: str) -> tuple[str, ...]:
    """The answers a cross-field problem reported at ``key`` involves (any of them may be wrong)."""
    if key in _RELATED:
        return _RELATED[key]
    q = QUESTIONS.get(key)
    if q is not None and q.part_of:
        return (key, q.part_of)
    return (key,)


def cross_problems(data: Mapping[str, Any], key: str | None = None) -> list[tuple[str, str]]:
    """Cross-field problems (all, or those that involve ``key``): (key, Chinese message)."""
    from drafter.model import cross_check

    problems = cross_check(model_of(data))
    if key is None:
        return problems
    return [(k, m) for k, m in problems if key in related_keys(k)]


def toolbar_text(
    section_index: int,
    sections: int,
    question_index: int,
    questions: int,
    answered: int,
    total: int,
) -> str:
    """The bottom toolbar: where the user is and how far along."""
    return (
        f" 第 {section_index}/{sections} 部分 · 第 {question_index}/{questions} 题 · "
        f"已答 {answered}/{total} 题 ｜ {KEYS_HINT}"
    )


def format_value(q: Question, value: Any) -> str:
    """An answer as one line of the review screen."""
    if is_empty(value):
        return "（未填）"
    if q.kind == "figure":
        return f"{value}{q.unit}"
    if q.kind == "bool":
        return "是" if value else "否"
    if q.kind == "choice" and q.choice_labels and value in q.choices:
        return f"{value}（{q.choice_labels[q.choices.index(value)]}）"
    if q.kind == "items":
        heads = [str(i.get("heading") or "（无小标题）") for i in value if isinstance(i, Mapping)]
        return f"{len(value)} 条：" + "；".join(heads)
    if q.kind == "list":
        return "；".join(str(v) for v in value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:58] + "……"


def review_lines(data: Mapping[str, Any], pending: Iterable[str] = ()) -> list[str]:
    """All answers by section, then what is still missing and the cross-field problems."""
    waiting = set(pending)
    lines: list[str] = []
    for number, section in enumerate(SECTIONS, 1):
        lines.append(f"{number}. {section.title}")
        for q in section.questions:
            value = get_answer(data, q.key)
            mark = "  [未答] " if q.key in waiting else "  "
            lines.append(f"{mark}{q.label}：{format_value(q, value)}")
    missing = [
        QUESTIONS[k].label
        for k in all_keys()
        if QUESTIONS[k].required and is_empty(current_value(QUESTIONS[k], data))
    ]
    if waiting:
        lines.append(f"尚未回答或确认 {len(waiting)} 题（见上面标“[未答]”的题目）。")
    if missing:
        lines.append("必填但还没有填写：" + "、".join(missing))
    for _key, message in cross_problems(data):
        lines.append(f"数字矛盾：{message}")
    for key, reason in invalid_answers(data):
        lines.append(f"答案无效：{QUESTIONS[key].label}：{reason}")
    return lines


def help_text(q: Question, data: Mapping[str, Any]) -> str:
    """Help for one question: what counts, where the figure comes from, an example sentence."""
    lines = [f"【帮助】{q.label}" + (f"（单位：{q.unit}）" if q.unit else "")]
    if q.help:
        lines.append(q.help)
    if q.source:
        lines.append(f"数据来源：{q.source}")
    if q.example:
        lines.append(f"例句：{q.example}")
    if q.kind == "figure":
        lines.append("填写方法：" + FIGURE_HINT)
    elif q.kind in MULTILINE_KINDS:
        lines.append("填写方法：" + (LIST_HINT if q.kind == "list" else MULTILINE_HINT))
    elif q.kind == "choice":
        lines.append("填写方法：输入序号，或用 ↑↓ 键切换选项，回车确认。")
    elif q.kind == "items":
        lines.append(
            "填写方法：每条先选或写小标题，再写内容；a 新增、e 序号 修改、d 序号 删除、"
            "m 序号 位置 移动，回车完成本题。"
        )
    default = q.default_for(data) if q.kind != "figure" else None
    if not is_empty(default) and q.kind not in ("items",):
        lines.append(f"默认值：{prefill_text(q, default)}")
    lines.append(
        "按键：F2 或输入 < 回到上一题；F3 或输入 > 打开目录（跳到任意部分、检查并生成）；"
        "Ctrl-C 或 Ctrl-D 保存并退出。"
    )
    return "\n".join(lines)


def start_text(total: int, first_time: bool) -> str:
    """The text shown above the first question."""
    titles = "、".join(s.title for s in SECTIONS)
    minutes = "第一次填写大约需要 40—60 分钟" if first_time else "大约需要 10—20 分钟"
    return (
        "drafter 问答：起草本单位的年度法治政府建设情况报告\n"
        f"共 {len(SECTIONS)} 个部分、{total} 个问题：{titles}。\n"
        f"{minutes}；文字可以先简写，以后用 drafter edit 修改。\n"
        "每答一题都自动保存到答卷文件；随时可按 Ctrl-C 退出，下次接着填。\n"
        "按键：回车＝确认（输入框里已有的内容就是默认值，直接回车即采用）；F1 或 ?＝帮助；\n"
        "      F2 或输入 <＝上一题；F3 或输入 >＝目录（跳到任意部分、检查并生成报告）；Ctrl-C＝保存退出。\n"
        "数字：" + FIGURE_HINT
    )


def resume_text(path: Path) -> str:
    return f"已保存到 {path}\n下次接着填：drafter new -o {_quoted(path)}"


def _quoted(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if " " in text else text


def status_of(text: str) -> str | None:
    """ "1"/"完成" → done, "2"/"部分" → partly, "3"/"未" → not."""
    text = text.strip()
    for status, words in STATUS_WORDS.items():
        if text in words:
            return status
    return None


def section_for(name: str) -> Section | None:
    """A section by key (publicity), Chinese title (普法宣传) or number in the menu (5)."""
    name = name.strip()
    if name.isdigit() and 1 <= int(name) <= len(SECTIONS):
        return SECTIONS[int(name) - 1]
    if name in SECTION_BY_NAME:
        return SECTION_BY_NAME[name]
    for section in SECTIONS:
        if section.title == name or section.title.startswith(name):
            return section
    return None


# --------------------------------------------------------------------------- the session


class _Signal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


BACK = _Signal("back")
MENU = _Signal("menu")


@dataclass
class Step:
    """One question of the walk and where it stands."""

    key: str
    section: int  # 1-based among the walked sections
    index: int  # 1-based within its section
    count: int  # questions in its section


class Questionnaire:
    """A thin prompt_toolkit session over the pure helpers above."""

    def __init__(
        self,
        path: Path | None,
        data: dict[str, Any],
        *,
        base: AnswersFile | None = None,
        keys: list[str] | None = None,
        pending: list[str] | None = None,
        track_progress: bool = True,
        walk_all: bool = False,
        input: Any = None,
        output: Any = None,
        notes: Mapping[str, list[str]] | None = None,
        log: list[str] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.base = base
        self.keys = keys or all_keys()
        self.pending: list[str] = list(pending if pending is not None else pending_keys(data))
        self.track_progress = track_progress
        self.walk_all = walk_all
        """Edit: walk every chosen question, not only the open ones."""
        self.input = input
        self.output = output
        self.notes: dict[str, list[str]] = {k: list(v) for k, v in (notes or {}).items()}
        self.transcript: list[str] = log if log is not None else []
        """Everything shown above the prompts (tests read it; DummyOutput discards the screen)."""
        self.errors: list[str] = []
        self.revisit_section: str | None = None
        self._headings_shown: set[str] = set()
        """Questions whose common headings were listed: once is enough (Tab completes them)."""
        self.auto_named = path is None
        self.resumed = False
        """True when an existing answers file is being continued."""
        self.result_docx: Path | None = None
        self._session: Any = None
        self._current: Question | None = None
        self._multiline = False
        self._steps = self._make_steps()

    # ------------------------------------------------------------------ output

    def say(self, text: str = "") -> None:
        """Print above the prompt (and keep it, so tests can read what the user saw)."""
        from prompt_toolkit import print_formatted_text

        self.transcript.append(text)
        if self.output is not None:
            print_formatted_text(text, output=self.output)
        else:
            print_formatted_text(text)

    @property
    def shown(self) -> str:
        return "\n".join(self.transcript)

    # ------------------------------------------------------------------ session plumbing

    def _make_steps(self) -> list[Step]:
        wanted = set(self.keys)
        sections = [s for s in SECTIONS if any(q.key in wanted for q in s.questions)]
        steps = []
        for number, section in enumerate(sections, 1):
            keys = [q.key for q in section.questions if q.key in wanted]
            steps += [Step(k, number, i, len(keys)) for i, k in enumerate(keys, 1)]
        self._section_count = len(sections)
        return steps

    def session(self) -> Any:
        if self._session is None:
            from prompt_toolkit import PromptSession

            self._session = PromptSession(
                input=self.input,
                output=self.output,
                key_bindings=self._bindings(),
                bottom_toolbar=self._toolbar,
                erase_when_done=False,
            )
        return self._session

    def _bindings(self) -> Any:
        from prompt_toolkit.application import get_app, run_in_terminal
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings

        kb = KeyBindings()
        empty = Condition(lambda: not get_app().current_buffer.text)

        def show_help() -> None:
            current = self._current
            if current is not None:
                run_in_terminal(lambda: self.say(help_text(current, self.data)))

        @kb.add("f1")
        def _help(event: Any) -> None:
            show_help()

        @kb.add("?", filter=empty)
        @kb.add("？", filter=empty)
        def _help_key(event: Any) -> None:
            show_help()

        @kb.add("c-d", eager=True)
        def _quit(event: Any) -> None:
            # Ctrl-D saves and exits even when the line is not empty (the Delete key deletes).
            event.app.exit(exception=EOFError, style="class:exiting")

        @kb.add("f2")
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

        @kb.add("f3")
        def _menu(event: Any) -> None:
            event.app.exit(result=MENU)

        multiline = Condition(lambda: self._multiline)

        @kb.add("enter", filter=multiline, eager=True)
        def _enter(event: Any) -> None:
            # Enter starts a new line; Enter on an empty last line finishes the answer.
            buffer = event.current_buffer
            doc = buffer.document
            if not buffer.text.strip() or (
                doc.is_cursor_at_the_end and not doc.current_line.strip()
            ):
                buffer.text = buffer.text.rstrip()
                buffer.validate_and_handle()
            else:
                buffer.insert_text("\n")

        choosing = Condition(lambda: self._current is not None and self._cycle_options() != ())

        @kb.add("up", filter=choosing)
        def _up(event: Any) -> None:
            self._cycle(event.current_buffer, -1)

        @kb.add("down", filter=choosing)
        def _down(event: Any) -> None:
            self._cycle(event.current_buffer, 1)

        return kb

    def _cycle_options(self) -> tuple[str, ...]:
        q = self._current
        if q is None:
            return ()
        if q.kind == "choice":
            return q.choices
        if q.kind == "bool":
            return ("是", "否")
        return ()

    def _cycle(self, buffer: Any, step: int) -> None:
        options = self._cycle_options()
        text = choice_from_input(self._current, buffer.text) if self._current else buffer.text
        index = options.index(text) if text in options else -step if step > 0 else 0
        buffer.text = options[(index + step) % len(options)]
        buffer.cursor_position = len(buffer.text)

    def _toolbar(self) -> str:
        key = self._current.key if self._current is not None else None
        step = next((s for s in self._steps if s.key == key), None)
        answered = len(QUESTIONS) - len(self.pending)
        if step is None:
            return f" 检查全部答案 · 已答 {answered}/{len(QUESTIONS)} 题 ｜ {KEYS_HINT}"
        return toolbar_text(
            step.section, self._section_count, step.index, step.count, answered, len(QUESTIONS)
        )

    def ask(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        multiline: bool = False,
        while_typing: bool = False,
        completions: Iterable[str] = (),
    ) -> Any:
        """One prompt: returns the text, or BACK/MENU; Ctrl-C/Ctrl-D propagate."""
        from prompt_toolkit.completion import WordCompleter
        from prompt_toolkit.validation import ValidationError, Validator

        outer = self

        class _Validator(Validator):
            def validate(self, document: Any) -> None:
                text = document.text
                if validate is None or text.strip() in COMMAND_WORDS:
                    return
                error = validate(text)
                if error:
                    if not outer.errors or outer.errors[-1] != error:
                        outer.errors.append(error)
                    raise ValidationError(message=error, cursor_position=len(text))

        words = list(completions)
        self._multiline = multiline
        result = self.session().prompt(
            message,
            default=default,
            validator=_Validator(),
            validate_while_typing=while_typing,
            multiline=multiline,
            completer=WordCompleter(words, sentence=True) if words else None,
            complete_while_typing=False,
        )
        if isinstance(result, _Signal):
            self.transcript.append(f"{message.strip()} [{result.name}]")
            return result
        # The screen keeps the prompt line itself; the transcript needs it for tests and logs.
        self.transcript.append(f"{message.strip()} {result}")
        stripped = result.strip()
        if stripped in BACK_WORDS:
            return BACK
        if stripped in MENU_WORDS:
            return MENU
        return result

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Autosave (atomic, keeps .bak and the user's comments)."""
        if self.path is None:
            return
        if self.track_progress:
            order = [k for k in all_keys() if k in set(self.pending)]
            self.data["to_confirm"] = order or None
        self.base = save_answers(self.path, self.data, base=self.base)

    def _name_file(self) -> None:
        """With no -o: the file is named after the unit and year once the unit name is known."""
        name = get_answer(self.data, "identity.unit_name")
        if not self.auto_named or not name:
            return
        year = get_answer(self.data, "identity.year") or QUESTIONS["identity.year"].default_for(
            self.data
        )
        wanted = Path.cwd() / default_filename(str(name), year)
        if self.path == wanted:
            return
        if self.path is None and wanted.exists():
            self._adopt_existing(wanted)
            return
        if self.path is not None and self.path.exists():
            if wanted.exists():
                return  # never overwrite another answers file: keep the current name
            self.path.replace(wanted)
            backup = self.path.with_name(self.path.name + ".bak")
            if backup.exists():
                backup.unlink()
        self.path = wanted
        self.say(f"答卷文件：{wanted}")

    def _adopt_existing(self, path: Path) -> None:
        """The default file already exists: continue it instead of overwriting it."""
        loaded = read_answers_file(path)
        mine = self.data
        self.data = loaded.data
        self.base = loaded
        for key in all_keys():
            if key not in self.pending and not is_empty(get_answer(mine, key)):
                set_answer(self.data, key, get_answer(mine, key))
        self.pending = [
            k for k in pending_keys(self.data) if is_empty(get_answer(mine, k)) or k in self.pending
        ]
        self.pending = [k for k in self.pending if k != "identity.unit_name"]
        self.path = path
        self.say(f"发现已有答卷 {path}，接着上次的进度继续（不会覆盖已填的内容）。")

    def record(self, q: Question, value: Any) -> None:
        set_answer(self.data, q.key, store_value(q, value))
        if q.key in self.pending:
            self.pending.remove(q.key)
        if q.key in ("identity.unit_name", "identity.year"):
            self._name_file()
        self.save()

    # ------------------------------------------------------------------ walking

    def run(self, *, intro: bool = True, start: int | None = None) -> int:
        """Walk the questions, then the review screen. Ctrl-C/Ctrl-D save and exit."""
        try:
            return self._run(intro, start)
        except (KeyboardInterrupt, EOFError):
            if self.path is None:
                self.say("\n已退出，还没有答案需要保存。")
            else:
                self.save()
                self.say("\n" + resume_text(self.path))
            return EXIT_OK

    def _first_pending_index(self) -> int:
        for index, step in enumerate(self._steps):
            if step.key in self.pending:
                return index
        return len(self._steps)

    def _next_index(self, index: int) -> int:
        index += 1
        if self.walk_all:
            return index
        while index < len(self._steps):
            step = self._steps[index]
            if step.key in self.pending or QUESTIONS[step.key].section == self.revisit_section:
                return index
            self.revisit_section = None
            index += 1
        return index

    def _run(self, intro: bool, start: int | None) -> int:
        index = self._first_pending_index() if start is None else start
        if intro:
            self.say(start_text(len(self._steps), first_time=not self.data.get("last_year")))
            if self.resumed and index < len(self._steps):
                done = len(QUESTIONS) - len(self.pending)
                label = QUESTIONS[self._steps[index].key].label
                self.say(f"\n接着上次的进度：已答 {done} 题，从“{label}”开始。")
        last_section = None
        while True:
            while index < len(self._steps):
                step = self._steps[index]
                q = QUESTIONS[step.key]
                if q.section != last_section:
                    section = SECTION_BY_NAME[q.section]
                    self.say(
                        f"\n==== 第 {step.section}/{self._section_count} 部分：{section.title} ====\n"
                        f"{section.intro}"
                    )
                    last_section = q.section
                outcome = self.ask_question(q)
                if outcome is BACK:
                    index = max(0, index - 1)
                    self.revisit_section = QUESTIONS[self._steps[index].key].section
                    last_section = None
                    continue
                if outcome is MENU:
                    target = self.menu()
                    if target is None:
                        continue
                    if not isinstance(target, int):  # "review"
                        break
                    index = target
                    self.revisit_section = QUESTIONS[self._steps[index].key].section
                    last_section = None
                    continue
                jump = self.after_answer(q)
                if jump is not None:
                    index = jump
                    self.revisit_section = QUESTIONS[self._steps[index].key].section
                    continue
                index = self._next_index(index)
            target = self.review()
            if target is None:
                return EXIT_OK
            index = target
            self.revisit_section = QUESTIONS[self._steps[index].key].section
            last_section = None

    def ask_question(self, q: Question) -> Any:
        """Ask one question until it gets a valid answer (or BACK/MENU); record it."""
        self._current = q
        for note in self.notes.get(q.key, []):
            self.say(f"请注意：{note}")
        if q.kind == "items":
            special = self._special_items(q)
            outcome = special(q) if special is not None else self.ask_items(q)
            if isinstance(outcome, _Signal):
                return outcome
            self.record(q, outcome)
            return None
        value = current_value(q, self.data)
        stored = get_answer(self.data, q.key)
        if stored is not None:
            _, error = check_answer(q, stored)
            if error:
                self.say(f"原来的答案“{prefill_text(q, stored)}”不能使用：{error}。请重新填写。")
        message, hint = self._message(q)
        if hint:
            self.say(hint)
        if q.kind == "choice":
            for number, choice in enumerate(q.choices, 1):
                label = q.choice_labels[number - 1] if q.choice_labels else ""
                self.say(
                    f"  {number}. {choice}" + (f"  {label}" if label and label != choice else "")
                )
        # A choice or the year starts empty (typing "2" or "2025" must not append to the shown
        # default, which a new user would not think of deleting first): Enter = default.
        picked = q.kind in ("choice", "bool", "year")
        fallback = prefill_text(q, value)
        if picked and fallback:
            message = message.replace("：", f"［回车＝{fallback}］：", 1)

        def effective(text: str) -> str:
            return fallback if picked and not text.strip() else text

        while True:
            text = self.ask(
                message,
                default="" if picked else fallback,
                validate=lambda t: check_input(q, effective(t))[1],
                multiline=q.kind in MULTILINE_KINDS,
                while_typing=q.kind in ("figure", "year", "date"),
            )
            if isinstance(text, _Signal):
                return text
            if text.strip() in HELP_WORDS:
                self.say(help_text(q, self.data))
                continue
            parsed, error = check_input(q, effective(text))
            if error:  # only reachable when the validator was bypassed
                self.say(error)
                continue
            self.record(q, parsed)
            return None

    def _message(self, q: Question) -> tuple[str, str]:
        unit = f"（{q.unit}）" if q.unit else ""
        extra = ""
        hint = ""
        if q.kind == "figure":
            from drafter.carryover import last_year_text

            last = last_year_text(q, self.data)
            extra = f"  {last}" if last else ""
        elif q.kind in MULTILINE_KINDS:
            hint = LIST_HINT if q.kind == "list" else MULTILINE_HINT
        elif q.kind == "choice":
            hint = "输入序号或用 ↑↓ 选择，回车确认："
        elif q.kind == "bool":
            unit = "（是/否）"
        if q.key == "opening.guiding":
            from drafter.yearly import needs_confirmation

            year = get_answer(self.data, "identity.year")
            if isinstance(year, int) and needs_confirmation(year):
                hint = (
                    f"{year}年度的会议提法本程序未经核实，请按上级最新文件确认或修改。\n" + hint
                ).strip()
        sep = "\n" if q.kind in MULTILINE_KINDS else ""
        return f"{q.label}{unit}{extra}：{sep}", hint

    def after_answer(self, q: Question) -> int | None:
        """Checks that need more than one answer; returns a step index to jump to, if any."""
        if q.kind == "figure":
            from drafter.carryover import figure_warning

            value = get_answer(self.data, q.key)
            warning = figure_warning(q, value, self.data)
            if warning:
                self.say(f"请核对：{warning}")
                again = self.ask("回车＝数字没错；输入 r＝重新填写：")
                if isinstance(again, str) and again.strip().lower() in ("r", "改", "重填"):
                    return self._index_of(q.key)
        if q.kind not in ("figure", "choice", "text", "date", "year"):
            return None
        for key, message in cross_problems(self.data, q.key):
            related = [k for k in related_keys(key) if k in set(self.keys)]
            self.say(f"数字矛盾：{message}")
            for number, other in enumerate(related, 1):
                value = format_value(QUESTIONS[other], get_answer(self.data, other))
                self.say(f"  {number}. 重新填写“{QUESTIONS[other].label}”（现为 {value}）")
            choice = self.ask(
                f"请选择要改正的一项（输入序号；回车＝重新填写“{q.label}”）：",
                validate=_number_error(len(related)),
            )
            text = choice.strip() if isinstance(choice, str) else ""
            if text.isdigit() and 1 <= int(text) <= len(related):
                return self._index_of(related[int(text) - 1])
            return self._index_of(q.key)
        return None

    def _index_of(self, key: str) -> int:
        return next(i for i, s in enumerate(self._steps) if s.key == key)

    # ------------------------------------------------------------------ items

    def _special_items(self, q: Question) -> Callable[[Question], Any] | None:
        """Last year's plans and problems come back one by one (see carryover)."""
        if q.key == "rectification.items" and self._last_year("problems"):
            return self.ask_rectification
        if q.key == "plans.items" and self._last_year("plans"):
            return self.ask_plans
        return None

    def ask_plans(self, q: Question) -> Any:
        """First how last year's plans went, then next year's plans."""
        if self._followups_pending():
            outcome = self.ask_followups()
            if isinstance(outcome, _Signal):
                return outcome
        return self.ask_items(q)

    def _last_year(self, name: str) -> list[dict[str, Any]]:
        block = self.data.get("last_year")
        if not isinstance(block, Mapping):
            return []
        items = block.get(name)
        return [dict(i) for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []

    def _followups_pending(self) -> bool:
        done = self.data.get("followups")
        return not isinstance(done, list) or len(done) < len(self._last_year("plans"))

    def show_items(self, q: Question, items: list[dict[str, Any]]) -> None:
        if not items:
            self.say(f"“{q.label}”还没有条目。")
            return
        self.say(f"“{q.label}”现有 {len(items)} 条：")
        for number, item in enumerate(items, 1):
            body = str(item.get("text") or "").replace("\n", " ")
            body = body if len(body) <= 40 else body[:38] + "……"
            self.say(f"  {number}. {item.get('heading') or '（无小标题）'}：{body}")

    def ask_items(self, q: Question) -> Any:
        """Add, edit, delete and reorder items (heading + multi-line body)."""
        stored = current_value(q, self.data)
        items: list[dict[str, Any]] = [
            {"heading": str(i.get("heading") or ""), "text": str(i.get("text") or "")}
            for i in (stored or [])
            if isinstance(i, Mapping)
        ]
        self.say(f"{q.label}：" + ("每条先写小标题，再写内容。" if not items else ""))
        if not items:
            outcome = self._add_items(q, items)
            if isinstance(outcome, _Signal):
                return outcome
            if not items:
                return items  # nothing to write: the report leaves this out
        while True:
            self.show_items(q, items)
            command = self.ask(
                "回车＝完成本题；a＝新增；e 序号＝修改；d 序号＝删除；m 序号 新位置＝移动：",
                validate=lambda t: _item_command_error(t, len(items)),
            )
            if isinstance(command, _Signal):
                return command
            parts = command.replace("，", " ").replace(",", " ").split()
            if not parts:
                return items
            verb, numbers = parts[0].lower(), [int(p) for p in parts[1:] if p.isdigit()]
            if verb in HELP_WORDS:
                self.say(help_text(q, self.data))
            elif verb == "a":
                outcome = self._add_items(q, items)
                if isinstance(outcome, _Signal):
                    return outcome
            elif verb == "e" and numbers:
                edited = self._ask_item(q, items[numbers[0] - 1], numbers[0])
                if isinstance(edited, _Signal):
                    return edited
                if edited is not None:
                    items[numbers[0] - 1] = edited
                    self._keep(q, items)
            elif verb == "d" and numbers:
                removed = items.pop(numbers[0] - 1)
                self.say(f"已删除：{removed['heading'] or removed['text'][:20]}")
                self._keep(q, items)
            elif verb == "m" and len(numbers) == 2:
                item = items.pop(numbers[0] - 1)
                items.insert(min(numbers[1], len(items) + 1) - 1, item)
                self._keep(q, items)

    def _add_items(self, q: Question, items: list[dict[str, Any]]) -> Any:
        while len(items) < 50:
            item = self._ask_item(q, None, len(items) + 1)
            if isinstance(item, _Signal):
                return item
            if item is None:
                return None
            items.append(item)
            self._keep(q, items)
        return None

    def _keep(self, q: Question, items: list[dict[str, Any]]) -> None:
        """Save the items so far: a crash or Ctrl-C in the middle of a list loses none of them.
        The question stays pending until the user finishes it."""
        set_answer(self.data, q.key, store_value(q, items))
        self.save()

    def _ask_item(self, q: Question, item: Mapping[str, Any] | None, number: int) -> Any:
        """One item: a heading (a common one by number, or typed) and a multi-line body."""
        if q.headings and q.key not in self._headings_shown:
            self._headings_shown.add(q.key)
            self.say("常用小标题（输入序号选用，或直接写自己的；Tab 可补全）：")
            for n, heading in enumerate(q.headings, 1):
                self.say(f"  {n}. {heading}")
        finish = "直接回车＝不再添加" if item is None else "回车＝不改"
        heading = self.ask(
            f"第 {number} 条的小标题（{finish}）：",
            default=str(item.get("heading") or "") if item else "",
            completions=q.headings,
        )
        if isinstance(heading, _Signal):
            return heading
        heading = heading.strip()
        if heading.isdigit() and q.headings and 1 <= int(heading) <= len(q.headings):
            heading = q.headings[int(heading) - 1]
        if not heading and item is None:
            return None
        body = self.ask(
            f"第 {number} 条的内容{MULTILINE_HINT}：\n",
            default=str(item.get("text") or "") if item else "",
            multiline=True,
        )
        if isinstance(body, _Signal):
            return body
        parsed, error = check_answer(q, [{"heading": heading, "text": body}])
        if error or not parsed:
            if error:
                self.say(error)
            return None
        return {"heading": parsed[0].heading, "text": parsed[0].text}

    # ------------------------------------------------------------------ follow-ups

    def ask_followups(self) -> Any:
        """Last year's plans, one by one: 去年计划：…… 今年落实情况？"""
        from drafter.carryover import followup_item

        plans = self._last_year("plans")
        done = self.data.get("followups")
        answers: list[dict[str, Any]] = list(done) if isinstance(done, list) else []
        if answers and len(answers) >= len(plans):
            return None
        self.say(f"去年报告里有 {len(plans)} 项“下一年度安排”，请逐项说明今年的落实情况：")

        def keep(done: list[dict[str, Any]]) -> None:
            self.data["followups"] = done
            self.save()

        outcome = self._follow_up(plans, answers, "去年计划", "今年落实情况？", followup_item, keep)
        return outcome if isinstance(outcome, _Signal) else None

    def ask_rectification(self, q: Question) -> Any:
        """Last year's problems come back as 整改情况 (heading = the problem)."""
        from drafter.carryover import rectification_item

        problems = self._last_year("problems")
        existing = current_value(q, self.data) or []
        # Items kept from an interrupted run: go on with the problems not yet answered.
        if existing and not (q.key in self.pending and len(existing) < len(problems)):
            return self.ask_items(q)
        items: list[dict[str, Any]] = [
            {"heading": i.heading, "text": i.text} if isinstance(i, Item) else dict(i)
            for i in existing
        ]
        self.say(f"去年报告里有 {len(problems)} 条“存在的不足”，请逐条说明今年的整改情况：")
        return self._follow_up(
            problems,
            items,
            "去年的不足",
            "今年整改情况？",
            rectification_item,
            lambda done: self._keep(q, done),
        )

    def _follow_up(
        self,
        entries: list[dict[str, Any]],
        done: list[dict[str, Any]],
        label: str,
        question: str,
        make: Callable[[Mapping[str, Any], str, str], dict[str, Any]],
        keep: Callable[[list[dict[str, Any]]], None],
    ) -> Any:
        """Last year's entries not yet in ``done``, one by one: status and a sentence each.
        Every answer is kept at once, so an interrupted run resumes at the next entry."""
        for entry in entries[len(done) :]:
            answer = self._ask_status(
                f"{label}：{entry.get('heading') or entry.get('text')}", question
            )
            if isinstance(answer, _Signal):
                return answer
            status, sentence = answer
            done.append(make(entry, status, sentence))
            keep(done)
        return done

    def _ask_status(self, title: str, question: str) -> Any:
        self.say(title)
        status_text = self.ask(
            f"{question}（1＝已完成，2＝部分完成，3＝未完成）：",
            validate=lambda t: None if status_of(t) else "请输入 1、2 或 3",
        )
        if isinstance(status_text, _Signal):
            return status_text
        sentence = self.ask("用一句话说明做了什么、效果如何（可留空）：")
        if isinstance(sentence, _Signal):
            return sentence
        return status_of(status_text) or "done", sentence.strip()

    # ------------------------------------------------------------------ menu and review

    def menu(self) -> int | str | None:
        """Section menu: jump to any section, or to the review screen."""
        walked = {QUESTIONS[s.key].section for s in self._steps}
        sections = [s for s in SECTIONS if s.name in walked]
        self.say("\n目录：")
        for number, section in enumerate(sections, 1):
            open_count = sum(1 for q in section.questions if q.key in self.pending)
            state = f"{open_count} 题未答" if open_count else "已答完"
            self.say(f"  {number}. {section.title}（{state}）")
        self.say("  0. 检查全部答案并生成报告")
        choice = self.ask("输入序号跳到该部分（直接回车＝回到刚才的题）：")
        if isinstance(choice, _Signal):
            return None
        text = choice.strip()
        if text in ("0", "０"):
            return "review"
        if text.isdigit() and 1 <= int(text) <= len(sections):
            name = sections[int(text) - 1].name
            return next(i for i, s in enumerate(self._steps) if QUESTIONS[s.key].section == name)
        return None

    def review(self) -> int | None:
        """All answers, what is missing, warnings; then build. Returns a step to revisit."""
        while True:
            self._current = None
            self.say("\n==== 检查全部答案 ====")
            for line in review_lines(self.data, self.pending):
                self.say(line)
            warnings = self.draft_findings()
            if warnings:
                self.say(f"\n检查草稿发现 {len(warnings)} 处需要注意：")
                for line in warnings[:15]:
                    self.say(f"  - {line}")
            choice = self.ask("\n回车＝生成 Word 报告；输入部分序号＝修改该部分；q＝保存退出：")
            if isinstance(choice, _Signal):
                choice = ""
            text = choice.strip().lower()
            if text in ("q", "退出"):
                if self.path is not None:
                    self.say(resume_text(self.path))
                return None
            section = section_for(text) if text else None
            if section is not None:
                keys = [q.key for q in section.questions if q.key in set(self.keys)]
                if keys:
                    return self._index_of(keys[0])
            if text:
                continue
            built = self.build()
            if built:
                return None

    def draft_findings(self) -> list[str]:
        """The checks' warnings on the answers, each naming the answer it is in."""
        from drafter.checks.answers import check_answers

        found = check_answers(model_of(self.data))
        return [
            f"{f.where}：{f.finding.message}"
            + (f"（“{f.finding.excerpt}”）" if f.finding.excerpt else "")
            for f in found
            if f.finding.rule != "figure-impossible"  # already listed as 数字矛盾
        ]

    def build(self) -> bool:
        """Build the .docx with the spine's builder and print where it is."""
        from drafter.build import build_from_answers, default_output, findings_report

        problems = cross_problems(self.data)
        if problems:
            self.say("有互相矛盾的数字，请先改正：")
            for _, message in problems:
                self.say(f"  - {message}")
            return False
        try:
            model = model_of(self.data)
            folder = (self.path.resolve().parent if self.path else Path.cwd()) / "output"
            started = time.monotonic()
            result = build_from_answers(model, default_output(model, folder))
        except DrafterError as exc:
            self.say(f"无法生成：{exc}")
            return False
        self.result_docx = result.docx
        self.say(f"\n已生成报告：{result.docx}（用时 {time.monotonic() - started:.1f} 秒）")
        lines, _errors = findings_report(result)
        for line in lines:
            self.say(line)
        if self.path is not None:
            self.say(f"答卷：{self.path}（以后修改：drafter edit {_quoted(self.path)}）")
        return True


def _number_error(count: int) -> Callable[[str], str | None]:
    """Validator for "pick one of 1..count" (blank allowed: the default)."""

    def check(text: str) -> str | None:
        text = text.strip()
        if not text or (text.isdigit() and 1 <= int(text) <= count):
            return None
        return f"请输入 1—{count} 的序号"

    return check


def _item_command_error(text: str, count: int) -> str | None:
    parts = text.replace("，", " ").replace(",", " ").split()
    if not parts or parts[0] in HELP_WORDS:
        return None
    verb, rest = parts[0].lower(), parts[1:]
    if verb == "a" and not rest:
        return None
    if verb in ("e", "d") and len(rest) == 1 and rest[0].isdigit() and 1 <= int(rest[0]) <= count:
        return None
    if verb == "m" and len(rest) == 2 and all(p.isdigit() and 1 <= int(p) <= count for p in rest):
        return None
    return f"看不懂“{text}”：回车完成；a 新增；e 序号 修改；d 序号 删除；m 序号 新位置 移动（共 {count} 条）"


# --------------------------------------------------------------------------- entry points


def _confirm_migration(loaded: AnswersFile, q: Questionnaire) -> bool:
    """Show what a schema migration changes; continue only when the user agrees."""
    from drafter.carryover import migration_report

    for line in migration_report(loaded):
        q.say(line)
    answer = q.ask("回车＝同意并继续（原文件另存一份，不做任何改动）；n＝不升级，退出：")
    if isinstance(answer, _Signal) or answer.strip().lower() in ("n", "no", "否", "不"):
        q.say("未做任何修改。")
        return False
    if loaded.path is not None:
        from drafter.fsutil import free_name

        keep = free_name(
            loaded.path.with_name(f"{loaded.path.stem}.v{loaded.migrated_from}{loaded.path.suffix}")
        )
        shutil.copy2(loaded.path, keep)
        q.say(f"原文件已原样另存为 {keep}；答卷将按新格式保存。")
    return True


def run_new(
    path: Path | None = None,
    *,
    from_last: Path | None = None,
    import_file: Path | None = None,
    input: Any = None,
    output: Any = None,
    log: list[str] | None = None,
) -> int:
    """``drafter new``: a fresh questionnaire, or resume ``path`` when it exists."""
    path = Path(path) if path is not None else None
    notes: dict[str, list[str]] = {}
    if path is not None and path.exists():
        loaded = read_answers_file(path)
        q = Questionnaire(path, loaded.data, base=loaded, input=input, output=output, log=log)
        q.resumed = True
        if loaded.migrated_from is not None and not _confirm_migration(loaded, q):
            return EXIT_OK
        _report_unknown(q, loaded)
        _report_invalid(q)
        return q.run()
    if from_last is not None:
        from drafter.carryover import carried_notes, start_from_last

        data = start_from_last(Path(from_last))
        notes = carried_notes(data)
        if path is None:
            name = get_answer(data, "identity.unit_name")
            path = Path.cwd() / default_filename(name, get_answer(data, "identity.year"))
            if path.exists():
                return run_new(path, input=input, output=output, log=log)
        q = Questionnaire(path, data, input=input, output=output, log=log, notes=notes)
        q.say(
            f"从去年的答卷 {from_last} 开始：单位信息和文字已沿用（回车确认或修改），数字需要重新填写。"
        )
        if notes:
            q.say("沿用的文字里有可能过时的地方，问到时请修改：")
            for key, messages in notes.items():
                for message in messages:
                    q.say(f"  - {QUESTIONS[key].label}：{message}")
        q.save()
        q.say(f"答卷文件：{path}")
        return q.run()
    if import_file is not None:
        from drafter.importer import import_file as do_import

        data = do_import(Path(import_file))
        pending = pending_keys(data, fill_empty=True)
        q = Questionnaire(path, data, pending=pending, input=input, output=output, log=log)
        q.say(f"已从 {import_file} 导入，请逐项确认。")
        if path is None:
            q._name_file()
        else:
            q.save()
        return q.run()
    q = Questionnaire(path, {}, pending=all_keys(), input=input, output=output, log=log)
    return q.run()


def run_edit(
    path: Path,
    section: str | None = None,
    *,
    input: Any = None,
    output: Any = None,
    log: list[str] | None = None,
) -> int:
    """``drafter edit``: re-ask one section or all, the current answers as defaults."""
    path = Path(path)
    loaded = read_answers_file(path)
    keys = all_keys()
    if section is not None:
        found = section_for(section)
        if found is None:
            names = "、".join(f"{s.name}（{s.title}）" for s in SECTIONS)
            raise DrafterError(f"没有名为“{section}”的部分", hint=f"可选：{names}。")
        keys = [q.key for q in found.questions]
    q = Questionnaire(
        path,
        loaded.data,
        base=loaded,
        keys=keys,
        pending=pending_keys(loaded.data),
        walk_all=True,
        input=input,
        output=output,
        log=log,
    )
    if loaded.migrated_from is not None and not _confirm_migration(loaded, q):
        return EXIT_OK
    _report_unknown(q, loaded)
    _report_invalid(q)
    return q.run(intro=False, start=0)


def _report_unknown(q: Questionnaire, loaded: AnswersFile) -> None:
    if loaded.unknown:
        q.say("答卷里有本程序不认识的项目（原样保留，不会删除）：" + "、".join(loaded.unknown))


def _report_invalid(q: Questionnaire) -> None:
    for key, reason in invalid_answers(q.data):
        q.say(f"“{QUESTIONS[key].label}”原来的答案不能使用：{reason}；问到时请重新填写。")
        if key not in q.pending:
            q.pending.append(key)


__all__ = [
    "BACK",
    "MENU",
    "OUTLINES",
    "RESERVED_KEYS",
    "Questionnaire",
    "check_input",
    "cross_problems",
    "help_text",
    "pending_keys",
    "prefill_text",
    "review_lines",
    "run_edit",
    "run_new",
    "start_text",
    "store_value",
    "toolbar_text",
]
