"""Writing a projection in the format of a file's extension (what `kg viz` calls)::

    from kg.viz.projection import project
    from kg.viz.output import write
    picture = project(graph)                 # any KnowledgeGraph, pyoxigraph Store or rdflib graph
    write(picture, Path("out/graph.html"))   # .html .svg .png .graphml .gexf
    write(picture, Path("out/timeline.svg"), timeline=True)   # .html .svg .png
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.viz.exchange import write_gexf, write_graphml
from kg.viz.page import write_graph_page, write_timeline_page
from kg.viz.picture import write_graph_picture, write_timeline_picture
from kg.viz.timeline import timeline as timeline_of

GRAPH_FORMATS = (".html", ".svg", ".png", ".graphml", ".gexf")
TIMELINE_FORMATS = (".html", ".svg", ".png")


def picture_format(target: Path, timeline: bool = False) -> str:
    """The format a file's extension asks for; ValueError (one line) for any other.

    >>> picture_format(Path("out/graph.GEXF"))
    '.gexf'
    >>> picture_format(Path("out/timeline.gexf"), timeline=True)
    Traceback (most recent call last):
    ...
    ValueError: timeline.gexf: a timeline is written as .html, .svg or .png
    """
    suffix = target.suffix.lower()
    allowed = TIMELINE_FORMATS if timeline else GRAPH_FORMATS
    if suffix not in allowed:
        what = "a timeline" if timeline else "a graph"
        raise ValueError(f"{target.name}: {what} is written as "
                         f"{', '.join(allowed[:-1])} or {allowed[-1]}")
    return suffix


def write(graph: nx.MultiDiGraph, target: Path, *, timeline: bool = False, title: str = "",
          note: str = "", lanes: int = 8) -> str:
    """Write a picture of a projection (or of its timeline) in the format of ``target``'s
    extension; ``note`` (what was left out) is shown on the HTML graph page. Returns what
    was drawn, in words: "10 nodes, 10 edges", "3 events in 2 lanes"."""
    suffix = picture_format(target, timeline)
    if timeline:
        line = timeline_of(graph, max_lanes=lanes)
        if suffix == ".html":
            write_timeline_page(graph, line, target, title=title or "Timeline of events")
        else:
            write_timeline_picture(graph, line, target, title=title)
        return f"{len(line.moments)} events in {len(line.lanes)} lanes"
    if suffix == ".html":
        write_graph_page(graph, target, title=title or "Event graph", note=note)
    elif suffix == ".graphml":
        write_graphml(graph, target)
    elif suffix == ".gexf":
        write_gexf(graph, target)
    else:
        write_graph_picture(graph, target, title=title)
    return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
