"""The files kg/viz writes: offline HTML pages, SVG/PNG pictures, GraphML and GEXF."""
from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from PIL import Image

from kg.viz.output import picture_format, write
from kg.viz.page import graph_page_data
from kg.viz.projection import project
from kg.viz.sources import load_rdf_file, load_rdf_text

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "summit.trig"
ID = "https://w3id.org/event-kg/id/"
KIM = ID + "entity/kim-jong-un"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return project(load_rdf_file(FIXTURE))


def page_data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert found, "the page carries its data"
    return json.loads(found.group(1))


def test_the_graph_page_is_one_offline_file(graph, tmp_path):
    target = tmp_path / "graph.html"
    write(graph, target, title="Summit <test>", note="left out 2 nodes: A, B")
    page = target.read_text("utf-8")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=["\']?(https?:)?//', page)
    assert "vis-network" in page and "window.kgGraph" in page and "window.kgPanel" in page
    assert "<title>Summit &lt;test&gt;</title>" in page
    data = page_data(page)
    assert data["note"] == "left out 2 nodes: A, B"
    assert {node["id"] for node in data["nodes"]} == set(graph)
    assert len(data["edges"]) == graph.number_of_edges()


def test_page_data_has_legend_provenance_and_shared_sentences(graph):
    data = graph_page_data(graph)
    kim = next(node for node in data["nodes"] if node["id"] == KIM)
    assert kim["wikidata"] == "Q56226" and kim["aliases"] == ["Kim", "Kim Jong Un"]
    assert [data["sentences"][n]["article"] for n in kim["sentences"]] == [ID + "article/a1",
                                                                          ID + "article/a2"]
    assert "agent of Summit in Hanoi, 2019-02-28" in kim["links"]
    summit = next(node for node in data["nodes"] if node["cls"] == "Summit")
    assert set(summit["sentences"]) <= set(kim["sentences"])  # one sentence, stored once
    legend = {item["cls"]: item for item in data["legend"]}
    assert legend["Person"]["count"] == 2 and legend["Person"]["shape"] == "dot"
    assert [item["family"] for item in data["legend"]][0] == "Event"


def test_text_from_the_graph_cannot_end_the_script_element(tmp_path):
    graph = project(load_rdf_file(FIXTURE))
    nx.set_node_attributes(graph, {KIM: "</script><b>x"}, "label")
    target = tmp_path / "graph.html"
    write(graph, target)
    page = target.read_text("utf-8")
    assert "</script><b>" not in page
    assert any(node["label"] == "</script><b>x" for node in page_data(page)["nodes"])


def test_the_timeline_page_has_lanes_items_and_sources(graph, tmp_path):
    target = tmp_path / "timeline.html"
    write(graph, target, timeline=True)
    page = target.read_text("utf-8")
    assert "vis-timeline" in page and "window.kgTimeline" in page
    data = page_data(page)
    assert [lane["content"] for lane in data["lanes"]][:1] == ["Donald Trump"]
    summit_items = [item for item in data["items"] if item["event"] == ID + "event/summit/aaa"]
    assert {item["group"] for item in summit_items} == {KIM, ID + "entity/donald-trump"}
    assert data["events"][ID + "event/summit/aaa"]["sources"] == [ID + "article/a1",
                                                                  ID + "article/a2"]
    assert data["window"] == {"start": "2019-02-27", "end": "2019-03-03"}


def test_the_svg_has_labels_a_legend_and_no_timestamp(graph, tmp_path):
    target = tmp_path / "graph.svg"
    write(graph, target)
    svg = target.read_text("utf-8")
    ElementTree.fromstring(svg)
    for text in ("Kim Jong-un", "Summit in Hanoi,", "Node classes", "Person (2)",
                 "Edges (roles)", "speaker", "(1 quote)"):
        assert text in svg, text
    assert "<dc:date>" not in svg


def test_the_png_is_a_picture_not_a_blank_page(graph, tmp_path):
    target = tmp_path / "graph.png"
    write(graph, target)
    with Image.open(target) as image:
        assert image.width > 600 and image.height > 400
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colours) > 50


def test_the_timeline_svg_numbers_its_sources(graph, tmp_path):
    target = tmp_path / "timeline.svg"
    write(graph, target, timeline=True)
    svg = target.read_text("utf-8")
    assert "[1] Leaders part without a deal · Wire A · 2019-03-01" in svg
    assert "Summit in Hanoi, 2019-02-28 [1,2]" in svg
    assert "Donald Trump" in svg
    height = float(re.search(r'<svg[^>]* height="([\d.]+)pt"', svg).group(1))
    key_y = float(re.search(r'translate\([\d.]+ ([\d.]+)\)">\[2\] ', svg).group(1))
    assert 0 < key_y < height, "the sources key is inside the picture"


def test_graphml_and_gexf_open_with_scalar_attributes(graph, tmp_path):
    for name, read in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        target = tmp_path / name
        write(graph, target)
        back = read(target)
        assert back.number_of_nodes() == graph.number_of_nodes(), name
        assert back.number_of_edges() == graph.number_of_edges(), name
        kim = back.nodes[KIM]
        assert (kim["cls"], kim["wikidata"], int(kim["sources"])) == ("Person", "Q56226", 2), name
        assert kim["aliases"] == "Kim; Kim Jong Un", name
        assert all(not isinstance(value, (list, dict)) or key == "viz"
                   for _, data in back.nodes(data=True) for key, value in data.items()), name


@pytest.mark.parametrize("name, timeline, message", [
    ("graph.txt", False, "graph.txt: a graph is written as .html, .svg, .png, .graphml or .gexf"),
    ("line.gexf", True, "line.gexf: a timeline is written as .html, .svg or .png"),
])
def test_an_unknown_extension_is_refused_in_one_line(name, timeline, message):
    with pytest.raises(ValueError) as error:
        picture_format(Path(name), timeline)
    assert str(error.value) == message


def test_the_timeline_page_draws_a_week_as_a_range_that_says_its_days(tmp_path):
    inexact = (FIXTURE.parent / "inexact.trig").read_text("utf-8")
    graph = project(load_rdf_text(FIXTURE.read_text("utf-8") + inexact, "trig"))
    target = tmp_path / "timeline.html"
    write(graph, target, timeline=True)
    data = page_data(target.read_text("utf-8"))
    [week] = [item for item in data["items"] if item["event"] == "urn:x:week"]
    assert (week["start"], week["end"]) == ("2019-02-18", "2019-02-25")  # to the day after
    assert data["events"]["urn:x:week"]["date"] == "2019-02-18/2019-02-24"
    assert all("end" not in item for item in data["items"]
               if item["event"] == ID + "event/summit/aaa")
    assert data["window"]["start"] < "2019-01-01"
    write(graph, tmp_path / "timeline.svg", timeline=True)  # the picture draws it too
