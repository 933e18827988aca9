"""Reports a disclosure office can act on: Markdown, HTML (everything escaped) and CSV.

Grouped by agency and responsible unit, most urgent reason first. Written atomically.
"""

from __future__ import annotations

import html
from collections import Counter
from itertools import groupby

from kg.analysis.impact import REASON_TEXT, REASONS, ImpactResult
from kg.output import render

REPORT_FORMATS = ("md", "html", "csv")
_COLUMNS = ("item", "category", "cites", "reason", "old number", "new number", "action",
            "numbering", "source")


def _title(result: ImpactResult) -> str:
    return f"Impact of the amendment of {result.amendment.act}"


def _facts(result: ImpactResult) -> list[tuple[str, str]]:
    am = result.amendment
    facts = [("Act", am.act), ("Amended by", " ".join(x for x in (am.amending, am.decree) if x)),
             ("Date", am.date), ("Act nodes in the graph",
                                 ", ".join(a.label for a in result.acts)),
             ("Articles changed / renumbered / repealed / added",
              f"{len(am.changed)} / {len(am.renumbered)} / {len(am.repealed)} / {len(am.added)}")]
    to_do = {i.item.iri for i in result.impacts if i.reason != "current"}
    current = {i.item.iri for i in result.impacts if i.reason == "current"} - to_do
    counts = Counter(i.reason for i in result.impacts)
    facts.append(("Items needing action", str(len(to_do))))
    facts.append(("Items already following the amendment", str(len(current))))
    facts += [(REASON_TEXT[r], str(counts[r])) for r in REASONS if counts[r]]
    # Empty facts and zero counts are left out; the two item counts always show.
    return [(k, v) for k, v in facts if k.startswith("Items") or (v and v != "0")]


def _groups(result: ImpactResult):
    rows = result.records()
    return groupby(rows, key=lambda r: (r["agency"], r["unit"]))


def markdown(result: ImpactResult) -> str:
    def cell(value: str) -> str:
        # Markdown passes raw HTML through to the page, so escape it as well as pipes.
        return html.escape(" ".join(str(value).split()), quote=False).replace("|", "\\|")

    out = [f"# {cell(_title(result))}", ""]
    out += [f"- **{cell(k)}**: {cell(v)}" for k, v in _facts(result)]
    out += [f"- *Note*: {cell(n)}" for n in result.notes]
    if not result.impacts:
        out += ["", "No item of the catalogs is affected."]
    for (agency, unit), rows in _groups(result):
        out += ["", f"## {cell(agency)} / {cell(unit or '(no unit)')}", ""]
        out.append("| " + " | ".join(_COLUMNS) + " |")
        out.append("|" + "---|" * len(_COLUMNS))
        out += ["| " + " | ".join(cell(r[c]) for c in _COLUMNS) + " |" for r in rows]
    return "\n".join(out) + "\n"


def to_html(result: ImpactResult) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{e(_title(result))}</title>",
           "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
           "th{background:#f3f3f3}</style></head><body>",
           f"<h1>{e(_title(result))}</h1>", "<dl>"]
    for k, v in _facts(result):
        out.append(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>")
    out.append("</dl>")
    out += [f"<p class=\"note\">{e(n)}</p>" for n in result.notes]
    if not result.impacts:
        out.append("<p>No item of the catalogs is affected.</p>")
    for (agency, unit), rows in _groups(result):
        out.append(f"<h2>{e(agency)} / {e(unit or '(no unit)')}</h2>")
        out.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in _COLUMNS) + "</tr>")
        for r in rows:
            out.append("<tr>" + "".join(f"<td>{e(str(r[c]))}</td>" for c in _COLUMNS) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def report(result: ImpactResult, fmt: str) -> str:
    if fmt == "md":
        return markdown(result)
    if fmt == "html":
        return to_html(result)
    if fmt == "csv":
        return render(result.records(), "csv", columns=("agency", "unit") + _COLUMNS)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
