"""Titles written with a hyphen ("Director-General") before a name, and hyphenated
compounds after a title word. Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article


def persons(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each person the text names, with the titles of its roles."""
    entities = extract_entities(nlp(text), Article.from_text(text, published=date(2024, 5, 1)))
    return {entity.label: [role.title for role in entity.roles]
            for entity in entities if entity.cls == "Person"}


def test_a_hyphenated_title_before_a_name_is_one_title(nlp: Language) -> None:
    found = persons(nlp, "WHO Director-General Maria Lund, in a talk to delegates, asked "
                         "states to cooperate.")
    assert found == {"Maria Lund": ["Director-General"]}


def test_a_hyphenated_compound_after_a_title_word_is_no_person(nlp: Language) -> None:
    found = persons(nlp, "Most Rev. Anton Ferrer, Bishop-Emeritus of Lindau, died on Sunday.")
    assert "Emeritus" not in found
