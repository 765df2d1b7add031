"""The checks as the answers see them: each finding names the answer it is in.

A 全镇 in a 乡's measure text, a superseded 《信访条例》 or a typo is reported against its field
(where the user can fix it) rather than against a paragraph of the draft. A build runs the text
rules once, on the draft, and gives each finding to the answer the draft printed it from
(:func:`in_answers`); without a draft (the questionnaire's review before one is made) they run
over every text answer as if it were a paragraph (:func:`check_answers`). Cross-field figure rules come
from the model (:func:`drafter.answers.model.cross_check`), and a figure a text states that the answers also
hold as a number, with another value, is a ``figure-conflict`` (集中学法6次 in a measure text while
``study.cadre_sessions`` is 5): the draft would state one fact twice, differently.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.answers import carried
from drafter.answers.model import Answers, cross_check
from drafter.answers.parse import Item
from drafter.blocks import Block
from drafter.checks.base import WHOLE_DOCUMENT, AnswerFinding, Finding, run_checks
from drafter.checks.carried import CARRIED, DROPPED
from drafter.checks.conflicts import CONFLICT, approx_covers, scoped, unit_group
from drafter.checks.county import RULE as COUNTY_UNKNOWN
from drafter.checks.county import county_problem
from drafter.checks.status import RULE as STATUS_ONLY
from drafter.checks.status import status_message
from drafter.questions import OPENING_CLAUSES, QUESTIONS
from drafter.render.context import NOT_THIS_YEAR
from drafter.render.phrasing import FIX_WRITTEN, PLAN_WORDS, split_status
from drafter.text.mentions import find_mentions
from drafter.text.numbers import for_matching

# Rules that judge a text on its own; structure rules (numbering, parts, years across parts)
# only make sense on the whole draft.
TEXT_RULES = (
    "unit-mismatch",
    "outdated-term",
    "typo",
    "punctuation",
    "spacing",
    "approx-misuse",
    "status-only",
    "phrase-incomplete",
    "run-on",
)


def answer_texts(answers: Answers) -> list[tuple[str, str, str]]:
    """(key, Chinese place, text) for every text of the answers the draft prints."""
    out: list[tuple[str, str, str]] = []
    own_opening = bool(answers.text("opening.text"))
    for q, value in answers.values():
        if not value or (own_opening and q.key in OPENING_CLAUSES):
            continue  # an imported opening's clauses are kept, but not printed
        if q.kind in ("text", "longtext") and isinstance(value, str):
            out.append((q.key, q.label, value))
        elif q.kind == "list" and isinstance(value, list):
            out += [(q.key, f"{q.label}第{n}行", str(line)) for n, line in enumerate(value, 1)]
        elif q.kind == "items" and isinstance(value, list):
            for n, entry in enumerate(value, 1):
                if not isinstance(entry, Item):
                    continue
                for below, item in entry.walk():
                    place = f"{q.label}第{n}条" + "".join(
                        f"第{int(i) + 1}小项" for i in re.findall(r"\[(\d+)\]", below)
                    )
                    if item.heading:
                        out.append((q.key, f"{place}小标题", item.heading))
                    text = item.text
                    if q.key == RECTIFICATION:
                        # "已整改到位。开展专题培训2期。": the report writes the state into one
                        # sentence with the problem and the note ("针对“X”的问题，开展……，已整改
                        # 到位。"); the text rules read the note, and a bare state is judged by
                        # bare_states.
                        text = split_status(text, FIX_WRITTEN)[1]
                    if text:
                        out.append((q.key, f"{place}内容", text))
    return out


RECTIFICATION = "rectification.items"


def bare_states(answers: Answers) -> list[AnswerFinding]:
    """整改 of last year's problems and follow-ups of last year's plans that give a state and no
    note: a part done needs what is left, nothing done why not and what next. A whole one done
    may stand alone (the questionnaire says the note may stay blank): the report writes
    "“X”的问题已整改到位。", a sentence about the problem."""
    found = []
    label = QUESTIONS[RECTIFICATION].label
    for n, item in enumerate(answers.items(RECTIFICATION), 1):
        status, note = split_status(item.text, FIX_WRITTEN)
        if status in ("partly", "not") and not note.strip():
            written = item.text.strip().rstrip("。；;.")
            finding = Finding(STATUS_ONLY, "warning", status_message(written), item.text.strip(), 0)
            found.append(AnswerFinding(RECTIFICATION, f"{label}第{n}条内容", finding))
    for n, followup in enumerate(answers.followups, 1):
        if followup.status in ("partly", "not") and not followup.sentence.strip():
            word = PLAN_WORDS[followup.status]
            finding = Finding(STATUS_ONLY, "warning", status_message(word), word, 0)
            found.append(AnswerFinding("plans.items", f"去年安排第{n}项的落实情况", finding))
    return found


def check_answers(answers: Answers) -> list[AnswerFinding]:
    """Text rules over every answer, and the model's cross-field rules."""

    texts = answer_texts(answers)
    blocks = [Block("paragraph", text) for _, _, text in texts]
    found: list[AnswerFinding] = []
    if blocks:
        findings = run_checks(
            blocks,
            unit_type=answers.unit_type,
            year=answers.year,
            rules=TEXT_RULES,
        )
        for finding in findings:
            key, where, _ = texts[finding.paragraph]
            found.append(AnswerFinding(key, where, finding))
    return found + answer_rules(answers, texts)


def in_answers(
    findings: list[Finding], blocks: list[Block], texts: list[tuple[str, str, str]]
) -> tuple[list[AnswerFinding], list[Finding]]:
    """A draft's findings split by where the user fixes them: a text rule's finding whose
    excerpt, with the words around it in the draft, stands in one answer's text goes to that
    answer (its ``paragraph`` then counts the answer texts, as :func:`check_answers` counts
    them); the rest stay the draft's. One run of the text rules serves both."""
    located: list[AnswerFinding] = []
    rest: list[Finding] = []
    for finding in findings:
        at = None
        if finding.rule in TEXT_RULES and finding.excerpt and 0 <= finding.paragraph < len(blocks):
            at = _answer_of(finding.excerpt, blocks[finding.paragraph].full_text, texts)
        if at is None:
            rest.append(finding)
        else:
            key, where, _ = texts[at]
            located.append(AnswerFinding(key, where, replace(finding, paragraph=at)))
    located.sort(key=lambda a: a.finding.paragraph)
    return located, rest


_AROUND = (8, 4)
"""Characters beside an excerpt that must stand in the answer too, widest first, on both sides or
on one (an answer's first or last words stand next to the template's in the draft): the same
words (全镇) may stand in several answers, and the draft's paragraph says which one it printed."""


def _answer_of(excerpt: str, paragraph: str, texts: list[tuple[str, str, str]]) -> int | None:
    """The index of the answer text the draft printed ``excerpt`` from, or None (also when only
    the excerpt itself is found, in more than one answer)."""
    spots = [m.start() for m in re.finditer(re.escape(excerpt), paragraph)]
    for width in _AROUND:
        for left, right in ((width, width), (0, width), (width, 0)):
            for spot in spots:
                seen = paragraph[max(spot - left, 0) : spot + len(excerpt) + right]
                found = next((n for n, (_, _, text) in enumerate(texts) if seen in text), None)
                if found is not None:
                    return found
    holding = [n for n, (_, _, text) in enumerate(texts) if excerpt in text]
    return holding[0] if len(holding) == 1 else None


def answer_rules(answers: Answers, texts: list[tuple[str, str, str]]) -> list[AnswerFinding]:
    """The rules of the answers themselves: cross-field figures, bare 整改 states, a text's
    figure against the answer's number, carried figures, the county."""
    found: list[AnswerFinding] = []
    for key, message in cross_check(answers):
        finding = Finding("figure-impossible", "error", message, "", WHOLE_DOCUMENT)
        found.append(AnswerFinding(key, QUESTIONS[key].label, finding))
    found += bare_states(answers)
    found += figure_conflicts(answers, texts)
    found += carried_findings(answers)
    county = answers.text("identity.county")
    problem = county_problem(county) if county else None
    if problem:
        finding = Finding(COUNTY_UNKNOWN, "warning", problem, county or "", WHOLE_DOCUMENT)
        found.append(AnswerFinding("identity.county", QUESTIONS["identity.county"].label, finding))
    return found


def figure_conflicts(answers: Answers, texts: list[tuple[str, str, str]]) -> list[AnswerFinding]:
    """A text figure of a catalogue key whose structured answer says another number."""

    year = answers.year
    found: list[AnswerFinding] = []
    for paragraph, (text_key, where, text) in enumerate(texts):
        if text_key.split(".", 1)[0] in NOT_THIS_YEAR:
            continue  # next year's 力争……20名 is a target, not this year's count
        for mention in find_mentions(text):
            question = QUESTIONS.get(mention.key or "")
            if question is None or question.kind != "figure" or mention.rate:
                continue
            figure = answers.figure(question.key)
            if figure is None or mention.unit not in unit_group(question.unit):
                continue
            if (figure.value, figure.approx) == (mention.value, mention.approx):
                continue
            at = mention.start - mention.sentence_start
            if scoped(for_matching(mention.sentence), at, year):
                continue
            rough, exact = (figure, mention) if figure.approx else (mention, figure)
            close = figure.value == mention.value or (
                figure.approx != mention.approx and approx_covers(rough.value, exact.value)
            )
            what = "写法不一致" if close else "不一致"
            message = (
                f"“{question.label}”一项填的是{figure}{question.unit}，而{where}写的是"
                f"“{mention.raw}”：同一个数字前后{what}，请把答卷里的数字或这句话改成一致。"
            )
            finding = Finding(
                CONFLICT, "warning" if close else "error", message, mention.sentence, paragraph
            )
            found.append(AnswerFinding(question.key, question.label, finding))
    return found


def carried_findings(answers: Answers) -> list[AnswerFinding]:
    """One warning per carried figure not confirmed for the report's year, naming its sentence
    and last year's value; one per figure reported last year and left empty this year."""
    year = answers.year
    found = []
    for cf in carried.outstanding(answers, year):
        located = carried.locate(answers, cf)
        sentence = located[1].sentence if located else cf.sentence
        finding = Finding(CARRIED, "warning", carried.outstanding_message(cf, year), sentence, 0)
        found.append(AnswerFinding(cf.question, cf.place, finding))
    for key, last in carried.dropped(answers):
        finding = Finding(DROPPED, "warning", carried.dropped_message(key, last), "", 0)
        found.append(AnswerFinding(key, QUESTIONS[key].label, finding))
    return found
