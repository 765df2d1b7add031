"""The sandboxed Jinja environment and one render: the hooks that apply the limits, the
compile-time checks and the typed channel, and every failure turned into a Chinese error.

The channel from templates to blocks is typed here: a tag is only what a template file writes
(see :func:`drafter.blocks.mark_tags`), and every value a template obtains (context variables,
attributes, items, results of calls) passes :func:`drafter.blocks.channel` so no answer can carry
a line break or a tag into the markup.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.ext import Extension
from jinja2.lexer import Token
from jinja2.runtime import BlockReference, Macro
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.blocks import channel, mark_tags
from drafter.errors import DrafterError
from drafter.sandbox.compile_checks import check_template
from drafter.sandbox.errors import template_error
from drafter.sandbox.files import builtin_template_dir, check_template_folder, loader_class
from drafter.sandbox.limits import (
    MAX_OUTPUT_CHARS,
    LimitedFilters,
    TemplateLimit,
    Watchdog,
    check_format,
    check_ints,
    limit_call,
    sized,
    tick,
    too_long,
)
from drafter.sandbox.provenance import (
    Unprintable,
    from_answers,
    mark,
    refuse_derived,
    refuse_unprintable,
    text_from,
)

_NUMBERS = (int, float)
"""The types :func:`~drafter.sandbox.provenance.mark` marks (bool is not one of them)."""


@functools.cache
def _sandbox_class() -> Any:
    # Built on first use: jinja2 is imported lazily so ``drafter --help`` stays fast.

    class MarkTags(Extension):
        """Tags are what a template file writes: ``::`` in template text gets the tag mark."""

        def filter_stream(self, stream: Any) -> Iterator[Any]:
            for token in stream:
                if token.type == "data":
                    yield Token(token.lineno, "data", mark_tags(token.value))
                else:
                    yield token

    class Generator(CodeGenerator):
        """Jinja's code generator, with ``a ~ b`` joined through :meth:`Sandbox.joined` (Jinja
        joins it with ``str()``, past every hook: ``loop.length ~ '项'`` would print)."""

        def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
            self.write("environment.joined((")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    class Sandbox(SandboxedEnvironment):
        """The sandbox with limits, compile-time checks and the typed channel."""

        intercepted_binops = frozenset({"*", "**", "%", "+"})
        code_generator_class = Generator

        def __init__(self, **options: Any) -> None:
            super().__init__(extensions=[MarkTags], **options)
            self.filters = LimitedFilters(self.filters)
            self.globals.pop("lipsum", None)  # random text of any size: no use in a report

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            check_template(tree, name, filename)
            return tree

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            tick()
            numbers = all(isinstance(v, (int, float)) for v in (left, right))
            if operator == "**" and numbers and (abs(left) > 10**6 or abs(right) > 64):
                raise SecurityError("幂运算的数值太大")
            if operator == "*":
                sequences = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
                counts = [v for v in (left, right) if isinstance(v, int)]
                if sequences and counts and len(sequences[0]) * counts[0] > MAX_OUTPUT_CHARS:
                    raise SecurityError("重复生成的内容太长")
                if numbers and abs(left) * abs(right) > 10**100:
                    raise SecurityError("乘法的数值太大")
            if operator == "%" and isinstance(left, str):
                check_format(left)
                check_ints(right if isinstance(right, (tuple, list)) else [right])
                refuse_derived(right)
            return sized(super().call_binop(context, operator, left, right))

        def joined(self, values: tuple[Any, ...]) -> str:
            """``a ~ b``: text, from no number the template made up."""
            tick()
            refuse_derived(*values)
            return sized("".join(map(str, values)))

        def getattr(self, obj: Any, attribute: str) -> Any:
            tick()
            value = channel(super().getattr(obj, attribute))
            return mark(value) if type(value) in _NUMBERS and from_answers(obj) else value

        def getitem(self, obj: Any, argument: Any) -> Any:
            tick()
            value = channel(super().getitem(obj, argument))
            return mark(value) if type(value) in _NUMBERS and from_answers(obj) else value

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            tick()
            target = getattr(__obj, "__wrapped__", __obj)
            subject = getattr(target, "__self__", None)
            method = getattr(target, "__name__", "")
            limit_call(method, subject, args, kwargs)
            for value in (*args, *kwargs.values()):
                sized(value)  # a macro calling itself with its argument doubled
            result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
            sized(result)
            if isinstance(subject, (list, dict)):
                sized(subject)  # l.extend(l) in a loop
            if isinstance(__obj, (Macro, BlockReference)):
                return result  # template output: its lines and tags are the template's own
            if not isinstance(subject, str) or method in ("format", "format_map"):
                # A helper writing a sentence, or a format: a width given to str.center is not
                # written into the text, what a format or a helper is given is.
                text_from(result, *args, *kwargs.values())
            return channel(result)

    return Sandbox


def new_environment(extra_dir: Path | None = None) -> Any:
    """The sandboxed environment: a county's folder (checked) in front of the built-ins."""

    roots = [builtin_template_dir()]
    if extra_dir is not None:
        check_template_folder(Path(extra_dir))
        roots.insert(0, Path(extra_dir))
    return _sandbox_class()(
        loader=loader_class()(roots),
        undefined=Unprintable,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_finalize,
        # The built-in templates are the package's files: no need to look on disk, at every
        # include of every render of a batch, whether one has changed since it was loaded. A
        # county's own folder may be edited while drafter runs (the questionnaire's review).
        auto_reload=extra_dir is not None,
    )


def _finalize(value: Any) -> Any:
    if value is None:
        # A None reaching the output is a template bug that would print "None" in a report.
        raise TemplateLimit("模板输出了一个空值（None）：应先用 if 判断再输出")
    if type(value) is not str:  # text, the usual output, needs no look
        refuse_unprintable(value)
    return value


def render_template(env: Any, name: str, context: Mapping[str, Any]) -> str:
    """Render one template within the limits; any failure is a DrafterError with file and line."""
    gen: Any = None
    try:
        template = env.get_template(name)
        values = {key: mark(channel(value)) for key, value in context.items()}
        parts: list[str] = []
        total = 0
        with Watchdog():
            gen = template.generate(values)
            for chunk in gen:
                total += len(chunk)
                if total > MAX_OUTPUT_CHARS:
                    raise too_long("模板生成的报告")
                parts.append(chunk)
                tick()
        return "".join(parts)
    except DrafterError:
        raise
    except BaseException as exc:  # KeyboardInterrupt and SystemExit are re-raised below
        error = template_error(exc, _position(gen))
        if error is None:
            raise
        raise error from None


def _position(gen: Any) -> tuple[str, int] | None:
    """The template file and line a suspended template generator is at (for a limit hit while
    collecting its output): followed into includes, which iterate a generator named ``gen``."""
    frame = None
    for _ in range(200):
        current = getattr(gen, "gi_frame", None)
        if current is None:
            break
        frame = current
        inner = getattr(gen, "gi_yieldfrom", None) or current.f_locals.get("gen")
        if inner is gen or not inspect.isgenerator(inner):
            break
        gen = inner
    if frame is None:
        return None
    template = frame.f_globals.get("__jinja_template__")
    if template is None:
        return None
    line = template.get_corresponding_lineno(frame.f_lineno)
    return str(template.filename or template.name), line
