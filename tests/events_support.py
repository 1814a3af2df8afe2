"""Helpers for the event, date, quote and claim tests: Docs whose entities are set by hand.

The entity components are another stage's; these tests give the extractors a Doc whose
entities are known, so that they test event rules alone.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

import spacy
from spacy.language import Language

import kg.nlp.dates  # noqa: F401  (registers kg_dates)
import kg.nlp.events  # noqa: F401  (registers kg_events)
import kg.nlp.quotes  # noqa: F401  (registers kg_quotes)
from kg.extract import extract, extract_with_entities
from kg.model import Article, Entity, Extraction, Mention


@cache
def blank_pipeline() -> Language:
    """Blank English with sentences, lookup lemmas and the event components."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    for name in ("kg_dates", "kg_quotes", "kg_events"):
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def entities_in(text: str, names: dict[str, tuple[str, str]]) -> list[Entity]:
    """Entities for every whole-word occurrence of the given names.

    ``names`` maps a surface form to (local id, ekg class); longer forms win overlaps.
    """
    taken = [False] * len(text)
    entities: dict[str, Entity] = {}
    for surface in sorted(names, key=len, reverse=True):
        local_id, cls = names[surface]
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(taken[match.start():match.end()]):
                continue
            taken[match.start():match.end()] = [True] * (match.end() - match.start())
            entity = entities.setdefault(local_id, Entity(local_id=local_id, label=surface,
                                                          cls=cls))
            entity.mentions.append(Mention(match.start(), match.end(), surface, 0, 0, 0))
    return list(entities.values())


def extract_text(text: str, names: dict[str, tuple[str, str]],
                 published: date | None = None) -> Extraction:
    """Run the extractors over ``text`` with entities set by hand."""
    doc = blank_pipeline()(text)
    article = Article.from_text(text, published=published)
    return extract_with_entities(doc, article, entities_in(text, names))


KOREA = {
    "North Korea": ("nk", "Country"), "Pyongyang": ("nk", "Country"),
    "the North": ("nk", "Country"), "US": ("us", "Country"), "Washington": ("us", "Country"),
    "Kim Jong-un": ("kim", "Person"), "Kim": ("kim", "Person"),
    "Donald Trump": ("trump", "Person"), "Trump": ("trump", "Person"),
    "Moon Jae-in": ("moon", "Person"), "Moon": ("moon", "Person"),
    "Ri Yong-ho": ("ri", "Person"), "KCNA": ("kcna", "Organization"),
    "UN Security Council": ("unsc", "GovernmentBody"), "Hanoi": ("hanoi", "City"),
    "Singapore": ("singapore", "Country"), "Seoul": ("seoul", "City"),
    "Yongbyon": ("yongbyon", "Facility"), "Vietnam": ("vietnam", "Country"),
    "Chris Green": ("green", "Person"), "International Crisis Group": ("icg", "Organization"),
}


def summary(extraction: Extraction) -> set[tuple]:
    """(class, agents, targets, actors, date) of every event, for compact assertions."""
    return {(e.cls, tuple(e.agents), tuple(e.targets), tuple(sorted(e.actors)), e.date)
            for e in extraction.events}


def labelled_events(nlp: Language, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(class, agent labels, target labels) of every event of ``text``, entities found by
    ``nlp`` itself (the full rule pipeline, not set by hand)."""
    extraction = extract(nlp(text), Article.from_text(text))
    labels = {entity.local_id: entity.label for entity in extraction.entities}
    return [(event.cls, [labels[a] for a in event.agents], [labels[t] for t in event.targets])
            for event in extraction.events]
