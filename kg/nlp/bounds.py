"""The limits on what one article hands the tokenizer and the rules, as plain settings.

Apart from kg/nlp/limits.py (which applies them, and needs spaCy) so that the command line
can show their defaults without loading spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """The most one article may hand the rules.

    ``max_word_chars``: a longer run without white space is split by a regular expression;
    ``max_sentence_chars``: a longer sentence is cut into pieces; ``max_entities``: names
    past this many (in text order) are left out; ``max_triggers``: event triggers past this
    many are left out. The defaults are several times what a long news article needs (in
    the 294 Wikinews articles: runs without a space up to 60 characters, sentences up to
    731, up to 134 entity names and 103 triggers).
    """

    max_word_chars: int = 200
    max_sentence_chars: int = 2000
    max_entities: int = 500
    max_triggers: int = 1000
