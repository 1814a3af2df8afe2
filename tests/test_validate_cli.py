"""`kg validate`: exit status, plain-word lines, one-line errors for unreadable input."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import cli

GOOD = """
@prefix ekg: <https://w3id.org/event-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:p> a ekg:Person ; rdfs:label "P" .
"""
BAD = GOOD + "<urn:x:e> a ekg:Summit .\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def test_a_conforming_file_exits_0(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(GOOD, encoding="utf-8")
    result = run(str(good))
    assert result.exit_code == 0, result.output
    assert "no violations" in result.output


def test_violations_are_listed_with_their_focus_node_and_exit_1(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD, encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 1
    assert "<urn:x:e>: an event needs at least one participant (sem:hasActor)" in result.output
    assert "Traceback" not in result.output


def test_an_unreadable_file_is_one_line_and_the_others_are_still_checked(tmp_path):
    broken, bad = tmp_path / "broken.ttl", tmp_path / "bad.ttl"
    broken.write_text("@prefix : <", encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    result = run(str(broken), str(bad))
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "broken.ttl" in error_lines[0]
    assert "<urn:x:e>: an event needs" in result.output
    assert "Traceback" not in result.output


def test_nothing_to_check_is_a_usage_error():
    result = run()
    assert result.exit_code == 2
    assert "--store" in result.output


def test_a_missing_store_folder_is_one_line(tmp_path):
    result = run("--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "no such store folder" in result.output
    assert "Traceback" not in result.output
