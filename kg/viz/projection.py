"""The networkx projection of the knowledge graph that every picture is drawn from.

Nodes are the entities, events, sanctions and quotes of the graph; edges are their roles
(agent, target, place, topic, speaker ...). Everything is read with SPARQL, so the projection
works on any store or RDF file that follows the vocabulary.

Node attributes: ``family`` (Event, Entity, Sanction, Quote), ``cls`` (most specific ekg: class),
``label``, ``aliases`` (list), ``wikidata`` (Q id or ""), ``sources`` (article IRIs),
``date`` (ISO or ""), ``cameo``, ``factuality``, ``text`` (quotes), ``roles`` (posts held),
``sentences`` (list of {"article", "text"}). Edge attributes: ``role``, ``predicate``.
The graph attribute ``articles`` maps article IRIs to their title, publisher and date.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import networkx as nx

from kg.paths import ontology_dir
from kg.viz.sources import Row, SparqlSource, load_rdf_file, named_query, select
from kg.viz.style import Style, load_style

EKG = "https://w3id.org/event-kg/ontology#"
WIKIDATA = "http://www.wikidata.org/entity/"
LIST_FIELDS = ("aliases", "sectors")


def local_name(iri: str) -> str:
    """The part of an IRI after its last '#' or '/'.

    >>> local_name("https://w3id.org/event-kg/ontology#Summit")
    'Summit'
    """
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@cache
def ontology_parents() -> dict[str, frozenset[str]]:
    """The subclass hierarchy of ontology/kg.ttl: class IRI -> its direct parents."""
    return parents_of(select(load_rdf_file(ontology_dir() / "kg.ttl"), named_query("subclasses")))


def parents_of(rows: Iterable[Row]) -> dict[str, frozenset[str]]:
    """Class IRI -> direct parent IRIs, from rows of the subclasses query."""
    parents: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        parents[row["class"]].add(row["parent"])
    return {cls: frozenset(found) for cls, found in parents.items()}


def ancestors(cls: str, parents: dict[str, frozenset[str]]) -> set[str]:
    """Every class above ``cls`` (not itself), following rdfs:subClassOf.

    >>> sorted(ancestors("c", {"c": frozenset({"b"}), "b": frozenset({"a"})}))
    ['a', 'b']
    """
    seen: set[str] = set()
    todo = list(parents.get(cls, ()))
    while todo:
        parent = todo.pop()
        if parent not in seen:
            seen.add(parent)
            todo.extend(parents.get(parent, ()))
    return seen


def classify(types: Iterable[str], parents: dict[str, frozenset[str]],
             style: Style) -> tuple[str, str] | None:
    """(family, class local name) of a resource from its ekg: types; None if it is not drawn.

    The most specific type wins: the one with the most ancestors.
    """
    families = {EKG + family.name: family.name for family in style.families}
    best: tuple[int, str, str] | None = None
    for cls in sorted(types):
        lineage = ancestors(cls, parents) | {cls}
        family = next((families[f] for f in families if f in lineage), None)
        if family and (best is None or len(lineage) > best[0]):
            best = (len(lineage), family, local_name(cls))
    return best[1:] if best else None


def project(source: SparqlSource, style: Style | None = None) -> nx.MultiDiGraph:
    """The projection of a whole graph: nodes with their descriptions, edges with roles.

    >>> from kg.viz.sources import load_rdf_text
    >>> store = load_rdf_text('''
    ...   @prefix ekg: <https://w3id.org/event-kg/ontology#> .
    ...   @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ...   <http://x/talks> a ekg:Negotiation ; ekg:agent <http://x/ann> .
    ...   <http://x/ann> a ekg:Person ; rdfs:label "Ann" .''', "ttl")
    >>> graph = project(store)
    >>> graph.nodes["http://x/ann"]["cls"], list(graph.edges(keys=True))
    ('Person', [('http://x/talks', 'http://x/ann', 'agent')])
    """
    style = style or load_style()
    parents = {**ontology_parents()}
    for cls, found in parents_of(select(source, named_query("subclasses"))).items():
        parents[cls] = parents.get(cls, frozenset()) | found
    graph = nx.MultiDiGraph(articles=article_index(select(source, named_query("articles"))))
    add_nodes(graph, select(source, named_query("typed_things")), parents, style)
    describe(graph, select(source, named_query("descriptions")))
    add_roles(graph, select(source, named_query("roles")))
    add_sources(graph, select(source, named_query("sources")))
    add_sentences(graph, select(source, named_query("sentences")))
    add_edges(graph, select(source, named_query("links")), style)
    name_things(graph, style)
    return graph


def article_index(rows: Iterable[Row]) -> dict[str, dict[str, str]]:
    """Article IRI -> title, publisher, date (empty strings where unknown) and a name to show."""
    index = {}
    for row in rows:
        about = {field: row.get(field, "") for field in ("title", "publisher", "date")}
        index[row["article"]] = {**about, "name": article_name(row["article"], about)}
    return index


def article_name(article: str, about: dict[str, str]) -> str:
    """How pictures cite an article: title, publisher and date; an untitled one by its id.

    >>> article_name("http://x/article/0123456789abcdef", {"publisher": "AFP", "date": ""})
    'untitled article 0123456789ab · AFP'
    """
    title = about.get("title") or f"untitled article {local_name(article)[:12]}"
    return " · ".join(filter(None, (title, about.get("publisher"), about.get("date"))))


def add_nodes(graph: nx.MultiDiGraph, rows: Iterable[Row],
              parents: dict[str, frozenset[str]], style: Style) -> None:
    """One node per resource whose ekg: types put it in a drawn family."""
    types: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        types[row["node"]].add(row["type"])
    for node, found in sorted(types.items()):
        kind = classify(found, parents, style)
        if kind:
            graph.add_node(node, family=kind[0], cls=kind[1], label="", aliases=[], wikidata="",
                           sources=[], date="", cameo="", factuality="", text="", trigger="",
                           sectors=[], since="", roles=[], sentences=[])


def most_exact(first: str, second: str) -> str:
    """Of two ISO dates of one event (from two articles), the one that says most: a day, then
    a range of days, a month, a year; the earlier of two alike.

    >>> most_exact("2019-02", "2019-02-18/2019-03-01"), most_exact("", "2019")
    ('2019-02-18/2019-03-01', '2019')
    """
    def exactness(text: str) -> tuple[int, str]:
        return (0 if len(text) == 10 else 1 if "/" in text else 2 if len(text) == 7 else 3, text)
    return min(filter(None, (first, second)), key=exactness, default="")


def describe(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """Fill in labels, aliases, Wikidata ids and the event and quote details."""
    for row in rows:
        node = graph.nodes.get(row["node"])
        if node is None:
            continue
        field, value = row["field"], row["value"]
        if field in LIST_FIELDS:
            node[field] = sorted({*node[field], value})
        elif field == "wikidata":
            node[field] = value[len(WIKIDATA):] if value.startswith(WIKIDATA) else node[field]
        elif field == "factuality":
            node[field] = local_name(value)
        elif field == "date":
            node[field] = most_exact(node[field], value)
        elif field == "since":
            node[field] = min(filter(None, (node[field], value)))
        else:
            node[field] = node[field] or value
    for _, node in graph.nodes(data=True):
        node["aliases"] = [alias for alias in node["aliases"] if alias != node["label"]]


def add_roles(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """The posts people hold, as short phrases: "President (United States)"."""
    for row in rows:
        node = graph.nodes.get(row["node"])
        if node is None:
            continue
        place = row.get("of", "")
        of = graph.nodes[place]["label"] if place in graph else local_name(place) if place else ""
        former = "former " if row.get("former", "").lower() in ("true", "1") else ""
        node["roles"] = sorted({*node["roles"], f"{former}{row['title']}" + (f" ({of})" if of else "")})


def add_sources(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """The articles each node comes from (only resources that are articles of the graph)."""
    articles = graph.graph["articles"]
    for row in rows:
        node = graph.nodes.get(row["node"])
        if node is not None and (row["article"] in articles or not articles):
            node["sources"] = sorted({*node["sources"], row["article"]})


def add_sentences(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """The distinct sentences each node was read from, in article and text order."""
    ordered = sorted(rows, key=lambda row: (row["article"], int(row.get("begin", 0) or 0)))
    for row in ordered:
        node = graph.nodes.get(row["node"])
        sentence = {"article": row["article"], "text": " ".join(row["sentence"].split())}
        if node is not None and sentence not in node["sentences"]:
            node["sentences"].append(sentence)


def add_edges(graph: nx.MultiDiGraph, rows: Iterable[Row], style: Style) -> None:
    """Role edges between drawn nodes; a generic role only where no specific one joins the pair."""
    found = [(row["subject"], row["object"], style.roles[row["predicate"]], row["predicate"])
             for row in rows if row["subject"] in graph and row["object"] in graph
             and row["subject"] != row["object"]]
    specific = {(subject, obj) for subject, obj, role, _ in found if role not in style.generic_roles}
    for subject, obj, role, predicate in sorted(found):
        if role in style.generic_roles and (subject, obj) in specific:
            continue
        graph.add_edge(subject, obj, key=role, role=role, predicate=predicate)


def name_things(graph: nx.MultiDiGraph, style: Style) -> None:
    """Give unlabelled nodes a readable name: "Summit in Hanoi, 2019-02-28", a quote's words."""
    for node, data in graph.nodes(data=True):
        if data["label"]:
            continue
        if data["family"] == "Quote" and data["text"]:
            words = data["text"].split()
            data["label"] = "“" + " ".join(words[:8]) + (" …”" if len(words) > 8 else "”")
        elif data["family"] == "Entity":
            data["label"] = local_name(node)
        else:
            data["label"] = data["cls"] + where(graph, node, style) + (
                f", {data['date']}" if data["date"] else "")


def where(graph: nx.MultiDiGraph, node: str, style: Style) -> str:
    """Where a node points by its first naming role, as words: ' in Hanoi' (else '')."""
    reached = sorted((list(style.naming).index(role), graph.nodes[target]["label"], role)
                     for _, target, role in graph.out_edges(node, keys=True)
                     if role in style.naming and graph.nodes[target]["label"])
    return f" {style.naming[reached[0][2]]} {reached[0][1]}" if reached else ""
