"""Posts of the lexicon's titles list that news readers meet often (emir, executive
secretary, chief negotiator). Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article
from roles_support import posts


def titles(nlp: Language, text: str) -> set[tuple[str, str]]:
    """(person, title) of every role the text gives."""
    entities = extract_entities(nlp(text), Article.from_text(text, published=date(2024, 5, 1)))
    return {(entity.label, role.title) for entity in entities for role in entity.roles}


@pytest.mark.parametrize("text, expected", [
    ("Karim Haddad, the executive secretary of IGAD, opened the talks.",
     ("Karim Haddad", "Executive Secretary")),
    ("Qatar's emir, Salim Nasser, received the delegation.",
     ("Salim Nasser", "Emir")),
    ("Lena Kask, the chief negotiator of NATO, left early.", ("Lena Kask", "Chief Negotiator")),
])
def test_a_listed_post_in_apposition(nlp: Language, text: str,
                                      expected: tuple[str, str]) -> None:
    assert expected in titles(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Deputy Trade Minister Olga Varga signed the memorandum.",
     ("Olga Varga", "Deputy Trade Minister", "")),
    ("Estonia's parliament speaker, Mart Kivi, opened the debate.",
     ("Mart Kivi", "Parliament Speaker", "Estonia")),
    ("Ghana's comptroller general, Ama Mensah, released the audit.",
     ("Ama Mensah", "Comptroller General", "Ghana")),
    ("Chad's head of state, Oumar Saleh, left for the summit.",
     ("Oumar Saleh", "Head of State", "Chad")),
])
def test_a_post_with_a_deputy_prefix_or_a_compound_title(nlp: Language, text: str,
                                                          expected: tuple[str, str, str]) -> None:
    assert expected in posts(nlp, text)
