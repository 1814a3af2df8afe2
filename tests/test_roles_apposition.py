"""Posts written in apposition after a name, whose holder the apposition names.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article


def posts(nlp: Language, text: str) -> set[tuple[str, str, str, bool]]:
    """(person, title, whose post, former) of every role the text gives."""
    entities = extract_entities(nlp(text), Article.from_text(text, published=date(2024, 5, 1)))
    label = {entity.local_id: entity.label for entity in entities}
    return {(entity.label, role.title, label.get(role.of or "", ""), role.former)
            for entity in entities for role in entity.roles}


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg, Sweden's prime minister, arrived.", ("Anna Berg", "Prime Minister", "Sweden")),
    ("Peter Holm, the secretary general of the Pacific Islands Forum, spoke.",
     ("Peter Holm", "Secretary General", "Pacific Islands Forum")),
    ("Peter Holm, Iran's ambassador to the agency, made the remarks.",
     ("Peter Holm", "Ambassador", "Iran")),
])
def test_a_post_after_the_name_with_its_holder(nlp: Language, text: str,
                                               expected: tuple[str, str, str]) -> None:
    assert posts(nlp, text) == {(*expected, False)}


def test_a_former_post_keeps_its_holder_before_or_after_the_name(nlp: Language) -> None:
    assert posts(nlp, "Anna Berg, Sweden's former prime minister, arrived.") == {
        ("Anna Berg", "Prime Minister", "Sweden", True)}
    assert posts(nlp, "Sweden's former president, Anna Berg, left.") == {
        ("Anna Berg", "President", "Sweden", True)}


@pytest.mark.parametrize("text", [
    "Anna Berg, Sweden's prime minister who took office in May, arrived.",
    "Anna Berg, a minister, arrived.",
    "Anna Berg, the minister of Sweden and Norway, arrived.",
])
def test_no_post_where_the_apposition_goes_on_or_names_no_single_holder(
        nlp: Language, text: str) -> None:
    assert posts(nlp, text) == set()


def test_a_post_before_the_name_past_the_city_it_is_held_in(nlp: Language) -> None:
    assert posts(nlp, "Sweden's envoy in Vienna, Anna Berg, urged restraint.") == {
        ("Anna Berg", "Envoy", "Sweden", False)}
