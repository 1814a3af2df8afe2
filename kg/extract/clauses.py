"""A shallow clause and noun-phrase layer for the no-model path (no POS, no parse).

One left-to-right pass per sentence over the tokens and the entity mentions the earlier
stages found groups them into noun phrases (``NounPhrase``) whose members are the entities
the phrase stands for:

- a post before a name is part of it ("Prime Minister Nawaf Salam");
- conjuncts join it, also a titled one ("X and Prime Minister Y") and a counterpart in
  apposition ("X and his Chinese counterpart, Y,");
- an apposition names its holder: "Chile's foreign minister, Ana Reyes," is Ana Reyes, and
  "Ana Reyes, the foreign minister," stays Ana Reyes;
- a prepositional phrase after its head belongs to it ("The embassy in Lima said": the
  embassy, not Lima).

A predicate's subject (``predicate_subject``) is the phrase right before it (past
auxiliaries, negation and adverbs), a pronoun's referent, or, for a verb with no subject of
its own, the subject it inherits: a participle after a comma (", accusing"), an infinitive
("used a speech to reject"), a coordinated verb ("met ... and agreed"). ``act_subject``
gives a noun that names no owner the subject of the clause it sits in, also of a phrase that
opens the sentence ("In a statement after the talks, X said"). Where spaCy gives a dependency
parse, the extractors read it instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.context import (AGENT_CLASSES, AUXILIARIES, COORDINATORS, DETERMINERS,
                                PREPOSITIONS, argument_words, discourse)

if TYPE_CHECKING:  # context.py builds the layer per article and imports this module
    from kg.extract.context import ArticleContext

POSSESSIVES = frozenset({"'s", "’s"})
POST_WORDS = 5  # lower-case or capitalised words of a post between a possessive and a comma
APPOSITION_WORDS = 8  # words of a description between commas after a name
COUNTERPART_WORDS = 3  # words between "his" and "counterpart" ("his Chinese counterpart")
ATTACHED_PREPS = frozenset({"in", "at", "from", "of"})  # "the embassy in Lima"
ADVERB_WORDS = frozenset({"also", "then", "later", "again", "still", "already", "only",
                          "further", "once", "jointly", "separately"})


def acting_verbs() -> frozenset[str]:
    """Verbs whose object noun names an act of their subject ("held talks", "used a
    speech": arguments.yaml light_verbs and performing_verbs)."""
    words = argument_words()
    return words.light_verbs | words.performing_verbs


@dataclass(frozen=True)
class NounPhrase:
    """Tokens [start, end) of one noun phrase and the entities it stands for."""

    start: int
    end: int
    members: tuple[str, ...]


@dataclass
class Clauses:
    """The noun phrases of one article, indexed by the token each ends before."""

    context: "ArticleContext"
    ending_at: dict[int, NounPhrase]  # phrase.end -> phrase
    covering: dict[int, NounPhrase]  # token -> the phrase it is part of

    @classmethod
    def of(cls, context: "ArticleContext") -> "Clauses":
        """Chunk every sentence of an article."""
        clauses = cls(context, {}, {})
        for sentence in context.sentences:
            i = sentence.start
            while i < sentence.end:
                phrase = clauses.phrase_from(i, sentence.end) \
                    if context.owner[i] and not context.quoted[i] else None
                if phrase is None:
                    i += 1
                    continue
                clauses.ending_at[phrase.end] = phrase
                for j in range(phrase.start, phrase.end):
                    clauses.covering[j] = phrase
                i = phrase.end
        return clauses

    def word(self, i: int) -> str:
        """The lower-case text of token ``i``."""
        return self.context.tokens.lower[i]

    def skip_space(self, i: int, end: int) -> int:
        """The first token at or after ``i`` that is not white space."""
        while i < end and self.context.tokens.is_space[i]:
            i += 1
        return i

    def phrase_from(self, i: int, end: int) -> NounPhrase:
        """The noun phrase whose first entity mention starts at token ``i``."""
        context = self.context
        start = context.title_start(context.span_start[i])
        members = [context.owner[i]]
        j = context.span_end[i]
        while True:
            k = self.skip_space(j, end)
            extended = self.possessive_apposition(k, end) or self.counterpart(k, end) \
                or self.conjunct(k, end, members[-1])
            if extended is not None:
                member, j = extended
                if self.word(k) in POSSESSIVES:
                    members[-1] = member  # "Chile's foreign minister, Ana Reyes,": Ana Reyes
                else:
                    members.append(member)
                continue
            after = self.description(k, end) or self.attached_phrase(k, end, members[-1])
            if after is None:
                break
            j = after
        return NounPhrase(start, j, tuple(dict.fromkeys(m for m in members if m)))

    def entity_at(self, i: int, end: int) -> int | None:
        """The token after the mention of an entity that starts at ``i`` (past a post
        written before a name: "Prime Minister Y"), else None."""
        context = self.context
        j = self.skip_space(i, end)
        while j < end and context.owner[j] is None and context.is_title_word(j):
            j += 1
        if j < end and context.owner[j] and not context.quoted[j]:
            return context.span_end[j]
        return None

    def possessive_apposition(self, k: int, end: int) -> tuple[str, int] | None:
        """"'s foreign minister, Ana Reyes," after a state's name: the person and where
        the apposition ends."""
        if k >= end or self.word(k) not in POSSESSIVES:
            return None
        context = self.context
        j, words = k + 1, 0
        while j < end and words <= POST_WORDS and not context.owner[j] and \
                (context.tokens.is_space[j] or context.tokens.is_alpha[j]
                 and not context.is_other_verb(context.doc[j])
                 and self.word(j) not in PREPOSITIONS | COORDINATORS):
            words += not context.tokens.is_space[j]
            j += 1
        return self.person_between_commas(j, end) if words else None

    def person_between_commas(self, comma: int, end: int) -> tuple[str, int] | None:
        """The person named between the comma at ``comma`` and the next one (or the verb
        right after the name), and the token after that comma."""
        context = self.context
        if comma >= end or self.word(comma) != ",":
            return None
        name = self.skip_space(comma + 1, end)
        after = self.entity_at(name, end)
        if after is None:
            return None
        person = context.owner[after - 1]
        if context.cls_of(person) != "Person":
            return None
        closing = self.skip_space(after, end)
        if closing < end and self.word(closing) == ",":
            return person, closing + 1
        return person, after

    def counterpart(self, k: int, end: int) -> tuple[str, int] | None:
        """"and his Chinese counterpart, Y,": Y joins the phrase."""
        if k >= end or self.word(k) != "and":
            return None
        return self.named_counterpart(self.skip_space(k + 1, end), end)

    def named_counterpart(self, j: int, end: int) -> tuple[str, int] | None:
        """"his Chinese counterpart, Y," from the pronoun at ``j``: the person Y and the
        token after the apposition."""
        if j >= end or self.word(j) not in discourse().pronouns:
            return None
        for step in range(COUNTERPART_WORDS + 1):
            at = self.skip_space(j + 1 + step, end)
            if at < end and self.word(at).startswith("counterpart"):
                return self.person_between_commas(self.skip_space(at + 1, end), end)
        return None

    def conjunct(self, k: int, end: int, last: str | None) -> tuple[str, int] | None:
        """", Y" or "and (the) [Post] Y" after an entity: Y joins the phrase where it is of
        the same kind (both agents, or of one class)."""
        if k >= end or self.word(k) not in COORDINATORS:
            return None
        j = self.skip_space(k + 1, end)
        if self.word(k) == "," and j < end and self.word(j) == "and":
            j = self.skip_space(j + 1, end)
        if j < end and self.word(j) in DETERMINERS - POSSESSIVES:
            j = self.skip_space(j + 1, end)
        after = self.entity_at(j, end)
        if after is None:
            return None
        member = self.context.owner[after - 1]
        context = self.context
        if self.word(k) == "," and k + 1 == j and context.post_owner_after(k):
            return None  # "Ivan Petrov, Serbia's minister": the state of his post
        same = context.cls_of(member) == context.cls_of(last) or {
            context.cls_of(member), context.cls_of(last)} <= AGENT_CLASSES
        return (member, after) if same and member != last else None

    def description(self, k: int, end: int) -> int | None:
        """", the foreign minister," or ", chairman of the council," after a name: where the
        description ends (after its closing comma); None where no such phrase follows."""
        context = self.context
        if k >= end or self.word(k) != ",":
            return None
        j, words = self.skip_space(k + 1, end), 0
        if j >= end or not context.tokens.is_lower[j] or self.word(j) in COORDINATORS \
                or self.word(j) in discourse().relative_pronouns:
            return None
        while j < end and words <= APPOSITION_WORDS and self.word(j) != ",":
            token = context.doc[j]
            if context.is_boundary(token) or context.is_other_verb(token) \
                    or self.word(j) in AUXILIARIES or context.quoted[j]:
                return None
            words += not token.is_space
            j += 1
        return j + 1 if j < end and self.word(j) == "," else None

    def attached_phrase(self, k: int, end: int, head: str | None) -> int | None:
        """"in Lima" after a body's name ("The embassy in Lima said"): where the
        prepositional phrase ends; None after a person or place, or before no name."""
        context = self.context
        if k >= end or self.word(k) not in ATTACHED_PREPS \
                or context.cls_of(head) not in ("Organization", "GovernmentBody"):
            return None
        j = self.skip_space(k + 1, end)
        if j < end and self.word(j) in DETERMINERS:
            j = self.skip_space(j + 1, end)
        return self.entity_at(j, end)


def phrase_before(i: int, context: "ArticleContext") -> NounPhrase | None:
    """The noun phrase that ends right before token ``i`` (past white space, auxiliaries,
    negation and adverbs), if it is no object of a preposition."""
    clauses = context.clauses
    j = i
    while j > 0 and (context.tokens.is_space[j - 1] or clauses.word(j - 1) in AUXILIARIES
                     or clauses.word(j - 1) in discourse().negation
                     or clauses.word(j - 1) in ADVERB_WORDS):
        j -= 1
    phrase = clauses.ending_at.get(j)
    if phrase is None or context.quoted[phrase.start]:
        return None
    prep = context.preposition_before(phrase.start)
    return phrase if prep is None else None


def np_members(phrase: NounPhrase) -> list[str]:
    """The entities a noun phrase stands for."""
    return list(phrase.members)


def is_predicate(j: int, context: "ArticleContext") -> bool:
    """Token ``j`` is a verb used as one: a finite form ("rejected"), a verb of saying
    ("told"), an infinitive ("to reject") or a participle after a comma (", accusing")."""
    token = context.doc[j]
    if context.quoted[j] or context.owner[j] or not (token.is_lower and token.is_alpha):
        return False
    before = context.word_before(j)
    after_determiner = before is not None and before.lower_ in DETERMINERS
    if token.lower_ in discourse().speech_verbs:  # not "a calmer note", "the report"
        return before is None or not (after_determiner or before.lower_ in PREPOSITIONS
                                      or is_adjective_like(before))
    if before is not None and before.lower_ == "to" and (
            j in context.trigger_tokens or token.lower_ in acting_verbs()):
        return True
    return context.is_finite_verb(token)


def is_adjective_like(token: Token) -> bool:
    """A lower-case word that may qualify a noun after it, not one that may stand before a
    verb (an auxiliary, adverb, pronoun, conjunction or "to")."""
    lower = token.lower_
    return token.is_alpha and token.is_lower and not lower.endswith("ly") and not (
        lower in AUXILIARIES or lower in ADVERB_WORDS or lower in discourse().negation
        or lower in discourse().pronouns or lower in discourse().clause_openers
        or lower in COORDINATORS or lower in ("to", "but"))


def predicate_before(i: int, start: int, context: "ArticleContext") -> int | None:
    """The nearest predicate before token ``i``, not before token ``start``."""
    return next((j for j in range(i - 1, start - 1, -1) if is_predicate(j, context)), None)


def predicate_subject(verb: int, context: "ArticleContext", depth: int = 0) -> list[str]:
    """The subject of the predicate at token ``verb``: the noun phrase right before it, a
    pronoun's referent, else the subject it inherits (``inherited_subject``)."""
    phrase = phrase_before(verb, context)
    if phrase is not None:
        return np_members(phrase)
    before = context.word_before(verb)
    while before is not None and (before.lower_ in AUXILIARIES or before.lower_ in ADVERB_WORDS
                                  or before.lower_ in discourse().negation):
        before = context.word_before(before.i)
    if before is None:
        return []
    if before.lower_ in discourse().pronouns and not context.quoted[before.i]:
        return context.subject_before(before.i + 1)
    return inherited_subject(verb, before.i, context, depth) if depth < 3 else []


def inherited_subject(verb: int, before: int, context: "ArticleContext",
                      depth: int) -> list[str]:
    """The subject a verb with none of its own shares: the main verb's before ", V-ing"
    ("rejected the plan, accusing ..."), the governing verb's before "to V" where no
    entity stands between them ("used a speech to reject"), the first verb's after "and V"
    ("met at the border and agreed")."""
    word = context.tokens.lower[before]
    start = context.sentence_of(verb).start
    participle = word == "," and context.tokens.lower[verb].endswith("ing")
    if not (participle or word in ("to", "and", "but")):
        return []
    governor = predicate_before(before, start, context)
    if governor is None or word == "to" and any(
            context.owner[j] and context.cls_of(context.owner[j]) in AGENT_CLASSES
            for j in range(governor + 1, before)):
        return []
    return predicate_subject(governor, context, depth + 1)


def opening_phrase_end(i: int, context: "ArticleContext") -> int | None:
    """Where the phrase that opens the sentence of token ``i`` and holds it ends (its
    comma), where no predicate stands before ``i`` ("In a statement issued after the
    talks, X said": the comma after "talks"); else None."""
    sentence = context.sentence_of(i)
    if predicate_before(i, sentence.start, context) is not None:
        return None
    return next((j for j in range(i + 1, sentence.end) if context.tokens.lower[j] == ","
                 and not context.quoted[j]), None)


def governing_predicate(i: int, context: "ArticleContext") -> int | None:
    """The predicate whose clause token ``i`` sits in: the nearest one before it in its
    clause (``own_clause_start``), or a verb of saying that opens it ("told a briefing":
    a verb of saying is itself a clause boundary); None where none stands before."""
    start = own_clause_start(i, context)
    governor = predicate_before(i, start, context)
    if governor is None and start > context.sentence_of(i).start \
            and is_predicate(start - 1, context):
        return start - 1
    return governor


def act_subject(noun: int, context: "ArticleContext", speech: bool = False) -> list[str]:
    """The subject whose act a noun that names no owner stands for: the subject of the
    verb whose object it is, where that verb performs it ("X held talks", "X used a speech
    to ..."; a verb of saying where the noun names speech: "X told a news conference"), or
    of any verb it names the occasion of ("X rejected the plan at a news conference"), or
    of the first verb after the phrase it heads at the start of the sentence ("In a statement issued after the talks, X said"); none for a noun that is
    itself a subject ("the talks had ended")."""
    start = min((span.start for span in context.triggers_at.get(noun, ())
                 if span.end == noun + 1), default=noun)
    after = next_word_of(noun, context)
    if after is not None and (after.lower_ in AUXILIARIES or context.is_finite_verb(after)):
        return []
    governor = governing_predicate(start, context)
    if governor is None:
        return opening_head_subject(start, context)
    relation = relation_to(governor, start, context)
    verb = context.tokens.lower[governor]
    if relation == "object" and (verb in acting_verbs()
                                 or speech and verb in discourse().speech_verbs) \
            or relation in argument_words().occasion_preps:
        return predicate_subject(governor, context)
    return []


def own_clause_start(i: int, context: "ArticleContext") -> int:
    """The first token of the clause of token ``i``, past boundary words that open no
    clause there: "that" used as a determiner ("repeated that refusal") and a verb of
    saying used as a noun ("struck a calmer note")."""
    start, first = context.clause_start(i), context.sentence_of(i).start
    while start > first and not opens_clause(start - 1, context):
        start = context.clause_start(start - 1)
    return start


def opens_clause(j: int, context: "ArticleContext") -> bool:
    """Token ``j`` is a clause boundary (``ArticleContext.boundary``) used as one: not
    "that" as a determiner nor a verb of saying used as a noun."""
    return context.boundary[j] and not is_determiner_that(j, context) and not (
        context.tokens.lower[j] in discourse().speech_verbs and not is_predicate(j, context))


def is_determiner_that(j: int, context: "ArticleContext") -> bool:
    """Token ``j`` is "that" before a lower-case noun that no verb follows ("that refusal
    in a speech"), not a conjunction ("that talks would resume", "that the")."""
    if context.tokens.lower[j] != "that":
        return False
    noun = next_word_of(j, context)
    if noun is None or not noun.is_lower or not noun.is_alpha or noun.lower_ in DETERMINERS \
            or noun.lower_ in discourse().pronouns:
        return False
    after = next_word_of(noun.i, context)
    return after is not None and after.lower_ not in AUXILIARIES \
        and not context.is_finite_verb(after)


def next_word_of(i: int, context: "ArticleContext") -> Token | None:
    """The word after token ``i`` in its sentence, if any."""
    end = context.sentence_of(i).end
    j = context.clauses.skip_space(i + 1, end)
    return context.doc[j] if j < end else None


def is_modifier(j: int, context: "ArticleContext") -> bool:
    """Token ``j`` may stand inside a noun phrase before its noun: white space, a
    determiner, or a lower-case word that is no preposition, verb or conjunction."""
    token = context.doc[j]
    lower = token.lower_
    return token.is_space or lower in DETERMINERS or token.is_digit or lower == "-" or (
        token.is_alpha and token.is_lower and lower not in PREPOSITIONS
        and lower not in COORDINATORS and not context.is_boundary(token)
        and not context.is_finite_verb(token)) or lower in POSSESSIVES | {"'", "’"}


def relation_to(governor: int, start: int, context: "ArticleContext") -> str | None:
    """How the noun phrase starting at token ``start`` depends on the verb at ``governor``:
    "object" where only modifiers stand between ("held the last round of talks": past one
    "of" after a word that names no event), the preposition of a phrase after the verb
    ("at"), else None (a comma or another phrase between)."""
    j, through_of = start - 1, False
    while j > governor:
        lower = context.tokens.lower[j]
        if lower in PREPOSITIONS and not (lower == "of" and not through_of
                                          and j - 1 not in context.trigger_tokens):
            return lower if all(context.tokens.lower[k] != "," and not opens_clause(k, context)
                                for k in range(governor + 1, j)) else None
        if lower == "of":
            through_of = True
        elif not (is_modifier(j, context) or context.owner[j]):
            return None
        j -= 1
    return "object"


def opening_head_subject(start: int, context: "ArticleContext") -> list[str]:
    """For the noun of a phrase that opens its sentence with a preposition ("In a
    statement after the talks, X said"), the subject of the first predicate after the
    phrase's comma; none for a noun further inside the phrase ("the talks")."""
    sentence = context.sentence_of(start)
    first = context.clauses.skip_space(sentence.start, sentence.end)
    if context.tokens.lower[first] not in PREPOSITIONS \
            or not all(is_modifier(j, context) for j in range(first + 1, start)):
        return []
    comma = opening_phrase_end(start, context)
    if comma is None:
        return []
    verb = next((j for j in range(comma + 1, sentence.end) if is_predicate(j, context)), None)
    return predicate_subject(verb, context) if verb is not None else []
