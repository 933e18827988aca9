"""Lines above a catalog's header: the title, the 公开主体 line, a catalog-wide 公开方式.

Each is recognised by fixed words (no regexes needed): a title ends in 目录, an agency line
starts with 公开主体 or carries `公开方式:`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.ingest.columns import compact

# Where the agency's name ends in a title such as 衡阳市…局政府信息主动公开事项目录.
TITLE_MARKERS = (
    "政府信息", "政务信息", "政务公开", "信息公开", "主动公开", "公开事项", "事项目录", "公开目录",
)
AGENCY_KEYS = ("公开主体", "发布机构", "公开单位")
MODE_KEY = "公开方式"
COLONS = ":："


@dataclass(frozen=True)
class Preamble:
    """What one line above the header says: kind is title | agency | other."""

    kind: str
    agency: str = ""
    mode: str = ""


def _after_colon(text: str) -> str:
    for i, ch in enumerate(text):
        if ch in COLONS:
            return text[i + 1 :]
    return ""


def agency_from_title(title: str) -> str:
    """The agency named by a catalog title, or "" when the title names none."""
    text = compact(title)
    cut = min((i for i in (text.find(m) for m in TITLE_MARKERS) if i >= 0), default=-1)
    if cut < 0 and text.endswith("目录"):
        cut = len(text) - 2
    return text[:cut] if cut > 0 else ""


def classify(text: str) -> Preamble:
    """Classify one pre-header line (cells already joined with spaces)."""
    flat = compact(text)
    for key in AGENCY_KEYS:
        if flat.startswith(key):
            value = _after_colon(flat) or flat[len(key):]
            mode = ""
            if MODE_KEY in value:
                value, _, rest = value.partition(MODE_KEY)
                mode = _after_colon(rest) or rest
            return Preamble("agency", agency=value.strip(COLONS), mode=mode)
    if MODE_KEY in flat and _after_colon(flat.partition(MODE_KEY)[2]):
        # e.g. `衡阳市人力资源和社会保障局 ??|?? 公开方式:主动公开`: agency first, then the mode.
        words = text.split()
        agency = words[0] if words and MODE_KEY not in words[0] else ""
        return Preamble("agency", agency=agency, mode=_after_colon(flat.partition(MODE_KEY)[2]))
    if flat.endswith("目录") or (flat.endswith("目录表") and "公开" in flat):
        return Preamble("title", agency=agency_from_title(flat))
    return Preamble("other")
