"""Options shared by many commands, as decorators (one definition, one help text)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.output import FORMATS

DEFAULT_STORE = ".kg-store"

store_option = click.option(
    "--store",
    "store",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("KG_STORE", DEFAULT_STORE),
    show_default=f"$KG_STORE or {DEFAULT_STORE}",
    help="Folder of the embedded graph store.",
)


def format_choice(choices, default: str, help_text: str):
    """A `--format` option (parameter `fmt`) for commands with formats of their own."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help_text,
    )


format_option = format_choice(FORMATS, "table", "Output format; JSON is a list of records.")

statutes_option = click.option(
    "--statutes",
    "statutes",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of the reference statute library (Markdown acts and index.sqlite3).",
)

agency_option = click.option(
    "--agency",
    default=None,
    help="Agency that publishes the catalog; overrides what the file says (the difference is noted).",
)

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)


def show_progress() -> bool:
    """Progress bars only on an interactive terminal; piped output stays quiet."""
    return sys.stderr.isatty()


def emit(text: str) -> None:
    click.echo(text, nl=False)
