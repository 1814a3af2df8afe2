"""Posts whose holder is a possessive pronoun or comes after a prefix of the post.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

import pytest
from roles_support import posts


def test_its_before_the_post_is_the_body_named_before(nlp):
    text = ("The European Union named a new envoy on Monday. Its foreign policy chief, "
            "Josep Marel, called the choice sound.")
    assert ("Josep Marel", "Foreign Policy Chief", "European Union") in posts(nlp, text)


def test_its_after_the_name_is_the_body_named_before(nlp):
    text = "NATO met in Brussels. Mark Rutte, its secretary general, spoke first."
    assert posts(nlp, text) == {("Mark Rutte", "Secretary General", "NATO")}


def test_its_with_no_body_before_gives_no_post(nlp):
    text = "The firm hired a lawyer. Its chief executive, Dana Omarova, declined to comment."
    assert posts(nlp, text) == set()


def test_a_prefix_of_the_post_in_apposition(nlp):
    text = "Tomas Ibarra, Chile's government spokesman, said the talks would resume."
    assert posts(nlp, text) == {("Tomas Ibarra", "Government Spokesman", "Chile")}


def test_the_country_before_the_post_is_the_state_named_before(nlp):
    text = ("Chile held elections in May. The country's foreign minister, Tomas Ibarra, "
            "conceded defeat.")
    assert ("Tomas Ibarra", "Foreign Minister", "Chile") in posts(nlp, text)


def test_the_bank_after_the_name_is_the_bank_named_before(nlp):
    text = ("The World Bank welcomed the deal. “It shows what patience can do,” said "
            "Tatiana Proskuryakova, the bank's president, in a statement.")
    assert ("Tatiana Proskuryakova", "President", "World Bank") in posts(nlp, text)


def test_a_post_of_a_state_before_the_comma_of_the_name(nlp):
    text = "The foreign minister of Uzbekistan, Bakhtiyor Saidov, arrived in Astana."
    assert posts(nlp, text) == {("Bakhtiyor Saidov", "Foreign Minister", "Uzbekistan")}


def test_the_state_of_a_post_after_the_name(nlp):
    text = "Foreign Minister Bakhtiyor Saidov of Uzbekistan arrived in Astana."
    assert posts(nlp, text) == {("Bakhtiyor Saidov", "Foreign Minister", "Uzbekistan")}


def test_a_state_that_opens_a_longer_name_is_not_the_holder(nlp):
    text = "Director Anna Lindqvist of the United States Geological Survey spoke."
    assert ("Anna Lindqvist", "Director", "United States") not in posts(nlp, text)


def test_its_is_not_the_body_named_after_a_preposition(nlp):
    text = ("The European Union will lift the measures it imposed on Kosovo, its foreign "
            "policy chief Josep Borrell said on Wednesday.")
    assert ("Josep Borrell", "Foreign Policy Chief", "European Union") in posts(nlp, text)


def test_a_spokeswoman_for_a_body_in_apposition(nlp):
    text = "Anna Lindqvist, spokeswoman for the European Commission, said the talks would resume."
    assert posts(nlp, text) == {("Anna Lindqvist", "Spokeswoman", "European Commission")}


def test_a_capitalised_post_in_apposition(nlp):
    text = "Anna Lindqvist, President of the European Commission, said the talks would resume."
    assert posts(nlp, text) == {("Anna Lindqvist", "President", "European Commission")}


def test_a_post_to_the_united_nations_before_the_name(nlp):
    text = "Sweden's ambassador to the United Nations, Anna Lindqvist, said the talks would resume."
    assert posts(nlp, text) == {("Anna Lindqvist", "Ambassador to United Nations", "Sweden")}


def test_its_post_is_not_held_by_a_state_named_by_its_demonym(nlp) -> None:
    found = posts(nlp, "Chile expelled three Peruvian consular staff on Monday and recalled its "
                       "ambassador, Rosa Medel, for consultations.")
    assert ("Rosa Medel", "Ambassador", "Chile") in found



@pytest.mark.parametrize(("text", "post"), [
    ("The African Union praised Chad for the ceasefire. Its envoy, Marta Obuya, said "
     "monitors would follow.", ("Marta Obuya", "Envoy", "African Union")),
    ("The Arab League backed Jordan on Monday. \"We stand together,\" said its "
     "secretary-general, Karim Haddad.", ("Karim Haddad", "Secretary-General", "Arab League")),
    ("Chad's president opened the summit, and Niger was represented by its foreign minister, "
     "Ali Moussa.", ("Ali Moussa", "Foreign Minister", "Niger")),
])
def test_its_is_the_subject_of_its_sentence_or_of_the_one_before_a_quote(nlp, text, post):
    assert post in posts(nlp, text)


def test_its_after_a_subject_that_is_no_entity_gives_no_post(nlp):
    text = ("Talks in Lima ended without a deal. The Andean Hauliers Guild threatened a strike "
            "in Peru. Its president, Rosa Quispe, said drivers had no food.")
    assert not {post for post in posts(nlp, text, dateline="Lima") if post[0] == "Rosa Quispe"}
