"""Namespaces and terms, mirroring ontology/kg.ttl term for term (a test keeps them in step).

Standards are reused where they fit: ELI for legal resources and their subdivisions, W3C ORG
for agencies and units, SKOS for labels, DCTERMS, PROV for provenance. Only the
catalog-specific terms are the project's own, under KG.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-disclosure/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
M8G = Namespace("http://data.europa.eu/m8g/")
SH = Namespace("http://www.w3.org/ns/shacl#")

DEFAULT_BASE = "https://w3id.org/kg-disclosure/id/"

PREFIXES = {
    "kg": KG,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "m8g": M8G,
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, predeclared in `kg query`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# --- classes -------------------------------------------------------------------------------
Catalog = KG.Catalog  # one published catalog file of one agency (prov:Entity)
DisclosureItem = KG.DisclosureItem  # 事项
Citation = KG.Citation  # one (item, document or subdivision) basis edge with its quote
Repair = KG.Repair  # a change cleaning made to catalog text
LegalResource = ELI.LegalResource  # act, regulation, decree, notice, opinion...
LegalResourceSubdivision = ELI.LegalResourceSubdivision
Article = KG.Article  # 条
Paragraph = KG.Paragraph  # 款
Point = KG.Point  # 项
SubPoint = KG.SubPoint  # 目
Section = KG.Section  # numbered part of a policy document: 二、 (六)
ArticleChange = KG.ArticleChange  # one aligned article between two versions of an act
Organization = ORG.Organization  # agency
OrganizationalUnit = ORG.OrganizationalUnit  # 公开责任 unit
CollectiveUnit = KG.CollectiveUnit  # 各相关业务部门: a phrase standing for several units

# --- item ------------------------------------------------------------------------------------
basis = KG.basis  # item -> legal resource or subdivision it rests on
responsibility = KG.responsibility  # item -> unit responsible for disclosing it
agency = KG.agency  # item -> agency (org:Organization)
hasCitation = KG.hasCitation  # item -> kg:Citation (shared by items citing in the same words)
hasRepair = KG.hasRepair  # item (or catalog) -> kg:Repair made to its cells
category = KG.category  # 事项类别 (literal)
content = KG.content  # 公开内容
channel = KG.channel  # 公开渠道
timeLimit = KG.timeLimit  # 公开时限
disclosureMode = KG.disclosureMode  # 公开方式
basisText = KG.basisText  # 公开依据 as written
provisionsText = KG.provisionsText  # 条款内容 as written
keyword = KG.keyword  # a jieba keyword of a keyword set
keywordSet = KG.keywordSet  # item -> its shared KeywordSet
KeywordSet = KG.KeywordSet  # the keywords shared by items with the same words
sourceLine = KG.sourceLine  # line in the catalog file (xsd:integer)
inCatalog = KG.inCatalog  # item -> kg:Catalog

# --- citation --------------------------------------------------------------------------------
cites = KG.cites  # citation -> legal resource or subdivision
quotedText = KG.quotedText  # the words the catalog quotes
titleAsWritten = KG.titleAsWritten
numberAsWritten = KG.numberAsWritten
pinpointLabel = KG.pinpointLabel
origin = KG.origin  # "basis" | "provisions" | "both"
flag = KG.flag  # literal flags such as pinpoint-recovered, typo-variant
verdict = KG.verdict  # result of checking the quote against the statute text

# --- legal resource --------------------------------------------------------------------------
shortTitle = KG.shortTitle
text = KG.text  # text of an article, paragraph or point
ordinal = KG.ordinal  # position among siblings (xsd:integer), for sorting
level = KG.level  # 法律 | 行政法规 | 部门规章 | 司法解释 | ...
versionDate = KG.versionDate
promulgates = KG.promulgates  # notice -> document it issues (印发〈…〉的通知)
mentions = KG.mentions  # document -> document named inside a quote of it
statuteMatch = KG.statuteMatch  # how a catalog document was matched to a library act

# --- amendment alignment ---------------------------------------------------------------------
oldVersion = KG.oldVersion
newVersion = KG.newVersion
oldArticle = KG.oldArticle
newArticle = KG.newArticle
changeType = KG.changeType  # unchanged | renumbered | changed | added | removed
hasChange = KG.hasChange  # new version -> kg:ArticleChange

# --- repair ----------------------------------------------------------------------------------
rule = KG.rule
original = KG.original
repaired = KG.repaired
guess = KG.guess

# --- extensions by the rdf owner (nothing above is renamed) ----------------------------------
documentKind = KG.documentKind  # law | regulation | rule | decree | normative (catalog documents)
issuerCode = KG.issuerCode  # 国办发, 国务院令: issuer part of a document number
verdictDetail = KG.verdictDetail  # why a citation got its verdict
fieldName = KG.fieldName  # repair -> catalog column repaired
# ELI's own values of eli:in_force (an object property in ELI, not a boolean).
IN_FORCE = ELI["InForce-inForce"]
NOT_IN_FORCE = ELI["InForce-notInForce"]
ONTOLOGY_IRI = "https://w3id.org/kg-disclosure/ontology"
