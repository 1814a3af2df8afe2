"""The quality gate: no score on the shipped gold may drop below the README's Quality table.

The tables are read from README.md together with the `kg eval` command above each, and that
command is run as written (globs expanded from the project root), so raising a figure in the
README raises the gate.
"""
from __future__ import annotations

import glob
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.eval.report import SPEAKER_ROW
from kg.eval.scores import MEASURES
from kg.nlp.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
Table = dict[str, float | None]


def table_rows(lines: list[str]) -> Table:
    """measure -> the last figure of its row (None for a dash), from Markdown table lines."""
    rows: Table = {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] == "measure" or set(cells[-1]) <= set("-: "):
            continue
        rows[cells[0]] = None if cells[-1] == "–" else float(cells[-1])
    return rows


def quality_tables(text: str) -> list[tuple[str, Table]]:
    """Each `kg eval ...` command of the Quality section with the table right below it."""
    section = text.split("\n## Quality\n", 1)[1].split("\n## ", 1)[0]
    tables: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in section.splitlines():
        if line.startswith("`kg eval ") and line.endswith("`"):
            current = []
            tables.append((line.strip("`"), current))
        elif line.startswith("|") and current is not None:
            current.append(line)
        elif line.strip() and current:
            current = None
    return [(command, table_rows(lines)) for command, lines in tables]


TABLES = quality_tables(README.read_text(encoding="utf-8"))


def measured(command: str, monkeypatch) -> Table:
    """Run a README command (with --markdown) from the project root; its printed table."""
    arguments = []
    for argument in shlex.split(command)[2:]:
        arguments += sorted(glob.glob(argument)) if set(argument) & set("*?[") else [argument]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["eval", *arguments, "--markdown"])
    assert result.exit_code == 0, result.output
    return table_rows(result.stdout.splitlines())


def below(table: Table, figures: Table) -> list[str]:
    """The measures whose measured figure is under the README's (or missing)."""
    return [name for name, figure in table.items()
            if figure is not None and (figures.get(name) is None or figures[name] < figure)]


def test_the_readme_has_a_full_table_for_the_examples_and_the_seeds():
    commands = [command for command, _ in TABLES]
    assert any("--articles examples/articles" in command for command in commands)
    assert any("--articles ../shared/seeds" in command for command in commands)
    for _, table in TABLES:
        assert list(table) == [*MEASURES, SPEAKER_ROW]


@pytest.mark.slow
@pytest.mark.parametrize("command, table", TABLES, ids=[command for command, _ in TABLES])
def test_no_score_drops_below_the_readme(command, table, monkeypatch, request):
    if "shared/seeds" in command:
        request.getfixturevalue("seeds_dir")
    figures = measured(command, monkeypatch)
    assert list(figures) == list(table)
    assert below(table, figures) == []


@pytest.mark.slow
def test_an_extractor_without_its_gazetteer_fails_the_gate(monkeypatch):
    monkeypatch.setattr(Gazetteer, "candidates", lambda self, doc: iter(()))
    [(command, table)] = [(command, table) for command, table in TABLES
                          if "--articles examples/articles" in command]
    failing = below(table, measured(command, monkeypatch))
    assert {"entities (name + class)", "linking (Wikidata id)",
            "events (class + actors)"} <= set(failing)
