"""The place of an article's dateline ("HANOI -"), as one of the article's entities.

The dateline is part of the header, so no mention in the body stands for it. It is looked up,
in this order, among the article's own places (the body usually names the city again), in the
lexicon, among the places the index knows, and otherwise becomes a city of its own.

>>> from kg.lexicon import FORM_KINDS, Lexicon
>>> from kg.model import Article, Extraction
>>> lexicon = Lexicon.from_entries([{"id": "hanoi", "label": "Hanoi", "class": "City"}])
>>> extraction = Extraction(Article.from_text("Talks.", dateline="HANOI"))
>>> place = dateline_place(resolve_dateline(extraction, lexicon, ResolutionIndex(None)))
>>> place.key, place.label
('entity/hanoi', 'Hanoi')
"""
from __future__ import annotations

from kg.lexicon import FORM_KINDS, Lexicon
from kg.model import Entity, Extraction
from kg.nlp.normalise import normalise_term
from kg.resolve.entities import entity_key
from kg.resolve.index import ResolutionIndex

PLACE_CLASSES = ("City", "Country", "Region", "Place", "Facility")
DATELINE_ID = "dateline"
OWN_FORMS = ("name", "alias", "short_name")  # the forms of a place that name it, not its state


def dateline_place(extraction: Extraction) -> Entity | None:
    """The entity the article's dateline names, once ``resolve_dateline`` has run."""
    return extraction.entity(extraction.dateline) if extraction.dateline else None


def named_place(entities: list[Entity], name: str) -> Entity | None:
    """A place of the article known by ``name`` (its label or an alias)."""
    wanted = normalise_term(name)
    for entity in entities:
        if entity.cls in PLACE_CLASSES and wanted in {
                normalise_term(form) for form in (entity.label, *entity.aliases)}:
            return entity
    return None


def own_place(entities: list[Entity], name: str, lexicon: Lexicon) -> Entity | None:
    """The place of the article that ``name`` names as a place of its own: its lexicon entry
    has that name or alias ("Tehran", the city, not Iran of which it is a metonym), or,
    unknown to the lexicon, it is no country and has that label or alias."""
    entries, known = place_entries(lexicon, name), bool(lexicon.lookup(name))
    return next((entity for entity in entities if entity.lexicon_id in entries
                 or not entity.lexicon_id and not known and entity.cls != "Country"
                 and named_place([entity], name)), None)


def place_entries(lexicon: Lexicon, name: str, kinds: tuple[str, ...] = OWN_FORMS) -> set[str]:
    """The lexicon's places that have ``name`` as a form of one of those kinds."""
    return {entry_id for entry_id, kind in lexicon.lookup(name)
            if kind in kinds and lexicon[entry_id].cls in PLACE_CLASSES}


def lexicon_place(lexicon: Lexicon, name: str,
                  kinds: tuple[str, ...] = FORM_KINDS) -> Entity | None:
    """A new entity for the lexicon's place of that name (as a form of one of those kinds),
    if the lexicon has exactly one."""
    places = place_entries(lexicon, name, kinds)
    if len(places) != 1:
        return None
    entry = lexicon[places.pop()]
    return Entity(DATELINE_ID, entry.label, entry.cls, wikidata=entry.wikidata,
                  lexicon_id=entry.id, aliases={name} - {entry.label})


def reporter_place(entities: list[Entity], name: str, lexicon: Lexicon) -> Entity | None:
    """The place a dateline puts the reporter in, as a place of its own: the article's (see
    ``own_place``), else a new entity for the lexicon's one place of that name or alias, else,
    for a name the lexicon does not know, a new city; none for a name the lexicon knows only
    as something else ("Washington" standing for the United States)."""
    found = own_place(entities, name, lexicon) or lexicon_place(lexicon, name, OWN_FORMS)
    if found is None and not lexicon.lookup(name):
        found = Entity(DATELINE_ID, name, "City")
    return found


def resolve_dateline(extraction: Extraction, lexicon: Lexicon,
                     index: ResolutionIndex) -> Extraction:
    """Set ``extraction.dateline`` to the local id of the dateline's place, adding it if new."""
    name = extraction.article.dateline
    if not name or not normalise_term(name):
        return extraction
    found = own_place(extraction.entities, name, lexicon) \
        or named_place(extraction.entities, name)
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
