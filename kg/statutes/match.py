"""Resolve a catalog's reference (title and/or number) to one version of a library act.

Order: decree number, full title, short title, then near misses (a character similarity
ratio decides among titles sharing a jieba token; cheap bounds skip the hopeless ones first). A near miss must end in the same kind of
act (条例, 法, 办法, 通知 ...): a notice that merely names the 条例 never becomes the 条例.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from kg.models import DocumentRef
from kg.statutes.model import Act
from kg.statutes.normalise import decree_number, title_key

# Below this similarity a near-miss title is not taken for an act: 0.85 accepts a dropped or
# wrong character in a long title, and rejects a notice or opinion that names the act.
FUZZY_THRESHOLD = 0.85
# Title endings that say what kind of document a title names, longest first.
_KINDS = (
    "实施条例", "实施细则", "实施办法", "暂行条例", "暂行规定", "暂行办法", "条例", "细则",
    "办法", "规定", "规则", "决定", "通知", "意见", "解释", "批复", "答复", "章程", "标准",
    "修正案", "法典", "法",
)  # fmt: skip


@dataclass(frozen=True)
class Match:
    """The act a reference resolved to, how (`number`, `title`, `short-title`, `fuzzy`), how
    sure (1.0 except for near misses), which version rule chose it, and any caveat."""

    act: Act
    method: str
    score: float = 1.0
    version_rule: str = "only"  # only | newest | in-force:<date> | earliest | decree
    note: str = ""

    @property
    def label(self) -> str:
        """What Document.statute_match records: `number`, `title`, `fuzzy:0.93`."""
        return f"{self.method}:{self.score:.2f}" if self.method == "fuzzy" else self.method


def kind_of(title: str) -> str:
    return next((k for k in _KINDS if title.endswith(k)), "")


def pick_version(versions: tuple[Act, ...], on_date: str | None) -> tuple[Act, str]:
    """The version in force on `on_date` if given, else the newest; and the rule used."""
    if len(versions) == 1:
        return versions[0], "only"
    if on_date:
        started = [a for a in versions if (a.valid_from or a.version_date) <= on_date]
        if started:
            return started[-1], f"in-force:{on_date}"
        return versions[0], "earliest"
    return versions[-1], "newest"


def match_ref(library, ref: DocumentRef, on_date: str | None = None) -> Match | None:
    """Match a reference to an act version of `library`; None when nothing is close enough."""
    by_title = _by_title(library, ref.title, on_date) if ref.title else None
    if ref.number:
        by_number = _by_number(library, decree_number(ref.number))
        if by_number is not None:
            if by_title and by_title.act.short_title != by_number.act.short_title:
                note = f"the number {ref.number} names {by_number.act.id}; the title was kept"
                return Match(
                    by_title.act, by_title.method, by_title.score, by_title.version_rule, note
                )
            return by_number
    if by_title is not None:
        return by_title
    return _fuzzy(library, ref.title, on_date) if ref.title else None


def _by_number(library, number: str) -> Match | None:
    acts = library.by_number.get(number)
    if not acts and number.startswith("令第"):
        # `711号令` names the serial without the issuer: take it when only one act has it
        acts = _by_serial(library).get(number)
        if acts and len({a.short_title for a in acts}) > 1:
            return None
    if not acts:
        return None
    dated = []
    for act in acts:
        date = next((e.date for e in act.history if e.decree == number), act.version_date)
        dated.append((act, date))
    exact = [a for a, d in dated if a.version_date == d]
    if exact:
        return Match(exact[-1], "number", version_rule="decree")
    later = sorted((a for a, d in dated if a.version_date >= d), key=lambda a: a.version_date)
    act = later[0] if later else sorted(acts, key=lambda a: a.version_date)[-1]
    date = dict((a.id, d) for a, d in dated)[act.id]
    note = f"{number} made the version of {date}, which the library lacks; using {act.id}"
    return Match(act, "number", version_rule="decree", note=note)


def _by_serial(library) -> dict[str, list[Act]]:
    """`令第711号` -> acts whose decree numbers end so (国务院令第711号); built on first use."""
    if library.serial_index is None:
        index: dict[str, list[Act]] = defaultdict(list)
        for number, acts in library.by_number.items():
            if "令第" in number:
                index["令第" + number.rsplit("令第", 1)[1]].extend(acts)
        library.serial_index = index
    return library.serial_index


def _by_title(library, title: str, on_date: str | None) -> Match | None:
    key = title_key(title)
    works = library.by_title.get(key)
    if not works:
        return None
    versions = library.versions[works[0]]
    act, rule = pick_version(versions, on_date)
    full = title_key(title, keep_state=True) == title_key(act.title, True, traditional=False)
    method = "title" if full else "short-title"
    note = f"also the title of {', '.join(works[1:])}" if len(works) > 1 else ""
    return Match(act, method, 1.0, rule, note)


def _fuzzy(library, title: str, on_date: str | None) -> Match | None:
    """The nearest work of the same kind sharing a jieba token with the title, if near enough.

    Cheap bounds (length, shared characters, a shared bigram) rule out nearly every work
    before difflib scores it; jieba tokenises only titles that already score above the
    threshold, so a run where every reference matched by number or title never loads it.
    """
    key = title_key(title)
    kind = kind_of(key)
    if len(key) < 4 or not kind:
        return None
    index = _fuzzy_index(library)
    near: list[tuple[float, str]] = []
    for work in index.near(key, kind):
        score = SequenceMatcher(None, key, index.keys[work], autojunk=False).ratio()
        if score >= FUZZY_THRESHOLD:
            near.append((score, work))
    # best score first, ties by name: the first one sharing a token is the nearest work
    near.sort(key=lambda pair: (-pair[0], pair[1]))
    tokens = set(_tokens(key)) if near else set()
    best = next(((s, w) for s, w in near if tokens & index.tokens(w)), None)
    if best is None:
        return None
    act, rule = pick_version(library.versions[best[1]], on_date)
    return Match(act, "fuzzy", round(best[0], 3), rule, f"near miss of {act.short_title}")


def _tokens(key: str) -> list[str]:
    return [t for t in _jieba().lcut(key) if len(t) >= 2]


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


class FuzzyIndex:
    """Works (short titles) by kind, with what the bounds of `near` need; no jieba until asked."""

    def __init__(self, works) -> None:
        self.keys: dict[str, str] = {}
        self.by_kind: dict[str, list[tuple[str, int, Counter, frozenset[str]]]] = defaultdict(list)
        self._tokens: dict[str, frozenset[str]] = {}
        for work in sorted(works):
            key = title_key(work, traditional=False)
            self.keys[work] = key
            self.by_kind[kind_of(key)].append((work, len(key), Counter(key), _bigrams(key)))

    def near(self, key: str, kind: str) -> list[str]:
        """Works of `kind` whose similarity to `key` can reach FUZZY_THRESHOLD and that share
        a bigram with it (a shared jieba token of two or more characters implies one).

        The similarity is 2M/T (M matched characters, T both lengths): M is at most the
        shorter length and at most the characters the two have in common.
        """
        size, chars, pairs = len(key), Counter(key), _bigrams(key)
        out = []
        for work, length, work_chars, work_pairs in self.by_kind.get(kind, ()):
            total = size + length
            if 2.0 * min(size, length) / total < FUZZY_THRESHOLD or pairs.isdisjoint(work_pairs):
                continue
            common = sum(min(n, work_chars[c]) for c, n in chars.items())
            if 2.0 * common / total >= FUZZY_THRESHOLD:
                out.append(work)
        return out

    def tokens(self, work: str) -> frozenset[str]:
        """The jieba tokens (two characters or more) of a work's title key, computed once."""
        found = self._tokens.get(work)
        if found is None:
            found = self._tokens[work] = frozenset(_tokens(self.keys[work]))
        return found


def _bigrams(key: str) -> frozenset[str]:
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


def _fuzzy_index(library) -> FuzzyIndex:
    """Built on the first near-miss lookup, once per library."""
    if library.fuzzy_index is None:
        library.fuzzy_index = FuzzyIndex(library.versions)
    return library.fuzzy_index
