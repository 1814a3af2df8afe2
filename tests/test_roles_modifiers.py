"""Posts with words the text sets around them: describing words before a post in
apposition, the possessive of a plural name, a post's topic, the portfolio of a minister,
posts joined by "and", a body a state owns (sentences written for these tests)."""
from __future__ import annotations

import pytest
from spacy.language import Language

from roles_support import posts


def test_describing_words_before_a_post_whose_holder_follows_it(nlp: Language) -> None:
    text = "Karim Haddad, the veteran foreign minister of Lebanon, arrived on Monday."
    assert posts(nlp, text) == {("Karim Haddad", "Foreign Minister", "Lebanon")}


def test_a_clause_before_a_post_is_no_description_of_it(nlp: Language) -> None:
    text = "Karim Haddad, who became foreign minister of Lebanon, arrived on Monday."
    assert posts(nlp, text) == set()


def test_describing_words_after_a_possessive_holder_give_no_post(nlp: Language) -> None:
    # the words may be part of the post ("personal envoy"), which the title list lacks
    text = "Karim Haddad, Lebanon's personal envoy, arrived on Monday."
    assert posts(nlp, text) == set()


@pytest.mark.parametrize("text", [
    "The United Nations’ envoy, Karim Haddad, arrived on Monday.",
    "Karim Haddad, the United Nations’ envoy, arrived on Monday.",
])
def test_the_possessive_of_a_plural_name(nlp: Language, text: str) -> None:
    assert posts(nlp, text) == {("Karim Haddad", "Envoy", "United Nations")}


def test_a_post_s_topic_between_it_and_the_name_is_left_out(nlp: Language) -> None:
    text = "The EU's special envoy for the dialogue, Karim Haddad, met both leaders."
    assert posts(nlp, text) == {("Karim Haddad", "Special Envoy", "European Union")}


@pytest.mark.parametrize("text, expected", [
    ("Indonesia's fisheries minister, Budi Santoso, took a harder line.",
     ("Budi Santoso", "Fisheries Minister", "Indonesia")),
    ("French Overseas Minister Manuel Valls met the leaders.",
     ("Manuel Valls", "Overseas Minister", "France")),
    ("Italy's economic development minister, Mario Rossi, spoke.",
     ("Mario Rossi", "Economic Development Minister", "Italy")),
    ("Chile's former minister Mario Rossi spoke.", ("Mario Rossi", "Minister", "Chile")),
])
def test_a_portfolio_written_before_a_generic_minister(nlp: Language, text: str,
                                                       expected: tuple[str, str, str]) -> None:
    assert expected in posts(nlp, text)


def test_a_holder_whose_name_takes_the_before_a_post_in_apposition(nlp: Language) -> None:
    text = "Karim Haddad, the EU's foreign minister, arrived on Monday."
    assert posts(nlp, text) == {("Karim Haddad", "Foreign Minister", "European Union")}


def test_a_spokesperson_for_a_body_before_the_name_holds_the_post_in_that_body(
        nlp: Language) -> None:
    text = "A spokesperson for the European Commission, Karim Haddad, declined to comment."
    assert posts(nlp, text) == {("Karim Haddad", "Spokesperson", "European Commission")}


def test_a_post_of_a_body_that_a_state_owns(nlp: Language) -> None:
    text = "Karim Haddad, chairman of Lebanon's Security Council, arrived on Monday."
    found = posts(nlp, text)
    assert ("Karim Haddad", "Chairman", "Lebanon") not in found
    assert {title for _, title, of in found if of.endswith("Security Council")} == {"Chairman"}


def test_two_posts_joined_before_a_name_share_a_state(nlp: Language) -> None:
    text = "Lebanese Deputy Prime Minister and Foreign Minister Karim Haddad spoke first."
    assert {("Karim Haddad", "Deputy Prime Minister", "Lebanon"),
            ("Karim Haddad", "Foreign Minister", "Lebanon")} <= posts(nlp, text)


def test_a_body_before_two_joined_posts_holds_only_the_first(nlp: Language) -> None:
    text = "World Food Programme director and Prime Minister Karim Haddad spoke first."
    found = posts(nlp, text)
    assert ("Karim Haddad", "Director", "World Food Programme") in found
    assert ("Karim Haddad", "Prime Minister", "World Food Programme") not in found
