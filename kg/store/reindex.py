"""The resolution index of a graph, read back from the graph itself.

An on-disk store keeps its ResolutionIndex beside the graph (``index.sqlite``); a remote
endpoint has only the graph, which many clients may write. So a writer derives the index
from what the graph holds: per article graph, the entities it names (``schema:mentions``) with
their class and canonical name (from the entities graph), other names and posts, and the events with their class, date, place and participants. Each
article becomes the Extraction its stored statements describe, and ``ResolutionIndex.record``
learns it exactly as it learnt the article when it was built; every client therefore
resolves new articles against the same names and events.

What the graph cannot tell apart is learnt as well: an entity named only by a post (a
description the builder does not index by name) is indexed under its canonical name.

>>> from kg.store import KnowledgeGraph
>>> from kg.model import Article, Entity, Extraction
>>> graph = KnowledgeGraph.open(None)
>>> graph.add_extraction(Extraction(Article.from_text("Envoys met."), entities=[
...     Entity("e1", "Lena Brandt", "Person", key="entity/person/lena-brandt")]))
>>> index = ResolutionIndex(None)
>>> learn_stored_articles(index, graph)
>>> index.find_entity("LENA BRANDT", "Person")
'entity/person/lena-brandt'
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from kg.model import Article, Entity, Event, Extraction, RoleFact, date_from_iso
from kg.rdf.iris import article_id_of
from kg.rdf.vocab import EKG
from kg.resolve.index import ResolutionIndex

if TYPE_CHECKING:
    from kg.store.graph import KnowledgeGraph

Slot = tuple[str, "str | None"]  # (article IRI, key of a thing it reports)

ARTICLES = """SELECT ?article ?day WHERE { GRAPH ?article { ?article a ekg:Article .
    OPTIONAL { ?article dcterms:date ?day } } }"""
ENTITIES = """SELECT ?article ?thing ?class ?label WHERE {
    GRAPH ?article { ?article schema:mentions ?thing } ?thing a ?class ; rdfs:label ?label .
    ?class rdfs:subClassOf* ekg:Entity }"""
ALIASES = """SELECT ?article ?thing ?alias WHERE {
    GRAPH ?article { ?article schema:mentions ?thing . ?thing skos:altLabel ?alias } }"""
ROLES = """SELECT ?article ?thing ?title ?of ?former WHERE {
    GRAPH ?article { ?thing ekg:hasRole ?role . ?role rdfs:label ?title
        OPTIONAL { ?role ekg:roleIn ?of } OPTIONAL { ?role ekg:former ?former } } }"""
EVENTS = """SELECT ?article ?thing ?class ?day ?place WHERE {
    GRAPH ?article { ?thing a ?class ; prov:wasDerivedFrom ?article
        OPTIONAL { ?thing ekg:date|ekg:period ?day }
        OPTIONAL { ?thing ekg:earliestDate ?first ; ekg:latestDate ?last
                   BIND(CONCAT(STR(?first), "/", STR(?last)) AS ?day) }
        OPTIONAL { ?thing sem:hasPlace ?place } }
    ?class rdfs:subClassOf* ekg:Event }"""
ACTORS = """SELECT ?article ?thing ?actor WHERE {
    GRAPH ?article { ?thing a ?class ; sem:hasActor ?actor }
    ?class rdfs:subClassOf* ekg:Event }"""


def local_name(iri: str) -> str:
    """An ekg: class name from its IRI.

    >>> local_name("https://w3id.org/event-kg/ontology#Summit")
    'Summit'
    """
    return iri.removeprefix(EKG.iri)


class StoredArticles:
    """The articles of a graph as Extractions, filled in from the graph's statements."""

    def __init__(self, graph: "KnowledgeGraph") -> None:
        self.graph = graph
        self.base = graph.base_iri
        self.extractions: dict[str, Extraction] = {}

    def key(self, iri: str) -> str | None:
        """The key of one of the graph's resources, None for IRIs from elsewhere."""
        return iri[len(self.base):] if iri.startswith(self.base) else None

    def rows(self, sparql: str) -> list[tuple[Slot, dict[str, str]]]:
        """((article IRI, key of ``?thing``), the row) for each answer about a stored article."""
        return [((row["article"], self.key(row["thing"])), row)
                for row in self.graph.select(sparql) if row["article"] in self.extractions]

    def read(self) -> list[Extraction]:
        """Every article graph's entities, roles and events."""
        for row in self.graph.select(ARTICLES):
            article_id = article_id_of(row["article"], self.base)
            if article_id:
                day = date.fromisoformat(row["day"]) if "day" in row else None
                self.extractions[row["article"]] = Extraction(
                    Article(id=article_id, text="", published=day))
        entities = self.read_entities()
        self.read_events(entities)
        return list(self.extractions.values())

    def read_entities(self) -> dict[Slot, Entity]:
        """The entities of each article, with their other names and posts."""
        entities: dict[Slot, Entity] = {}
        for (article, key), row in self.rows(ENTITIES):
            if key and (article, key) not in entities:
                entity = entities[article, key] = Entity(key, row["label"],
                                                         local_name(row["class"]), key=key)
                self.extractions[article].entities.append(entity)
        for slot, row in self.rows(ALIASES):
            if slot in entities:
                entities[slot].aliases.add(row["alias"])
        for slot, row in self.rows(ROLES):
            if slot in entities:
                entities[slot].roles.append(RoleFact(
                    row["title"], self.key(row["of"]) if "of" in row else None,
                    row.get("former") == "true"))
        return entities

    def read_events(self, entities: dict[Slot, Entity]) -> None:
        """The events of each article, with their participants among its entities."""
        events: dict[Slot, Event] = {}
        for (article, key), row in self.rows(EVENTS):
            if key and (article, key) not in events:
                place = self.key(row["place"]) if "place" in row else None
                event = events[article, key] = Event(
                    key, local_name(row["class"]), trigger="", key=key,
                    date=date_from_iso(row["day"]) if "day" in row else None,
                    place=place if (article, place) in entities else None)
                self.extractions[article].events.append(event)
        actors: dict[Slot, set[str]] = defaultdict(set)
        for (article, key), row in self.rows(ACTORS):
            actor = self.key(row["actor"])
            if (article, key) in events and actor and (article, actor) in entities:
                actors[article, key].add(actor)
        for slot, event in events.items():
            event.actors = sorted(actors[slot])


def learn_stored_articles(index: ResolutionIndex, graph: "KnowledgeGraph") -> None:
    """Teach ``index`` every article stored in ``graph`` (see the module docstring)."""
    for extraction in StoredArticles(graph).read():
        index.record(extraction)
