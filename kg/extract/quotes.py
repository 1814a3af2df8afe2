"""Quotes and their speakers.

Each span of ``doc.spans["kg_quotes"]`` is attributed, in this order, to:

1. the subject of a verb of saying after it in its sentence ("..., X told reporters",
   "..., said X", "..., he added" with "he" the last speaker of that gender);
2. the source an attribution phrase names in its sentence ("..., according to X");
3. the subject of a verb of saying before it ("X said the talks had made 'progress'";
   "X, the head of Y, said: ..."), of a naming verb before a term of a few words ("X called
   it 'a mess'"), or the named subject opening the sentence before a colon;
4. the last speaker of the same paragraph (a quote that continues a speaker's words);
5. the last speaker of the paragraph before, for a quote that opens a paragraph without a
   verb of saying (a quote that runs on over paragraphs);
6. the agent, if no state, of the event reported just before it in its sentence ("X
   appealed to governments to avoid 'tit-for-tat measures'");
7. the speaker of the next quote, for a quote left open at the end of its paragraph when
   the next paragraph opens with that quote (the speaker named only at the end of words
   that run on over paragraphs).

"He" and "she" stand only for a speaker the text (or a given name: "Anna", "Pavel") does not
show to be of the other gender (see ``Genders``); where none is left, or where another person
of that gender is named between the last speaker and the pronoun, the quote gets no speaker
rather than the nearest name. A pronoun whose paragraph names no one it fits reads the
paragraph before ("Joe Doe accused X of ... / '...,' he said"). A body the text does not
name ("'...,' Colombia's foreign ministry said") leaves its quote without a speaker rather
than giving it to the state.
A speaker without a name ("a senior US official") becomes a Person entity whose affiliation is
the country or organisation named in the phrase; "the official" later refers back to it.
A quote by "they" after "X and Y said" is recorded once per speaker.

The searches back through the text are linear in the article overall: verbs of saying are
indexed once (``VerbIndex``) and a verb that cannot give a speaker is skipped by later
searches, so a paragraph of many quotes is not read again for each quote.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Span

from kg.extract.context import (ARTICLES, AUXILIARIES, BODY_CLASSES, PREPOSITIONS, QUOTE_MARKS,
                                Argument, ArticleContext, discourse, inflected)
from kg.extract.entities import body_nouns
from kg.extract.events import EventMention
from kg.extract.genders import Genders, gender_words
from kg.lexicon import name_cues
from kg.model import Entity, Quote
from kg.nlp.events import read_lexicon_yaml
from kg.nlp.normalise import normalise_name

SUBJECT_WINDOW = 6
OPENING_REACH = 5  # sentences back that "he said" may look for a person opening one
GENDERED_REACH = 6  # names back that "he said" may look at for one it fits
SPEAKER_REACH = 200  # tokens back to an earlier verb of saying a pronoun may point to
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
SPEAKER_CLASSES = frozenset({"Person", "Organization", "GovernmentBody", "Country"})
AFFILIATION_CLASSES = frozenset({"Organization", "GovernmentBody", "Country"})
SCARE_QUOTE_WORDS = 3  # a quoted term of at most this many words is a scare quote
NAMED_TERM_WORDS = 10  # or this many, right after a naming verb and its object
NAMING_REACH = 4  # words between such a verb and the quote ("called the talks ...")
ATTRIBUTION_WORDS = 12  # tokens between the two parts of a quote broken by "she said"
EDGE_MARKS = 3  # tokens of marks and space between a quote standing alone and its sentence's edge
NEXT_SENTENCE_REACH = 8  # tokens into the sentence after a quote that ends its own
PARENTHETICAL_REACH = 25  # tokens between the commas of "X, the Y of Z, said"
SOURCE_MODIFIERS = 2  # lower-case words between a source's preposition and its body
DESCRIPTION_WORDS = 3  # lower-case words after it that may still describe an unnamed source
TRIM = " ,;:\n\t"
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
OWNING_WORDS = POSSESSIVE_MARKS | POSSESSIVES  # what stands before a possessed description
HYPHENS = frozenset({"-", "‐"})
MODALS = frozenset({"could", "might", "may", "should", "can", "must", "shall"})
CONJUNCTIONS = frozenset({"and", "but", "or"})
INDEFINITES = frozenset({"a", "an"})
STOPS = frozenset({";", ":", "“", "”", '"', "«", "»", "?", "!", "."})  # end a parenthetical


@dataclass(frozen=True)
class QuoteWords:
    """The word lists of discourse.yaml that only the quote rules read, as lower-case forms."""

    verbs: frozenset[str]  # verbs of saying and quote_verbs, every form
    base_verbs: frozenset[str]  # the same in their base form only ("state", "report")
    naming_verbs: frozenset[str]
    complement_verbs: frozenset[str]
    document_nouns: frozenset[str]
    quantifiers: frozenset[str]
    source_preps: frozenset[str]
    source_qualifiers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    speaker_passives: frozenset[str]
    addressee_verbs: frozenset[str]
    contrast_openers: frozenset[str]
    subordinate_openers: frozenset[str]
    post_times: frozenset[str]
    citing_words: frozenset[str]
    source_person_preps: frozenset[str]
    source_label_preps: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    person_suffixes: tuple[str, ...]
    continuing_phrases: tuple[tuple[str, ...], ...]


@cache
def quote_words() -> QuoteWords:
    """The quote rules' word lists, read once."""
    data = read_lexicon_yaml("discourse.yaml")

    return QuoteWords(
        verbs=discourse().speech_verbs | inflected(data["quote_verbs"]),
        base_verbs=frozenset(data["speech_verbs"] + data["quote_verbs"]),
        naming_verbs=inflected(data["naming_verbs"]),
        complement_verbs=inflected(data["complement_verbs"]),
        document_nouns=frozenset(data["document_nouns"]),
        quantifiers=frozenset(data["source_quantifiers"]),
        source_preps=frozenset(data["source_preps"]),
        source_qualifiers=frozenset(data["source_qualifiers"]),
        passive_auxiliaries=frozenset(data["passive_auxiliaries"]),
        adverbs=frozenset(data["subject_adverbs"]),
        speaker_passives=inflected(data["speaker_passives"]),
        addressee_verbs=inflected(data["addressee_verbs"]),
        contrast_openers=frozenset(data["contrast_openers"]),
        subordinate_openers=frozenset(data["subordinate_openers"]),
        post_times=frozenset(data["post_times"]),
        citing_words=frozenset(data["citing_words"]),
        source_person_preps=frozenset(data["source_person_preps"]),
        source_label_preps=frozenset(data["source_label_preps"]),
        person_suffixes=tuple(data["person_suffixes"]),
        continuing_phrases=tuple(tuple(p.split()) for p in data["continuing_phrases"]),
        attribution_phrases=tuple(tuple(p.split()) for p in data["attribution_phrases"]))


@dataclass
class VerbIndex:
    """The verbs of saying of an article in text order, for searches back from a token.

    A search asks for the latest verb before a token that passes a test; a verb that fails a
    test for good is skipped by every later search with the same key (a disjoint-set forest
    with path compression), so a paragraph of many quotes is read once, not once per quote.
    """

    positions: list[int]
    parents: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, context: ArticleContext) -> "VerbIndex":
        """The tokens that are verbs of saying outside quotes (names are checked per search)."""
        words = quote_words().verbs
        return cls([i for i, lower in enumerate(context.tokens.lower)
                    if lower in words and not context.quoted[i]])

    def latest(self, key: str, before: int, start: int,
               passes: Callable[[int], bool]) -> int | None:
        """The latest verb in tokens [start, before) that ``passes``; ``passes`` must give
        the same answer whenever it is asked again with the same key."""
        parent = self.parents.setdefault(key, list(range(len(self.positions))))
        k = find_root(parent, bisect.bisect_left(self.positions, before) - 1)
        while k >= 0 and self.positions[k] >= start:
            if passes(self.positions[k]):
                return self.positions[k]
            parent[k] = k - 1
            k = find_root(parent, k - 1)
        return None


def find_root(parent: list[int], k: int) -> int:
    """The latest index at or before ``k`` not yet skipped (-1 for none), paths compressed."""
    root = k
    while root >= 0 and parent[root] != root:
        root = parent[root]
    while k >= 0 and parent[k] != k:
        parent[k], k = root, parent[k]
    return root


@dataclass
class SpeakerMemory:
    """Who spoke last: groups of entity local ids, most recent last."""

    groups: list[list[str]] = field(default_factory=list)
    group_at: list[int] = field(default_factory=list)  # the first token of each group's quote
    unnamed: dict[str, str] = field(default_factory=dict)  # source noun -> entity local id
    sources: dict[int, str] = field(default_factory=dict)  # its token -> entity local id
    by_verb: dict[int, list[str]] = field(default_factory=dict)  # verb token -> its speakers
    agents: list[tuple[int, str]] = field(default_factory=list)  # (trigger token, agent)
    verbs: VerbIndex | None = None
    gender: Genders | None = None
    phrases: list[tuple[int, int]] | None = None  # see attribution_phrases_in
    fitting: dict[str, tuple[int, int]] = field(default_factory=dict)  # pronoun -> (read, last)
    agents_for: dict[str, tuple[list[int], list[str]]] = field(default_factory=dict)
    holders: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # see holder_mentions
    described: dict[str, list[tuple[int, str, frozenset[str]]]] = field(
        default_factory=dict)  # see described_person
    named: list[tuple[int, str]] | None = None  # see speaker_mentions
    surnames: dict[str, str] | None = None  # see surname_holder
    introduced: dict[str, list[int]] = field(default_factory=dict)  # see introduced_source
    documents: dict[str, list[tuple[int, str]]] = field(
        default_factory=dict)  # see earlier_document_issuer
    sole: dict[str, tuple[tuple[int, str | None], int | None]] = field(
        default_factory=dict)  # see sole_person
    unread: list[int] | None = None  # see unread_names

    def attributions(self, context: ArticleContext) -> list[tuple[int, int]]:
        """The article's attribution phrases ("according to"), found on first use."""
        if self.phrases is None:
            self.phrases = attribution_phrases_in(context)
        return self.phrases

    def genders(self, context: ArticleContext) -> Genders:
        """What the text shows of its persons' genders, read on first use."""
        if self.gender is None:
            self.gender = Genders.of(context)
        return self.gender

    def surname_holder(self, i: int, context: ArticleContext) -> str | None:
        """The one person of the article whose full name ends in the capitalised word at
        token ``i`` that names no entity ("Yvan Gil ... Gil told reporters", where "Gil" was
        not read as a name)."""
        if not context.tokens.is_title[i] or context.quoted[i]:
            return None
        if self.surnames is None:
            owners: dict[str, set[str]] = {}
            for entity in context.entities:
                for name in [entity.label] + [m.text for m in entity.mentions]:
                    words = normalise_name(name).split()
                    if entity.cls == "Person" and len(words) > 1:
                        owners.setdefault(words[-1], set()).add(entity.local_id)
            self.surnames = {word: ids.pop() for word, ids in owners.items() if len(ids) == 1}
        return self.surnames.get(normalise_name(context.tokens.text[i]))

    def speaker_mentions(self, context: ArticleContext) -> list[tuple[int, str]]:
        """(first token, local id) of every name outside quotes of one that may speak, in
        text order, found on first use."""
        if self.named is None:
            self.named = [(i, owner) for i, owner in enumerate(context.owner)
                          if owner and context.span_start[i] == i and not context.quoted[i]
                          and context.cls_of(owner) in SPEAKER_CLASSES]
        return self.named

    def unread_names(self, context: ArticleContext) -> list[int]:
        """The first tokens of two capitalised words in a row that name no entity (see
        ``unknown_name``), found on first use."""
        if self.unread is None:
            self.unread = [j for j in range(len(context.doc) - 1)
                           if unknown_name(j, j + 2, context)]
        return self.unread

    def verb_index(self, context: ArticleContext) -> VerbIndex:
        """The article's verbs of saying, indexed on first use."""
        if self.verbs is None:
            self.verbs = VerbIndex.of(context)
        return self.verbs

    def last_for(self, pronoun: str, context: ArticleContext) -> tuple[list[str], int]:
        """The last speakers a pronoun can stand for (a group for "they", one for "he") and
        the first token of their quote (-1 for none).

        The groups are read once per pronoun: the latest fitting one is kept as they grow.
        """
        read, last = self.fitting.get(pronoun, (0, -1))
        for number in range(read, len(self.groups)):
            if fits(self.groups[number], pronoun, context):
                last = number
        self.fitting[pronoun] = (len(self.groups), last)
        return (self.groups[last], self.group_at[last]) if last >= 0 else ([], -1)

    def agents_fitting(self, pronoun: str, context: ArticleContext) -> tuple[list[int], list[str]]:
        """The event agents a pronoun can stand for, as trigger tokens and ids in text order."""
        if pronoun not in self.agents_for:
            found = sorted(((token, number, agent) for number, (token, agent)
                            in enumerate(self.agents) if fits([agent], pronoun, context)))
            self.agents_for[pronoun] = ([token for token, _, _ in found],
                                        [agent for _, _, agent in found])
        return self.agents_for[pronoun]


def is_speech_verb(context: ArticleContext, i: int) -> bool:
    """A verb that gives a quote its speaker, outside quotes and entity names, and not a
    noun or a modifier ("the report", "state-owned")."""
    return (context.tokens.lower[i] in quote_words().verbs and not context.quoted[i]
            and context.owner[i] is None and not is_nominal(context, i)
            and not is_unspoken(context, i))


def is_unspoken(context: ArticleContext, i: int) -> bool:
    """Whether a verb of saying tells of no words said: after a modal ("the UAE would
    continue its efforts") or, as an infinitive, with a name for its object ("called on the
    EU to add Coralstar to its list"; but "to tell Reuters" names the one spoken to)."""
    before = previous_word(i, context)
    if before is None:
        return False
    lower = context.tokens.lower[before]
    if lower in discourse().future_modals or lower in MODALS:
        return True
    after = next_word(i, context)
    return lower == "to" and after is not None and context.owner[after] is not None \
        and context.tokens.lower[i] not in quote_words().addressee_verbs


def is_nominal(context: ArticleContext, i: int) -> bool:
    """Whether the word at ``i`` follows an article, a possessive other than "her" ("its
    alleged owner"; "told her" may go on) or a preposition other than "to" (but
    "by saying"), is joined by a hyphen to the next, is a document noun after a name that
    follows an article or a possessive ("the UN report was", "at posts abroad", "its Kremlin
    statement"), or a verb's base form after one person's name ("the Jane Roe state")."""
    lower = context.tokens.lower
    after_preposition = i > 0 and lower[i - 1] in PREPOSITIONS - {"to"} \
        and not lower[i].endswith("ing")
    determined = i > 0 and (lower[i - 1] in ARTICLES or lower[i - 1] in POSSESSIVES - {"her"})
    return determined or after_preposition or \
        i + 1 < len(lower) and lower[i + 1] in HYPHENS \
        or lower[i] in quote_words().document_nouns and determined_name_before(i, context) \
        or lower[i] in quote_words().base_verbs and after_one_person(i, context)


def after_one_person(i: int, context: ArticleContext) -> bool:
    """Whether a person's name, not joined to another by "and", stands right before token
    ``i``: a verb's base form there is no verb of that person ("the Jane Roe state", "the
    Roe report"; "Roe and Doe say" may be)."""
    j = previous_word(i, context)
    if j is None or not is_person(j, context):
        return False
    before = previous_word(context.span_start[j], context)
    return before is None or context.tokens.lower[before] not in CONJUNCTIONS


def determined_name_before(i: int, context: ArticleContext) -> bool:
    """Whether an entity's name right before token ``i`` follows an article or a possessive
    ("the UN", "Iran's IRNA")."""
    j = previous_word(i, context)
    if j is None or context.owner[j] is None:
        return False
    start = context.span_start[j]
    before = previous_word(start, context)
    return context.tokens.lower[start] in ARTICLES or before is not None and \
        context.tokens.lower[before] in ARTICLES | POSSESSIVES | POSSESSIVE_MARKS


def speech_verb_after(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> int | None:
    """The first verb of saying after a quote in the sentence where the quote ends (or at the
    start of the next one, see ``attribution_end``); none where the quote's words run on
    into that verb's clause (see ``runs_into_clause``)."""
    end = contrast_before(quote.end, attribution_end(quote, context), context)
    end = subordinate_before(quote.end, end, context)
    positions = memory.verb_index(context).positions
    at = bisect.bisect_left(positions, quote.end)
    while at < len(positions) and positions[at] < end:
        if is_speech_verb(context, positions[at]):
            return None if runs_into_clause(quote, positions[at], context) else positions[at]
        at += 1
    return None


def runs_into_clause(quote: Span, verb: int, context: ArticleContext) -> bool:
    """Whether the words of a quote that opens after a word of its sentence run on past its
    closing mark into the clause of the verb of saying after it: no punctuation inside or
    right after the mark ends them, and neither a comma nor a conjunction sets the verb off
    ("He accused Ankara of 'dictating every word' Roe says": a relative clause, not the
    quote's attribution; but "... the 'main difference' between them, he added", "gave its
    'sympathies' and said ...")."""
    opening = previous_word(quote.start - 1, context) if quote.start > 0 else None
    closing = quote.end + 1
    if opening is None or not context.tokens.is_alpha[opening] or closing >= verb or \
            context.tokens.is_punct[quote.end - 1]:
        return False
    after = closing if not context.tokens.is_space[closing] else next_word(closing, context)
    before = previous_word(verb, context)
    return after is not None and context.tokens.is_alpha[after] and \
        "," not in context.tokens.lower[closing:verb] and \
        (before is None or context.tokens.lower[before] not in CONJUNCTIONS)


def contrast_before(start: int, end: int, context: ArticleContext) -> int:
    """The first word in tokens [start, end) outside quotes that opens a contrasting clause
    after a comma ("X called the plan 'a disaster', while Y said ...": Y's verb speaks for
    words after it only), else ``end``."""
    openers = quote_words().contrast_openers
    return next((j for j in range(start, end) if context.tokens.lower[j] in openers
                 and not context.quoted[j] and comma_before(j, context) is not None), end)


def subordinate_before(start: int, end: int, context: ArticleContext) -> int:
    """The first word in tokens [start, end) outside quotes that opens another clause before
    any name, a clause of time or cause or one after a semicolon ("'...', hours after Jane
    Roe told him", "Roe called it 'odd'; Doe said ...": that verb is not the quote's
    attribution; "'...,' Jane Roe said after ..." keeps hers), else ``end``."""
    openers = quote_words().subordinate_openers
    for j in range(start, end):
        lower = context.tokens.lower[j]
        if context.quoted[j]:
            continue
        if lower == ";" or lower in openers:
            return j
        if context.owner[j] is not None:
            return end
    return end


def attribution_end(quote: Span, context: ArticleContext) -> int:
    """Where a verb of saying after a quote may stand last: the end of the sentence where the
    quote ends or, for a quote that is a whole sentence on its own ("'Why now?' she asked"),
    the first words of the next sentence of its paragraph, unless they quote again."""
    sentence = context.sentence_of(quote.end - 1)
    following = sentence.end
    while following < len(context.doc) and context.tokens.is_space[following]:
        following += 1
    if following >= len(context.doc) or not stands_alone(quote, context) or \
            context.paragraph_at(following) != context.paragraph_at(quote.end - 1):
        return sentence.end
    end = min(context.sentence_of(following).end, following + NEXT_SENTENCE_REACH)
    return sentence.end if any(context.quoted[following:end]) else end


def stands_alone(quote: Span, context: ArticleContext) -> bool:
    """Whether only quote marks and white space stand between a quote and the edges of the
    sentences it begins and ends in."""
    def marks_only(start: int, end: int) -> bool:
        return end - start <= EDGE_MARKS and all(
            context.tokens.is_punct[j] or context.tokens.is_space[j] for j in range(start, end))

    return marks_only(context.sentence_of(quote.start).start, quote.start) and \
        marks_only(quote.end, context.sentence_of(quote.end - 1).end)


def latest_speaker(before: int, start: int, context: ArticleContext, memory: SpeakerMemory,
                   allow_after: bool) -> list[str]:
    """The speakers of the latest verb of saying in tokens [start, before) that has any."""
    def has_speaker(i: int) -> bool:
        return is_speech_verb(context, i) and bool(subject_of(i, context, memory, allow_after))

    found = memory.verb_index(context).latest("speaker", before, start, has_speaker)
    return [] if found is None else memory.by_verb[found]


def unnamed_source(verb: int, context: ArticleContext, memory: SpeakerMemory,
                   after: bool) -> list[str]:
    """A speaker named by description ("a senior US official", "the official"), as an entity."""
    doc = context.doc
    sentence = context.sentence_of(verb)
    window = range(verb + 1, min(sentence.end, verb + SUBJECT_WINDOW)) if after else \
        range(verb - 1, max(sentence.start - 1, verb - SUBJECT_WINDOW), -1)
    noun = next((i for i in window if doc[i].lower_ in discourse().source_nouns
                 and not context.quoted[i] and not is_title_word(i, context)), None)
    if noun is None:
        return []
    named = appositive_after(noun, context)
    first = verb + 2 if after else sentence.start
    return [named] if named else [source_entity(noun, first, context, memory)]


def appositive_after(noun: int, context: ArticleContext) -> str | None:
    """The person named after a comma that closes the description ending in ``noun`` ("his
    father, Karim Haddad", "a senior official of the ministry, Lina Sayegh"): no verb, quote
    or stop between the noun and the comma."""
    end = min(context.sentence_of(noun).end, noun + PARENTHETICAL_REACH)
    for j in range(noun + 1, end):
        lower = context.tokens.lower[j]
        if lower == ",":
            name = next_word(j, context)
            return context.owner[name] if name is not None and \
                context.span_start[name] == name and is_person(name, context) and \
                closes_apposition(context.span_end[name], context) else None
        if context.quoted[j] or lower in STOPS or context.is_other_verb(context.doc[j]):
            return None
    return None


def source_entity(noun: int, first: int, context: ArticleContext, memory: SpeakerMemory) -> str:
    """The local id of the source a description ending in ``noun`` names (its first word at
    or after token ``first``): the source named before for "the official", else a new Person
    whose affiliation is the body named in the description or right after it ("a senior US
    official", "a diplomat from Iran")."""
    if noun in memory.sources:
        return memory.sources[noun]  # read before, by another verb or quote
    doc = context.doc
    start = description_start(noun, first, context)
    determiner = doc[start - 1].lower_ if start > 0 else ""
    head = doc[noun].lower_
    if determiner == "the":
        known = referent_of(noun, context, memory)
        if known is not None:
            return known
    phrase = doc[start:noun + 1]
    short = words_of(phrase)
    affiliation = next((context.owner[i] for i in range(start, noun) if context.owner[i]),
                       None) or affiliation_after(noun, context)
    entity = Entity(local_id=f"source{len(memory.unnamed) + 1}-{phrase.start}",
                    label=words_of(doc[start:description_end(noun, context)]), cls="Person",
                    aliases={short}, affiliation=affiliation, confidence=0.6)
    entity.aliases.discard(entity.label)
    context.add_entity(entity, phrase)
    memory.unnamed[head] = entity.local_id
    memory.sources[noun] = entity.local_id
    return entity.local_id


def words_of(span: Span) -> str:
    """The words of a span, white space between them folded to single spaces."""
    return " ".join(t.text for t in span if not t.is_space)


def description_end(noun: int, context: ArticleContext) -> int:
    """The token after the phrase that ties a source noun to the body or group it speaks for
    ("a spokeswoman for the European Commission", "a member of the government delegation",
    "a diplomat from a neighbouring country who ..."): a preposition of discourse.yaml
    source_label_preps, then an article and lower-case words or one name, up to a verb, a
    clause or a comma; ``noun + 1`` where no such phrase follows ("a diplomat in Beirut")."""
    j = next_word(noun, context)
    if j is None or context.tokens.lower[j] not in quote_words().source_label_preps:
        return noun + 1
    end, k, taken = noun + 1, next_word(j, context), 0
    while k is not None and taken < DESCRIPTION_WORDS and not context.quoted[k]:
        lower = context.tokens.lower[k]
        if context.owner[k] is not None:
            return body_head_after(context.span_end[k], context)  # a name ends the phrase
        if lower not in ARTICLES | POSSESSIVES and (
                not (context.tokens.is_alpha[k] and context.tokens.is_lower[k])
                or follows_a_noun(lower) or lower in PREPOSITIONS or lower.endswith("ed")
                or context.is_other_verb(context.doc[k])):
            break
        end = k + 1 if lower not in ARTICLES | POSSESSIVES else end
        taken += lower not in ARTICLES | POSSESSIVES
        k = next_word(k, context)
    return end


def body_head_after(end: int, context: ArticleContext) -> int:
    """The token after a lower-case head of a body right after a name ending before ``end``
    ("the Norland embassy", "the Acme board"), else ``end``."""
    cues = name_cues()
    heads = cues.organization_heads | cues.government_heads | body_nouns()
    j = next_word(end - 1, context)
    return j + 1 if j is not None and context.tokens.is_lower[j] and \
        context.tokens.lower[j] in heads else end


def referent_of(noun: int, context: ArticleContext, memory: SpeakerMemory) -> str | None:
    """Who "the spokeswoman" at ``noun`` is: of the person the text last described with that
    word ("Jane Roe, a spokeswoman for ...", "spokeswoman Jane Roe") and the unnamed source
    last called so, the one mentioned later."""
    head = context.tokens.lower[noun]
    unnamed = memory.unnamed.get(head)
    named = described_person(noun, context, memory)
    if unnamed is None and named is None:
        return introduced_source(noun, context, memory)
    if unnamed is None or named is not None and named[0] > first_mention(unnamed, context):
        return named[1] if named is not None else None
    return unnamed


def introduced_source(noun: int, context: ArticleContext, memory: SpeakerMemory) -> str | None:
    """The unnamed source that "the official" at ``noun`` refers back to where no quote has
    made it a speaker yet: the latest description before it that introduces one with the
    same noun and every word of its own description ("A senior Israeli official said the
    operation would last weeks. / '...,' the official said"), made a source entity."""
    head = context.tokens.lower[noun]
    if head not in memory.introduced:
        memory.introduced[head] = [k for k, lower in enumerate(context.tokens.lower)
                                   if lower == head and introduces_source(k, context)]
    found = memory.introduced[head]
    words = description_words(noun, context)
    at = bisect.bisect_left(found, noun) - 1
    while at >= 0 and not words <= description_words(found[at], context):
        at -= 1
    if at < 0:
        return None
    return source_entity(found[at], context.sentence_of(found[at]).start, context, memory)


def introduces_source(noun: int, context: ArticleContext) -> bool:
    """Whether the source noun at ``noun`` ends a description that introduces someone, outside
    quotes and names: after "a", "an" or a word of number, and followed by no lower-case noun
    it would qualify ("a senior official said", not "an official visit")."""
    if context.quoted[noun] or context.owner[noun] is not None or is_title_word(noun, context):
        return False
    start = description_start(noun, context.sentence_of(noun).start, context)
    before = previous_word(start, context)
    if before is None or context.tokens.lower[before] not in \
            INDEFINITES | quote_words().quantifiers:
        return False
    after = next_word(noun, context)
    return after is None or not (context.tokens.is_alpha[after] and
                                 context.tokens.is_lower[after]) or \
        follows_a_noun(context.tokens.lower[after]) or context.is_other_verb(context.doc[after])


def follows_a_noun(word: str) -> bool:
    """Whether a lower-case word after a source noun shows it to be a noun, not a modifier
    ("an official who", "a diplomat in", "an aide also said", "a source has", "a diplomat
    familiar with")."""
    words = quote_words()
    return word in words.source_preps | words.source_qualifiers | words.verbs | words.adverbs | \
        words.passive_auxiliaries | discourse().relative_pronouns | CONJUNCTIONS | AUXILIARIES


def first_mention(local_id: str, context: ArticleContext) -> int:
    """The character offset where an entity is first mentioned."""
    entity = context.entity(local_id)
    return min((mention.start for mention in entity.mentions), default=-1) if entity else -1


def described_person(noun: int, context: ArticleContext,
                     memory: SpeakerMemory) -> tuple[int, str] | None:
    """The character offset and local id of the latest person before ``noun`` that the text
    describes with the same word and every word before it ("the health minister": not
    "Transport Minister Jane Roe"), right before the name or in a phrase after it."""
    head = context.tokens.lower[noun]
    if head not in memory.described:
        memory.described[head] = [
            (context.tokens.idx[k], person, description_words(k, context))
            for k, lower in enumerate(context.tokens.lower)
            if lower == head and not context.quoted[k] and context.owner[k] is None
            for person in [named_with(k, context)] if person is not None]
    found = memory.described[head]
    words = description_words(noun, context)
    at = bisect.bisect_left(found, (context.tokens.idx[noun],)) - 1
    while at >= 0 and not words <= found[at][2]:
        at -= 1
    return found[at][:2] if at >= 0 else None


def description_words(noun: int, context: ArticleContext) -> frozenset[str]:
    """The lower-case words of the description that ends in ``noun``, the noun left out."""
    start = description_start(noun, context.sentence_of(noun).start, context)
    return frozenset(context.tokens.lower[j] for j in range(start, noun)
                     if not context.tokens.is_space[j])


def named_with(noun: int, context: ArticleContext) -> str | None:
    """The person a description ending in ``noun`` goes with: the name right after it
    ("spokeswoman Jane Roe"), or the name before the comma that opens it ("Jane Roe, a
    spokeswoman for ...")."""
    after = next_word(noun, context)
    if after is not None and context.span_start[after] == after and is_person(after, context):
        return context.owner[after]
    j = previous_word(description_start(noun, context.sentence_of(noun).start, context), context)
    if j is not None and context.tokens.lower[j] in ARTICLES:
        j = previous_word(j, context)
    if j is None or context.tokens.lower[j] != ",":
        return None
    name = previous_word(j, context)
    return context.owner[name] if name is not None and is_person(name, context) else None


def is_person(i: int, context: ArticleContext) -> bool:
    """Whether token ``i`` names a person."""
    return context.cls_of(context.owner[i] or "") == "Person"


def affiliation_after(noun: int, context: ArticleContext) -> str | None:
    """The body a source noun's preposition names right after it ("an official at the
    ministry", "a source within the Interior Ministry"), if any."""
    j = next_word(noun, context)
    if j is None or context.tokens.lower[j] not in quote_words().source_preps:
        return None
    j = named_head(past_modifiers(next_word(j, context), next_word, context), context)
    return context.owner[j] if j is not None and \
        context.cls_of(context.owner[j] or "") in AFFILIATION_CLASSES else None


def named_head(j: int | None, context: ArticleContext) -> int | None:
    """The last of the names that follow one another from token ``j`` on, the head of
    their phrase ("the Ukrainian Ministry of Defence": the ministry, not Ukraine)."""
    while j is not None and context.owner[j] is not None:
        after = next_word(context.span_end[j] - 1, context)
        if after is None or context.owner[after] is None or context.span_start[after] != after:
            return j
        j = after
    return j


def past_modifiers(j: int | None, step: Callable[[int, ArticleContext], int | None],
                   context: ArticleContext) -> int | None:
    """The first word from ``j`` on (moving by ``step``) that is neither an article nor one of
    a few lower-case modifiers ("the central", "its regional")."""
    modifiers = 0
    while j is not None and context.owner[j] is None and (
            context.tokens.lower[j] in ARTICLES | POSSESSIVES or
            context.tokens.is_lower[j] and context.tokens.is_alpha[j]
            and context.tokens.lower[j] not in quote_words().source_preps
            and modifiers < SOURCE_MODIFIERS):
        modifiers += context.tokens.lower[j] not in ARTICLES | POSSESSIVES
        j = step(j, context)
    return j


def words_from(j: int | None, count: int, context: ArticleContext) -> Iterator[int]:
    """Token ``j`` and the words after it, ``count`` in all at most, within the sentence."""
    while j is not None and count > 0:
        yield j
        j, count = next_word(j, context), count - 1


def next_word(i: int, context: ArticleContext) -> int | None:
    """The next token after ``i`` in its sentence that is not white space."""
    end = context.sentence_of(i).end
    j = i + 1
    while j < end and context.tokens.is_space[j]:
        j += 1
    return j if j < end else None


def described_source(verb: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The unnamed source whose description ends in the name right before a verb ("a diplomat
    from Iran said", "an aide to the minister ... said": the diplomat, not Iran)."""
    clause = context.clause_start(verb)
    mention = next((j for j in range(verb - 1, clause - 1, -1) if context.owner[j]), None)
    noun = None if mention is None or context.quoted[mention] else \
        source_noun_before(context.span_start[mention], context)
    if noun is None or any(context.is_other_verb(context.doc[j]) for j in
                           range(description_start(noun, clause, context), noun)):
        return []  # "Trump met experts from Iran and said": a clause, not a description
    return [source_entity(noun, clause, context, memory)]


def qualified_source(at: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The unnamed source that a name qualifies in the subject ending before token ``at``,
    where words with no name or finite verb go on after the source noun ("a Hungarian
    diplomat familiar with the talks said", "an EU official close to the talks said": the
    diplomat, not Hungary)."""
    clause = context.clause_start(at)
    noun = next((k for k in range(at - 1, clause - 1, -1) if context.owner[k] is not None
                 or context.tokens.lower[k] in discourse().source_nouns), None)
    if noun in memory.sources:
        return [memory.sources[noun]]
    if noun is None or context.owner[noun] is not None or context.quoted[noun] or \
            is_title_word(noun, context) or \
            any(context.is_other_verb(context.doc[j]) for j in range(noun + 1, at)):
        return []
    qualifier = past_modifiers(previous_word(noun, context), previous_word, context)
    if qualifier is None or context.owner[qualifier] is None or \
            context.cls_of(context.owner[qualifier]) not in AFFILIATION_CLASSES:
        return []
    return [source_entity(noun, clause, context, memory)]


def source_noun_before(start: int, context: ArticleContext) -> int | None:
    """The source noun whose preposition introduces the name starting at ``start`` ("a
    source within [the central] Interior Ministry"; "an aide to Prime Minister Jane Roe",
    past the post before a person's name, discourse.yaml source_person_preps), if any."""
    preps = quote_words().source_preps
    if is_person(start, context):
        start, preps = context.title_start(start), preps | quote_words().source_person_preps
    j = previous_word(start, context)
    if j is not None and context.tokens.lower[j] not in preps:
        j = past_modifiers(j, previous_word, context)
    if j is None or context.tokens.lower[j] not in preps:
        return None
    j = previous_word(j, context)
    return j if j is not None and context.tokens.lower[j] in discourse().source_nouns \
        and context.owner[j] is None and not context.quoted[j] \
        and not is_title_word(j, context) else None


def previous_word(i: int, context: ArticleContext) -> int | None:
    """The nearest token before ``i`` in its sentence that is not white space."""
    start = context.sentence_of(i).start
    j = i - 1
    while j >= start and context.tokens.is_space[j]:
        j -= 1
    return j if j >= start else None


def is_title_word(i: int, context: ArticleContext) -> bool:
    """A capitalised word inside a sentence: part of a title ("Attorney General"), not a
    description."""
    return context.tokens.is_title[i] and i != context.sentence_of(i).start


def titled(start: int, end: int, context: ArticleContext) -> bool:
    """Whether tokens [start, end) are a few capitalised words: a post before a name ("said
    State Attorney General Jane Roe")."""
    return end - start <= SUBJECT_WINDOW and all(
        context.tokens.is_title[j] and context.tokens.lower[j] not in ARTICLES
        for j in range(start, end))


def possessed_person(i: int, arguments: list[Argument], context: ArticleContext,
                     memory: SpeakerMemory) -> list[str]:
    """The person that a possessive description right after token ``i`` ends in ("said
    Iran's foreign minister Jane Roe", "writes Joe Doe's old friend Jane Roe", "said Joe
    Doe's spokesman", "said the bloc's foreign policy chief, Jane Roe", "said its president,
    Jane Roe"): not the possessor."""
    first = next_word(i, context)
    possessor = first
    while possessor is not None and context.tokens.lower[possessor] in ARTICLES:
        possessor = next_word(possessor, context)
    if possessor is None:
        return []
    if first is not None and context.tokens.lower[first] in POSSESSIVES:
        mark = first  # "said its president, Jane Roe"
    elif context.owner[possessor] is not None:
        mark = context.span_end[possessor]
    elif possessor != first and context.tokens.is_lower[possessor]:
        mark = possessor + 1  # "the bloc's", "the country's"
    else:
        return []
    if mark >= len(context.doc) or context.tokens.lower[mark] not in OWNING_WORDS:
        return []
    person = next((a for a in arguments if a.start > mark), None)
    if person is not None and description_words_before(mark + 1, person, context):
        return [person.local_id]
    described_noun = last_word_before_comma(mark, context)
    named = appositive_after(described_noun, context) if described_noun is not None and \
        ends_in_post(mark + 1, described_noun, context) else None
    if named:
        return [named]  # "said Joe Doe's chief adviser, Jane Roe"
    if mark == first or not any(context.tokens.lower[j] in discourse().source_nouns
               for j in words_from(next_word(mark, context), SOURCE_MODIFIERS + 1, context)):
        return []
    source = unnamed_source(mark, context, memory, after=True)
    entity = context.entity(source[0]) if source else None
    if entity is not None and entity.affiliation is None and \
            context.cls_of(context.owner[possessor] or "") in AFFILIATION_CLASSES:
        entity.affiliation = context.owner[possessor]
    return source


def closes_apposition(i: int, context: ArticleContext) -> bool:
    """Whether token ``i`` may end a name set in apposition: the sentence's end, a mark, or
    a preposition of affiliation ("..., Jane Roe, after the funeral"; "..., Jane Roe of the
    bank"), not a verb ("officials, Jane Roe was driving": a new clause)."""
    j = i if i < context.sentence_of(i - 1).end and not context.tokens.is_space[i] \
        else next_word(i - 1, context)
    return j is None or context.tokens.is_punct[j] or \
        context.tokens.lower[j] in discourse().affiliation_preps


def last_word_before_comma(i: int, context: ArticleContext) -> int | None:
    """The last word before the first comma among the few words after token ``i``."""
    words = list(words_from(next_word(i, context), SUBJECT_WINDOW + 1, context))
    comma = next((k for k, j in enumerate(words) if context.tokens.lower[j] == ","), None)
    return words[comma - 1] if comma else None


def described(start: int, person: Argument, context: ArticleContext) -> bool:
    """Whether tokens [start, person.start) describe the person named after them: a few
    words, no verb among them, ending in a post or a word for a person ("said former trade
    negotiator Jane Roe", "tweeted the group's director Jane Roe"; "said geologist Jane Roe",
    a word of discourse.yaml person_suffixes)."""
    words = description_words_before(start, person, context)
    last = context.tokens.lower[words[-1]] if words else ""
    return bool(words) and (is_person_word(last) or context.tokens.is_alpha[words[-1]]
                            and last.endswith(quote_words().person_suffixes))


def description_words_before(start: int, person: Argument, context: ArticleContext) -> list[int]:
    """The words of tokens [start, person.start) if they can describe the person named after
    them (a few words, no verb among them), else none."""
    words = [j for j in range(start, person.start) if not context.tokens.is_space[j]]
    fits_person = person.prep is None and context.cls_of(person.local_id) == "Person"
    return words if fits_person and len(words) <= SUBJECT_WINDOW and not any(
        context.is_other_verb(context.doc[j]) for j in words) else []


def ends_in_post(start: int, last: int, context: ArticleContext) -> bool:
    """Whether the words from token ``start`` to token ``last`` end in a post or a word for a
    person ("chief adviser", "foreign policy chief"), or are one with the field it serves
    ("undersecretary of foreign affairs")."""
    words = [context.tokens.lower[j] for j in range(start, last + 1)
             if not context.tokens.is_space[j]]
    post = words[:words.index("of", 1)] if "of" in words[1:] else []
    return names_post(words) or names_post(post)


def names_post(words: list[str]) -> bool:
    """Whether a run of words ends in a post or a word for a person."""
    return bool(words) and (is_person_word(words[-1]) or any(
        name_cues().canonical_title(" ".join(words[-size:])) is not None
        for size in range(2, min(len(words), name_cues().max_title_words) + 1)))


def is_person_word(word: str) -> bool:
    """A post or a word that a person's name may follow ("negotiator", "director")."""
    cues = name_cues()
    return word in cues.person_cues_before or word in discourse().source_nouns or \
        cues.canonical_title(word) is not None


def description_start(noun: int, first: int, context: ArticleContext) -> int:
    """The first word of the description that ends in ``noun`` ("senior US official", "his
    lawyer"): back to an article or a word of number ("one EU diplomat": "EU diplomat"), or
    to a possessive, never before token ``first``."""
    doc = context.doc
    start = noun
    while start >= first:
        before = doc[start - 1]
        if before.lower_ in ARTICLES or before.lower_ in quote_words().quantifiers or \
                context.is_boundary(before) or not (
                before.is_alpha or before.is_space or context.owner[start - 1]):
            break
        start -= 1
        if before.lower_ in POSSESSIVES:
            break
    while doc[start].is_space:
        start += 1
    return start


def subject_of(verb: int, context: ArticleContext, memory: SpeakerMemory,
               allow_after: bool) -> list[str]:
    """Who speaks with a verb of saying: before it ("X said"), or after it ("said X")."""
    if verb not in memory.by_verb:
        memory.by_verb[verb] = speaking(find_subject(verb, context, memory, allow_after), context)
    return memory.by_verb[verb]


def speaking(group: list[str], context: ArticleContext) -> list[str]:
    """The members of a group that can speak: persons, organisations, states, not places
    ("Jane Roe of Springfield" leaves Jane Roe; "Springfield" alone leaves nobody)."""
    return [local_id for local_id in group if context.cls_of(local_id) in SPEAKER_CLASSES]


def find_subject(verb: int, context: ArticleContext, memory: SpeakerMemory,
                 allow_after: bool) -> list[str]:
    """The speakers of a verb of saying, found in the text around it."""
    doc = context.doc
    subject = cited_speaker(verb, context, memory) or \
        parenthetical_subject(verb, context, memory) or \
        participle_subject(verb, context, memory) or coordinated_subject(verb, context) or \
        coordinated_pronoun(verb, context, memory)
    if subject:
        return subject
    if is_passive(verb, context):
        return by_agent(verb, context)
    before = word_before_verb(verb, context)
    if before is not None and doc[before].lower_ in discourse().pronouns:
        group = pronoun_speakers(verb, doc[before].lower_, context, memory)
        if group or doc[before].lower_ in gender_words().pronouns:
            return group
    if before is not None and context.owner[before] is None:
        holder = title_holder(before, context, memory) or document_issuer(before, context) \
            or earlier_document_issuer(before, context, memory) \
            or memory.surname_holder(before, context) or possessed_post_holder(before, context)
        if holder is not None:
            return [holder]
        if possessed_post(before, context) is not None:
            return []  # "Panama's president said", no president of Panama named: not Panama
    if before is not None and possessed_body(before, context):
        return []  # "Colombia's foreign ministry said": not Colombia
    named_by_description = before is not None and context.owner[before] is None \
        and doc[before].lower_ in discourse().source_nouns
    at = parenthesis_start(going_on_start(verb, context), context)
    subject = [] if named_by_description else \
        described_source(at, context, memory) or qualified_source(at, context, memory) or \
        located_subject(at, context) or bracketed_subject(at, verb, context)
    if subject:
        return subject
    source = unnamed_source(verb, context, memory, after=False)
    if source or not allow_after or not inverts(verb, context):
        return source
    return named_after(verb, context, memory)


def possessed_post(noun: int, context: ArticleContext) -> tuple[str, str] | None:
    """The owner and canonical title of a post that a state or body's possessive names,
    ending in ``noun`` ("Panama's president": Panama, President; "Iran's foreign minister":
    Iran, Foreign Minister; "Iran's new foreign minister" too), if ``noun`` ends one."""
    cues = name_cues()
    words: list[str] = []
    j: int | None = noun
    while j is not None and context.owner[j] is None and context.tokens.is_alpha[j] and \
            context.tokens.is_lower[j] and len(words) < cues.max_title_words + SOURCE_MODIFIERS:
        words.insert(0, context.tokens.lower[j])
        j = previous_word(j, context)
    if not words or j is None or context.tokens.lower[j] not in POSSESSIVE_MARKS:
        return None
    owner = previous_word(j, context)
    possessor = context.owner[owner] if owner is not None else None
    if possessor is None or context.cls_of(possessor) not in AFFILIATION_CLASSES:
        return None
    title = next((found for size in range(min(len(words), cues.max_title_words), 0, -1)
                  for found in [cues.canonical_title(" ".join(words[-size:]))] if found), None)
    return (possessor, title) if title is not None else None


def possessed_post_holder(noun: int, context: ArticleContext) -> str | None:
    """The one person the article names in the post of "Panama's president" ending in
    ``noun`` (before or after it: "Panama's president said ... / ... met President Jose
    Raul Mulino"): of the current holders of that post, those the text gives the possessor
    as their state or body, else those it gives none and no other state."""
    post = possessed_post(noun, context)
    if post is None:
        return None
    possessor, title = post
    same_post = name_cues().same_post
    holders = {(role.of, entity.local_id) for entity in context.entities
               if entity.cls == "Person" for role in entity.roles
               if not role.former and same_post(role.title, title)
               and role.of in (possessor, None) and context.side_of(entity.local_id) in
               (possessor, entity.local_id)}
    owned = {local_id for of, local_id in holders if of == possessor}
    found = owned or {local_id for _, local_id in holders}
    return found.pop() if len(found) == 1 else None


def possessed_body(noun: int, context: ArticleContext) -> bool:
    """Whether ``noun`` is the head of a body the text does not name, owned by the name
    before it ("Colombia's foreign ministry", "Sudan's army") or qualified by its state
    ("the Kenyan foreign ministry", "Israeli police"): the body speaks, not its owner or
    state; "Britain's government" is Britain's own voice."""
    lower = context.tokens.lower[noun]
    if context.owner[noun] is not None or lower not in name_cues().government_heads or \
            lower in discourse().represented_nouns:
        return False
    j = previous_word(noun, context)
    modifiers = 0
    while j is not None and context.owner[j] is None and context.tokens.is_alpha[j] and \
            context.tokens.is_lower[j] and modifiers < SOURCE_MODIFIERS:
        j, modifiers = previous_word(j, context), modifiers + 1
    if j is not None and context.owner[j] is not None:
        return context.cls_of(context.owner[j]) == "Country" and \
            context.described_body(noun) is None
    if j is None or context.tokens.lower[j] not in POSSESSIVE_MARKS:
        return False
    possessor = previous_word(j, context)
    return possessor is not None and context.owner[possessor] is not None


def inverts(verb: int, context: ArticleContext) -> bool:
    """Whether a verb of saying may have its speaker after it ("said Jane Roe"): not a
    participle ("adding Iran will ..."), a verb whose object is who is spoken to ("told
    Reuters"), or a verb joined to one before it by "and" ("and said the bloc ...")."""
    lower = context.tokens.lower[verb]
    before = previous_word(verb, context)
    coordinated = before is not None and context.tokens.lower[before] in CONJUNCTIONS
    return not lower.endswith("ing") and lower not in quote_words().addressee_verbs \
        and not coordinated  # "X urged ... and said the bloc's secretariat ...": X


def cited_speaker(verb: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The speaker that a citing verb names as its object before "as" and a verb of saying
    ("the agency cited Jane Roe as saying", "the statement quoted a senior official as
    saying", "Politico quoted Joe Doe, a former official, as saying"): the one cited (a
    person before anyone else), not the one citing."""
    as_word = previous_word(verb, context)
    if as_word is None or context.tokens.lower[as_word] != "as":
        return []
    start = context.sentence_of(as_word).start
    citing = next((j for j in range(as_word - 1, max(start, as_word - PARENTHETICAL_REACH) - 1, -1)
                   if context.tokens.lower[j] in quote_words().speaker_passives
                   and not context.quoted[j] and context.owner[j] is None), None)
    before = previous_word(citing, context) if citing is not None else None
    if citing is None or before is not None and \
            context.tokens.lower[before] in quote_words().passive_auxiliaries:
        return []  # "Jane Roe was quoted as saying": the subject, found as for any verb
    cited = [a.local_id for a in context.entity_arguments(citing + 1, as_word) if a.prep is None]
    persons = [local_id for local_id in cited if context.cls_of(local_id) == "Person"]
    pronoun = next_word(citing, context)
    if not persons and pronoun is not None and context.owner[pronoun] is None and \
            context.tokens.lower[pronoun] in gender_words().pronouns:
        return pronoun_speakers(citing, context.tokens.lower[pronoun], context, memory)
    return persons[:1] or unnamed_source(citing, context, memory, after=True) or cited[:1]


def word_before_verb(verb: int, context: ArticleContext) -> int | None:
    """The nearest word before a verb that is no adverb ("he also said", "she later told"),
    no auxiliary of tense or mood ("the president had told", "the minister would say"; not
    one of a passive: "was told") nor part of a phrase that goes on to it ("she went on to
    say", "he continued to insist"; discourse.yaml continuing_phrases): where its subject
    ends. None where that word is quoted ("'... away from them,' said X": the verb's subject
    is after it, if anywhere)."""
    before = previous_content(verb, context)
    while before is not None and context.owner[before] is None:
        lower = context.tokens.lower[before]
        if lower in quote_words().adverbs or context.tokens.is_lower[before] and \
                lower.endswith("ly") or lower in tense_auxiliaries():
            before = previous_content(before, context)
            continue
        going_on = continuing_phrase_before(before, context)
        if going_on is None:
            break
        before = previous_content(going_on, context)
    return None if before is not None and context.quoted[before] else before


@cache
def tense_auxiliaries() -> frozenset[str]:
    """The auxiliaries that make no passive ("has", "had", "would"; not "was")."""
    return AUXILIARIES - quote_words().passive_auxiliaries


def going_on_start(verb: int, context: ArticleContext) -> int:
    """The first token of a phrase of going on right before a verb ("went on to say": at
    "went"), else the verb."""
    before = previous_content(verb, context)
    going_on = continuing_phrase_before(before, context) if before is not None else None
    return verb if going_on is None else going_on


def continuing_phrase_before(last: int, context: ArticleContext) -> int | None:
    """The first token of a phrase of going on that ends at token ``last`` ("went on to"),
    if one does."""
    for phrase in quote_words().continuing_phrases:
        words: list[int] = []
        j: int | None = last
        while j is not None and len(words) < len(phrase):
            words.insert(0, j)
            j = previous_content(j, context)
        if tuple(context.tokens.lower[k] for k in words) == phrase:
            return words[0]
    return None


def is_passive(verb: int, context: ArticleContext) -> bool:
    """Whether a verb of saying is passive ("was described as", "were told"): its subject is
    who was spoken of or to, not the speaker (but "was quoted as saying")."""
    before = word_before_verb(verb, context)
    return before is not None and before == previous_word(verb, context) \
        and context.tokens.lower[before] in quote_words().passive_auxiliaries \
        and not context.tokens.lower[verb].endswith("ing") \
        and context.tokens.lower[verb] not in quote_words().speaker_passives


def by_agent(verb: int, context: ArticleContext) -> list[str]:
    """The agent of a passive verb of saying ("was described by the council as"), if any."""
    agent = next((a for a in context.arguments_after(verb) if a.prep == "by"), None)
    return [agent.local_id] if agent is not None and agent.start - verb <= NAMING_REACH + 1 \
        else []


def parenthesis_start(verb: int, context: ArticleContext) -> int:
    """Where the subject of a verb ends when a parenthesis stands right before the verb
    ("Jane Roe of the Acme Institute (AI) said": at the opening bracket), else the verb."""
    j = previous_word(verb, context)
    if j is None or context.tokens.lower[j] != ")":
        return verb
    start = context.sentence_of(verb).start
    opening = next((k for k in range(j - 1, max(start, j - PARENTHETICAL_REACH) - 1, -1)
                    if context.tokens.lower[k] in "()"), None)
    return opening if opening is not None and context.tokens.lower[opening] == "(" else verb


def located_subject(at: int, context: ArticleContext) -> list[str]:
    """The subject before a place that says where it is, right before token ``at`` ("the US
    embassy in Kyiv said", "Jane Roe in Geneva said"): not the place."""
    j = previous_word(at, context)
    if j is None or context.owner[j] is None:
        return []
    prep = context.preposition_index(context.span_start[j])
    if prep is None or context.tokens.lower[prep] not in discourse().location_preps:
        return []
    return speaking(context.subject_before(prep), context)


def bracketed_subject(at: int, verb: int, context: ArticleContext) -> list[str]:
    """The subject that ends at token ``at``, where a parenthesis before the verb opens: a
    person before it ("Jane Roe of the Acme Institute (AI) said"), else the body the
    parenthesis names ("the Royal Mounted Police (RMP) said")."""
    subject = context.subject_before(at)
    inside = context.owner[at + 1] if at < verb else None
    persons = [local_id for local_id in subject if context.cls_of(local_id) == "Person"]
    return persons or ([inside] if inside is not None else subject)


def named_after(i: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The speaker named right after token ``i`` ("said Jane Roe of the institute", "according
    to a senior official")."""
    arguments = context.arguments_after(i)
    described_after = possessed_person(i, arguments, context, memory)
    if described_after:
        return described_after
    if arguments and not modifies_source(arguments[0].end, context) and (
            arguments[0].start - i <= 2 or titled(i + 1, arguments[0].start, context)
            or described(i + 1, own_preposition_dropped(arguments[0], i, context), context)):
        return context.coordinated_before(arguments[-1].start) if len(arguments) > 1 \
            and arguments[-1].prep in discourse().affiliation_preps else [arguments[0].local_id]
    return unnamed_source(i, context, memory, after=True)


def own_preposition_dropped(argument: Argument, i: int, context: ArticleContext) -> Argument:
    """The argument without its preposition where that is token ``i`` itself, the end of
    the phrase that names it ("according to Oxford University historian Jane Roe": Roe is
    described after "to" as "said historian Jane Roe" after "said")."""
    return replace(argument, prep=None) if argument.prep == context.tokens.lower[i] else argument


def modifies_source(end: int, context: ArticleContext) -> bool:
    """Whether the name ending before token ``end`` only qualifies a source noun after it,
    with at most a few lower-case words between ("said a US official", "according to an EU
    trade official": the official speaks, not the body)."""
    if end >= context.sentence_of(end - 1).end:
        return False
    first = next_word(end, context) if context.tokens.is_space[end] else end
    for j in words_from(first, SOURCE_MODIFIERS + 1, context):
        lower = context.tokens.lower[j]
        if lower in discourse().source_nouns and context.owner[j] is None:
            return True
        if context.owner[j] is not None or not context.tokens.is_alpha[j] or \
                not context.tokens.is_lower[j]:
            return False
    return False


def document_source(i: int, context: ArticleContext) -> list[str]:
    """Who issued the document named right after the attribution phrase ending at token
    ``i``: the one a possessive stands for, or the first one that may speak named in its
    clause after a preposition of source or "by" ("according to its press release",
    "according to a statement from the ministry", "according to a tweet on Monday by Jane
    Roe")."""
    j = next_word(i, context)
    owner = None
    if j is not None and context.tokens.lower[j] in POSSESSIVES and context.owner[j] is None:
        owner, j = context.resolve_pronoun(j), next_word(j, context)
    while j is not None and context.tokens.lower[j] in ARTICLES:
        j = next_word(j, context)
    j = next((k for k in words_from(j, SOURCE_MODIFIERS + 1, context)
              if context.tokens.lower[k] in quote_words().document_nouns), None)
    if j is None:
        return []
    if owner is None:
        owner = issuer_named_after(j, context)
    return [owner] if owner is not None and context.cls_of(owner) in SPEAKER_CLASSES else []


def issuer_named_after(noun: int, context: ArticleContext) -> str | None:
    """The first one that may speak named in the clause after a document noun after a
    preposition of source or "by", a person rather than the state in a post before the name
    ("a tweet on Monday by US Secretary of State Jane Roe": Roe)."""
    arguments = context.arguments_after(noun)
    for at, argument in enumerate(arguments):
        if argument.prep not in quote_words().source_preps | {"by"} or \
                context.cls_of(argument.local_id) not in SPEAKER_CLASSES:
            continue
        titled_person = next((b for b in arguments[at + 1:at + 2]
                              if context.cls_of(b.local_id) == "Person"
                              and context.title_start(b.start) <= argument.start), None)
        return (titled_person or argument).local_id
    return None


def document_issuer(noun: int, context: ArticleContext) -> str | None:
    """Who issued the document a noun before a verb names ("the ministry's statement said",
    "a White House statement read", "their statement added"): the body or person named in
    its phrase, or the one a possessive pronoun before it stands for."""
    if context.tokens.lower[noun] not in quote_words().document_nouns:
        return None
    start = description_start(noun, context.sentence_of(noun).start, context)
    issuer = next((context.owner[j] for j in range(noun - 1, start - 1, -1)
                   if context.owner[j]), None)
    before = previous_word(start, context)
    if issuer is None and before is not None and context.tokens.lower[before] in POSSESSIVES:
        issuer = context.resolve_pronoun(before)
    elif issuer is None and before is not None and \
            context.tokens.lower[before] in POSSESSIVE_MARKS:
        possessor = previous_word(before, context)
        issuer = context.owner[possessor] if possessor is not None else None
    return issuer if issuer is not None and context.cls_of(issuer) in SPEAKER_CLASSES else None


def earlier_document_issuer(noun: int, context: ArticleContext,
                            memory: SpeakerMemory) -> str | None:
    """Who issued "the statement" at ``noun`` that names no issuer: the agent of the latest
    event told before it by the same document noun ("The ministry issued a statement on
    Friday. '...,' the statement said"; "In a statement, the ministry said ...")."""
    lower = context.tokens.lower[noun]
    before = previous_word(noun, context)
    if lower not in quote_words().document_nouns or before is None or \
            context.tokens.lower[before] != "the":
        return None
    if lower not in memory.documents:
        memory.documents[lower] = sorted((token, agent) for token, agent in memory.agents
                                         if context.tokens.lower[token] == lower)
    told = memory.documents[lower]
    at = bisect.bisect_left(told, (noun, "")) - 1
    agent = told[at][1] if at >= 0 else None
    return agent if agent is not None and context.cls_of(agent) in SPEAKER_CLASSES else None


def participle_subject(verb: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The subject of the clause that a participle of saying after a comma belongs to ("Jane
    Roe turned the offer down, saying ..."; "She spoke of the plan, calling it ..."): the
    speaker of an earlier verb of saying in the sentence, else the first entity of the
    sentence not introduced by a preposition, or the pronoun opening it (after "and", "but"
    or "or")."""
    comma = comma_before(verb, context)
    if comma is None or not context.tokens.lower[verb].endswith("ing"):
        return []
    start = context.sentence_of(verb).start
    earlier = latest_speaker(comma, start, context, memory, allow_after=True)
    if earlier:
        return earlier  # "Jane Roe said the talks had 'stalled', adding ..."
    start = next((j + 1 for j in range(comma - 1, start - 1, -1) if context.quoted[j]), start)
    opening = next((j for j in range(start, comma) if not is_mark(j, context)
                    and context.tokens.lower[j] not in CONJUNCTIONS), comma)
    pronoun = context.tokens.lower[opening]  # "But he ruled it out, saying ...": he
    if pronoun in discourse().pronouns and context.owner[opening] is None:
        return pronoun_speakers(verb, pronoun, context, memory)
    return opening_subject(start, comma, context) or \
        opening_subject(after_introduction(start, comma, context), comma, context)


def is_mark(i: int, context: ArticleContext) -> bool:
    """White space or a quote mark."""
    return context.tokens.is_space[i] or context.tokens.lower[i] in QUOTE_MARKS


def opening_subject(start: int, end: int, context: ArticleContext) -> list[str]:
    """The entity that opens tokens [start, end), after quote marks and capitalised words
    only (a post: "President Jane Roe met ...", "The Acme Institute's report read ..."), or
    the person named after the comma of a post it opens ("The OAS secretary general, Luis
    Almagro, ...")."""
    for j in range(start, end):
        if context.owner[j] and not context.quoted[j]:
            named = appositive_after(context.span_end[j] - 1, context) or \
                titled_holder(j, end, context) \
                if context.cls_of(context.owner[j]) != "Person" else None  # not "X, Y, and Z"
            return [named or context.owner[j]]  # "The OAS secretary general, Luis Almagro,"
        if not (is_mark(j, context) or context.tokens.is_title[j]) or context.quoted[j]:
            return []
    return []


def titled_holder(j: int, end: int, context: ArticleContext) -> str | None:
    """The person that the state or body named at token ``j`` only qualifies, through the
    post between them, before token ``end`` ("US President Jane Roe", "Chilean Foreign
    Minister Ana Ruiz"; ``ArticleContext.post_holder``); None when no person's post opens
    with it."""
    holder = context.post_holder(j, end)
    return holder if holder is not None and context.cls_of(holder) == "Person" else None


def comma_before(i: int, context: ArticleContext) -> int | None:
    """The comma right before token ``i`` (white space aside), if there is one."""
    j = i - 1
    while j >= 0 and context.tokens.is_space[j]:
        j -= 1
    return j if j >= 0 and context.tokens.lower[j] == "," else None


def parenthetical_subject(verb: int, context: ArticleContext,
                          memory: SpeakerMemory) -> list[str]:
    """The subject before a phrase set off by commas ("Jane Roe, the head of the institute,
    said"; "Roe, who led the talks, said"): the phrase before the first of the commas."""
    closing = comma_before(verb, context)
    if closing is None:
        return []
    start = max(context.sentence_of(verb).start, closing - PARENTHETICAL_REACH)
    for j in range(closing - 1, start - 1, -1):
        lower = context.tokens.lower[j]
        if context.quoted[j] or lower in STOPS:
            return []
        if lower == ",":
            relative = relative_antecedent(j, start, context) or \
                described_before_relative(j, context, memory)
            if not relative and clause_before_participle(j, closing, verb, context):
                return []
            return relative or appositive_person(j, closing, context) or \
                source_before_comma(j, closing, context, memory) or (
                    context.subject_before(j) if j > 0 and context.owner[j - 1] else [])
    return []


def clause_before_participle(opening: int, closing: int, verb: int,
                             context: ArticleContext) -> bool:
    """Whether the words between two commas before a participle of saying are a clause of
    their own, a name and then a finite verb ("In a report aired by the broadcaster RTV, the
    ministry blamed the mayor, saying ...": the ministry's clause, not a phrase about RTV;
    but "a senator, Jane Roe, has backed the bill, saying ...": Roe's)."""
    if not context.tokens.lower[verb].endswith("ing"):
        return False
    finite = next((j for j in range(opening + 1, closing) if context.owner[j] is None
                   and context.is_finite_verb(context.doc[j])), None)
    return finite is not None and any(context.owner[j] for j in range(opening + 1, finite))


def source_before_comma(comma: int, closing: int, context: ArticleContext,
                        memory: SpeakerMemory) -> list[str]:
    """The unnamed source whose description ends right before ``comma`` when a participle
    opens the phrase after it and no name stands between it and the ``closing`` comma ("A
    Canadian trade official, speaking on condition of anonymity, said"; not "Merkel's
    spokesperson, Steffen Seibert, said"); for "the minister, ..." only the person named
    before with that post or description."""
    noun, opening = previous_word(comma, context), next_word(comma, context)
    if noun is None or opening is None or not context.tokens.lower[opening].endswith("ing") or \
            context.tokens.lower[noun] not in discourse().source_nouns or \
            context.owner[noun] is not None or is_title_word(noun, context) or \
            any(context.owner[j] for j in range(comma, closing)):
        return []
    if context.tokens.lower[noun - 1] == "the":  # "the minister, speaking in Astana, said"
        known = title_holder(noun, context, memory) or referent_of(noun, context, memory)
        return [known] if known else []
    return [source_entity(noun, context.sentence_of(noun).start, context, memory)]


def described_before_relative(comma: int, context: ArticleContext,
                              memory: SpeakerMemory) -> list[str]:
    """The unnamed source whose description ends before a relative clause opening after
    ``comma`` ("a diplomat in Bamako, who asked not to be named, said": the diplomat, not
    Bamako)."""
    relative = next_word(comma, context)
    if relative is None or context.tokens.lower[relative] not in discourse().relative_pronouns:
        return []
    return [] if speaking(context.antecedent_of(relative), context) else \
        described_source(comma, context, memory)


def relative_antecedent(comma: int, start: int, context: ArticleContext) -> list[str]:
    """The name a relative clause that holds the phrase from ``comma`` on hangs on ("Jane
    Roe, who met the envoy, Joe Doe, said": Jane Roe, not the envoy), back to ``start``."""
    for k in range(comma - 1, start - 1, -1):
        lower = context.tokens.lower[k]
        if context.quoted[k] or lower in STOPS:
            return []
        if lower in discourse().relative_pronouns and comma_before(k, context) is not None:
            return context.antecedent_of(k)
    return []


def appositive_person(opening: int, closing: int, context: ArticleContext) -> list[str]:
    """The person whose name is the whole phrase between two commas ("the mayor of the city,
    Ana Lima, said"), or ends it after a few words that describe them ("the study's lead
    author, doctoral student Ana Lima, said"); or the body whose name, after "the", is the
    whole phrase ("Roe's party, the Unity Movement, accused ...")."""
    first = opening + 1
    while first < closing and context.tokens.is_space[first]:
        first += 1
    last = closing - 1
    owner = context.owner[last] if last >= first else None
    if owner is None or context.span_end[last] != closing:
        return []
    name = Argument(owner, context.span_start[last], closing)
    if context.cls_of(owner) in BODY_CLASSES:
        return [owner] if name.start == first + (context.tokens.lower[first] == "the") else []
    if context.cls_of(owner) != "Person":
        return []
    return [owner] if name.start == first or described(first, name, context) else []


def pronoun_speakers(verb: int, pronoun: str, context: ArticleContext,
                     memory: SpeakerMemory) -> list[str]:
    """Who "he said" or "they wrote" stands for, nearest evidence first: who the paragraph
    shows (see ``nearby_speakers``) or, where it names no one the pronoun fits before the
    verb's sentence, who the paragraph before it shows ("Joe Doe accused X of ... / '...,' he
    said"); the speaker of a verb of saying after the last quote ("... said in a speech that
    his forces were ready. / '...,' he said") or else the last quoted speaker, a speaker of an
    earlier paragraph; never a person the text calls by the other gender's pronoun. What the
    paragraphs show becomes evidence of the person's gender; first of all the one opening
    the verb's own sentence, if the pronoun comes later in it (see ``own_sentence_opener``)."""
    start = paragraph_start(verb, context)
    near = own_sentence_opener(verb, pronoun, context, memory) or \
        nearby_speakers(verb, pronoun, context, memory, start)
    if not near and start > 0 and \
            not fitting_mentions(start, verb, pronoun, context, memory) and \
            not unknown_name(start, context.sentence_of(verb).start, context):
        near = nearby_speakers(verb, pronoun, context, memory,
                               paragraph_start(start - 1, context))
    if near:
        memory.genders(context).note(near, pronoun)
        return near
    quoted, at = memory.last_for(pronoun, context)
    gendered = pronoun in gender_words().pronouns
    spoken = earlier_speaker_verb(verb, pronoun, context, memory, max(at, verb - SPEAKER_REACH))
    if spoken is not None:
        if gendered and rivals(memory.by_verb[spoken], spoken, verb, pronoun, context, memory):
            return []
        return memory.by_verb[spoken]  # a speaker named after the last quote's
    quoted = agreeing(quoted, pronoun, context, memory)
    if quoted and gendered and rivals(quoted, at, verb, pronoun, context, memory):
        return []  # "'...,' said X. / Y is under pressure. '...,' he said": X or Y
    if quoted:
        return quoted
    return earlier_speakers(verb, pronoun, context, memory, verb - SPEAKER_REACH) or \
        sole_person(verb, pronoun, context, memory)


def own_sentence_opener(verb: int, pronoun: str, context: ArticleContext,
                        memory: SpeakerMemory) -> list[str]:
    """The one opening the sentence of a verb of saying whose subject is a pronoun later in
    that sentence, opening a clause of its own ("Jane Roe spent a day in Oslo, where she told
    troops ...": Roe; not "Roe would not 'give in', he added", the words of another), when
    the pronoun fits them and no one else it fits is named between them."""
    sentence = context.sentence_of(verb)
    group = opening_group(sentence, pronoun, context)
    at = word_before_verb(verb, context)
    opener = previous_word(at, context) if at is not None else None
    if not group or opener is None or not fits(group, pronoun, context) or \
            context.tokens.lower[opener] not in discourse().clause_openers | CONJUNCTIONS or \
            memory.genders(context).conflicts(group, pronoun):
        return []
    named = fitting_mentions(sentence.start, verb, pronoun, context, memory, end=at)
    return group if all(local_id in group for local_id in named) else []


def sole_person(verb: int, pronoun: str, context: ArticleContext,
                memory: SpeakerMemory) -> list[str]:
    """The one person "he" or "she" may stand for where the text has named, before the
    verb's sentence, no other person not shown to be of the other gender, and shows that one
    to be of the pronoun's ("Prime Minister Elena Popescu hosted President Mircea Dobre. /
    ... Dobre said ... / '...,' she said": Popescu, two paragraphs back)."""
    if pronoun not in gender_words().pronouns:
        return []
    if pronoun not in memory.sole:
        memory.sole[pronoun] = first_two_fitting(pronoun, context, memory)
    (first, who), second = memory.sole[pronoun]
    sentence = context.sentence_of(verb).start
    alone = who is not None and first < sentence and (second is None or second >= sentence)
    unread = memory.unread_names(context)
    unread_between = bisect.bisect_left(unread, first) < bisect.bisect_left(unread, sentence)
    return [who] if alone and not unread_between and \
        memory.genders(context).agrees(who, pronoun) else []


def first_two_fitting(pronoun: str, context: ArticleContext, memory: SpeakerMemory
                      ) -> tuple[tuple[int, str | None], int | None]:
    """The first mention (token, local id) of a person the text does not show to be of the
    other gender than ``pronoun``'s, and the first token of another such person, if any."""
    genders = memory.genders(context)
    first: tuple[int, str | None] = (-1, None)
    for i, owner in memory.speaker_mentions(context):
        if context.cls_of(owner) != "Person" or genders.conflicts([owner], pronoun):
            continue
        if first[1] is None:
            first = (i, owner)
        elif owner != first[1]:
            return first, i
    return first, None


def rivals(group: list[str], at: int, verb: int, pronoun: str, context: ArticleContext,
           memory: SpeakerMemory) -> bool:
    """Whether someone else the pronoun fits is named between the quote or verb of
    ``group`` at token ``at`` and ``verb``'s sentence (by a name the text knows, or two capitalised words
    it does not), so that the pronoun may stand for either."""
    named = fitting_mentions(at, verb, pronoun, context, memory)
    start = max(at, paragraph_start(max(paragraph_start(verb, context) - 1, 0), context))
    return any(local_id not in group for local_id in named) or \
        unknown_name(start, context.sentence_of(verb).start, context)


def nearby_speakers(verb: int, pronoun: str, context: ArticleContext, memory: SpeakerMemory,
                    start: int) -> list[str]:
    """Who a pronoun before ``verb`` stands for in tokens [start, verb): a speaker of a verb
    of saying or the one opening a sentence, whichever comes later; else an actor of an
    event ("she appealed ... she said"); else the last person named before the verb's
    sentence that the pronoun fits, if the text or a given name shows that person to be of
    its gender ("Anna Lind met Pavel Novak. '...,' he said")."""
    spoken = earlier_speaker_verb(verb, pronoun, context, memory, start)
    opening = opening_sentence(verb, pronoun, context, memory, start)
    if opening is not None and spoken is not None and \
            context.sentences[opening].start > spoken:
        spoken = None  # "X said ... Y was less warm. '...,' he said": Y, the nearer one
    return (memory.by_verb[spoken] if spoken is not None else []) or \
        (opening_group(context.sentences[opening], pronoun, context)
         if opening is not None else []) or \
        agreeing(paragraph_agent(verb, pronoun, context, memory, start), pronoun, context,
                 memory) or \
        gendered_person(verb, pronoun, context, memory, start)


def fitting_mentions(start: int, verb: int, pronoun: str, context: ArticleContext,
                     memory: SpeakerMemory, end: int | None = None) -> list[str]:
    """The entities named in tokens [start, the start of ``verb``'s sentence or ``end``) that
    a pronoun may stand for, the last few, latest first; not one named in the words the verb
    reports ("Trump could not afford it, he added": not Trump)."""
    named = memory.speaker_mentions(context)
    end = context.sentence_of(verb).start if end is None else end
    at = bisect.bisect_left(named, (end, "")) - 1
    found: list[str] = []
    while len(found) < GENDERED_REACH and at >= 0 and named[at][0] >= start:
        group = [named[at][1]]
        if fits(group, pronoun, context) and not memory.genders(context).conflicts(group,
                                                                                  pronoun):
            found.append(named[at][1])
        at -= 1
    return found


def unknown_name(start: int, end: int, context: ArticleContext) -> bool:
    """Whether tokens [start, end) hold two capitalised words in a row that name no entity
    the text knows ("Special effects costumer Ian Campbell", where "Ian Campbell" was not
    read as a name): someone a pronoun may stand for may be named there."""
    tokens = context.tokens
    return any(tokens.is_title[j] and tokens.is_title[j + 1] and tokens.is_alpha[j + 1]
               and context.owner[j] is None and context.owner[j + 1] is None
               and not context.quoted[j] and tokens.lower[j] not in ARTICLES
               for j in range(start, end - 1))


def gendered_person(verb: int, pronoun: str, context: ArticleContext, memory: SpeakerMemory,
                    start: int) -> list[str]:
    """The last person that a pronoun fits before ``verb``'s sentence (back to token
    ``start``), if the text or a given name shows that person to be of the pronoun's
    gender."""
    last = fitting_mentions(start, verb, pronoun, context, memory)[:1]
    return last if last and memory.genders(context).agrees(last[0], pronoun) else []


def opening_sentence(verb: int, pronoun: str, context: ArticleContext, memory: SpeakerMemory,
                     start: int) -> int | None:
    """The nearest of the few sentences before ``verb``'s, back to token ``start``, that opens
    with one the pronoun fits, by name or with a post before the name ("Swedish Foreign
    Minister Anna Lind arrived in Oslo. '...,' she said"; "The delegation walked out. '...,'
    they said"): its number."""
    number = context.sentence_index[verb] - 1
    last = number - OPENING_REACH
    while number > last and number >= 0 and context.sentences[number].end > start:
        group = opening_group(context.sentences[number], pronoun, context)
        if fits(group, pronoun, context) and not memory.genders(context).conflicts(group, pronoun):
            return number
        number -= 1
    return None


def opening_group(sentence: Span, pronoun: str, context: ArticleContext) -> list[str]:
    """The one a pronoun may stand for that a sentence opens with, by name, with a post
    before the name, or after a description set off by a comma ("Another envoy, Jane Roe,
    ..."): a person for "he" or "she", a body or a state for "they"."""
    allowed = discourse().pronouns.get(pronoun, frozenset()) & SPEAKER_CLASSES
    if pronoun in PLURAL_PRONOUNS:
        allowed -= {"Person"}  # a person opening a sentence is no "they"
    first = next((j for j in range(sentence.start, sentence.end)
                  if not context.tokens.is_space[j]), sentence.start)
    named = next((j for j in range(first, sentence.end) if context.owner[j]
                  and context.cls_of(context.owner[j]) in allowed), None)
    if named is not None and context.tokens.lower[first] in ARTICLES and \
            context.cls_of(context.owner[named]) != "Person":
        first = next_word(first, context)  # "The delegation walked out"
    opens = named is not None and (named == first or context.title_start(named) == first
                                   or introduced_by_description(first, named, context))
    if not opens:
        return []
    if pronoun in PLURAL_PRONOUNS:
        return context.coordinated_before(last_coordinated(named, context))
    return [context.owner[named]]


def last_coordinated(i: int, context: ArticleContext) -> int:
    """The first token of the last name joined by "and" or a comma to the one at token ``i``
    and those after it ("Russia and Ukraine exchanged ...": Ukraine)."""
    last = context.span_start[i]
    j = next_word(context.span_end[i] - 1, context)
    while j is not None and context.tokens.lower[j] in {"and", ","}:
        name = next_word(j, context)
        if name is not None and context.tokens.lower[name] == "the":
            name = next_word(name, context)
        if name is None or context.owner[name] is None or context.span_start[name] != name:
            break
        last = name
        j = next_word(context.span_end[name] - 1, context)
    return last


def introduced_by_description(first: int, person: int, context: ArticleContext) -> bool:
    """Whether the words from ``first`` to the name at ``person`` are a description ending
    in a comma, with no verb, quote or other comma among them ("One of the envoys, Jane
    Roe, ...")."""
    comma = previous_word(context.span_start[person], context)
    return comma is not None and context.tokens.lower[comma] == "," and not any(
        context.quoted[j] or context.is_other_verb(context.doc[j])
        or context.tokens.lower[j] in STOPS or context.tokens.lower[j] == ","
        for j in range(first, comma))


def agreeing(group: list[str], pronoun: str, context: ArticleContext,
             memory: SpeakerMemory) -> list[str]:
    """``group``, unless the text calls its one person by the other gender's pronoun."""
    return [] if group and memory.genders(context).conflicts(group, pronoun) else group


def paragraph_start(i: int, context: ArticleContext) -> int:
    """The first token of the paragraph that token ``i`` is in."""
    first_char = context.paragraph_starts[context.paragraph_at(i)]
    return bisect.bisect_left(context.tokens.idx, first_char, 0, i)


def fits(group: list[str], pronoun: str, context: ArticleContext) -> bool:
    """Whether a pronoun can stand for a group of entities ("they" for two, "she" for one)."""
    allowed = discourse().pronouns.get(pronoun, frozenset())
    return pronoun in PLURAL_PRONOUNS and len(group) > 1 or \
        len(group) == 1 and context.cls_of(group[0]) in allowed


def paragraph_agent(verb: int, pronoun: str, context: ArticleContext, memory: SpeakerMemory,
                    start: int) -> list[str]:
    """The agent of the latest event before ``verb`` in its paragraph that fits a pronoun."""
    tokens, agents = memory.agents_fitting(pronoun, context)
    at = bisect.bisect_left(tokens, verb) - 1
    return [agents[at]] if at >= 0 and tokens[at] >= start else []


def title_holder(noun: int, context: ArticleContext, memory: SpeakerMemory) -> str | None:
    """The person last named of those who hold the post a noun names ("the president
    said"), or the body last named whose name ends in the noun ("the embassy said"); a few
    lower-case words between "the" and the noun must be words of the post, or words that
    only say when it was held ("the former general": General Jane Roe; "the foreign
    minister": not Defence Minister Joe Doe)."""
    word = context.doc[noun].lower_
    qualifiers = post_qualifiers_before(noun, context)
    if not context.doc[noun].is_lower or qualifiers is None:
        return None
    if word not in memory.holders:
        memory.holders[word] = holder_mentions(word, context)
    mentions = memory.holders[word]
    at = bisect.bisect_left(mentions, (context.tokens.idx[noun], "")) - 1
    for candidate in range(at, max(at - GENDERED_REACH, -1), -1):
        if holds_with(context.entity(mentions[candidate][1]), qualifiers):
            return mentions[candidate][1]
    return None


def post_qualifiers_before(noun: int, context: ArticleContext) -> frozenset[str] | None:
    """The lower-case words between "the" and ``noun`` ("the foreign minister": {"foreign"}),
    none for "the minister"; None where no "the" opens the phrase within a few words."""
    words: set[str] = set()
    j = previous_word(noun, context)
    while j is not None and len(words) <= SOURCE_MODIFIERS and context.owner[j] is None:
        lower = context.tokens.lower[j]
        if lower == "the":
            return frozenset(words - quote_words().post_times)
        if not (context.tokens.is_alpha[j] and context.tokens.is_lower[j]):
            return None
        words.add(lower)
        j = previous_word(j, context)
    return None


def holds_with(entity: Entity | None, qualifiers: frozenset[str]) -> bool:
    """Whether a person's post or a body's name holds every one of ``qualifiers``."""
    if entity is None or not qualifiers:
        return entity is not None
    names = [role.title for role in entity.roles] if entity.cls == "Person" else [entity.label]
    return any(qualifiers <= set(name.lower().split()) for name in names)


def holder_mentions(word: str, context: ArticleContext) -> list[tuple[int, str]]:
    """(character offset, local id) of every mention of a person whose post ends in
    ``word`` or of a body whose name does, sorted."""
    return sorted((mention.start, entity.local_id) for entity in context.entities
                  if holds(entity, word) for mention in entity.mentions)


def holds(entity: Entity, word: str) -> bool:
    """Whether "the <word>" may stand for an entity: a person with a post whose head is the
    word ("the minister": Prime Minister, Minister of Finance; "the ambassador": Ambassador
    to United Nations), a body whose name ends in it ("the embassy", "the ministry")."""
    if entity.cls == "Person":
        return any(post_head(role.title) == word for role in entity.roles)
    return entity.cls in AFFILIATION_CLASSES and entity.label.lower().split()[-1:] == [word]


def post_head(title: str) -> str:
    """The head word of a post, lower-case: its last word before a preposition ("Secretary
    of State": "secretary"), else its last word."""
    words = title.lower().split()
    ends = [k for k, word in enumerate(words) if k and word in quote_words().source_preps | {"to"}]
    return (words[:ends[0]] if ends else words)[-1] if words else ""


def earlier_speakers(verb: int, pronoun: str, context: ArticleContext,
                     memory: SpeakerMemory, start: int) -> list[str]:
    """The speakers of an earlier verb of saying (back to token ``start``) that a pronoun
    can stand for."""
    found = earlier_speaker_verb(verb, pronoun, context, memory, start)
    return [] if found is None else memory.by_verb[found]


def earlier_speaker_verb(verb: int, pronoun: str, context: ArticleContext,
                         memory: SpeakerMemory, start: int) -> int | None:
    """The latest verb of saying before ``verb`` (back to token ``start``) whose speakers a
    pronoun can stand for."""
    def stands_for(i: int) -> bool:
        if not is_speech_verb(context, i) or i in memory.by_verb and not memory.by_verb[i]:
            return False
        group = subject_of(i, context, memory, allow_after=True)
        return fits(group, pronoun, context) and not memory.genders(context).conflicts(group,
                                                                                      pronoun)

    return memory.verb_index(context).latest(f"fits {pronoun}", verb, max(start, 0), stands_for)


def paragraph_speaker(quote: Span, context: ArticleContext,
                      memory: SpeakerMemory) -> list[str]:
    """The speaker of the nearest verb of saying earlier in the quote's paragraph."""
    return latest_speaker(quote.start, paragraph_start(quote.start, context), context, memory,
                          allow_after=True)


def paragraph_end(i: int, context: ArticleContext) -> int:
    """The token after the last one of the paragraph that token ``i`` is in."""
    following = context.paragraph_at(i) + 1
    if following >= len(context.paragraph_starts):
        return len(context.doc)
    return bisect.bisect_left(context.tokens.idx, context.paragraph_starts[following], i)


def has_speech_verb(start: int, end: int, context: ArticleContext,
                    memory: SpeakerMemory) -> bool:
    """Whether tokens [start, end) hold a verb that gives a quote its speaker."""
    verbs = memory.verb_index(context)
    return verbs.latest("verb", end, start, lambda i: is_speech_verb(context, i)) is not None


def previous_paragraph_speaker(quote: Span, context: ArticleContext,
                               memory: SpeakerMemory) -> list[str]:
    """The last speaker of the paragraph before, for a quote that opens a paragraph with no
    verb of saying at all (a quote that goes on after that paragraph)."""
    start = paragraph_start(quote.start, context)
    first = start
    while first < quote.start and context.tokens.is_space[first]:
        first += 1
    if start == 0 or first != quote.start - 1 or \
            has_speech_verb(start, paragraph_end(quote.start, context), context, memory):
        return []
    return latest_speaker(start, paragraph_start(start - 1, context), context, memory,
                          allow_after=True)


def previous_content(i: int, context: ArticleContext) -> int | None:
    """The nearest token before ``i`` that is neither white space nor punctuation."""
    j = i - 1
    while j >= 0 and (context.doc[j].is_space or context.doc[j].is_punct):
        j -= 1
    return j if j >= 0 else None


def sentence_speaker(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The speaker named by a verb of saying in the quote's sentence, if any."""
    verb = speech_verb_after(quote, context, memory)
    if verb is not None:
        speaker = subject_of(verb, context, memory, allow_after=True)
        if speaker:
            return cited_after(verb, context, memory) or \
                reported_person(quote, context, memory) or speaker
    source = attributed_source(quote, context, memory)
    if source:
        return source
    start = context.sentence_of(quote.start).start
    return latest_speaker(quote.start, start, context, memory, allow_after=False) or \
        term_user(quote, start, context, memory) or complement_speaker(quote, start, context, memory) \
        or colon_subject(quote, start, context)


def reported_person(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The person whose words a source reports after the quote ("Jane Roe accused Sudland of
    '...', an aide said": Roe's words, the aide's report), if the quote completes a verb
    that person is the subject of."""
    start = context.sentence_of(quote.start).start
    group = complement_speaker(quote, start, context, memory)
    return group if group and all(context.cls_of(local_id) == "Person" for local_id in group) \
        else []


def cited_after(verb: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The source a reporter cites right after its verb of saying ("'...,' Reuters reported,
    citing a senior Saudi official": the official; discourse.yaml citing_words), if one that
    may speak is named there ("the ministry said, citing figures" cites no one)."""
    comma = next_word(verb, context)
    citing = next_word(comma, context) if comma is not None and \
        context.tokens.lower[comma] == "," else None
    if citing is None or context.tokens.lower[citing] not in quote_words().citing_words:
        return []
    return speaking(named_after(citing, context, memory), context)


def complement_speaker(quote: Span, start: int, context: ArticleContext,
                       memory: SpeakerMemory) -> list[str]:
    """The subject of the nearest verb before a quote in its sentence (back to token
    ``start``) whose complement the quote is part of ("X urged the board to 'act now'")."""
    verb = next((i for i in range(quote.start - 1, start - 1, -1)
                 if context.tokens.lower[i] in quote_words().complement_verbs
                 and not context.quoted[i] and context.owner[i] is None), None)
    if verb is None:
        return []
    return subject_of(verb, context, memory, allow_after=False) or \
        coordinated_subject(verb, context)


def coordinated_subject(verb: int, context: ArticleContext) -> list[str]:
    """The entity opening the sentence of a verb joined to an earlier one by "and" ("The
    Russian embassy in London rejected the sanctions and accused Britain of '...'")."""
    conjunction = previous_word(verb, context)
    if conjunction is None or context.tokens.lower[conjunction] not in CONJUNCTIONS:
        return []
    start = context.sentence_of(verb).start
    return speaking(opening_subject(start, conjunction, context) or opening_subject(
        after_introduction(start, conjunction, context), conjunction, context), context)


def coordinated_pronoun(verb: int, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """Who the pronoun opening the sentence of a verb joined to an earlier one by "and"
    stands for ("She then met the director and said ...": she)."""
    conjunction = previous_word(verb, context)
    if conjunction is None or context.tokens.lower[conjunction] not in CONJUNCTIONS:
        return []
    sentence = context.sentence_of(verb)
    first = next((j for j in range(sentence.start, conjunction) if not is_mark(j, context)), None)
    pronoun = context.tokens.lower[first] if first is not None else ""
    if pronoun not in discourse().pronouns or context.owner[first] is not None:
        return []
    return pronoun_speakers(verb, pronoun, context, memory)


def colon_subject(quote: Span, start: int, context: ArticleContext) -> list[str]:
    """The named subject that opens the sentence of a quote after a colon, or its clause
    after an introductory phrase ("X spoke to reporters afterwards: '...'", "X's statement
    read: '...'", "In a statement, the ministry justified the strike: '...'")."""
    colon = quote.start - 2
    while colon > start and context.tokens.is_space[colon]:
        colon -= 1
    if colon <= start or context.tokens.lower[colon] != ":":
        return []
    return speaking(opening_subject(start, colon, context) or
                    opening_subject(after_nameless_introduction(start, colon, context), colon,
                                    context),
                    context)


def after_introduction(start: int, end: int, context: ArticleContext) -> int:
    """The token after the comma that closes a phrase opening tokens [start, end) ("In a
    statement released on Monday, the ministry ..."), else ``end``."""
    return next((j + 1 for j in range(start, end) if context.tokens.lower[j] == ","), end)


def after_nameless_introduction(start: int, end: int, context: ArticleContext) -> int:
    """The token after an introductory phrase that names no one ("A Republican
    Assemblywoman, Jill Tolles, ...": not "The mayor of London, ..."), else ``end``."""
    after = after_introduction(start, end, context)
    return end if any(context.owner[j] for j in range(start, after)) else after


def term_user(quote: Span, start: int, context: ArticleContext,
              memory: SpeakerMemory) -> list[str]:
    """Who uses a quoted term of a few words: the subject of the nearest naming verb before
    it in its sentence ("X called the plan 'a mess'")."""
    size = len(quote_text(quote).split())
    if size > NAMED_TERM_WORDS:
        return []
    verb = next((i for i in range(quote.start - 1, start - 1, -1)
                 if context.tokens.lower[i] in quote_words().naming_verbs and not context.quoted[i]
                 and context.owner[i] is None), None)
    if verb is None or not names_actively(verb, quote, context):
        return []
    between = [j for j in range(verb + 1, quote.start - 1) if not context.tokens.is_space[j]]
    close = len(between) <= NAMING_REACH and not any(context.tokens.is_punct[j] for j in between)
    if size > SCARE_QUOTE_WORDS and not close:
        return []
    return parenthetical_subject(verb, context, memory) or context.subject_before(verb)


def names_actively(verb: int, quote: Span, context: ArticleContext) -> bool:
    """Whether a naming verb has its user as subject: not passive ("was called"), not a name
    given right after it ("a programme called 'Open Doors'")."""
    words = [j for j in range(max(verb - 2, 0), quote.start - 1) if not context.tokens.is_space[j]]
    before = [j for j in words if j < verb][-1:]
    passive = bool(before) and context.tokens.lower[before[0]] in \
        quote_words().passive_auxiliaries
    return not passive and any(j > verb for j in words)


def attributed_source(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> list[str]:
    """The source the first attribution phrase of the quote's sentence names ("…," according
    to the ministry; according to a senior official, "…")."""
    sentence = context.sentence_of(quote.start)
    phrases = memory.attributions(context)
    at = bisect.bisect_left(phrases, (sentence.start, -1))
    if at >= len(phrases) or phrases[at][0] >= sentence.end:
        return []
    end = phrases[at][1]
    if end < quote.start and (latest_speaker(quote.start, end, context, memory, allow_after=False)
                              or complement_speaker(quote, end, context, memory)):
        return []  # "According to the agency, Jane Roe said ...": Roe's words, the agency's report
    return document_source(end, context) or named_after(end, context, memory)


def attribution_phrases_in(context: ArticleContext) -> list[tuple[int, int]]:
    """The first and last token of every attribution phrase outside quotes, in text order."""
    words = context.tokens.lower
    found = []
    for i, word in enumerate(words):
        phrase = next((p for p in quote_words().attribution_phrases
                       if p[0] == word and tuple(words[i:i + len(p)]) == p), None)
        if phrase is not None and not context.quoted[i]:
            found.append((i, i + len(phrase) - 1))
    return found


def event_agent_before(quote: Span, mentions: list[EventMention], tokens: list[int],
                       context: ArticleContext) -> list[str]:
    """The agent of the last event reported before the quote in its sentence (``tokens``:
    the trigger token of each mention, in text order): "X appealed to governments to avoid
    'tit-for-tat measures'", "the Defense Department justified the strike as 'defensive'".
    A state that acts is not taken for the words' speaker ("they were offering to close 'a
    portion of the complex'" quotes whoever described the offer)."""
    at = bisect.bisect_left(tokens, quote.start) - 1
    same_sentence = at >= 0 and \
        context.sentence_index[tokens[at]] == context.sentence_index[quote.start]
    agents = mentions[at].event.agents[:1] if same_sentence else []
    return [agent for agent in agents if context.cls_of(agent) != "Country"]


def quote_text(quote: Span) -> str:
    """The quoted words with line breaks folded and edge punctuation trimmed."""
    return " ".join(quote.text.split()).strip(TRIM)


def iter_quotes(context: ArticleContext, mentions: list[EventMention],
                memory: SpeakerMemory) -> Iterator[Quote]:
    """Every quote of the article with its speaker (one Quote per speaker of a group)."""
    found = list(attributed_quotes(context, mentions, memory))
    for at in range(len(found) - 2, -1, -1):
        quote, text, speakers, _ = found[at]
        following = found[at + 1]
        if not speakers and following[2] and runs_on(quote, following[0], context):
            found[at] = (quote, text, following[2], 0.7)
    for number, (quote, text, speakers, confidence) in enumerate(found):
        for speaker in speakers or [None]:
            yield Quote(local_id=f"quote{number}-{speaker or 'unknown'}", text=text,
                        speaker=speaker, mention=context.mention(quote),
                        confidence=confidence if speaker else 0.0)


def runs_on(quote: Span, following: Span, context: ArticleContext) -> bool:
    """Whether a quote is left open at the end of its paragraph and ``following`` opens the
    next one (news style: a speaker's words run on over paragraphs, the closing mark only
    at the last, which may be the one that names the speaker)."""
    end = quote.end
    left_open = end < len(context.doc) and context.tokens.is_space[end] and \
        context.tokens.text[end].count("\n") >= 2
    first = paragraph_start(following.start, context)
    while first < following.start and context.tokens.is_space[first]:
        first += 1
    return left_open and first == following.start - 1 and \
        context.paragraph_at(following.start) == context.paragraph_at(quote.start) + 1


def attributed_quotes(context: ArticleContext, mentions: list[EventMention],
                      memory: SpeakerMemory) -> Iterator[tuple[Span, str, list[str], float]]:
    """Every quote of the article with its words, speakers and confidence, by the rules
    of the module docstring, in text order."""
    memory.agents = [(m.token, agent) for m in mentions for agent in m.event.agents[:1]]
    tokens = [mention.token for mention in mentions]
    last_paragraph = -1
    for quote, text in whole_quotes(context, memory):
        paragraph = context.paragraph_at(quote.start)
        if said_by_unnamed_body(quote, context, memory):
            yield quote, text, [], 0.0  # "'...', Colombia's foreign ministry said"
            continue
        speakers, confidence = sentence_speaker(quote, context, memory), 0.9
        carried_over = not speakers and not says_unknown_speaker(quote, context, memory)
        if carried_over and paragraph == last_paragraph and memory.groups:
            speakers, confidence = memory.groups[-1], 0.8
        if carried_over and not speakers:
            speakers, confidence = paragraph_speaker(quote, context, memory), 0.8
        if carried_over and not speakers:
            speakers, confidence = previous_paragraph_speaker(quote, context, memory), 0.7
        if not speakers:
            speakers, confidence = event_agent_before(quote, mentions, tokens, context), 0.6
        speakers = speaking(speakers, context)
        if speakers:
            memory.groups.append(speakers)
            memory.group_at.append(quote.start)
            last_paragraph = paragraph
        yield quote, text, speakers, confidence


def says_unknown_speaker(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> bool:
    """Whether the quote's sentence has a finite verb of saying after a noun, not a pronoun,
    that gave no speaker ("The Aam Party in Goa, in its statement, said he was a '...'"):
    someone the text names but the rules do not know speaks, not the last speaker; "he
    said" and "..., saying" may still go on with the last speaker's words."""
    start, end = context.sentence_of(quote.start).start, context.sentence_of(quote.end - 1).end
    verbs = memory.verb_index(context)
    found = verbs.latest(
        "unknown", end, start, lambda i: is_speech_verb(context, i))
    return found is not None


def said_by_unnamed_body(quote: Span, context: ArticleContext, memory: SpeakerMemory) -> bool:
    """Whether the verb of saying after a quote in its sentence, or else the last one before
    it, has for subject a body the text does not name ("'...', Colombia's foreign ministry
    said"): the words are that body's, so no other speaker is sought."""
    verb = speech_verb_after(quote, context, memory)
    if verb is None:
        start = context.sentence_of(quote.start).start
        verb = next((i for i in range(quote.start - 1, start - 1, -1)
                     if is_speech_verb(context, i)), None)
    before = word_before_verb(verb, context) if verb is not None else None
    return before is not None and possessed_body(before, context)


def whole_quotes(context: ArticleContext, memory: SpeakerMemory) -> Iterator[tuple[Span, str]]:
    """The quotes of the article with their words, a quote broken by its attribution taken
    whole ("'Those who left,' she said, 'will not come back'": one quote); the span is the
    first part, where the attribution is read."""
    quotes = [quote for quote in context.doc.spans.get("kg_quotes", []) if quote_text(quote)]
    at = 0
    while at < len(quotes):
        last = at
        while last + 1 < len(quotes) and resumes(quotes[last], quotes[last + 1], context, memory):
            last += 1
        yield quotes[at], " ".join(quote_text(quote) for quote in quotes[at:last + 1])
        at = last + 1


def resumes(quote: Span, following: Span, context: ArticleContext, memory: SpeakerMemory) -> bool:
    """Whether ``following`` goes on with the words of ``quote`` after an attribution set in
    between: the first stops at a comma, the second opens in lower case after a comma, and
    only a few words with a verb of saying stand between them in one sentence ("'...,' he
    said, while praising his 'close ties'" is two quotes)."""
    words = quote_text(following)
    opening = previous_word(following.start - 1, context)
    return quote.text.rstrip().endswith(",") and words[:1].islower() \
        and opening is not None and context.tokens.lower[opening] == "," \
        and following.start - quote.end <= ATTRIBUTION_WORDS \
        and context.sentence_index[quote.end] == context.sentence_index[following.start] \
        and has_speech_verb(quote.end, following.start, context, memory)
