"""Fixed frames whose end takes a comma, for run-on (drafter/checks/runon.py).

Official prose opens a statement with a frame and closes it with a comma before the statement:
"在县委、县政府的坚强领导下，……", "以习近平新时代中国特色社会主义思想为指导，……". Written without
it, the frame runs into what follows ("……的坚强领导下以习近平……", "……为指导全面贯彻……"), and
two 在……下 frames run together when the first one lost its 下 too ("在县委坚强领导和关心支持在县委
全面依法治县委员会的精心指导下"). After 在……领导下 a verb may follow at once (在县委领导下开展工作),
a unit or organ named as the statement's subject may not ("……的坚强领导下南昌县全面贯彻……"). Each
match's ``word`` group is where the comma goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from drafter.checks.clauses import words
from drafter.spelling import lexicon
from drafter.text.hanzi import HAN, is_han

_MARKS = r"，。；：！？,.;:!?\s"
_HELP = r"(?:领导|指导|关心|关怀|支持|帮助|部署|带领)"

# Two 在…下 phrases run together, the first one's 下 and comma lost.
_TWO_FRAMES = re.compile(rf"在[^{_MARKS}下]{{2,30}}?{_HELP}(?P<word>在)")
# 在……领导下 and the next frame or the statement's subject glued to it. A verb may follow a short
# frame without a pause ("在镇党委的领导下开展……"): only what opens a statement of its own counts.
_OPENS = "在|以|坚持|始终|紧紧|紧扣|围绕|按照|根据|深入|全面|认真|积极|切实|扎实|持续|不断"
_UNDER = re.compile(rf"在[^{_MARKS}]{{2,40}}?{_HELP}下(?P<word>{_OPENS})(?={HAN})")
_UNDER_ANY = re.compile(rf"在[^{_MARKS}]{{2,40}}?{_HELP}下(?={HAN})")
# The last character or word of a unit's or organ's name (友谊路街道, 南昌县, 县政府, 市生态环境局).
_ORGAN_END = re.compile(r"街道|办事处|政府|党委|党工委|[镇乡县市区局厅]")
_ORGAN_MAX = 9
# Parts of speech (drafter.spelling's tags) a statement's subject does not start with: a verb,
# adverb, preposition or conjunction after 下 is the frame's own statement (在县委领导下开展工作).
_NOT_SUBJECT = frozenset("vdpc")
# 以……为指导 and the statement glued to it: only the words of a guiding thought, after which
# real prose always pauses (以……为重点开展…, 以……为抓手推进… need no comma).
_GUIDED = re.compile(
    rf"以[^{_MARKS}]{{1,40}}?为(?:指导|引领|统领|根本遵循|遵循|指引|行动指南)"
    rf"(?P<word>(?![的地]){HAN}{{2}})"
)


def frame_ends(
    norm: str, start: int = 0, subjects: Sequence[str] = ()
) -> Iterator[tuple[int, int]]:
    """(start, end) of the word each frame of ``norm`` (from ``start``) runs into: the next
    frame, a word that opens a statement, or one of the report's ``subjects`` (the unit, 我镇)."""
    if "在" in norm:
        for match in _TWO_FRAMES.finditer(norm, start):
            yield match.span("word")
        if "下" in norm:
            for match in _UNDER.finditer(norm, start):
                yield match.span("word")
            for match in _UNDER_ANY.finditer(norm, start):
                at = match.end()
                subject = next((s for s in subjects if norm.startswith(s, at)), None)
                if subject is not None:
                    yield at, at + len(subject)
                elif (organ := _organ(norm, at)) is not None:
                    yield at, organ
    if "以" in norm and "为" in norm:
        for match in _GUIDED.finditer(norm, start):
            at = match.start("word")
            yield at, at + len(words(norm[at : at + 4])[0])


def _organ(norm: str, at: int) -> int | None:
    """The end of the longest unit or organ named at ``at``: at most nine characters, ending a
    word on the end of a unit's or organ's name, its first word no verb, adverb, preposition or
    conjunction; None when there is none."""
    window = norm[at : at + _ORGAN_MAX + 4]
    cut = words(window)
    if not cut or lexicon().tag(cut[0]) in _NOT_SUBJECT:
        return None
    ends = {sum(map(len, cut[: k + 1])) for k in range(len(cut))}
    found = [
        m.end()
        for m in _ORGAN_END.finditer(window, 0, _ORGAN_MAX)
        if m.end() in ends and m.end() < len(window) and is_han(window[m.end()])
    ]
    return at + max(found) if found else None
