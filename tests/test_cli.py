"""CLI-wide conventions: every command has help with an example, errors are one line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.cli.main import COMMANDS, cli
from kg.errors import KgError, NotFoundError


def _all_commands():
    group = cli
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield name, cmd
        if isinstance(cmd, click.Group):
            sub_ctx = click.Context(cmd, parent=ctx)
            for sub in cmd.list_commands(sub_ctx):
                yield f"{name} {sub}", cmd.get_command(sub_ctx, sub)


def test_every_command_is_registered_and_importable():
    names = dict(_all_commands())
    assert set(COMMANDS) <= set(names)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"kg {name} --help shows no example"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_commands_reading_the_graph_take_store_and_format(name):
    cmd = dict(_all_commands())[name]
    params = {p.name for p in cmd.params}
    if "store" in params:
        assert "fmt" in params or name in {"build", "validate", "export", "push", "show"}


def test_library_error_becomes_one_line_and_exit_code():
    @cli.command("boom-test")
    def boom() -> None:
        """Raise a library error. Example: kg boom-test"""
        raise NotFoundError("no such act: 不存在法", file="x.tsv", line=3, field="公开依据")

    try:
        result = CliRunner().invoke(cli, ["boom-test"])
    finally:
        cli.commands.pop("boom-test", None)
    assert result.exit_code == NotFoundError.exit_code
    assert result.output.strip().splitlines() == [
        "kg: error: x.tsv:3, field 公开依据: no such act: 不存在法"
    ]
    assert "Traceback" not in result.output


def test_error_codes_are_distinct():
    codes = {}
    for cls in KgError.__subclasses__():
        codes.setdefault(cls.exit_code, []).append(cls.__name__)
    assert all(len(v) == 1 for v in codes.values()), codes
