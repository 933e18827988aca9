"""Regular expressions of the statute library, each a named constant with why it looks so.

They read the Markdown acts of ../shared/statutes (see its README) and normalise the decree
numbers and quoted words compared against them. Kept beside the statutes package so the
citation grammar in kg/patterns.py stays the citations stage's own.
"""

from __future__ import annotations

import re

# A Chinese or Arabic numeral as acts write numbers (第一百二十三条, 第1840次, 两).
NUMERAL = r"[零〇一二三四五六七八九十百千两\d]+"

# File name of one version: short title then the version date, `统计法(2009-06-27).md`.
FILE_NAME = re.compile(r"^(?P<title>.+?)(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\.md$")

# The line closing the header (title and history) of an act.
INFO_END = "<!-- INFO END -->"

# A history line starts with its date: `2019年4月3日 中华人民共和国国务院令第711号修订`.
HISTORY_DATE = re.compile(r"^[(（]?(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")

# The event a history line records, from the verb near its end (发布 and 公布 are one kind;
# a trailing `)` or full-width space is common). The first verb found in this order wins.
HISTORY_KIND = re.compile(r"(公布施行|发布施行|公布|发布|修订|修正|施行|通过|批准|印发)[)）\s]*$")

# A decree number in a history line: `中华人民共和国国务院令第711号`, `主席令第三号`,
# `国家市场监督管理总局令第12号`; the issuer runs back to the date or a space.
DECREE = re.compile(rf"(?P<issuer>[\u4e00-\u9fff、]+?令)\s*第?\s*(?P<n>{NUMERAL})\s*[号號]")

# A document number standing alone in a header line: `法释〔2021〕11号`, `劳社部发[2008]3号`.
DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]+[〔\[［(（【]\d{4}[〕\]］)）】]\s*第?\d+号$")

# Brackets around a document number's year, in all widths, unified to 〔〕.
YEAR_BRACKETS = re.compile(r"[\[［(（【〔](\d{4})[\]］)）】〕]")

# Start of an article line: `第二十条 `, `第十七条之一　` (a half- or full-width space follows).
ARTICLE = re.compile(rf"^第(?P<n>{NUMERAL})条(?:之(?P<suffix>{NUMERAL}))?(?:[\s\u3000]+|$)")

# Start of an item (项) line: `(一)`, `（十二）`.
ITEM = re.compile(rf"^[(（](?P<n>{NUMERAL})[)）]\s*")

# Start of a sub-item (目) line: `1.`, `2．`, `3、`.
SUBITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*")

# A Markdown heading: `## 第一章 总则`, `### 第一节 …`.
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*)$")

# List markers removed before comparing words: `(四)`, `（十二）`, `四、`, `1.` at a start.
LIST_MARKER = re.compile(
    rf"[(（][零〇一二三四五六七八九十百]+[)）]|(?:^|(?<=[：:；;。]))(?:{NUMERAL})[、.．]"
)

# An article label inside quoted words, where a long quote of several articles is split.
ARTICLE_IN_QUOTE = re.compile(rf"第(?P<n>{NUMERAL})条(?:之(?P<suffix>{NUMERAL}))?[\s\u3000:：]*")

# Everything that is not a letter or digit: punctuation of any width, spaces, symbols.
NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)

# The state prefix titles and decree issuers carry or drop (`中中华人民共和国` is a typo seen
# in one act's history).
STATE_PREFIX = re.compile(r"中?中华人民共和国")
