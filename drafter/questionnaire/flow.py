"""The flow of steps: which question comes next, asking it, recording the answer, going back,
jumping through the menu, and the checks that need more than one answer.

``Questionnaire`` holds the answers and the walk; the terminal is ``session.Terminal``, the screens
are in ``screens``, the items and follow-up editors in ``editors`` and the confirmation of last
year's figures in ``confirm``.

Progress lives in the file itself: ``to_confirm`` lists the questions not yet answered or
confirmed, in catalogue order, so ``drafter new -o SAME`` resumes at the first of them; it is
removed from the file once everything has been answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.answers.file import (
    RECORD_KEY,
    AnswersFile,
    default_filename,
    read_answers_file,
    save_answers,
)
from drafter.answers.parse import check_answer
from drafter.errors import EXIT_OK
from drafter.questionnaire import screens
from drafter.questionnaire.logic import (
    HELP_WORDS,
    MULTILINE_KINDS,
    all_keys,
    check_input,
    choice_from_input,
    choice_name,
    current_value,
    is_empty,
    number_error,
    pending_keys,
    prefill_text,
    related_keys,
    set_answer,
    skip_reason,
    store_value,
)
from drafter.questionnaire.screens import LIST_HINT, MULTILINE_HINT, format_value, help_text
from drafter.questionnaire.session import BACK, MENU, Signal, Terminal
from drafter.questionnaire.state import LATER, Later, Step
from drafter.questions import QUESTIONS, SECTION_BY_NAME, SECTIONS, Question, get_answer
from drafter.questions.yearly import needs_confirmation

if TYPE_CHECKING:
    from drafter.answers.model import Answers

WRITTEN_KINDS = frozenset({"text", "longtext", "list"})
"""Answers typed as text: kept when Ctrl-C leaves in the middle of one."""


class Questionnaire:
    """The walk through the catalogue over one terminal session."""

    def __init__(
        self,
        path: Path | None,
        data: dict[str, Any],
        *,
        base: AnswersFile | None = None,
        keys: list[str] | None = None,
        pending: list[str] | None = None,
        walk_all: bool = False,
        editing: bool = False,
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
        self.walk_all = walk_all
        """Edit: walk every chosen question, not only the open ones."""
        self.editing = editing
        """``drafter edit``: the way back is ``drafter edit``/``drafter build``, not ``new``."""
        self.notes: dict[str, list[str]] = {k: list(v) for k, v in (notes or {}).items()}
        # Once the first question is on the screen, the later steps load while it is read.
        self.term = Terminal(
            input=input,
            output=output,
            toolbar=self._toolbar,
            help=self._help,
            log=log,
            shown=LATER.start,
        )
        self.revisit_section: str | None = None
        self.headings_shown: set[str] = set()
        """Questions whose common headings were listed during this visit of the question."""
        self.auto_named = path is None
        self.resumed = False
        """True when an existing answers file is being continued."""
        self.current: Question | None = None
        self.steps = self._make_steps()

    # ------------------------------------------------------------------ terminal

    @property
    def transcript(self) -> list[str]:
        return self.term.transcript

    @property
    def errors(self) -> list[str]:
        return self.term.errors

    @property
    def shown(self) -> str:
        return "\n".join(self.term.transcript)

    def say(self, text: str = "") -> None:
        self.term.say(text)

    def ask(self, message: str, **kwargs: Any) -> Any:
        return self.term.ask(message, **kwargs)

    def unfinished(self) -> str:
        return self.term.unfinished

    def columns(self) -> int:
        return self.term.columns()

    def _help(self) -> str | None:
        return help_text(self.current, self.data) if self.current is not None else None

    def _toolbar(self) -> str:
        key = self.current.key if self.current is not None else None
        step = next((s for s in self.steps if s.key == key), None)
        answered = len(QUESTIONS) - len(self.pending)
        if step is None:
            return f" 检查全部答案 · 已答 {answered}/{len(QUESTIONS)} 题\n {screens.KEYS_HINT}"
        return screens.toolbar_text(
            step.section,
            self.section_count,
            step.index,
            step.count,
            answered,
            len(QUESTIONS),
            multiline=self.term.multiline,
        )

    @property
    def year(self) -> int | None:
        year = get_answer(self.data, "identity.year")
        return year if isinstance(year, int) else None

    @property
    def answers(self) -> Answers:
        """The working copy as the typed model, for what the questionnaire hands on (the checks,
        the carried figures, a build)."""
        return self.later.model_of(self.data)

    @property
    def later(self) -> Later:
        """The steps after the first screen (the typed answers, last year's figures, the
        checks, the review and the build): waits for them if they are still loading."""
        return LATER.get()

    def carries(self) -> bool:
        """Whether texts carried from last year hold figures (their steps need ``later``)."""
        return bool(self.data.get(RECORD_KEY))

    # ------------------------------------------------------------------ steps

    def _make_steps(self) -> list[Step]:
        wanted = set(self.keys)
        sections = [s for s in SECTIONS if any(q.key in wanted for q in s.questions)]
        steps = []
        for number, section in enumerate(sections, 1):
            keys = [q.key for q in section.questions if q.key in wanted]
            steps += [Step(k, number, i, len(keys)) for i, k in enumerate(keys, 1)]
        self.section_count = len(sections)
        return steps

    def index_of(self, key: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.key == key)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Autosave (atomic, keeps .bak and the user's comments)."""
        if self.path is None:
            return
        pending = set(self.pending)
        self.data["to_confirm"] = [k for k in all_keys() if k in pending] or None
        self.base = save_answers(self.path, self.data, base=self.base)

    def name_file(self) -> None:
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
            self.name_file()
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
                self.say("\n" + screens.resume_text(self.path, editing=self.editing))
            return EXIT_OK

    def _first_pending_index(self) -> int:
        for index, step in enumerate(self.steps):
            if step.key in self.pending:
                return index
        return len(self.steps)

    def _next_index(self, index: int) -> int:
        index += 1
        if self.walk_all:
            return index
        while index < len(self.steps):
            step = self.steps[index]
            if step.key in self.pending or QUESTIONS[step.key].section == self.revisit_section:
                return index
            if self.carries() and self.later.outstanding_in(self, step.key):
                return index  # a carried text with figures still to confirm
            self.revisit_section = None
            index += 1
        return index

    def _run(self, intro: bool, start: int | None) -> int:
        index = self._first_pending_index() if start is None else start
        if intro:
            self.say(screens.start_text(len(self.steps), first_time=not self.data.get("last_year")))
            if self.resumed and index < len(self.steps):
                done = len(QUESTIONS) - len(self.pending)
                label = QUESTIONS[self.steps[index].key].label
                self.say(f"\n接着上次的进度：已答 {done} 题，从“{label}”开始。")
        last_section = None
        going_back = False
        while True:
            while index < len(self.steps):
                step = self.steps[index]
                q = QUESTIONS[step.key]
                reason = skip_reason(q.key, self.data)
                if reason is not None:
                    self._skip(q, reason)
                    index = max(0, index - 1) if going_back else self._next_index(index)
                    continue
                if q.section != last_section:
                    section = SECTION_BY_NAME[q.section]
                    self.say(
                        f"\n==== 第 {step.section}/{self.section_count} 部分：{section.title} ====\n"
                        f"{section.intro}"
                    )
                    last_section = q.section
                outcome = self.ask_question(q)
                going_back = outcome is BACK
                if outcome is BACK:
                    index = max(0, index - 1)
                    self.revisit_section = QUESTIONS[self.steps[index].key].section
                    last_section = None
                    continue
                if outcome is MENU:
                    target = screens.menu(self)
                    if target is None:
                        continue
                    if not isinstance(target, int):  # "review"
                        break
                    index = target
                    self.revisit_section = QUESTIONS[self.steps[index].key].section
                    last_section = None
                    continue
                jump = self.after_answer(q)
                if jump is not None:
                    index = jump
                    self.revisit_section = QUESTIONS[self.steps[index].key].section
                    continue
                index = self._next_index(index)
            target = self.later.review(self)
            if target is None:
                return EXIT_OK
            index = target
            self.revisit_section = QUESTIONS[self.steps[index].key].section
            last_section = None

    def _skip(self, q: Question, reason: str) -> None:
        """A question that cannot apply: not asked, not left open, said once. A figure it held
        goes (败诉 when there were no cases: kept, it would contradict the other); any other
        answer stays in the file, unused while the question does not apply (the 第一责任人
        小标题 under the regulation's outline is printed again after a switch to three parts)."""
        stored = get_answer(self.data, q.key)
        if q.key not in self.pending and (stored is None or q.kind != "figure"):
            return
        if q.kind == "figure":
            # Said when a figure is not asked because of another; a part of the form that does
            # not apply (the imported opening's clauses) is left out without a word.
            self.say(f"（{reason}，已跳过。）")
            set_answer(self.data, q.key, None)
        if q.key in self.pending:
            self.pending.remove(q.key)
        self.save()

    def ask_question(self, q: Question) -> Any:
        """Ask one question until it gets a valid answer (or BACK/MENU); record it."""
        self.current = q
        self.headings_shown.discard(q.key)  # shown again on every visit (after F2 too)
        outcome = self.later.ask_carried_in(self, q) if self.carries() else None
        if isinstance(outcome, Signal):
            return outcome
        if q.key in self.notes:
            # As the texts read now, once their figures are confirmed: a date brought up to
            # this year with them is not a note any more.
            self.notes[q.key] = self.later.carried_notes(self.answers).get(q.key, [])
        for note in self.notes.get(q.key, []):
            self.say(f"请注意：{note}")
        if q.kind == "items":
            outcome = self.later.ask_items(self, q)
            if isinstance(outcome, Signal):
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
        if q.kind == "figure":
            return self.later.ask_figure(self, q, message)
        options: tuple[str, ...] = ()
        if q.kind == "choice":
            options = tuple(choice_name(q, c) for c in q.choices)
            for number, choice in enumerate(q.choices, 1):
                label = q.choice_labels[number - 1] if q.choice_labels else ""
                name = choice_name(q, choice)
                extra = label.split("：", 1)[-1] if label and label != name else ""
                self.say(
                    f"  {number}. {name}" + (f"（{extra}）" if extra and extra != name else "")
                )
        elif q.kind == "bool":
            options = ("是", "否")
        # A choice or the year starts empty (typing "2" or "2025" must not append to the shown
        # default, which a new user would not think of deleting first): Enter = default.
        picked = q.kind in ("choice", "bool", "year")
        fallback = prefill_text(q, value)
        if picked and fallback:
            message = message.replace("：", f"［回车＝{fallback}］：", 1)

        def effective(text: str) -> str:
            return fallback if picked and not text.strip() else text

        def option_of(text: str) -> str:
            if q.kind == "choice":
                return choice_name(q, choice_from_input(q, text))
            return text

        while True:
            try:
                text = self.ask(
                    message,
                    default="" if picked else fallback,
                    validate=lambda t: check_input(q, effective(t))[1],
                    multiline=q.kind in MULTILINE_KINDS,
                    while_typing=q.kind in ("year", "date"),
                    options=options,
                    option_of=option_of,
                )
            except (KeyboardInterrupt, EOFError):
                self._keep_unfinished(q, fallback)
                raise
            if isinstance(text, Signal):
                return text
            if text.strip() in HELP_WORDS:
                self.say(help_text(q, self.data))
                continue
            parsed, error = check_input(q, effective(text))
            if error:  # only reachable when the validator was bypassed
                self.say(error)
                continue
            if picked:
                self.say(f"→ {prefill_text(q, parsed)}")
            self.record(q, parsed)
            return None

    def _keep_unfinished(self, q: Question, shown: str) -> None:
        """Ctrl-C or Ctrl-D while a text was being written: what was typed is kept, the question
        still open (asked again, prefilled with it, next time)."""
        typed = self.term.unfinished
        if (
            self.path is None
            or q.kind not in WRITTEN_KINDS
            or not typed.strip()
            or typed.rstrip() == shown.rstrip()
        ):
            return
        value, error = check_input(q, typed)
        if error is None:
            set_answer(self.data, q.key, store_value(q, value))
            self.say(f"\n正在填写的“{q.label}”已保存，下次接着改。")

    def _message(self, q: Question) -> tuple[str, str]:
        unit = f"（{q.unit}）" if q.unit else ""
        extra = ""
        hint = ""
        if q.kind == "figure":
            last = self.later.last_year_text(q, self.answers)
            extra = f"  {last}" if last else ""
        elif q.kind in MULTILINE_KINDS:
            hint = LIST_HINT if q.kind == "list" else MULTILINE_HINT
        elif q.kind == "choice":
            hint = "输入序号或用 ↑↓ 选择，回车确认："
        elif q.kind == "bool":
            unit = "（是/否）"
        if q.key == "opening.guiding":
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
            warning = self.later.figure_warning(q, self.answers)
            if warning:
                self.say(f"请核对：{warning}")
                again = self.ask("回车＝数字没错；输入 r＝重新填写：")
                if isinstance(again, str) and again.strip().lower() in ("r", "改", "重填"):
                    return self.index_of(q.key)
        if q.key == "identity.county":
            # The county prints in the title and the addressee: a slip or an old name is said
            # here, where it is typed, not first in the build's findings.
            name = get_answer(self.data, q.key)
            problem = self.later.county_problem(name) if isinstance(name, str) and name else None
            if problem:
                self.say(f"请核对：“{name}”{problem}。")
                again = self.ask("回车＝名称没错；输入 r＝重新填写：")
                if isinstance(again, str) and again.strip().lower() in ("r", "改", "重填"):
                    return self.index_of(q.key)
        if q.kind not in ("figure", "choice", "text", "date", "year"):
            return None
        for key, message in self.later.cross_problems(self.data, q.key):
            related = [k for k in related_keys(key) if k in set(self.keys)]
            self.say(f"数字矛盾：{message}")
            for number, other in enumerate(related, 1):
                value = format_value(QUESTIONS[other], get_answer(self.data, other))
                self.say(f"  {number}. 重新填写“{QUESTIONS[other].label}”（现为 {value}）")
            choice = self.ask(
                f"请选择要改正的一项（输入序号；回车＝重新填写“{q.label}”）：",
                validate=number_error(len(related)),
            )
            text = choice.strip() if isinstance(choice, str) else ""
            if text.isdigit() and 1 <= int(text) <= len(related):
                return self.index_of(related[int(text) - 1])
            return self.index_of(q.key)
        return None
