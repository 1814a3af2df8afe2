"""Entity resolution across articles: one key per real thing.

``resolve_entities(extraction, index)`` gives every entity its key (docs/ARCHITECTURE.md):

- a lexicon entry: ``entity/<slug of its id>``, with its Wikidata id;
- a description ("the North Korean foreign minister"): the person the index knows to hold
  that post, else a key of its own from the post;
- any other name: the key the index already holds for that name and class, else
  ``entity/<class>/<slug of the normalised name>``, so hyphens, romanisation, case,
  punctuation and British/American spelling never split an entity. Persons are compared by
  full name only: two people sharing a surname are never merged.

Entities of one article that end up with one key are merged, and every reference to the
merged one (events, quotes, claims, relations, sanctions, roles) is renamed.

>>> from kg.model import Article, Entity, Extraction
>>> article = Article.from_text("Talks.")
>>> extraction = Extraction(article, entities=[
...     Entity("e1", "Moon Jae-in", "Person"), Entity("e2", "MOON JAE IN", "Person")])
>>> [e.key for e in resolve_entities(extraction, ResolutionIndex(None)).entities]
['entity/person/moon-jae-in']
"""
from __future__ import annotations

from kg.model import Entity, Extraction
from kg.nlp.normalise import slug
from kg.resolve.index import ResolutionIndex, comparison_form


def name_key(entity: Entity) -> str:
    """The key an entity gets from its class and name alone."""
    return f"entity/{entity.cls.lower()}/{slug(comparison_form(entity.label, entity.cls))}"


def entity_key(entity: Entity, index: ResolutionIndex, keys: dict[str, str],
               extraction: Extraction) -> str:
    """The canonical key of one entity (see the module docstring)."""
    if entity.lexicon_id:
        return f"entity/{slug(entity.lexicon_id)}"
    if entity.description:
        for role in entity.roles:
            holder = index.role_holder(role.title, keys.get(role.of, ""),
                                       extraction.article.published) if role.of else None
            if holder:
                entity.label = index.label(holder) or entity.label
                return holder
        return name_key(entity)
    return index.find_entity(entity.label, entity.cls) or name_key(entity)


def merge_into(kept: Entity, other: Entity) -> None:
    """Fold a second entity of the same key into the first."""
    kept.aliases |= other.aliases | ({other.label} - {kept.label})
    kept.mentions = sorted(kept.mentions + other.mentions, key=lambda m: m.start)
    kept.roles += [role for role in other.roles
                   if (role.title, role.of) not in {(r.title, r.of) for r in kept.roles}]
    kept.confidence = max(kept.confidence, other.confidence)
    kept.wikidata = kept.wikidata or other.wikidata


def rename(local_id: str | None, renamed: dict[str, str]) -> str | None:
    """A local id after merging."""
    return renamed.get(local_id, local_id) if local_id else local_id


def rename_all(ids: list[str], renamed: dict[str, str]) -> list[str]:
    """Local ids after merging, each once, in order."""
    return list(dict.fromkeys(renamed.get(local_id, local_id) for local_id in ids))


def rename_references(extraction: Extraction, renamed: dict[str, str]) -> None:
    """Point every reference to a merged entity at the entity it was merged into."""
    for event in extraction.events:
        event.agents = rename_all(event.agents, renamed)
        event.targets = rename_all(event.targets, renamed)
        event.actors = rename_all(event.actors, renamed)
        event.topics = rename_all(event.topics, renamed)
        event.place = rename(event.place, renamed)
        event.asserted_by = rename(event.asserted_by, renamed)
    for quote in extraction.quotes:
        quote.speaker = rename(quote.speaker, renamed)
    for claim in extraction.claims:
        claim.claimant = rename(claim.claimant, renamed) or claim.claimant
    for relation in extraction.relations:
        relation.subject = rename(relation.subject, renamed) or relation.subject
        relation.object = rename(relation.object, renamed) or relation.object
    for sanction in extraction.sanctions:
        sanction.imposed_by = rename_all(sanction.imposed_by, renamed)
        sanction.targets = rename_all(sanction.targets, renamed)
    for entity in extraction.entities:
        entity.affiliation = rename(entity.affiliation, renamed)
        for role in entity.roles:
            role.of = rename(role.of, renamed)


def resolve_entities(extraction: Extraction, index: ResolutionIndex) -> Extraction:
    """Set every entity's key, merge entities of one key, turn role holders into keys."""
    keys: dict[str, str] = {}
    ordered = sorted(extraction.entities, key=lambda e: (e.description, not e.lexicon_id))
    for entity in ordered:
        entity.key = keys[entity.local_id] = entity_key(entity, index, keys, extraction)
    by_key: dict[str, Entity] = {}
    renamed: dict[str, str] = {}
    for entity in extraction.entities:
        kept = by_key.setdefault(entity.key, entity)
        if kept is not entity:
            merge_into(kept, entity)
            renamed[entity.local_id] = kept.local_id
    extraction.entities = [e for e in extraction.entities if by_key[e.key] is e]
    rename_references(extraction, renamed)
    for entity in extraction.entities:
        for role in entity.roles:
            role.of = keys.get(role.of, role.of) if role.of else None
    return extraction
