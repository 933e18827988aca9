"""The SPARQL the search and question stage runs. User values are always bound (`?label`,
`?act`), never pasted into the text; Oxigraph substitutes only projected variables, so the
bound ones are selected too."""

from __future__ import annotations

from kg.rdf.vocab import sparql_prologue

PROLOGUE = sparql_prologue()

# Every label worth one jieba word: act titles, short titles and numbers, units, agencies,
# item categories (事项类别).
LEXICON_LABELS = PROLOGUE + """SELECT DISTINCT ?label WHERE {
  { ?act a eli:LegalResource . ?act skos:prefLabel|skos:altLabel|kg:shortTitle|eli:id_local ?label }
  UNION { ?unit a org:OrganizationalUnit . ?unit skos:prefLabel|skos:altLabel ?label }
  UNION { ?agency a org:Organization . ?agency skos:prefLabel ?label }
  UNION { ?item a kg:DisclosureItem ; kg:category ?label }
} ORDER BY ?label"""

# Items: name, content and category are searched; the agency is shown.
SEARCH_ITEMS = PROLOGUE + """SELECT ?iri ?label ?content ?category ?agency WHERE {
  ?iri a kg:DisclosureItem ; skos:prefLabel ?label .
  OPTIONAL { ?iri kg:content ?content }
  OPTIONAL { ?iri kg:category ?category }
  OPTIONAL { ?iri kg:agency/skos:prefLabel ?agency }
} ORDER BY ?iri"""

# Articles with their own text, else the texts of their parts (paragraphs, items).
SEARCH_ARTICLES = PROLOGUE + """SELECT ?iri ?label ?act ?version (SAMPLE(?own) AS ?text)
       (GROUP_CONCAT(?part; separator="\\n") AS ?parts) WHERE {
  ?iri a kg:Article ; eli:is_part_of ?parent .
  OPTIONAL { ?iri skos:prefLabel ?label }
  OPTIONAL { ?parent skos:prefLabel ?act }
  OPTIONAL { ?parent kg:versionDate ?version }
  OPTIONAL { ?iri kg:text ?own }
  OPTIONAL { ?sub eli:is_part_of+ ?iri . ?sub kg:text ?part }
} GROUP BY ?iri ?label ?act ?version ORDER BY ?iri"""

# Acts by every title and number they go by.
SEARCH_ACTS = PROLOGUE + """SELECT ?iri ?label ?version (GROUP_CONCAT(DISTINCT ?name; separator=" ") AS ?names)
WHERE {
  ?iri a eli:LegalResource .
  FILTER NOT EXISTS { ?iri a eli:LegalResourceSubdivision }
  OPTIONAL { ?iri skos:prefLabel ?label }
  OPTIONAL { ?iri kg:versionDate ?version }
  OPTIONAL { ?iri skos:altLabel|kg:shortTitle|eli:id_local ?name }
} GROUP BY ?iri ?label ?version ORDER BY ?iri"""

# Units with their other names and agency.
SEARCH_UNITS = PROLOGUE + """SELECT ?iri ?label ?agency (GROUP_CONCAT(DISTINCT ?alt; separator=" ") AS ?alts)
WHERE {
  ?iri a org:OrganizationalUnit ; skos:prefLabel ?label .
  OPTIONAL { ?iri skos:altLabel ?alt }
  OPTIONAL { ?iri org:unitOf/skos:prefLabel ?agency }
} GROUP BY ?iri ?label ?agency ORDER BY ?iri"""

# Keywords stored by the build: each item links a shared kg:KeywordSet of kg:keyword values.
ITEM_KEYWORDS = PROLOGUE + """SELECT ?iri ?keyword WHERE {
  ?iri a kg:DisclosureItem ; kg:keywordSet/kg:keyword ?keyword .
} ORDER BY ?iri ?keyword"""

# Items whose name is exactly ?label, else contains it (bound: ?label).
ITEMS_NAMED = PROLOGUE + """SELECT ?label ?item ?name ?agency WHERE {
  ?item a kg:DisclosureItem ; skos:prefLabel ?name .
  OPTIONAL { ?item kg:agency/skos:prefLabel ?agency }
  FILTER (?name = ?label || CONTAINS(?name, ?label))
} ORDER BY ?agency ?item"""

# Unit responsible for each item named ?label (bound: ?label).
UNIT_OF_ITEM = PROLOGUE + """SELECT ?label ?agency ?item ?unit ?unit_iri ?item_iri WHERE {
  ?item_iri a kg:DisclosureItem ; skos:prefLabel ?item .
  FILTER (?item = ?label || CONTAINS(?item, ?label))
  OPTIONAL { ?item_iri kg:agency/skos:prefLabel ?agency }
  OPTIONAL { ?item_iri kg:responsibility ?unit_iri . ?unit_iri skos:prefLabel ?unit }
} ORDER BY ?agency ?item ?unit"""

# What each item named ?label rests on: the act above the basis node, and the place in it
# as the catalog wrote it (the citation's pinpoint label) or as the graph labels it.
BASIS_OF_ITEM = PROLOGUE + """SELECT ?label ?agency ?item ?act ?place ?basis_iri ?item_iri WHERE {
  ?item_iri a kg:DisclosureItem ; skos:prefLabel ?item .
  FILTER (?item = ?label || CONTAINS(?item, ?label))
  OPTIONAL { ?item_iri kg:agency/skos:prefLabel ?agency }
  ?item_iri kg:basis ?basis_iri .
  ?basis_iri eli:is_part_of* ?act_iri . ?act_iri a eli:LegalResource .
  FILTER NOT EXISTS { ?act_iri a eli:LegalResourceSubdivision }
  OPTIONAL { ?act_iri skos:prefLabel ?act }
  OPTIONAL { ?item_iri kg:hasCitation ?c . ?c kg:cites ?basis_iri ; kg:pinpointLabel ?pin }
  OPTIONAL { ?basis_iri a eli:LegalResourceSubdivision ; skos:prefLabel ?sub }
  BIND (COALESCE(?pin, ?sub, "") AS ?place)
} ORDER BY ?agency ?item ?act ?basis_iri"""

# Documents and catalogs that cite the act ?act (bound: ?act): documents through
# kg:mentions / kg:promulgates, catalogs through their items' basis.
CITING_DOCUMENTS = PROLOGUE + """SELECT ?act ?kind ?title (COUNT(DISTINCT ?item) AS ?items) ?iri WHERE {
  {
    ?iri kg:mentions|kg:promulgates ?act .
    OPTIONAL { ?iri skos:prefLabel ?title }
    BIND("document" AS ?kind)
  } UNION {
    ?x eli:is_part_of* ?act . ?item kg:basis ?x ; prov:wasDerivedFrom ?iri .
    ?iri a kg:Catalog .
    OPTIONAL { ?iri rdfs:label ?title }
    BIND("catalog" AS ?kind)
  }
} GROUP BY ?act ?kind ?title ?iri ORDER BY ?kind ?title ?iri"""
