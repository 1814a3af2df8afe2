"""Companies the lexicon does not know: a company word as the capitalised last word of a
name ("Nordvik Freight"), the name's first word alone later as the company's short name.
Sentences written for these tests; the project's lexicon."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    """Each entity span's text and class."""
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans["kg_entities"]]


def entities(nlp: Language, text: str) -> dict[str, tuple[str, set[str]]]:
    """Each entity's label -> its class and aliases."""
    article = Article.from_text(text, published=date(2025, 3, 1))
    return {entity.label: (entity.cls, entity.aliases)
            for entity in extract_entities(nlp(text), article)}


@pytest.mark.parametrize("text, name", [
    ("Ships of Nordvik Freight were held at the port.", "Nordvik Freight"),
    ("The fund bought a stake in Maridal Shipping last year.", "Maridal Shipping"),
])
def test_a_company_word_ending_a_name_makes_an_organisation(nlp: Language, text: str,
                                                           name: str) -> None:
    assert (name, "Organization") in found(nlp, text)


def test_a_company_word_after_a_name_in_lower_case_is_a_trade(nlp: Language) -> None:
    assert not any(cls == "Organization" for _, cls in
                   found(nlp, "Officials said Baltic shipping would suffer."))


def test_the_first_word_of_a_company_alone_is_its_short_name(nlp: Language) -> None:
    text = ("The ministry fined Maridal Shipping on Monday. Maridal denied any wrongdoing, "
            "Maridal said.")
    assert ("Maridal", "Person") not in found(nlp, text)
    assert entities(nlp, text)["Maridal Shipping"] == ("Organization", {"Maridal"})


def test_a_word_of_a_person_s_name_stays_the_person_s(nlp: Language) -> None:
    text = ("Talks between Tarvo Lind and Lind Holdings stalled. Lind said the offer was low.")
    assert ("Lind", "Person") in found(nlp, text)
