"""Posts without a name that stand for a person of the article. Sentences written for these
tests; the project's lexicon."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import ends_with_title, extract_entities
from kg.model import Article


def test_a_wider_title_is_the_one_holder_of_a_narrower_post(nlp: Language) -> None:
    text = ("Talks resumed with Somalia's trade minister, Abdi Warsame Nur, in Rome. "
            "The Somali minister asked for more time.")
    doc = nlp(text)
    entities = extract_entities(doc, Article(id="t", text=text, published=date(2024, 5, 2)))
    persons = [entity for entity in entities if entity.cls == "Person"]
    assert [entity.label for entity in persons] == ["Abdi Warsame Nur"]
    assert [role.title for role in persons[0].roles] == ["Trade Minister"]
    assert len(persons[0].mentions) == 2


@pytest.mark.parametrize("held, title, wanted", [
    ("Foreign Minister", "minister", True),
    ("Minister", "Minister", False),
    ("Prime Minister", "Foreign Minister", False),
])
def test_ends_with_title(held: str, title: str, wanted: bool) -> None:
    assert ends_with_title(held, title) is wanted


def test_a_commander_is_a_post_of_the_force_he_leads(nlp: Language) -> None:
    text = ("The Harbour Defence Front shelled the port. Its commander, Tarik Osmani, said the "
            "shelling would go on.")
    doc = nlp(text)
    entities = extract_entities(doc, Article(id="t", text=text, published=date(2024, 5, 2)))
    label = {entity.local_id: entity.label for entity in entities}
    person = next(entity for entity in entities if entity.label == "Tarik Osmani")
    assert [(role.title, label.get(role.of or "")) for role in person.roles] \
        == [("Commander", "Harbour Defence Front")]


@pytest.mark.parametrize("text, title", [
    ("Chad's human rights commissioner, Amina Sow, visited the camp.",
     "Human Rights Commissioner"),
    ("Amina Sow, Chad's parliamentary human rights commissioner, visited the camp.",
     "Parliamentary Human Rights Commissioner"),
    ("Chad's military intelligence chief, Amina Sow, visited the camp.",
     "Military Intelligence Chief"),
])
def test_a_post_written_after_the_state_is_the_state_s(nlp: Language, text: str,
                                                            title: str) -> None:
    doc = nlp(text)
    entities = extract_entities(doc, Article(id="t", text=text, published=date(2024, 5, 2)))
    label = {entity.local_id: entity.label for entity in entities}
    person = next(entity for entity in entities if entity.label == "Amina Sow")
    assert [(role.title, label.get(role.of or "")) for role in person.roles] == [(title, "Chad")]
