"""What a built graph says about each article, read back with SPARQL.

Every article's statements are in its own named graph (VOCABULARY.md, "Provenance"), so what
one article yielded is read from that graph alone: its entities (class, label, other names,
Wikidata links), events (class, actors, place, date), quotes, roles and sanctions. Names of things the
article graph points at but does not name are looked up in the merged graph.

>>> from kg.store import KnowledgeGraph
>>> read_articles(KnowledgeGraph.open(None))
[]
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.eval.gold import Role
from kg.rdf.vocab import EKG, RDFS, SEM, SKOS, WD

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

ARTICLES = """SELECT ?article ?source ?sha256 ?date WHERE { GRAPH ?article {
    ?article a ekg:Article
    OPTIONAL { ?article dcterms:source ?source } OPTIONAL { ?article ekg:sha256 ?sha256 }
    OPTIONAL { ?article dcterms:date ?date } } }"""
# Events, quotes ... are described in their article's graph; an entity's class, canonical
# name and link are stated once (in the entities graph) for every article that names it.
TYPED = """SELECT ?article ?thing ?class ?root WHERE {
    GRAPH ?article { ?thing a ?class } ?class rdfs:subClassOf* ?root }"""
TYPED_ENTITIES = """SELECT ?article ?thing ?class WHERE {
    GRAPH ?article { ?article schema:mentions ?thing } ?thing a ?class .
    ?class rdfs:subClassOf* ekg:Entity }"""
NAMES = """SELECT ?article ?thing ?property ?name WHERE {
    { VALUES ?property { rdfs:label skos:altLabel } GRAPH ?article { ?thing ?property ?name } }
    UNION { GRAPH ?article { ?article schema:mentions ?thing } ?thing rdfs:label ?name
            BIND(rdfs:label AS ?property) } }"""
LINKS = """SELECT ?article ?thing ?same WHERE {
    GRAPH ?article { ?article schema:mentions ?thing } ?thing owl:sameAs ?same
    FILTER(STRSTARTS(STR(?same), STR(wd:))) }"""
EVENT_VALUES = """SELECT ?article ?event ?property ?value WHERE {
    VALUES ?property {
        sem:hasActor ekg:agent ekg:target sem:hasPlace ekg:date ekg:period ekg:earliestDate
        ekg:latestDate ekg:trigger }
    GRAPH ?article { ?event ?property ?value } }"""
QUOTES = """SELECT ?article ?quote ?text ?speaker WHERE { GRAPH ?article {
    ?quote a ekg:Quote OPTIONAL { ?quote ekg:text ?text } OPTIONAL { ?quote ekg:speaker ?speaker }
    } }"""
ROLES = """SELECT ?article ?person ?title ?of ?former WHERE {
    GRAPH ?article { ?person ekg:hasRole ?role }
    OPTIONAL { ?role rdfs:label ?title } OPTIONAL { ?role ekg:roleIn ?of }
    OPTIONAL { ?role ekg:former ?former } }"""
SANCTION_VALUES = """SELECT ?article ?sanction ?property ?value WHERE {
    GRAPH ?article { ?sanction a ekg:Sanction
    OPTIONAL { VALUES ?property { ekg:imposedBy ekg:sanctionTarget ekg:sector ekg:since }
               ?sanction ?property ?value } } }"""
MERGED_NAMES = """SELECT ?thing ?name WHERE {
    VALUES ?thing { %s } ?thing rdfs:label|skos:altLabel ?name }"""

LINE = re.compile(r"(.*):(\d+)")


@dataclass(frozen=True)
class GraphEntity:
    """An entity as one article's graph has it."""

    iri: str
    label: str
    classes: frozenset[str]  # ekg: local names
    wikidata: frozenset[str] = frozenset()  # "Q423"


@dataclass(frozen=True)
class GraphEvent:
    """An event as one article's graph has it; actors and places are IRIs."""

    iri: str
    classes: frozenset[str]
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()  # ISO literals
    trigger: str = ""


@dataclass(frozen=True)
class GraphQuote:
    """A quote: its words and the IRIs of its speakers."""

    iri: str
    text: str
    speakers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GraphSanction:
    """A sanctions measure: the IRIs of its imposers and targets, its sector literals and the
    ISO date it holds since."""

    iri: str
    imposers: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    since: str | None = None


@dataclass
class GraphArticle:
    """Everything the graph holds from one article."""

    iri: str
    source: str = ""
    sha256: str = ""
    published: str | None = None
    entities: list[GraphEntity] = field(default_factory=list)
    events: list[GraphEvent] = field(default_factory=list)
    quotes: list[GraphQuote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    sanctions: list[GraphSanction] = field(default_factory=list)
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # IRI -> label + altLabels

    def names_of(self, iri: str) -> frozenset[str]:
        """Every name the graph gives a thing."""
        return self.names.get(iri, frozenset())

    def label_of(self, iri: str) -> str:
        """A thing's canonical name, for reports (its IRI when it has none)."""
        return next((entity.label for entity in self.entities if entity.iri == iri),
                    min(self.names_of(iri), default=iri))


def local_name(iri: str) -> str | None:
    """The local name of an ekg: term, else None.

    >>> local_name("https://w3id.org/event-kg/ontology#Summit"), local_name("http://x/y")
    ('Summit', None)
    """
    return iri[len(EKG.iri):] if iri.startswith(EKG.iri) else None


def typed_things(graph: KnowledgeGraph, root: str) -> dict[tuple[str, str], set[str]]:
    """(article, thing) -> the ekg: classes under ``root`` it has for that article: events
    typed in the article's graph, entities the article names."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = graph.select(TYPED_ENTITIES) if root == "Entity" else \
        graph.select(TYPED, {"root": EKG.term(root)})
    for row in rows:
        cls = local_name(row["class"])
        if cls:
            found[row["article"], row["thing"]].add(cls)
    return found


def read_articles(graph: KnowledgeGraph) -> list[GraphArticle]:
    """Every article of the graph with what its named graph holds, in IRI order."""
    articles = {row["article"]: GraphArticle(row["article"], row.get("source", ""),
                                             row.get("sha256", ""), row.get("date"))
                for row in graph.select(ARTICLES)}
    names: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in graph.select(NAMES):
        names[row["article"], row["thing"]][row["property"]].add(row["name"])
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in graph.select(LINKS):
        links[row["article"], row["thing"]].add(row["same"][len(WD.iri):])
    for (article, thing), classes in sorted(typed_things(graph, "Entity").items()):
        if article in articles:
            labels = names[article, thing]
            label = min(labels[RDFS.label.value], default=thing)
            articles[article].entities.append(
                GraphEntity(thing, label, frozenset(classes), frozenset(links[article, thing])))
    for (article, thing), own in names.items():
        if article in articles:
            articles[article].names[thing] = frozenset(own[RDFS.label.value]
                                                       | own[SKOS.altLabel.value])
    read_events(graph, articles)
    for row in graph.select(QUOTES):
        if row["article"] in articles:
            speakers = frozenset([row["speaker"]] if "speaker" in row else [])
            articles[row["article"]].quotes.append(
                GraphQuote(row["quote"], row.get("text", ""), speakers))
    for article in articles.values():
        article.quotes = merge_speakers(article.quotes)
    for row in graph.select(ROLES):
        if row["article"] in articles:
            role = Role(row["person"], row.get("title", ""), row.get("of"),
                             row.get("former") in ("true", "1"))
            if role not in articles[row["article"]].roles:
                articles[row["article"]].roles.append(role)
    read_sanctions(graph, articles)
    name_unnamed(graph, articles.values())
    return [articles[iri] for iri in sorted(articles)]


def read_events(graph: KnowledgeGraph, articles: dict[str, GraphArticle]) -> None:
    """Add every event of each article graph, with its actors, places, dates and trigger."""
    values: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in graph.select(EVENT_VALUES):
        values[row["article"], row["event"]][row["property"]].add(row["value"])
    for (article, event), classes in sorted(typed_things(graph, "Event").items()):
        if article not in articles:
            continue
        own = values[article, event]
        actors = own[SEM.hasActor.value] | own[EKG.agent.value] | own[EKG.target.value]
        articles[article].events.append(GraphEvent(
            event, frozenset(classes), frozenset(actors), frozenset(own[SEM.hasPlace.value]),
            event_dates(own), min(own[EKG.trigger.value], default="")))


def read_sanctions(graph: KnowledgeGraph, articles: dict[str, GraphArticle]) -> None:
    """Add every sanctions measure of each article graph."""
    values: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in graph.select(SANCTION_VALUES):
        own = values[row["article"], row["sanction"]]
        if "property" in row:
            own[row["property"]].add(row["value"])
    for (article, sanction), own in sorted(values.items()):
        if article in articles:
            articles[article].sanctions.append(GraphSanction(
                sanction, frozenset(own[EKG.imposedBy.value]),
                frozenset(own[EKG.sanctionTarget.value]), frozenset(own[EKG.sector.value]),
                min(own[EKG.since.value], default=None)))


def event_dates(own: dict[str, set[str]]) -> frozenset[str]:
    """An event's dates as ISO literals: its days and periods, and its range of days
    ("2024-08-05/2024-08-13") where it has ekg:earliestDate and ekg:latestDate.

    >>> sorted(event_dates({EKG.earliestDate.value: {"2024-08-05"},
    ...                     EKG.latestDate.value: {"2024-08-13"}}))
    ['2024-08-05/2024-08-13']
    """
    ranges = {f"{first}/{last}" for first in own.get(EKG.earliestDate.value, ())
              for last in own.get(EKG.latestDate.value, ())}
    return frozenset(own.get(EKG.date.value, set()) | own.get(EKG.period.value, set()) | ranges)


def merge_speakers(quotes: list[GraphQuote]) -> list[GraphQuote]:
    """One GraphQuote per quotation of the article: the same words are one quote, whoever
    the graph gives as their speakers (joint speakers are one quote node each).

    >>> merged = merge_speakers([GraphQuote("q1", "We agree.", frozenset({"a"})),
    ...                          GraphQuote("q2", "We  agree.", frozenset({"b"}))])
    >>> [(quote.iri, sorted(quote.speakers)) for quote in merged]
    [('q1', ['a', 'b'])]
    """
    merged: dict[str, GraphQuote] = {}
    for quote in quotes:
        words = " ".join(quote.text.split())
        known = merged.get(words)
        merged[words] = quote if known is None else \
            GraphQuote(known.iri, known.text, known.speakers | quote.speakers)
    return list(merged.values())


def name_unnamed(graph: KnowledgeGraph, articles: Iterable[GraphArticle]) -> None:
    """Give the things an article graph points at but does not name their merged-graph names."""
    articles = list(articles)
    wanted: set[str] = set()
    for article in articles:
        pointed = {iri for event in article.events for iri in event.actors | event.places}
        pointed |= {iri for quote in article.quotes for iri in quote.speakers}
        pointed |= {iri for role in article.roles for iri in (role.person, role.of) if iri}
        wanted |= {iri for iri in pointed if not article.names_of(iri)}
    if not wanted:
        return
    merged: dict[str, set[str]] = defaultdict(set)
    for row in graph.select(MERGED_NAMES % " ".join(f"<{iri}>" for iri in sorted(wanted))):
        merged[row["thing"]].add(row["name"])
    for article in articles:
        for iri, found in merged.items():
            article.names.setdefault(iri, frozenset(found))


def split_line(reference: str) -> tuple[str, str | None]:
    """A path and the line number after it, if any.

    >>> split_line("examples/articles/06_briefs.jsonl:3"), split_line("a.txt")
    (('examples/articles/06_briefs.jsonl', '3'), ('a.txt', None))
    """
    match = LINE.fullmatch(reference)
    return (match.group(1), match.group(2)) if match else (reference, None)


def names_source(reference: str, source: str, cwd: Path) -> bool:
    """Whether an article read from ``source`` is the one a gold file names.

    The gold's path must be the tail of the source's absolute path (from ``cwd``), line
    numbers of .jsonl files included.

    >>> names_source("examples/articles/a.txt", "/work/x/examples/articles/a.txt", Path("/"))
    True
    >>> names_source("b.jsonl:2", "b.jsonl:3", Path("/w"))
    False
    >>> names_source("a.txt", "aa.txt", Path("/w"))
    False
    """
    wanted_path, wanted_line = split_line(reference)
    source_path, source_line = split_line(source)
    if wanted_line != source_line or not source_path:
        return False
    wanted = [part for part in Path(os.path.normpath(wanted_path)).parts if part != ".."]
    parts = Path(os.path.abspath(cwd / source_path)).parts
    return bool(wanted) and list(parts[-len(wanted):]) == wanted
