"""Spelling: wrong characters in Chinese prose, found with a lexical model that ships as data.

Two readings of a suspicious character: a character bigram model with the confusion sets
(detect.py), and for the characters that stand alone as words, jieba's unigram segmentation
(segment.py); grammar.py reads 的/地/得 and 哪/那, coined.py leaves coinages and names alone,
and usage.py, on a whole report, what the report's own usage accounts for.

Self-contained: imports only the standard library, its own data and drafter.errors, so that the
typo rule (drafter/checks/typos.py) and anything else can use it. No neural weights, nothing
downloaded: the tables in data/ were derived once from jieba's word frequencies, the SIGHAN
confusion sets shipped in pycorrector, pypinyin's readings and Pinyin2Hanzi's character bigram
model by scripts/build_spelling_data.py (sources and licences there); data/gongwen.txt is a
hand-kept list of general official terms, data/surnames.txt the hundred commonest surnames.
"""

from __future__ import annotations

from drafter.spelling.detect import TUNING, Tuning, Typo, find_typos
from drafter.spelling.lexicon import Lexicon, lexicon

__all__ = ["TUNING", "Lexicon", "Tuning", "Typo", "find_typos", "lexicon"]
