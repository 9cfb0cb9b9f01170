"""The command line: every command documented; runs end to end; bad input reported by file and line."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from polybius.cli import app
from polybius.records import OUTPUT_COLUMNS

runner = CliRunner()


def _commands(typer_app, prefix=()):
    import typer.main

    group = typer.main.get_group(typer_app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands:
                yield (*prefix, name, sub)
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("command", list(_commands(app)), ids=" ".join)
def test_every_command_has_help_text(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) > 3 and "Usage" in result.output


def test_every_option_is_explained():
    import typer.main

    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        for sub in getattr(command, "commands", {None: command}).values():
            for param in sub.params:
                if param.param_type_name == "option" and param.name != "help":
                    assert param.help, f"{name} {sub.name}: option --{param.name} has no help"


def test_bad_date_option_is_refused():
    result = runner.invoke(app, ["run", "x.jsonl", "--published", "5 Feb"])
    assert result.exit_code != 0 and "not a date" in result.output
