"""The `kg check` report: per catalog, citations checked, counts per verdict, each problem.

Markdown, HTML (every piece of text escaped with html.escape) or JSON (a list of records,
one per catalog, with plain English keys).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Sequence

from kg.statutes.check import VERDICTS, CheckResult, counts

FORMATS = ("md", "html", "json")


def problem_record(r: CheckResult) -> dict:
    c = r.citation
    return {
        "item": c.item,
        "line": c.line,
        "document": c.document_key,
        "act": r.act_id,
        "pinpoint": c.pinpoint.label(),
        "verdict": r.verdict,
        "detail": r.detail,
        "suggested pinpoint": r.suggested.label() if r.suggested else "",
        "suggested version": r.suggested_act,
        "quoted words": c.quote,
        "statute words": r.statute_words,
    }


def catalog_records(results: Sequence[CheckResult]) -> list[dict]:
    """One record per catalog file, catalogs and problems in a stable order."""
    by_file: dict[str, list[CheckResult]] = defaultdict(list)
    for r in results:
        by_file[r.citation.file].append(r)
    out = []
    for file in sorted(by_file):
        rs = by_file[file]
        checked = [r for r in rs if r.verdict not in ("act-unknown", "not-quoted")]
        problems = sorted(
            (r for r in rs if r.is_problem), key=lambda r: (r.citation.line, r.citation.item)
        )
        out.append(
            {
                "catalog": file,
                "agency": rs[0].citation.agency,
                "citations": len(rs),
                "checked": len(checked),
                "verdicts": counts(rs),
                "problems": [problem_record(r) for r in problems],
            }
        )
    return out


def render_report(results: Sequence[CheckResult], fmt: str = "md") -> str:
    records = catalog_records(results)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(records)
    if fmt == "md":
        return _markdown(records)
    raise ValueError(f"unknown report format {fmt!r}")


def _md_cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(records: list[dict]) -> str:
    lines = ["# Citations checked against the statute texts", ""]
    for rec in records:
        lines += [f"## {rec['catalog']} ({rec['agency']})", ""]
        lines.append(
            f"{rec['citations']} citations, {rec['checked']} checked against a statute text."
        )
        lines += ["", "| verdict | citations |", "|---|---:|"]
        lines += [f"| {v} | {rec['verdicts'][v]} |" for v in VERDICTS]
        lines.append("")
        if not rec["problems"]:
            lines += ["No problems found.", ""]
            continue
        lines += ["### Problems", ""]
        for prob in rec["problems"]:
            where = f"line {prob['line']}, item {prob['item']}"
            head = f"- **{prob['verdict']}** ({where}): {prob['act']} {prob['pinpoint']}"
            lines.append(_md_cell(head))
            if prob["detail"]:
                lines.append(f"  - {_md_cell(prob['detail'])}")
            lines.append(f"  - quoted: {_md_cell(prob['quoted words'])}")
            lines.append(f"  - statute: {_md_cell(prob['statute words'])}")
        lines.append("")
    return "\n".join(lines)


def _html(records: list[dict]) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        "<title>Citations checked against the statute texts</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}"
        "table{border-collapse:collapse}.words{white-space:pre-wrap}</style>",
        "</head><body>",
        "<h1>Citations checked against the statute texts</h1>",
    ]
    for rec in records:
        parts.append(f"<h2>{e(rec['catalog'])} ({e(rec['agency'])})</h2>")
        parts.append(
            f"<p>{rec['citations']} citations, {rec['checked']} checked against a statute text.</p>"
        )
        parts.append("<table><tr><th>verdict</th><th>citations</th></tr>")
        parts += [f"<tr><td>{e(v)}</td><td>{rec['verdicts'][v]}</td></tr>" for v in VERDICTS]
        parts.append("</table>")
        if not rec["problems"]:
            parts.append("<p>No problems found.</p>")
            continue
        parts.append("<h3>Problems</h3><table>")
        parts.append(
            "<tr><th>line</th><th>item</th><th>act, pinpoint</th><th>verdict</th>"
            "<th>quoted words</th><th>statute words</th></tr>"
        )
        for prob in rec["problems"]:
            verdict = e(prob["verdict"]) + (f"<br>{e(prob['detail'])}" if prob["detail"] else "")
            parts.append(
                f"<tr><td>{prob['line']}</td><td>{e(prob['item'])}</td>"
                f"<td>{e(prob['act'])} {e(prob['pinpoint'])}</td><td>{verdict}</td>"
                f'<td class="words">{e(prob["quoted words"])}</td>'
                f'<td class="words">{e(prob["statute words"])}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
