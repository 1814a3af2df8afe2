"""How the words around a name decide what it is: metonyms, month names, capital descriptions.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.model import Article


def spans(nlp: Language, text: str) -> dict[str, str]:
    """Each entity span's text and the lexicon id it was given."""
    doc = nlp(text)
    return {span.text: span.kb_id_ for span in doc.spans["kg_entities"]}


@pytest.mark.parametrize("text, name, wanted", [
    ("Tokyo keeps ties with both Moscow and Kyiv.", "Moscow", "russia"),
    ("Canada, a close ally of Washington, kept quiet.", "Washington", "united-states"),
    ("Ministers urged both Pyongyang and Seoul to talk.", "Pyongyang", "north-korea"),
    ("The vote unsettled Brussels.", "Brussels", "brussels"),
    ("The envoy, flying on to Manila, said little.", "Manila", "manila"),
    ("The minister visited Beijing twice.", "Beijing", "beijing"),
    ("Pyongyang said it would reply.", "Pyongyang", "north-korea"),
    ("Kremlin spokesman Dmitry Peskov spoke.", "Kremlin", "kremlin"),
    ("The Kremlin said no.", "The Kremlin", "kremlin"),  # the body, as every gold set has it
])
def test_metonym_is_state_or_city_by_context(nlp: Language, text: str, name: str,
                                             wanted: str) -> None:
    assert spans(nlp, text)[name] == wanted


@pytest.mark.parametrize("text", ["Voting ended in May.", "The talks of 4 May went well.",
                                  "Ships left on May 12 and returned."])
def test_month_is_not_a_person(nlp: Language, text: str) -> None:
    assert "May" not in spans(nlp, text)


def test_month_name_alone_may_still_be_a_name(nlp: Language) -> None:
    assert spans(nlp, "Theresa May spoke first. May said the vote would stand.")["May"] \
        == "theresa-may"


def entity_labels(nlp: Language, text: str) -> set[str]:
    article = Article.from_text(text, published=date(2021, 6, 1))
    return {entity.label for entity in extract_entities(nlp(text), article)}


def test_capital_description_joins_only_a_named_capital(nlp: Language) -> None:
    assert "Minsk" not in entity_labels(nlp, "A plane landed in the Belarusian capital.")
    assert "Hanoi" in entity_labels(
        nlp, "Talks opened in Hanoi. Crowds filled the Vietnamese capital.")


def test_and_inside_one_organisation_name(nlp: Language) -> None:
    found = spans(nlp, "Rome joined the Belt and Road Initiative.")
    assert "Belt and Road Initiative" in found and "Road Initiative" not in found
    assert {"Green Party", "Labour Party"} <= set(
        spans(nlp, "Rome, the Green Party and Labour Party agreed."))


@pytest.mark.parametrize("text, place", [
    ("Prisoners are treated according to the Geneva Conventions.", "Geneva"),
    ("Sweden stayed in the Paris Agreement.", "Paris"),
])
def test_a_place_naming_a_treaty_is_no_mention_of_the_place(nlp: Language, text: str,
                                                            place: str) -> None:
    assert place not in spans(nlp, text)
    assert "Geneva" in spans(nlp, "Talks in Geneva ended late.")


@pytest.mark.parametrize("text, name, wanted", [
    ("The Faroese premier, Amal Sorensen, flew to Oslo.", "Faroese", "faroe-islands"),
    ("Greenland's leaders said nobody had asked them.", "Greenland", "greenland"),
    ("Talks on the TRNC stalled.", "TRNC", "northern-cyprus"),
    ("The Greek Cypriot leader met the Turkish Cypriot leader.", "Greek Cypriot", "cyprus"),
])
def test_territories_and_their_communities_are_the_lexicon_regions(
        nlp: Language, text: str, name: str, wanted: str) -> None:
    assert spans(nlp, text)[name] == wanted


@pytest.mark.parametrize("text", [
    "Nepal's House of Representatives voted late on Monday. The House of Representatives "
    "then adjourned.",
    "The Australian House of Representatives sat in Canberra.",
])
def test_a_body_the_text_gives_to_another_state_is_not_the_lexicon_body(
        nlp: Language, text: str) -> None:
    entities = extract_entities(nlp(text), Article.from_text(text, published=date(2024, 5, 1)))
    house = [entity for entity in entities if entity.cls == "GovernmentBody"]
    assert [(entity.label, entity.lexicon_id) for entity in house] == \
        [("House of Representatives", None)]


def test_a_lexicon_body_of_its_own_state_keeps_its_entry(nlp: Language) -> None:
    text = "The US House of Representatives voted on Friday."
    entities = extract_entities(nlp(text), Article.from_text(text, published=date(2024, 5, 1)))
    assert "us-house" in {entity.lexicon_id for entity in entities}


@pytest.mark.parametrize("text, name, wanted", [
    ("Floods cut the roads of Rakhine and Sagaing last week.", "Sagaing", "sagaing"),
    ("Fighting spread across Upper Nile overnight.", "Upper Nile", "upper-nile"),
    ("Farmers in Tamaulipas need water from the Rio Grande.", "Rio Grande", "rio-grande"),
    ("Boats were chased off near Huangyan Dao.", "Huangyan Dao", "scarborough-shoal"),
    ("He said the Malvinas belong to Argentina.", "Malvinas", "falkland-islands"),
])
def test_provinces_rivers_and_shoals_are_the_lexicon_regions(
        nlp: Language, text: str, name: str, wanted: str) -> None:
    assert spans(nlp, text)[name] == wanted
