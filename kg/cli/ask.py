"""`kg ask`: a question in Chinese, answered by depends, impact or a query, with its SPARQL."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import emit, format_option, statutes_option, store_option
from kg.output import render


@click.command(name="ask")
@click.argument("question")
@click.option("--sparql/--no-sparql", "show_sparql", default=True, show_default=True,
              help="Print the SPARQL that answered (on stderr for csv and json).")
@click.option("--amendments", "amendments", multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="Amendment files or folders for 修订影响 questions (default: $KG_AMENDMENTS, "
                   "else data/amendments of a source checkout). Repeatable.")
@statutes_option
@store_option
@format_option
def command(question: str, show_sparql: bool, amendments: tuple[Path, ...],
            statutes: Path | None, store: Path, fmt: str) -> None:
    """Answer a question about the graph. Known forms: 哪些事项依据<法规>[第N条]？
    <法规>修订影响哪些事项？ <事项>由哪个科室负责？ <事项>的依据是什么？ 哪些文件引用了<法规>？

    Example: kg ask "哪些事项依据国务院令第711号第二十条？"
    """
    from kg.textsearch.ask import ask

    answer = ask(store, question, amendments=list(amendments) or None, statutes=statutes)
    if fmt == "table":
        emit(f"# {answer.intent.form}: {answer.summary}\n")
    # Wide cells: IRIs must stay whole to be copied.
    emit(render(list(answer.records), fmt, max_width=110))
    if show_sparql:
        machine = fmt != "table"
        for query in answer.queries:
            click.echo(f"\n-- SPARQL ({answer.intent.form}):\n{query.strip()}", err=machine)
        if not answer.queries:
            click.echo("\n-- SPARQL: (the analysis did not report its query)", err=machine)
