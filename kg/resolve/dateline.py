"""The place of an article's dateline ("HANOI -"), as one of the article's entities.

The dateline is part of the header, so no mention in the body stands for it. It is looked up,
in this order, among the article's own places (the body usually names the city again), in the
lexicon, among the places the index knows, and otherwise becomes a city of its own.

>>> from kg.lexicon import Lexicon
>>> from kg.model import Article, Extraction
>>> lexicon = Lexicon.from_entries([{"id": "hanoi", "label": "Hanoi", "class": "City"}])
>>> extraction = Extraction(Article.from_text("Talks.", dateline="HANOI"))
>>> place = dateline_place(resolve_dateline(extraction, lexicon, ResolutionIndex(None)))
>>> place.key, place.label
('entity/hanoi', 'Hanoi')
"""
from __future__ import annotations

from kg.lexicon import Lexicon
from kg.model import Entity, Extraction
from kg.nlp.normalise import normalise_term
from kg.resolve.entities import entity_key
from kg.resolve.index import ResolutionIndex

PLACE_CLASSES = ("City", "Country", "Region", "Place", "Facility")
DATELINE_ID = "dateline"


def dateline_place(extraction: Extraction) -> Entity | None:
    """The entity the article's dateline names, once ``resolve_dateline`` has run."""
    return extraction.entity(extraction.dateline) if extraction.dateline else None


def named_place(extraction: Extraction, name: str) -> Entity | None:
    """A place of the article known by ``name`` (its label or an alias)."""
    wanted = normalise_term(name)
    for entity in extraction.entities:
        if entity.cls in PLACE_CLASSES and wanted in {
                normalise_term(form) for form in (entity.label, *entity.aliases)}:
            return entity
    return None


def lexicon_place(lexicon: Lexicon, name: str) -> Entity | None:
    """A new entity for the lexicon's place of that name, if the lexicon has exactly one."""
    places = {entry_id for entry_id, _ in lexicon.lookup(name)
              if lexicon[entry_id].cls in PLACE_CLASSES}
    if len(places) != 1:
        return None
    entry = lexicon[places.pop()]
    return Entity(DATELINE_ID, entry.label, entry.cls, wikidata=entry.wikidata,
                  lexicon_id=entry.id, aliases={name} - {entry.label})


def resolve_dateline(extraction: Extraction, lexicon: Lexicon,
                     index: ResolutionIndex) -> Extraction:
    """Set ``extraction.dateline`` to the local id of the dateline's place, adding it if new."""
    name = extraction.article.dateline
    if not name or not normalise_term(name):
        return extraction
    found = named_place(extraction, name)
    if found is None:
        found = lexicon_place(lexicon, name) or Entity(DATELINE_ID, name, "City")
        found.key = entity_key(found, index, {}, extraction)
        same = [entity for entity in extraction.entities if entity.key == found.key]
        if same:
            found = same[0]
        else:
            found.label = index.label(found.key) or found.label
            extraction.entities.append(found)
    extraction.dateline = found.local_id
    return extraction
