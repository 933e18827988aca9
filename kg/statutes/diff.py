"""Align the articles of two versions of an act by their words.

Identical texts pair first (so a renumbered article is found wherever it went); the rest pair
by similarity (difflib ratio of the normalised words) above a threshold, best pairs first and
never crossing a pair already made, so the order of the act is kept. Unpaired old articles
were removed, unpaired new ones added.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from kg.models import Pinpoint
from kg.statutes.model import Act, Article, chinese_number

# Two texts this similar (0..1) are one article changed; below, one removed and one added.
# 0.5 keeps rewritten articles whose subject stays (统计法 2009 第37条 -> 2024 第40条).
CHANGED_THRESHOLD = 0.5
# Changed articles are sought this many positions around where they would be expected.
_WINDOW = 40
# Share of the shorter text's character pairs two texts must share before difflib is asked.
_MIN_SHARED_BIGRAMS = 0.3
# Characters of each side shown in a short diff.
_DIFF_CONTEXT = 60
# Equal runs this short between two changes are folded into one change.
_MERGE_GAP = 2

STATUSES = ("unchanged", "renumbered", "changed", "added", "removed")


@dataclass(frozen=True)
class ArticleChange:
    """One article across two versions: its old and new number (None when absent)."""

    status: str  # unchanged | renumbered | changed | added | removed
    old_number: int | None = None
    new_number: int | None = None
    old_suffix: int | None = None
    new_suffix: int | None = None
    similarity: float = 0.0
    old_text: str = ""
    new_text: str = ""
    diff: str = ""  # for `changed`: [-removed words-]{+added words+}

    @property
    def old_label(self) -> str:
        return _label(self.old_number, self.old_suffix)

    @property
    def new_label(self) -> str:
        return _label(self.new_number, self.new_suffix)

    @property
    def old_pinpoint(self) -> Pinpoint | None:
        if self.old_number is None:
            return None
        return Pinpoint(article=self.old_number, article_suffix=self.old_suffix)

    @property
    def new_pinpoint(self) -> Pinpoint | None:
        if self.new_number is None:
            return None
        return Pinpoint(article=self.new_number, article_suffix=self.new_suffix)

    def record(self) -> dict:
        """A plain record for table/JSON output."""
        return {
            "old article": self.old_label,
            "new article": self.new_label,
            "status": self.status,
            "similarity": round(self.similarity, 3),
            "diff": self.diff,
        }


def _label(number: int | None, suffix: int | None) -> str:
    if number is None:
        return ""
    return f"第{chinese_number(number)}条" + (f"之{chinese_number(suffix)}" if suffix else "")


def align(old_act: Act, new_act: Act) -> tuple[ArticleChange, ...]:
    """One ArticleChange per article of either version, in the order of the new version."""
    return align_articles(old_act.articles, new_act.articles)


def align_articles(old: tuple[Article, ...], new: tuple[Article, ...]) -> tuple[ArticleChange, ...]:
    old_words = [a.words for a in old]
    new_words = [a.words for a in new]
    pairs: dict[int, tuple[int, float]] = {}  # old index -> (new index, similarity)
    used: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for j, w in enumerate(new_words):
        by_text.setdefault(w, []).append(j)
    for i, w in enumerate(old_words):
        free = [j for j in by_text.get(w, ()) if j not in used]
        if free and w:
            j = min(free, key=lambda j: abs(j - i))
            pairs[i] = (j, 1.0)
            used.add(j)
    for score, i, j in _candidates(old_words, new_words, pairs, used):
        if i in pairs or j in used or _crosses(pairs, i, j):
            continue
        pairs[i] = (j, score)
        used.add(j)
    return _changes(old, new, old_words, new_words, pairs, used)


def _candidates(old_words, new_words, pairs, used):
    """(similarity, old, new) of unpaired articles above the threshold, best first."""
    old_left = [i for i in range(len(old_words)) if i not in pairs]
    new_left = [j for j in range(len(new_words)) if j not in used]
    scale = len(new_words) / max(1, len(old_words))
    window = max(_WINDOW, abs(len(new_words) - len(old_words)) + _WINDOW // 2)
    grams = {k: _bigrams(w) for k, w in enumerate(new_words) if k in set(new_left)}
    found = []
    for i in old_left:
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(old_words[i])
        old_grams = _bigrams(old_words[i])
        for j in new_left:
            if abs(j - i * scale) > window:
                continue  # a changed article does not travel far; moved ones pair exactly
            shared = len(old_grams & grams[j])
            if shared < _MIN_SHARED_BIGRAMS * min(len(old_grams), len(grams[j])):
                continue  # cheap test first: texts this different never reach the threshold
            matcher.set_seq1(new_words[j])
            if matcher.real_quick_ratio() < CHANGED_THRESHOLD:
                continue
            if matcher.quick_ratio() < CHANGED_THRESHOLD:
                continue
            score = matcher.ratio()
            if score >= CHANGED_THRESHOLD:
                # ties go to the pair nearest the diagonal, so order is kept
                found.append((score, -abs(i - j), i, j))
    found.sort(reverse=True)
    return [(score, i, j) for score, _, i, j in found]


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _crosses(pairs: dict[int, tuple[int, float]], i: int, j: int) -> bool:
    return any((i < oi) != (j < oj) for oi, (oj, _) in pairs.items())


def _changes(old, new, old_words, new_words, pairs, used) -> tuple[ArticleChange, ...]:
    rows: list[tuple[float, ArticleChange]] = []
    new_of_old = {j: i for i, (j, _) in pairs.items()}
    for j, art in enumerate(new):
        i = new_of_old.get(j)
        if i is None:
            rows.append((j, _change("added", None, art, 0.0)))
            continue
        before = old[i]
        if old_words[i] == new_words[j]:
            status = "unchanged" if before.key == art.key else "renumbered"
        else:
            status = "changed"
        rows.append((j, _change(status, before, art, pairs[i][1])))
    last_new = -1.0
    for i, art in enumerate(old):
        if i in pairs:
            last_new = pairs[i][0]
            continue
        # a removed article sorts just after the new place of the old article before it
        rows.append((last_new + 0.5 + i / 1e6, _change("removed", art, None, 0.0)))
    rows.sort(key=lambda r: r[0])
    return tuple(change for _, change in rows)


def _change(status: str, old: Article | None, new: Article | None, score: float) -> ArticleChange:
    old_text = old.text if old else ""
    new_text = new.text if new else ""
    return ArticleChange(
        status=status,
        old_number=old.number if old else None,
        new_number=new.number if new else None,
        old_suffix=old.suffix if old else None,
        new_suffix=new.suffix if new else None,
        similarity=1.0 if status in ("unchanged", "renumbered") else score,
        old_text=old_text,
        new_text=new_text,
        diff=short_diff(old_text, new_text) if status == "changed" else "",
    )


def short_diff(old: str, new: str, limit: int = _DIFF_CONTEXT) -> str:
    """The changed words only: `[-old-]{+new+}` for each replaced, deleted or inserted run."""
    runs: list[list[int]] = []  # [i1, i2, j1, j2] of changed runs
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # changes split by one or two equal characters read better as one change
        if runs and i1 - runs[-1][1] <= _MERGE_GAP and j1 - runs[-1][3] <= _MERGE_GAP:
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    parts = []
    for i1, i2, j1, j2 in runs:
        removed, added = _clip(old[i1:i2], limit), _clip(new[j1:j2], limit)
        parts.append((f"[-{removed}-]" if removed else "") + (f"{{+{added}+}}" if added else ""))
    return " ".join(parts).replace("\n", "⏎")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(changes: tuple[ArticleChange, ...]) -> dict[str, int]:
    """Count of changes per status, every status present."""
    counts = dict.fromkeys(STATUSES, 0)
    for c in changes:
        counts[c.status] += 1
    return counts
