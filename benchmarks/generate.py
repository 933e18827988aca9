"""Generate a synthetic national-scale corpus of disclosure catalogs (for bench_build.py).

N agencies, each with a catalog of ~35 items drawn from the rows of the bundled catalogs,
written as tab-separated files the way real catalogs are: document numbers and brackets in
variant spellings (国务院令711号, 国务院令第 711 号, 國務院令第711號, half-width brackets),
and each agency with its own responsible units (some with an alias in brackets, some
collective). Deterministic for a given seed.

    python benchmarks/generate.py --agencies 3000 --out /tmp/kg-corpus
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.ingest import read_catalog  # noqa: E402
from kg.models import ITEM_FIELDS, Item  # noqa: E402
from kg.statutes.model import chinese_number  # noqa: E402

HEADER = (
    "事项类别",
    "事项名称",
    "公开内容",
    "公开依据",
    "条款内容",
    "公开渠道",
    "公开时限",
    "公开方式",
    "公开责任",
)
PROVINCES = (
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
)
SECTORS = (
    "人力资源和社会保障局",
    "统计局",
    "财政局",
    "民政局",
    "司法局",
    "教育局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "卫生健康委员会",
    "市场监督管理局",
)
UNITS = (
    "办公室",
    "法规科",
    "政策法规股",
    "财务科",
    "规划财务科",
    "信息中心",
    "综合股",
    "组织人事科",
    "行政审批服务科",
    "执法监督科",
    "业务一科",
    "业务二科",
    "服务中心",
)
ALIASES = {"政策法规股": "审批服务股", "综合股": "信访股", "法规科": "行政审批科"}
COLLECTIVE = ("各相关业务部门", "各业务科室", "相关业务部门")

# (written as in the bundled catalogs, variant spellings real catalogs use)
NUMBER_VARIANTS = {
    "国务院令第711号": ("国务院令711号", "国务院令第 711 号", "國務院令第711號", "国务院令第711号"),
    "国办发〔2018〕118号": ("国办发[2018]118号", "国办发（2018）118号", "国办发〔2018〕118号"),
}
BRACKETS = str.maketrans({"（": "(", "）": ")", "：": ":"})


def source_items() -> list[Item]:
    items = []
    for path in sorted((REPO / "data" / "catalogs").iterdir()):
        items.extend(read_catalog(path).items)
    return items


def agency_name(i: int) -> str:
    province = PROVINCES[i % len(PROVINCES)]
    sector = SECTORS[(i // len(PROVINCES)) % len(SECTORS)]
    county = chinese_number(i // (len(PROVINCES) * len(SECTORS)) + 1)
    return f"{province}省第{county}县{sector}"


def vary(text: str, rng: random.Random) -> str:
    for number, variants in NUMBER_VARIANTS.items():
        if number in text:
            text = text.replace(number, rng.choice(variants))
    if rng.random() < 0.3:
        text = text.translate(BRACKETS)
    return text


def unit_cell(rng: random.Random, units: list[str]) -> str:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(COLLECTIVE)
    unit = rng.choice(units)
    if unit in ALIASES and rng.random() < 0.5:
        return f"{unit}（{ALIASES[unit]}）"
    if roll > 0.9:
        return f"{unit}、{rng.choice(units)}"
    return unit


def catalog_text(i: int, rows: list[Item], rng: random.Random) -> str:
    agency = agency_name(i)
    units = rng.sample(UNITS, 6)
    lines = [f"{agency} 政府信息公开事项目录", f"公开主体：{agency}", "\t".join(HEADER)]
    for row in rows:
        cells = {f: getattr(row, f) for f in ITEM_FIELDS}
        cells["basis"] = vary(cells["basis"], rng)
        cells["provisions"] = vary(cells["provisions"], rng)
        cells["responsibility"] = unit_cell(rng, units)
        cells["mode"] = cells["mode"] or "主动公开"
        lines.append("\t".join(cells[f].replace("\t", " ").replace("\n", " ") for f in ITEM_FIELDS))
    return "\n".join(lines) + "\n"


def generate(
    agencies: int, out: Path, items_per_agency: int = 35, seed: int = 20240913
) -> list[Path]:
    """Write `agencies` catalog files into `out`; returns their paths."""
    rng = random.Random(seed)
    pool = source_items()
    # one row per name: the same name twice in a catalog would be a repeat, not a new item
    by_name = {}
    for item in pool:
        by_name.setdefault(item.name, item)
    unique = sorted(by_name.values(), key=lambda it: (it.agency, it.line))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(agencies):
        n = max(1, min(len(unique), items_per_agency + rng.randint(-5, 5)))
        rows = sorted(rng.sample(unique, n), key=unique.index)
        path = out / f"agency-{i:05d}.tsv"
        path.write_text(catalog_text(i, rows, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=3000)
    parser.add_argument("--items", type=int, default=35, help="average items per agency")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-corpus"))
    parser.add_argument("--seed", type=int, default=20240913)
    args = parser.parse_args()
    paths = generate(args.agencies, args.out, args.items, args.seed)
    print(f"wrote {len(paths)} catalogs to {args.out}")


if __name__ == "__main__":
    main()
