"""Entity keys across articles and the ResolutionIndex."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.model import Article, Entity, Event, Extraction, Quote, Mention, RoleFact
from kg.resolve import ResolutionIndex, resolve_entities


def extraction(text: str, *entities: Entity, published: date | None = None) -> Extraction:
    return Extraction(Article.from_text(text, published=published), entities=list(entities))


def test_spelling_variants_share_one_key() -> None:
    index = ResolutionIndex(None)
    first = resolve_entities(extraction("a", Entity("e1", "Harbour Defence Organisation",
                                                     "Organization")), index)
    second = resolve_entities(extraction("b", Entity("e1", "HARBOR DEFENSE ORGANIZATION",
                                                      "Organization")), index)
    assert first.entities[0].key == second.entities[0].key


def test_namesakes_are_not_merged() -> None:
    index = ResolutionIndex(None)
    one = resolve_entities(extraction("a", Entity("e1", "Lena Park", "Person"),
                                      Entity("e2", "Jun Park", "Person")), index)
    assert len({entity.key for entity in one.entities}) == 2


def test_lexicon_entity_key_and_in_article_merge_renames_references() -> None:
    mention = Mention(0, 1, "x", 0, 0, 1)
    ex = extraction("c", Entity("e1", "North Korea", "Country", lexicon_id="north-korea"),
                    Entity("e2", "North Korea", "Country", lexicon_id="north-korea",
                           aliases={"Pyongyang"}))
    ex.events.append(Event("v1", "Demand", "demand", agents=["e2"], actors=["e2"]))
    ex.quotes.append(Quote("q1", "words", "e2", mention))
    resolve_entities(ex, ResolutionIndex(None))
    assert [entity.key for entity in ex.entities] == ["entity/north-korea"]
    assert ex.entities[0].aliases == {"Pyongyang"}
    assert ex.events[0].agents == ["e1"] and ex.quotes[0].speaker == "e1"


def test_description_resolves_through_stored_roles(tmp_path: Path) -> None:
    index = ResolutionIndex(tmp_path / "index.sqlite")
    state = Entity("e1", "Ostland", "Country", lexicon_id="ostland")
    named = Entity("e2", "Vera Holm", "Person",
                   roles=[RoleFact("Foreign Minister", of="e1")])
    first = resolve_entities(extraction("a", state, named, published=date(2020, 5, 1)), index)
    index.record(first)
    index.close()
    index = ResolutionIndex(tmp_path / "index.sqlite")  # persisted
    state2 = Entity("e1", "Ostland", "Country", lexicon_id="ostland")
    unnamed = Entity("e2", "Ostland Foreign Minister", "Person", description=True,
                     roles=[RoleFact("Foreign Minister", of="e1")])
    second = resolve_entities(extraction("b", state2, unnamed, published=date(2020, 5, 2)),
                              index)
    assert second.entities[1].key == "entity/person/vera-holm"
    assert second.entities[1].label == "Vera Holm"


def test_find_events_and_forget_article() -> None:
    index = ResolutionIndex(None)
    ex = extraction("d", Entity("e1", "Ostland", "Country", key="entity/ostland"),
                    Entity("e2", "Westmark", "Country", key="entity/westmark"))
    ex.events.append(Event("v1", "Summit", "summit", actors=["e1", "e2"],
                           date=date(2020, 1, 2), key="event/summit/abc"))
    index.record(ex)
    found = index.find_events("Summit", ["entity/westmark"])
    assert [(e.key, e.actors, e.date) for e in found] == [
        ("event/summit/abc", ("entity/ostland", "entity/westmark"), date(2020, 1, 2))]
    assert index.find_events("Visit", ["entity/westmark"]) == []
    index.forget_article(ex.article.id)
    assert index.find_events("Summit", ["entity/westmark"]) == []
