"""Doc -> Extraction: the article's entities, events, quotes, claims, sanctions, relations.

``extract`` composes the small extractors of this package in one pass over the article:

1. entities (kg/extract/entities.py), indexed by token in an ArticleContext;
2. event mentions from the triggers (kg/extract/events.py), then their places and dates
   (setting.py);
3. quotes and their speakers (quotes.py), which also names unnamed sources;
4. claimants of reported events (claims.py);
5. sanctions and the events about them (sanctions.py);
6. mentions of one event merged (coreference.py), claims and relations.

No RDF and no canonical keys here: kg/resolve sets keys, kg/rdf writes triples.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import assign_claimants, iter_claims
from kg.extract.context import ArticleContext
from kg.extract.coreference import merge_mentions
from kg.extract.entities import extract_entities
from kg.extract.events import attributed_to_sources, event_mentions, summits_of_leaders
from kg.extract.quotes import SpeakerMemory, iter_quotes
from kg.extract.relations import iter_relations
from kg.extract.sanctions import extract_sanctions, link_sanction_topics
from kg.extract.setting import situated
from kg.model import Article, Entity, Extraction

__all__ = ["extract", "extract_with_entities"]


def extract(doc: Doc, article: Article) -> Extraction:
    """Everything the article says, as plain dataclasses (see kg/model.py)."""
    return extract_with_entities(doc, article, list(extract_entities(doc, article)))


def extract_with_entities(doc: Doc, article: Article, entities: list[Entity]) -> Extraction:
    """The events, quotes, claims, sanctions and relations of an article whose entities are
    already known (their mentions' character offsets locate them in ``doc``)."""
    context = ArticleContext.build(doc, article, entities)
    found = event_mentions(context)
    mentions = situated(found, context)
    memory = SpeakerMemory()
    quotes = list(iter_quotes(context, mentions, memory))
    mentions = sorted(mentions + attributed_to_sources(found, memory.sources, context),
                      key=lambda m: m.token)
    assign_claimants(mentions, context, memory)
    sanctions, noun_of = extract_sanctions(context, mentions)
    link_sanction_topics(mentions, noun_of)
    events = merge_mentions(mentions)
    summits_of_leaders(events, context)
    return Extraction(article=article, entities=context.entities, events=events, quotes=quotes,
                      sanctions=sanctions, claims=list(iter_claims(events, context)),
                      relations=list(iter_relations(context)),
                      sentences=[(s.start_char, s.end_char) for s in context.sentences])
