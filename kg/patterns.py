"""Every regular expression kg uses, as named constants with a note on why each exists.

Citations section (owned by the citations stage) first; other stages add their own section at
the end. Patterns are compiled once here so modules share one definition of, say, a numeral.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Building blocks (strings, combined into the compiled patterns below)
# ---------------------------------------------------------------------------------------------

# Han characters, basic block plus extension A (rare characters in names of places and people).
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# Chinese numerals as catalogs write article, item and decree numbers (第二十条, 主席令第七十号).
CN_DIGITS = "零〇一二三四五六七八九十百千两"
# A number in either script; the captured text is converted with cn2an only (never whole text).
NUM = rf"(?:\d+|[{CN_DIGITS}]+)"
# Openers and closers that catalogs use around the year of a document number: 〔〕 is the
# official form; [] 【】 () （） ［］ ﹝﹞ are the variants seen in the wild.
YEAR_OPEN = "〔\\[【(（［﹝"
YEAR_CLOSE = "〕\\]】)）］﹞"

# ---------------------------------------------------------------------------------------------
# Cleaning (kg.clean)
# ---------------------------------------------------------------------------------------------

# An HTML tag such as <p>, </p>, <br/>. Tags start with a Latin letter, so nested titles written
# with ASCII angles (<365体育官网…>, <湖南省…办法>) are never taken for markup.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")

# Pinyin injected after a character by copy-paste from annotated pages: 業(yè). Lower-case Latin
# letters (with tone marks) in brackets right after a Han character, nothing else.
PINYIN_GLOSS = re.compile(
    rf"(?<=[{HAN}])[(（](?=[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]*[aeiouāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ])"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]"
)

# ASCII punctuation between two non-digits, to be widened to the canonical full-width form.
# Colons and commas between digits (10:30, 1,000) are times and amounts and stay as they are.
NARROW_COLON = re.compile(r"(?<!\d):|:(?!\d)")
NARROW_COMMA = re.compile(r"(?<!\d),|,(?!\d)")

# A title in 《》 (no nested 《》: nested titles use 〈〉 or <>), used to work inside titles only.
TITLE_SPAN = re.compile(r"《[^《》]*》")
# A nested title written with ASCII or full-width angles inside a title: <X> or ＜X＞ -> 〈X〉.
NESTED_ANGLE = re.compile(r"[<＜]([^<>＜＞《》]*)[>＞]")

# Whitespace (including the ideographic space) that a page layout put inside words or numbers.
# It is removed between two "wide or digit" characters, except before 《, where it separates
# two citations (》 《); between two ASCII digits the step keeps one space (two numbers).
INNER_SPACE = re.compile(
    rf"(?<=[{HAN}\d（）〔〕【】《》〈〉：，。；、“”‘’！？—\u3000-\u303f])"
    rf"[ \t\u00a0\u3000]+(?!《)"
    rf"(?=[{HAN}\d（）〔〕【】〈〉》：，。；、“”‘’！？—\u3000-\u303f])"
)

# The blanks before a 《 that starts the next citation: kept, as a single space.
SPACE_BEFORE_TITLE = re.compile(r"[ \t\u00a0\u3000]+(?=《)")

# Gambling spam that a hijacked CMS substituted for common words (seen for 关于 and for
# 政府信息公开目录 in the Hengyang catalog).
SPAM = re.compile(r"365体育官网")
# A title of the 关于…的通知/意见 kind: the spam stands where 关于 belongs (X365体育官网Y的通知).
ABOUT_TITLE_END = re.compile(
    r"的(?:通知|意见|指导意见|实施意见|决定|批复|函|规定|办法|方案|报告)〉?》?$"
)

# Surrounding CSV quotes left on a cell ("《…》…"), with doubled quotes inside.
CSV_WRAP = re.compile(r'^\s*"(.*)"\s*$', re.S)

# ---------------------------------------------------------------------------------------------
# Citation grammar (kg.find)
# ---------------------------------------------------------------------------------------------

# A document title in 《》; nested titles inside it are 〈〉 after cleaning.
TITLE = re.compile(r"《(?P<title>[^《》]+)》")

# A document number with a year: 国办发〔2018〕118号, 国发[2011]5号, 湘政发(2007)3号,
# 湖南省人民政府令〔2009〕第245号 (decrees of local governments put the year in too).
NUMBER_WITH_YEAR = re.compile(
    rf"(?P<issuer>[{HAN}]{{1,24}}?)[{YEAR_OPEN}](?P<year>\d{{4}})[{YEAR_CLOSE}]"
    rf"第?(?P<serial>{NUM})号"
)
# A decree number without a year: 国务院令第711号, 国务院令711号, 主席令第七十号,
# 人力资源和社会保障部令第8号. The issuer ends in 令.
DECREE_NUMBER = re.compile(rf"(?P<issuer>[{HAN}]{{0,24}}?令)第?(?P<serial>{NUM})号")
# An announcement number of a people's congress standing committee: …常务委员会公告第47号.
# The issuer itself may contain 第十四届, so the serial is the last 第N号.
ANNOUNCEMENT_NUMBER = re.compile(rf"(?P<issuer>[{HAN}\d]{{1,40}}?公告)第(?P<serial>{NUM})号")
# A year bracket that never closes: 渝府发〔201455号. Reported, never repaired by guessing.
BROKEN_NUMBER = re.compile(rf"(?P<issuer>[{HAN}]{{1,24}}?)[{YEAR_OPEN}](?P<digits>\d{{1,8}})号")
# A user's decree shorthand with the serial first: 711号令.
SERIAL_FIRST_DECREE = re.compile(rf"(?P<serial>{NUM})号令")
# A document number in brackets right after a title: （国务院令711号）.
NUMBER_PAREN_OPEN = re.compile(r"[（(]")
NUMBER_PAREN_CLOSE = re.compile(r"[）)]")

# Pinpoints, matched at a position (re.match with pos), in the order they nest.
ARTICLE = re.compile(rf"第(?P<n>{NUM})条(?:之(?P<suffix>{NUM}))?")
PARAGRAPH = re.compile(rf"第(?P<n>{NUM})款")
# An item: 第(二)项, (二)项, 第二项, or a bare (二) right after an article or paragraph.
ITEM = re.compile(rf"第?[（(](?P<n>[{CN_DIGITS}]+|\d+)[）)]项?|第(?P<m>{NUM})项")
SUBITEM = re.compile(rf"第(?P<n>{NUM})目")
# Joiners of a list (、 和 及) or a range (至 到 -) of pinpoints of one kind.
LIST_JOINER = re.compile(r"[、，,和及与]")
RANGE_JOINER = re.compile(r"[至到~～\-—]")
# A numbered part of a policy document named in the head: 第三点, 第二部分.
POINT = re.compile(rf"第(?P<n>{NUM})(?:点|部分)")
# The whole document.
WHOLE = re.compile(r"全文")
# A section marker inside quoted words of a policy document: （六） at a sentence start.
SECTION_PAREN = re.compile(rf"[（(](?P<n>[{CN_DIGITS}]+)[）)]")
# A top-level section marker of a policy document: 二、
SECTION_ENUM = re.compile(rf"(?P<n>[{CN_DIGITS}]+)、")
# Where a new sentence starts inside a quote (before an item or article marker).
SENTENCE_END = re.compile(r"[。；;：:]")
# Words right after 第X条 that show it is a reference made inside the quote, not a new
# quoted article (…。第十五条规定的…).
REFERENCE_TAIL = re.compile(r"(?:规定|的规定|所称|所列|中|的|以及)")
# Signs that a cell already cited something before a colon: then the colon belongs to quoted
# words, and a 《title》 after it is a mention, not a citation after a label like 依据：.
CITED_BEFORE = re.compile(r"[《》号条]")
# Separator between a citation head and its quoted words.
HEAD_SEPARATOR = re.compile(r"[：:，,]")
# Characters after which a 《 starts a new citation rather than a mention inside a quote.
CITATION_BOUNDARY = re.compile(r"[\s。；;、，,]")

# ---------------------------------------------------------------------------------------------
# Document resolution (kg.resolve)
# ---------------------------------------------------------------------------------------------

# A notice that promulgates the document it names: …印发〈X〉的通知 / …印发〈X〉.
PROMULGATION = re.compile(r"印发〈(?P<inner>[^〈〉]+)〉(?:的通知)?$")
# An issuer that cannot exist: 中共 prefixes party organs only (中共中央办公厅), so a title
# starting 中共国务院… is a mangled variant and never chosen as a document's main title.
IMPOSSIBLE_ISSUER = re.compile(r"^中共国务院")
# Any nested title inside a title.
NESTED_TITLE = re.compile(r"〈(?P<inner>[^〈〉]+)〉")
# Suffix that variant titles add or leave out after a nested title: 〈…〉的通知 ≡ 〈…〉.
NOTICE_SUFFIX = re.compile(r"(?<=〉)的通知$")
# Country prefix that decree issuers carry in statute history lines (中华人民共和国主席令).
STATE_PREFIX = re.compile(r"^中华人民共和国(?=.+令$)")
# The country prefix that national acts carry in full titles and drop in short ones.
TITLE_STATE_PREFIX = re.compile(r"^中华人民共和国(?=..)")
# A user's bare title before the pinpoint in a free phrase: 统计法第27条.
USER_PINPOINT_START = re.compile(rf"第{NUM}[条款项目点]|[（(][{CN_DIGITS}]+[）)]|全文")

# ---------------------------------------------------------------------------------------------
# Departments (kg.units)
# ---------------------------------------------------------------------------------------------

# Separators between units in a 公开责任 cell (及 joins "办公室及各业务部门" too), outside
# brackets only, so that an alias in brackets stays with its unit.
UNIT_SEPARATOR = re.compile(r"(?:[、，,；;/]|及|和(?=各|相关|有关))(?![^（(]*[）)])")
# An alias in brackets after a unit name: 法规信访股（审批服务股）.
UNIT_ALIAS = re.compile(r"^(?P<name>[^（(]+)[（(](?P<alias>[^）)]+)[）)]$")
# Collective phrases naming many units at once rather than one unit.
COLLECTIVE_UNIT = re.compile(r"^(?:各|相关|有关|其他|其它)|^各.*(?:部门|机构|单位|科室|股室)$")

# ---------------------------------------------------------------------------------------------
# Analysis (kg.analysis: depends, impact, stats) - added by the analysis stage
# ---------------------------------------------------------------------------------------------

# A numeral as users and amendment files write it: Arabic (also full width) or Chinese.
ANALYSIS_NUMERAL = r"[0-9０-９〇零一二两三四五六七八九十百千]+"
# 第X条 with an optional 之N suffix, anywhere in a phrase: the start of the pinpoint.
ANALYSIS_ARTICLE = re.compile(rf"第\s*({ANALYSIS_NUMERAL})\s*条(?:\s*之\s*({ANALYSIS_NUMERAL}))?")
# 第X款 after an article.
ANALYSIS_PARAGRAPH = re.compile(rf"第\s*({ANALYSIS_NUMERAL})\s*款")
# An item (项): 第X项, 第(X)项, or a bare (X) after the article.
ANALYSIS_ITEM = re.compile(
    rf"第?\s*[(（]\s*({ANALYSIS_NUMERAL})\s*[)）]\s*项?|第\s*({ANALYSIS_NUMERAL})\s*项"
)
# A decree number with its issuer: 国务院令第711号, 国务院令711号, 主席令第七十号.
ANALYSIS_DECREE = re.compile(rf"([^\s《》〈〉()（）]*?令)\s*第?\s*({ANALYSIS_NUMERAL})\s*号")
# A document number: issuer, bracketed year, serial (国办发〔2018〕37号, 湘人社规[2025]1号).
ANALYSIS_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]+)\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*第?\s*(\d+)\s*号"
)
# A decree number without issuer: 711号令, 第711号令.
ANALYSIS_BARE_DECREE = re.compile(rf"第?\s*({ANALYSIS_NUMERAL})\s*号令")
# An article number in an amendment file: 24, 第二十四条, 二十四, 20之一, 第20条之1.
ANALYSIS_ARTICLE_NUMBER = re.compile(
    rf"^\s*第?\s*({ANALYSIS_NUMERAL})\s*条?\s*(?:之\s*({ANALYSIS_NUMERAL}))?\s*$"
)
# A list marker or clause break inside quoted words: quotes skip the items between them.
ANALYSIS_LIST_MARKER = re.compile(r"[(（]\s*[一二三四五六七八九十]+\s*[)）]|[:：;；]")
# One version of a library act named by the user: 统计法(2009-06-27) or 统计法@2009-06-27.
ANALYSIS_VERSION_SPEC = re.compile(r"^\s*(.+?)\s*(?:@|[(（])\s*(\d{4}-\d{2}-\d{2})\s*[)）]?\s*$")
# Brackets and spaces around a title, and the state prefix titles may carry or drop.
ANALYSIS_TITLE_NOISE = re.compile(r"[《》〈〉<>\s]|^中华人民共和国")


# ---- statute library (issue 5; owned by the statutes stage, kg/statutes/) ----------------
# They read the Markdown acts of ../shared/statutes and normalise the decree numbers and the
# quoted words compared against them.

# A Chinese or Arabic numeral as acts write numbers (第一百二十三条, 第1840次, 两).
STATUTE_NUMERAL = r"[零〇一二三四五六七八九十百千两\d]+"

# File name of one version: short title then the version date, `统计法(2009-06-27).md`.
STATUTE_FILE_NAME = re.compile(r"^(?P<title>.+?)(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\.md$")

# A history line starts with its date: `2019年4月3日 中华人民共和国国务院令第711号修订`.
STATUTE_HISTORY_DATE = re.compile(r"^[(（]?(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")

# The event a history line records, from the verb near its end (发布 and 公布 are one kind;
# a trailing `)` or full-width space is common). The first verb found in this order wins.
STATUTE_HISTORY_KIND = re.compile(r"(公布施行|发布施行|公布|发布|修订|修正|施行|通过|批准|印发)[)）\s]*$")

# A decree number in a history line: `中华人民共和国国务院令第711号`, `主席令第三号`,
# `国家市场监督管理总局令第12号`; the issuer runs back to the date or a space.
STATUTE_DECREE = re.compile(rf"(?P<issuer>[\u4e00-\u9fff、]+?令)\s*第?\s*(?P<n>{STATUTE_NUMERAL})\s*[号號]")

# A document number standing alone in a header line: `法释〔2021〕11号`, `劳社部发[2008]3号`.
STATUTE_DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]+[〔\[［(（【]\d{4}[〕\]］)）】]\s*第?\d+号$")

# Brackets around a document number's year, in all widths, unified to 〔〕.
STATUTE_YEAR_BRACKETS = re.compile(r"[\[［(（【〔](\d{4})[\]］)）】〕]")

# Start of an article line: `第二十条 `, `第十七条之一　` (a half- or full-width space follows).
STATUTE_ARTICLE = re.compile(rf"^第(?P<n>{STATUTE_NUMERAL})条(?:之(?P<suffix>{STATUTE_NUMERAL}))?(?:[\s\u3000]+|$)")

# Start of an item (项) line: `(一)`, `（十二）`.
STATUTE_ITEM = re.compile(rf"^[(（](?P<n>{STATUTE_NUMERAL})[)）]\s*")

# Start of a sub-item (目) line: `1.`, `2．`, `3、`.
STATUTE_SUBITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*")

# A Markdown heading: `## 第一章 总则`, `### 第一节 …`.
STATUTE_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*)$")

# List markers removed before comparing words: `(四)`, `（十二）`, `四、`, `1.` at a start.
STATUTE_LIST_MARKER = re.compile(
    rf"[(（][零〇一二三四五六七八九十百]+[)）]|(?:^|(?<=[：:；;。]))(?:{STATUTE_NUMERAL})[、.．]"
)

# An article label inside quoted words, where a long quote of several articles is split.
STATUTE_ARTICLE_IN_QUOTE = re.compile(rf"第(?P<n>{STATUTE_NUMERAL})条(?:之(?P<suffix>{STATUTE_NUMERAL}))?[\s\u3000:：]*")

# Everything that is not a letter or digit: punctuation of any width, spaces, symbols.
STATUTE_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)

# The state prefix titles and decree issuers carry or drop (`中中华人民共和国` is a typo seen
# in one act's history).
STATUTE_STATE_PREFIX = re.compile(r"中?中华人民共和国")


# ============================================================================================
# Search and questions (kg.textsearch): jieba blocks and the question forms of `kg ask`.
# ============================================================================================

# A run jieba keeps together before its dictionary is consulted (mirrors jieba.re_han_default):
# 《》, brackets, spaces and other punctuation split text first, so dictionary terms may only
# consist of these characters.
JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")

# Han characters: a dictionary term or search token must contain at least one letter or Han.
HAN_OR_ALNUM = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9]")

# A decree number written with 第 (国务院令第711号): the catalogs also drop the 第.
DECREE_WITH_DI = re.compile(r"令第(\d+)号")

# Question noise: trailing question marks, full stops and spaces.
QUESTION_TRIM = re.compile(r"[\s?？。!！.]+$|^\s+")

# Words for "unit" in questions (科室, 部门...), shared by the responsibility forms.
_UNIT_WORD = r"(?:科室|部门|单位|股室|处室|机构|科|股|处)"
_WHICH = r"(?:哪个|哪些|哪一个|什么|哪家)"
_ITEMS = r"(?:公开)?(?:事项|信息)"
_RESTS = r"(?:依据|根据|基于|援引|适用|引用)"
_AMEND = r"(?:修订|修改|修正|的修订|的修改|的修正)"
_CITE = r"(?:引用|援引|提到|提及|引述)"

# --- which items rest on an act or article (-> kg.analysis.depends) ------------------------
# 哪些事项依据国务院令第711号第二十条
DEPENDS_WHICH_ITEMS = re.compile(rf"^(?:有)?{_WHICH}{_ITEMS}(?:是)?{_RESTS}(?:了|于)?(?P<ref>.+?)(?:的规定)?$")
# 依据统计法第二十条的事项有哪些
DEPENDS_ITEMS_OF = re.compile(rf"^{_RESTS}(?P<ref>.+?)的{_ITEMS}(?:有{_WHICH}|是{_WHICH}|有)?$")
# 哪些事项以政府信息公开条例第二十条为依据
DEPENDS_AS_BASIS = re.compile(rf"^{_WHICH}{_ITEMS}以(?P<ref>.+?)(?:为|作为){_RESTS}$")
# 政府信息公开条例第二十条涉及哪些事项 / 第二十条支撑了什么事项
DEPENDS_INVOLVES = re.compile(rf"^(?P<ref>.+?)(?:涉及|关联|支撑|对应|覆盖)(?:了|到)?{_WHICH}{_ITEMS}$")

# --- what an amendment affects (-> kg.analysis.impact) ---------------------------------------
# 统计法修订影响哪些事项 / 统计法的修改会影响什么
IMPACT_AFFECTS = re.compile(rf"^(?P<act>.+?){_AMEND}(?:会|将|可能)?(?:影响|涉及)(?:到|了)?(?:{_WHICH}{_ITEMS}?)?$")
# 统计法修订的影响 / 统计法修订有什么影响
IMPACT_OF = re.compile(rf"^(?P<act>.+?){_AMEND}(?:的影响|有{_WHICH}影响)(?:是{_WHICH}|有{_WHICH})?$")
# 修订统计法影响哪些事项
IMPACT_VERB_FIRST = re.compile(rf"^(?:修订|修改|修正)(?:后的)?(?P<act>.+?)(?:会|将)?影响{_WHICH}{_ITEMS}?$")

# --- which unit is responsible for an item (SPARQL) ------------------------------------------
# 领导信息由哪个科室负责
UNIT_BY = re.compile(rf"^(?P<item>.+?)(?:由|归){_WHICH}{_UNIT_WORD}?(?:负责|公开)(?:公开)?$")
# 哪个科室负责领导信息 / 谁负责公开领导信息
UNIT_FIRST = re.compile(rf"^(?:{_WHICH}{_UNIT_WORD}|谁)负责(?:公开)?(?P<item>.+)$")
# 领导信息的公开责任是谁 / 领导信息的责任部门是哪个
UNIT_OF = re.compile(rf"^(?P<item>.+?)的(?:公开)?责任{_UNIT_WORD}?是(?:{_WHICH}{_UNIT_WORD}?|谁)$")

# --- what an item rests on (SPARQL) ----------------------------------------------------------
# 领导信息的依据是什么 / 领导信息的公开依据有哪些
BASIS_OF = re.compile(rf"^(?P<item>.+?)的(?:公开|法律|法定)?依据(?:是|有){_WHICH}(?:法规|文件|条款|规定|法律)?$")
# 领导信息依据哪些法规 / 领导信息根据什么公开
BASIS_WHICH = re.compile(rf"^(?P<item>.+?)(?:依据|根据)(?:的是)?{_WHICH}(?:法律|法规|文件|条款|规定)?(?:公开)?$")

# --- what cites an act (SPARQL for documents, depends for items) -----------------------------
# 哪些文件引用了政府信息公开条例 / 哪些事项引用了统计法
CITES_WHICH = re.compile(rf"^(?:有)?{_WHICH}(?P<what>文件|法规|规章|文档|目录|事项|信息)(?:有)?{_CITE}(?:了|过)?(?P<ref>.+)$")
# 政府信息公开条例被哪些文件引用
CITES_BY = re.compile(rf"^(?P<ref>.+?)被{_WHICH}(?P<what>文件|法规|规章|文档|目录|事项|信息)?{_CITE}(?:了|过)?$")
# 谁引用了政府信息公开条例
CITES_WHO = re.compile(rf"^谁{_CITE}(?:了|过)?(?P<ref>.+)$")
