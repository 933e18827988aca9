"""Values passed between the pipeline stages: ingest -> clean/find -> resolve -> graph.

All are frozen dataclasses. Where a value has a natural normalised key, equality and hashing
use that key alone (`compare=False` on the rest), so two spellings of one thing are equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

# Field names of a catalog row, in the order the standard template prints them.
ITEM_FIELDS = (
    "category",  # 事项类别
    "name",  # 事项名称
    "content",  # 公开内容
    "basis",  # 公开依据
    "provisions",  # 条款内容
    "channel",  # 公开渠道
    "time_limit",  # 公开时限
    "mode",  # 公开方式
    "responsibility",  # 公开责任
)


@dataclass(frozen=True)
class Item:
    """One disclosure item (事项) as read from a catalog: cells as written, nothing interpreted.

    `ident` is unique within the agency's catalog (the name, with `~2`, `~3` appended to
    repeats) and is what IRIs and expected-results files use.
    """

    agency: str
    ident: str
    category: str
    name: str
    content: str
    basis: str
    provisions: str
    channel: str
    time_limit: str
    mode: str
    responsibility: str
    file: str
    line: int
    raw: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)
    # Line of each field where it differs from `line` (key-value blocks put fields on own lines).
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def line_of(self, field_name: str) -> int:
        return dict(self.field_lines).get(field_name, self.line)

    @property
    def key(self) -> tuple[str, str]:
        return (self.agency, self.ident)


@dataclass(frozen=True)
class Rejection:
    """An input row that did not become an item, with the reason."""

    file: str
    line: int
    reason: str
    text: str = ""


@dataclass(frozen=True)
class CatalogRead:
    """What reading one catalog file produced. Every input row is in `items` or `rejections`."""

    file: str
    format: str  # tsv | csv | xlsx | html | page-text | key-value
    encoding: str
    agency: str
    rows_read: int
    items: tuple[Item, ...]
    rejections: tuple[Rejection, ...] = ()
    notes: tuple[str, ...] = ()  # disagreements between presentations, guesses made


@dataclass(frozen=True)
class Repair:
    """A change cleaning made to catalog text. `guess` marks fixes that are not certain;
    `agency` and `item` (the item's ident) say whose cell it was, when known."""

    file: str
    line: int
    field: str
    rule: str
    original: str
    repaired: str
    guess: bool = False
    agency: str = ""
    item: str = ""


@dataclass(frozen=True)
class Pinpoint:
    """Where inside a document a citation points. All numbers are 1-based integers.

    `article_suffix` is the N of 第X条之N. `section` is the path of numbered sections of a
    policy document (`二、` then `(六)` gives (2, 6)). `whole` is an explicit 全文.
    An empty pinpoint (all None, whole False) means the citation named no place.
    """

    article: int | None = None
    article_suffix: int | None = None
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    section: tuple[int, ...] = ()
    whole: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.whole and self.article is None and not self.section

    def path(self) -> tuple[tuple[str, int], ...]:
        """The pinpoint as (kind, number) steps from the document down, for IRIs and queries.

        Kinds: art, para, item, subitem, sec. 第二十条之一 is ("art", 20) then ("suffix", 1).
        """
        steps: list[tuple[str, int]] = []
        if self.article is not None:
            steps.append(("art", self.article))
            if self.article_suffix is not None:
                steps.append(("suffix", self.article_suffix))
            if self.paragraph is not None:
                steps.append(("para", self.paragraph))
        steps.extend(("sec", n) for n in self.section)
        if self.item is not None:
            steps.append(("item", self.item))
            if self.subitem is not None:
                steps.append(("subitem", self.subitem))
        return tuple(steps)

    def label(self) -> str:
        """A short human label: 第20条之一第3款第(2)项, 第(6)部分, 全文."""
        if self.whole:
            return "全文"
        out = ""
        if self.article is not None:
            out += f"第{self.article}条"
            if self.article_suffix is not None:
                out += f"之{self.article_suffix}"
            if self.paragraph is not None:
                out += f"第{self.paragraph}款"
        for n in self.section:
            out += f"第({n})部分" if not out else f"({n})"
        if self.item is not None:
            out += f"第({self.item})项"
            if self.subitem is not None:
                out += f"第{self.subitem}目"
        return out


@dataclass(frozen=True)
class DocumentRef:
    """A document as one citation writes it, before resolution: title and/or number."""

    title: str = ""  # as written, cleaned, without 《》
    number: str = ""  # as written, cleaned (e.g. 国务院令711号)


@dataclass(frozen=True)
class Citation:
    """One (item, document, pinpoint) edge with everything needed to check and explain it.

    `document_key` is filled in by resolution; `origin` says which column the citation came
    from (basis = 公开依据, provisions = 条款内容, both when the two were merged).
    """

    agency: str
    item: str  # Item.ident
    document_key: str
    ref: DocumentRef
    pinpoint: Pinpoint
    quote: str = ""
    origin: str = "basis"  # basis | provisions | both
    file: str = ""
    line: int = 0
    flags: tuple[str, ...] = ()  # e.g. pinpoint-recovered, broken-number, typo-variant


@dataclass(frozen=True)
class Document:
    """One cited document (act, regulation, decree, notice, opinion...), one per key.

    Equality is the key: every spelling of one document compares equal.
    """

    key: str
    title: str = field(default="", compare=False)
    alt_titles: tuple[str, ...] = field(default=(), compare=False)
    number: str = field(default="", compare=False)  # normalised, e.g. 国务院令第711号
    alt_numbers: tuple[str, ...] = field(default=(), compare=False)
    issuer: str = field(default="", compare=False)  # issuer code, e.g. 国办发, 国务院令
    year: int | None = field(default=None, compare=False)
    serial: int | None = field(default=None, compare=False)
    kind: str = field(default="", compare=False)  # law | regulation | rule | decree | normative
    promulgates: tuple[str, ...] = field(default=(), compare=False)  # keys of embedded docs
    mentions: tuple[str, ...] = field(default=(), compare=False)  # keys named in quotes
    flags: tuple[str, ...] = field(default=(), compare=False)
    statute: str = field(default="", compare=False)  # id of the library act it resolved to
    statute_match: str = field(default="", compare=False)  # how: number|title|short|fuzzy:0.93


@dataclass(frozen=True)
class Unit:
    """A responsible unit (公开责任) of an agency. Equality is (agency, name)."""

    agency: str
    name: str
    aliases: tuple[str, ...] = field(default=(), compare=False)
    collective: bool = field(default=False, compare=False)  # 各相关业务部门 and the like


@dataclass(frozen=True)
class Responsibility:
    """Item -> unit edge."""

    agency: str
    item: str
    unit: str
    file: str = ""
    line: int = 0


@cache
def fast_constructor(cls: type[T]) -> Callable[..., T]:
    """`cls(*values)`, every field given in order, for loops that build hundreds of thousands.

    A frozen dataclass's __init__ sets each field with a call to object.__setattr__, which is
    most of the cost of making a value. This one stores the fields straight in the instance
    dict, as copy and pickle rebuild such values, at about a third of the cost, and gives an
    equal value (==, hash, repr, pickle). The instance keeps a dict of its own (~60 bytes more).
    A class whose __init__ does more (a __post_init__, slots, a field outside __init__) gets
    its own constructor back.
    """
    own = fields(cls)  # type: ignore[arg-type]
    names = [f.name for f in own]
    plain = all(f.init and not f.name.startswith("__") for f in own)
    slots = any("__slots__" in vars(k) for k in cls.__mro__[:-1])
    if not plain or slots or hasattr(cls, "__post_init__"):
        return cls
    # Written out, as dataclasses writes __init__: a loop over the names costs what it saves.
    source = "\n".join(
        [f"def make({', '.join(names)}):", "    __obj = __new(__cls)", "    __d = __obj.__dict__"]
        + [f"    __d[{name!r}] = {name}" for name in names]
        + ["    return __obj"]
    )
    namespace: dict[str, Any] = {"__new": object.__new__, "__cls": cls}
    exec(source, namespace)
    make = namespace["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make
