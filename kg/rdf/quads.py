"""Extraction -> quads (docs/ARCHITECTURE.md).

Everything an article says goes in its named graph: its events, quotes, claims, sanctions,
and of each entity the names it uses, its posts and its mentions. Only an entity's canonical
description (class, canonical name, Wikidata link), which is the graph's knowledge rather
than any article's, goes once into the entities graph (kg.rdf.iris.entities_graph), so that
the merged graph holds it once however many articles name the entity.

One writer per kind of thing, each a generator of triples about it. Nothing here decides
identity: entities, events and sanctions carry the keys ``kg/resolve`` gave them, and quotes,
claims and roles get digests of their content (kg/rdf/iris.py), so two articles that report
one thing write one IRI.

>>> from kg.model import Article, Entity, Extraction
>>> article = Article.from_text("Envoys met.", title="Envoys meet")
>>> extraction = Extraction(article, entities=[
...     Entity("e1", "Envoys", "Organization", key="entity/organization/envoys")])
>>> quads = extraction_quads(extraction, "http://x/")
>>> sorted({quad.graph_name.value for quad in quads}) == [
...     "http://x/article/" + article.id, "http://x/graph/entities"]
True
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import (Claim, DateRange, Entity, Event, Extraction, Mention, PartialDate, Quote,
                      Relation, Sanction)
from kg.rdf.iris import (article_iri, claim_key, entities_graph, mention_iri, quote_key,
                         resource_iri, role_key)
from kg.rdf.vocab import (DCTERMS, DEFAULT_BASE, EKG, NIF, OWL, PROV, RDF, RDFS, SCHEMA, SEM,
                          SKOS, WD, XSD)

#: A statement as the (subject, predicate, object) of its terms: cheaper to make, compare and
#: turn into a Quad than a pyoxigraph Triple, whose terms are copied again on each access.
Statement = tuple[NamedNode, NamedNode, NamedNode | Literal]
Triples = Iterator[Statement]
TRUE = Literal("true", datatype=XSD.boolean)


@dataclass(frozen=True)
class Writer:
    """What every triple writer of one article needs: its IRI, its keys and its base."""

    extraction: Extraction
    base_iri: str
    article: NamedNode
    keys: dict[str, str]  # local id of an entity, sanction or event -> its key
    labels: Mapping[str, str]  # key -> the canonical name the graph already holds
    sentences: set[tuple[int, int]] = field(default_factory=set)  # the mentions' sentences

    @classmethod
    def of(cls, extraction: Extraction, base_iri: str,
           labels: Mapping[str, str] | None = None) -> "Writer":
        """The writer of one resolved extraction."""
        keys = {thing.local_id: thing.key for things in
                (extraction.entities, extraction.sanctions, extraction.events)
                for thing in things if thing.key}
        return cls(extraction, base_iri, article_iri(extraction.article.id, base_iri), keys,
                   labels or {})

    def label(self, local_id: str, own: str) -> str:
        """The name to write for a thing: the graph's canonical one, else its own."""
        return self.labels.get(self.keys[local_id], own)

    def iri(self, local_id: str) -> NamedNode:
        """The IRI of an entity, sanction or event of this article by its local id."""
        return resource_iri(self.base_iri, self.keys[local_id])

    def iris(self, local_ids: list[str]) -> Iterator[NamedNode]:
        """The IRIs of the resolved things among ``local_ids``, in order."""
        return (self.iri(local_id) for local_id in local_ids if local_id in self.keys)


def decimal(value: float) -> Literal:
    """A confidence as an xsd:decimal with two digits.

    >>> decimal(0.8567).value
    '0.86'
    """
    return Literal(f"{min(max(value, 0.0), 1.0):.2f}", datatype=XSD.decimal)


def day(value: date) -> Literal:
    """A calendar date as an xsd:date."""
    return Literal(value.isoformat(), datatype=XSD.date)


def partial_date(value: str) -> Literal:
    """An ISO date that may lack its day or month: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> partial_date("2016-03").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    kind = {10: XSD.date, 7: XSD.gYearMonth}.get(len(value), XSD.gYear)
    return Literal(value, datatype=kind)


def index_literal(offset: int) -> Literal:
    """A character offset, as NIF writes it."""
    return Literal(str(offset), datatype=XSD.nonNegativeInteger)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span's offsets without the white space at its ends.

    >>> trimmed("  Talks began.\\n\\n", 0, 16)
    (2, 14)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def mention_triples(writer: Writer, subject: NamedNode, mention: Mention) -> Triples:
    """``subject ekg:mention <article#char=b,e>`` and the phrase; its sentence is noted on the
    writer, whose ``sentence_triples`` describe each sentence once."""
    text = writer.extraction.article.text
    sentence = trimmed(text, mention.sentence_start, mention.sentence_end)
    writer.sentences.add(sentence)
    phrase = mention_iri(writer.article, mention.start, mention.end)
    yield (subject, EKG.mention, phrase)
    yield (phrase, RDF.type, NIF.Phrase)
    yield (phrase, NIF.referenceContext, writer.article)
    yield (phrase, NIF.beginIndex, index_literal(mention.start))
    yield (phrase, NIF.endIndex, index_literal(mention.end))
    yield (phrase, NIF.anchorOf, Literal(text[mention.start:mention.end]))
    yield (phrase, EKG.sentence, mention_iri(writer.article, *sentence))


def sentence_triples(writer: Writer) -> Triples:
    """Each sentence a mention stands in: its offsets and text (NIF)."""
    text = writer.extraction.article.text
    for start, end in sorted(writer.sentences):
        sentence = mention_iri(writer.article, start, end)
        yield (sentence, RDF.type, NIF.Sentence)
        yield (sentence, NIF.referenceContext, writer.article)
        yield (sentence, NIF.beginIndex, index_literal(start))
        yield (sentence, NIF.endIndex, index_literal(end))
        yield (sentence, NIF.anchorOf, Literal(text[start:end]))


def article_triples(writer: Writer) -> Triples:
    """The article: its class, metadata, hash and dateline place."""
    article, node = writer.extraction.article, writer.article
    yield (node, RDF.type, EKG.Article)
    yield (node, EKG.sha256, Literal(article.id))
    for predicate, value in ((DCTERMS.title, article.title),
                             (DCTERMS.publisher, article.publisher),
                             (DCTERMS.creator, article.byline),
                             (DCTERMS.source, article.source)):
        if value:
            yield (node, predicate, Literal(value))
    if article.published:
        yield (node, DCTERMS.date, day(article.published))
    if article.url:
        yield (node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI))
    if writer.extraction.dateline in writer.keys:
        yield (node, EKG.dateline, writer.iri(writer.extraction.dateline))


def canonical_triples(writer: Writer, entity: Entity) -> Triples:
    """An entity's canonical description: class, canonical name, Wikidata link."""
    node = writer.iri(entity.local_id)
    yield (node, RDF.type, EKG.term(entity.cls))
    yield (node, RDFS.label, Literal(writer.label(entity.local_id, entity.label)))
    if entity.wikidata:
        yield (node, OWL.sameAs, WD.term(entity.wikidata))


def entity_triples(writer: Writer, entity: Entity) -> Triples:
    """What the article says of an entity: that it names it (``schema:mentions``), the other
    names it uses, posts, mentions."""
    node = writer.iri(entity.local_id)
    label = writer.label(entity.local_id, entity.label)
    yield (writer.article, SCHEMA.mentions, node)
    for alias in sorted((entity.aliases | {entity.label}) - {label}):
        yield (node, SKOS.altLabel, Literal(alias))
    if entity.confidence < 1.0:
        yield (node, EKG.confidence, decimal(entity.confidence))
    if entity.affiliation in writer.keys:
        yield (node, EKG.affiliatedWith, writer.iri(entity.affiliation))
    for role in entity.roles:
        of_key = role.of if role.of and role.of.startswith("entity/") else None
        role_node = resource_iri(writer.base_iri,
                                 role_key(writer.keys[entity.local_id], role.title, of_key,
                                          role.former))
        yield (node, EKG.hasRole, role_node)
        yield (role_node, RDF.type, EKG.Role)
        yield (role_node, RDFS.label, Literal(role.title))
        if of_key:
            yield (role_node, EKG.roleIn, resource_iri(writer.base_iri, of_key))
        if role.former:
            yield (role_node, EKG.former, TRUE)
    for mention in entity.mentions:
        yield from mention_triples(writer, node, mention)


def factuality(event: Event) -> NamedNode:
    """Whether the article reports the event as fact, as someone's claim, or as not realised."""
    if event.negated:
        return EKG.NotRealised
    return EKG.Claimed if event.asserted_by else EKG.Asserted


def class_words(cls: str) -> str:
    """An event class name as words.

    >>> class_words("SanctionImposed")
    'Sanction imposed'
    """
    words = re.findall(r"[A-Z][a-z]*", cls) or [cls]
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def event_label(writer: Writer, event: Event) -> str:
    """A readable name for an event: class, who, with whom, where, when, and whose claim.

    The first article that stores an event gives it this name (kg/store keeps it).
    """
    names = {entity.local_id: entity.label for entity in writer.extraction.entities}
    who = [names[actor] for actor in (event.agents or event.actors) if actor in names]
    whom = [names[actor] for actor in event.targets if actor in names and actor not in
            event.agents]
    joined = " and ".join(who)
    label = class_words(event.cls) + (
        f" by {joined}" if event.agents else f" between {joined}" if len(who) > 1
        else f" of {joined}" if who else "")
    if whom:
        label += " to " + " and ".join(whom)
    if event.place in names:
        label += " in " + names[event.place]
    if event.date:
        label += " on " + event.date.isoformat()
    if event.asserted_by in names:
        label += f" (as {names[event.asserted_by]} tells it)"
    if event.negated:
        label += " (did not happen)"
    return label


def event_triples(writer: Writer, event: Event) -> Triples:
    """An event: class, CAMEO code, participants in their roles, place, date, topics."""
    node = writer.iri(event.local_id)
    yield (node, RDF.type, EKG.term(event.cls))
    yield (node, RDFS.label,
                 Literal(writer.label(event.local_id, event_label(writer, event))))
    if event.cameo:
        yield (node, EKG.cameoCode, Literal(event.cameo))
    yield (node, EKG.trigger, Literal(event.trigger))
    for predicate, actors in ((SEM.hasActor, event.actors), (EKG.agent, event.agents),
                              (EKG.target, event.targets)):
        for actor in writer.iris(actors):
            yield (node, predicate, actor)
    for place in writer.iris([event.place] if event.place else []):
        yield (node, SEM.hasPlace, place)
    yield from date_triples(node, event.date)
    for topic in writer.iris(event.topics):
        yield (node, EKG.topic, topic)
    yield (node, EKG.factuality, factuality(event))
    yield (node, EKG.confidence, decimal(event.confidence))
    yield (node, PROV.wasDerivedFrom, writer.article)
    for mention in event.mentions:
        yield from mention_triples(writer, node, mention)


def date_triples(node: NamedNode, day: date | None) -> Triples:
    """When an event happened: ekg:date for a day, ekg:period for a month or a year, and
    ekg:earliestDate with ekg:latestDate for a range of days ("last week")."""
    if isinstance(day, DateRange):
        yield (node, EKG.earliestDate, Literal(day.first.isoformat(), datatype=XSD.date))
        yield (node, EKG.latestDate, Literal(day.last.isoformat(), datatype=XSD.date))
    elif day:
        yield (node, EKG.period if isinstance(day, PartialDate) else EKG.date,
               partial_date(day.isoformat()))


def quote_triples(writer: Writer, quote: Quote) -> Triples:
    """A quote: its words, its speaker, its article and where it stands."""
    speaker = writer.keys[quote.speaker]
    node = resource_iri(writer.base_iri, quote_key(speaker, quote.text))
    yield (node, RDF.type, EKG.Quote)
    yield (node, EKG.text, Literal(quote.text))
    yield (node, EKG.speaker, resource_iri(writer.base_iri, speaker))
    yield (node, EKG.confidence, decimal(quote.confidence))
    yield (node, PROV.wasDerivedFrom, writer.article)
    yield from mention_triples(writer, node, quote.mention)


def sanction_triples(writer: Writer, sanction: Sanction) -> Triples:
    """A sanctions measure: who imposed it on whom, on which sectors, since when."""
    node = writer.iri(sanction.local_id)
    names = {entity.local_id: entity.label for entity in writer.extraction.entities}
    yield (node, RDF.type, EKG.Sanction)
    label = "Sanctions" + "".join(
        f" {word} " + " and ".join(names[x] for x in ids if x in names)
        for word, ids in (("by", sanction.imposed_by), ("on", sanction.targets))
        if any(x in names for x in ids))
    yield (node, RDFS.label, Literal(writer.label(sanction.local_id, label)))
    for imposer in writer.iris(sanction.imposed_by):
        yield (node, EKG.imposedBy, imposer)
    for target in writer.iris(sanction.targets):
        yield (node, EKG.sanctionTarget, target)
    for sector in sanction.sectors:
        yield (node, EKG.sector, Literal(sector))
    if sanction.since:
        yield (node, EKG.since, partial_date(sanction.since))
    yield (node, PROV.wasDerivedFrom, writer.article)
    for mention in sanction.mentions:
        yield from mention_triples(writer, node, mention)


def claim_node(writer: Writer, claim: Claim) -> NamedNode:
    """The IRI of a claim: who claims which event."""
    return resource_iri(writer.base_iri, claim_key(writer.keys[claim.claimant],
                                                    writer.keys[claim.event]))


def claim_triples(writer: Writer, claim: Claim, claims: dict[str, Claim]) -> Triples:
    """A claim: its claimant, the event claimed, the claims it contradicts."""
    node = claim_node(writer, claim)
    yield (node, RDF.type, EKG.Claim)
    yield (node, EKG.claimant, writer.iri(claim.claimant))
    yield (node, EKG.claimedEvent, writer.iri(claim.event))
    for other in claim.contradicts:
        if other in claims and writable_claim(writer, claims[other]):
            yield (node, EKG.contradicts, claim_node(writer, claims[other]))
    yield (node, PROV.wasDerivedFrom, writer.article)
    if claim.mention:
        yield from mention_triples(writer, node, claim.mention)


def relation_triples(writer: Writer, relation: Relation) -> Triples:
    """A fact between two entities: located in, member of, works for."""
    yield (writer.iri(relation.subject), EKG.term(relation.predicate),
                 writer.iri(relation.object))


def writable_event(writer: Writer, event: Event) -> bool:
    """An event is written when it is resolved and has a participant (the shapes ask for one)."""
    return event.local_id in writer.keys and any(actor in writer.keys for actor in event.actors)


def writable_claim(writer: Writer, claim: Claim) -> bool:
    """A claim is written when its claimant and its (written) event are."""
    return claim.claimant in writer.keys and claim.event in writer.keys


def article_triple_stream(writer: Writer) -> Triples:
    """Every triple of one article, in a fixed order."""
    extraction = writer.extraction
    events = [event for event in extraction.events if writable_event(writer, event)]
    written = {event.local_id for event in events}
    claims = {claim.local_id: claim for claim in extraction.claims if claim.event in written}
    yield from article_triples(writer)
    for entity in extraction.entities:
        if entity.local_id in writer.keys:
            yield from entity_triples(writer, entity)
    for sanction in extraction.sanctions:
        if sanction.local_id in writer.keys:
            yield from sanction_triples(writer, sanction)
    for event in events:
        yield from event_triples(writer, event)
    for quote in extraction.quotes:
        if quote.speaker in writer.keys:
            yield from quote_triples(writer, quote)
    for claim in claims.values():
        if writable_claim(writer, claim):
            yield from claim_triples(writer, claim, claims)
    for relation in extraction.relations:
        if relation.subject in writer.keys and relation.object in writer.keys:
            yield from relation_triples(writer, relation)
    yield from sentence_triples(writer)


def extraction_quads(extraction: Extraction, base_iri: str = DEFAULT_BASE,
                     labels: Mapping[str, str] | None = None) -> list[Quad]:
    """Every quad of one resolved article, each once: in its named graph, and its entities'
    canonical descriptions in the entities graph.

    ``labels`` (key -> name) are the canonical names the graph already holds: an entity,
    event or sanction keeps the name it was first stored with, and an entity's own
    differing name becomes one of its ``skos:altLabel``.

    Events without a participant and quotes without a speaker are left out: the graph
    promises (ontology/shapes.ttl) that every event has an actor and every quote a speaker.
    """
    writer = Writer.of(extraction, base_iri, labels)
    shared = entities_graph(base_iri)
    canonical = dict.fromkeys(triple for entity in extraction.entities
                              if entity.local_id in writer.keys
                              for triple in canonical_triples(writer, entity))
    said = dict.fromkeys(article_triple_stream(writer))
    return [Quad(*statement, writer.article) for statement in said] + \
        [Quad(*statement, shared) for statement in canonical]
