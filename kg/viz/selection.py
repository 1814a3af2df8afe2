"""Cutting a projection down to what a picture should show: one entity's neighbourhood, or the
most connected nodes of a large graph."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process


class SelectionError(Exception):
    """A focus that matches nothing; the message is one line for the user."""


def names_of(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """Every name a node answers to: IRI, label, aliases and Wikidata id."""
    data = graph.nodes[node]
    return [node, data["label"], *data["aliases"], data["wikidata"]]


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node named ``name`` (IRI, label, alias or Wikidata id, any case).

    Among several matches the one with the most sources wins. Raises SelectionError with the
    closest names when nothing matches.
    """
    wanted = name.strip().casefold()
    matches = [node for node in graph if wanted in (n.casefold() for n in names_of(graph, node) if n)]
    if matches:
        return max(matches, key=lambda node: (len(graph.nodes[node]["sources"]), graph.degree(node)))
    labels = sorted({graph.nodes[node]["label"] for node in graph})
    close = [label for label, _, _ in process.extract(name, labels, scorer=fuzz.WRatio, limit=3)]
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise SelectionError(f"no node is named {name!r}{hint}")


def neighbourhood(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of the node named ``name`` (edges in either direction).

    >>> graph = nx.MultiDiGraph()
    >>> for node in "abc":
    ...     graph.add_node(node, label=node.upper(), aliases=[], wikidata="", sources=[])
    >>> graph.add_edge("a", "b", key="agent"); graph.add_edge("b", "c", key="place")
    'agent'
    'place'
    >>> sorted(neighbourhood(graph, "A", depth=1))
    ['a', 'b']
    """
    centre = find_node(graph, name)
    kept = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre,
                                                 cutoff=depth)
    return graph.subgraph(kept).copy()


@dataclass(frozen=True)
class Cut:
    """A graph cut down to its most connected nodes, and the labels of what was left out."""

    graph: nx.MultiDiGraph
    left_out: list[str]

    def summary(self, shown: int = 10) -> str:
        """One line saying what was left out, the most connected first.

        >>> Cut(nx.MultiDiGraph(), ["a", "b", "c"]).summary(shown=2)
        'left out 3 nodes: a, b and 1 more'
        """
        if not self.left_out:
            return ""
        more = len(self.left_out) - shown
        listed = ", ".join(self.left_out[:shown]) + (f" and {more} more" if more > 0 else "")
        return f"left out {len(self.left_out)} nodes: {listed}"


def most_connected(graph: nx.MultiDiGraph, max_nodes: int) -> Cut:
    """Keep the ``max_nodes`` nodes with the most edges (ties: more sources, then label)."""
    ranked = sorted(graph, key=lambda node: (-graph.degree(node),
                                             -len(graph.nodes[node]["sources"]),
                                             graph.nodes[node]["label"], node))
    kept, dropped = ranked[:max_nodes], ranked[max_nodes:]
    return Cut(graph.subgraph(kept).copy(), [graph.nodes[node]["label"] for node in dropped])
