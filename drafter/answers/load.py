"""An answers file read into the typed answers (a build's, a batch's, the roll-up's way in).

Kept apart from ``answers.file`` (reading and saving the file a person edits), which the
questionnaire's first screen needs, so that neither pulls in the typed model (pydantic) the
other does not need.
"""

from __future__ import annotations

from pathlib import Path

from drafter.answers.fast import load_plain
from drafter.answers.file import (
    AnswersFile,
    answers_file_of,
    parse_answers_text,
    read_answers_text,
)
from drafter.answers.model import Answers, cross_check, validate_answers, where
from drafter.errors import DrafterError


def load_answers(path: Path) -> tuple[Answers, AnswersFile]:
    """Read, parse and validate an answers file: (model, file). Errors name file, line and field.

    For reading only (a build): the file's round-trip document (``doc``) is None when the fast
    reading sufficed. Save through :func:`read_answers_file`, which always keeps it.
    """

    path = Path(path)
    text = read_answers_text(path)
    data = load_plain(text)
    if data is not None:
        try:
            return _validated(answers_file_of(data, None, path))
        except DrafterError:
            pass  # something is wrong: the round-trip reading below says where (line numbers)
    return _validated(parse_answers_text(text, path))


def _validated(loaded: AnswersFile) -> tuple[Answers, AnswersFile]:

    path = loaded.path
    answers = validate_file(loaded)
    problems = cross_check(answers)
    if problems:
        key, _ = problems[0]
        lines = [f"  - {where(k, loaded.line_of(k))}：{m}" for k, m in problems]
        raise DrafterError(
            "答卷中有互相矛盾的答案：\n" + "\n".join(lines),
            path=path,
            line=loaded.line_of(key),
            field=key,
            field_label="",  # every field is named in the list
            hint="改正后再生成；也可以用 drafter edit 重新回答这一部分。",
        )
    return answers, loaded


def validate_file(loaded: AnswersFile) -> Answers:
    """Validate a loaded file; every bad field is named with its line."""

    try:
        return validate_answers(loaded.data, source="答卷", line_of=loaded.line_of)
    except DrafterError as exc:
        exc.path = loaded.path
        raise
