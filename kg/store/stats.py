"""What a graph holds, counted: articles, entities and events by class, quotes, triples, and
how many events more than one article reports.

Counts are of distinct things: the union of the article graphs repeats a statement once per
article that makes it, and the ontology graph is left out.

>>> from kg.store import KnowledgeGraph
>>> stats = graph_stats(KnowledgeGraph.open(None))
>>> stats.articles, stats.triples, stats.lines()[0]
(0, 0, 'articles   0')
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kg.rdf.vocab import EKG, ONTOLOGY_GRAPH

if TYPE_CHECKING:
    from kg.store.graph import KnowledgeGraph

ARTICLES = "SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?article a ekg:Article }"
QUOTES = "SELECT (COUNT(DISTINCT ?quote) AS ?n) WHERE { ?quote a ekg:Quote }"
BY_CLASS = """SELECT ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE {{
    ?thing a ?class . ?class rdfs:subClassOf* {top} }} GROUP BY ?class"""
DISTINCT_OF = """SELECT (COUNT(DISTINCT ?thing) AS ?n) WHERE {{
    ?thing a ?class . ?class rdfs:subClassOf* {top} }}"""
TRIPLES = f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
    GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {ONTOLOGY_GRAPH}) }} }}"""
QUADS = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
    FILTER(?g != {ONTOLOGY_GRAPH}) }}"""
MULTI_SOURCE = """SELECT (COUNT(*) AS ?n) WHERE { SELECT ?event WHERE {
    ?event a ?class ; prov:wasDerivedFrom ?article . ?class rdfs:subClassOf* ekg:Event }
    GROUP BY ?event HAVING (COUNT(DISTINCT ?article) > 1) }"""


@dataclass(frozen=True)
class GraphStats:
    """The counts of one graph."""

    articles: int
    entities: int
    entities_by_class: dict[str, int]
    events: int
    events_by_class: dict[str, int]
    events_with_several_sources: int
    quotes: int
    triples: int  # distinct triples of the merged graph
    quads: int  # statements in the article graphs (one per article that makes it)

    def lines(self) -> list[str]:
        """The counts as aligned lines for a reader.

        >>> GraphStats(2, 3, {"Person": 2, "City": 1}, 1, {"Summit": 1}, 1, 4, 50, 70).lines()[1:3]
        ['entities   3 (Person 2, City 1)', 'events     1 (Summit 1); 1 with more than one source']
        """
        return [f"articles   {self.articles:,}",
                f"entities   {self.entities:,}{by_class(self.entities_by_class)}",
                f"events     {self.events:,}{by_class(self.events_by_class)}; "
                f"{self.events_with_several_sources:,} with more than one source",
                f"quotes     {self.quotes:,}",
                f"triples    {self.triples:,} in the merged graph "
                f"({self.quads:,} statements in the article graphs)"]

    def as_json(self) -> dict[str, Any]:
        """The counts as a JSON object."""
        return asdict(self)


def by_class(counts: dict[str, int]) -> str:
    """`` (Person 2, City 1)``: most frequent first, then by name; empty when there are none."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return f" ({', '.join(f'{name} {count:,}' for name, count in ranked)})" if ranked else ""


def count(graph: "KnowledgeGraph", sparql: str) -> int:
    """The single number a counting query answers."""
    rows = graph.select(sparql)
    return int(rows[0]["n"]) if rows else 0  # type: ignore[index]


def counts_by_class(graph: "KnowledgeGraph", top: str) -> dict[str, int]:
    """Distinct things per ekg: class under ``top`` (e.g. ``ekg:Event``)."""
    rows = graph.select(BY_CLASS.format(top=top))
    return {row["class"].removeprefix(EKG.iri): int(row["n"])
            for row in rows if row["class"].startswith(EKG.iri)}  # type: ignore[union-attr]


def graph_stats(graph: "KnowledgeGraph") -> GraphStats:
    """Count what a graph holds (see the module docstring)."""
    return GraphStats(
        articles=count(graph, ARTICLES),
        entities=count(graph, DISTINCT_OF.format(top="ekg:Entity")),
        entities_by_class=counts_by_class(graph, "ekg:Entity"),
        events=count(graph, DISTINCT_OF.format(top="ekg:Event")),
        events_by_class=counts_by_class(graph, "ekg:Event"),
        events_with_several_sources=count(graph, MULTI_SOURCE),
        quotes=count(graph, QUOTES),
        triples=count(graph, TRIPLES),
        quads=count(graph, QUADS))
