"""RDF triples of the statute library: acts, their articles/paragraphs/items, versions.

Shape (see the brief): an act is an eli:LegalResource with its labels, decree numbers,
dates, level and validity; each article, paragraph, item and sub-item is an
eli:LegalResourceSubdivision (kg:Article | kg:Paragraph | kg:Point | kg:SubPoint) linked by
eli:is_part_of / eli:has_part, with eli:number, kg:ordinal, skos:prefLabel and kg:text.
Items hang under the article when it has one paragraph (`art/20/item/4`), under their
paragraph otherwise (`art/29/para/2/item/1`); a 第X条之N article hangs under the act.
Versions of one act are linked by eli:amends / eli:amended_by, and the newer one carries a
kg:ArticleChange per aligned article (kg:oldArticle, kg:newArticle, kg:changeType).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.models import Pinpoint
from kg.rdf import vocab as V
from kg.rdf.iris import Iris
from kg.rdf.ntterms import Triple, lit, step_label
from kg.rdf.vocab import ELI
from kg.statutes.diff import align
from kg.statutes.model import Act, Article, Paragraph, Point


def act_iri(iris: Iris, act: Act) -> URIRef:
    return iris.act(act.short_title, act.version_date or None)


def selected_acts(library, act_ids: Iterable[str] | None, with_versions: bool = True) -> list[Act]:
    """The acts to describe: all, or those named plus (by default) their other versions."""
    if act_ids is None:
        return list(library.acts)
    chosen: dict[str, Act] = {}
    for act_id in act_ids:
        act = library.act(act_id)
        if act is None:
            continue
        for version in library.related_versions(act_id) if with_versions else (act,):
            chosen[version.id] = version
    return [chosen[k] for k in sorted(chosen)]


def statute_triples(
    library, iris: Iris, act_ids: Iterable[str] | None = None, with_versions: bool = True
) -> Iterator[Triple]:
    """Triples for the acts `act_ids` (None: every act of the library), their texts, and the
    alignment between versions. With `with_versions`, other versions of each act named come
    too, so an amendment between them can be queried."""
    acts = selected_acts(library, act_ids, with_versions)
    for act in acts:
        yield from act_triples(iris, act)
    chosen = {a.id for a in acts}
    done: set[str] = set()
    for act in acts:
        versions = [v for v in library.related_versions(act.id) if v.id in chosen]
        if act.short_title in done or len(versions) < 2:
            continue
        done.add(act.short_title)
        for old, new in zip(versions, versions[1:], strict=False):
            yield from version_triples(iris, old, new)


def act_triples(iris: Iris, act: Act) -> Iterator[Triple]:
    node = act_iri(iris, act)
    yield node, RDF.type, ELI.LegalResource
    yield node, SKOS.prefLabel, lit(act.title)
    for alt in act.alt_titles:
        yield node, SKOS.altLabel, lit(alt)
    yield node, V.shortTitle, lit(act.short_title)
    for number in act.decree_numbers:
        yield node, ELI.id_local, lit(number)
    adopted = next((e.date for e in act.history if e.kind != "施行"), "")
    if adopted:
        yield node, ELI.date_document, Literal(adopted, datatype=XSD.date)
    if act.version_date:
        yield node, V.versionDate, Literal(act.version_date, datatype=XSD.date)
    if act.level:
        yield node, V.level, lit(act.level)
    yield node, ELI.in_force, V.IN_FORCE if act.in_force else V.NOT_IN_FORCE
    if not act.articles and act.preamble:
        yield node, V.text, lit("\n".join(act.preamble))
    for article in act.articles:
        yield from article_triples(iris, node, article)


def _part(node: URIRef, up: URIRef, cls: URIRef, label: str, number: str, ordinal: int, text: str):
    yield node, RDF.type, ELI.LegalResourceSubdivision
    yield node, RDF.type, cls
    yield node, ELI.is_part_of, up
    yield up, ELI.has_part, node
    yield node, ELI.number, lit(number)
    yield node, V.ordinal, lit(ordinal)
    yield node, SKOS.prefLabel, lit(label)
    if text:
        yield node, V.text, lit(text)


def article_iri(iris: Iris, act_node: URIRef, article: Article) -> URIRef:
    return iris.subdivision(act_node, article.pinpoint)


def article_triples(iris: Iris, act_node: URIRef, article: Article) -> Iterator[Triple]:
    node = article_iri(iris, act_node, article)
    if article.suffix:
        label, number = step_label("suffix", article.suffix, article.number)
        ordinal = article.suffix
    else:
        label, number = step_label("art", article.number)
        ordinal = article.number
    yield from _part(node, act_node, V.Article, label, number, ordinal, article.text)
    single = len(article.paragraphs) == 1
    for para in article.paragraphs:
        up = node
        if not single:
            up = iris.subdivision(act_node, _pin(article, paragraph=para.number))
            label, number = step_label("para", para.number)
            yield from _part(up, node, V.Paragraph, label, number, para.number, para.full_text)
        for point in para.items:
            yield from point_triples(iris, act_node, article, None if single else para, point, up)


def point_triples(
    iris: Iris, act_node: URIRef, article: Article, para: Paragraph | None, point: Point, up: URIRef
) -> Iterator[Triple]:
    paragraph = para.number if para else None
    node = iris.subdivision(act_node, _pin(article, paragraph=paragraph, item=point.number))
    label, number = step_label("item", point.number)
    yield from _part(node, up, V.Point, label, number, point.number, point.full_text)
    for sub in point.subitems:
        pin = _pin(article, paragraph=paragraph, item=point.number, subitem=sub.number)
        sub_node = iris.subdivision(act_node, pin)
        label, number = step_label("subitem", sub.number)
        yield from _part(sub_node, node, V.SubPoint, label, number, sub.number, sub.full_text)


def _pin(article: Article, **parts) -> Pinpoint:
    return Pinpoint(article=article.number, article_suffix=article.suffix, **parts)


def version_triples(iris: Iris, old: Act, new: Act) -> Iterator[Triple]:
    """new eli:amends old (and back), and one kg:ArticleChange per aligned article."""
    old_node, new_node = act_iri(iris, old), act_iri(iris, new)
    yield new_node, ELI.amends, old_node
    yield old_node, ELI.amended_by, new_node
    for n, change in enumerate(align(old, new), start=1):
        node = iris.change(new_node, n)
        yield new_node, V.hasChange, node
        yield node, RDF.type, V.ArticleChange
        yield node, V.oldVersion, old_node
        yield node, V.newVersion, new_node
        yield node, V.changeType, lit(change.status)
        if change.old_pinpoint is not None:
            yield node, V.oldArticle, iris.subdivision(old_node, change.old_pinpoint)
        if change.new_pinpoint is not None:
            yield node, V.newArticle, iris.subdivision(new_node, change.new_pinpoint)
