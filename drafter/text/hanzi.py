"""Han-character helpers shared by the reader, identity detection, checks and import.

Reports arrive in Traditional characters too (Big5 files, 繁體 templates). The rules are written
in Simplified, so text is mapped one character to one character before matching: an offset in
the mapped text is an offset in the original, and what the user wrote is never changed.
"""

from __future__ import annotations

# Python's re compiles a class range code point by code point: [一-鿿] (20,992 code points) costs
# milliseconds wherever it appears, in every process that compiles the pattern, and the checks
# use it over a hundred times. "A word character that is no digit, underscore or ASCII letter"
# compiles at once; the small ranges taken out (Roman numerals, circled numbers, full-width
# digits and letters) are the other word characters Chinese reports use. Kana, Hangul or Greek
# letters would read as Han here; township reports do not use them.
_NOT_HAN_WORD = (
    r"\d_A-Za-z\u2150-\u218f\u2460-\u24ff\u2776-\u2793\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
)
HAN = rf"[^\W{_NOT_HAN_WORD}]"
"""A regular expression for one Chinese character."""
NOT_HAN = rf"[\W{_NOT_HAN_WORD}]"
"""A regular expression for one character that is not Chinese."""


def han_or(marks: str) -> str:
    """A regular expression for one Chinese character or one of ``marks`` (class syntax)."""
    return rf"(?:{HAN}|[{marks}])"


def neither_han_nor(marks: str) -> str:
    """A regular expression for one character that is neither Chinese nor one of ``marks``."""
    return rf"(?![{marks}]){NOT_HAN}"


# Traditional → Simplified pairs for the characters these reports use (not a full converter).
_T2S_PAIRS = (
    "並并 來来 個个 們们 倫伦 備备 傳传 價价 億亿 優优 兩两 冊册 劃划 劉刘 動动 務务 勵励 匯汇 區区 協协 "
    "員员 問问 單单 嚴严 團团 執执 報报 場场 壩坝 學学 實实 寧宁 審审 將将 專专 對对 導导 屆届 屬属 嶺岭 "
    "幫帮 幹干 幾几 廟庙 廠厂 廣广 張张 強强 彙汇 後后 從从 復复 愛爱 態态 憲宪 應应 戶户 據据 數数 於于 "
    "時时 書书 會会 東东 査查 條条 楊杨 業业 榮荣 構构 標标 橋桥 機机 檢检 權权 歲岁 歸归 殺杀 決决 測测 "
    "準准 溝沟 濟济 濫滥 灘滩 灣湾 為为 熱热 營营 獎奖 獲获 現现 環环 產产 畝亩 畫画 當当 發发 確确 稅税 "
    "種种 稱称 積积 穩稳 節节 範范 糾纠 紀纪 約约 純纯 級级 紛纷 組组 結结 絡络 統统 經经 綜综 維维 綱纲 "
    "網网 線线 練练 縣县 總总 績绩 織织 續续 罰罚 義义 習习 聞闻 聯联 職职 聽听 腦脑 臺台 與与 舉举 莊庄 "
    "萬万 蘇苏 處处 衛卫 裏里 裡里 規规 視视 親亲 觀观 計计 訓训 記记 訟讼 訪访 設设 訴诉 評评 詞词 詢询 "
    "試试 該该 誌志 認认 語语 誤误 課课 調调 談谈 請请 論论 諮咨 謀谋 講讲 謹谨 證证 識识 議议 護护 讀读 "
    "讓让 負负 財财 責责 費费 資资 質质 賬账 趙赵 輛辆 輪轮 辦办 農农 這这 週周 進进 過过 達达 違违 選选 "
    "還还 邊边 鄉乡 鄰邻 錄录 鎮镇 長长 門门 開开 間间 閱阅 關关 陳陈 陽阳 險险 隱隐 雙双 難难 雲云 項项 "
    "預预 領领 頭头 題题 願愿 類类 顧顾 餘余 驗验 體体 鬧闹 鳳凤 黃黄 點点 黨党 龍龙 "
    "瑪玛 爾尔 薩萨 齊齐 蘭兰 贛赣 閩闽 豐丰 寶宝 興兴 勝胜 華华 麗丽 滬沪 慶庆 隴陇 貴贵 聖圣 陝陕 遼辽 撫抚 順顺 潛潜 濱滨 澤泽 壽寿 韓韩 葉叶 羅罗 盧卢 鄭郑 蕭萧 謝谢 馬马 鄧邓 許许 吳吴 孫孙 廣广 "
)
T2S: dict[int, str] = {ord(pair[0]): pair[1] for pair in _T2S_PAIRS.split()}
_TRADITIONAL = frozenset(map(chr, T2S))


def to_simplified(text: str) -> str:
    """Map known Traditional characters to Simplified; keeps every offset."""
    # Most texts have none: a set lookup per character is ~15× cheaper than translate().
    return text if _TRADITIONAL.isdisjoint(text) else text.translate(T2S)


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (incl. extension A)."""
    return len(ch) == 1 and "\u3400" <= ch <= "\u9fff"
