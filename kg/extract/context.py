"""What the event, quote and relation extractors share about one article.

``ArticleContext`` indexes a Doc once: which entity each token names, which sentence and
paragraph it is in, whether it lies inside quote marks or ends a clause; the token attributes
the helpers read come from the Doc's TokenTable (kg/nlp/tokens.py). The scanning helpers then find the
arguments of a word within its clause in linear time: ``subject_before`` (the noun phrase
before a verb), ``arguments_after`` (entities after a word with the preposition that
introduces each) and ``resolve_pronoun``.

Without a dependency parse these helpers read token patterns; kg/extract/events.py uses the
parse first where the pipeline gives one.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from kg.extract.genders import Genders
from kg.model import Article, Entity, Mention
from kg.nlp.events import read_lexicon_yaml, word_forms
from kg.nlp.names import listed_words
from kg.nlp.spans import POSSESSIVES
from kg.nlp.tokens import TokenTable, annotated, sentences, token_table, word_after, word_before

if TYPE_CHECKING:  # clauses.py reads this module's words; the layer is built on first use
    from kg.extract.clauses import Clauses

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BOUNDARY_PUNCT = frozenset({";", ":", "(", ")", "—", "–", "“", "”", '"', "«", "»", "?", "!"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                         "those", "all", "some", "both", "each", "any", "’s", "'s"})
PREPOSITIONS = frozenset({"with", "between", "to", "on", "against", "of", "from", "by", "in",
                          "at", "for", "over", "about", "toward", "towards", "into", "among"})
COORDINATORS = frozenset({"and", ",", "&"})
OPENING_CONJUNCTIONS = frozenset({"but", "and"})  # "But he ruled out ...": he opens the clause
AUXILIARIES = frozenset({"is", "are", "was", "were", "been", "being", "has", "had", "have",
                         "did", "does", "do", "would", "could", "should", "will", "might"})
HYPHENS = frozenset({"-", "‐"})
ARTICLES = frozenset({"the", "a", "an"})
QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "‘", "’", "'"})
OBJECT_PRONOUNS = frozenset({"it", "him", "them"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
PLURAL_SUBJECT = "they"  # may stand for persons named together
#: how a phrase that looks ahead to its sentence's subject may open ("In his speech, X ...")
OPENING_PREPOSITIONS = frozenset({"in", "during", "after", "at", "on", "before", "with"})
OPENING_REACH = 8  # tokens from the possessive to the comma that ends that phrase
PLACE_CLASSES = frozenset({"Place", "City", "Region", "Country"})
AGENT_CLASSES = frozenset({"Person", "Country", "Organization", "GovernmentBody"})
BODY_CLASSES = frozenset({"Organization", "GovernmentBody"})
MAX_MODIFIER_GAP = 3
MAX_DESCRIPTION_GAP = 8  # tokens from an owner's possessive to the name it describes
PREPOSITION_REACH = 8  # tokens from a noun phrase's start back to its preposition
SALIENCE_WINDOW = 5  # sentences back that a pronoun may reach
GROUP_COUNT = 3  # parties named together that "the three countries" looks back to first


@dataclass(frozen=True)
class Discourse:
    """The word lists of ontology/lexicon/discourse.yaml, as sets of lower-case forms."""

    speech_verbs: frozenset[str]
    negation: frozenset[str]
    failure: frozenset[str]
    irrealis: frozenset[str]
    irrealis_infinitives: frozenset[str]
    conditionals: frozenset[str]
    future_modals: frozenset[str]
    obligation_modals: tuple[tuple[str, ...], ...]
    intent_classes: frozenset[str]
    content_classes: frozenset[str]
    reciprocal_agents: frozenset[str]
    reciprocal_targets: frozenset[str]
    ordinals: frozenset[str]
    contrast: frozenset[str]
    source_nouns: frozenset[str]
    clause_openers: frozenset[str]
    relative_pronouns: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    affiliation_preps: frozenset[str]
    location_preps: frozenset[str]
    membership_phrases: tuple[tuple[str, ...], ...]
    membership_links: frozenset[str]
    list_words: frozenset[str]
    pair_words: dict[str, int]
    pair_nouns: dict[str, frozenset[str]]
    represented_nouns: frozenset[str]
    represented_possessives: frozenset[str]
    home_government_nouns: frozenset[str]


def inflected(words: list[str]) -> frozenset[str]:
    """Every lower-case form of every word: ``inflected(["say"])`` holds "said" and "says"."""
    return frozenset(form for word in words for form in word_forms(word))


INFLECTED_LISTS = frozenset({"speech_verbs", "failure", "irrealis"})


@cache
def discourse() -> Discourse:
    """The discourse word lists, read once."""
    data = read_lexicon_yaml("discourse.yaml")
    values: dict[str, object] = {}
    for name in Discourse.__dataclass_fields__:
        raw = data[name]
        if name in INFLECTED_LISTS:
            values[name] = inflected(raw)
        elif name in ("pronouns", "pair_nouns"):
            values[name] = {word: frozenset(classes) for word, classes in raw.items()}
        elif name == "pair_words":
            values[name] = {word: int(count) for word, count in raw.items()}
        elif name in ("membership_phrases", "obligation_modals"):
            values[name] = tuple(tuple(phrase.split()) for phrase in raw)
        else:
            values[name] = frozenset(raw)
    return Discourse(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ArgumentWords:
    """The word lists of ontology/lexicon/arguments.yaml, every inflected form."""

    light_verbs: frozenset[str]
    control_verbs: frozenset[str]
    purpose_nouns: frozenset[str]
    happening_verbs: frozenset[str]
    addressed_classes: frozenset[str]
    between_classes: frozenset[str]
    visit_classes: frozenset[str]
    both_sides: tuple[tuple[str, ...], ...]
    request_phrases: tuple[tuple[str, ...], ...]
    complement_content_classes: frozenset[str]
    answer_classes: frozenset[str]
    answered_nouns: dict[str, str]
    answered_groups: dict[str, frozenset[str]]
    stated_intents: dict[str, str]
    summit_posts: frozenset[str]
    body_nouns: frozenset[str]
    agentive_classes: frozenset[str]
    bloc_nouns: frozenset[str]
    remote_meetings: frozenset[str]
    envoy_posts: frozenset[str]
    decided_classes: frozenset[str]
    wish_verbs: frozenset[str]
    retaliation_verbs: frozenset[str]
    attributive_participles: frozenset[str]
    performing_verbs: frozenset[str]
    occasion_preps: frozenset[str]
    leading_participles: frozenset[str]
    readiness_words: frozenset[str]


AS_WRITTEN = frozenset({"addressed_classes", "between_classes", "visit_classes",
                        "complement_content_classes", "answer_classes", "summit_posts",
                        "remote_meetings", "body_nouns", "bloc_nouns", "agentive_classes",
                        "envoy_posts", "decided_classes",
                        "attributive_participles", "occasion_preps", "leading_participles",
                        "readiness_words"})


@cache
def argument_words() -> ArgumentWords:
    """The argument word lists, read once."""
    data = read_lexicon_yaml("arguments.yaml")
    values: dict[str, object] = {}
    for name in ArgumentWords.__dataclass_fields__:
        if name in ("answered_nouns", "stated_intents"):
            values[name] = dict(data[name])
        elif name == "answered_groups":
            values[name] = {group: frozenset(classes) for group, classes in data[name].items()}
        elif name in ("both_sides", "request_phrases"):
            values[name] = tuple(tuple(phrase.split()) for phrase in data[name])
        else:
            values[name] = frozenset(data[name]) if name in AS_WRITTEN \
                else inflected(data[name])
    return ArgumentWords(**values)  # type: ignore[arg-type]


def clause_boundaries(tokens: TokenTable) -> list[bool]:
    """Per token: True for a word where an argument search within a clause must stop:
    punctuation that closes a clause, a clause opener ("which", "while"), a verb of saying
    (not a name, nor the first part of a compound: "state-run")."""
    words = discourse()
    always = BOUNDARY_PUNCT | words.clause_openers
    following = [*tokens.lower[1:], ""]
    return [lower in always or lower in words.speech_verbs and not title and after not in HYPHENS
            for lower, title, after in zip(tokens.lower, tokens.is_title, following)]


@dataclass
class Argument:
    """An entity found next to a word: its local id, token range and introducing preposition."""

    local_id: str
    start: int
    end: int
    prep: str | None = None


@dataclass
class ArticleContext:
    """One article's Doc with its entities indexed by token."""

    doc: Doc
    article: Article
    entities: list[Entity]
    tokens: TokenTable
    text: str  # the Doc's text (Doc.text joins every token on each call)
    boundary: list[bool]  # tokens where an argument search within a clause stops
    parsed: bool  # whether the Doc has a dependency parse
    owner: list[str | None] = field(default_factory=list)  # entity local id per token
    span_start: list[int] = field(default_factory=list)  # first token of that mention
    span_end: list[int] = field(default_factory=list)
    sentence_index: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    quoted: bytearray = field(default_factory=bytearray)
    trigger_tokens: frozenset[int] = frozenset()  # tokens of doc.spans["kg_triggers"]
    triggers_at: dict[int, list[Span]] = field(default_factory=dict)  # token -> its triggers
    paragraph_starts: list[int] = field(default_factory=list)  # character offsets
    classes: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, Entity] = field(default_factory=dict)
    recent_agents: list[tuple[int, str]] = field(default_factory=list)  # (token, local id)

    @classmethod
    def build(cls, doc: Doc, article: Article, entities: list[Entity]) -> "ArticleContext":
        """Index ``doc``: entity mentions (by their character offsets), sentences, quotes."""
        size = len(doc)
        tokens = token_table(doc)
        context = cls(doc=doc, article=article, entities=entities, tokens=tokens,
                      text=tokens.doc_text, boundary=clause_boundaries(tokens),
                      parsed=annotated(doc, DEP), owner=[None] * size, span_start=[0] * size,
                      span_end=[0] * size, sentence_index=[0] * size, quoted=bytearray(size))
        context.sentences = sentences(doc)
        for number, sentence in enumerate(context.sentences):
            for i in range(sentence.start, sentence.end):
                context.sentence_index[i] = number
        for entity in entities:
            context.classes[entity.local_id] = entity.cls
            context.by_id[entity.local_id] = entity
        by_length = sorted(((m.end - m.start, m.start, m.end, e.local_id)
                            for e in entities for m in e.mentions))
        for _, start, end, local_id in by_length:  # a longer mention wins over one inside it
            context.index_mention(local_id, start, end)
        for span in doc.spans.get("kg_triggers", []):
            for i in range(span.start, span.end):
                context.triggers_at.setdefault(i, []).append(span)
        context.trigger_tokens = frozenset(context.triggers_at)
        for quote in doc.spans.get("kg_quotes", []):
            context.quoted[quote.start:quote.end] = b"\x01" * len(quote)
        context.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(context.text)]
        return context

    def index_mention(self, local_id: str, start_char: int, end_char: int) -> None:
        """Mark the tokens of one entity mention as naming ``local_id``."""
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None:
            return
        for i in range(span.start, span.end):
            self.owner[i] = local_id
            self.span_start[i] = span.start
            self.span_end[i] = span.end

    def add_entity(self, entity: Entity, span: Span) -> None:
        """Register an entity found by the extractors themselves (an unnamed source)."""
        entity.mentions.append(self.mention(span))
        self.register(entity)
        for i in range(span.start, span.end):
            self.owner[i] = entity.local_id
            self.span_start[i] = span.start
            self.span_end[i] = span.end

    def register(self, entity: Entity) -> None:
        """Make a new entity one of the article's, with no mention in the text (the place
        of a dateline) or before its mentions are marked (``add_entity``)."""
        self.entities.append(entity)
        self.classes[entity.local_id] = entity.cls
        self.by_id[entity.local_id] = entity

    def mention(self, span: Span) -> Mention:
        """The Mention of a span: character offsets and its sentence."""
        number = self.sentence_index[span.start] if len(self.doc) else 0
        sentence = self.sentences[number]
        return Mention(start=span.start_char, end=span.end_char, text=span.text,
                       sentence=number, sentence_start=sentence.start_char,
                       sentence_end=sentence.end_char)

    def paragraph_at(self, i: int) -> int:
        """The number of the paragraph token ``i`` is in."""
        return bisect.bisect_right(self.paragraph_starts, self.tokens.idx[i]) - 1

    def sentence_of(self, i: int) -> Span:
        """The sentence that token ``i`` is in."""
        return self.sentences[self.sentence_index[i]]

    def entity(self, local_id: str) -> Entity | None:
        """The entity of this article with a local id."""
        return self.by_id.get(local_id)

    @cached_property
    def dated_tokens(self) -> frozenset[int]:
        """The tokens of the article's time expressions (``doc.spans["kg_dates"]``)."""
        return frozenset(j for span in self.doc.spans.get("kg_dates", [])
                         for j in range(span.start, span.end))

    @cached_property
    def genders(self) -> Genders:
        """What the text shows of its persons' genders (``Genders``), read on first use."""
        return Genders.of(self)

    @cached_property
    def clauses(self) -> "Clauses":
        """The article's noun phrases and clause subjects (kg/extract/clauses.py), read on
        first use."""
        from kg.extract.clauses import Clauses  # clauses.py reads this module's words
        return Clauses.of(self)

    def may_stand_for(self, pronoun: str, local_id: str) -> bool:
        """Whether a third-person ``pronoun`` may stand for an entity: one of the classes it
        names (discourse.yaml pronouns) and, for "he" or "she", a person the text (or a given
        name) does not show to be of the other gender only."""
        if self.cls_of(local_id) not in discourse().pronouns.get(pronoun, frozenset()):
            return False
        return self.cls_of(local_id) != "Person" or not self.genders.contradicts(local_id, pronoun)

    def cls_of(self, local_id: str) -> str:
        """The ekg class of an entity of this article."""
        return self.classes.get(local_id, "")

    def is_boundary(self, token: Token) -> bool:
        """True where an argument search within a clause must stop (see ``clause_boundaries``)."""
        return self.boundary[token.i]

    def note_agent(self, i: int, local_id: str) -> None:
        """Remember an event agent, for pronouns later in the text."""
        self.recent_agents.append((i, local_id))

    def resolve_pronoun(self, i: int, preferred: list[str] = ()) -> str | None:
        """The entity a third-person pronoun at token ``i`` stands for, or None: the first of
        ``pronoun_candidates`` it may stand for (``may_stand_for``: "she" is no man the text
        or a given name shows to be one)."""
        pronoun = self.doc[i].lower_
        if pronoun not in discourse().pronouns:
            return None
        return next((local_id for local_id in self.pronoun_candidates(i, preferred)
                     if self.may_stand_for(pronoun, local_id)), None)

    def pronoun_candidates(self, i: int, preferred: list[str] = ()) -> Iterator[str]:
        """The entities the pronoun at token ``i`` may stand for, likeliest first.

        ``preferred`` (most recent last) comes first, e.g. the last speakers for "he said";
        then, for a pronoun opening its sentence, the subject the sentence before opens with,
        and for one after ", and" the subject its own sentence opens with;
        then the subject a possessive in an opening phrase looks ahead to; then, for a
        possessive, the earlier mentions in its sentence, nearest first ("Albanese, on his
        first visit"); then the event agents of a few sentences back, latest first; then the
        earlier mentions, nearest first.
        """
        allowed = discourse().pronouns[self.doc[i].lower_]
        yield from reversed(preferred)
        yield from self.previous_topics(i)
        yield from self.clause_topics(i)
        subject = self.subject_after_opening(i, allowed)
        if subject is not None:
            yield subject
        start = self.sentence_of(i).start
        if self.doc[i].lower_ in POSSESSIVE_PRONOUNS:
            yield from (self.owner[j] for j in range(i - 1, start - 1, -1)  # type: ignore[misc]
                        if self.owner[j] and not self.quoted[j])
        here = self.sentence_index[i]
        for token, local_id in reversed(self.recent_agents):
            if token >= i:
                continue
            if here - self.sentence_index[token] > SALIENCE_WINDOW:
                break
            yield local_id
        yield from (self.owner[j] for j in range(i - 1, max(-1, start - 200), -1)  # type: ignore[misc]
                    if self.owner[j] and not self.quoted[j])

    def persons_named_together(self, i: int) -> list[str]:
        """For "they" at token ``i``, the persons named together ("Kim and Trump met in
        Hanoi, although they agreed ..."): the coordinated persons of the nearest earlier
        name no preposition introduces, in its sentence or the one before, where that name
        is a person's and two or more stand together; else none."""
        if self.doc[i].lower_ != PLURAL_SUBJECT:
            return []
        here = self.sentence_index[i]
        for j in range(i - 1, -1, -1):
            if here - self.sentence_index[j] > 1:
                return []
            local_id = self.owner[j]
            if local_id is None or self.quoted[j] or self.cls_of(local_id) not in AGENT_CLASSES \
                    or self.preposition_before(self.span_start[j]) is not None:
                continue
            group = self.coordinated_before(self.span_start[j])
            persons = all(self.cls_of(member) == "Person" for member in group)
            return group if persons and len(group) > 1 else []
        return []

    def subject_after_opening(self, i: int, allowed: Collection[str]) -> str | None:
        """For a possessive in a phrase that opens its sentence ("In his statement, Israeli
        Prime Minister Benjamin Netanyahu said"), the name of an ``allowed`` class that opens
        the clause after that phrase: the subject it looks ahead to."""
        sentence = self.sentence_of(i)
        opening = next((token for token in sentence if not token.is_space), None)
        if self.doc[i].lower_ not in POSSESSIVE_PRONOUNS or opening is None \
                or opening.lower_ not in OPENING_PREPOSITIONS:
            return None
        comma = next((j for j in range(i + 1, min(sentence.end, i + OPENING_REACH))
                      if self.doc[j].text == ","), None)
        if comma is None or any(self.owner[j] for j in range(sentence.start, comma)):
            return None
        for j in range(comma + 1, sentence.end):
            if self.owner[j] and self.cls_of(self.owner[j]) in allowed:
                return self.owner[j]
            if not (self.owner[j] or self.is_title_word(j)):
                return None
        return None

    def previous_topics(self, i: int) -> list[str]:
        """For a pronoun that opens its sentence ("He welcomed the sanctions"), also after a
        conjunction ("But he ruled out ..."), the subject the sentence before opens with
        (``opening_subjects``); else none."""
        sentence = self.sentence_of(i)
        if not self.opens_sentence(i) or sentence.start == 0:
            return []
        return self.opening_subjects(self.sentence_of(sentence.start - 1))

    def clause_topics(self, i: int) -> list[str]:
        """For a pronoun that opens a clause after ", and" ("Holm told reporters that ...,
        and he rejected ..."), the subject its sentence opens with (``opening_subjects``);
        else none."""
        before = self.word_before(i)
        comma = self.word_before(before.i) if before is not None else None
        if before is None or before.lower_ != "and" or comma is None or comma.text != ",":
            return []
        sentence = self.sentence_of(i)
        return self.opening_subjects(self.doc[sentence.start:comma.i])

    def opening_subjects(self, sentence: Span) -> list[str]:
        """The entity a sentence opens with, its likely subject: the person whose post opens
        it before that post's own entity ("Kremlin spokesman Dmitry Peskov told reporters":
        Peskov, then the Kremlin); none where the sentence opens with a name a preposition
        introduces ("Talks went on in Brenholm.")."""
        first = next((j for j in range(sentence.start, sentence.end)
                      if self.owner[j] and not self.quoted[j]), None)
        if first is None or self.preposition_before(self.span_start[first]) is not None:
            return []
        holder = self.post_holder(first, sentence.end)
        return ([holder] if holder else []) + [self.owner[first]]  # type: ignore[list-item]

    def post_holder(self, first: int, end: int) -> str | None:
        """The entity named next after the name at token ``first`` (before ``end``) whose
        post opens with that name ("Kremlin spokesman Dmitry Peskov": Peskov; "US President
        Jane Roe": Roe), else None."""
        after = next((j for j in range(self.span_end[first], end) if self.owner[j]), None)
        return self.owner[after] if after is not None and self.title_start(after) <= first \
            else None

    def opens_sentence(self, i: int) -> bool:
        """Token ``i`` is the first word of its sentence, or the first after an opening
        conjunction ("But he ...", "And she ...") or an opening phrase with no comma
        (``after_opening_phrase``)."""
        before = self.word_before(i)
        return before is None or before.lower_ in OPENING_CONJUNCTIONS \
            and self.word_before(before.i) is None or self.after_opening_phrase(i)

    def after_opening_phrase(self, i: int) -> bool:
        """Token ``i`` follows a short phrase that opens its sentence with a preposition and
        names nothing, with no comma, verb or clause boundary ("In a post online he ...")."""
        start = self.sentence_of(i).start
        if i - start > OPENING_REACH or self.doc[start].lower_ not in OPENING_PREPOSITIONS:
            return False
        return not any(self.owner[j] or self.is_boundary(self.doc[j]) or self.doc[j].text == ","
                       or self.is_finite_verb(self.doc[j]) for j in range(start, i))

    def side_of(self, local_id: str) -> str:
        """The state a person stands for: the country of their first current post ("US
        President Donald Trump": the United States); anything else stands for itself."""
        entity = self.by_id.get(local_id)
        if entity is None or entity.cls != "Person":
            return local_id
        return next((role.of for role in entity.roles if role.of and not role.former
                     and self.cls_of(role.of) == "Country"), local_id)

    def pair_referents(self, noun: int) -> list[str]:
        """The parties "the two leaders", "both sides", "the two Andean neighbours" or a bare
        "the four" at token ``noun`` stand for: the last two (three, four) entities
        of the classes the noun may name (the states of persons, for a noun of states;
        persons, else states, for a bare number) mentioned in the sentences before, in text
        order."""
        count, allowed = self.pair_count(noun), discourse().pair_nouns.get(self.doc[noun].lower_)
        if count is None:
            return []
        if allowed and count >= GROUP_COUNT:
            return self.named_group(noun, count, allowed) \
                or self.last_parties(noun, count, allowed)
        if allowed:
            return self.last_parties(noun, count, allowed) \
                or self.named_group(noun, count, allowed)
        return self.last_parties(noun, count, frozenset({"Person"})) \
            or self.last_parties(noun, count, frozenset({"Country"}))

    def pair_count(self, noun: int) -> int | None:
        """How many parties the group reference at token ``noun`` names: the number word
        before a pair noun, past up to MAX_MODIFIER_GAP modifiers ("the two Andean
        neighbours"), or "the" and a number word standing alone ("the four agreed"; not a bare
        "both", which as often stands for the two things just said as for two parties)."""
        words, lower = discourse().pair_words, self.doc[noun].lower_
        if lower in discourse().pair_nouns:
            j = noun - 1
            while j >= max(0, noun - MAX_MODIFIER_GAP - 1) and not self.owner[j] \
                    and self.doc[j].lower_ not in words and self.is_pair_modifier(self.doc[j]):
                j -= 1
            return words.get(self.doc[j].lower_) if j >= 0 and not self.quoted[j] else None
        if lower not in words or self.quoted[noun]:
            return None
        before, after = self.word_before(noun), word_after(self.doc, noun)
        stands_alone = after is None or after.lower_ in AUXILIARIES or not after.is_alpha \
            or after.lower_ in discourse().clause_openers or self.is_other_verb(after)
        determined = before is not None and before.lower_ == "the"
        return words[lower] if determined and stands_alone else None

    @staticmethod
    def is_pair_modifier(token: Token) -> bool:
        """A word that may stand between a number and its pair noun: a lower-case adjective
        ("justice"), a capitalised one ("Andean"), or a hyphen ("South-East")."""
        return token.is_alpha or token.lower_ in HYPHENS

    def named_group(self, noun: int, count: int, allowed: Collection[str]) -> list[str]:
        """The last ``count`` parties of the ``allowed`` classes named together before token
        ``noun``, in one noun phrase ("France, Germany and Britain issued a statement ... the
        three countries"; "X's minister, Y, and his counterpart, Z, ... the two ministers")."""
        j = noun - 1
        while j >= 0:
            if self.owner[j] and not self.quoted[j]:
                phrase = self.clauses.covering.get(self.span_start[j])
                group = list(phrase.members) if phrase is not None \
                    else self.coordinated_before(self.span_start[j])
                parties = list(dict.fromkeys(
                    local_id if "Person" in allowed else self.side_of(local_id)
                    for local_id in group))
                if len(parties) == count and all(self.cls_of(p) in allowed for p in parties):
                    return parties
                j = self.span_start[j]
            j -= 1
        return []

    def last_parties(self, noun: int, count: int, allowed: Collection[str]) -> list[str]:
        """The last ``count`` distinct parties of the ``allowed`` classes mentioned before
        token ``noun`` within SALIENCE_WINDOW sentences, in text order, or none."""
        found: list[str] = []
        here = self.sentence_index[noun]
        j = noun - 1
        while j >= 0 and len(found) < count and here - self.sentence_index[j] <= SALIENCE_WINDOW:
            local_id = self.owner[j]
            if local_id and not self.quoted[j]:
                party = local_id if "Person" in allowed else self.side_of(local_id)
                if self.cls_of(party) in allowed and party not in found:
                    found.append(party)
                j = self.span_start[j]
            j -= 1
        return found[::-1] if len(found) == count else []

    def described_referent(self, noun: int) -> str | None:
        """The state or body a noun at token ``noun`` names without a name: "his country"
        (``represented_by``), "the board" (``described_body``), "the government"
        (``home_government``)."""
        return self.represented_by(noun) or self.described_body(noun) \
            or self.home_government(noun)

    def home_government(self, noun: int) -> str | None:
        """The state that "the government" or "the transitional government" at token
        ``noun`` names where no owner follows ("the government of X", "the government's"):
        the state the article is about (``home_state``)."""
        if self.doc[noun].lower_ not in discourse().home_government_nouns \
                or not self.doc[noun].is_lower or self.quoted[noun]:
            return None
        before = self.word_before(noun)
        if before is not None and before.is_lower and before.is_alpha \
                and before.lower_ not in DETERMINERS:
            before = self.word_before(before.i)
        if before is None or before.lower_ != "the" or self.has_owner_after(noun):
            return None
        return self.home_state

    def has_owner_after(self, noun: int) -> bool:
        """Whether a possessive or an "of" phrase naming an owner follows the noun at
        ``noun`` ("the government's", "the government of X", "of the islands"; not
        "accused the government of keeping ...")."""
        after = word_after(self.doc, noun)
        if after is None or after.lower_ not in ("of", "’s", "'s"):
            return False
        following = word_after(self.doc, after.i)
        return after.lower_ != "of" or following is not None and (
            following.is_title or following.lower_ in DETERMINERS)

    @cached_property
    def home_state(self) -> str | None:
        """The state the article is about: the first country it names."""
        named = [(min(m.start for m in entity.mentions), entity.local_id)
                 for entity in self.entities if entity.cls == "Country" and entity.mentions]
        return min(named)[1] if named else None

    def represented_by(self, noun: int) -> str | None:
        """The state that "his country", "its government" or "Orban's government" at token
        ``noun`` names: the state of the person the possessive stands for, or the state
        itself."""
        before = self.word_before(noun)
        if self.doc[noun].lower_ not in discourse().represented_nouns or before is None \
                or self.quoted[noun]:
            return None
        if before.lower_ in discourse().represented_possessives:
            owner = self.resolve_pronoun(before.i)
        elif before.lower_ in ("'s", "’s") and self.owner[before.i - 1] \
                and self.cls_of(self.owner[before.i - 1]) == "Person":
            owner = self.owner[before.i - 1]
        else:
            return None
        side = self.side_of(owner) if owner else None
        return side if side and self.cls_of(side) == "Country" else None

    def person_represented(self, i: int) -> Argument | None:
        """"Orban's government" from the person's name at token ``i``: the state the
        government stands for (``represented_by``), as one argument; else None."""
        end = self.span_end[i]
        if end + 1 >= len(self.doc) or self.doc[end].lower_ not in ("'s", "’s"):
            return None
        side = self.represented_by(end + 1)
        return Argument(side, self.span_start[i], end + 2,
                        self.preposition_before(self.span_start[i])) if side else None

    def described_body(self, noun: int) -> str | None:
        """The body that "the board" or "the bloc" at token ``noun`` names: the last one
        named before, in a few sentences, whose name holds the noun ("the IAEA Board of
        Governors"; arguments.yaml body_nouns), the last organisation for a word of a
        bloc ("the EU"; bloc_nouns), or the last company for a word of a company ("the
        company": "Coralstar Shipping"; names.yaml company_nouns and company_heads)."""
        words, company_nouns = argument_words(), listed_words("company_nouns")
        lower = self.doc[noun].lower_
        before = self.word_before(noun)
        nouns = words.body_nouns | words.bloc_nouns | company_nouns
        if before is None or before.lower_ != "the" or self.quoted[noun] \
                or not self.doc[noun].is_lower or lower not in nouns:
            return None
        here = self.sentence_index[noun]
        for j in range(noun - 1, -1, -1):
            if here - self.sentence_index[j] > SALIENCE_WINDOW:
                return None
            local_id = self.owner[j]
            entity = self.by_id.get(local_id or "")
            if entity is None or self.quoted[j] or entity.cls not in BODY_CLASSES:
                continue
            label = entity.label.lower().split()
            company = lower in company_nouns
            if entity.cls == "Organization" and (lower in words.bloc_nouns or company and bool(
                    set(label[-1:]) & listed_words("company_heads"))) \
                    or lower in label and not company:
                return local_id
        return None

    def word_before(self, i: int) -> Token | None:
        """The nearest word before token ``i`` in its sentence."""
        found = word_before(self.doc, i)
        return found if found is not None and found.i >= self.sentence_of(i).start else None

    def entity_arguments(self, start: int, end: int) -> list[Argument]:
        """The entities (and object pronouns) in tokens [start, end) outside quotes.

        An entity right before another one with only a title between them ("US President
        Donald Trump", "the North's leader Kim") modifies it and is left out. Each argument
        carries the preposition that introduces it; coordinated ones share it ("between the
        US and the North").
        """
        found: list[Argument] = []
        i = start
        while i < end:
            argument = None if self.quoted[i] else self.argument_at(i)
            if argument is None:
                found += self.group_arguments(i)
                i += 1
                continue
            if found and self.modifies(found[-1], argument):
                argument.prep = found.pop().prep
            elif found and argument.prep is None and (self.coordinated(found[-1], argument)
                                                      or self.owned_by(argument, found[-1])):
                argument.prep = found[-1].prep
            found.append(argument)
            i = argument.end
        return found

    def group_arguments(self, noun: int) -> list[Argument]:
        """The parties "the three countries" at token ``noun`` stands for, where they were
        named together before (``named_group``; "both sides" is read with the events,
        events.py ``address_to_counterparts``), one argument each."""
        count, allowed = self.pair_count(noun), discourse().pair_nouns.get(self.doc[noun].lower_)
        if count is None or not allowed:
            return []
        return [Argument(local_id, noun, noun + 1, self.preposition_before(noun))
                for local_id in self.named_group(noun, count, allowed)]

    def argument_at(self, i: int) -> Argument | None:
        """The entity named at token ``i`` (a mention or an object pronoun), if any; in
        "with his Turkish counterpart, Hakan Fidan," the person in apposition."""
        counterpart = self.counterpart_at(i) or self.person_represented(i)
        if counterpart is not None:
            return counterpart
        local_id = self.owner[i]
        if local_id is not None:
            return Argument(local_id, self.span_start[i], self.span_end[i],
                            self.preposition_before(self.span_start[i]))
        if self.doc[i].lower_ in OBJECT_PRONOUNS:
            local_id = self.resolve_pronoun(i)
        else:
            local_id = self.described_referent(i)
        if local_id is not None:
            return Argument(local_id, i, i + 1, self.preposition_before(i))
        return None

    def counterpart_at(self, i: int) -> Argument | None:
        """The person named in apposition to "his (Turkish) counterpart" where that phrase
        opens at token ``i``, its pronoun or the state's word after it; else None."""
        pronoun = i
        if self.owner[i] and self.span_start[i] == i:
            before = self.word_before(i)
            pronoun = before.i if before is not None else i
        if self.doc[pronoun].lower_ not in POSSESSIVE_PRONOUNS - {"its"}:
            return None
        named = self.clauses.named_counterpart(pronoun, self.sentence_of(i).end)
        if named is None:
            return None
        person, after = named
        return Argument(person, i, after, self.preposition_before(i))

    def owned_by(self, second: Argument, first: Argument) -> bool:
        """True when ``second`` is named after a description owned by ``first`` ("on
        Venezuela's state-run gold mining company Minerven"): both are the preposition's."""
        gap = self.words_between(first, second)
        return bool(gap) and gap[0].text in POSSESSIVES and len(gap) <= MAX_DESCRIPTION_GAP \
            and all(t.is_lower and t.is_alpha and t.lower_ not in COORDINATORS | PREPOSITIONS
                    and not self.is_boundary(t) or t.lower_ in HYPHENS for t in gap[1:])

    def words_between(self, first: Argument, second: Argument) -> list[Token]:
        """The tokens between two arguments, spaces left out."""
        return [t for t in self.doc[first.end:second.start] if not t.is_space]

    def coordinated(self, first: Argument, second: Argument) -> bool:
        """True when only "and" or a comma (and determiners) stand between two arguments,
        also before the post of the second ("met X and Prime Minister Y")."""
        start = self.title_start(second.start) if self.owner[second.start] else second.start
        gap = [t.lower_ for t in self.doc[first.end:max(first.end, start)] if not t.is_space]
        return bool(gap) and all(w in COORDINATORS or w in DETERMINERS for w in gap) and \
            any(w in COORDINATORS for w in gap)

    def modifies(self, first: Argument, second: Argument) -> bool:
        """True when ``first`` only qualifies ``second`` ("US President Donald Trump")."""
        gap = self.words_between(first, second)
        if len(gap) > MAX_MODIFIER_GAP or second.prep is not None and second.prep != first.prep:
            return False
        return not any(t.lower_ in COORDINATORS or t.lower_ in PREPOSITIONS
                       or self.is_boundary(t)
                       or t.is_punct and t.lower_ not in DETERMINERS | HYPHENS
                       for t in gap)

    def preposition_before(self, i: int) -> str | None:
        """The preposition that introduces the noun phrase starting at token ``i``, if any.

        Determiners and lower-case modifiers may stand between ("on the economic ..."), and
        capitalised words right before the name ("with President Hassan Rouhani").
        """
        at = self.preposition_index(i)
        return None if at is None else self.doc[at].lower_

    def preposition_index(self, i: int) -> int | None:
        """Where the preposition of the noun phrase starting at token ``i`` is, if any."""
        title = True  # still in the run of capitalised words right before the name
        for j in range(i - 1, max(-1, i - PREPOSITION_REACH), -1):
            token = self.doc[j]
            lower = token.lower_
            if lower in PREPOSITIONS:
                return j
            if j in self.trigger_tokens and self.is_finite_verb(token):
                return None  # "In the speech he accused Washington": no "in" of Washington
            title = title and self.is_title_word(j)
            skippable = title or token.is_space or lower in DETERMINERS or lower in HYPHENS or (
                token.is_lower and not token.is_punct and lower not in COORDINATORS
                and not self.is_boundary(token) and not self.is_gerund(token)) \
                or self.owner[j] and self.is_compound(j)
            if not skippable:
                return None
        return None

    def is_gerund(self, token: Token) -> bool:
        """An -ing form of a verb that no determiner makes a noun and that is no adjective
        (arguments.yaml attributive_participles): the name after it is its object, and a
        preposition before it is not the name's ("more forceful in blaming Iran": not "in
        Iran")."""
        return token.lower_.endswith("ing") \
            and token.lower_ not in argument_words().attributive_participles \
            and self.is_finite_verb(token)

    def outer_preposition(self, i: int) -> str | None:
        """The preposition of the phrase that an "of" phrase at token ``i`` belongs to
        ("sanctions on whole sectors of the Belarusian economy": "on"), where the words
        between are no name and no trigger; else None."""
        at = self.preposition_index(i)
        if at is None or self.doc[at].lower_ != "of":
            return None
        outer = self.preposition_index(at)
        if outer is None or any(j in self.trigger_tokens for j in range(outer, at)):
            return None
        return self.doc[outer].lower_

    def is_title_word(self, j: int) -> bool:
        """A capitalised word of no entity inside a sentence: part of a post before a name
        ("with President Hassan Rouhani")."""
        token = self.doc[j]
        return token.is_title and token.is_alpha and self.owner[j] is None \
            and j > self.sentence_of(j).start and not self.is_boundary(token)

    def phrase_end(self, i: int) -> int:
        """The first token after the noun at ``i`` where its arguments surely end: a verb
        or auxiliary, unless it says the event happened ("the summit took place in Hanoi",
        "talks were held in Geneva") or opens a participle phrase ("the summit held in
        Hanoi"); "the talks were overshadowed by attacks in ..." ends at "were"."""
        end = self.clause_end(i)
        happening = argument_words().happening_verbs
        for j in range(i + 1, end):
            token = self.doc[j]
            verb = token.lower_ in AUXILIARIES or self.is_other_verb(token)
            if not verb or token.lower_ in happening:
                continue
            after = self.doc[j + 1] if j + 1 < end else None
            if after is None or after.lower_ not in PREPOSITIONS and (
                    token.lower_ not in AUXILIARIES or after.lower_ not in happening):
                return j
        return end

    def is_compound(self, j: int) -> bool:
        """An entity that is part of a hyphenated modifier ("Washington-based")."""
        end = self.span_end[j]
        return end < len(self.doc) and self.doc[end].lower_ in HYPHENS

    def next_trigger(self, i: int) -> int:
        """The first token of the next trigger after the one at ``i``, or the clause end."""
        end = self.clause_end(i)
        j = i + 1
        while j < end and j in self.trigger_tokens:
            j += 1
        while j < end and j not in self.trigger_tokens:
            j += 1
        return j

    def clause_end(self, i: int) -> int:
        """The first token after ``i`` where the clause of ``i`` ends."""
        sentence = self.sentence_of(i)
        for j in range(i + 1, sentence.end):
            if self.boundary[j]:
                return j
        return sentence.end

    def clause_start(self, i: int) -> int:
        """The first token of the clause that token ``i`` is in."""
        sentence = self.sentence_of(i)
        for j in range(i - 1, sentence.start - 1, -1):
            if self.boundary[j]:
                return j + 1
        return sentence.start

    def subject_before(self, i: int, preferred: list[str] = ()) -> list[str]:
        """The entities of the noun phrase before token ``i`` in its clause (its subject).

        Follows relative pronouns to their antecedent ("Moon, who has brokered talks"),
        pronouns to their referent, coordination ("Trump and Kim") and "X of Y" to X.
        """
        doc = self.doc
        sentence = self.sentence_of(i)
        j = i - 1
        while j >= sentence.start:
            token = doc[j]
            lower = token.lower_
            if self.owner[j] and not self.quoted[j]:
                prep = self.preposition_before(self.span_start[j])
                if prep is None or prep == "with" or prep in discourse().affiliation_preps:
                    return self.coordinated_before(self.span_start[j])
                return []
            if self.is_other_verb(token) or self.states_purpose(j):
                return []
            group = self.pair_referents(j) or [self.described_referent(j)]
            if group[0]:
                return group
            if lower in discourse().relative_pronouns and j > sentence.start:
                return self.antecedent_of(j)
            if lower in discourse().pronouns and not self.quoted[j]:
                found = self.resolve_pronoun(j, preferred)
                return self.persons_named_together(j) or ([found] if found else [])
            if self.is_boundary(token) or lower == ",":
                return []
            j -= 1
        return []

    def states_purpose(self, j: int) -> bool:
        """Token ``j`` is the "to" of "in an effort to": its subject is not the noun phrase
        before (``events.purpose_subject`` finds it)."""
        before = self.word_before(j)
        return self.doc[j].lower_ == "to" and before is not None \
            and before.lower_ in argument_words().purpose_nouns

    def is_other_verb(self, token: Token) -> bool:
        """A finite verb form ("fell", "wanted"), not a comparative ("later", "earlier")
        nor an ordinal used as an adverb ("the bloc first imposed"; its lookup lemma is "1"):
        the subject search does not pass it."""
        lower = token.lower_
        lemma = token.lemma_.lower() if token.lemma_ else lower
        if token.is_alpha and lemma.isdigit():
            before = word_before(self.doc, token.i)
            return before is not None and before.lower_ in DETERMINERS  # "the first launch"
        return token.is_lower and token.is_alpha and lemma != lower and \
            lower not in AUXILIARIES and not lower.endswith(("s", "er", "est")) and \
            lower not in DETERMINERS and lower not in PREPOSITIONS  # "an" has the lemma "a"

    def is_finite_verb(self, token: Token) -> bool:
        """A finite verb form (``is_other_verb``) that no determiner before it makes a noun
        ("a briefing", "in a televised address" are none)."""
        before = word_before(self.doc, token.i)
        return self.is_other_verb(token) and (before is None or before.lower_ not in DETERMINERS)

    def antecedent_of(self, relative: int) -> list[str]:
        """The entities a relative pronoun refers back to (the phrase right before it; the
        persons of its noun phrase, for a person: "X and his counterpart, Y, who met")."""
        j = relative - 1
        while j >= 0 and (self.doc[j].is_punct or self.doc[j].is_space):
            j -= 1
        if j < 0 or not self.owner[j]:
            return []
        phrase = self.clauses.covering.get(self.span_start[j])
        if phrase is not None and self.owner[j] in phrase.members \
                and self.cls_of(self.owner[j]) == "Person":
            return [member for member in phrase.members if self.cls_of(member) == "Person"]
        return self.coordinated_before(self.span_start[j])

    def coordinated_before(self, start: int) -> list[str]:
        """The entity whose mention starts at ``start`` plus those coordinated before it.

        "Joel Wit and Jenny Town of the 38 North project": from the project, the persons.
        """
        head = self.owner[start]
        at = self.preposition_index(start)
        if at is not None and self.doc[at].lower_ in discourse().affiliation_preps:
            before = self.previous_entity(at)
            if before is not None and self.cls_of(self.owner[before]) == "Person":
                return self.coordinated_before(self.span_start[before])
        group = [head]
        j = self.title_start(start)
        while True:
            before = self.previous_entity(j)
            if before is None:
                break
            gap = [t.lower_ for t in self.doc[self.span_end[before]:j] if not t.is_space]
            gap = [word for word in gap if word != "the"]  # "North Korea and the US"
            if not gap or any(word not in COORDINATORS for word in gap) or set(gap) == {","} \
                    and self.cls_of(self.owner[before]) != self.cls_of(head):
                break  # "Speaking in Seoul, Moon said": a comma joins only names of one kind
            group.insert(0, self.owner[before])
            j = self.span_start[before]
        return list(dict.fromkeys(local_id for local_id in group if local_id))

    def title_start(self, start: int) -> int:
        """The first token of the post written before the person whose mention starts at
        ``start`` ("Chinese President Xi Jinping": "Chinese"), else ``start``."""
        entity = self.by_id.get(self.owner[start] or "")
        last = self.span_end[start] - 1
        end_char = self.tokens.idx[last] + self.tokens.length[last]
        firsts = [role.mention.start for role in entity.roles if role.mention is not None
                  and role.mention.end == end_char and role.mention.start < self.tokens.idx[start]] \
            if entity is not None else []
        return bisect.bisect_left(self.tokens.idx, min(firsts)) if firsts else start

    def previous_entity(self, start: int) -> int | None:
        """The last token of the entity mention closest before token ``start`` (6 tokens)."""
        for j in range(start - 1, max(-1, start - 7), -1):
            if self.owner[j]:
                return j
        return None

    def arguments_after(self, i: int, limit: int | None = None) -> list[Argument]:
        """Entities after token ``i`` up to the end of its clause, with their prepositions.

        A comma ends the search unless it separates two entities ("Japan, China and ..."),
        but not a person from the state of his post ("on James Kabarebe, Rwanda's minister").
        """
        sentence = self.sentence_of(i)
        end = min(limit or sentence.end, sentence.end)
        j = i + 1
        while j < end:
            token = self.doc[j]
            if self.is_boundary(token) and not self.owner[j]:
                break
            if token.lower_ == "," and not (self.owner[j - 1] and j + 1 < end and self.owner[j + 1]
                                            and not self.post_owner_after(j)):
                break
            j += 1
        return self.phrase_arguments(self.entity_arguments(i + 1, j))

    def phrase_arguments(self, arguments: list[Argument]) -> list[Argument]:
        """The arguments, and after the last one the other members of its noun phrase that
        a comma parted from it ("by Ralph Gonsalves, the prime minister of St Vincent, and
        Celso Amorim": both; kg/extract/clauses.py), with its preposition."""
        if not arguments:
            return arguments
        last = arguments[-1]
        phrase = self.clauses.covering.get(last.start)
        if phrase is None or phrase.end <= last.end:
            return arguments
        named = {argument.local_id for argument in arguments}
        return arguments + [Argument(member, last.end, phrase.end, last.prep)
                            for member in phrase.members if member not in named]

    def post_owner_after(self, comma: int) -> bool:
        """Whether the entity right after a comma owns the post of a person before it
        ("Kabarebe, Rwanda's minister"): a possessive after it, a person before the comma."""
        if not self.owner[comma + 1]:
            return False
        after = self.span_end[comma + 1]
        return self.cls_of(self.owner[comma - 1]) == "Person" and after < len(self.doc) \
            and self.doc[after].text in POSSESSIVES


def starts_with(words: list[str], at: int, phrase: tuple[str, ...]) -> bool:
    """True when ``phrase`` occurs in ``words`` at position ``at``."""
    return tuple(words[at:at + len(phrase)]) == phrase
