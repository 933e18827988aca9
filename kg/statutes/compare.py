"""Where quoted words stand in an act: coverage of a quote by a text, and search by words.

Words are compared after `normalise.words` (no punctuation of any width, spaces or list
markers). A quote is covered by a text when nearly all of its characters fall in runs the two
share, in order: an abridged quote (the lead-in of Article 20 and one of its items) is
covered by the article although it is not one contiguous piece of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from kg.models import Pinpoint
from kg.statutes.model import Act, Article, Paragraph, Point
from kg.statutes.normalise import words

# Share of a quote's characters that must lie in shared runs for the quote to be "in" a text:
# 0.95 forgives a typo or two in a long quote, not a different clause.
COVERED = 0.95
# Shared runs shorter than this are chance (single characters such as 的, 和).
_MIN_RUN = 3
# Items whose words are shorter than this are not recognised inside a quote on their own.
_MIN_ITEM = 4


def statute_words(text: str) -> str:
    """`words` of a statute text, which is already in simplified characters."""
    return words(text, traditional=False)


def coverage(quote_words: str, text_words: str) -> float:
    """Share of the quote's characters found, in order, in runs of at least _MIN_RUN in text."""
    if not quote_words:
        return 0.0
    if quote_words in text_words:
        return 1.0
    matcher = SequenceMatcher(None, quote_words, text_words, autojunk=False)
    shared = sum(b.size for b in matcher.get_matching_blocks() if b.size >= _MIN_RUN)
    return shared / len(quote_words)


@dataclass(frozen=True)
class Place:
    """Where words were found: the pinpoint, how well they are covered, the statute's words."""

    pinpoint: Pinpoint
    score: float
    text: str


def scope_texts(act: Act, pin: Pinpoint) -> tuple[str, str] | None:
    """(words of the place itself, words with their lead-in) for a pinpoint, None if absent.

    An item's lead-in is the paragraph it stands under: a catalog quoting 第二十条(二) usually
    copies `行政机关应当…下列政府信息：` before the item.
    """
    from kg.statutes.library import item_of, locate

    node = locate(act, pin)
    if node is None:
        return None
    if isinstance(node, Act):
        from kg.statutes.library import full_text

        text = full_text(node)
        return text, text
    if isinstance(node, Article):
        return node.text, node.text
    if isinstance(node, Paragraph):
        return node.full_text, node.full_text
    found = item_of(act.article(pin.article, pin.article_suffix), pin.item, pin.paragraph)
    lead = found[0].text if found else ""
    return node.full_text, f"{lead}\n{node.full_text}"


def items_named(article: Article, quote_words: str) -> list[tuple[Paragraph, Point]]:
    """Items of the article whose own words appear whole in the quote."""
    out = []
    for para in article.paragraphs:
        for point in para.items:
            w = statute_words(point.text)
            if len(w) >= _MIN_ITEM and w in quote_words:
                out.append((para, point))
    return out


def item_pinpoint(article: Article, para: Paragraph, point: Point) -> Pinpoint:
    """The pinpoint of an item, naming its paragraph only when the article has several."""
    paragraph = para.number if len(article.paragraphs) > 1 else None
    return Pinpoint(
        article=article.number,
        article_suffix=article.suffix,
        paragraph=paragraph,
        item=point.number,
    )


def narrow(article: Article, quote_words: str) -> Pinpoint:
    """The article's pinpoint, or its item's when the quote is the lead-in plus one item."""
    named = items_named(article, quote_words)
    if len(named) == 1:
        para, point = named[0]
        lead_and_item = statute_words(f"{para.text}{point.text}")
        if coverage(quote_words, lead_and_item) >= COVERED:
            return item_pinpoint(article, para, point)
    return article.pinpoint


def search(act: Act, quote_words: str, skip: Pinpoint | None = None) -> Place | None:
    """The article of `act` that best covers the quote (narrowed to an item), if any does."""
    probes = _probes(quote_words)
    best: Place | None = None
    for article in act.articles:
        article_words = article.words
        if not any(p in article_words for p in probes):
            continue
        score = coverage(quote_words, article_words)
        if score < COVERED or (best is not None and score <= best.score):
            continue
        pin = narrow(article, quote_words)
        if skip is not None and _same_place(pin, skip):
            continue
        best = Place(pin, score, article.text)
    return best


def _same_place(found: Pinpoint, cited: Pinpoint) -> bool:
    if (found.article, found.article_suffix) != (cited.article, cited.article_suffix):
        return False
    return cited.item is None or found.item == cited.item


def _probes(quote_words: str) -> list[str]:
    """A few 4-character pieces of the quote; an article sharing none of them is skipped."""
    if len(quote_words) <= 4:
        return [quote_words]
    n = len(quote_words)
    starts = sorted({0, n // 4, n // 2, (3 * n) // 4, n - 4})
    return [quote_words[s : s + 4] for s in starts]
