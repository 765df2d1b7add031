"""Errors of loading or running a template, in Chinese, naming the template file and line.

Jinja's messages are English; each family is matched by a pattern and said in Chinese. A failure
that is not the template's doing (a bug of drafter, Ctrl-C) is left to propagate.
"""

from __future__ import annotations

import re

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from drafter.errors import DrafterError
from drafter.io.english import Problem, first_match
from drafter.sandbox.limits import TemplateLimit
from drafter.sandbox.provenance import DerivedFigure, PrintedContainer

_SYNTAX = (
    Problem(
        r"unexpected end of template",
        "模板意外结束：有 {{% if %}}、{{% for %}} 或 {{% macro %}} 没有对应的结束标签",
    ),
    Problem(r"Encountered unknown tag '(?P<tag>[^']*)'", "不认识的模板标签 {{% {tag} %}}"),
    Problem(r"unexpected char '?(?P<char>.+?)'? at", "模板里有不应出现的字符 {char}"),
    Problem(
        r"expected token '(?P<wanted>[^']*)', got '(?P<got>[^']*)'",
        "这里应是“{wanted}”，却是“{got}”",
    ),
    Problem(
        r"Expected an expression, got '(?P<got>[^']*)'",
        "这里缺少表达式（在“{got}”之前），如 {{% if 条件 %}} 的条件",
    ),
    Problem(r"unexpected '(?P<got>[^']*)'", "这里不应出现“{got}”"),
    Problem(r"No filter named '(?P<name>[^']*)'", "没有名为 {name} 的过滤器"),
    Problem(r"No test named '(?P<name>[^']*)'", "没有名为 {name} 的判断"),
    Problem(r"Missing end of comment tag", "注释 {{# 没有对应的 #}}"),
    Problem(r"Missing end of raw directive", "{{% raw %}} 没有对应的 {{% endraw %}}"),
    Problem(r"tag name expected", "{{% 后面缺少标签名"),
    Problem(r"expected name or number", "这里缺少变量名或数字"),
    Problem(r"can't assign to", "这里不能赋值"),
    Problem(r"Block '(?P<name>[^']*)' defined twice", "块 {name} 定义了两次"),
)

_TOKENS = {
    "end of statement block": "%}",
    "end of print statement": "}}",
    "end of template": "模板结尾",
    "name": "名称",
    "integer": "数字",
    "string": "文字",
}

_UNDEFINED = (
    Problem(r"'[^']*' has no attribute '(?P<name>[^']*)'", "模板使用了不存在的项目：{name}"),
    Problem(r"'(?P<name>[^']*)' is undefined", "模板使用了不存在的变量：{name}"),
    Problem(r"has no element (?P<name>.+)$", "模板使用了不存在的项目：{name}"),
)


def _said(problems: tuple[Problem, ...], message: str, fallback: str) -> str:
    found = first_match(problems, message)
    if found is None:
        return fallback
    problem, values = found
    return problem.message.format(**{k: _TOKENS.get(v, v) for k, v in values.items()})


def _syntax_message(message: str) -> str:
    return _said(
        _SYNTAX, message, "写法不对（检查 {{ }}、{% %} 是否成对，标签和变量名是否拼写正确）"
    )


def _undefined_message(message: str) -> str:
    return _said(_UNDEFINED, message, "模板使用了不存在的变量或项目")


def _security_message(message: str) -> str:
    found = re.search(r"attribute '([^']*)'", message)
    if found is not None:
        return f"模板试图访问不允许的属性 {found.group(1)}，已拒绝"
    if re.search(r"[\u4e00-\u9fff]", message):
        return f"{message}，已拒绝"
    return "模板试图调用不允许的内容，已拒绝"


_RUNTIME = {
    KeyError: "模板引用了不存在的键",
    IndexError: "模板取了列表中不存在的一项",
    ZeroDivisionError: "模板里除以了零",
    TypeError: "模板里的表达式类型不对（如文字和数字相加、调用了不能调用的东西、参数个数不对）",
    ValueError: "模板里的表达式无法计算（如格式写法不对、数值无效）",
    AttributeError: "模板使用了不存在的属性",
    UnicodeError: "模板里的文字编码有误",
    OverflowError: "循环次数或数值太大",
    ArithmeticError: "模板里的计算出错",
}


def template_error(
    exc: BaseException, position: tuple[str, int] | None = None
) -> DrafterError | None:
    """The Chinese DrafterError for an exception raised while loading or running a template;
    None when it is not the template's doing (a bug of drafter, Ctrl-C)."""

    frames = _template_frames(exc)
    if isinstance(exc, TemplateNotFound):
        if frames:
            return _at(
                frames,
                position,
                f"找不到模板 {exc.name}（模板只能引用模板文件夹里的文件），已拒绝",
                "模板只能引用模板文件夹里的文件，写相对路径，如 parts/plans.j2（不能用 / 开头或 ..）。",
            )
        return DrafterError(
            f"找不到模板 {exc.name}", hint="检查模板文件夹里是否有 outlines/<结构名>.j2。"
        )
    if isinstance(exc, TemplateSyntaxError):
        return DrafterError(
            f"模板语法错误：{_syntax_message(exc.message or '')}",
            path=exc.filename or exc.name,
            line=exc.lineno,
            hint="对照 README“县级模板”一节或内置模板检查这一行。",
        )
    if isinstance(exc, DerivedFigure):
        return _at(
            frames,
            position,
            str(exc),
            "把数字填进答卷，在模板里用 {{ fig('问题键') }} 引用；"
            "计数、序号和对年份的加减不能写进报告（编号由程序生成）。",
        )
    if isinstance(exc, PrintedContainer):
        return _at(frames, position, str(exc), "检查这一行输出的内容。")
    if isinstance(exc, TemplateLimit):
        return _at(frames, position, str(exc), "检查这一行的循环、宏调用、乘法和字符串操作。")
    if isinstance(exc, SecurityError):
        return _at(
            frames,
            position,
            _security_message(str(exc)),
            "模板只能使用答卷里的数据和 drafter 提供的函数。",
        )
    if isinstance(exc, UndefinedError):
        return _at(
            frames,
            position,
            _undefined_message(exc.message or ""),
            "检查变量名拼写；可用的变量见 README 的“县级模板”一节。",
        )
    if isinstance(exc, RecursionError):
        return _at(frames, position, "模板里的宏或模板无限地调用自身，已停止", None)
    if isinstance(exc, MemoryError):
        return _at(frames, position, "模板生成的内容太大，已停止", None)
    if not isinstance(exc, Exception) or not frames:
        return None
    for kind, message in _RUNTIME.items():
        if isinstance(exc, kind):
            if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str):
                key = exc.args[0]
                # drafter's own helpers explain themselves in Chinese (fig("错的键")).
                if re.search(r"[\u4e00-\u9fff]", key):
                    message = key
                elif key:
                    message = f"{message}：{key}"
            return _at(frames, position, message, "检查这一行的写法。")

    if isinstance(exc, TemplateError):
        return _at(frames, position, "模板出错", "检查这一行的写法。")
    return None


def _at(
    frames: list[tuple[str, int]],
    position: tuple[str, int] | None,
    message: str,
    hint: str | None,
) -> DrafterError:
    path, line = frames[-1] if frames else position if position else (None, None)
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
