"""Entry point of the `kg` command. Commands load lazily so `kg --help` stays fast.

Every library error (`kg.errors.KgError`) becomes one line on stderr and its exit code.
"""

from __future__ import annotations

import importlib
import sys

import click

from kg.errors import KgError

# command name -> module under kg.cli that defines `command`.
COMMANDS = {
    "ingest": "ingest",
    "citations": "citations",
    "build": "build",
    "query": "query",
    "validate": "validate",
    "export": "export",
    "push": "push",
    "depends": "depends",
    "impact": "impact",
    "diff": "diff",
    "check": "check",
    "stats": "stats",
    "show": "show",
    "search": "search",
    "ask": "ask",
    "statutes": "statutes",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used (or listed by --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        module = COMMANDS.get(name)
        if module is None:
            return None
        return importlib.import_module(f"kg.cli.{module}").command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as err:
            click.echo(f"kg: error: {err}", err=True)
            ctx.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """Build and question a knowledge graph of disclosure catalogs and the law behind them.

    Example: kg build data/catalogs/* --statutes ../shared/statutes
    """


def main() -> None:  # pragma: no cover - console script shim
    sys.exit(cli())
