"""One node per document: normalised keys, title matching, typo variants, promulgation.

Key of a document: its normalised number (国务院令第711号, 国办发〔2018〕118号, 主席令第70号),
else its normalised title. A title cited without a number takes the key of the numbered document
cited with the same title anywhere in the catalogs (exact match of the normalised title, with
`〈…〉的通知` ≡ `〈…〉`), never a looser containment: a notice that names the 条例 inside its own
title is not the 条例. Numbers with the same year and serial whose issuer codes differ by one
character and whose titles agree are one document; the rarer spelling is a probable typo.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from kg import patterns as P
from kg.clean import clean_text
from kg.find import Number, number_at, pinpoints_at, to_int
from kg.models import Document, DocumentRef, Pinpoint

TITLE_SIMILARITY = 0.8  # SequenceMatcher ratio above which two titles name one document
# Titles and numbers remembered by the normalisers: every citation of a document repeats them.
KEY_CACHE_SIZE = 1 << 14


def _number_key(number: Number) -> str:
    issuer = P.STATE_PREFIX.sub("", number.issuer)
    if number.kind == "broken":
        return number.text
    if number.kind == "year":
        return f"{issuer}〔{number.year}〕{'第' if issuer.endswith('令') else ''}{number.serial}号"
    return f"{issuer}第{number.serial}号"


def _find_number(text: str) -> Number | None:
    for pattern in (P.NUMBER_WITH_YEAR, P.ANNOUNCEMENT_NUMBER, P.DECREE_NUMBER, P.BROKEN_NUMBER):
        m = pattern.search(text)
        if m:
            return number_at(text, m.start())
    return None


@lru_cache(maxsize=KEY_CACHE_SIZE)
def normalise_number(text: str) -> str:
    """The key form of a document number: 国务院 令第 711 号 / 國務院令711號 -> 国务院令第711号,
    国办发[2018]118号 -> 国办发〔2018〕118号, 主席令第七十号 -> 主席令第70号. Text that is not a
    number comes back cleaned."""
    cleaned = clean_text(text)
    number = _find_number(cleaned)
    return _number_key(number) if number else cleaned


@lru_cache(maxsize=KEY_CACHE_SIZE)
def normalise_title(text: str) -> str:
    """A title as keys and labels use it: cleaned, without 《》 and without any spaces."""
    cleaned = clean_text(f"《{text.strip().strip('《》')}》")
    return "".join(cleaned.strip("《》").split())


@lru_cache(maxsize=KEY_CACHE_SIZE)
def match_form(title: str) -> str:
    """The form under which variant titles of one document compare equal: 〈…〉的通知 ≡ 〈…〉,
    中华人民共和国政府信息公开条例 ≡ 政府信息公开条例."""
    return P.TITLE_STATE_PREFIX.sub("", P.NOTICE_SUFFIX.sub("", normalise_title(title)))


def parse_user_reference(text: str) -> tuple[DocumentRef, Pinpoint]:
    """A user's phrase as (document, pinpoint): 国务院令711号, 政府信息公开条例, 统计法第27条,
    《中华人民共和国政府信息公开条例》第二十条第（二）项, 711号令第二十条 (the number is then
    `令第711号`, a suffix of the full decree number, since the issuer is unknown). Give the
    reference alone: words before it would be read as part of the title or issuer."""
    t = clean_text(text).strip()
    title, number, rest_from = "", "", 0
    m = P.TITLE.search(t)
    if m:
        title, rest_from = normalise_title(m.group("title")), m.end()
    serial_first = P.SERIAL_FIRST_DECREE.search(t, rest_from)
    found = None if serial_first else _find_number(t[rest_from:])
    if serial_first:
        number = f"令第{to_int(serial_first.group('serial'))}号"
        rest_from = max(rest_from, serial_first.end())
    elif found:
        number = _number_key(found)
        rest_from = t.index(found.text, rest_from) + len(found.text)
    start = P.USER_PINPOINT_START.search(t, rest_from)
    if not title and not number:
        title = normalise_title(t[: start.start()] if start else t)
    pins = pinpoints_at(t, start.start())[0] if start else []
    return DocumentRef(title=title, number=number), (pins[0] if pins else Pinpoint())


def _issuer_typo(a: str, b: str) -> bool:
    """Issuer codes that differ by one inserted, dropped or changed character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _similar(titles_a: set[str], titles_b: set[str]) -> bool:
    if not titles_a or not titles_b:
        return True
    return (
        max(SequenceMatcher(None, x, y).ratio() for x in titles_a for y in titles_b)
        >= TITLE_SIMILARITY
    )


def _kind(title: str, issuer: str) -> str:
    if title.endswith("法") and not title.endswith("办法"):
        return "law"
    if issuer == "国务院令" or title.endswith("条例"):
        return "regulation"
    if issuer.endswith("令"):
        return "rule"
    return "normative"


@dataclass
class _Doc:
    titles: Counter[str] = field(default_factory=Counter)
    numbers: dict[str, Number] = field(default_factory=dict)
    variants: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    promulgates: set[str] = field(default_factory=set)
    mentions: set[str] = field(default_factory=set)


# A reference as found in a cell: what it says, and its parsed number if it has one.
Ref = tuple[DocumentRef, Number | None]


class Resolver:
    """Keys for every DocumentRef of a set of catalogs, and the Documents they name."""

    def __init__(self, refs: Iterable[tuple[DocumentRef, Number | None]]) -> None:
        counted = Counter(reversed(list(refs)))
        self._build([(pair, counted[pair]) for pair in reversed(counted)])

    @classmethod
    def counted(cls, refs: Iterable[tuple[Ref, int]]) -> Resolver:
        """The Resolver of (reference, count) pairs given in order of last occurrence: the
        same as of every reference given `count` times, in that order."""
        tally: dict[Ref, int] = {}
        for pair, count in refs:
            tally[pair] = tally.pop(pair, 0) + count  # moves the pair to its last occurrence
        resolver = cls.__new__(cls)
        resolver._build(list(tally.items()))
        return resolver

    def _build(self, occurrences: list[tuple[Ref, int]]) -> None:
        """Each distinct reference once, with its count, in the order of its last occurrence:
        where a later reference overwrites an earlier one (a key's parsed number), the last one
        written is the same as when every occurrence is visited in turn."""
        self.problems: list[str] = []
        uses: Counter[str] = Counter()
        titles_of: dict[str, set[str]] = defaultdict(set)
        parsed: dict[str, Number] = {}
        for (ref, number), count in occurrences:
            if number and number.kind != "broken":
                key = _number_key(number)
                uses[key] += count
                parsed[key] = number
                if ref.title:
                    titles_of[key].add(match_form(ref.title))
        self.canonical = self._merge_typos(uses, titles_of, parsed)
        by_title: dict[str, set[str]] = defaultdict(set)
        for key, forms in titles_of.items():
            for form in forms:
                by_title[form].add(self.canonical[key])
        self.by_title = {
            form: next(iter(keys)) for form, keys in by_title.items() if len(keys) == 1
        }
        for form, keys in sorted(by_title.items()):
            if len(keys) > 1:
                self.problems.append(
                    f"title {form!r} is cited with several numbers: {', '.join(sorted(keys))}"
                )
        # Titles cited without a number anywhere: one key per form, the fullest spelling.
        spellings: dict[str, set[str]] = defaultdict(set)
        for (ref, number), _ in occurrences:
            if ref.title and not (number and number.kind != "broken"):
                spellings[match_form(ref.title)].add(normalise_title(ref.title))
        self.by_spelling = {f: min(t, key=lambda x: (-len(x), x)) for f, t in spellings.items()}
        self.docs: dict[str, _Doc] = defaultdict(_Doc)
        for (ref, number), count in occurrences:
            self.add(ref, number, count=count)
        self._link_embedded()

    def _merge_typos(
        self, uses: Counter[str], titles_of: dict[str, set[str]], parsed: dict[str, Number]
    ) -> dict[str, str]:
        """Map each number key to its canonical spelling. Candidates share kind, year and
        serial; the spelling cited most (then the longer issuer code) is canonical."""
        canonical = {key: key for key in uses}
        groups: dict[tuple, list[str]] = defaultdict(list)
        for key in sorted(uses, key=lambda k: (-uses[k], -len(parsed[k].issuer), k)):
            n = parsed[key]
            groups[(n.kind, n.year, n.serial)].append(key)
        for keys in groups.values():
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    if canonical[b] != b or canonical[a] != a:
                        continue
                    same_issuer = _issuer_typo(parsed[a].issuer, parsed[b].issuer)
                    if same_issuer and _similar(titles_of[a], titles_of[b]):
                        canonical[b] = a
        return canonical

    def key_of(self, ref: DocumentRef, number: Number | None = None) -> tuple[str, tuple[str, ...]]:
        """The document key a reference resolves to, with flags (typo-variant, broken-number)."""
        if number and number.kind != "broken":
            key = _number_key(number)
            canon = self.canonical.get(key, key)
            return canon, (("typo-variant",) if canon != key else ())
        flags = ("broken-number",) if number else ()
        if ref.title:
            form = match_form(ref.title)
            if form in self.by_title:
                return self.by_title[form], flags
            return self.by_spelling.get(form, normalise_title(ref.title)), flags
        return (number.text if number else ref.number), flags

    def add(
        self,
        ref: DocumentRef,
        number: Number | None = None,
        flags: tuple[str, ...] = (),
        count: int = 1,
    ) -> str:
        """Record `count` citations of ref; the key of its document."""
        key, key_flags = self.key_of(ref, number)
        doc = self.docs[key]
        if ref.title:
            doc.titles[normalise_title(ref.title)] += count
        if number:
            doc.numbers[_number_key(number)] = number
            if "typo-variant" in key_flags:
                doc.variants.add(_number_key(number))
        doc.flags.update(key_flags, flags)
        return key

    def _link_embedded(self) -> None:
        """A notice 印发〈X〉(的通知) promulgates X; other nested titles are mentions."""
        for key in sorted(self.docs):
            for title in sorted(self.docs[key].titles):
                m = P.PROMULGATION.search(title)
                if m:
                    inner = self.add(DocumentRef(title=m.group("inner")))
                    if inner != key:
                        self.docs[key].promulgates.add(inner)
                    else:  # the catalog wrote the promulgated act under the notice's number
                        self.docs[key].titles[m.group("inner")] -= 1
        for key in sorted(self.docs):
            for title in sorted(self.docs[key].titles):
                if P.PROMULGATION.search(title):
                    continue
                for m in P.NESTED_TITLE.finditer(title):
                    inner, _ = self.key_of(DocumentRef(title=m.group("inner")))
                    if inner in self.docs and inner != key:
                        self.docs[key].mentions.add(inner)

    def mention(self, key: str, ref: DocumentRef) -> None:
        """The quoted words of document `key` name `ref`."""
        inner, _ = self.key_of(ref)
        if inner not in self.docs:
            self.add(ref, flags=("mention-only",))
        if inner != key:
            self.docs[key].mentions.add(inner)

    def documents(self) -> tuple[Document, ...]:
        out = []
        for key in sorted(self.docs):
            doc = self.docs[key]
            titles = [t for t, n in doc.titles.items() if n > 0]
            ranked = sorted(
                titles,
                key=lambda t: (bool(P.IMPOSSIBLE_ISSUER.match(t)), -doc.titles[t], -len(t), t),
            )
            number = doc.numbers.get(key)
            issuer = (
                P.STATE_PREFIX.sub("", number.issuer) if number and number.kind != "broken" else ""
            )
            title = ranked[0] if ranked else ""
            out.append(
                Document(
                    key=key,
                    title=title,
                    alt_titles=tuple(sorted(ranked[1:])),
                    number=key if number and number.kind != "broken" else "",
                    alt_numbers=tuple(sorted(doc.variants)),
                    issuer=issuer,
                    year=number.year if number else None,
                    serial=number.serial if number else None,
                    kind=_kind(title, issuer),
                    promulgates=tuple(sorted(doc.promulgates)),
                    mentions=tuple(sorted(doc.mentions)),
                    flags=tuple(sorted(doc.flags)),
                )
            )
        return tuple(out)
