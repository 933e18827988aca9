"""Reading the two bundled catalogs: counts, idents, fields and lines, checked by hand."""

from __future__ import annotations

import pytest
from conftest import HENGYANG, XIANGXIANG

from kg.ingest import read_catalog
from kg.ingest.columns import field_of, split_glued_header
from kg.ingest.preamble import agency_from_title, classify

HY_AGENCY = "衡阳市人力资源和社会保障局"
XX_AGENCY = "湘乡市人力资源和社会保障局"
ZF_711 = "《中华人民共和国政府信息公开条例》(国务院令第711号)"


@pytest.fixture(scope="module")
def hengyang():
    return read_catalog(HENGYANG)


@pytest.fixture(scope="module")
def xiangxiang():
    return read_catalog(XIANGXIANG)


def _item(read, ident):
    found = [i for i in read.items if i.ident == ident]
    assert len(found) == 1, ident
    return found[0]


@pytest.mark.parametrize(
    "path, fmt, agency, items, rows_read, rejected_lines",
    [
        (HENGYANG, "page-text", HY_AGENCY, 34, 310, [1]),
        (XIANGXIANG, "tsv", XX_AGENCY, 30, 33, []),
    ],
)
def test_bundled_summary(path, fmt, agency, items, rows_read, rejected_lines):
    read = read_catalog(path)
    assert (read.format, read.encoding, read.agency) == (fmt, "utf-8", agency)
    assert len(read.items) == items
    assert read.rows_read == rows_read
    assert [r.line for r in read.rejections] == rejected_lines
    assert len({i.ident for i in read.items}) == items
    assert all(i.agency == agency and i.file == str(path) for i in read.items)


# (ident, category, line, responsibility, time limit) written down from the file by hand.
HENGYANG_ROWS = [
    ("领导信息", "机构职能信息", 41, "组织人事科", "自该政府信息形成或者变更之日起20个工作日内。"),
    ("权责清单", "机构职能信息", 73, "行政审批服务科", "自该政府信息形成或者变更之日起20个工作日内。"),
    ("统计信息", "统计信息", 97, "信息中心", "自该政府信息形成或者变更之日起20个工作日内。"),
    ("财政预决算信息", "财政信息", 121, "规划财务科", "批准(批复)后20个工作日内。"),
    ("意见征求和结果", "重大决策预公开", 169, "办公室及各业务部门",
     "自该政府信息形成或者变更之日起20个工作日内。"),
    ("法治政府建设年度报告", "法治政府建设年度报告", 185, "行政审批服务科", "每年4月1日之前"),
    ("就业公共服务", "业务事项", 217,
     "就业科、职业能力建设科、劳动关系科、就业服务中心、人力资源服务中心、职业技能鉴定管理中心",
     "自该政府信息形成或者变更之日起20个工作日内。"),
    ("社会保障卡信息", "业务事项", 241, "信息中心", "自该政府信息形成或者变更之日起20个工作日内。"),
    ("特殊工种岗位职工提前退休信息", "业务事项", 249, "职工养老保险科",
     "自该政府信息形成或者变更之日起20个工作日内。公示期不少于5个工作日。"),
    ("回应关切", "解读回应", 273, "办公室及相关业务部门",
     "对涉及特别重大、重大突发事件的政务舆情,在24小时内举行新闻发布会,其他政务舆情在48小时内予以回应。"),
    ("政府信息公开工作年度报告", "政府信息公开", 305, "办公室", "每年1月31日前发布。"),
]


@pytest.mark.parametrize("ident, category, line, unit, time_limit", HENGYANG_ROWS)
def test_hengyang_items(hengyang, ident, category, line, unit, time_limit):
    item = _item(hengyang, ident)
    assert (item.category, item.line, item.responsibility, item.time_limit) == (
        category, line, unit, time_limit)
    assert item.name == ident
    assert item.channel == "政府网站"
    assert item.mode == "主动公开"
    # Fields of a block sit on consecutive lines after 事项类别; 公开方式 comes from line 5.
    assert item.line_of("name") == line + 1
    assert item.line_of("basis") == line + 3
    assert item.line_of("provisions") == line + 4
    assert item.line_of("responsibility") == line + 7
    assert item.line_of("mode") == 5
    assert item.notes == ()


@pytest.mark.parametrize(
    "ident, field, expected",
    [
        ("领导信息", "basis", ZF_711),
        ("领导信息", "content", "衡阳市人力资源和社会保障局主要领导姓名、职务、主管或分管工作、简介、工作寸照等。"),
        ("社会保障卡信息", "basis", ""),
        ("社会保障卡信息", "provisions", ""),
        ("工伤保险信息", "basis", "《工伤认定办法》(人力资源和社会保障部令第8号)"),
        ("人大代表建议办理", "provisions",
         "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第五十一条第三款:"
         "代表建议、批评和意见办理情况的报告,应当予以公开。"),
        ("政协委员提案办理", "provisions",
         "《中国人民政治协商会议全国委员会提案工作条例》第二十二条: "
         "有序推进提案办理结果公开和提案内容向社会公开,适时开展提案办理评议。"),
        ("政府集中采购目录标准", "basis", "《中华人民共和国政府采购法》 " + ZF_711),
    ],
)
def test_hengyang_cells_as_written(hengyang, ident, field, expected):
    assert getattr(_item(hengyang, ident), field) == expected


@pytest.mark.parametrize(
    "ident, table_line, provisions_start",
    [
        ("领导信息", 7, ZF_711 + "第二十条"),
        ("统计信息", 14, '"' + ZF_711),  # the CSV-style quote stays as written
        ("意见征求和结果", 23, '"《重大行政决策程序暂行条例》'),
        ("政府信息公开工作年度报告", 40, "《国务院办公厅政府信息与政务公开办公室"),
    ],
)
def test_hengyang_table_rows_merged(hengyang, ident, table_line, provisions_start):
    item = _item(hengyang, ident)
    assert dict(item.raw)["table line"] == str(table_line)
    assert item.provisions.startswith(provisions_start)


def test_hengyang_spam_line_rejected(hengyang):
    (rejection,) = hengyang.rejections
    assert (rejection.line, rejection.text) == (1, "365体育官网")


XIANGXIANG_ROWS = [
    # ident, name as written, category, line, category line, responsibility
    ("领导信息", "领导信息", "机构职能信息", 6, 6, "办公室"),
    ("权责清单", "权责清单", "机构职能信息", 9, 6, "办公室"),
    ("行政执法事前公开", "行政 执法 事前 公开", "行政 执法 信息", 14, 14, "劳动保障 监察股"),
    ("行政执法事后公开", "行政 执法 事后 公开", "行政 执法 信息", 15, 14, "劳动保障 监察股"),
    ("涉企行政检查事项清单及“双随机、一公开”抽查事项清单",
     "涉企行政检查事项清单及“双随机、一公开”抽查事项清单", "行政 执法 信息", 17, 14, "劳动保障 监察股"),
    ("涉企行政检查计划", "涉企行政检查计划", "行政 执法 信息", 19, 14, "劳动保障 监察股"),
    ("财政预决算和专项资金信息", "财政预决算和专项资金信息", "财政信息", 21, 21, "财务股"),
    ("法治政府建设年度报告", "法治政府建设年度报告", "法治政府建设年度报告", 30, 30, "法规信访股"),
    ("促进就业", "促进就业", "业务事项", 32, 31, "就业促进与失业保险股、人力资源服务中心、就业服务中心"),
    ("政府信息公开指南", "政府信息公开指南", "政府信息公开", 36, 36, "法规信访股（审批服务股）"),
    ("政府信息公开依申请公开程序", "政府信息公开依申请公开程序", "政府信息公开", 38, 36,
     "法规信访股（审批服务股）、各业务部门"),
    ("跨省通办", "跨省通办", "管理和服务", 43, 42, "各相关业务部门"),
]


@pytest.mark.parametrize("ident, name, category, line, category_line, unit", XIANGXIANG_ROWS)
def test_xiangxiang_items(xiangxiang, ident, name, category, line, category_line, unit):
    item = _item(xiangxiang, ident)
    assert (item.name, item.category, item.line, item.responsibility) == (name, category, line, unit)
    assert item.line_of("category") == category_line
    assert item.line_of("basis") == line
    assert (item.channel, item.mode) == ("政府网站", "主动公开")


@pytest.mark.parametrize(
    "ident, field, expected",
    [
        ("行政执法事前公开", "time_limit", "自该政府信 息形成或者 变更之日起 20个工作日内。"),
        ("法治政府建设年度报告", "time_limit", "每年4月1日之前"),
        ("政策解读", "time_limit", "自文件公开后3个工作日内。"),
        ("高效办成一件事", "content", "“高效办成一件事”重点事项清单。"),
        ("法治政府建设年度报告", "basis", "《法治政府建设与责任落实督察工作规定》"),
    ],
)
def test_xiangxiang_cells_as_written(xiangxiang, ident, field, expected):
    assert getattr(_item(xiangxiang, ident), field) == expected


def test_xiangxiang_keeps_markup_in_cells(xiangxiang):
    item = _item(xiangxiang, "涉企行政检查计划")
    assert item.basis.startswith("<p>《国务院办公厅关于严格规范涉企行政检查的意见》")


@pytest.mark.parametrize(
    "title, agency",
    [
        ("湘乡市人力资源和社会保障局 政府信息公开事项目录", XX_AGENCY),
        ("衡阳市人力资源和社会保障局政府信息主动公开事项目录", HY_AGENCY),
        ("某某县 教育局政务公开目录", "某某县教育局"),
        ("某某区财政局信息公开事项目录", "某某区财政局"),
        ("政府信息公开事项目录", ""),
    ],
)
def test_agency_from_title(title, agency):
    assert agency_from_title(title) == agency


@pytest.mark.parametrize(
    "line, kind, agency, mode",
    [
        ("公开主体：湘乡市人力资源和社会保障局", "agency", XX_AGENCY, ""),
        ("公开主体: 某某 局", "agency", "某某局", ""),
        ("衡阳市人力资源和社会保障局 ??|?? 公开方式:主动公开", "agency", HY_AGENCY, "主动公开"),
        ("衡阳市人力资源和社会保障局政府信息主动公开事项目录", "title", HY_AGENCY, ""),
        ("365体育官网", "other", "", ""),
    ],
)
def test_preamble_lines(line, kind, agency, mode):
    assert classify(line) == (classify(line).__class__(kind, agency, mode))


@pytest.mark.parametrize(
    "cell, field",
    [
        ("事项类别", "category"), ("类别", "category"), ("事项 名称", "name"),
        ("公开依据", "basis"), ("依据", "basis"), ("条款内容", "provisions"),
        ("依据条款", "provisions"), ("具体条款", "provisions"), ("公开责任", "responsibility"),
        ("责任部门", "responsibility"), ("责任科室", "responsibility"),
        ("责任单位", "responsibility"), ("公开 责任：", "responsibility"), ("*公开方式", "mode"),
        ("序号", "-"), ("姓名", None), ("", None),
    ],
)
def test_header_synonyms(cell, field):
    assert field_of(cell) == field


@pytest.mark.parametrize(
    "line, fields",
    [
        ("事项类别 事项名称 公开内容 公开依据 条款内容 公开渠道 公开时限 公开责任",
         ("category", "name", "content", "basis", "provisions", "channel", "time_limit",
          "responsibility")),
        ("事项 名称 公开 依据 公开 责任", ("name", "basis", "responsibility")),
        ("序号 事项名称 依据 责任单位", ("name", "basis", "responsibility")),
        ("事项名称 公开依据", None),  # too few columns to be a catalog
        ("事项类别 机构职能信息", None),
    ],
)
def test_glued_header(line, fields):
    header = split_glued_header(line)
    assert (header.fields if header else None) == fields


@pytest.mark.parametrize(
    "path, structural",
    [(HENGYANG, {3, 5, 6}), (XIANGXIANG, {3, 4, 5})],  # title, agency line, header
)
def test_every_line_is_accounted_for(path, structural):
    read = read_catalog(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    non_blank = {n for n, line in enumerate(lines, 1) if line.strip()}
    covered = set(structural) | {r.line for r in read.rejections}
    for item in read.items:
        covered |= {item.line, *dict(item.field_lines).values()}
        if "table line" in dict(item.raw):
            covered.add(int(dict(item.raw)["table line"]))
    assert covered == non_blank
    assert read.rows_read == len(non_blank)
