"""`kg eval` on a small article written for this test: report formats, exit status, and
one-line errors for unusable gold files while the others are still scored."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

ARTICLE = """date 2024-05-02 AFP, HANOI

Vietnam and Japan signed a trade agreement in Hanoi on Thursday.
"""
GOLD = """article: brief.txt
published: 2024-05-02
entities:
- {name: Vietnam, class: Country, wikidata: Q881}
- {name: Japan, class: Country, wikidata: Q17}
- {name: Hanoi, class: City, wikidata: Q1858}
events:
- {class: Agreement, agents: [Vietnam, Japan], place: Hanoi, date: 2024-05-02, evidence: signed}
"""


def run(*args: str):
    return CliRunner().invoke(cli, ["eval", *args])


@pytest.fixture
def files(tmp_path):
    (tmp_path / "brief.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "brief.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_choosing_two_formats_is_a_usage_error(files):
    result = run(str(files / "brief.yaml"), "--articles", str(files), "--json", "--markdown")
    assert result.exit_code == 2 and "choose one of --json and --markdown" in result.output


def test_articles_are_required():
    result = run("gold.yaml")
    assert result.exit_code == 2 and "--articles" in result.output


@pytest.mark.slow
def test_text_report_with_measures_and_findings(files):
    result = run(str(files / "brief.yaml"), "--articles", str(files / "brief.txt"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 articles scored against their gold annotation"
    [entities] = [line for line in lines if line.startswith("entities (name + class)")]
    assert entities.split()[-6:] == ["1.000", "1.000", "1.000", "3", "0", "0"]
    assert any(line.startswith("  Country ") for line in lines)
    assert any(line.startswith("quote-speaker accuracy: – (0 of 0") for line in lines)


@pytest.mark.slow
def test_json_and_markdown_say_the_same(files):
    as_json = run(str(files / "brief.yaml"), "--articles", str(files), "--json")
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["articles"] == ["brief.txt"] and data["problems"] == []
    assert data["warnings"] == [f"{files}: warning: ignored 1 file(s) that are not .txt, .jsonl "
                                "or .html (brief.yaml)"]
    entities = data["measures"]["entities (name + class)"]
    assert (entities["tp"], entities["per_class"]["City"]["tp"]) == (3, 1)
    markdown = run(str(files / "brief.yaml"), "--articles", str(files), "--markdown")
    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[-1].rstrip(" |")
            for line in markdown.stdout.splitlines()[2:]}
    for name, measure in data["measures"].items():
        assert rows[name] == ("–" if measure["f1"] is None else f"{measure['f1']:.3f}")


@pytest.mark.slow
def test_unusable_gold_is_one_line_each_and_the_rest_is_scored(files):
    (files / "broken.yaml").write_text("article: [x\n", encoding="utf-8")
    (files / "elsewhere.yaml").write_text(GOLD.replace("brief.txt", "other.txt"),
                                          encoding="utf-8")
    result = run(str(files / "broken.yaml"), str(files / "elsewhere.yaml"),
                 str(files / "brief.yaml"), "--articles", str(files / "brief.txt"))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "broken.yaml: not valid YAML" in errors[0]
    assert "elsewhere.yaml: article: 'other.txt' is not among the 1 articles read" in errors[1]
    assert "1 articles scored" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_no_usable_gold_and_a_missing_model_are_one_line(files):
    (files / "broken.yaml").write_text("article: [x\n", encoding="utf-8")
    result = run(str(files / "broken.yaml"), "--articles", str(files / "brief.txt"))
    assert result.exit_code == 1 and "no gold file could be scored" in result.output
    result = run(str(files / "brief.yaml"), "--articles", str(files), "--model", "no_such_model")
    assert result.exit_code == 1 and "'no_such_model' is not installed" in result.output
    assert "Traceback" not in result.output
