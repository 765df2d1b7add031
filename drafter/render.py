"""Answers → blocks through Jinja templates, sandboxed, with undefined variables as errors.

What templates see is built in :mod:`drafter.render_context`; the sentence frames around each
kind of answer are in :mod:`drafter.phrasing`. Templates contain no figures of their own: every
number in a draft comes from the answers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.figures import Figure
from drafter.outline import Block, number_blocks, parse_markup
from drafter.phrasing import merge_lone_headings
from drafter.questions import QUESTIONS, get_answer
from drafter.render_context import FILTERS, template_context

OUTLINE_NAMES = ("regulation", "first-duty", "three-part")


def builtin_template_dir() -> Path:
    """Templates ship inside the package when installed, beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "outlines").is_dir():
            return candidate
    raise DrafterError("找不到报告模板（templates 文件夹）", hint="请重新安装 drafter。")


def _finalize(value: Any) -> Any:
    if value is None:
        # A None reaching the output is a template bug that would print "None" in a report.
        raise DrafterError("模板输出了一个空值（None）", hint="模板里应先用 if 判断再输出。")
    return value


MAX_OUTPUT_CHARS = 2_000_000
"""A string or sequence a template builds by ``*`` or ``**`` may not be larger than this."""


@functools.cache
def _sandbox_class() -> Any:
    # Built on first use: jinja2 is imported lazily so ``drafter --help`` stays fast.
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    class Sandbox(SandboxedEnvironment):
        """The sandbox, plus size limits on ``*`` and ``**`` (``'x' * 10 ** 10`` would eat RAM)."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            numbers = all(isinstance(v, (int, float)) for v in (left, right))
            if operator == "**" and numbers and (abs(left) > 10**6 or abs(right) > 64):
                raise SecurityError("幂运算的数值太大")
            if operator == "*":
                sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
                counts = [v for v in (left, right) if isinstance(v, int)]
                if sized and counts and len(sized[0]) * counts[0] > MAX_OUTPUT_CHARS:
                    raise SecurityError("重复生成的内容太长")
            return super().call_binop(context, operator, left, right)

    return Sandbox


@functools.lru_cache(maxsize=8)
def make_environment(extra_dir: Path | None = None) -> Any:
    """The sandboxed environment for the built-in templates (and a county's in front of them).

    Cached: compiling the templates is most of a render's cost, and a batch renders hundreds.
    """
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    loaders = []
    if extra_dir is not None:
        if not Path(extra_dir).is_dir():
            raise DrafterError(
                "找不到县级模板文件夹",
                path=extra_dir,
                hint="检查 --templates 后面的文件夹路径是否正确。",
            )
        loaders.append(FileSystemLoader(str(extra_dir), encoding="utf-8"))
    loaders.append(FileSystemLoader(str(builtin_template_dir()), encoding="utf-8"))
    env = _sandbox_class()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    return env


def render_text(answers: Any, outline: str | None = None, *, templates: Path | None = None) -> str:
    """The rendered markup of the chosen outline (mostly for debugging and tests)."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    name = outline or answers.get("identity.outline") or "regulation"
    if templates is None and name not in OUTLINE_NAMES:
        raise DrafterError(
            f"没有名为“{name}”的报告结构",
            field="identity.outline",
            hint=f"可选：{'、'.join(OUTLINE_NAMES)}。",
        )
    env = make_environment(templates)
    template_name = f"outlines/{name}.j2"
    try:
        template = env.get_template(template_name)
        return template.render(template_context(answers))
    except TemplateNotFound as exc:
        if _template_frames(exc):
            # Raised by an include/import/extends inside a template: name that template's line.
            raise _in_template(
                exc,
                f"找不到模板 {exc.name}（模板只能引用模板文件夹里的文件），已拒绝",
                "模板只能引用模板文件夹里的文件，写相对路径，如 parts/plans.j2（不能用 / 开头或 ..）。",
            ) from None
        raise DrafterError(
            f"找不到模板 {exc.name}",
            path=templates,
            hint="检查模板文件夹里是否有 outlines/<结构名>.j2。",
        ) from None
    except TemplateSyntaxError as exc:
        raise DrafterError(
            f"模板语法错误：{exc.message}", path=exc.filename or exc.name, line=exc.lineno
        ) from None
    except SecurityError as exc:
        raise _in_template(
            exc,
            f"模板试图访问不允许的内容（{exc}），已拒绝",
            "模板只能使用答卷里的数据和 drafter 提供的函数。",
        ) from None
    except UndefinedError as exc:
        raise _in_template(
            exc,
            f"模板使用了不存在的变量：{exc.message}",
            "检查变量名拼写；可用的变量见 README 的“县级模板”一节。",
        ) from None
    except TemplateError as exc:
        raise _in_template(exc, f"模板出错：{exc}") from None
    except (OverflowError, RecursionError, MemoryError) as exc:
        # The sandbox's range limit, a macro calling itself, a runaway repetition.
        what = {
            OverflowError: "循环次数或数值太大",
            RecursionError: "宏或模板无限地调用自身",
            MemoryError: "生成的内容太大",
        }[type(exc)]
        raise _in_template(exc, f"模板{what}，已停止", "检查这一行的循环、宏调用和乘法。") from None


def _in_template(exc: BaseException, message: str, hint: str | None = None) -> DrafterError:
    """A DrafterError naming the template file and line where ``exc`` was raised."""
    frames = _template_frames(exc)
    path, line = frames[-1] if frames else (None, None)
    return DrafterError(message, path=path, line=line, hint=hint)


def _template_frames(exc: BaseException) -> list[tuple[str, int]]:
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            frames.append((filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def render_blocks(
    answers: Any,
    outline: str | None = None,
    *,
    templates: Path | None = None,
    extra: Iterable[Block] = (),
) -> list[Block]:
    """Answers → numbered blocks of the chosen outline."""
    text = render_text(answers, outline, templates=templates)
    try:
        blocks = parse_markup(text)
    except ValueError as exc:
        raise DrafterError(f"模板输出格式错误：{exc}", path=templates) from None
    return number_blocks([*merge_lone_headings(blocks), *extra])


def figure_keys_with_values(answers: Any) -> dict[str, Figure]:
    """Every answered figure (for provenance checks)."""
    return {
        q.key: answers.get(q.key)
        for q in QUESTIONS.values()
        if q.kind == "figure" and answers.get(q.key) is not None
    }


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def numbers_in(text: str) -> list[str]:
    return _DIGITS.findall(text)


__all__ = ["get_answer", "render_blocks", "render_text"]
