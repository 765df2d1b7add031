"""Rewrites made for speed find exactly what the straightforward forms found."""

from __future__ import annotations

import random
import re

import pytest

from drafter.checks.names import _stem_spans
from drafter.text.mentions import find_mentions

HAN = "\u4e00-\u9fff"  # the plain references below are written with the code point range


def test_county_stem_search_equals_the_regex_it_replaced() -> None:
    """A pattern per county compiled the Chinese-character class for every report; the search
    by str.find plus one precompiled lookahead finds the same spans, left to right."""
    rng = random.Random(15)
    alphabet = [*"尼玛县委政府人民中共俄久乡镇街道苏木党2024年度，。 a1", *["尼玛"] * 5]
    for stem, suffix in (("尼玛", "县"), ("扎鲁特", "旗"), ("城关", "区")):
        pattern = re.compile(
            rf"(?:(?<=中共)|(?<![{HAN}])){re.escape(stem)}(?!{re.escape(suffix)})"
            rf"(?=委|人民政府|政府|[{HAN}]{{2,6}}?(?:乡|镇|街道|苏木)(?:\d|人民政府|党委|政府|$|[^{HAN}]))"
        )
        letters = [*alphabet, stem, stem + suffix]
        matched = 0
        for _ in range(4000):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 24)))
            expected = [m.span() for m in pattern.finditer(text)]
            assert list(_stem_spans(text, stem, suffix)) == expected, text
            matched += bool(expected)
        assert matched > 10  # the comparison saw real matches


def test_remembered_mentions_come_as_a_new_list_each_time() -> None:
    text = "全年开展普法宣传活动30场次，发放资料1500余份。"
    first = find_mentions(text)
    first.clear()
    again = find_mentions(text)
    assert [m.raw for m in again] == ["30场次", "1500余份"]
    assert again is not find_mentions(text)


def test_screen_and_leads_hold_wherever_a_pattern_matches() -> None:
    """The literal-first screen of each pattern, and the literal leads a rule tests before
    searching it: never miss a match of the pattern."""
    from drafter.checks import outdated, typos
    from drafter.checks._text import _screen, literal_leads
    from tests.conftest import SEEDS

    rng = random.Random(15)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))
    patterns = [pattern() for pattern, _, _, _ in typos._COMPILED]
    patterns += [pattern() for _, pattern, _ in outdated._COMPILED]
    patterns += [pattern() for _, pattern, _, _ in outdated._PLANS]
    # Hits for the patterns that begin with a group, a lookbehind or an optional mark.
    samples = ["人民调节", "群众权力", "扎实的推动", "“七五”普法", "法制日报", "《信访条例》"]
    samples += [text[i : i + rng.randint(5, 80)] for i in range(0, len(text), 37)]
    hits = 0
    for pattern in patterns:
        screen = _screen(pattern.pattern)
        assert screen is not None, pattern.pattern
        assert screen[0] not in "([\\.", screen  # begins with a literal character
        compiled = re.compile(screen)
        leads = literal_leads(pattern.pattern)
        assert leads and all(leads), pattern.pattern
        for sample in samples:
            if pattern.search(sample):
                hits += 1
                assert compiled.search(sample), (pattern.pattern, sample)
                # The rules search a pattern only in a text that holds one of its leads.
                assert any(lead in sample for lead in leads), (pattern.pattern, sample)
    assert hits >= 6
    assert literal_leads(r"《?信访条例》?") == ("信访条例",)  # the optional marks are left out
    assert literal_leads(r"(?:a|b)cd+e|fg?h") == ("cd", "f")
    # Beyond the simple reading: no screen, no leads (the pattern is searched in every text).
    assert _screen(r"(?i)abc") is None
    assert _screen(r"[ab]c?|d") is None  # the first alternative has no required character
    assert _screen(r"(a)b\1") is None


def _common_run_table(a: str, b: str) -> int:
    """The longest common substring by the character table common_run used to fill."""
    best = 0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def test_common_run_equals_the_table_it_replaced() -> None:
    from drafter.checks._text import common_run

    rng = random.Random(17)
    for _ in range(5000):
        a = "".join(rng.choice("法治政府建设宣传ab") for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice("法治政府建设宣传ab") for _ in range(rng.randint(0, 30)))
        assert common_run(a, b) == _common_run_table(a, b), (a, b)


def test_bigram_numbers_count_as_character_pairs() -> None:
    """duplicates._bigrams: numbers standing for character pairs, with the sizes and overlaps
    of the sets of 2-character strings (what the near-duplicate similarity is computed on)."""
    from drafter.checks.duplicates import _bigrams, _normal
    from tests.conftest import SEEDS

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))
    keys = [_normal(s) for s in text.split("。") if s.strip()]
    keys += ["", "法", "法治", "法治政府", "ab12", "2024年度"]

    def pairs(key: str) -> set[str]:
        return {key[i : i + 2] for i in range(len(key) - 1)}

    for a, b in zip(keys, keys[1:] + keys[:1], strict=True):
        assert len(_bigrams(a)) == len(pairs(a)), a
        assert len(_bigrams(a) & _bigrams(b)) == len(pairs(a) & pairs(b)), (a, b)


def _seed_text() -> str:
    from tests.conftest import SEEDS

    return "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))


def _figure_texts(seed: int, count: int) -> list[str]:
    """Pieces of the real reports, and texts made of what figures, dates and ordinals are
    made of (digits, numerals, unit words, 第, marks of dates, Traditional and full-width
    forms, line breaks)."""
    rng = random.Random(seed)
    text = _seed_text()
    pieces = [
        *"0123456789两二三四五六七八九十一万余多约近达第年月号.,·:：-—/ \n。！？；，、（）《》",
        *("次", "场次", "人次", "件", "起", "名", "份", "项", "个", "%", "％", "余人", "万元"),
        *(
            "３",
            "０",
            "兩",
            "場",
            "，",
            "．",
            "开展普法宣传活动",
            "调解矛盾纠纷",
            "其中办结",
            "〔2024〕",
        ),
        *("发放资料", "中心组学习", "法律顾问", "每季度", "受理", "执法人员培训", "三项制度"),
    ]
    texts = [
        text[i : i + rng.randint(5, 300)] for i in (rng.randrange(len(text)) for _ in range(count))
    ]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(count)]
    # Clauses as reports write them: words (every rule's keywords among them), a number, a
    # unit word, a mark.
    from drafter.text.figure_rules import FIGURE_RULES

    words = [k for rule in FIGURE_RULES for k in rule.keywords]
    words += ["每季度", "每月", "其中", "成功", "执法", "纠纷", "信息", "汇报", "全部", "共", "村"]
    numbers = ["3", "12", "1,500", "2.5", "两", "三", "第4", "2024年"]
    units = ["次", "场次", "件", "起", "名", "人次", "份", "个", "项", "%", "余人", "万人次"]
    marks = ["，", "、", "；", "：", "。", ""]
    for _ in range(count):
        clauses = []
        for _ in range(rng.randint(1, 5)):
            clauses.append(
                "".join(rng.choice(words) for _ in range(rng.randint(0, 3)))
                + rng.choice(numbers)
                + rng.choice(units)
                + rng.choice(marks)
            )
        texts.append("".join(clauses))
    return texts


def test_mentions_found_as_sentence_by_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """_mentions_of maps the text once and reads only sentences with a figure's core
    (FIGURE_CORE); reading every sentence, each mapped on its own and searched in full as
    before, finds the same mentions."""
    from drafter.text import mentions, numbers

    def sentence_by_sentence(text: str) -> tuple[mentions.Mention, ...]:
        found: list[mentions.Mention] = []
        offset = 0
        for paragraph in text.split("\n"):
            search_from = 0
            for sentence in numbers.split_sentences(paragraph):
                at = paragraph.find(sentence, search_from)
                search_from = at + len(sentence)
                matching = numbers.for_matching(sentence)
                found.extend(mentions._sentence_mentions(sentence, offset + at, matching))
            offset += len(paragraph) + 1
        return tuple(found)

    texts = _figure_texts(18, 3000)
    fast = [mentions._mentions_of.__wrapped__(text) for text in texts]
    # The reference without the screen: a pattern that matches everywhere lets every sentence
    # through to the full search.
    for module in (mentions, numbers):
        monkeypatch.setattr(module, "FIGURE_CORE", re.compile(""))
    slow = [sentence_by_sentence(text) for text in texts]
    assert fast == slow
    assert sum(map(len, slow)) > 500  # the comparison saw many figures


def test_figure_core_is_found_wherever_a_figure_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen never misses a sentence find_tokens (without it) reads a figure in."""
    from drafter.text import numbers

    texts = _figure_texts(19, 3000)
    screen = numbers.FIGURE_CORE
    monkeypatch.setattr(numbers, "FIGURE_CORE", re.compile(""))
    expected = [bool(numbers.find_tokens(numbers.for_matching(t))) for t in texts]
    monkeypatch.undo()
    for text, has_figure in zip(texts, expected, strict=True):
        if has_figure:
            assert screen.search(numbers.for_matching(text)), text
    assert sum(expected) > 500
    assert (
        sum(not e and bool(re.search(r"\d", t)) for t, e in zip(texts, expected, strict=True)) > 100
    )


def test_keys_equal_those_of_the_rules_tried_in_full() -> None:
    """match_rule looks for the keywords before searching a rule's context and exclusion:
    the same keys as testing all three in the old order."""
    from drafter.text import figure_rules, numbers

    def old_match_rule(rule, sentence, token, spans=None):  # type: ignore[no-untyped-def]
        if token.unit not in rule.units:
            return None
        if rule.context and not re.search(rule.context, sentence):
            return None
        best = None
        narrow, before = spans or figure_rules.token_spans(sentence, token)
        if rule.exclude and re.search(rule.exclude, sentence[narrow[0] : narrow[1]]):
            return None
        for span in (narrow, before):
            clause = sentence[span[0] : span[1]]
            for keyword in rule.keywords:
                found = clause.find(keyword)
                while found >= 0:
                    position = span[0] + found
                    distance = abs(token.start - position)
                    if position > token.start:
                        distance += 20
                    best = distance if best is None else min(best, distance)
                    found = clause.find(keyword, found + (len(keyword) or 1))
            if best is not None:
                return best
        return None

    def old_key_for(sentence, token, placed):  # type: ignore[no-untyped-def]
        if token.rate or figure_rules.is_frequency(sentence, token):
            return None
        for part, (whole, words, not_words) in figure_rules.PART_WORDS.items():
            if whole in placed and placed[whole].start < token.start:
                start, end = figure_rules.clause_span(sentence, token.start)
                clause = sentence[start:end]
                if (
                    re.search(words, clause)
                    and not re.search(not_words, clause)
                    and token.unit in figure_rules.RULES[whole].units
                ):
                    return part
        best = None
        for rule in figure_rules.FIGURE_RULES:
            distance = old_match_rule(rule, sentence, token)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, rule.key)
        return best[1] if best else None

    texts = _figure_texts(21, 3000)
    texts += ["每季度开展普法宣传1次，全年共4次。", "每月召开法治专题会议2次"]
    matched = keyed = 0
    for text in texts:
        sentence = numbers.for_matching(text)
        placed: dict[str, numbers.Token] = {}
        places = figure_rules.keyword_places(sentence)
        for token in numbers.find_tokens(sentence):
            for rule in figure_rules.FIGURE_RULES:
                expected = old_match_rule(rule, sentence, token)
                assert figure_rules.match_rule(rule, sentence, token) == expected, (rule, sentence)
                matched += expected is not None
            key = old_key_for(sentence, token, placed)
            assert figure_rules.key_for(sentence, token, placed, places) == key, sentence
            if key is not None:
                placed.setdefault(key, token)
                keyed += 1
    assert matched > 200 and keyed > 200
    # keyword_places finds every occurrence a str.find loop finds: no keyword overlaps itself.
    for keyword in figure_rules._KEYWORDS:
        assert all(keyword[:n] != keyword[-n:] for n in range(1, len(keyword))), keyword


def test_status_screen_passes_every_status_sentence() -> None:
    """status-only skips a sentence with a character outside _STATUS's words and the marks:
    no such sentence matches _STATUS."""
    from drafter.checks import status

    rng = random.Random(22)
    words = ["已", "落实", "完成", "整改", "正在", "推进", "到位", "中", "全部", "目前", "销号"]
    words += ["。", "，", " ", "；", "工作", "了", "a", "1", "法"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    texts += [_seed_text()[i : i + 12] for i in range(0, 20000, 7)]
    matched = 0
    for text in texts:
        if status._STATUS().match(status._MARKS().sub("", text)):
            matched += 1
            assert status._OTHER_CHAR.search(text) is None, text
    assert matched > 300


def test_near_duplicates_equal_the_pairwise_loop() -> None:
    """_near_duplicates filters pairs by a length range and a sampled bound before
    intersecting; comparing every pair in the window as before finds the same sentences."""
    from drafter.blocks import Block
    from drafter.checks import duplicates as dup
    from drafter.checks._text import Context

    def pairwise(items: list[tuple[str, int, int, int]]) -> list[tuple[int, int]]:
        found = []
        grams = [dup._bigrams(key) for key, *_ in items]
        for j in range(1, len(items)):
            for i in range(max(0, j - dup.NEAR_WINDOW), j):
                short, long = sorted((len(items[i][0]), len(items[j][0])))
                if short < long * dup.NEAR_SIMILARITY:
                    continue
                small, large = sorted((len(grams[i]), len(grams[j])))
                if small < large * dup.NEAR_SIMILARITY:
                    continue
                common = len(grams[i] & grams[j])
                union = len(grams[i]) + len(grams[j]) - common
                if union and common / union >= dup.NEAR_SIMILARITY:
                    found.append((j, i))
                    break
        return found

    rng = random.Random(23)
    sentences = [dup._normal(s) for s in _seed_text().split("。")]
    sentences = [s for s in sentences if len(s) >= dup.NEAR_MIN_CHARS]
    total = 0
    for _ in range(60):
        keys = []
        for _ in range(rng.randint(2, 60)):
            key = rng.choice(sentences)
            if keys and rng.random() < 0.4:  # a near copy of an earlier one
                key = list(rng.choice(keys))
                for _ in range(rng.randint(0, 6)):
                    at = rng.randrange(len(key))
                    key[at : at + rng.randint(0, 2)] = rng.choice(["", "法", "治理", "2024"])
                key = "".join(key)
            keys.append(key)
        items = [(key, n, 0, len(key)) for n, key in enumerate(keys)]
        texts = [key for key, *_ in items]
        blocks = [Block("paragraph", text) for text in texts]
        context = Context(blocks, texts, texts, None, None, None)  # type: ignore[arg-type]
        got = [(f.paragraph, f.message) for f in dup._near_duplicates(context, items)]
        expected = [
            (items[j][1], f"这句话与第{items[i][1] + 1}段的句子几乎相同，请合并或改写。")
            for j, i in pairwise(items)
        ]
        assert got == expected
        total += len(expected)
    assert total > 100


def test_length_range_is_the_length_test() -> None:
    from drafter.checks.duplicates import NEAR_SIMILARITY, _length_range

    for length in range(1, 400):
        low, high = _length_range(length)
        for other in range(1, 2 * length + 3):
            short, long = sorted((other, length))
            passes = not short < long * NEAR_SIMILARITY
            assert (low <= other <= high) == passes, (length, other)


def test_stretch_screen_passes_every_stretch() -> None:
    """run-on measures stretches only in blocks _may_stretch lets through: every block where
    the stretch pattern finds one."""
    from drafter.checks import runon

    rng = random.Random(24)
    letters = [*"法治政府建设宣传活动开展", "，", "。", "、", "；", " ", "“", "”", "《", "》"]
    texts = []
    for _ in range(3000):
        rarity = rng.choice([0.001, 0.005, 0.01, 0.05])  # how often a mark comes
        weights = [rng.random() * (1 if len(ch) == 1 and ch >= "一" else rarity) for ch in letters]
        texts.append("".join(rng.choices(letters, weights, k=rng.randint(40, 200))))
    found = 0
    for text in texts:
        if runon._STRETCH.search(text):
            found += 1
            assert runon._may_stretch(text), text
    assert found > 50


def test_county_screen_finds_every_county_name() -> None:
    """_counties searches for county names only in blocks the suffix-first screen matches."""
    from drafter.checks import names

    rng = random.Random(25)
    pieces = [*"尼玛县区旗委人民政府俄久乡镇街道苏木中共自治，。、 1", "自治县", "自治旗", "县委"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(6000)]
    texts += [_seed_text()[i : i + 60] for i in range(0, 30000, 11)]
    found = 0
    for text in texts:
        if names._COUNTY_IN_TEXT.search(text):
            found += 1
            assert names._COUNTY_SCREEN.search(text), text
    assert found > 500


def test_punctuation_patterns_equal_the_lookbehind_first_ones() -> None:
    """The character-first patterns of punctuation find what the lookbehind-first ones did."""
    from drafter.checks import punctuation as punct

    day_words = punct._DAY_WORDS
    old = {
        "_HALF": re.compile(
            rf"(?<=[{HAN}，。、；：“”《》）])[,;:?!()\"]|[,;:?!()\"](?=[{HAN}“《（])"
        ),
        "_HALF_PERIOD": re.compile(rf"(?<=[{HAN}”）》])\.(?=[{HAN}“（]|$)"),
        "_DAY": re.compile(
            rf"(?<![\d.·])(1[0-2]|[1-9])\s*([.．•・·])\s*([1-3]?\d)(?![\d.%])"
            rf"(?=\s*[”\"]?\s*(?:{day_words}|日|节))"
        ),
        "_SINGLE_DASH": re.compile(rf"(?<=[{HAN}])[—–](?=[{HAN}])"),
    }
    rng = random.Random(26)
    pieces = [
        *',;:?!()".．•・·—–，。、；：“”《》）（ 0123456789法治aA%',
        "日",
        "节",
        "宪法",
        "国际",
    ]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(8000)]
    texts += [_seed_text()[i : i + 80] for i in range(0, 40000, 13)]
    for name, pattern in old.items():
        new = getattr(punct, name)
        hits = 0
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in new.finditer(text)] == expected, (name, text)
            hits += len(expected)
        assert hits > 50, name


def test_bracket_balance_equals_the_walk() -> None:
    """_balance walks the brackets only when they are not well nested: the same findings as
    walking every block's brackets."""
    from drafter.checks import punctuation as punct

    rng = random.Random(27)
    pieces = [*"（）《》【】〈〉“”法治 ", "（一）", "《条例》"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(8000)]
    nested = 0
    for text in texts:
        start = rng.randint(0, 2)
        walked = list(punct._unbalanced(text, 0, start))
        quotes = [f for f in punct._balance(text, 0, start) if "双引号" in f.message]
        got = [f for f in punct._balance(text, 0, start) if "双引号" not in f.message]
        assert got == walked, text
        assert punct._well_nested(text, start) == (not walked), text
        nested += not walked and any(ch in text[start:] for ch in "（《【〈")
        assert len(quotes) <= 1
    assert nested > 200


def test_sentence_spans_equal_the_stripping_walk() -> None:
    from drafter.checks._text import _SENTENCE_END, sentences

    def walked(text: str, start: int) -> list[tuple[int, int]]:
        out, pos = [], start
        for match in _SENTENCE_END.finditer(text, start):
            end = match.end() if match.group(0) != "\n" else match.start()
            if text[pos:end].strip():
                out.append((pos, end))
            pos = match.end()
        if text[pos:].strip():
            out.append((pos, len(text)))
        return out

    rng = random.Random(28)
    for _ in range(5000):
        text = "".join(rng.choice("法治。！？；;!?\n \u3000a") for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, 3)
        assert list(sentences(text, start)) == walked(text, start), (text, start)


def test_phrase_variants_found_as_the_alternation_found_them() -> None:
    """The phrase rule looks a variant up where re finds its first two characters; one
    alternation of every variant (marks written as a class) finds the same places."""
    from drafter.checks import phrases
    from tests.conftest import SEEDS

    groups: dict[str, list[str]] = {}
    for variant in sorted(phrases._VARIANTS, key=len, reverse=True):
        groups.setdefault(variant[0], []).append(variant)

    def escaped(text: str) -> str:
        return re.escape(text).replace("、", "[、，,]")

    alternation = re.compile(
        "|".join(
            escaped(first) + "(?:" + "|".join(escaped(v[1:]) for v in group) + ")"
            for first, group in groups.items()
        )
    )
    rng = random.Random(21)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))
    variants = list(phrases._VARIANTS)
    found = 0
    for _ in range(1500):
        start = rng.randrange(len(text))
        parts = [text[start : start + rng.randrange(30)]]
        for _ in range(rng.randrange(1, 5)):
            variant = rng.choice(variants).replace("、", rng.choice("、，,"))
            parts.append(variant[: rng.randrange(1, len(variant) + 1)])
        sample = "".join(parts)
        expected = [
            (m.start(), m.end(), phrases._canonical(m.group()))
            for m in alternation.finditer(sample)
        ]
        assert list(phrases._variants_in(sample)) == expected, sample
        found += len(expected)
    assert found > 500  # the comparison saw real matches


def test_preceded_equals_a_lookbehind_per_word() -> None:
    """``preceded`` writes the checks behind the words once per run of words of one length; a
    pair of lookbehinds after each word finds the same spans."""
    from drafter.checks._text import preceded
    from drafter.text.hanzi import HAN as HAN_CLASS

    def per_word(words: tuple[str, ...], by: str | None, not_by: str | None) -> str:
        alternatives = []
        for word in words:
            after = f"(?<={by}{re.escape(word)})" if by else ""
            after += f"(?<!{not_by}{re.escape(word)})" if not_by else ""
            alternatives.append(re.escape(word) + after)
        return "(?:" + "|".join(alternatives) + ")"

    rng = random.Random(21)
    cases = [
        (("同时", "此外", "因此", "下一步"), HAN_CLASS, "[的并也在]"),
        (("19", "20"), None, r"[\d.]"),
        (("下一", "下一步", "同时", "同"), HAN_CLASS, "[的并]"),
    ]
    for words, by, not_by in cases:
        plain = re.compile(per_word(words, by, not_by))
        written = re.compile(preceded(words, by, not_by))
        letters = [*words, *"的并也在乡镇a1.，。 2024"]
        matched = 0
        for _ in range(3000):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 16)))
            expected = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in written.finditer(text)] == expected, text
            matched += bool(expected)
        assert matched > 100
