"""The entities of one article, each once, from the entity spans of its Doc.

``extract_entities(doc, article)`` groups the mentions of ``doc.spans["kg_entities"]`` into
entities within the article:

- mentions of one lexicon entry are one entity, whatever form they take (names, aliases,
  metonyms that act, demonyms);
- a form two lexicon entries share ("Congo", "Congolese") is the one of them the article
  names by a form of its own ("the Democratic Republic of Congo");
- a body of a state written with the state's name ("South Korea's foreign ministry", "the
  Chinese Communist Party") is also a mention of that state;
- a short name ("Kim", "Trump", "Green") joins the one person of the article whose name holds
  that word; the lexicon's short name is used only where the article names no such person,
  and a word shared by two persons of the article is left alone (never guessed);
- other names are one entity per class and normalised name;
- a post with no name ("the North Korean foreign minister") is the person who holds it per
  the article or, at the article's date, per the lexicon; else it stays a description, which
  kg/resolve looks up in what the graph already holds;
- "the Vietnamese capital" is the capital the lexicon gives, where the article names it;
- posts written beside names become RoleFacts (kg/extract/roles.py).

Every mention keeps its character offsets and sentence.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.extract.context import BODY_CLASSES
from kg.extract.roles import (HOLDER_CLASSES, POSSESSIVES, POST_OBJECT_WORDS, RoleMention,
                              SpanIndex, find_roles, label_of, title_ending_at)
from kg.lexicon import Lexicon, NameCues, load_lexicon, name_cues
from kg.model import Article, Entity, Mention, RoleFact
from kg.nlp.events import read_lexicon_yaml
from kg.nlp.names import company_noun_in_apposition, without_feature_word
from kg.nlp.normalise import normalise_name, normalise_term
from kg.nlp.spans import ENTITIES_KEY
from kg.nlp.tokens import sentences, token_table
from kg.nlp.words import common_words

SHORT_KINDS = frozenset({"short_name"})
STATE_FORM_KINDS = frozenset({"name", "alias", "demonym"})  # "Japan Coast Guard", "Elbonian Navy"
OPENED_BY_STATE = frozenset({"GovernmentBody", "Organization"})  # see state_opening
NOT_ALIAS_KINDS = frozenset({"description"})
DESCRIPTION_CONFIDENCE = 0.7
CAPITAL_WORD = "capital"
BARE_APOSTROPHES = frozenset({"'", "’"})  # the possessive of a name ending in "s"
OPENED_CLASSES = frozenset({"Organization", "Facility"})  # see organisation_opened_by
MAX_BODY_WORDS = 3
OWNER_WORDS = frozenset({"its", "their", "his", "her", "our", "whose"})  # "its foreign ministry"  # lower-case words of a described body ("the Pakistani foreign ministry")

GroupKey = tuple[str, ...]


@dataclass
class Group:
    """The mentions of one entity of the article, as they are collected."""

    key: GroupKey
    cls: str
    lexicon_id: str | None = None
    spans: list[tuple[int, int, str, str, float]] = field(default_factory=list)
    roles: list[tuple[str, GroupKey | None, bool, int, int]] = field(default_factory=list)
    description: str | None = None
    label: str | None = None  # a name the text does not write ("Ministry of Defence of Russia")
    nouns: set[str] = field(default_factory=set)  # what names it again: "the company"
    state: str | None = None  # the lexicon state a body belongs to ("India's Ministry of X")

    def add(self, start_char: int, end_char: int, text: str, kind: str,
            confidence: float) -> None:
        """One more mention: character offsets, surface text, how it was found."""
        self.spans.append((start_char, end_char, text, kind, confidence))


def lexicon_of(doc: Doc) -> Lexicon:
    """The lexicon the gazetteer used for this Doc (the project's plus ``--lexicon`` files)."""
    group = doc.spans.get(ENTITIES_KEY)
    extra = group.attrs.get("lexicons", ()) if group is not None else ()
    return load_lexicon(tuple(Path(path) for path in extra))


def surface(text: str) -> str:
    """A surface form with its white space folded and a leading "the" dropped."""
    words = text.split()
    return " ".join(words[1:] if len(words) > 1 and words[0].lower() == "the" else words)


def ends_with_title(held: str, title: str) -> bool:
    """Whether a post's title is a narrower form of ``title``: "Foreign Minister" of
    "Minister"."""
    held_words, words = normalise_term(held).split(), normalise_term(title).split()
    return len(held_words) > len(words) and held_words[-len(words):] == words


@cache
def described_body_heads() -> frozenset[str]:
    """The head words of a government body described by its state (names.yaml
    ``described_body_heads``: "the Chinese embassy")."""
    return frozenset(read_lexicon_yaml("names.yaml")["described_body_heads"])


@cache
def alias_phrases() -> frozenset[str]:
    """The words between two names that make the second another name of the first
    (names.yaml ``alias_phrases``: "formerly known as")."""
    return frozenset(normalise_term(words) for words in read_lexicon_yaml("names.yaml")["alias_phrases"])


@cache
def mission_heads() -> frozenset[str]:
    """The head words of a state's mission abroad, which takes in the place it is in
    (names.yaml ``mission_heads``: "the Russian embassy in Oslo")."""
    return frozenset(read_lexicon_yaml("names.yaml")["mission_heads"])


@cache
def ministry_names() -> dict[str, str]:
    """What a state's ministry is of, by the word before "ministry" (names.yaml
    ``ministry_names``: "foreign" -> "Foreign Affairs")."""
    return dict(read_lexicon_yaml("names.yaml")["ministry_names"])


@cache
def state_posts() -> dict[str, frozenset[str]]:
    """The titles that are a state's post where the text names no holder (names.yaml
    ``state_posts``: "Prime Minister X" in an article about one state): ``titles``
    (canonical), ``prefixes`` that keep a title a state's ("Acting President") and
    ``openers`` that make any title one ("Government Spokeswoman")."""
    return {key: frozenset(normalise_term(word) for word in words)
            for key, words in read_lexicon_yaml("names.yaml")["state_posts"].items()}


def ministry_label(words: str, state: str) -> str | None:
    """The name of the ministry of ``state`` (a label) that lower-case ``words`` describe
    ("foreign ministry": "Ministry of Foreign Affairs of Sudan"), where one known word
    tells what it is of; else None."""
    parts = words.split()
    if len(parts) != 2 or parts[1] != "ministry" or parts[0] not in ministry_names():
        return None
    return f"Ministry of {ministry_names()[parts[0]]} of {state}"


def body_label(words: str, state: str) -> str | None:
    """The name of a body of ``state`` that one lower-case head word describes, its state
    said by "of" as in a ministry's name ("police": "Police of Peru"); else None (the
    words the text uses stay its name).

    >>> body_label("army", "Sudan"), body_label("border police", "Peru")
    ('Army of Sudan', None)
    """
    return f"{words.capitalize()} of {state}" if " " not in words else None


@cache
def body_nouns() -> frozenset[str]:
    """Nouns that, after "the", name again a body the article named (names.yaml
    ``body_nouns``: "the board")."""
    return frozenset(read_lexicon_yaml("names.yaml")["body_nouns"])


def is_possessive(doc: Doc, name: Span) -> bool:
    """Whether "'s", or an apostrophe alone after a name ending in "s", follows a name
    ("Sudan's", "the United Arab Emirates'")."""
    after = doc[name.end].text
    return after in POSSESSIVES or after in BARE_APOSTROPHES and name.text.endswith("s") \
        and not name[-1].whitespace_


def sentence_ends(doc: Doc) -> list[int]:
    """The token index where each sentence of ``doc`` ends, in order (the last is len(doc))."""
    return [sentence.end for sentence in sentences(doc)]


class ArticleEntities:
    """Collects the groups of one article."""

    def __init__(self, doc: Doc, article: Article, lexicon: Lexicon, cues: NameCues) -> None:
        self.doc = doc
        self.text = token_table(doc).doc_text  # Doc.text makes a Token per token each call
        self.article = article
        self.lexicon = lexicon
        self.cues = cues
        self.groups: dict[GroupKey, Group] = {}
        self.group_of_span: dict[int, GroupKey] = {}
        self.person_words: dict[str, set[GroupKey]] = {}
        self.sentences: list[Span] = []
        self.sentence_starts: list[int] = []
        self.chosen_entry: dict[tuple[str, str], str] = {}  # (lexicon id, form) -> entry
        self.named: set[GroupKey] = set()  # the lexicon entries named other than by short name

    def entry_id(self, span: Span) -> str:
        """The lexicon id a span stands for in this article ("" for none): the gazetteer's,
        unless the article settles a shared form otherwise (``choose_entries``)."""
        return self.chosen_entry.get((span.kb_id_, normalise_term(span.text)), span.kb_id_)

    def choose_entries(self, spans: list[Span]) -> None:
        """Settle, for the whole article, which lexicon entry a form two entries share stands
        for: the one of them the article names by a form of its own, if only one; and that a
        lexicon body's form stands for no entry where the article gives it to another state
        ("Libya's House of Representatives" is not the United States')."""
        named_alone = {span.kb_id_ for span in spans if len(self.sharing(span)) == 1}
        for n, span in enumerate(spans):
            if self.is_body_of_another_state(spans, n):
                self.chosen_entry[(span.kb_id_, normalise_term(span.text))] = ""
                continue
            sharing = self.sharing(span)
            chosen = sharing & named_alone
            if span.label_ != "Person" and len(sharing) > 1 and len(chosen) == 1:
                self.chosen_entry[(span.kb_id_, normalise_term(span.text))] = chosen.pop()

    def sharing(self, span: Span) -> set[str]:
        """The lexicon entries that have a gazetteer span's text as a form of its kind
        ("Congo": both Congos' alias); empty for a span the lexicon does not know."""
        return {entry for entry, kind in self.lexicon.lookup(span.text)
                if kind == span.id_} if span.kb_id_ else set()

    def group(self, key: GroupKey, cls: str, lexicon_id: str | None = None) -> Group:
        """The group of ``key``, made on first use."""
        if key not in self.groups:
            self.groups[key] = Group(key, cls, lexicon_id)
        return self.groups[key]

    def add_span(self, n: int, span: Span, key: GroupKey) -> None:
        """Put span number ``n`` into the group ``key``."""
        lexicon_id = self.entry_id(span) or None
        cls = self.lexicon[lexicon_id].cls if lexicon_id in self.lexicon else span.label_
        self.group(key, cls, lexicon_id).add(span.start_char, span.end_char, span.text,
                                             span.id_, span._.kg_confidence)
        self.group_of_span[n] = key

    def name_key(self, span: Span) -> GroupKey:
        """The group of a full name: its lexicon entry, else its class and normalised name."""
        entry_id = self.entry_id(span)
        if entry_id:
            return ("lex", entry_id)
        norm = normalise_name if span.label_ == "Person" else normalise_term
        return ("new", span.label_, norm(span.text))

    def is_short(self, span: Span) -> bool:
        """True for a lone word that may stand for a person named in full elsewhere."""
        return span.id_ in SHORT_KINDS or span.label_ == "Person" and not span.kb_id_ \
            and len([t for t in span if t.is_alpha]) == 1

    def add_names(self, spans: list[Span]) -> None:
        """Group full names first, then short names against the persons found."""
        self.choose_entries(spans)
        self.named = {("lex", self.entry_id(span)) for span in spans
                      if self.entry_id(span) and not self.is_short(span)}
        for n, span in enumerate(spans):
            if not self.is_short(span):
                key = self.organisation_opened_by(span, spans) or self.name_key(span)
                self.add_span(n, span, key)
                self.add_described_noun(span, key)
                self.add_state_within(span)
                self.note_state_of_body(spans, n, key)
                if span.label_ == "Person":
                    for word in normalise_name(span.text).split():
                        self.person_words.setdefault(word, set()).add(key)
        for n, span in enumerate(spans):
            if self.is_short(span):
                key = self.short_name_key(span)
                if key is not None:
                    self.add_span(n, span, key)

    def merge_former_names(self, spans: list[Span]) -> None:
        """A name the text gives as another name of the one before it ("the base at
        Pituffik, formerly known as Thule Air Base,": names.yaml ``alias_phrases``) is a
        name of that entity, where the lexicon does not know it as another."""
        phrases = alias_phrases()
        for n in range(len(spans) - 1):
            first, second = spans[n], spans[n + 1]
            between = normalise_term(self.text[first.end_char:second.start_char].strip(" ,("))
            old, new = self.group_of_span.get(n), self.group_of_span.get(n + 1)
            if between not in phrases or old is None or new is None or old == new \
                    or new[0] == "lex" or new not in self.groups:
                continue
            self.groups[old].spans.extend(self.groups.pop(new).spans)
            self.group_of_span = {k: old if owner == new else owner
                                  for k, owner in self.group_of_span.items()}

    def note_state_of_body(self, spans: list[Span], n: int, key: GroupKey) -> None:
        """The state a government body belongs to: the lexicon's, or the state whose
        possessive or demonym stands right before a body the lexicon does not know
        ("India's Ministry of External Affairs", "the Indian Ministry of Mines"), or whose
        name or demonym opens its name ("Japan Coast Guard")."""
        group = self.groups[key]
        if group.cls != "GovernmentBody" or group.state is not None:
            return
        entry = self.lexicon.entries.get(group.lexicon_id or "")
        group.state = entry.country if entry is not None \
            else self.state_before(spans, n) or self.state_opening(spans[n])

    def state_before(self, spans: list[Span], n: int) -> str | None:
        """The lexicon state whose possessive or demonym stands right before span number
        ``n`` ("India's" of "India's Ministry of External Affairs", "Indian" of "the Indian
        Ministry of Mines"), else None."""
        before, span = (spans[n - 1] if n > 0 else None), spans[n]
        if before is not None and before.label_ == "Country" and before.kb_id_ \
                and (before.end == span.start and before.id_ == "demonym"
                     or before.end + 1 == span.start and is_possessive(self.doc, before)):
            return self.entry_id(before)
        return None

    def is_body_of_another_state(self, spans: list[Span], n: int) -> bool:
        """Whether span number ``n`` is the form of a lexicon body of one state that the
        text gives to another ("Libya's House of Representatives", "the Australian House of
        Representatives": not the United States House)."""
        entry = self.lexicon.entries.get(spans[n].kb_id_)
        if entry is None or entry.cls != "GovernmentBody" or entry.country is None:
            return False
        state = self.state_before(spans, n)
        return state is not None and state != entry.country

    def add_described_noun(self, span: Span, key: GroupKey) -> None:
        """The noun of a company a description in apposition gives an organisation
        ("Orvel Ports, a family-owned company,"): "the company" names it again."""
        if span.label_ == "Organization":
            noun = company_noun_in_apposition(self.doc, span.end, self.cues)
            if noun is not None:
                self.groups[key].nouns.add(noun)

    def organisation_opened_by(self, span: Span, spans: list[Span]) -> GroupKey | None:
        """The organisation or facility a one-word name the lexicon does not know, no common
        English word, stands for where it opens the name of one organisation (facility) of
        the article ("Coralstar" of "Coralstar Shipping", "Pituffik" of "Pituffik Space
        Base"; not "University" of "University of Essex", written for "American
        University"), else None."""
        if span.kb_id_ or span.label_ not in OPENED_CLASSES or len(span) != 1 \
                or span[0].lower_ in common_words():
            return None
        opened = {self.name_key(other) for other in spans if other.label_ == span.label_
                  and len(other) > 1 and normalise_term(other[0].text) == normalise_term(span.text)}
        return opened.pop() if len(opened) == 1 else None

    def add_state_within(self, span: Span) -> None:
        """A mention of the state a body belongs to, where the body's span holds a form of
        that state's: the lexicon's state of a lexicon body ("South Korea" of "South Korea's
        foreign ministry"), the state whose name or demonym opens the name of a body or
        organisation the lexicon does not know ("Japan" of "Japan Coast Guard", "Elbonian"
        of "Elbonian Fishing Association")."""
        entry = self.lexicon.entries.get(self.entry_id(span))
        state = entry.country if entry is not None and entry.cls == "GovernmentBody" \
            else self.state_opening(span) if span.label_ in OPENED_BY_STATE else None
        if state not in self.lexicon:
            return
        for size in range(len(span) - 1, 0, -1):
            for start in range(span.start, span.end - size + 1):
                part = self.doc[start:start + size]
                forms = [kind for entry_id, kind in self.lexicon.lookup(part.text)
                         if entry_id == state]
                if forms and part[0].is_title:
                    self.group(("lex", state), self.lexicon[state].cls, state).add(
                        part.start_char, part.end_char, part.text, forms[0],
                        span._.kg_confidence)
                    return

    def state_opening(self, span: Span) -> str | None:
        """The lexicon state whose name or demonym opens the name of a body the lexicon
        does not know ("Japan Coast Guard", "Elbonian Navy"), else None."""
        if span.kb_id_:
            return None
        for size in range(len(span) - 1, 0, -1):
            found = [entry_id for entry_id, kind in self.lexicon.lookup(span[:size].text)
                     if kind in STATE_FORM_KINDS and self.lexicon[entry_id].cls == "Country"]
            if found:
                return found[0]
        return None

    def short_name_key(self, span: Span) -> GroupKey | None:
        """The person a short name stands for, or None where that would be a guess. Of
        several persons of the article with the word, the lexicon person whose short name it
        is wins over persons the lexicon does not know ("Trump" beside "Mary Trump"). Where
        the article names no such person, a lexicon short name that is a word of its own
        needs its person's context (``in_context``)."""
        persons = self.person_words.get(normalise_name(span.text), set())
        if len(persons) == 1:
            return next(iter(persons))
        own = ("lex", span.kb_id_)
        if own in persons and span.id_ in SHORT_KINDS \
                and not any(key[0] == "lex" for key in persons - {own}):
            return own
        if persons:
            return None
        if span.kb_id_:
            entry_id = self.entry_id(span)
            known = not self.lexicon[entry_id].ambiguous and (
                not self.is_word_of_its_own(span) or self.in_context(entry_id))
            return ("lex", entry_id) if known else None
        return self.name_key(span)

    def is_word_of_its_own(self, span: Span) -> bool:
        """Whether a short name is also a common English word or a title ("May", "Park",
        "Bishop"): alone it may mean that word, not the person."""
        word = normalise_term(span.text)
        return span.text.lower() in common_words() or word in self.cues.titles \
            or word in self.cues.person_cues_before

    def in_context(self, entry_id: str) -> bool:
        """Whether the article names what a lexicon person is known by: their country or
        the state or body of one of their posts. A short name alone that is also a word of
        its own stands for the person only then ("Trump" beside the United States; not
        "Bishop" of "Bishop-Emeritus of Marbel" for an Australian minister, nor "May" the
        month or "Park" in a park's name). A person the lexicon ties to nothing is not
        checked."""
        entry = self.lexicon[entry_id]
        near = {entry.country, *(role.of for role in entry.roles)} - {None}
        return not near or any(("lex", other) in self.named for other in near)

    def add_roles(self, roles: Iterator[RoleMention], spans: list[Span]) -> None:
        """Attach each post to its person's group."""
        for role in roles:
            person = self.group_of_span.get(role.person)
            if person is None:
                continue
            of = self.group_of_span.get(role.of) if role.of is not None \
                else self.known_post_of(person, role.title)
            fact = (role.title, of, role.former, role.start_char, role.end_char)
            if fact[:3] not in [known[:3] for known in self.groups[person].roles]:
                self.groups[person].roles.append(fact)

    def known_post_of(self, person: GroupKey, title: str) -> GroupKey | None:
        """Whose post a lexicon person holds where the text names none ("President Putin"):
        the lexicon's, when that state or body is named in the article."""
        lexicon_id = self.groups[person].lexicon_id
        of = self.lexicon.post_holder_of(lexicon_id, title, self.article.published) \
            if lexicon_id else None
        return ("lex", of) if of and ("lex", of) in self.groups else None

    def add_descriptions(self, spans: list[Span]) -> None:
        """Posts without a name and "the <demonym> capital", from "the" + a state's span."""
        index = SpanIndex(self.doc, spans)
        ends = sentence_ends(self.doc)
        for span in spans:
            if span.label_ != "Country" or not span.kb_id_:
                continue
            limit = ends[bisect.bisect_right(ends, span.start)]
            possessive = span.end < limit and is_possessive(self.doc, span)
            end = span.end + possessive
            the = span.start > 0 and self.doc[span.start - 1].lower_ == "the"
            if the and end < limit and self.doc[end].lower_ == CAPITAL_WORD:
                self.add_capital(span, end + 1)
            elif not (the and self.add_post(index, span, end, limit)) and (the or possessive):
                self.add_body(index, span, end, limit, the)

    def add_capital(self, state: Span, end: int) -> None:
        """"the Vietnamese capital": a mention of the state's capital city where the article
        names that city; a description alone names no entity."""
        capital = self.lexicon[self.entry_id(state)].capital
        if ("lex", capital) in self.groups:
            start = self.doc[state.start - 1].idx
            self.group(("lex", capital), self.lexicon[capital].cls, capital).add(
                start, self.doc[end - 1].idx + len(self.doc[end - 1]),
                self.text[start:self.doc[end - 1].idx + len(self.doc[end - 1])],
                "description", DESCRIPTION_CONFIDENCE)

    def add_body(self, index: SpanIndex, state: Span, end: int, limit: int,
                 the: bool) -> None:
        """"the Chinese embassy", "Pakistan's foreign ministry": a government body of the state
        the lexicon does not know, described by lower-case words from token ``end`` that end
        in a body's head word (names.yaml ``described_body_heads``), before token ``limit``.
        ``the``: whether "the" opens the description. The state keeps its own mention. A
        ministry one word describes takes its name (``ministry_label``): the lexicon's body of
        that name where there is one ("Russia's defence ministry": the Ministry of Defence of
        Russia). A mission abroad takes in the place it is in (``host_after``): "the Chinese
        embassy in Honiara" is the Embassy of China in Solomon Islands."""
        last = end
        while last < min(limit, end + MAX_BODY_WORDS) and self.doc[last].is_lower \
                and self.doc[last].is_alpha and self.doc[last].lower_ not in described_body_heads():
            last += 1
        if last >= limit or not self.doc[last].is_lower \
                or self.doc[last].lower_ not in described_body_heads() \
                or self.post_through(end, last, limit):
            return
        host = self.host_after(index, last, limit)
        start_char = self.doc[state.start - the].idx
        end_char = self.doc[host.end - 1 if host else last].idx \
            + len(self.doc[host.end - 1 if host else last])
        words = normalise_term(self.doc[end:last + 1].text)
        group = self.body_group(self.entry_id(state), words)
        label = body_label(words, self.lexicon[self.entry_id(state)].label)
        if host is not None and group.key[0] == "body" and label:
            group.label = f"{label} in {self.host_state(self.entry_id(host))}"
        group.add(start_char, end_char, self.text[start_char:end_char], "name",
                  DESCRIPTION_CONFIDENCE)

    def post_through(self, start: int, head: int, limit: int) -> bool:
        """Whether the lower-case words from token ``start`` make a title that goes on past a
        body's head word at token ``head`` ("Japan's chief cabinet secretary", "Kenya's
        cabinet secretary"): a post, not the body."""
        end = min(limit, start + self.cues.max_title_words)
        return any(normalise_term(self.doc[start:stop].text) in self.cues.titles
                   for stop in range(head + 2, end + 1))

    def host_after(self, index: SpanIndex, head: int, limit: int) -> Span | None:
        """The lexicon place right after "in" after a mission's head word at token ``head``
        (names.yaml ``mission_heads``: "embassy in Kathmandu"), before token ``limit``, if
        its state is known; else None."""
        if self.doc[head].lower_ not in mission_heads() or head + 2 >= limit \
                or self.doc[head + 1].lower_ != "in":
            return None
        n = index.starting_at.get(head + 2)
        place = index.spans[n] if n is not None else None
        return place if place is not None and place.end <= limit and place.kb_id_ \
            and self.host_state(self.entry_id(place)) else None

    def host_state(self, entry_id: str) -> str | None:
        """The label of the state a lexicon place is, or is in ("Nepal" for Kathmandu)."""
        entry = self.lexicon.entries.get(entry_id)
        if entry is not None and entry.cls == "Country":
            return entry.label
        state = self.lexicon.entries.get(entry.located_in or "") if entry else None
        return state.label if state is not None and state.cls == "Country" else None

    def body_group(self, state_id: str, words: str) -> Group:
        """The group of the body of the state ``state_id`` that lower-case ``words``
        describe: the lexicon's body of the ministry's name, the body of that state the
        article named before, else a new body with the name ``ministry_label`` or
        ``body_label`` gives."""
        label = ministry_label(words, self.lexicon[state_id].label)
        known = next((entry_id for entry_id, _ in self.lexicon.lookup(label or "")
                      if self.lexicon[entry_id].cls == "GovernmentBody"), None)
        named = self.body_of_state(state_id, words)
        if known is not None:
            return self.group(("lex", known), "GovernmentBody", known)
        if named is not None:
            return named
        group = self.group(("body", state_id, words), "GovernmentBody")
        group.label = label or body_label(words, self.lexicon[state_id].label)
        return group

    def add_ministries_of_context(self, spans: list[Span]) -> None:
        """"foreign ministry spokeswoman X", "the foreign ministry said": a ministry one word
        describes (``ministry_label``) with no name or owner written right before it ("its
        foreign ministry" is left alone) is the ministry of the first state the sentence
        names before it ("Algeria expelled French staff, the foreign ministry said"); where
        the sentence names nothing before it, of the first state the sentence before names
        ("Vietnam summoned ... . At a briefing, foreign ministry spokeswoman X said"; also
        "Foreign ministry spokeswoman X" opening the sentence). A sentence that names only
        a place before it ("In Hanoi, ...") gives it no state."""
        ends = {span.end for span in spans}
        bounds = sentences(self.doc)
        tokens = token_table(self.doc)  # not Doc iteration: a Token object per word
        for n, sentence in enumerate(bounds):
            for i in range(sentence.start, sentence.end - 1):
                lower = tokens.lower[i]
                opens = tokens.is_title[i] and all(  # "Foreign ministry spokeswoman X"
                    tokens.is_space[k] for k in range(sentence.start, i))
                if not (tokens.is_lower[i] or opens) or lower not in ministry_names() \
                        or tokens.lower[i + 1] != "ministry":
                    continue
                start = i - (i > 0 and tokens.lower[i - 1] == "the")
                before = tokens.lower[start - 1] if start > 0 else ""
                if start in ends or before in POSSESSIVES or before in OWNER_WORDS \
                        or self.inside_mention(tokens.idx[i]):
                    continue
                named_before = any(sentence.start <= span.start < i for span in spans)
                state = self.first_state(spans, sentence.start, i) if named_before \
                    else self.first_state(spans, bounds[n - 1].start, bounds[n - 1].end) \
                    if n else None
                if state is None:
                    continue
                start_char, end_char = tokens.idx[start], tokens.idx[i + 1] + tokens.length[i + 1]
                self.body_group(state, f"{lower} ministry").add(
                    start_char, end_char, self.text[start_char:end_char], "description",
                    DESCRIPTION_CONFIDENCE)

    def first_state(self, spans: list[Span], start: int, end: int) -> str | None:
        """The lexicon id of the first state named (by a form of its own) between tokens
        ``start`` and ``end``, else None."""
        return next((self.entry_id(span) for span in spans if start <= span.start
                     and span.end <= end and span.label_ == "Country" and span.kb_id_), None)

    def body_of_state(self, state_id: str, words: str) -> Group | None:
        """The one body of the state the article named before whose name holds ``words``,
        a head word alone ("the Indian ministry" after "India's Ministry of External
        Affairs"), else None."""
        if " " in words:
            return None
        bodies = [group for group in self.groups.values()
                  if group.state == state_id and group.spans and group.key[0] != "body"
                  and words in {normalise_term(word) for word in self.label_words(group)}]
        return bodies[0] if len(bodies) == 1 else None

    def add_post(self, index: SpanIndex, state: Span, end: int, limit: int) -> bool:
        """"the North Korean foreign minister": the person holding that post, if known; the
        title ends before token ``limit`` (the end of the sentence). Whether there was one."""
        last = min(limit, end + self.cues.max_title_words) - 1
        found = None
        for i in range(last, end - 1, -1):
            found = title_ending_at(index, i, self.cues)
            if found and found[1] >= end and all(self.doc[k].is_alpha and k not in index.starting_at
                                                 for k in range(end, found[1])):
                break  # not "the US airstrike that killed Iranian general"
            found = None
        if found is None or i + 1 in index.starting_at:
            return False
        title, i = self.with_post_object(index, found[0], i)
        state_key = ("lex", self.entry_id(state))
        start_char = self.doc[state.start - 1].idx
        end_char = self.doc[i].idx + len(self.doc[i])
        holder = self.named_before(index, state.start - 1) or self.holder(title, state_key)
        group = self.groups.get(holder) if holder else None
        if group is None:
            group = self.group(("desc", self.cues.canonical_title(title) or title,
                                state_key[1]), "Person")
            group.description = f"{label_of(state, self.lexicon)} {title}"
        if not any((self.cues.same_post(role[0], title) or ends_with_title(role[0], title))
                   and role[1] == state_key for role in group.roles):
            group.roles.append((title, state_key, False, start_char, end_char))
        group.add(start_char, end_char, self.text[start_char:end_char], "description",
                  DESCRIPTION_CONFIDENCE)
        return True

    def with_post_object(self, index: SpanIndex, title: str, i: int) -> tuple[str, int]:
        """The title ending at token ``i`` with what the post is for, where a place or body
        follows ("special representative for Venezuela"), and the token it now ends at."""
        j = i + 1
        if j + 1 < len(self.doc) and self.doc[j].lower_ in POST_OBJECT_WORDS \
                and j + 1 in index.starting_at:
            target = index.spans[index.starting_at[j + 1]]
            if target.label_ in HOLDER_CLASSES:
                return f"{title} {self.doc[j].lower_} {label_of(target, self.lexicon)}", \
                    target.end - 1
        return title, i

    def named_before(self, index: SpanIndex, the: int) -> GroupKey | None:
        """The person a post in apposition follows ("Elliott Abrams, the US envoy"), if any:
        ``the`` is the index of the post's "the"."""
        comma = index.previous_word(the)
        if comma < 0 or self.doc[comma].text != ",":
            return None
        n = index.ending_at.get(index.previous_word(comma))
        if n is None or index.spans[n].label_ != "Person":
            return None
        return self.group_of_span.get(n)

    def holder(self, title: str, state_key: GroupKey) -> GroupKey | None:
        """Who holds a post: the article's one person with it, else the lexicon's, else the
        article's one person with a post of that state whose title ends with it ("the Somali
        minister" after "Somalia's foreign minister, X"), else None."""
        in_article = self.holders_in_article(state_key, lambda held: self.cues.same_post(held, title))
        if len(in_article) == 1:
            return in_article[0]
        holders = self.lexicon.holders(title, state_key[1], self.article.published)
        if not in_article and not holders:
            in_article = self.holders_in_article(state_key, lambda held: ends_with_title(held, title))
            return in_article[0] if len(in_article) == 1 else None
        if len(in_article) == 0 and len(holders) == 1:
            self.group(("lex", holders[0].id), "Person", holders[0].id)
            return ("lex", holders[0].id)
        return None

    def holders_in_article(self, state_key: GroupKey,
                           fits: Callable[[str], bool]) -> list[GroupKey]:
        """The article's persons with a post of ``state_key`` whose title ``fits``."""
        return [key for key, group in self.groups.items()
                if any(fits(role[0]) and role[1] == state_key for role in group.roles)]

    def mention(self, start: int, end: int) -> Mention:
        """The Mention of characters [start, end): its text and its sentence."""
        number = max(0, bisect.bisect_right(self.sentence_starts, start) - 1)
        sentence = self.sentences[number]
        return Mention(start, end, self.text[start:end], number, sentence.start_char,
                       sentence.end_char)

    def add_bodies_named_again(self) -> None:
        """"the board", "the council": a later mention of the one body of the article whose
        name has that head word ("IAEA Board of Governors"), where the article has exactly
        one (names.yaml ``body_nouns``); "the company" of the one organisation described as
        one in apposition."""
        bodies: dict[str, list[Group]] = {}
        for group in self.groups.values():
            if group.cls in BODY_CLASSES and group.spans:
                words = {normalise_term(w) for w in self.label_words(group)} & body_nouns()
                for word in words | group.nouns:
                    bodies.setdefault(word, []).append(group)
        tokens = token_table(self.doc)  # not Doc iteration: a Token object per word
        for i, lower in enumerate(tokens.lower):
            found = bodies.get(lower) if tokens.is_lower[i] else None
            if not found or len(found) != 1 or i == 0 \
                    or tokens.lower[i - 1] != "the" or self.continues_name(i):
                continue
            group, start, end = found[0], tokens.idx[i - 1], tokens.idx[i] + tokens.length[i]
            if min(span[0] for span in group.spans) < start and not self.inside_mention(start):
                group.add(start, end, self.text[start:end], "description", DESCRIPTION_CONFIDENCE)

    def add_holders_of_bare_posts(self) -> None:
        """Whose post a title written before a name is where the text gives it no holder:
        the body described right before the title ("Foreign ministry spokeswoman X": that
        ministry), or the body named last before whose kind the word before the title says
        ("Turkey's defence ministry ... A ministry spokesman, X": that ministry), else, for a
        state's post (``state_posts``), the article's own state (``home_state``: "President
        X" in an article datelined in or about one state)."""
        bodies = {end: group.key for group in self.groups.values()
                  if group.cls == "GovernmentBody" for _, end, *_ in group.spans}
        home = self.home_state()
        for group in self.groups.values():
            known = group.lexicon_id is not None and bool(self.lexicon[group.lexicon_id].roles)
            roles = []
            for title, of, former, start, end in group.roles:
                before = len(self.text[:start].rstrip())
                if of is None:
                    of = bodies.get(before) or self.body_of_kind_before(before)
                if of is None and not known and self.is_state_post(title):
                    of = home  # not a person whose posts the lexicon knows
                if (title, of, former) not in [role[:3] for role in roles]:
                    roles.append((title, of, former, start, end))
            group.roles = roles

    def body_of_kind_before(self, end_char: int) -> GroupKey | None:
        """The government body named last before the lower-case head word of a body that
        ends at ``end_char`` ("ministry", names.yaml ``described_body_heads``), where that
        word is in the body's name; else None."""
        words = self.text[:end_char].split()
        head = words[-1] if words else ""
        if not head.islower() or head not in described_body_heads():
            return None
        named = [(max(span[1] for span in group.spans if span[1] < end_char - len(head)),
                  group.key) for group in self.groups.values()
                 if group.cls == "GovernmentBody" and head in normalise_term(
                     " ".join(self.label_words(group))).split()
                 and any(span[1] < end_char - len(head) for span in group.spans)]
        return max(named)[1] if named else None

    def is_state_post(self, title: str) -> bool:
        """Whether a written title is a state's post (``state_posts``): "Prime Minister",
        "Acting President", "Government Spokeswoman"; not "Chief Minister" or "Shadow
        Foreign Secretary"."""
        words = normalise_term(title).split()
        if words[0] in state_posts()["openers"]:
            return True
        while len(words) > 1 and words[0] in state_posts()["prefixes"]:
            words = words[1:]
        canonical = self.cues.canonical_title(" ".join(words))
        return canonical is not None and normalise_term(canonical) in state_posts()["titles"]

    def home_state(self) -> GroupKey | None:
        """The state an article is about, where the article names it: the state of its
        dateline's place, else the first state it names."""
        dateline = self.article.dateline
        entry = next((self.lexicon[entry_id] for entry_id, _ in self.lexicon.lookup(dateline)),
                     None) if dateline else None
        if entry is not None:
            state = entry.id if entry.cls == "Country" else entry.located_in
            return ("lex", state) if ("lex", state) in self.groups else None
        states = [group for group in self.groups.values() if group.cls == "Country"
                  and group.key[0] == "lex" and group.spans]
        return min(states, key=lambda group: min(span[0] for span in group.spans)).key \
            if states else None

    def label_words(self, group: Group) -> list[str]:
        """The words of a body's names: its lexicon label and every form the article used."""
        entry = self.lexicon.entries.get(group.lexicon_id or "")
        return [word for text in [entry.label if entry else "", *(span[2] for span in group.spans)]
                for word in text.split()]

    def continues_name(self, i: int) -> bool:
        """Whether the word at token ``i`` goes on with "of" or a capitalised word: part of
        another name ("the board of a company", "the council Presidency"); not "of" and a
        verb's -ing form ("accused the company of hiding")."""
        after = self.doc[i + 1] if i + 1 < len(self.doc) else None
        gerund = i + 2 < len(self.doc) and self.doc[i + 2].is_lower \
            and self.doc[i + 2].lower_.endswith("ing")
        return after is not None and (after.lower_ == "of" and not gerund or after.is_title)

    def inside_mention(self, start_char: int) -> bool:
        """Whether a character offset lies within a mention already grouped."""
        return any(begin <= start_char < end for group in self.groups.values()
                   for begin, end, *_ in group.spans)

    def entities(self) -> list[Entity]:
        """The groups as Entities, in order of first mention."""
        self.sentences = sentences(self.doc)
        self.sentence_starts = [sentence.start_char for sentence in self.sentences]
        ordered = sorted((group for group in self.groups.values() if group.spans),
                         key=lambda group: min(span[0] for span in group.spans))
        local_ids = {group.key: f"e{n + 1}" for n, group in enumerate(ordered)}
        return [self.entity_of(group, local_ids) for group in ordered]

    def entity_of(self, group: Group, local_ids: dict[GroupKey, str]) -> Entity:
        """One Entity from a group."""
        forms = {surface(text) for _, _, text, kind, _ in group.spans
                 if kind not in NOT_ALIAS_KINDS or group.description is not None}
        forms |= {short for short in map(without_feature_word, forms) if short}
        entry = self.lexicon.entries.get(group.lexicon_id or "")
        label = entry.label if entry else group.description or group.label or max(
            sorted(forms), key=len, default="")
        roles = [RoleFact(title=title, of=local_ids.get(of) if of else None, former=former,
                          mention=self.mention(start, end))
                 for title, of, former, start, end in group.roles]
        return Entity(local_id=local_ids[group.key], label=label,
                      cls=entry.cls if entry else group.cls,
                      wikidata=entry.wikidata if entry else None,
                      lexicon_id=entry.id if entry else None,
                      aliases=forms - {label}, roles=roles,
                      mentions=[self.mention(start, end) for start, end, *_ in sorted(group.spans)],
                      confidence=max(span[4] for span in group.spans),
                      description=group.description is not None)


def extract_entities(doc: Doc, article: Article) -> list[Entity]:
    """The entities of an article, each once, with mentions, aliases and roles.

    Reads ``doc.spans["kg_entities"]`` (kg_gazetteer, kg_names); see the module docstring.
    """
    spans = sorted(doc.spans.get(ENTITIES_KEY, ()), key=lambda span: span.start)
    collected = ArticleEntities(doc, article, lexicon_of(doc), name_cues())
    collected.add_names(spans)
    collected.merge_former_names(spans)
    collected.add_roles(find_roles(doc, spans, collected.lexicon, collected.cues), spans)
    collected.add_descriptions(spans)
    collected.add_ministries_of_context(spans)
    collected.add_bodies_named_again()
    collected.add_holders_of_bare_posts()
    return collected.entities()
