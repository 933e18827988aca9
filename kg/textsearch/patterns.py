"""Regular expressions of the search and question stage, as named constants.

Kept together here so the question forms can be read (and extended) in one place.
"""

from __future__ import annotations

import re

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
