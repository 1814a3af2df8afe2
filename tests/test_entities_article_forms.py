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


@pytest.mark.parametrize("text, body", [
    ("The Chinese embassy in Suva said in a statement that a team would stay.",
     "Embassy of China in Fiji"),
    ("Norway's embassy in Chile said the visit was off.", "Embassy of Norway in Chile"),
    ("Norway's embassy said the visit was off.", "Embassy of Norway"),
    ("He was held in the Saudi consulate for an hour.", "Consulate of Saudi Arabia"),
    ("Chad's army said the road was open again.", "Army of Chad"),
    ("Chad's navy said the lake was calm.", "Chad Navy"),
])
def test_a_body_described_by_its_state_is_a_government_body(nlp: Language, text: str,
                                                            body: str) -> None:
    """Named, as a ministry is, with its state after "of" (and the state it is in, for an
    embassy "in" a state or its city), a navy with the state's name before it."""
    found = entities(nlp, text)
    assert found[body].cls == "GovernmentBody"
    assert any(entity.cls == "Country" for entity in found.values())


@pytest.mark.parametrize("text, label, alias", [
    ("Chad's foreign ministry said the border stayed closed.",
     "Ministry of Foreign Affairs of Chad", "Chad's foreign ministry"),
    ("The Peruvian commerce ministry said exports fell.",
     "Ministry of Commerce of Peru", "Peruvian commerce ministry"),
    ("The Philippines' defence ministry said the patrol went on.",
     "Ministry of Defence of Philippines", "Philippines' defence ministry"),
])
def test_a_ministry_one_word_describes_takes_its_name(nlp: Language, text: str, label: str,
                                                      alias: str) -> None:
    found = entities(nlp, text)
    assert found[label].cls == "GovernmentBody" and alias in found[label].aliases
    assert any(entity.cls == "Country" for entity in found.values())


def test_a_described_ministry_the_lexicon_knows_is_its_entry(nlp: Language) -> None:
    found = entities(nlp, "Russia's defence ministry said the drills were over.")
    assert found["Ministry of Defence of Russia"].lexicon_id == "russia-defence-ministry"


def test_a_ministry_described_in_other_words_keeps_them(nlp: Language) -> None:
    found = entities(nlp, "Chad's emergencies ministry said the floods had receded.")
    assert found["Chad's emergencies ministry"].cls == "GovernmentBody"


def test_the_first_word_of_a_company_alone_is_the_company(nlp: Language) -> None:
    found = entities(nlp, "The ministry fined Maridal Shipping on Monday. Maridal denied "
                          "any wrongdoing, Maridal said.")
    assert found["Maridal Shipping"].cls == "Organization"
    assert found["Maridal Shipping"].aliases == {"Maridal"}


def test_a_post_of_a_state_is_no_body(nlp: Language) -> None:
    found = entities(nlp, "The Chinese ambassador met reporters.")
    assert not any(entity.cls == "GovernmentBody" for entity in found.values())


def test_an_unnamed_post_holder_keeps_its_words_as_an_alias(nlp: Language) -> None:
    found = entities(nlp, "The Peruvian ambassador said the talks were useful.")
    holder = next(entity for entity in found.values() if entity.description)
    assert "Peruvian ambassador" in holder.aliases


def test_a_title_after_another_name_is_no_post_of_the_state(nlp: Language) -> None:
    found = entities(nlp, "The US strike that killed Iranian general Ali Rad angered Tehran.")
    assert not any(entity.description for entity in found.values())


def test_the_head_noun_names_again_the_one_body_with_it(nlp: Language) -> None:
    found = entities(nlp, "The Harlow Port Board met on Monday. Later the board voted.")
    assert [mention.text for mention in found["Harlow Port Board"].mentions] == [
        "Harlow Port Board", "the board"]


def test_the_head_noun_of_two_bodies_or_before_of_names_neither(nlp: Language) -> None:
    found = entities(nlp, "The Harlow Port Board and the Tollund Water Board met. The board "
                          "voted. The board of a bank resigned.")
    assert all(len(entity.mentions) == 1 for entity in found.values()
               if entity.cls == "GovernmentBody")


def test_a_relative_with_a_lexicon_persons_family_name_is_another_person(nlp: Language) -> None:
    found = entities(nlp, "Former First Lady Michelle Obama spoke first.")
    assert "Michelle Obama" in found and "Barack Obama" not in found


def test_a_lexicon_short_name_alone_needs_its_person_s_state_or_body(nlp: Language) -> None:
    assert "Donald Trump" in entities(nlp, "Trump spoke to reporters in the United States.")
    assert "Donald Trump" not in entities(nlp, "Trump spoke to reporters in Peru.")
    found = entities(nlp, "The Bishop-Emeritus of Marbel died in Manila on Friday.")
    assert "Julie Bishop" not in found


def test_the_lexicon_short_name_stays_with_its_person_beside_a_relative(nlp: Language) -> None:
    found = entities(nlp, "Donald Trump spoke. His niece Mary Trump wrote a book. Trump "
                          "called it a lie.")
    assert "Trump" in found["Donald Trump"].aliases
    assert "Mary Trump" in found
