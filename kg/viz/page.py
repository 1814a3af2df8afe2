"""The interactive HTML pages of `kg viz`: the graph and the timeline.

Each page is one self-contained file: the vendored vis library (kg/viz/static), the page's own
script and style and the data are inlined, so it opens offline and can be mailed around.
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from kg.viz.style import Style, load_style
from kg.viz.timeline import Moment, Timeline

# Above this many nodes the page groups leaves (nodes with one edge) into their neighbour.
CLUSTER_ABOVE = 400


def static_text(name: str) -> str:
    """One file of kg/viz/static as text.

    >>> "vis-network" in static_text("vis-network.min.js")[:200]
    True
    """
    return resources.files("kg.viz").joinpath("static", name).read_text("utf-8")


def inline_script(code: str) -> str:
    """JavaScript made safe to sit inside a <script> element.

    >>> inline_script('let tag = "</script>";')
    'let tag = "<\\\\/script>";'
    """
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def inline_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in ('<' is written as an escape).

    >>> inline_json({"text": "</script>"})
    '{"text": "\\\\u003c/script>"}'
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def render(body: str, *, title: str, data: Any, library: str, app: str, style: str) -> str:
    """A page: the shell (page.html) around a body of kg/viz/static, everything inlined.

    The shared parts (page.css, panel.js) come before the page's own style and script.
    """
    title = html.escape(title)
    css = static_text("page.css") + static_text(style)
    return Template(static_text("page.html")).substitute(
        title=title, body=Template(static_text(body)).substitute(title=title),
        style=css.replace("</", "<\\/"), data=inline_json(data),
        library=inline_script(static_text(library)),
        panel=inline_script(static_text("panel.js")), app=inline_script(static_text(app)))


def role_phrases(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """How a node takes part in the graph, in words: "agent of Summit in Hanoi", "place: Hanoi".

    >>> graph = nx.MultiDiGraph()
    >>> graph.add_node("s", label="Summit"); graph.add_node("k", label="Kim")
    >>> _ = graph.add_edge("s", "k", key="agent", role="agent")
    >>> role_phrases(graph, "k"), role_phrases(graph, "s")
    (['agent of Summit'], ['agent: Kim'])
    """
    labels = graph.nodes
    outgoing = [f"{role}: {labels[target]['label']}"
                for _, target, role in graph.out_edges(node, keys=True)]
    incoming = [f"{role} of {labels[source]['label']}"
                for source, _, role in graph.in_edges(node, keys=True)]
    return sorted(set(outgoing)) + sorted(set(incoming))


class SentenceTable:
    """The distinct sentences of a page, each stored once and referred to by its number."""

    def __init__(self) -> None:
        self.rows: list[dict[str, str]] = []
        self.numbers: dict[tuple[str, str], int] = {}

    def refer(self, sentences: list[dict[str, str]]) -> list[int]:
        """The numbers of these sentences, adding the new ones."""
        found = []
        for sentence in sentences:
            key = (sentence["article"], sentence["text"])
            if key not in self.numbers:
                self.numbers[key] = len(self.rows)
                self.rows.append(sentence)
            found.append(self.numbers[key])
        return found


def legend(graph: nx.MultiDiGraph, style: Style) -> list[dict[str, Any]]:
    """The classes drawn, family by family in the style's order, the commonest first."""
    counts = Counter((data["family"], data["cls"]) for _, data in graph.nodes(data=True))
    order = [family.name for family in style.families]
    return [{"cls": cls, "family": family, "shape": style.family(family).shape,
             "colour": style.colour(cls, family), "count": count}
            for (family, cls), count in sorted(counts.items(),
                                                key=lambda item: (order.index(item[0][0]),
                                                                  -item[1], item[0][1]))]


NODE_FIELDS = ("label", "family", "cls", "aliases", "wikidata", "sources", "date", "cameo",
               "factuality", "text", "sectors", "since", "roles")


def graph_page_data(graph: nx.MultiDiGraph, style: Style | None = None,
                    note: str = "") -> dict[str, Any]:
    """What the graph page's script reads: nodes, edges, legend, articles and sentences."""
    style = style or load_style()
    table = SentenceTable()
    nodes = [{"id": node, **{name: data[name] for name in NODE_FIELDS},
              "shape": style.family(data["family"]).shape,
              "colour": style.colour(data["cls"], data["family"]),
              "links": role_phrases(graph, node), "sentences": table.refer(data["sentences"])}
             for node, data in graph.nodes(data=True)]
    edges = [{"from": source, "to": target, "role": role}
             for source, target, role in graph.edges(keys=True)]
    return {"nodes": nodes, "edges": edges, "legend": legend(graph, style),
            "articles": graph.graph.get("articles", {}), "sentences": table.rows, "note": note,
            "settings": {"cluster_above": CLUSTER_ABOVE}}


def write_graph_page(graph: nx.MultiDiGraph, target: Path, title: str = "Event graph",
                     note: str = "", style: Style | None = None) -> None:
    """Write the interactive graph page: search, legend and filters, provenance on click."""
    page = render("graph.html", title=title, data=graph_page_data(graph, style, note),
                  library="vis-network.min.js", app="graph.js", style="graph.css")
    target.write_text(page, encoding="utf-8")


def span_end(moment: Moment) -> dict[str, str]:
    """The end of an event's item on the page, where it spans days ("last week", "in March"):
    the morning after its last day; nothing for an event of one day."""
    return {"end": (moment.last + timedelta(days=1)).isoformat()} if moment.last != moment.day \
        else {}


def timeline_page_data(graph: nx.MultiDiGraph, timeline: Timeline,
                       style: Style | None = None) -> dict[str, Any]:
    """What the timeline page's script reads: lanes, items, event details, articles, sentences."""
    style = style or load_style()
    table = SentenceTable()
    items, events = [], {}
    per_event: dict[str, int] = defaultdict(int)
    for moment in timeline.moments:
        data = graph.nodes[moment.node]
        for lane in moment.lanes:
            per_event[moment.node] += 1
            items.append({"id": f"{moment.node} {per_event[moment.node]}", "event": moment.node,
                          "group": lane, "start": moment.day.isoformat(), "content": moment.label,
                          "colour": style.colour(moment.cls, "Event"), "dated": moment.dated,
                          **span_end(moment)})
        events[moment.node] = {"label": moment.label, "cls": moment.cls,
                               "date": data["date"] if moment.dated else moment.day.isoformat(),
                               "dated": moment.dated,
                               "links": role_phrases(graph, moment.node),
                               "sources": list(moment.sources),
                               "sentences": table.refer(data["sentences"])}
    days = [day for moment in timeline.moments for day in (moment.day, moment.last)] \
        or [date.today()]
    span = (max(days) - min(days)).days
    before, after = timedelta(days=max(1, span // 40)), timedelta(days=max(2, span // 4))
    window = {"start": (min(days) - before).isoformat(),  # boxes start at their date,
              "end": (max(days) + after).isoformat()}      # so the room is on the right
    return {"lanes": [{"id": lane, "content": label} for lane, label in timeline.lanes],
            "items": items, "events": events, "articles": graph.graph.get("articles", {}),
            "sentences": table.rows, "left_out": timeline.left_out, "window": window}


def write_timeline_page(graph: nx.MultiDiGraph, timeline: Timeline, target: Path,
                        title: str = "Timeline of events", style: Style | None = None) -> None:
    """Write the interactive timeline: one lane per main actor, sources on click."""
    page = render("timeline.html", title=title, data=timeline_page_data(graph, timeline, style),
                  library="vis-timeline-graph2d.min.js", app="timeline.js", style="timeline.css")
    target.write_text(page, encoding="utf-8")
