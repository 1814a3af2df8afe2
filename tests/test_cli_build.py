"""The `kg` command and `kg build`: help, exit codes, one-line errors, summaries, outputs."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import VERBS, cli

GOOD = ("date 2021-03-09 Example Wire, VIENNA\n\nDiplomats from the two governments met in "
        "Vienna on Tuesday and agreed to meet again next month.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pipeline_ready() -> None:
    """Skip, with the reason, while a stage the pipeline imports is not importable."""
    try:
        import kg.pipeline  # noqa: F401
        import kg.store  # noqa: F401
    except ImportError as error:
        pytest.skip(f"the pipeline's stages are not all importable yet: {error}")


def test_help_names_every_verb_with_an_example(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    for verb in VERBS:
        assert verb in result.output
        verb_help = runner.invoke(cli, [verb, "--help"])
        assert verb_help.exit_code == 0, verb
        assert "Example" in verb_help.output, verb


def test_python_dash_m_kg():
    result = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "kg, version" in result.stdout


@pytest.mark.parametrize("arguments, message", [
    (["x.txt", "--out", "graph.xml"], "the extension must be one of .ttl, .trig, .nq, .jsonld"),
    (["x.txt", "--lexicon", "no-such-lexicon.yaml"], "does not exist"),
    (["x.txt", "--date", "1 March"], "--date"),
    (["x.txt", "--max-bytes", "0"], "--max-bytes"),
    ([], "Missing argument"),
])
def test_bad_options_are_one_line_usage_errors(runner, arguments, message):
    result = runner.invoke(cli, ["build", *arguments])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_build_reports_skips_and_exits_1(runner, tmp_path, pipeline_ready):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "Envoys met."}\nnot json\n', encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = runner.invoke(cli, ["build", str(tmp_path), str(tmp_path / "missing.txt"),
                                 "--out", str(out)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert f"{tmp_path / 'empty.txt'}: skipped: empty file" in lines
    assert f"{tmp_path / 'bad.jsonl'}:2: skipped: not JSON (Expecting value)" in lines
    assert f"{tmp_path / 'missing.txt'}: skipped: no such file" in lines
    assert "read 2 articles, skipped 3 (1 empty file, 1 no such file, 1 not JSON)" in lines
    assert "Traceback" not in result.output
    assert out.stat().st_size > 0


def test_build_clean_run_exits_0(runner, tmp_path, pipeline_ready):
    source = tmp_path / "good.txt"
    source.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(source), "--out", str(tmp_path / "g.nq")])
    assert result.exit_code == 0, result.output
    assert "read 1 article, skipped 0" in result.output.splitlines()


@pytest.mark.slow
def test_build_store_twice_adds_nothing_new(runner, tmp_path, pipeline_ready):
    source = tmp_path / "good.txt"
    source.write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    first = runner.invoke(cli, ["build", str(source), "--store", str(store)])
    second = runner.invoke(cli, ["build", str(source), "--store", str(store)])
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    assert "added 1 article:" in first.output
    assert "added 0 articles (1 already in the graph)" in second.output


@pytest.mark.slow
def test_build_seeds_to_trig_keeps_their_metadata(runner, tmp_path, seed_paths, pipeline_ready):
    from rdflib import Dataset, Literal, Namespace
    from rdflib.namespace import DCTERMS, RDF, RDFS

    ekg = Namespace("https://w3id.org/event-kg/ontology#")
    out = tmp_path / "seeds.trig"
    result = runner.invoke(cli, ["build", str(seed_paths["000"].parent), "--out", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    articles = {}
    for article in set(dataset.subjects(RDF.type, ekg.Article)):
        places = [dataset.value(place, RDFS.label)
                  for place in dataset.objects(article, ekg.dateline)]
        articles[str(dataset.value(article, DCTERMS.publisher))] = (
            dataset.value(article, DCTERMS.title), str(dataset.value(article, DCTERMS.date)),
            [str(place) for place in places])
    assert articles["BSS/AFP"] == (
        Literal("North Korea offers more talks after nuclear no-deal in Hanoi"), "2019-03-01",
        ["Hanoi"])
    assert articles["AFP"][1:] == ("2019-03-02", ["Hanoi"])
    assert articles["AFP"][0] != Literal("680")


def test_build_reports_what_the_limits_cut(runner, tmp_path, pipeline_ready):
    source = tmp_path / "long.txt"
    source.write_text("title: Talks\n\n" + "Envoys met and talked " * 40 + "at last.\n",
                      encoding="utf-8")
    result = runner.invoke(cli, ["build", str(source), "--max-sentence-chars", "200"])
    assert result.exit_code == 0, result.output
    assert f"{source}: warning: long sentence cut (1 sentence over 200 characters cut into " \
           "pieces)" in result.output.splitlines()
