"""A report whose lines were run together: its title, parts, items and paragraphs apart again.

Text copied out of a PDF (or a page that shows a PDF's text) comes as one long line: what were
lines are apart by a space only, and the page width left a space inside words too ("法治政府
建设"). Read as it is, the whole report would be one opening paragraph. Such a line is cut back
into the lines it was made of, by what only a line's start can be:

- before a part's or an item's number standing after a space ("… 一、2020年……", "… (一)加强……"),
  and before "1." the same way;
- after an item's heading: the number, a few words without a full stop, then a space ("(一)加强
  组织领导 成立……");
- after the title: the words up to 报告 (总结) at the start, then a space;
- the spaces left between two Chinese characters, a Chinese character and a mark, or a Chinese
  character and a digit go: the page width's breaks, and the spaces a PDF's text puts around
  numbers ("2020 年"), which the report never typed.

Only a long line with two numbered breaks at least is read so: a report's own line never has
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.text.hanzi import HAN

LONG = 200
"""A line at least this long may be a whole report run together."""
_MARK = r"[，。；：、！？“”‘’（）《》,.;:!?()%]"
_NUMBER = (
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d))"
)
_BREAK = re.compile(rf"[ \t\u3000\u00a0]+(?={_NUMBER})")
_HEADED = re.compile(
    rf"^({_NUMBER}[^。；！？ \t\u3000\u00a0]{{2,40}}?)(?<!\d)[ \t\u3000\u00a0]+(?=\S)"
)
_TITLE = re.compile(r"^(\S(?:[^。；：，]{0,60}?)(?:报告|总结))[ \t\u3000\u00a0]+(?=\S)")
_WRAP = re.compile(
    rf"(?<={HAN}|{_MARK})[ \t\u3000\u00a0]+(?={HAN}|{_MARK}|\d)|(?<=\d)[ \t\u3000\u00a0]+(?={HAN}|{_MARK})"
)


def run_together(line: str) -> bool:
    """Whether a line is several lines run together (see the module's docstring)."""
    return len(line) >= LONG and len(_BREAK.findall(line)) >= 2


def unwrap(line: str) -> list[str]:
    """The lines a run-together line was made of (the line itself, alone, when it is not one)."""
    if not run_together(line):
        return [line]
    return [_WRAP.sub("", piece) for piece in _pieces(line) if piece.strip()]


def _pieces(line: str) -> Iterator[str]:
    chunks = _BREAK.split(line)
    title = _TITLE.match(chunks[0])
    if title:
        yield title.group(1)
        chunks[0] = chunks[0][title.end() :]
    for chunk in chunks:
        headed = _HEADED.match(chunk)
        if headed:
            yield headed.group(1)
            yield chunk[headed.end() :]
        else:
            yield chunk
