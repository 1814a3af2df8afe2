"""Common nouns that name again a body of the article (ArticleContext.described_body): "the
company" is the last company named before. Sentences written for these tests; entities set
by hand."""
from __future__ import annotations

from events_support import extract_text

NAMES = {"Maridal Shipping": ("maridal", "Organization"), "Maridal": ("maridal", "Organization"),
         "Harbour Union": ("union", "Organization"), "Norland": ("norland", "Country")}


def agents_of(text: str, cls: str) -> list[list[str]]:
    return [event.agents for event in extract_text(text, NAMES).events if event.cls == cls]


def test_the_company_is_the_company_named_before():
    text = "Norland fined Maridal Shipping. The next day the company urged Norland to relent."
    assert agents_of(text, "Appeal") == [["maridal"]]


def test_the_company_is_no_organisation_without_a_company_word():
    text = "Norland fined the Harbour Union. The next day the company urged Norland to relent."
    assert agents_of(text, "Appeal") == []
