"""Normal forms used to index and compare: numerals, decree numbers, titles, quoted words."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kg import patterns as P
from kg.numerals import to_int

# A captured numeral (`一百二十三`, `两`, `12`) as an int (cached; raises ValueError).
numeral = to_int


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters read as simplified (國務院令 -> 国务院令)."""
    if text.isascii():
        return text
    return _t2s().convert(text)


def decree_number(text: str) -> str:
    """One form for a decree or document number.

    `中华人民共和国国务院令第711号`, `国务院令711号`, `国务院 令第 711 号` -> `国务院令第711号`;
    `主席令第三号` -> `主席令第3号`; `法释[2021]11号` -> `法释〔2021〕11号`.
    """
    text = simplified(unicodedata.normalize("NFKC", text))
    text = "".join(text.split())
    text = P.STATUTE_STATE_PREFIX.sub("", text)
    m = P.STATUTE_DECREE.fullmatch(text)
    if m:
        return f"{m.group('issuer')}第{numeral(m.group('n'))}号"
    return P.STATUTE_YEAR_BRACKETS.sub(r"〔\1〕", text)


def title_key(text: str, keep_state: bool = False, traditional: bool = True) -> str:
    """Index key of a title: simplified, width-folded, without spaces, punctuation or 中华人民共和国.

    `traditional=False` skips the conversion for titles known to be simplified (the library's).
    """
    text = unicodedata.normalize("NFKC", text)
    if traditional:
        text = simplified(text)
    if not keep_state:
        text = P.STATUTE_STATE_PREFIX.sub("", text)
    return P.STATUTE_NOT_WORD.sub("", text)


def words(text: str, traditional: bool = True) -> str:
    """The words of a text for comparison: no list markers, punctuation, spaces; width-folded.

    `traditional=False` skips the conversion to simplified characters (statute texts are).
    """
    text = unicodedata.normalize("NFKC", text)
    if traditional:
        text = simplified(text)
    text = P.STATUTE_LIST_MARKER.sub("", text)
    return P.STATUTE_NOT_WORD.sub("", text)
