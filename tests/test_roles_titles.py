"""Posts as the text writes them, and whose post it is where the text does not say.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import extract_entities
from kg.extract.roles import written_title
from kg.lexicon import name_cues
from kg.model import Article
from roles_support import posts


def test_title_is_kept_as_written(nlp: Language) -> None:
    found = posts(nlp, "China's foreign ministry spokesman Lu Kang spoke, and the "
                       "North Korean Minister of Foreign Affairs Ri Yong-ho replied.")
    assert ("Lu Kang", "Spokesman", "Ministry of Foreign Affairs of China") in found
    assert ("Ri Yong-ho", "Minister of Foreign Affairs", "North Korea") in found


def test_foreign_minister_is_not_a_foreign_body(nlp: Language) -> None:
    text = "German Foreign Minister Heiko Maas arrived."
    assert posts(nlp, text) == {("Heiko Maas", "Foreign Minister", "Germany")}
    labels = {e.label for e in extract_entities(nlp(text), Article.from_text(text))}
    assert labels == {"Germany", "Heiko Maas"}


def test_post_without_its_state_takes_the_lexicons_where_the_state_is_named(
        nlp: Language) -> None:
    assert ("Vladimir Putin", "President", "Russia") in posts(
        nlp, "Russia held a parade. President Vladimir Putin watched.")
    assert ("Vladimir Putin", "President", "") in posts(
        nlp, "President Vladimir Putin watched a parade.")


def test_title_stops_at_punctuation(nlp: Language) -> None:
    found = posts(nlp, "Japan spoke to Washington. Chief Cabinet Secretary Yoshihide Suga "
                       "said so.")
    assert {title for _, title, _ in found} == {"Chief Cabinet Secretary"}


def test_written_title_and_same_post() -> None:
    assert written_title(["vice", "foreign", "minister"]) == "Vice Foreign Minister"
    assert name_cues().same_post("Spokesman", "spokesperson")
    assert not name_cues().same_post("Spokesman", "President")


def test_post_in_apposition_after_the_name(nlp: Language) -> None:
    found = posts(nlp, "Elliott Abrams, the US special representative for Venezuela, "
                       "spoke on Monday.")
    assert ("Elliott Abrams", "Special Representative for Venezuela", "United States") in found
    assert {person for person, _, _ in found} == {"Elliott Abrams"}


def test_post_before_the_name_with_a_comma_and_acting(nlp: Language) -> None:
    assert ("Khalid al-Falih", "Energy Minister", "Saudi Arabia") in posts(
        nlp, "Saudi Arabia's energy minister, Khalid al-Falih, said prices would rise.")
    assert ("Patrick Shanahan", "Acting Defense Secretary", "United States") in posts(
        nlp, "The acting US Defense Secretary, Patrick Shanahan, briefed senators.")


def test_description_gives_its_holder_the_post(nlp: Language) -> None:
    assert ("Kim Jong-un", "Leader", "North Korea") in posts(
        nlp, "Kim Jong-un flew home. Aides said the North Korean leader was tired.")


def test_a_preposition_is_no_adjective_of_a_post(nlp: Language) -> None:
    found = posts(nlp, "Envoys met at the White House with President Donald Trump.")
    assert ("Donald Trump", "President", "White House") not in found


def test_a_state_of_a_country_holds_its_governor(nlp: Language) -> None:
    """The lexicon's first-level divisions: "New Mexico" is a state, not Mexico."""
    found = posts(nlp, "New Mexico Governor Ana Ruiz signed the bill on Monday.")
    assert found == {("Ana Ruiz", "Governor", "New Mexico")}


@pytest.mark.parametrize("text, wanted", [
    ("Chief Harlan Front spokesman Emil Vasko said the talks were over.", "Chief Spokesman"),
    ("Norway's government spokesman, Emil Vasko, said little.", "Government Spokesman"),
])
def test_a_prefix_word_is_part_of_the_post(nlp: Language, text: str, wanted: str) -> None:
    assert wanted in {title for person, title, _ in posts(nlp, text) if person == "Emil Vasko"}


def test_a_post_after_and_shares_the_state_of_the_titled_person_before_it(nlp: Language) -> None:
    found = posts(nlp, "The envoy met Latvian President Ilze Berzina and Prime Minister Juris "
                       "Ozols in Riga.")
    assert ("Juris Ozols", "Prime Minister", "Latvia") in found
    assert ("Ilze Berzina", "President", "Latvia") in found


def test_a_post_after_and_takes_no_state_from_a_person_without_one(nlp: Language) -> None:
    found = posts(nlp, "The envoy met Ilze Berzina and Prime Minister Juris Ozols in Riga.")
    assert ("Juris Ozols", "Prime Minister", "") in found


@pytest.mark.parametrize(("text", "dateline", "post"), [
    ("Gabon accepted the ruling on Tuesday, and Cameroon welcomed it. President Maria Ondo "
     "said the sea had not changed.", "LIBREVILLE", ("Maria Ondo", "President", "Gabon")),
    ("Talks between Chile and Peru ended without a deal. Prime Minister Ana Rojas said the "
     "talks would resume.", None, ("Ana Rojas", "Prime Minister", "Chile")),
    ("Turkey's defence ministry rejected the protest. A ministry spokesman, Ahmet Kaya, said "
     "the navy had acted lawfully.", None,
     ("Ahmet Kaya", "Spokesman", "Ministry of Defence of Turkey")),
    ("Turkey's defence ministry rejected the protest. A ministry spokesman, Rear Admiral Ahmet "
     "Kaya, said the navy had acted lawfully.", None,
     ("Ahmet Kaya", "Spokesman", "Ministry of Defence of Turkey")),
    ("Greece lodged a protest, the Greek foreign ministry said.\n\nForeign ministry "
     "spokeswoman Eleni Marou told a briefing that the survey was lawful.", None,
     ("Eleni Marou", "Spokeswoman", "Ministry of Foreign Affairs of Greece")),
    ("The law is the key, according to Ana Rossi, the European Union's special "
     "representative in the country.", None,
     ("Ana Rossi", "Special Representative", "European Union")),
    ("The treaty was fair, according to Ravi Perera, a former Sri Lankan envoy to India.",
     None, ("Ravi Perera", "Envoy", "Sri Lanka")),
    ("The European Commission asked for licences for boats from Latvia and Poland. Its "
     "spokeswoman, Ana Kovac, said the answer was wrong.", None,
     ("Ana Kovac", "Spokeswoman", "European Commission"))])
def test_a_post_the_title_list_or_the_phrase_leaves_open_is_read_from_the_article(
        nlp: Language, text: str, dateline: str | None, post: tuple[str, str, str]) -> None:
    """A bare state post: the dateline's state, else the first state named; a ministry's
    post: the ministry named before, or that of the state of the sentence before; a post
    in apposition held "in" a place; a state's adjective after "former"; "its" is not a
    state in a list after "from"."""
    assert post in posts(nlp, text, dateline)


def test_a_province_post_or_a_known_persons_post_takes_no_article_state(
        nlp: Language) -> None:
    found = posts(nlp, "India protested to Sri Lanka. Chief Minister Ravi Kumar wrote to "
                       "President Vladimir Putin.")
    assert ("Ravi Kumar", "Chief Minister", "") in found
    assert ("Vladimir Putin", "President", "") in found
