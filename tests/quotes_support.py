"""Helpers for the quote tests: the speaker and words of every quote of a short text."""
from __future__ import annotations

from events_support import extract_text


def quoted_speakers(text: str, names: dict[str, tuple[str, str]]) -> list[tuple[str | None, str]]:
    """(speaker label, words) of every quote of ``text``, with the entities ``names`` sets."""
    extraction = extract_text(text, names)
    labels = {e.local_id: e.label for e in extraction.entities}
    return [(labels.get(q.speaker, q.speaker), q.text) for q in extraction.quotes]
