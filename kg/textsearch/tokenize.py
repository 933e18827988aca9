"""Words and search terms of Chinese text, cut by a jieba tokenizer tuned to the law."""

from __future__ import annotations

from collections.abc import Iterator

import jieba

from kg.patterns import HAN_OR_ALNUM

# Full-width letters and digits (Ａ, １) to ASCII, so 第２０条 and 第20条 cut alike.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()}

# Function words that carry no topic; single characters stay (BM25's IDF weighs them).
STOPWORDS = frozenset(
    "的 了 和 与 及 或 或者 以及 等 对 在 为 于 是 由 将 把 被 之 其 该 本 各 有 有关 相关 "
    "应当 可以 按照 依照 根据 关于 进行 其他 以上 以下 一 中 上 下 并 并且 以 所 个".split()
)


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII; everything else as written."""
    return text.translate(_FULLWIDTH)


class TextTokenizer:
    """Cuts text into words (as jieba sees them) and search terms (words plus their
    dictionary sub-words, so 社会保险 finds 社会保险法 and 中华人民共和国政府信息公开条例
    is found by 政府信息公开条例)."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self.jieba = tokenizer

    def words(self, text: str) -> list[str]:
        return [w for w in self.jieba.cut(normalise(text)) if w.strip()]

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for word in self.words(text):
            out.extend(t for t in self._with_parts(word.lower()) if _is_term(t))
        return out

    def _with_parts(self, word: str) -> Iterator[str]:
        freq = self.jieba.FREQ
        size = len(word)
        for n in range(2, size):
            for i in range(size - n + 1):
                part = word[i : i + n]
                if freq.get(part):
                    yield part
        yield word


def _is_term(token: str) -> bool:
    return token not in STOPWORDS and HAN_OR_ALNUM.search(token) is not None
