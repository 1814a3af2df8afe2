"""`kg viz`: formats by extension, focus and max-nodes, one-line errors."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "summit.trig"


def run(*args: str):
    return CliRunner().invoke(cli, ["viz", *args])


@pytest.mark.parametrize("name", ["graph.html", "graph.svg", "graph.png", "graph.graphml",
                                  "graph.gexf"])
def test_each_format_is_written(tmp_path, name):
    target = tmp_path / "pictures" / name
    result = run(str(FIXTURE), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000
    assert f"wrote {target} (10 nodes, 10 edges)" in result.output


def test_focus_and_depth_draw_one_neighbourhood(tmp_path):
    target = tmp_path / "kim.graphml"
    result = run(str(FIXTURE), "-o", str(target), "--focus", "Kim Jong Un", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert len(nx.read_graphml(target)) == 2  # Kim and the summit


def test_max_nodes_says_what_it_left_out(tmp_path):
    target = tmp_path / "small.html"
    result = run(str(FIXTURE), "-o", str(target), "--max-nodes", "3")
    assert result.exit_code == 0, result.output
    assert "left out 7 nodes: " in result.output
    assert "left out 7 nodes: " in target.read_text("utf-8")


def test_the_timeline_is_written_as_svg(tmp_path):
    target = tmp_path / "timeline.svg"
    result = run(str(FIXTURE), "--timeline", "-o", str(target), "--lanes", "2")
    assert result.exit_code == 0, result.output
    assert "Donald Trump" in target.read_text("utf-8")
    assert f"wrote {target} (3 events in 2 lanes)" in result.output


@pytest.mark.parametrize("args, out, message", [
    ([], "x.html", "name a store (--store DIR) or RDF files, articles or folders"),
    ([str(FIXTURE)], "x.doc", "x.doc: a graph is written as .html, .svg, .png"),
    ([str(FIXTURE), "--timeline"], "x.gexf", "x.gexf: a timeline is written as"),
    (["missing.ttl"], "x.html", "missing.ttl: not readable as RDF"),
    ([str(FIXTURE), "--focus", "Kim Jong"], "x.html", "no node is named 'Kim Jong'"),
])
def test_user_errors_are_one_line_without_a_traceback(tmp_path, args, out, message):
    target = tmp_path / out
    result = CliRunner().invoke(cli, ["viz", *args, "-o", str(target)], catch_exceptions=False)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_a_store_folder_that_is_not_there_is_one_line(tmp_path):
    result = run("--store", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 1
    assert "is not a store folder" in result.output
