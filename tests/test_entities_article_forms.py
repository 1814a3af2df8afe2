"""Forms whose entity the article settles: a state named inside one of its bodies, a form
two lexicon entries share.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article, Entity
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def entities(nlp: Language, text: str) -> dict[str, Entity]:
    article = Article.from_text(text, published=date(2024, 3, 1))
    return {entity.label: entity for entity in extract_entities(nlp(text), article)}


@pytest.mark.parametrize("text, state", [
    ("South Korea's foreign ministry summoned the envoy on Friday.", "South Korea"),
    ("The Japanese foreign ministry lodged a protest.", "Japan"),
    ("Officers of the Israel Defense Forces said little.", "Israel"),
])
def test_state_named_inside_its_body_is_an_entity(nlp: Language, text: str,
                                                   state: str) -> None:
    found = entities(nlp, text)
    assert state in found
    body = next(entity for entity in found.values() if entity.cls == "GovernmentBody")
    inner, outer = found[state].mentions[0], body.mentions[0]
    assert outer.start <= inner.start and inner.end <= outer.end


def test_news_agency_named_after_a_state_does_not_name_it(nlp: Language) -> None:
    assert "France" not in entities(nlp, "Agence France-Presse reported the fire.")


def test_shared_form_is_the_state_the_article_names_alone(nlp: Language) -> None:
    found = entities(nlp, "The Democratic Republic of Congo and Rwanda met. Congo wants a "
                          "ceasefire, a Congolese minister said.")
    assert "Republic of the Congo" not in found
    assert {"Congo", "Congolese"} <= found["Democratic Republic of the Congo"].aliases


def test_shared_form_stays_with_the_gazetteer_without_a_telling_name(nlp: Language) -> None:
    found = entities(nlp, "Congo and Rwanda met in Doha.")
    assert len([entity for entity in found.values() if "Congo" in entity.label]) == 1
