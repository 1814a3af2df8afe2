"""Facts beside events (kg/extract/relations.py): who works for whom, what lies where, who
belongs to what; on short texts written for these tests with their entities set by hand."""
from __future__ import annotations

import pytest

from events_support import extract_text

NAMES = {
    "Chris Green": ("green", "Person"), "Kim": ("kim", "Person"),
    "International Crisis Group": ("icg", "Organization"), "ASEAN": ("asean", "Organization"),
    "Seoul": ("seoul", "City"), "South Korea": ("sk", "Country"), "Vietnam": ("vn", "Country"),
    "Kenosha": ("kenosha", "City"), "Wisconsin": ("wi", "Region"), "Ohio": ("oh", "Region"),
    "Texas": ("tx", "Region"), "Utah": ("ut", "Region"), "United States": ("us", "Country"),
    "Yongbyon": ("yongbyon", "Facility"), "North Korea": ("nk", "Country"),
}


def relations(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in extract_text(text, NAMES).relations}


@pytest.mark.parametrize("text, expected", [
    ("Chris Green of the International Crisis Group said the talks had stalled.",
     {("green", "worksFor", "icg")}),
    ("Kim cited a report of the International Crisis Group.", set()),
    ("The complex at Yongbyon in North Korea was shut.", {("yongbyon", "locatedIn", "nk")}),
    ("Kim toured Yongbyon and later flew from North Korea.", set()),
    ("Kim arrived in Seoul, South Korea, on Monday.", {("seoul", "locatedIn", "sk")}),
    ("Voters went to the polls in Ohio, Texas and Utah.", set()),
    ("A shooting in Kenosha, Wisconsin, United States left two dead.",
     {("kenosha", "locatedIn", "wi"), ("wi", "locatedIn", "us")}),
    ("Vietnam, a member of ASEAN, objected.", {("vn", "memberOf", "asean")}),
    ("Kim left Seoul.\n\nThe members of ASEAN met.", set()),
    ("Chris Green of the\nInternational Crisis Group said so.", {("green", "worksFor", "icg")}),
    ("The complex at Yongbyon in\nNorth Korea was shut.", {("yongbyon", "locatedIn", "nk")}),
    ("Vietnam, a member of\nASEAN, objected.", {("vn", "memberOf", "asean")}),
])
def test_relations_stated_next_to_their_subject(text, expected):
    assert relations(text) == expected
