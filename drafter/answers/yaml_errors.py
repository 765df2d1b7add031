"""ruamel.yaml's parse errors, explained in Chinese with line and column (answers.py uses it).

ruamel reports a problem as English text built from a fixed set of templates (``expected the node
content, but found '<stream end>'``), often with a context (``while scanning a quoted scalar``)
and two marks: where the problem is, and where the construct it belongs to began. Each entry of
:data:`PROBLEMS` (a :class:`~drafter.io.english.Problem`) matches one family of those templates and
says what it means for someone editing an answers file in Notepad, and how to fix it. Anything
unmatched gets a general Chinese explanation: the raw English never reaches the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.io.english import Problem, first_match

# ruamel's token ids, as they appear in "but found '<stream end>'".
TOKENS = {
    "<stream end>": "文件结尾",
    "<block end>": "缩进的结束",
    "<block mapping start>": "新的“键: 值”",
    "<block sequence start>": "列表项“- ”",
    "<document start>": "文档分隔线“---”",
    "<document end>": "文档结束标记“...”",
    "<scalar>": "一段文字",
    "<alias>": "引用“*”",
    "<anchor>": "锚点“&”",
    "<tag>": "标记“!”",
    "<directive>": "以“%”开头的指令",
    "-": "列表项“- ”",
    ":": "冒号",
    "?": "问号“?”",
    ",": "逗号",
    "[": "“[”",
    "]": "“]”",
    "{": "“{”",
    "}": "“}”",
}

INDENT_HINT = "同一层的项目左边要对齐；只用空格缩进（每层两个空格），不要用 Tab。"
QUOTE_HINT = "给含有特殊符号的文字整段加上引号，或者改用全角符号。"


PROBLEMS: tuple[Problem, ...] = (
    Problem(
        r"found character '\\t' that cannot start any token",
        "这里有 Tab 字符，答卷只认空格缩进",
        "把这一行开头的 Tab 换成空格（每层两个空格）。",
    ),
    Problem(
        r"found character (?P<ch>.+?) that cannot start any token",
        "一段文字不能以“{ch}”开头",
        '给这段文字加上引号（如 text: "{ch}……"），或者删去这个字符。',
    ),
    Problem(
        r"mapping values are not allowed here",
        "这里多了一个英文冒号“:”（冒号加空格在答卷里表示“键: 值”）",
        "文字里的冒号改用全角“：”，或者给整段文字加上引号。",
    ),
    Problem(
        r"could not find expected ':'",
        "这一行缺少“键: 值”里的冒号，或者是上一段文字的续行但缩进不够",
        "在键名后加英文冒号和空格；如果是多行文字，续行要比键名多缩进。",
    ),
    Problem(
        r"found duplicate key \"(?P<key>[^\"]*)\"",
        "“{key}”这一项出现了两次",
        "删除或合并重复的那一项。",
    ),
    Problem(r"found duplicate key", "同一项出现了两次", "删除或合并重复的那一项。"),
    Problem(
        r"expected <block end>, but found",
        "缩进没有对齐，或者引号结束后还有多余的文字",
        INDENT_HINT,
    ),
    Problem(
        r"expected ',' or '\]', but got (?P<token>.+)",
        "“[”{start}一直没有用“]”结束",
        "补上“]”；如果这是一段文字，请给整段加上引号。",
    ),
    Problem(
        r"expected ',' or '\}', but got (?P<token>.+)",
        "“{{”{start}一直没有用“}}”结束",
        "补上“}}”；如果这是一段文字，请给整段加上引号。",
    ),
    Problem(
        r"found unexpected end of stream",
        "引号{start}没有成对，一直到文件结尾都没有结束",
        "补上另一半引号；文字里的引号请用中文引号“”。",
        context=r"quoted scalar",
    ),
    Problem(
        r"expected the node content, but found (?P<token>.+)",
        "这里应当有一个值，却遇到了{token}",
        "检查“[”“{{”是否成对，以及“&”“!”“*”后面是否缺了内容；" + QUOTE_HINT,
    ),
    Problem(
        r"found undefined alias '(?P<name>[^']*)'",
        "“*{name}”是 YAML 的引用写法，但没有名为“{name}”的锚点",
        "文字以“*”开头时请给整段加上引号。",
    ),
    Problem(
        r"found unknown escape character '(?P<ch>.+)'",
        "双引号里的“\\{ch}”不是有效的转义写法",
        "把双引号改成单引号，或者把“\\”写成“\\\\”。",
    ),
    Problem(
        r"another document|unexpected document separator|single document",
        "答卷里有第二个以“---”分隔的文档，答卷只能有一个",
        "删除这一行“---”，把内容合并到上面。",
    ),
    Problem(
        r"chomping or indentation indicator|indentation indicator",
        "“|”或“>”后面不能直接跟文字",
        "“|”后面直接换行，多行文字从下一行起缩进书写。",
    ),
    Problem(
        r"more indented follow up line than first",
        "多行文字的第一行比后面的行缩进得少",
        "让多行文字的每一行缩进一致。",
    ),
    Problem(
        r"YAML directive|YAML document \(version|directive",
        "以“%”开头的行无法识别",
        "文字以“%”开头时请给整段加上引号。",
    ),
    Problem(
        r"tag handle|expected URI|expected '!'|expected '>'",
        "以“!”开头的写法无法识别",
        "文字以“!”开头时请给整段加上引号。",
    ),
    Problem(
        r"sequence entries are not allowed here",
        "这里不应出现列表项“- ”",
        "列表项“- ”要写在它所属的键下一行，并且比键多缩进。",
    ),
    Problem(
        r"mapping keys are not allowed here",
        "这里不应出现“?”",
        "文字以“?”开头时请给整段加上引号。",
    ),
    Problem(
        r"found unexpected ':'|unclosed '\[' or '\{'",
        "冒号的位置不对，或者“[”“{{”没有成对",
        QUOTE_HINT,
    ),
    Problem(
        r"maximum depth",
        "嵌套的层次太多",
        "答卷不需要这么多层：检查括号是否成对、缩进是否正确。",
    ),
    Problem(
        r"expected a comment or a line break",
        "这一行的末尾有多余的内容",
        "引号结束后、“|”后面不能再写文字。",
    ),
    Problem(
        r"expected alphabetic or numeric character|expected a digit|expected ' '",
        "“&”“*”“!”后面的写法无法识别",
        "文字以这些符号开头时请给整段加上引号。",
    ),
)

FALLBACK = Problem("", "这里不符合答卷的 YAML 写法", INDENT_HINT + QUOTE_HINT)


@dataclass(frozen=True)
class Explained:
    message: str
    hint: str
    line: int | None
    column: int | None


MAX_KEY = 1024
"""YAML reads a key written without quotes only up to this many characters: a longer one before
its colon is reported as "mapping values are not allowed", as if the colon were one too many."""


def _long_key(mark: Any) -> bool:
    """Whether the colon at ``mark`` ends a key longer than YAML allows, with no colon before it
    on its line (then it is not a colon too many inside a text)."""
    buffer, pointer = getattr(mark, "buffer", None), getattr(mark, "pointer", None)
    if not isinstance(buffer, str) or not isinstance(pointer, int):
        return False
    line_start = buffer.rfind("\n", 0, pointer) + 1
    key = buffer[line_start:pointer].strip().removeprefix("- ")
    return len(key) > MAX_KEY and ": " not in key


def _token(raw: str) -> str:
    raw = raw.strip().strip("'\"")
    return TOKENS.get(raw, f"“{raw}”")


def explain(exc: Any) -> Explained:
    """A ruamel ``MarkedYAMLError`` (or any YAMLError) as Chinese, with its line and column."""
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    start_mark = getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    start = ""
    if start_mark is not None:
        start = f"（从第 {start_mark.line + 1} 行第 {start_mark.column + 1} 列开始）"
    if problem.startswith("mapping values are not allowed") and _long_key(mark):
        return Explained(
            f"这一行冒号前的键名太长（超过 {MAX_KEY} 个字符）",
            "键名是一个简短的名称（如 text）；长的文字写在冒号和空格后面，"
            "多行文字可以用“|”另起一行写。",
            line,
            column,
        )
    found = first_match(PROBLEMS, problem, context)
    if found is None:
        return Explained(FALLBACK.message, FALLBACK.hint, line, column)
    candidate, values = found
    if "token" in values:
        values["token"] = _token(values["token"])
    for key in ("ch", "name", "key"):
        if key in values:
            values[key] = values[key].strip("'\"")
    return Explained(
        candidate.message.format(start=start, **values),
        candidate.hint.format(**values),
        line,
        column,
    )


def explain_other(exc: BaseException) -> Explained:
    """Errors without a mark: unreadable characters, too deep (an impossible date, a ValueError,
    is named with its line by answers.py itself)."""
    position = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if character is not None:
        code = ord(character) if isinstance(character, str) else int(character)
        where = f"（第 {position + 1} 个字符）" if isinstance(position, int) else ""
        return Explained(
            f"文件里有不可见的控制字符 U+{code:04X}{where}",
            "用记事本打开，删除这个字符后另存为 UTF-8。",
            None,
            None,
        )
    if isinstance(exc, RecursionError):
        return Explained("嵌套的层次太多", "检查括号是否成对、缩进是否正确。", None, None)
    return Explained(FALLBACK.message, FALLBACK.hint, None, None)
