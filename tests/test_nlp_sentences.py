"""kg_sentencizer splits where spaCy's sentencizer does (texts written for these tests, and
the shipped example articles)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import kg.nlp.sentences  # noqa: F401  (registers kg_sentencizer)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
TEXTS = [
    "", "No stop at all", "One. Two.", "Is it over?! \u201cYes.\u201d Then silence...",
    "Talks (in Geneva.) resumed. \n\nA new paragraph! And the end",
    *(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))),
]


def starts(component: str, text: str) -> list[bool]:
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    return [token.is_sent_start for token in nlp(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_sentence_starts_as_spacys_sentencizer(text: str) -> None:
    assert starts("kg_sentencizer", text) == starts("sentencizer", text)
