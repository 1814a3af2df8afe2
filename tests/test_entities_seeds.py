"""Entities of the two seed articles, built into one graph: the list of issue 4's "Done when"."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.ingest import IngestOptions, Report, read_articles
from kg.nlp.normalise import normalise_term
from kg.resolve import ResolutionIndex, resolve

EXPECTED = {  # name -> (class, wikidata or None)
    "Donald Trump": ("Person", "Q22686"), "Kim Jong-un": ("Person", "Q56226"),
    "North Korea": ("Country", "Q423"), "United States": ("Country", "Q30"),
    "South Korea": ("Country", None), "Vietnam": ("Country", None), "Hanoi": ("City", "Q1858"),
    "Seoul": ("City", None), "Singapore": ("Country", None), "Moon Jae-in": ("Person", None),
    "Ri Yong-ho": ("Person", None), "KCNA": ("Organization", None),
    "UN Security Council": ("GovernmentBody", "Q37470"), "Yongbyon": ("Facility", None),
    "International Crisis Group": ("Organization", None), "38 North": ("Organization", None),
    "Chris Green": ("Person", None), "Kathleen Stephens": ("Person", None),
    "Joel Wit": ("Person", None), "Jenny Town": ("Person", None)}
NOT_NAMES = {"Despite", "Similarly", "Thursday", "Each", "Relations", "According", "Analysts"}


@pytest.fixture(scope="module")
def graph_entities(seeds_dir: Path, nlp: Language) -> dict[str, object]:
    index = ResolutionIndex(None)
    merged: dict[str, object] = {}
    for article in read_articles([str(seeds_dir)], IngestOptions(), Report()):
        extraction = resolve(extract(nlp(article.text), article), index)
        index.record(extraction)
        for entity in extraction.entities:
            kept = merged.setdefault(entity.key, entity)
            if kept is not entity:
                kept.aliases |= entity.aliases | {entity.label}
    return merged


def named(entities: dict, name: str) -> list:
    wanted = normalise_term(name)
    return [e for e in entities.values()
            if wanted in {normalise_term(form) for form in {e.label, *e.aliases}}]


@pytest.mark.slow
def test_every_expected_entity_once_with_class(graph_entities: dict) -> None:
    missing, wrong = [], []
    for name, (cls, wikidata) in EXPECTED.items():
        found = named(graph_entities, name)
        if len(found) != 1:
            missing.append((name, len(found)))
        elif found[0].cls != cls or wikidata and found[0].wikidata != wikidata:
            wrong.append((name, found[0].cls, found[0].wikidata))
    recall = 1 - len(missing) / len(EXPECTED)
    assert recall >= 0.9, missing
    assert not wrong


@pytest.mark.slow
def test_aliases_and_no_non_names(graph_entities: dict) -> None:
    kim = named(graph_entities, "Kim Jong-un")[0]
    assert "Kim Jong Un" in kim.aliases
    assert "Pyongyang" in named(graph_entities, "North Korea")[0].aliases
    assert "US" in named(graph_entities, "United States")[0].aliases
    labels = {form for e in graph_entities.values() for form in {e.label, *e.aliases}}
    assert not labels & NOT_NAMES


@pytest.mark.slow
def test_roles_from_both_seeds(graph_entities: dict) -> None:
    def roles(name: str) -> set[tuple[str, str | None, bool]]:
        return {(r.title, r.of, r.former) for r in named(graph_entities, name)[0].roles}

    assert ("President", "entity/united-states", False) in roles("Donald Trump")
    assert ("Leader", "entity/north-korea", False) in roles("Kim Jong-un")
    assert ("President", "entity/south-korea", False) in roles("Moon Jae-in")
    assert ("Ambassador to South Korea", "entity/united-states", True) in roles("Kathleen Stephens")
    org = named(graph_entities, "International Crisis Group")[0].key
    assert ("Member", org, False) in roles("Chris Green")
