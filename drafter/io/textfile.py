"""Text files as Windows editors save them, for every text a user gives drafter.

Notepad saves UTF-8 (with or without a BOM), "Unicode" (UTF-16, with a BOM, or without one from
other editors) and "ANSI" (GBK on a Simplified Chinese system; Big5 on a Traditional one). The
report reader, the answers file and the county's list of units all read their bytes here, so a
file one of them accepts is never refused by another for its encoding.
"""

from __future__ import annotations

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> str | None:
    """The text of ``data`` in whichever of those encodings it is in; None when it is in none
    (a binary file, or an encoding no Chinese Windows editor writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _try_decode(data[3:], "utf-8")
    if data.startswith(UTF16_BOMS):
        return _try_decode(data, "utf-16")
    # UTF-16 without a BOM: every ASCII character (YAML keys, digits, line ends) has a NUL
    # byte, all on odd positions (little-endian) or all on even ones; a text of mostly Chinese
    # has few of them, so it is their place that tells, not their number.
    if b"\x00" in data:
        odd, even = data[1::2].count(0), data[0::2].count(0)
        if len(data) % 2 == 0 and max(odd, even) >= 4 * min(odd, even) + 2:
            text = _try_decode(data, "utf-16-le" if odd > even else "utf-16-be")
            if text is not None and "\x00" not in text:
                return text
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text
    # Almost any byte string is valid GB18030, so Big5 files (Traditional, from Taiwan/HK
    # editors) must be told apart by what the decoded text looks like.
    candidates = [
        decoded
        for decoded in (_try_decode(data, "gb18030"), _try_decode(data, "big5"))
        if decoded is not None
    ]
    return max(candidates, key=_plausibility, default=None)


# Characters frequent in report texts, Simplified and Traditional forms alike: text decoded
# with the wrong codec is made of rare characters instead.
_FREQUENT = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展"
    "五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根"
    "论运农指几九区强放决西被干做必战先回则任取据处府研乡镇县治宣传调纠纷访执领导责"
    "這為個國們來時對會發動過說產種後經進現實體機當點從業應還開與關間樣線數心問題員總設資邊"
    "級圖統較組見計別論運農幾區強決戰則據處鄉鎮縣傳調糾紛訪執領導責"
)


def _plausibility(text: str) -> float:
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    private = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    return sum(ch in _FREQUENT for ch in cjk) / len(cjk) - private / max(len(text), 1)


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
