"""The ``kg_gazetteer`` component: every surface form of the lexicon, matched on normalised tokens.

Each token's NORM is set to ``token_norm`` of its text (case, diacritics, dots, apostrophes
and British/American spelling folded), and one PhraseMatcher over NORM holds every form of
every entry, each also with and without hyphens between its words, so "Kim Jong Un",
"Kim Jong-un" and "KIM JONG-UN" are one match. Forms written in capitals in the lexicon
("US", "UN") only match capitals; a match needs at least one capitalised word ("the North",
never "the north"). A metonym ("Pyongyang" for North Korea) stands for its state unless it
is a place in the sentence ("a speech in Seoul", "Washington-based").

>>> import spacy
>>> from kg.lexicon import Lexicon
>>> nlp = spacy.blank("en")
>>> gazetteer = Gazetteer(nlp, "kg_gazetteer", "kg_entities", Lexicon.from_entries([
...     {"id": "kim-jong-un", "label": "Kim Jong-un", "class": "Person"}]))
>>> doc = gazetteer(nlp("KIM JONG UN met us"))
>>> [(span.text, span.kb_id_) for span in doc.spans["kg_entities"]]
[('KIM JONG UN', 'kim-jong-un')]
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import DEP, IS_SPACE, NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.lexicon import FORM_KINDS, Lexicon, NameCues, load_lexicon, name_cues
from kg.nlp.events import read_lexicon_yaml
from kg.nlp.normalise import normalise_term, token_norm
from kg.nlp.spans import ENTITIES_KEY, acts, entity_span, in_place_context, is_capitalised
from kg.nlp.tokens import annotated, word_before
from kg.nlp.words import common_words

PLACE_CLASSES = frozenset({"Country", "City", "Region"})
MAX_HYPHEN_GAPS = 3  # forms with more gaps between words get only the plain variants
KIND_CONFIDENCE = {"name": 1.0, "alias": 1.0, "short_name": 0.8, "demonym": 0.9,
                   "metonym": 0.9}
AMBIGUOUS_CONFIDENCE = 0.6
ACRONYM_LENGTH = 6
SUBSUMED_KINDS = frozenset({"metonym", "short_name"})  # dropped before a capitalised word


class Normaliser:
    """Sets every token's NORM to its folded form, computing each word once per process."""

    def __init__(self, nlp: Language) -> None:
        self.strings = nlp.vocab.strings
        self.norm_of: dict[int, int] = {}

    def norm_hash(self, orth: int) -> int:
        """The hash of the folded form of one word."""
        found = self.norm_of.get(orth)
        if found is None:
            found = self.norm_of[orth] = self.strings.add(token_norm(self.strings[orth]))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths = doc.to_array(ORTH)
        unique, inverse = numpy.unique(orths, return_inverse=True)
        norms = numpy.array([self.norm_hash(int(orth)) for orth in unique], dtype="uint64")
        doc.from_array([NORM], norms[inverse].reshape(-1, 1))
        return doc


def matches_across_line_breaks(matcher: PhraseMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    """``matcher(doc)``, but a name wrapped onto the next line ("UN\nSecurity Council") matches.

    Line breaks are tokens of their own in spaCy; where a Doc has any, the matcher runs over
    a copy without them and the matches are mapped back to the Doc's token indices.
    """
    spaces = doc.to_array(IS_SPACE)
    if not spaces.any():
        return matcher(doc)
    kept = numpy.flatnonzero(spaces == 0)
    norms = doc.to_array(NORM)[kept]
    strings = doc.vocab.strings
    compact = Doc(doc.vocab, words=[strings[int(norm)] for norm in norms])
    compact.from_array([NORM], norms.reshape(-1, 1))
    return [(match_id, int(kept[start]), int(kept[end - 1]) + 1)
            for match_id, start, end in matcher(compact)]


def hyphen_variants(doc: Doc) -> Iterator[list[str]]:
    """The token texts of a form, with each gap between its words as written, space or hyphen.

    "Kim Jong-un" gives both ["Kim", "Jong", "-", "un"] and ["Kim", "Jong", "un"].
    """
    words: list[str] = []
    hyphenated: list[bool] = []
    for token in doc:
        if token.text == "-" and words and not doc[token.i - 1].whitespace_:
            hyphenated[-1] = True
            continue
        words.append(token.text)
        hyphenated.append(False)
    gaps = len(words) - 1
    if gaps <= 0:
        yield words
        return
    choices = (itertools.product((False, True), repeat=gaps) if gaps <= MAX_HYPHEN_GAPS
               else (tuple(hyphenated[:-1]), (False,) * gaps))
    for choice in choices:
        tokens = [words[0]]
        for word, hyphen in zip(words[1:], choice):
            tokens.extend(("-", word) if hyphen else (word,))
        yield tokens


def is_acronym(text: str) -> bool:
    """True for a form written in capitals: "US", "U.S.", "KCNA"."""
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= ACRONYM_LENGTH


def is_motion_goal(doc: Doc, governor: Token, cues: NameCues) -> bool:
    """True where the word before a name makes it the goal of a motion: a motion verb
    ("visited"), or "to" after one ("flying on to", "returned to")."""
    if governor.lemma_ in cues.motion_verbs:
        return True
    if governor.lower_ not in ("to", "toward", "towards"):
        return False
    first = word_before(doc, governor.i)
    second = word_before(doc, first.i) if first is not None else None
    return any(word is not None and word.lemma_ in cues.motion_verbs for word in (first, second))


def is_month_date(doc: Doc, start: int, end: int, cues: NameCues) -> bool:
    """True for a month name written as a date, not a name: beside a number ("9 May 2019")
    or after a time word ("in May", "since May")."""
    if end - start != 1 or normalise_term(doc[start].text) not in cues.months:
        return False
    before = word_before(doc, start)
    after = doc[end] if end < len(doc) else None
    return before is not None and (before.is_digit or before.lower_ in cues.month_cues_before) \
        or after is not None and after.is_digit


@cache
def document_heads() -> frozenset[str]:
    """Words that end the name of a treaty or agreement named after a place (names.yaml
    ``document_heads``)."""
    return frozenset(normalise_term(word) for word in read_lexicon_yaml("names.yaml")["document_heads"])


@dataclass(frozen=True)
class Candidate:
    """One gazetteer match before overlaps are settled."""

    start: int
    end: int
    entry_id: str
    kind: str

    def rank(self) -> tuple[int, int, int]:
        """Sort key: longest first, then an acting metonym, then strongest kind, then earliest.

        Metonyms in a place context are filtered out before ranking, so one that is left
        stands for its state ("Pyongyang wanted" is North Korea, not the city).
        """
        kind = -1 if self.kind == "metonym" else FORM_KINDS.index(self.kind)
        return (self.start - self.end, kind, self.start)


class Gazetteer:
    """Writes every lexicon match of a Doc to ``doc.spans[spans_key]``."""

    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: Lexicon,
                 extra_files: tuple[str, ...] = ()) -> None:
        self.name = name
        self.extra_files = list(extra_files)
        self.spans_key = spans_key
        self.lexicon = lexicon
        self.cues = name_cues()
        self.normalise = Normaliser(nlp)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        patterns: dict[str, list[Doc]] = {}
        for text, entry_id, kind in lexicon.surface_forms():
            case = "upper" if is_acronym(text) else "any"
            docs = patterns.setdefault(f"{entry_id}|{kind}|{case}", [])
            for words in hyphen_variants(nlp.make_doc(text)):
                docs.append(self.normalise(Doc(nlp.vocab, words=words)))
        for key, docs in patterns.items():
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        self.normalise(doc)
        parsed = annotated(doc, DEP)
        candidates = [found for found in (self.in_context(doc, candidate, parsed)
                                          for candidate in self.candidates(doc)) if found]
        taken = bytearray(len(doc))
        spans: list[Span] = []
        for candidate in sorted(candidates, key=Candidate.rank):
            if any(taken[candidate.start:candidate.end]):
                continue
            taken[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
            spans.append(self.span_of(doc, candidate))
        doc.spans[self.spans_key] = sorted(spans, key=lambda span: span.start)
        doc.spans[self.spans_key].attrs["lexicons"] = self.extra_files  # for kg/extract
        return doc

    def candidates(self, doc: Doc) -> Iterator[Candidate]:
        """Every match whose case fits the form it matched."""
        strings = doc.vocab.strings
        for match_id, start, end in matches_across_line_breaks(self.matcher, doc):
            entry_id, kind, case = strings[match_id].split("|")
            words = [token for token in doc[start:end] if token.is_alpha]
            if not any(is_capitalised(token) for token in doc[start:end]):
                continue
            if case == "upper" and not all(token.is_upper for token in words):
                continue
            yield Candidate(start, end, entry_id, kind)

    def in_context(self, doc: Doc, candidate: Candidate, parsed: bool) -> Candidate | None:
        """The candidate as the context reads it, or None where it does not fit.

        A metonym or short name right before a capitalised word is part of a longer name; a
        metonym that does not act is the capital city it names ("Washington-based"), if any.
        ``parsed``: whether the Doc has a dependency parse.
        """
        if candidate.kind in SUBSUMED_KINDS and candidate.end < len(doc) \
                and doc[candidate.end].is_title:
            return None
        if is_month_date(doc, candidate.start, candidate.end, self.cues) \
                or self.surname_of_place(doc, candidate) or self.head_of_longer_place(doc, candidate) \
                or self.family_name_of_another(doc, candidate) \
                or self.region_opening_name(doc, candidate) or self.names_a_document(doc, candidate) \
                or self.named_feature(doc, candidate):
            return None
        if candidate.kind != "metonym" or self.acting(doc, candidate.start, candidate.end, parsed):
            return candidate
        capital = self.capital_named(candidate.entry_id, doc[candidate.start:candidate.end].text)
        return Candidate(candidate.start, candidate.end, capital, "alias") if capital else None

    def family_name_of_another(self, doc: Doc, candidate: Candidate) -> bool:
        """A lexicon person's short name right after a capitalised given name that is neither
        a title nor a form of the lexicon: the family name of a relative ("Michelle Obama",
        "Melania Trump"), whom the shape rules then read whole; not "President Obama"."""
        if candidate.kind != "short_name" or candidate.end - candidate.start != 1 \
                or candidate.start == 0 or self.lexicon[candidate.entry_id].cls != "Person":
            return False
        before = doc[candidate.start - 1]
        norm = normalise_term(before.text)
        return before.is_title and before.is_alpha and not self.lexicon.lookup(before.text) \
            and norm not in self.cues.titles and norm not in self.cues.person_cues_before \
            and (norm in self.cues.given_names or before.lower_ not in common_words())

    def surname_of_place(self, doc: Doc, candidate: Candidate) -> bool:
        """A one-word place name right after a capitalised word that is no common word, no
        title and no name of the lexicon: the family name of a person the lexicon does not
        know ("Nikki Holland", "Jack London"), not the place."""
        if candidate.end - candidate.start != 1 or candidate.start == 0 \
                or self.lexicon[candidate.entry_id].cls not in PLACE_CLASSES:
            return False
        before = doc[candidate.start - 1]
        cues = self.cues
        return before.is_title and before.is_alpha and before.lower_ not in common_words() \
            and not any(before.lower_ in words
                        for words in (cues.place_modifiers, cues.weekdays, cues.months)) \
            and normalise_term(before.text) not in self.cues.titles \
            and not self.lexicon.lookup(before.text)

    def region_opening_name(self, doc: Doc, candidate: Candidate) -> bool:
        """The one-word name of a part of the world (a region in no state) right before a
        capitalised word that is no form of the lexicon: the first word of a longer name
        ("Pacific Gas and Electric", "a Pacific Islander", "the Arctic Council"), not the
        region. "Vermont Senator" keeps its state, "European Union" is the lexicon's."""
        end = candidate.end
        entry = self.lexicon[candidate.entry_id]
        if end - candidate.start != 1 or end >= len(doc) or candidate.kind != "name" \
                or entry.cls != "Region" or entry.located_in:
            return False
        after = doc[end]
        return after.is_title and after.is_alpha \
            and normalise_term(after.text) not in self.cues.not_names \
            and not self.lexicon.lookup(after.text)

    def names_a_document(self, doc: Doc, candidate: Candidate) -> bool:
        """A place right before a capitalised word of names.yaml ``document_heads``: part of
        the name of a treaty or agreement ("the Geneva Conventions", "the Paris Agreement"),
        not the place."""
        end = candidate.end
        return end < len(doc) and doc[end].is_title \
            and self.lexicon[candidate.entry_id].cls in PLACE_CLASSES \
            and normalise_term(doc[end].text) in document_heads()

    def named_feature(self, doc: Doc, candidate: Candidate) -> bool:
        """A one-word place right after a capitalised word of names.yaml ``feature_openers``:
        part of the name of a lake or a mountain ("Lake Victoria" is no mention of the city
        Victoria), which the shape rules then read whole."""
        start = candidate.start
        return candidate.end - start == 1 and start > 0 and doc[start - 1].is_title \
            and self.lexicon[candidate.entry_id].cls in PLACE_CLASSES \
            and normalise_term(doc[start - 1].text) in self.cues.feature_openers

    def head_of_longer_place(self, doc: Doc, candidate: Candidate) -> bool:
        """A match ending in a place head before "of" and a capitalised word: the head of a
        longer place name the lexicon does not know ("the Gulf" of "the Gulf of Aden")."""
        end = candidate.end
        return end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title \
            and normalise_term(doc[end - 1].text) in self.cues.place_heads

    def acting(self, doc: Doc, start: int, end: int, parsed: bool) -> bool:
        """True where the metonym at [start, end) stands for its state (``acts``); without a
        parse also as the object of a verb addressed to an actor ("urged both Pyongyang"),
        after an acting preposition ("with both Moscow and Kyiv") or a relation ("an ally of
        Washington"), never as the goal of a motion ("visited Beijing", "flying on to
        Manila")."""
        cues = self.cues
        if parsed or in_place_context(doc, start, end, cues.place_preps, cues.place_suffixes,
                                      parsed):
            return acts(doc, start, end, cues, parsed)
        governor = word_before(doc, start, cues.coordination_openers)
        if governor is None:
            return acts(doc, start, end, cues, parsed)
        if is_motion_goal(doc, governor, cues):
            return False
        before_of = word_before(doc, governor.i) if governor.lower_ == "of" else None
        return acts(doc, start, end, cues, parsed) or governor.lower_ in cues.acting_preps \
            or governor.lemma_ in cues.actor_object_verbs \
            or before_of is not None and before_of.lower_ in cues.acting_nouns_before_of

    def capital_named(self, state_id: str, text: str) -> str | None:
        """The id of the state's capital when ``text`` names it ("Washington"), else None."""
        capital = self.lexicon[state_id].capital
        if capital not in self.lexicon:
            return None
        wanted = normalise_term(text)
        names = [self.lexicon[capital].label, *self.lexicon[capital].aliases]
        return capital if any(normalise_term(name).startswith(wanted) for name in names) \
            else None

    def span_of(self, doc: Doc, candidate: Candidate) -> Span:
        """The entity span of a chosen match."""
        entry = self.lexicon[candidate.entry_id]
        confidence = AMBIGUOUS_CONFIDENCE if entry.ambiguous else KIND_CONFIDENCE[candidate.kind]
        return entity_span(doc, candidate.start, candidate.end, entry.cls, entry.id,
                           candidate.kind, confidence)


@Language.factory("kg_gazetteer",
                  default_config={"spans_key": ENTITIES_KEY, "lexicons": []})
def make_gazetteer(nlp: Language, name: str, spans_key: str, lexicons: list[str]) -> Gazetteer:
    """Build the gazetteer over the project's lexicon plus the files ``lexicons``."""
    lexicon = load_lexicon(tuple(Path(path) for path in lexicons))
    return Gazetteer(nlp, name, spans_key, lexicon, tuple(lexicons))
