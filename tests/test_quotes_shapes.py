"""Speaker shapes of wire copy, on short texts written for these tests (entities set by hand)."""
from __future__ import annotations

from events_support import extract_text

PEOPLE = {"Nadia Petrosyan": ("petrosyan", "Person"), "Petrosyan": ("petrosyan", "Person"),
          "Emre Kaya": ("kaya", "Person"), "Kaya": ("kaya", "Person"),
          "Armenia": ("am", "Country"), "Turkey": ("tr", "Country"),
          "Radio Ankara": ("ra", "Organization")}


def speakers(text: str, names: dict[str, tuple[str, str]] = PEOPLE) -> list[tuple[str | None, str]]:
    extraction = extract_text(text, names)
    labels = {e.local_id: e.label for e in extraction.entities}
    return [(labels.get(q.speaker, q.speaker), q.text) for q in extraction.quotes]


def test_he_said_is_the_person_opening_the_sentence_after_an_earlier_speaker():
    text = ("Nadia Petrosyan met the envoys. “The border can open,” Petrosyan said. "
            "Emre Kaya sounded less sure. “Conditions come first,” he said.")
    assert [s for s, _ in speakers(text)] == ["Nadia Petrosyan", "Emre Kaya"]


def test_he_said_keeps_the_earlier_speaker_named_after_the_opening_person():
    text = ("Emre Kaya sounded less sure. “Conditions come first,” Kaya said. "
            "“We will wait,” he said.")
    assert [s for s, _ in speakers(text)] == ["Emre Kaya", "Emre Kaya"]
