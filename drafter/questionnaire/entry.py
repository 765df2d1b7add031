"""``drafter new`` and ``drafter edit``: which answers to start from, then the walk.

``new`` resumes an existing answers file; ``new --from LAST.yaml`` and ``new --import LAST.docx``
both start the year after the source's (texts carried, figures to confirm). A new year never
throws anything away: when an answers file of the wanted name exists and was started from the same
source it is resumed, otherwise the new answers get a free name (``…(2).yaml``) and the screen says so.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.answers.file import AnswersFile, default_filename, read_answers_file
from drafter.errors import EXIT_OK, DrafterError
from drafter.io.outputs import free_name
from drafter.questionnaire.flow import Questionnaire
from drafter.questionnaire.logic import all_keys, invalid_answers, pending_keys, section_for
from drafter.questionnaire.session import Signal, require_terminal
from drafter.questionnaire.state import LATER
from drafter.questions import QUESTIONS, SECTIONS

if TYPE_CHECKING:
    from drafter.answers.model import Answers


def _confirm_migration(loaded: AnswersFile, q: Questionnaire) -> bool:
    """Show what a schema migration changes; continue only when the user agrees."""

    for line in LATER.get().migration_report(loaded):
        q.say(line)
    answer = q.ask("回车＝同意并继续（原文件另存一份，不做任何改动）；n＝不升级，退出：")
    if isinstance(answer, Signal) or answer.strip().lower() in ("n", "no", "否", "不"):
        q.say("未做任何修改。")
        return False
    if loaded.path is not None:
        keep = free_name(
            loaded.path.with_name(f"{loaded.path.stem}.v{loaded.migrated_from}{loaded.path.suffix}")
        )
        shutil.copy2(loaded.path, keep)
        q.say(f"原文件已原样另存为 {keep}；答卷将按新格式保存。")
    return True


def _resume(path: Path, *, command: str, input: Any, output: Any, log: list[str] | None) -> int:
    loaded = read_answers_file(path)
    if input is None:
        require_terminal(command)  # after reading: a broken file is the first thing to hear about
    q = Questionnaire(path, loaded.data, base=loaded, input=input, output=output, log=log)
    q.resumed = True
    if loaded.migrated_from is not None and not _confirm_migration(loaded, q):
        return EXIT_OK
    _report_unknown(q, loaded)
    _report_invalid(q)
    return q.run()


def _started_from(path: Path, source: Path) -> bool:
    """Whether an existing answers file is the new year started from this same source."""
    try:
        block = read_answers_file(path).data.get("last_year")
    except DrafterError:
        return False
    return isinstance(block, Mapping) and block.get("file") == Path(source).name


def _next_year(
    answers: Answers,
    source: Path,
    path: Path | None,
    *,
    how: str,
    input: Any,
    output: Any,
    log: list[str] | None,
) -> int:
    """A new year's answers made from last year's (``--from`` or ``--import``): where to save
    them, what the user is told, then the walk."""

    if input is None:
        require_terminal("new")  # before anything is written
    wanted = path
    if wanted is None:
        wanted = Path.cwd() / default_filename(answers.unit_name, answers.year)
    if wanted.exists():
        if _started_from(wanted, source):
            return _resume(wanted, command="new", input=input, output=output, log=log)
        target = free_name(wanted)
    else:
        target = wanted
    later = LATER.get()
    notes = later.carried_notes(answers)
    # The questionnaire edits the answers file's plain data: it may hold partial answers.
    q = Questionnaire(
        target, later.to_data(answers), input=input, output=output, log=log, notes=notes
    )
    if target != wanted:
        q.say(f"已有答卷 {wanted}（不是从这份材料开始的，不会覆盖它）；这次的答卷另存为 {target}。")
    year = answers.year
    last = answers.last_year.year if answers.last_year is not None else None
    if year is not None and last is not None:
        q.say(f"{how} {source}（{last}年度）开始填写 {year} 年度的答卷。")
    else:
        q.say(f"{how} {source} 开始填写今年的答卷；没有读到去年的年度，问到“报告年度”时请填写。")
    q.say(
        "单位信息和文字已沿用（回车确认或修改）；数字逐个确认：显示“去年：……”时回车＝与去年相同。"
    )

    if answers.structure:
        parts = "；".join(p.heading or later.part_name(p.kind) for p in answers.structure)
        q.say(f"报告沿用原报告的结构和顺序：{parts}。各项放在所属方面的“具体措施”里，问到时确认。")
    count = len(answers.carried_figures)
    if count:
        q.say(f"沿用的文字里有 {count} 个去年的数字，问到时逐个确认今年的数字。")
    if notes:
        q.say("沿用的文字里有可能过时的地方，问到时请修改：")
        for key, messages in notes.items():
            for message in messages:
                q.say(f"  - {QUESTIONS[key].label}：{message}")
    q.save()
    q.say(f"答卷文件：{target}")
    return q.run()


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
    if from_last is not None:
        # Last year's answers are read and carried before the first question: the later steps
        # are needed at once.
        started = LATER.get().start_from_last(Path(from_last))
        return _next_year(
            started, Path(from_last), path, how="从去年的答卷", input=input, output=output, log=log
        )
    if import_file is not None:
        started = LATER.get().start_from_report(Path(import_file))
        return _next_year(
            started,
            Path(import_file),
            path,
            how="从去年的报告",
            input=input,
            output=output,
            log=log,
        )
    if path is not None and path.exists():
        return _resume(path, command="new", input=input, output=output, log=log)
    if input is None:
        require_terminal("new")
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
            names = "、".join(f"{s.title}（{s.name}）" for s in SECTIONS)
            raise DrafterError(f"没有名为“{section}”的部分", hint=f"可选：{names}。")
        keys = [q.key for q in found.questions]
    if input is None:
        require_terminal("edit")
    q = Questionnaire(
        path,
        loaded.data,
        base=loaded,
        keys=keys,
        pending=pending_keys(loaded.data),
        walk_all=True,
        editing=True,
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
