"""The statute library (issue 5): acts, versions, article texts, matching, checking, diffs.

Usage: `lib = Library.load("../shared/statutes")`, then
`lib.match(DocumentRef(number="国务院令第711号"))` gives Match(act, method, score, ...) and
`lib.text(act.id, Pinpoint(article=20, item=4))` gives `(四)国民经济和社会发展统计信息；`.
"""

from __future__ import annotations

from kg.statutes.library import Library
from kg.statutes.match import Match
from kg.statutes.model import Act, Article, HistoryEvent, Paragraph, Point

__all__ = ["Act", "Article", "HistoryEvent", "Library", "Match", "Paragraph", "Point"]
