"""Posts whose portfolio the text writes after "of" or "for", kept in the title, and posts
held "in" or "at" a body.

Sentences written for these tests; the project's own lexicon.
"""
from __future__ import annotations

import pytest
from roles_support import posts


@pytest.mark.parametrize(("text", "post"), [
    ("Ghana's minister of state for coastal affairs, Kofi Mensah, toured the port.",
     ("Kofi Mensah", "Minister of State for Coastal Affairs", "Ghana")),
    ("Peru's principal secretary for water resources, Lucia Rojas, met the delegates.",
     ("Lucia Rojas", "Principal Secretary for Water Resources", "Peru")),
    ("Lucia Rojas, Peru's minister for coastal fisheries, met the delegates.",
     ("Lucia Rojas", "Minister for Coastal Fisheries", "Peru")),
    ("Kofi Mensah, Ghana's undersecretary of regional trade, left early.",
     ("Kofi Mensah", "Undersecretary of Regional Trade", "Ghana")),
    ("The team was led by Hana Novak, a director at the Fisheries Agency.",
     ("Hana Novak", "Director", "Fisheries Agency")),
    ("Hana Novak, a director in Slovakia's Ministry of Foreign Affairs, spoke.",
     ("Hana Novak", "Director", "Ministry of Foreign Affairs")),
])
def test_the_portfolio_is_part_of_the_post_and_a_body_it_is_held_in_its_holder(nlp, text, post):
    assert post in posts(nlp, text)


def test_an_envoy_for_a_topic_keeps_the_title_alone(nlp):
    text = "Ghana's special envoy for the talks, Kofi Mensah, arrived in Accra."
    assert ("Kofi Mensah", "Special Envoy", "Ghana") in posts(nlp, text)

