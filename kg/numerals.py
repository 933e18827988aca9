"""Numerals captured by a pattern (`二十`, `两`, `711`, `７`) as ints, for every stage.

cn2an is imported on the first Chinese numeral only: importing it costs a quarter to half a
second, and most commands (`kg depends 711号令 --article 20`) never meet one. It is applied
to the captured numeral alone, never to whole text (`cn2an.transform` turns 统一 into 统1).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def to_int(numeral: str) -> int:
    """`711` -> 711, `二十` -> 20, `两百零三` -> 203, `〇` -> 0.

    Raises ValueError for a malformed numeral (`十十`, `百`, `一点五`, an empty string).
    Cached: statute texts repeat a few hundred numerals a hundred thousand times.
    """
    if numeral.isdecimal():
        return int(numeral)  # also full-width digits (７１１)
    import cn2an

    value = cn2an.cn2an(numeral.replace("两", "二"), "smart")  # raises ValueError itself
    if value != int(value) or value < 0:
        raise ValueError(f"not a whole number: {numeral}")
    return int(value)
