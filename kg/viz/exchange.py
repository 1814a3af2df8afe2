"""GraphML and GEXF files of a projection, for Gephi, Cytoscape and yEd.

Both formats take scalar attributes only, so lists are flattened: aliases, roles and sectors
become one "; "-separated string, ``sources`` the number of articles (their IRIs are in
``articles``), and the sentences a node was read from are left to the HTML page.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.viz.style import Style, load_style

SEPARATOR = "; "
SCALAR_FIELDS = ("family", "cls", "label", "wikidata", "date", "cameo", "factuality", "text",
                 "since")
LIST_FIELDS = ("aliases", "roles", "sectors")


def flat_attributes(data: dict) -> dict[str, str | int]:
    """A node's attributes as scalars: lists joined, sources counted.

    >>> flat_attributes({"family": "Entity", "cls": "Person", "label": "Kim", "wikidata": "Q1",
    ...     "date": "", "cameo": "", "factuality": "", "text": "", "since": "",
    ...     "aliases": ["KJU", "Kim Jong Un"], "roles": [], "sectors": [],
    ...     "sources": ["a1", "a2"]})["aliases"]
    'KJU; Kim Jong Un'
    """
    flat: dict[str, str | int] = {name: data[name] for name in SCALAR_FIELDS}
    flat.update({name: SEPARATOR.join(data[name]) for name in LIST_FIELDS})
    flat["sources"] = len(data["sources"])
    flat["articles"] = SEPARATOR.join(data["sources"])
    return flat


def exchange_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the projection with scalar node and edge attributes only."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **flat_attributes(data))
    for source, target, role, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=role, role=role, predicate=data.get("predicate", ""))
    return flat


def hex_colour(colour: str) -> dict[str, int]:
    """A "#rrggbb" colour as GEXF's viz colour.

    >>> hex_colour("#1f77b4")
    {'r': 31, 'g': 119, 'b': 180, 'a': 1.0}
    """
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
            "a": 1.0}


def write_graphml(graph: nx.MultiDiGraph, target: Path) -> None:
    """Write GraphML (node attributes as typed keys; edges carry their role)."""
    nx.write_graphml(exchange_graph(graph), target, encoding="utf-8")


def write_gexf(graph: nx.MultiDiGraph, target: Path, style: Style | None = None) -> None:
    """Write GEXF 1.2, with each node's class colour and a size by number of sources."""
    style = style or load_style()
    flat = exchange_graph(graph)
    for node, data in flat.nodes(data=True):
        data["viz"] = {"color": hex_colour(style.colour(data["cls"], data["family"])),
                       "size": 5.0 + 3.0 * int(data["sources"])}
    nx.write_gexf(flat, target, encoding="utf-8")
