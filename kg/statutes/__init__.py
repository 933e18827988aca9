"""The statute library (issue 5): acts, versions, article texts, matching, checking, diffs.

Usage: `lib = Library.load("../shared/statutes")`, then
`lib.match(DocumentRef(number="国务院令第711号"))` gives Match(act, method, score, ...) and
`lib.text(act.id, Pinpoint(article=20, item=4))` gives `(四)国民经济和社会发展统计信息；`.

Names load on first use, so `import kg.statutes.model` (analysis, show) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.statutes.library import Library
    from kg.statutes.match import Match
    from kg.statutes.model import Act, Article, HistoryEvent, Paragraph, Point

# exported name -> module under kg.statutes that defines it
_EXPORTS = {
    "Act": "model",
    "Article": "model",
    "HistoryEvent": "model",
    "Library": "library",
    "Match": "match",
    "Paragraph": "model",
    "Point": "model",
}

__all__ = ["Act", "Article", "HistoryEvent", "Library", "Match", "Paragraph", "Point"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"kg.statutes.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
