"""What an import must keep of a report, checked independently of how the importer works.

Used by the import tests on the five seeds and on the unseen-style fixtures:

* every figure of the original (found by :func:`drafter.text.mentions.find_mentions`) is in the JSON
  report with its sentence, and is where the report says: in its key with the same value, 余
  mark and the question's unit, or inside the answer text named, as written;
* every sentence of the measures part is whole in the answers (modulo punctuation), all
  sentences of one （一） item in ONE section, never in problems, plans, opening or closing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from drafter.blocks import Block
from drafter.importer import ImportResult
from drafter.importer.classify import TOPICS
from drafter.importer.place import UNPLACED_KEY
from drafter.questions import QUESTIONS
from drafter.text.figures import Figure
from drafter.text.mentions import Mention, all_facts, find_mentions, zero_facts
from drafter.text.numbers import for_matching, split_sentences

# Every section an imported item can land in: the topics, then the list the user confirms.
MEASURE_SECTIONS = (*TOPICS, UNPLACED_KEY)
_ORDINAL = re.compile(r"(?:^|(?<=[。；;：:，,\n]))\s*[一二三四五六七八九十]{1,3}是")


def plain(text: str) -> str:
    """Only the words: no run ordinals (一是), no punctuation, no spaces."""
    text = _ORDINAL.sub("", for_matching(text))
    return re.sub(r"[^\u3400-\u9fff0-9A-Za-z%]", "", text)


def resolve(data: dict[str, Any], key: str) -> Any:
    """``publicity.measures[1].text`` → the value at that place of the answers data."""
    node: Any = data
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", key):
        try:
            node = node[int(part[1:-1])] if part.startswith("[") else node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def original_figures(blocks: Sequence[Block]) -> list[Mention]:
    out: list[Mention] = []
    for block in blocks:
        if block.kind not in ("title", "addressee", "signature", "date"):
            out.extend(find_mentions(block.full_text))
    return out


def check_figures(result: ImportResult, blocks: Sequence[Block]) -> list[str]:
    """Problems with the account of figures (empty when every figure is where it should be)."""
    problems: list[str] = []
    report = result.report()["figures"]
    remaining = list(report)
    data = result.data
    for mention in original_figures(blocks):
        entry = next(
            (
                e
                for e in remaining
                if e["source"] == mention.sentence
                and e["value"] == mention.value
                and e["approx"] == mention.approx
            ),
            None,
        )
        if entry is None:
            problems.append(f"not in the report: {mention.raw} in {mention.sentence}")
            continue
        remaining.remove(entry)
        key = entry["key"]
        if entry["placed"]:
            question = QUESTIONS[key]
            stored = resolve(data, key)
            if stored != Figure(mention.value, mention.approx).to_yaml():
                problems.append(f"{key} = {stored}, but the text says {mention.raw}")
            if question.unit != mention.unit:
                problems.append(f"{key} is in {question.unit}, the text says {mention.raw}")
            if not key.startswith(_section_of_text(result, mention)):
                problems.append(f"{key} filled from a text of another section: {mention.raw}")
        else:
            text = resolve(data, key)
            if not isinstance(text, str) or plain(mention.raw) not in plain(text):
                problems.append(f"{mention.raw} is not in {key}")
    # Figures said without a number ("无行政复议案件", "全部调解成功") are listed too.
    said = [
        e
        for e in remaining
        if e["placed"]
        and (
            e["key"] in {key for key, _, _ in zero_facts(e["source"])}
            or e["key"] in {fact.key for fact in all_facts(e["source"])}
        )
        and resolve(data, e["key"]) == Figure(e["value"], e["approx"]).to_yaml()
    ]
    remaining = [e for e in remaining if e not in said]
    if remaining:
        problems.append(f"figures in the report that the original does not have: {remaining}")
    return problems


def _section_of_text(result: ImportResult, mention: Mention) -> str:
    for record in result.figures:
        if record.mention == mention and record.location is not None:
            return record.location.section
    return "?"


def measure_items(result: ImportResult, blocks: Sequence[Block]) -> list[list[str]]:
    """The sentences of each （一） item of the original's measures parts (own parse)."""
    kinds = [p["kind"] for p in result.report()["parts"]]
    items: list[list[str]] = []
    part = -1
    item_level = 0
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            part += 1
            item_level = 0
            continue
        if part < 0 or part >= len(kinds) or kinds[part] != "measures":
            continue
        if block.kind == "heading" and item_level in (0, block.level):
            item_level = block.level  # a part's items are its first level of headings
            items.append([])
        if not items:
            items.append([])
        words = block.text + block.body if block.kind == "heading" else block.full_text
        items[-1].extend(s for s in split_sentences(words) if plain(s))
    return items


def section_words(data: dict[str, Any]) -> dict[str, str]:
    """Each section's answer texts as one string of words, in order."""
    out: dict[str, str] = {}
    for section, values in data.items():
        if section == UNPLACED_KEY:
            out[section] = plain("".join(i["heading"] + i["text"] for i in values))
            continue
        if not isinstance(values, dict):
            continue
        words = []
        for value in values.values():
            if isinstance(value, str):
                words.append(value)
            elif isinstance(value, list):
                for entry in value:
                    if isinstance(entry, dict):
                        words.append(entry_words(entry))
                    elif isinstance(entry, str):
                        words.append(entry)
        out[section] = plain("".join(words))
    return out


def entry_words(entry: dict[str, Any]) -> str:
    """An item's heading and text, then its sub-items', in order."""
    subs = entry.get("subitems") or []
    return (
        entry.get("heading", "")
        + entry.get("text", "")
        + "".join(entry_words(s) for s in subs if isinstance(s, dict))
    )


def check_measures(result: ImportResult, blocks: Sequence[Block]) -> list[str]:
    """Problems with the measures: a sentence lost or cut, or an item spread over sections."""
    problems: list[str] = []
    words = section_words(result.data)
    the_last = result.data.get("closing", {}).get("text", "")
    has_first_duty_part = any(p["kind"] == "first-duty" for p in result.report()["parts"])
    for item in measure_items(result, blocks):
        homes: set[str] = set()
        for sentence in item:
            found = [s for s in MEASURE_SECTIONS if plain(sentence) in words.get(s, "")]
            if not found:
                if plain(sentence) and plain(sentence) in plain(the_last):
                    continue  # the report's closing paragraph, read as its conclusion
                elsewhere = [s for s, w in words.items() if plain(sentence) in w]
                problems.append(f"not whole in a measures section ({elsewhere}): {sentence}")
                continue
            homes.add(found[0] if len(found) == 1 else "|".join(found))
        single = {h for h in homes if "|" not in h}
        if not has_first_duty_part:
            # A report without a 第一责任人 part may say it as a sub-item of another item
            # ("2. 落实第一责任人职责：……"): that sub-item is the draft's 第一责任人 item.
            single.discard("first_duty")
        if len(single) > 1:
            problems.append(f"one item spread over {sorted(homes)}: {item[0]}")
    return problems
