"""Events from the triggers of ``doc.spans["kg_triggers"]``: who did what to whom, when, where.

One trigger gives one ``EventMention``; its arguments come from the dependency parse where
the pipeline has one, else from token patterns within the clause (kg/extract/context.py):
the agent before a verb and the target after it, "by" agents of passives, the actors and place
of a noun phrase ("the Hanoi summit", "the meeting between Kim and Trump in Singapore").
The article's mentions are then read together (``event_mentions``): a noun trigger that is
its verb's object joins it, content of another event is suppressed, what a speaker says
their side will or another side must do becomes their Promise, Rejection, Threat or Demand
(``stated_intents``), joint events with a repeated preposition split per counterpart, and
events without target take one from the article's two sides or from what they answer.
Mentions of one event within the article are then merged (``merge_mentions``): "the Hanoi
summit", "the second meeting" and "the Hanoi meeting" become one Summit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise, takewhile

from spacy.tokens import Span, Token

from kg.extract.context import (AGENT_CLASSES, ARTICLES, AUXILIARIES, COORDINATORS,
                                DETERMINERS, HYPHENS, PLACE_CLASSES, PREPOSITIONS, QUOTE_MARKS,
                                Argument, ArticleContext, argument_words, discourse,
                                starts_with)
from kg.extract.clauses import act_subject, np_members
from kg.extract.entities import lexicon_of
from kg.model import Event
from kg.nlp.events import EventClass, event_classes, trigger_lemma
from kg.nlp.tokens import word_after, word_before

BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "got", "gotten"})
PASSIVE_ADVERBS = frozenset({"not", "n't", "also", "already", "only", "further", "later",
                             "still", "then", "never", "again"})
NEGATION_WINDOW = 3
FAILURE_WINDOW = 5
IRREALIS_WINDOW = 4
PREMODIFIER_WINDOW = 4
ADVERBIAL_REACH = 8  # tokens of time and place between a verb and its infinitive
VERB_CONJUNCTIONS = frozenset({"and", "but"})  # words that join two predicates of one subject
OBJECT_REACH = 6  # tokens from a verb trigger to a noun trigger that is its object
LATER_ACT_REACH = 8  # tokens of an infinitive where a word may show an act to be done later
APPOSITIVE_REACH = 30  # tokens back from a comma to the relative pronoun it closes
SUBCLASS_OF = {"Summit": "Meeting"}
MET_FAMILIES = frozenset({"Meeting", "Negotiation"})  # events that bring parties together
TOPIC_CLASSES = frozenset({"Facility"})
TOPIC_REACH = 15  # tokens after a trigger where its topic may be named
CONTENT_TOPIC_CLASSES = frozenset({"Facility", "Region"})
PARENTHESIS_WORDS = 3  # words between commas that part a verb from its subject ("in turn")
POST_WORDS = 3  # words of a post in a description of its holder ("foreign policy chief")
BOTH_SIDES_REACH = 3  # words before "both sides" after a verb ("to mediate between")
BOTH_SIDES_LEADS = frozenset({"to", "on", "upon", "between", "with"})


@dataclass
class EventMention:
    """One trigger with its arguments, before the mentions of one event are merged."""

    event: Event
    token: int  # index of the trigger's head token (of its preposition, for a counterpart)
    nominal: bool
    ordinal: str | None = None
    reciprocal: bool = False
    suppressed: bool = False  # the content of another event ("promised further talks")
    unattributed: bool = False  # left out for want of an agent (``leave_out_unattributed``)
    speech_verb: int | None = None  # the verb of saying whose complement reports it
    decided: EventMention | None = None  # the act this decision is ("agreed to lift ...")
    counterparts: list[tuple[int, list[str]]] = field(default_factory=list)  # see Roles


@dataclass
class Roles:
    """The arguments found for one trigger."""

    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    topics: list[str] = field(default_factory=list)
    # a joint event's counterparts, one group per repeated preposition ("spoke with Putin on
    # Sunday and with Zelensky on Monday"), each with the token of its preposition
    counterparts: list[tuple[int, list[str]]] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when no argument at all was found."""
        return not (self.agents or self.targets or self.actors or self.place or self.topics)


def is_nominal(span: Span, context: ArticleContext) -> bool:
    """Whether a trigger is used as a noun ("its offer") rather than a verb ("offered")."""
    kinds = span.kb_id_.split()
    if kinds == ["nouns"] or len(span) > 1 and "nouns" in kinds:
        return True
    if "nouns" not in kinds:
        return False
    head = span[-1]
    if head.pos_:
        return head.pos_ in ("NOUN", "PROPN")
    before = previous_word(head)
    if before is not None and context.owner[before.i]:
        before = previous_word(context.doc[context.span_start[before.i]])
    return before is not None and (before.lower_ in DETERMINERS or before.is_digit
                                   or before.lower_ in HYPHENS
                                   or before.lower_ in discourse().pronouns
                                   or before.lower_ in discourse().ordinals)


def is_gerund_modifier(span: Span) -> bool:
    """A verb form used as a noun modifier ("a signing ceremony"): not an event of its own."""
    before = previous_word(span[0])
    return "nouns" not in span.kb_id_.split() and span[0].lower_.endswith("ing") and \
        before is not None and before.lower_ in ("a", "an", "the")


def previous_word(token: Token) -> Token | None:
    """The nearest token before ``token`` that is not white space."""
    return word_before(token.doc, token.i)


def next_word(token: Token) -> Token | None:
    """The nearest token after ``token`` that is not white space."""
    return word_after(token.doc, token.i)


def words_before(context: ArticleContext, i: int, window: int) -> list[str]:
    """Up to ``window`` lower-case words before token ``i`` within its clause, outside time
    expressions (the month of "in May, Kim met" is no modal)."""
    start = max(context.clause_start(i), i - window * 2)
    words = [t.lower_ for t in context.doc[start:i]
             if not t.is_space and t.i not in context.dated_tokens]
    return words[-window:]


def is_passive(head: Token) -> bool:
    """A verb after a form of "be" and adverbs ("were imposed", "has been lifted", "was
    further sanctioned")."""
    before = previous_word(head)
    while before is not None and (before.lower_ in PASSIVE_ADVERBS
                                  or before.lower_.endswith("ly") and before.is_lower):
        before = previous_word(before)
    return before is not None and before.lower_ in BE_FORMS and head.lower_.endswith(("ed", "en"))


def is_reduced_relative(head: Token, context: ArticleContext) -> bool:
    """A participle right after a noun and before a preposition ("sanctions imposed on it");
    not a past tense after a pronoun, its subject ("the measures it imposed on Kosovo")."""
    before, after = previous_word(head), next_word(head)
    return (before is not None and after is not None and head.lower_.endswith(("ed", "en"))
            and before.is_alpha and (before.is_lower or before.is_sent_start)
            and context.owner[before.i] is None and before.lower_ not in discourse().pronouns
            and before.lower_ not in COORDINATORS and before.lower_ not in AUXILIARIES
            and after.lower_ in ("on", "by", "against"))


def is_agent_compound(head: Token) -> bool:
    """A participle joined by a hyphen to the word before it ("EU-facilitated talks",
    "UAE-brokered deal"): the name before the hyphen is its agent, as in a reduced relative."""
    before = previous_word(head)
    return before is not None and before.lower_ in HYPHENS and not before.whitespace_ \
        and head.lower_.endswith(("ed", "en")) and before.i > 0 \
        and not head.doc[before.i - 1].whitespace_


def role_arguments(arguments: list[Argument], event_class: EventClass,
                   context: ArticleContext, roles: Roles, direct_object: bool,
                   agent_preps: frozenset[str] = frozenset({"by"})) -> None:
    """Sort the entities after a trigger into target, agent ("by"), place and topic; the
    direct objects are the entities before any preposition ("urged Pyongyang and
    Washington"); an "of" phrase inside a target's phrase is a target ("sanctions on the
    sectors of its economy"); a target is one who can act, not a place or region
    ("appealed to European companies"); a place that cannot act, after "from", is where a
    speech is given ("a televised address from Banja Luka"), never its agent."""
    for n, argument in enumerate(arguments):
        if n and is_apposition(arguments[n - 1], argument, context):
            continue
        argument = described_argument(argument, context)
        cls = context.cls_of(argument.local_id)
        outer = context.outer_preposition(argument.start)
        if outer in event_class.target_preps and argument.prep == "of" \
                and not in_infinitive(argument, context):
            argument = Argument(argument.local_id, argument.start, argument.end, outer)
        if cls in TOPIC_CLASSES:
            roles.topics.append(argument.local_id)
        elif cls in PLACE_CLASSES and (argument.prep in ("in", "at") or (
                argument.prep == "to" or argument.prep is None and direct_object and n == 0)
                and event_class.name in argument_words().visit_classes
                and cls not in AGENT_CLASSES):
            roles.place = roles.place or argument.local_id  # "a trip to Tehran", "visited Rome"
        elif argument.prep == "from" and cls in PLACE_CLASSES - AGENT_CLASSES:
            if event_class.speech:
                roles.place = roles.place or argument.local_id
        elif argument.prep in agent_preps and argument.prep not in event_class.target_preps:
            roles.agents.append(argument.local_id)
        elif argument.prep in event_class.target_preps and cls in AGENT_CLASSES or (
                direct_object and argument.prep is None and cls in AGENT_CLASSES
                and argument.end not in context.trigger_tokens
                and (n == 0 or n == len(roles.targets)
                     and (context.coordinated(arguments[n - 1], argument)
                          or arguments[n - 1].start == argument.start))):  # "the three"
            roles.targets.append(envoy_state(argument.local_id, context))


def in_infinitive(argument: Argument, context: ArticleContext) -> bool:
    """Whether the phrase of an "of" argument is the object of an infinitive ("threatened to
    halt sales of Colombian power": the "to" is no preposition of a target)."""
    of = context.preposition_index(argument.start)
    outer = context.preposition_index(of) if of is not None else None
    return outer is not None and opens_infinitive(outer, context)


def is_apposition(person: Argument, argument: Argument, context: ArticleContext) -> bool:
    """Whether ``argument`` opens a description of the person named right before it, after a
    comma ("James Kabarebe, Rwanda's minister of state"): a possessive and a lower-case word."""
    gap = [t.lower_ for t in context.doc[person.end:argument.start] if not t.is_space]
    return context.cls_of(person.local_id) == "Person" and gap == [","] \
        and possessive_post(argument.start, context)


def envoy_state(local_id: str, context: ArticleContext) -> str:
    """An envoy named only by their post ("the Russian ambassador") stands, as a target, for
    the state that sent them (arguments.yaml envoy_posts); anyone else for themselves."""
    entity = context.by_id.get(local_id)
    posts = argument_words().envoy_posts
    if entity is None or not entity.description \
            or not any(role.title.lower() in posts for role in entity.roles):
        return local_id
    return context.side_of(local_id)


def described_subject(verb: Token, context: ArticleContext) -> list[str]:
    """The persons a description of their post right before a verb stands for ("the
    minister urged", "the Russian president said", "Japan's foreign minister accused";
    "Japan and Korea's foreign ministers met", "their foreign ministers met", "the foreign
    ministers of Japan and Korea met"): those of the article who hold that post, of the
    states or bodies named in it, else named before it in its sentence."""
    before = previous_word(verb)
    while before is not None and (before.lower_ in AUXILIARIES or before.lower_.endswith("ly")):
        before = previous_word(before)
    start = context.sentence_of(verb.i).start
    words, token = post_words_before(before, start, context)
    if token is not None and token.lower_ in ("’s", "'s"):
        token = previous_word(token)
    if token is None or token.i < start or context.quoted[token.i]:
        return []
    if not words:
        return posts_of_group(token, start, verb.i, context)
    plural = words[-1].endswith("s")
    if context.owner[token.i]:
        owners: list[str | None] = context.coordinated_before(context.span_start[token.i]) \
            if plural else [context.owner[token.i]]
    elif token.lower_ in DETERMINERS:
        owners = sentence_parties(token.i, context) if plural else [None]
    else:
        return []
    return post_holders(words, owners, verb.i, context)


def post_words_before(token: Token | None, start: int,
                      context: ArticleContext) -> tuple[list[str], Token | None]:
    """The words of a post that end at ``token`` ("foreign minister"), and the token
    before them."""
    words: list[str] = []
    while token is not None and token.i >= start and token.is_alpha and len(words) < POST_WORDS \
            and not context.owner[token.i] and not context.quoted[token.i] \
            and token.lower_ not in DETERMINERS:
        words.insert(0, token.lower_)
        token = previous_word(token)
    return words, token


def posts_of_group(last: Token, start: int, verb: int, context: ArticleContext) -> list[str]:
    """"the foreign ministers of Japan and Korea": the holders of the post of each of the
    coordinated entities that end at ``last``."""
    if not context.owner[last.i]:
        return []
    owners = context.coordinated_before(context.span_start[last.i])
    first = context.span_start[last.i]
    while (before := context.previous_entity(first)) is not None \
            and context.owner[before] in owners and before >= start:
        first = context.span_start[before]
    of = previous_word(context.doc[first])
    if of is not None and of.lower_ in ARTICLES:  # "the presidents of the Democratic ..."
        of = previous_word(of)
    if of is None or of.lower_ != "of":
        return []
    words, _ = post_words_before(previous_word(of), start, context)
    return post_holders(words, owners, verb, context) if words and words[-1].endswith("s") \
        else []


def sentence_parties(i: int, context: ArticleContext) -> list[str | None]:
    """The states and bodies named before token ``i`` in its sentence, else in the sentence
    before: whom "their ministers" belong to."""
    here = context.sentence_of(i)
    for sentence in (here, context.sentences[max(0, context.sentence_index[i] - 1)]):
        found = [context.owner[j] for j in range(sentence.start, min(i, sentence.end))
                 if context.owner[j] and not context.quoted[j]
                 and context.cls_of(context.owner[j]) in AGENT_CLASSES - {"Person"}]
        if found:
            return list(dict.fromkeys(found))
    return []


def post_holders(words: list[str], owners: list[str | None], at: int,
                 context: ArticleContext) -> list[str]:
    """The holders of a post for each owner ("ministers" of Japan and of Korea), where
    each has one; a plural post needs two or more."""
    plural = words[-1].endswith("s")
    post = words[:-1] + [words[-1][:-1]] if plural else words
    holders = [post_holder(post, of, at, context) for of in owners]
    if None in holders or not holders or plural and len(set(holders)) < 2:
        return []
    return list(dict.fromkeys(h for h in holders if h))


def described_argument(argument: Argument, context: ArticleContext) -> Argument:
    """A state or body followed by a post ("by a South Korean foreign minister", "urged the
    Russian president", "by Japan's prime minister"): the person who holds it, where the
    article names one."""
    if context.cls_of(argument.local_id) not in AGENT_CLASSES - {"Person"}:
        return argument
    words: list[str] = []
    end = argument.end
    while end < len(context.doc) and len(words) < POST_WORDS:
        token = context.doc[end]
        possessive = end == argument.end and token.lower_ in ("’s", "'s")
        if not (token.is_space or possessive or token.is_alpha and not context.owner[end]
                and token.lower_ not in PREPOSITIONS and token.lower_ not in COORDINATORS):
            break
        if token.is_alpha:
            words.append(token.lower_)
        end += 1
    for size in range(len(words), 0, -1):
        holder = post_holder(words[:size], argument.local_id, argument.start, context)
        if holder is not None:
            return Argument(holder, argument.start, end, argument.prep)
    return argument


def post_holder(words: list[str], of: str | None, at: int,
                context: ArticleContext) -> str | None:
    """The person who holds the post whose last words are ``words`` ("foreign minister"),
    of ``of`` where given: the one mentioned last before token ``at``, else the only one."""
    head, modifiers = words[-1], set(words[:-1])
    holders = [entity for entity in context.entities if entity.cls == "Person"
               and any(not role.former and (of is None or role.of == of)
                       and role.title.lower().split()[-1:] == [head]
                       and modifiers <= set(role.title.lower().split())
                       for role in entity.roles)]
    before = context.tokens.idx[at]
    mentioned = [(max(m.start for m in entity.mentions if m.start < before), entity.local_id)
                 for entity in holders if any(m.start < before for m in entity.mentions)]
    if mentioned:
        return max(mentioned)[1]
    return holders[0].local_id if len(holders) == 1 else None


def verbal_roles(head: Token, event_class: EventClass, context: ArticleContext) -> Roles:
    """Arguments of a verb trigger from token patterns: subject before, objects after."""
    roles = Roles()
    passive = is_passive(head)
    reduced = not passive and (is_reduced_relative(head, context) or is_agent_compound(head))
    speaker_verb = coordinated_speech_verb(head, context)
    if speaker_verb is not None:
        subject = speaker_of(speaker_verb, context)
    elif conjunction_before(head) is not None and not passive:
        subject = controller_subject(head, context)  # "... and urged": the first verb's subject
    else:
        subject = described_subject(head, context) \
            or context.subject_before(head.i, reporting_speakers(head, context))
    if not (subject or passive or reduced):
        subject = controller_subject(head, context) or subject_past_adjuncts(head, context)
    own_content = event_class.name in discourse().content_classes
    limit = next_predicate(head, context)
    if event_class.name in argument_words().complement_content_classes:
        limit = min(limit, complement_after(head, context))
    if reduced:  # "sanctions imposed by the Council have cut X off": the phrase ends at "have"
        limit = min(limit, context.phrase_end(head.i))
    arguments = context.arguments_after(
        head.i, limit=limit if own_content else min(limit, context.next_trigger(head.i)))
    if not passive:
        arguments = [not_the_subject(argument, subject, context) for argument in arguments]
    role_arguments(arguments, event_class, context, roles,
                   direct_object=not (passive or reduced or event_class.speech),
                   agent_preps=frozenset({"by"}) if passive or reduced else frozenset())
    if event_class.symmetric:
        roles.counterparts = counterpart_groups(arguments, event_class, context)
    if passive:
        roles.targets = subject + roles.targets
    elif reduced:
        roles.agents = roles.agents or modifier_entities(previous_word(head).i, context)
    else:
        roles.agents = subject + roles.agents
        for agent in subject:
            context.note_agent(head.i, agent)
    if event_class.clause_target and roles.agents and not roles.targets:
        roles.targets = [target for target in clause_subject(head, context)
                         if target not in roles.agents]  # "Spain demanded that Spanish police"
    return roles


def subject_past_adjuncts(verb: Token, context: ArticleContext) -> list[str]:
    """The subject of a verb that an adjunct parts from it: auxiliaries, negations and
    adverbs ("has repeatedly refused", "did not meet") or a phrase of a few lower-case
    words between commas ("The RSF, in turn, accused"; "CNN, however, reported"), also
    past a description of the subject between commas ("X, chairman of the council, has
    repeatedly refused": ``appositive_subject``)."""
    before = previous_word(verb)
    while before is not None and (before.lower_ in AUXILIARIES
                                  or before.lower_ in discourse().negation
                                  or before.lower_.endswith("ly") and before.is_lower):
        before = previous_word(before)
    if before is None or context.quoted[before.i] or before.lower_ in VERB_CONJUNCTIONS:
        return []
    if before.lower_ == ",":
        opening = parenthesis_opening(before, context)
        if opening is None:
            return led_subject(before, context) or appositive_subject(before, context) \
                or apposition_subject(before, context)
        return context.subject_before(opening.i)
    return context.subject_before(before.i + 1) if before.i + 1 < verb.i else []


def parenthesis_opening(comma: Token, context: ArticleContext) -> Token | None:
    """The comma that opens a phrase of a few lower-case words closed by ``comma`` ("in
    turn", "however", "as of yesterday"), if it is one."""
    start = context.sentence_of(comma.i).start
    words, opening = 0, previous_word(comma)
    while opening is not None and opening.i > start and words < PARENTHESIS_WORDS \
            and opening.is_lower and opening.is_alpha and not context.is_other_verb(opening):
        words, opening = words + 1, previous_word(opening)
    return opening if words and opening is not None and opening.lower_ == "," else None


def not_the_subject(argument: Argument, subject: list[str],
                    context: ArticleContext) -> Argument:
    """An object pronoun is not the subject of its verb ("Peters spoke with Manele and
    offered him help": him is Manele) and most often names someone of its own sentence
    ("imposed sanctions on Kabarebe, accusing him of ...": Kabarebe, not the person of the
    last event): one resolved to the subject, and any "him" or object "her" or "them",
    stands for the nearest other entity it may name, named before it in its sentence."""
    pronoun = context.doc[argument.start]
    allowed = discourse().pronouns.get(pronoun.lower_)
    if context.owner[argument.start] or not allowed \
            or argument.local_id not in subject and not is_object_pronoun(pronoun):
        return argument
    sentence_start = context.sentence_of(argument.start).start
    other = next((context.owner[j] for j in range(argument.start - 1, sentence_start - 1, -1)
                  if context.owner[j] and context.owner[j] not in subject
                  and not context.quoted[j] and context.cls_of(context.owner[j]) in allowed),
                 None)
    return Argument(other, argument.start, argument.end, argument.prep) if other \
        else argument


def is_object_pronoun(token: Token) -> bool:
    """"him", or "her" and "them" before a preposition or punctuation (not "her
    counterpart")."""
    after = next_word(token)
    return token.lower_ == "him" or token.lower_ in ("her", "them") and (
        after is None or after.is_punct or after.lower_ in PREPOSITIONS or after.lower_ == "to")


def clause_subject(verb: Token, context: ArticleContext) -> list[str]:
    """The subject of a "that" clause right after a verb, maybe past time and place
    adverbials ("demanded that Rwanda and Uganda withdraw", "demanded in Kigali on Monday
    that Uganda withdraw"): the entities it opens with, up to the first word of no name
    ("that Kosovo disband them": Kosovo, not the pronoun after the verb)."""
    at = past_adverbs(verb.i + 1, context)
    if at >= context.sentence_of(verb.i).end or context.doc[at].lower_ != "that":
        return []
    that = context.doc[at]
    end, sentence_end = that.i + 1, context.sentence_of(verb.i).end
    while end < sentence_end and (context.owner[end] or context.doc[end].is_space
                                  or context.doc[end].lower_ in DETERMINERS | COORDINATORS
                                  or in_described_referent(end, context)):
        end += 1
    arguments = context.entity_arguments(that.i + 1, end)
    first = arguments[0] if arguments else None
    if first is None or first.prep is not None or any(
            not (t.is_space or t.lower_ in DETERMINERS or in_described_referent(t.i, context))
            for t in context.doc[that.i + 1:first.start]):
        return []
    group = [first]
    for argument in arguments[1:]:
        if not context.coordinated(group[-1], argument):
            break
        group.append(argument)
    found = [acting_state(described_argument(argument, context).local_id, context)
             for argument in group]
    return [local_id for local_id in found if context.cls_of(local_id) in AGENT_CLASSES]


def acting_state(local_id: str, context: ArticleContext) -> str:
    """A city asked to act ("demanded that Ottawa correct its practices") stands for the
    country it lies in, where the article names that country; anything else for itself."""
    if context.cls_of(local_id) != "City":
        return local_id
    return country_of_place(local_id, context) or local_id


def in_described_referent(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` is a noun that names a state or body without a name ("the
    government", ``ArticleContext.described_referent``) or a lower-case word right before
    one ("the transitional government")."""
    after = next_word(context.doc[j])
    return context.described_referent(j) is not None or context.doc[j].is_lower \
        and after is not None and context.described_referent(after.i) is not None


def counterpart_groups(arguments: list[Argument], event_class: EventClass,
                       context: ArticleContext) -> list[tuple[int, list[str]]]:
    """The counterparts of a joint event in groups, where its preposition is repeated ("with
    Putin on Sunday and with Zelensky on Monday": two calls); none where it is not."""
    groups: list[tuple[int, list[str]]] = []
    for argument in arguments:
        if argument.prep not in event_class.target_preps \
                or context.cls_of(argument.local_id) not in AGENT_CLASSES:
            continue
        at = context.preposition_index(argument.start)
        if at is not None and (not groups or groups[-1][0] != at):
            groups.append((at, [argument.local_id]))
        elif groups:
            groups[-1][1].append(argument.local_id)
    return groups if len(groups) > 1 else []


def reporting_speakers(verb: Token, context: ArticleContext) -> list[str]:
    """The speakers of the verb of saying whose clause holds ``verb``: who "he" most likely
    is in "Kim told Trump he wanted to meet him"."""
    said = speech_verb_before(verb, context)
    return speaker_of(said, context) if said is not None and said != verb.i else []


def coordinated_speech_verb(verb: Token, context: ArticleContext) -> int | None:
    """The sentence's first verb of saying (not a title: "Secretary of State"), where a
    verb right after "and" is coordinated with it ("Blinken said the talks were not moving,
    and urged Moscow to withdraw": the urging is Blinken's own act, not reported); after
    "and" and an auxiliary the reported clause goes on ("said the North had sought relief
    and had offered ...")."""
    conjunction = conjunction_before(verb)
    if conjunction is None or next_word(conjunction).i != verb.i:
        return None  # "and had offered" goes on with the reported clause
    start = context.sentence_of(verb.i).start
    return next((j for j in range(start, conjunction.i) if context.is_boundary(context.doc[j])
                 and context.doc[j].lower_ in discourse().speech_verbs
                 and not context.quoted[j] and context.owner[j] is None), None)


def speaker_of(said: int, context: ArticleContext) -> list[str]:
    """The subject of a verb of saying, past a participle phrase between commas ("Moon,
    speaking in an interview, said")."""
    subject = context.subject_before(said)
    comma = previous_word(context.doc[said])
    if subject or comma is None or comma.lower_ != ",":
        return subject
    named = appositive_subject(comma, context) \
        or apposition_subject(comma, context)  # "Its foreign minister, X, told the talks"
    if named:
        return named
    start = context.sentence_of(said).start
    opening = next((j for j in range(comma.i - 1, start - 1, -1)
                    if context.doc[j].lower_ == ","), None)
    before = previous_word(context.doc[opening]) if opening is not None else None
    if before is None or not context.owner[before.i] or context.quoted[before.i]:
        return []
    return context.coordinated_before(context.span_start[before.i])


def next_predicate(verb: Token, context: ArticleContext) -> int:
    """Where the objects of a verb end: at "and" before another verb trigger ("rejected
    the measures and accused the US"), else at the end of the clause."""
    end = context.clause_end(verb.i)
    for j in range(verb.i + 1, end):
        if j in context.trigger_tokens and j - 1 not in context.trigger_tokens \
                and conjunction_before(context.doc[j]) is not None:
            return conjunction_before(context.doc[j]).i
    return end


def complement_after(verb: Token, context: ArticleContext) -> int:
    """Where the complement saying what a target is asked or accused of begins ("urged X
    to open its markets", "accused X of waging war on Y"), else the clause end: an
    infinitive, or "of" before an -ing form."""
    end = context.clause_end(verb.i)
    for j in range(verb.i + 1, end - 1):
        word = context.doc[j + 1]
        if opens_infinitive(j, context) or context.doc[j].lower_ == "of" \
                and word.is_lower and word.lower_.endswith("ing"):
            return j
    return end


def opens_infinitive(j: int, context: ArticleContext) -> bool:
    """Token ``j`` is the "to" of an infinitive: before a lower-case word that is no
    determiner, preposition or plural ("to open", not "to the talks" or "to markets")."""
    if context.doc[j].lower_ != "to" or j + 1 >= len(context.doc):
        return False
    word = context.doc[j + 1]
    lower = word.lower_
    return word.is_lower and word.is_alpha and lower not in DETERMINERS \
        and lower not in PREPOSITIONS and (not lower.endswith("s") or lower.endswith("ss"))


def class_of_use(span: Span, event_class: EventClass, context: ArticleContext) -> EventClass:
    """The class a verb trigger has where it stands: one followed by an infinitive of an
    act to be done later may signal another class ("agreed to keep meeting" commits, it
    signs nothing; "agreed to share data" settles the sharing), and so may one after a
    subject noun ("negotiators met" negotiate)."""
    after, before = next_word(span[-1]), previous_word(span[0])
    while before is not None and before.lower_ in AUXILIARIES:
        before = previous_word(before)
    if before is not None and before.lower_ in event_class.by_subject:
        return event_classes()[event_class.by_subject[before.lower_]]
    if event_class.before_infinitive is None or after is None:
        return event_class
    to = past_adverbials(after.i, context)
    if not opens_infinitive(to, context) or not is_later_act(to + 1, event_class, context):
        return event_class
    return event_classes()[event_class.before_infinitive]


def is_later_act(j: int, event_class: EventClass, context: ArticleContext) -> bool:
    """Whether the infinitive at token ``j`` names an act to be done later (triggers.yaml
    later_acts): its verb ("to meet again", "to set up a group") or a word of its object
    up to the next punctuation ("to restart talks", "to keep meeting", "to have their
    ministers meet")."""
    words: list[str] = []
    for k in range(j, min(context.clause_end(j), j + LATER_ACT_REACH)):
        if context.doc[k].is_punct:
            break
        words.append(context.doc[k].lemma_.lower())
    verbs = (act.split() for act in event_class.later_acts)
    return any(words[:len(verb)] == verb for verb in verbs) \
        or not set(words[1:]).isdisjoint(event_class.later_acts)


def with_verb_preps(event_class: EventClass, lemma: str) -> EventClass:
    """The class with the prepositions that introduce a target after this verb of it added
    ("blamed the attack on the rebels": triggers.yaml verb_preps)."""
    preps = event_class.verb_preps.get(lemma)
    return replace(event_class, target_preps=event_class.target_preps | preps) if preps \
        else event_class


def controller_subject(verb: Token, context: ArticleContext) -> list[str]:
    """The subject of the verb that governs ``verb`` and does what it says: "he tried to
    calm a standoff" (a control verb before "to"), "he said, urging Iran to ..." (a
    participle after the clause of its subject), "Abe arrived on Wednesday and held talks"
    (the first of two coordinated verbs), "Moon, who has carried messages, urged" (the
    antecedent of a relative clause between commas), "the minister, Khalid al-Falih,
    called for" (a name in apposition)."""
    before, auxiliary = previous_word(verb), None
    while before is not None and before.lower_ in AUXILIARIES:
        auxiliary, before = before, previous_word(before)
    if before is None or context.quoted[before.i]:
        return []
    if before.lower_ in VERB_CONJUNCTIONS:
        return coordinated_subject(before, auxiliary, context)
    if before.lower_ == ",":
        return participle_subject(verb, before, context) or led_subject(before, context) \
            or appositive_subject(before, context) \
            or apposition_subject(before, context)
    if verb.lower_.endswith("ing") and ends_speech_noun(before, context):
        return participle_subject(verb, before, context)  # "issued a statement demanding"
    governor = previous_word(before)
    if before.lower_ == "to" and governor is not None \
            and governor.lower_ in argument_words().control_verbs:
        return context.subject_before(governor.i) or controller_subject(governor, context)
    if before.lower_ == "to" and governor is not None \
            and governor.lower_ in argument_words().purpose_nouns:
        return purpose_subject(governor, context)
    return []


def ends_speech_noun(token: Token, context: ArticleContext) -> bool:
    """Whether ``token``, or the last word before the time expression it ends ("a statement
    on Monday"), is a noun trigger of a speech event: a participle after it says what was
    said, by whoever made the statement ("issued a statement demanding that ...")."""
    while token is not None and (token.i in context.dated_tokens or token.lower_ == "on"):
        token = previous_word(token)
    return token is not None and any(
        "nouns" in span.kb_id_.split() and event_classes()[span.label_].speech
        for span in context.triggers_at.get(token.i, ()))


def purpose_subject(noun: Token, context: ArticleContext) -> list[str]:
    """"he had met Khamenei in an effort to ease tension": the subject of the verb whose
    purpose the noun states, the last verb of its clause before it (also of the verb
    whose setting a phrase states: "made the remarks in a speech", and of the verb of
    saying that opens that clause: "X, the bloc's envoy, said in a statement")."""
    start = context.clause_start(noun.i)
    if start > context.sentence_of(noun.i).start \
            and is_speech_verb(context.doc[start - 1], context):
        start -= 1  # "X, the envoy, said in a statement": the verb of saying opens the clause
    for j in range(noun.i - 1, start - 1, -1):
        token = context.doc[j]
        if context.is_other_verb(token) or is_verb_trigger(j, context) and not token.is_title:
            return context.subject_before(j) or controller_subject(token, context)
    return []


def is_verb_trigger(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` is in a trigger used as a verb (not "the accusation")."""
    return any(not is_nominal(span, context) for span in context.triggers_at.get(j, ()))


def participle_subject(verb: Token, before: Token, context: ArticleContext) -> list[str]:
    """"he said, urging Iran", "the ministry said it had seized a ship, the Wise Honest,
    accusing Pyongyang", "they issued a statement urging Iran": the subject of the last
    verb before the word ``before`` the participle (a comma, a noun of speech; a finite
    verb, or an act someone is accused of: "accused X of trying ..., threatening" is X's),
    past the verbs of an adverbial clause ("held talks since M23 rebels seized Goma, meeting
    in Doha": the participle is the talks' subject's, not the rebels'; ``in_adverbial_clause``);
    a subject that describes holders of a post stands for them ("The presidents of Congo
    and Rwanda held talks ..., meeting": ``described_subject``)."""
    if not verb.lower_.endswith("ing"):
        return []
    start = context.sentence_of(before.i).start
    verbs = [j for j in range(before.i - 1, start - 1, -1)
             if not context.quoted[j] and (is_speech_verb(context.doc[j], context)
                                           or is_predicate(context.doc[j], context)
                                           or is_charged_act(context.doc[j]))]
    main = next((j for j in verbs if not in_adverbial_clause(j, context)), None)
    chosen = main if main is not None else next(iter(verbs), None)
    if chosen is None:
        return []
    return described_subject(context.doc[chosen], context) or context.subject_before(chosen)


def in_adverbial_clause(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` lies in a clause opened by a word of time, cause or condition
    ("since", "after", "if"; discourse.yaml clause_openers that are no relative pronoun)."""
    words = discourse()
    opener = clause_opener(j, context)
    return opener in words.clause_openers and opener not in words.relative_pronouns


def is_speech_verb(token: Token, context: ArticleContext) -> bool:
    """A verb of saying used as a verb: not a noun after a preposition or determiner
    ("minister of state", "the report")."""
    before = previous_word(token)
    return context.is_boundary(token) and token.lower_ in discourse().speech_verbs \
        and not (before is not None and (before.lower_ in PREPOSITIONS
                                         or before.lower_ in DETERMINERS))


def appositive_subject(comma: Token, context: ArticleContext) -> list[str]:
    """"Moon, who has carried messages since last year, urged": the relative's antecedent;
    "Turkey, a member of NATO that has close ties with both, has refused": the name before
    a noun phrase in apposition; "Moon, speaking in Seoul, urged": the name before a
    participle phrase; "Merkel, the chancellor of Germany, demanded", "Faki, chairperson
    of the commission, spoke", "Naziri Asl, Iran's envoy to the agency, made": the person
    before another noun phrase ("In Berlin, the chancellor demanded" names no one)."""
    start = context.sentence_of(comma.i).start
    for j in range(comma.i - 1, max(start, comma.i - APPOSITIVE_REACH) - 1, -1):
        token = context.doc[j]
        before = previous_word(token)
        if before is None or before.lower_ != "," or context.quoted[j]:
            continue
        if token.lower_ in discourse().relative_pronouns or token.lower_ in ("a", "an") \
                or token.is_lower and token.lower_.endswith("ing"):
            return context.antecedent_of(j)
        if token.is_lower and token.is_alpha and token.lower_ not in COORDINATORS \
                or possessive_post(j, context):  # not "X, and his counterpart, Y,"
            antecedent = context.antecedent_of(j)  # "the chancellor of", "Iran's envoy"
            return antecedent if all(context.cls_of(a) == "Person" for a in antecedent) \
                or names_the_subject(before, context) else []
    return []


def names_the_subject(comma: Token, context: ArticleContext) -> bool:
    """Whether the name right before ``comma`` is one that can act, governed by no
    preposition: the subject that a description after the comma parts from its verb
    ("Fretilin, the main opposition party, accused"; not "In Berlin, the chancellor")."""
    name = previous_word(comma)
    return name is not None and context.owner[name.i] is not None \
        and context.cls_of(context.owner[name.i]) in AGENT_CLASSES \
        and context.preposition_before(context.span_start[name.i]) is None


def led_subject(comma: Token, context: ArticleContext) -> list[str]:
    """The subject of a verb that a phrase naming who leads it parts from it, between
    commas (arguments.yaml leading_participles): the names of the noun phrase that opens
    the sentence ("The Libyan National Army, led by X, which controls the east, accused":
    the army; "The Uzbek delegation, headed by X, demanded": Uzbekistan), else, where that
    phrase names no one, the leaders ("The team, led by the agency, visited": the agency)."""
    start = context.sentence_of(comma.i).start
    for j in range(comma.i - 1, max(start, comma.i - APPOSITIVE_REACH) - 1, -1):
        token, opening = context.doc[j], previous_word(context.doc[j])
        after = next_word(token)
        if opening is None or opening.lower_ != "," or after is None or after.lower_ != "by" \
                or token.lower_ not in argument_words().leading_participles:
            continue
        named = opening_phrase_names(opening, context)
        if named is None:
            return []
        leaders = [context.owner[k] for k in range(after.i + 1, comma.i)
                   if context.owner[k] and context.cls_of(context.owner[k]) in AGENT_CLASSES]
        persons = [k for k in leaders if context.cls_of(k) == "Person"]
        return named or list(dict.fromkeys(persons or leaders))
    return []


def opening_phrase_names(comma: Token, context: ArticleContext) -> list[str] | None:
    """The names that can act in the noun phrase from the first word of the sentence to
    ``comma`` ("The Uzbek delegation": Uzbekistan; "The team": none), or None where those
    words are no noun phrase (a verb, preposition or quote among them)."""
    first = context.sentence_of(comma.i).start
    while first < comma.i and context.doc[first].is_space:
        first += 1
    names: list[str] = []
    for token in context.doc[first:comma.i]:
        owner = context.owner[token.i]
        if owner:
            names += [owner] if context.cls_of(owner) in AGENT_CLASSES else []
        elif context.quoted[token.i] or not token.is_alpha or token.lower_ in PREPOSITIONS \
                or context.is_other_verb(token):
            return None
    return list(dict.fromkeys(names))


def possessive_post(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` opens a name followed by a possessive and a lower-case word ("Iran's
    ambassador to the agency")."""
    if not context.owner[j] or context.span_start[j] != j:
        return False
    after = context.doc[context.span_end[j]:context.span_end[j] + 2]
    return len(after) == 2 and after[0].lower_ in ("'s", "’s") and after[1].is_lower


def apposition_subject(comma: Token, context: ArticleContext) -> list[str]:
    """"Saudi Arabia's energy minister, Khalid al-Falih, called for": the name between
    two commas right before the verb, with the others of its noun phrase ("Iwata and his
    Korean counterpart, Cho, agreed", "X's minister, Y, and Z's minister, W, met": both)."""
    before = previous_word(comma)
    if before is None or not context.owner[before.i] or context.quoted[before.i]:
        return []
    start = context.span_start[before.i]
    opening = previous_word(context.doc[start])
    while opening is not None and (context.is_title_word(opening.i) or opening.lower_ == "the"):
        opening = previous_word(opening)  # ", General X,"; "Machar's party, the Movement,"
    if opening is None or opening.lower_ != ",":
        return []
    phrase = context.clauses.covering.get(start)
    name = context.owner[start]
    if phrase is None or name not in phrase.members or context.cls_of(name) != "Person":
        return [name]
    return [member for member in np_members(phrase) if context.cls_of(member) == "Person"]


def coordinated_subject(conjunction: Token, auxiliary: Token | None,
                        context: ArticleContext) -> list[str]:
    """The subject of the verb before "and", which the verb after shares: the verb of the
    same auxiliary in the sentence ("the North had sought ..., and had offered"), else the
    last verb of the clause, past quoted words ("called the plan \"a mess\" and accused"),
    else the subject before "and" ("did not travel and meet"); after ", and" the last verb
    of the sentence's main clause (``main_clause_subject``)."""
    if auxiliary is not None:
        start = context.sentence_of(conjunction.i).start
        for j in range(conjunction.i - 1, start - 1, -1):
            if context.doc[j].lower_ == auxiliary.lower_ and not context.quoted[j]:
                return context.subject_before(j)
    before = previous_word(conjunction)
    if before is not None and before.lower_ == ",":
        found = main_clause_subject(before.i, context)
        if found:
            return found
    for j in range(conjunction.i - 1, context.sentence_of(conjunction.i).start - 1, -1):
        token = context.doc[j]
        if context.quoted[j] or token.lower_ in QUOTE_MARKS:
            continue  # 'called the plan "a mess" and accused': past the quoted words
        if context.is_boundary(token) and not is_complement_as(j, conjunction.i, context) \
                and not is_verbless_that(j, conjunction, context):
            break
        if is_predicate(token, context):
            return context.subject_before(j) or controller_subject(token, context)
    return opening_subject(conjunction.i, context)


def is_complement_as(j: int, end: int, context: ArticleContext) -> bool:
    """Token ``j`` is an "as" that opens no clause, only what its verb's object is called,
    up to token ``end`` with no verb ("labeled Soleimani as a terrorist and levied ...",
    "rejected the sanctions as illegitimate and accused ...")."""
    return context.doc[j].lower_ == "as" and not any(
        is_predicate(context.doc[k], context) or context.doc[k].lower_ in AUXILIARIES
        for k in range(j + 1, end))  # "did not travel and meet": no past form


def is_verbless_that(j: int, conjunction: Token, context: ArticleContext) -> bool:
    """Token ``j`` is a "that" whose clause has no finite verb outside quotes up to the
    ``conjunction``, after which comes a past form: that verb is coordinated with the one
    before "that" ('demanded that Ottawa "correct its practices" and warned that ...')."""
    after = next_word(conjunction)
    return context.doc[j].lower_ == "that" and after is not None and is_past_form(after) \
        and not any(not context.quoted[k] and (is_predicate(context.doc[k], context)
                                               or context.doc[k].lower_ in AUXILIARIES)
                    for k in range(j + 1, conjunction.i))


def is_predicate(token: Token, context: ArticleContext) -> bool:
    """A finite verb form, not a participle after a determiner ("in a televised address")
    nor an -ing form without an auxiliary ("accused Manele of handing control")."""
    before = previous_word(token)
    return context.is_finite_verb(token) and not (
        token.lower_.endswith("ing") and (before is None or before.lower_ not in AUXILIARIES))


def main_clause_subject(comma: int, context: ArticleContext) -> list[str]:
    """The subject of the last finite verb before token ``comma`` in the clause that opens
    its sentence ("Kurti accused Belgrade of arming groups that attacked the police, and
    demanded": Kurti, not the groups of the relative clause); none where that verb has no
    subject the rules find."""
    start = context.sentence_of(comma).start
    for j in range(comma - 1, start - 1, -1):
        token = context.doc[j]
        if context.quoted[j] or not is_predicate(token, context) \
                or context.clause_start(j) != start:
            continue
        return context.subject_before(j) or controller_subject(token, context)
    return []


def opening_subject(i: int, context: ArticleContext) -> list[str]:
    """The entities or pronoun that open the clause of token ``i`` ("Kim did not travel",
    "He maintains"), else none."""
    start = context.clause_start(i)
    while start < i and (context.doc[start].is_space or context.doc[start].lower_ in DETERMINERS):
        start += 1
    if start >= i or context.quoted[start]:
        return []
    if context.owner[start]:
        return context.subject_before(context.span_end[start])
    if context.doc[start].lower_ in discourse().pronouns:
        return context.subject_before(start + 1)
    return []


def light_verb_subject(noun: Token, context: ArticleContext) -> list[str]:
    """The agent of a noun that is the object of a light verb ("Abe held talks", "Japan
    lodged a strong protest"): the verb's subject, also where it describes holders of a
    post ("The presidents of Congo and Rwanda held talks")."""
    verb = light_verb_before(noun, context)
    if verb is None:
        return []
    return described_subject(verb, context) or context.subject_before(verb.i) \
        or controller_subject(verb, context)


def light_verb_class(noun: Token, event_class: EventClass,
                     context: ArticleContext) -> EventClass:
    """The class of a noun trigger whose light verb makes with it a verb trigger of
    another class, modifiers between ("held their first direct talks" is "hold talks", a
    Meeting, not a Negotiation)."""
    verb = light_verb_before(noun, context)
    if verb is None or not verb.lemma_:
        return event_class
    phrase = f"{verb.lemma_.lower()} {noun.lower_}"
    return next((other for other in event_classes().values() if phrase in other.verbs),
                event_class)


def light_verb_before(noun: Token, context: ArticleContext) -> Token | None:
    """The light verb whose object a noun is, past determiners and modifiers ("held their
    first direct talks"), if any."""
    i = noun.i - 1
    stop = max(context.sentence_of(noun.i).start, noun.i - PREMODIFIER_WINDOW - 1)
    while i >= stop:
        token = context.doc[i]
        before = previous_word(token)
        noun_use = before is not None and (before.lower_ in DETERMINERS or before.lower_ == "as")
        if token.lower_ in argument_words().light_verbs and not noun_use:
            return token
        if context.owner[i] or not (token.is_space or token.lower_ in DETERMINERS or noun_use
                                    or token.lower_ in ("as", "and") or is_modifier_word(token)):
            return None  # "acting as host and mediator" goes on to "acting"
        i -= 1
    return None


def modifier_entities(noun: int, context: ArticleContext) -> list[str]:
    """Entities in the words right before a noun ("UN Security Council economic sanctions")."""
    found: list[str] = []
    i = noun - 1
    stop = max(context.sentence_of(noun).start, noun - PREMODIFIER_WINDOW - 1)
    while i >= stop:
        token = context.doc[i]
        if context.owner[i]:
            found.insert(0, context.owner[i])
            i = context.span_start[i] - 1
            continue
        if not (token.is_space or token.lower_ in DETERMINERS or token.lower_ in HYPHENS
                or is_modifier_word(token)) or context.quoted[i]:
            break
        i -= 1
    return list(dict.fromkeys(found))


def is_modifier_word(token: Token) -> bool:
    """A lower-case word that may stand inside a noun phrase ("economic"), not a verb form."""
    lower = token.lower_
    verb_form = lower.endswith(("ed", "ing")) and token.lemma_ and token.lemma_.lower() != lower
    return (token.is_lower and token.is_alpha and not verb_form and lower not in PREPOSITIONS
            and lower not in discourse().clause_openers and lower not in COORDINATORS
            and lower not in argument_words().light_verbs)


def possessor(head: Token, context: ArticleContext, event_class: EventClass) -> list[str]:
    """The owner of a nominal event: "Kim's visit", "its offer", "his summit with Putin"
    (not "their" for joint events: it names all the parties)."""
    i = head.i - 1
    stop = max(context.sentence_of(head.i).start, head.i - PREMODIFIER_WINDOW - 1)
    while i >= stop:
        token = context.doc[i]
        if token.lower_ in ("its", "his", "her", "their"):
            if token.lower_ == "their" and (event_class.symmetric or event_class.series):
                return []
            found = context.resolve_pronoun(i)
            return [found] if found else []
        if token.lower_ in ("’s", "'s") and i > 0 and context.owner[i - 1]:
            return [context.owner[i - 1]]
        if token.is_punct and token.lower_ not in ("’s", "'s", "-") or context.owner[i] \
                or ends_a_clause(token):
            return []
        i -= 1
    return []


def ends_a_clause(token: Token) -> bool:
    """An auxiliary, or a verb form not right after a determiner, possessive or hyphen:
    the noun phrase of a nominal trigger begins after it ("she and her family had received
    threats": not her threats; "his planned visit", "its long-awaited offer" go on)."""
    if token.lower_ in AUXILIARIES:
        return True
    before = previous_word(token)
    verb_form = token.is_lower and (token.lower_.endswith("ing") or is_past_form(token))
    return verb_form and not (before is not None and (
        before.lower_ in DETERMINERS or before.lower_ in HYPHENS))


def nominal_roles(head: Token, event_class: EventClass, context: ArticleContext) -> Roles:
    """Arguments of a noun trigger: modifiers, possessor and prepositional phrases."""
    roles = Roles()
    for local_id in modifier_entities(head.i, context):
        cls = context.cls_of(local_id)
        if cls in PLACE_CLASSES - {"Country"} or cls == "Country" and event_class.series \
                and roles.place is None and not roles.actors:
            roles.place = roles.place or local_id
        elif cls in TOPIC_CLASSES:
            roles.topics.append(local_id)
        else:
            roles.actors.append(local_id)
    roles.agents = possessor(head, context, event_class)
    if not roles.agents and not roles.actors:
        roles.agents = light_verb_subject(head, context)
    arguments = context.arguments_after(head.i, limit=context.phrase_end(head.i))
    role_arguments(arguments, event_class, context, roles, direct_object=False,
                   agent_preps=frozenset({"by", "from"}))
    parties = [a.local_id for a in arguments if a.prep == "of"]
    if event_class.symmetric and len(parties) > 1:  # "the first meeting of Kim and Trump"
        roles.actors += parties
    roles.place = roles.place or participle_place(head, context)
    if not roles.agents and not roles.actors and event_class.speech:
        roles.agents = speaker_near(head.i, context) or speech_setting_subject(head, context)
    if not roles.agents and not roles.actors:  # "X turned the offer down at a briefing"
        roles.agents = act_subject(head.i, context, event_class.speech)
    return roles


def speech_setting(noun: Token, context: ArticleContext) -> Token | None:
    """The "in" or "at" before a noun of speech that names where something was said ("in a
    written statement", "in a post on Instagram", "at a news conference"), if any."""
    before = previous_word(noun)
    while before is not None and any(span.start <= before.i < noun.i < span.end
                                     for span in context.triggers_at.get(noun.i, ())):
        before = previous_word(before)  # the first words of "post on Instagram"
    while before is not None and (before.lower_ in DETERMINERS or is_modifier_word(before)
                                  or is_past_form(before) and before.is_lower):
        before = previous_word(before)
    return before if before is not None and before.lower_ in ("in", "at") else None


def speech_setting_subject(noun: Token, context: ArticleContext) -> list[str]:
    """The speaker of a speech named as where something was said: the subject of the verb
    before "in" ("made the remarks in a speech to the board", "set out the measures in a
    written statement"), the name before a comma right before it ("Okonjo-Iweala, in a
    speech to members, appealed"), or the subject of the clause after it where it opens
    the sentence ("In a post on Instagram he threatened ...": ``opening_setting_subject``)."""
    at = speech_setting(noun, context)
    if at is None:
        return []
    if context.word_before(at.i) is None:  # the sentence's first word, past any white space
        return opening_setting_subject(noun, context)
    comma = previous_word(at)
    if comma is not None and comma.lower_ == ",":
        name = previous_word(comma)
        return context.coordinated_before(context.span_start[name.i]) \
            if name is not None and context.owner[name.i] and not context.quoted[name.i] else []
    return purpose_subject(at, context)


def opening_setting_subject(noun: Token, context: ArticleContext) -> list[str]:
    """The subject of the first finite verb after a phrase that opens its sentence and names
    where something was said ("In a statement on Tuesday, the ministry condemned ..."), past
    a participle inside that phrase ("In a statement issued on Monday, the ministry ...")."""
    end = context.sentence_of(noun.i).end
    after = next_word(noun)
    start = noun.i + 1
    if after is not None and is_past_form(after) and after.is_lower:
        start = next((j + 1 for j in range(after.i, end) if context.doc[j].lower_ == ","), start)
    verb = next((j for j in range(start, end) if not context.quoted[j]
                 and (is_predicate(context.doc[j], context) or is_verb_trigger(j, context))),
                None)
    return context.subject_before(verb) if verb is not None else []


def participle_place(noun: Token, context: ArticleContext) -> str | None:
    """The place of "the first meeting of Kim and Trump, held in Singapore": the place
    after a participle of a verb of happening that follows the noun's phrase."""
    end = context.sentence_of(noun.i).end
    j = noun.i + 1
    while j < end and (context.owner[j] or not context.is_boundary(context.doc[j])) \
            and context.doc[j].lower_ != ",":
        j += 1
    verb = next_word(context.doc[j]) if j < end and context.doc[j].lower_ == "," else None
    if verb is None or verb.lower_ not in argument_words().happening_verbs \
            or not is_past_form(verb):
        return None
    return next((a.local_id for a in context.arguments_after(verb.i)
                 if a.prep in ("in", "at") and context.cls_of(a.local_id) in PLACE_CLASSES),
                None)


def is_past_form(token: Token) -> bool:
    """A past tense or participle: neither the lemma nor its -s or -ing form ("held")."""
    lower = token.lower_
    return bool(token.lemma_) and token.lemma_.lower() != lower \
        and not lower.endswith(("ing", "s"))


def speaker_near(i: int, context: ArticleContext) -> list[str]:
    """The speaker of a verb of saying next to a noun: just before it ("Moon said in a
    speech"; not the participle of "a written statement") or later in its sentence ("at a
    news conference, the minister said"), past a phrase between commas ("Fidan, who
    chaired the talks, told a news conference"); a word of saying after a determiner is a
    noun ("Kovacevic called ... its share of the state budget")."""
    sentence = context.sentence_of(i)
    start = i
    while start - 1 in context.trigger_tokens:  # the first word of "news conference"
        start -= 1
    before = range(start - 2, max(sentence.start, start - IRREALIS_WINDOW) - 1, -1)
    for j in (*before, *range(i + 1, sentence.end)):  # not "a written statement"
        if context.doc[j].lower_ in discourse().speech_verbs and not context.quoted[j] \
                and not (context.doc[j].is_lower and context.doc[j - 1].lower_ in DETERMINERS):
            speakers = speaker_past_commas(j, context)
            for speaker in speakers:
                context.note_agent(j, speaker)
            return speakers
    return []


def speaker_past_commas(said: int, context: ArticleContext) -> list[str]:
    """The speaker of a finite verb of saying past a phrase between commas ("Moon,
    speaking in Seoul, said"; "Fidan, who chaired the talks, told"); a participle of saying
    ("..., arguing that") only takes the subject right before it."""
    if context.doc[said].lower_.endswith("ing"):
        return context.subject_before(said)
    found = speaker_of(said, context)
    comma = previous_word(context.doc[said])
    if found or comma is None or comma.lower_ != ",":
        return found
    return appositive_subject(comma, context)


def dependency_roles(head: Token, event_class: EventClass, context: ArticleContext) -> Roles:
    """Arguments read from a dependency parse: nsubj/agent, dobj/nsubjpass/prep, poss."""
    roles = Roles()
    for child in head.children:
        dep = child.dep_
        if dep == "nsubj":
            bucket = roles.agents
            for local_id in entities_of(child, context):
                context.note_agent(head.i, local_id)
        elif dep == "poss" or dep == "compound" and head.pos_ == "NOUN":
            bucket = roles.agents
        elif dep in ("dobj", "iobj", "nsubjpass", "dative"):
            bucket = roles.targets
        elif dep in ("prep", "agent"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            prep = "by" if dep == "agent" else child.lower_
            for obj in objects:
                for local_id in entities_of(obj, context):
                    cls = context.cls_of(local_id)
                    if prep in ("in", "at") and cls in PLACE_CLASSES:
                        roles.place = roles.place or local_id
                    elif prep in ("by", "from"):
                        roles.agents.append(local_id)
                    elif prep in event_class.target_preps:
                        roles.targets.append(local_id)
            continue
        else:
            continue
        bucket.extend(entities_of(child, context))
    if head.dep_ == "relcl" and not roles.agents:
        roles.agents = entities_of(head.head, context)
    return roles


def entities_of(token: Token, context: ArticleContext) -> list[str]:
    """The entities a dependency-parse argument names, its conjuncts included."""
    found: list[str] = []
    for word in (token, *token.conjuncts):
        local_id = context.owner[word.i]
        if local_id is None and word.lower_ in discourse().pronouns:
            local_id = context.resolve_pronoun(word.i)
        if local_id is not None:
            found.append(local_id)
        else:
            found.extend(context.owner[c.i] for c in word.children
                         if c.dep_ in ("compound", "amod", "poss") and context.owner[c.i])
    return list(dict.fromkeys(found))


def content_topics(head: Token, context: ArticleContext) -> list[str]:
    """Facilities and regions named in what a demand, offer or promise is about, quoted
    words included ("an offer to close the facilities at Yongbyon")."""
    sentence = context.sentence_of(head.i)
    end = min(sentence.end, head.i + TOPIC_REACH)
    found = [context.owner[i] for i in range(head.i + 1, end)
             if context.owner[i] and context.cls_of(context.owner[i]) in CONTENT_TOPIC_CLASSES]
    return list(dict.fromkeys(found))


def is_negated(head: Token, nominal: bool, context: ArticleContext) -> bool:
    """"did not meet", "failed to produce a deal", "no deal", "failure to reach a deal"; a
    past form after "and" has a predicate of its own ("had not met and urged": the urging
    happened; "did not meet and talk" shares the negation)."""
    at = negation_reach(head, context)
    near = words_before(context, at, NEGATION_WINDOW if not nominal else 2)
    far = words_before(context, at, FAILURE_WINDOW)
    conjunction = None if nominal else conjunction_before(head)
    if conjunction is not None and is_past_form(head):
        own = len([t for t in context.doc[conjunction.i + 1:head.i] if not t.is_space])
        near, far = near[len(near) - own:] if own else [], far[len(far) - own:] if own else []
    words = discourse()
    return any(w in words.negation for w in near) or any(w in words.failure for w in far)


def negation_reach(head: Token, context: ArticleContext) -> int:
    """The token before which a negation of ``head`` is sought: the trigger, or the comma
    that opens a phrase right before it ("had not, as of Monday, announced")."""
    before = previous_word(head)
    opening = parenthesis_opening(before, context) \
        if before is not None and before.lower_ == "," else None
    return opening.i if opening is not None else head.i


def is_irrealis(head: Token, event_class: EventClass, context: ArticleContext) -> bool:
    """"hoped to meet", "to secure a deal" (not "secured a deal"): wished for or planned,
    not happened; "even if Washington asked for talks": a condition, not an event. A
    future modal ("would meet") makes an event planned, but states the intent of a promise
    or threat ("would give a firm answer")."""
    words = discourse()
    before = words_before(context, head.i, IRREALIS_WINDOW)
    intent = event_class.name in words.intent_classes
    goal = any(w == "to" and after in words.irrealis_infinitives
               for w, after in pairwise(before))
    return goal or any(w in words.irrealis or w in words.future_modals and not intent
                       for w in before) or clause_opener(head.i, context) in words.conditionals


def clause_opener(i: int, context: ArticleContext) -> str | None:
    """The lower-case word that opens the clause of token ``i`` ("if", "which"), if any."""
    start = context.clause_start(i)
    return context.doc[start - 1].lower_ if start > context.sentence_of(i).start else None


def ordinal_of(head: Token, context: ArticleContext) -> str | None:
    """The ordinal word before a nominal trigger ("second", "initial"), if any."""
    for word in words_before(context, head.i, PREMODIFIER_WINDOW):
        if word in discourse().ordinals and word != "historic":
            return word
    return None


def is_reciprocal(head: Token, context: ArticleContext) -> bool:
    """"Each sought to blame the other": each side is agent and target."""
    before = words_before(context, head.i, PREMODIFIER_WINDOW)
    after = [t.lower_ for t in context.doc[head.i + 1: head.i + PREMODIFIER_WINDOW]]
    words = discourse()
    return any(w in words.reciprocal_agents for w in before) and \
        any(w in words.reciprocal_targets for w in after)


def speech_verb_before(head: Token, context: ArticleContext) -> int | None:
    """The verb of saying whose complement holds ``head`` ("Trump saying Y wanted Z"): not
    one before a clause of its own (", but X reported") or inside a relative clause closed
    before ``head`` ("At the rally, which the paper described as tense, X refused")."""
    sentence = context.sentence_of(head.i)
    lower = context.tokens.lower
    for j in range(head.i - 1, sentence.start - 1, -1):
        token = context.doc[j]
        if lower[j] in (";", "but") and not context.quoted[j]:
            return None
        if token.lower_ in discourse().speech_verbs and not context.quoted[j] \
                and context.owner[j] is None:
            return None if in_closed_relative(j, head.i, context) else j
    return None


def in_closed_relative(j: int, head: int, context: ArticleContext) -> bool:
    """Whether token ``j`` lies in a relative clause (after ", which" or ", who") that a
    comma closes before token ``head``."""
    lower, start = context.tokens.lower, context.sentence_of(j).start
    opener = next((k for k in range(j - 1, start, -1)
                   if lower[k] in discourse().relative_pronouns and lower[k - 1] == ","
                   or lower[k] == ","), None)
    if opener is None or lower[opener] == ",":
        return False
    return any(lower[k] == "," for k in range(j + 1, head))


def past_adverbials(i: int, context: ArticleContext) -> int:
    """The first token from ``i`` on that is not in a time or place adverbial ("agreed on
    Thursday in Tokyo to restart talks": "to")."""
    end = min(len(context.doc), i + ADVERBIAL_REACH)
    j = i
    while j < end:
        token = context.doc[j]
        if j in context.dated_tokens or token.is_space or token.lower_ in ("on", "in", "at"):
            j += 1
        elif context.owner[j] and context.cls_of(context.owner[j]) in PLACE_CLASSES:
            j = context.span_end[j]
        else:
            break
    return j


def fits_its_context(span: Span, event_class: EventClass, context: ArticleContext) -> bool:
    """Whether a trigger that signals its class only in some contexts stands in one: not a
    framing verb before an event ("announced that it would suspend"), a verb that needs
    the result wanted ("wanted all sanctions lifted"), a future ("warned that it
    would retaliate", "warned Japan against ..."), a country ("travelled to Russia") or its
    agent joined by a hyphen ("EU-facilitated talks"). A verb with both a result and next
    words needs either ("asked the bloc to send observers", "asked that ...")."""
    lemma, head = trigger_lemma(span), span[0]
    if lemma in event_class.result_verbs and lemma in event_class.next_words:
        return names_result(head, context) or is_required_next_word(
            word_after_adverbials(span.end, context), event_class.next_words[lemma])
    if lemma in event_class.result_verbs and not names_result(head, context):
        return False
    rest = context.doc[span.end:context.sentence_of(head.i).end]
    if lemma in event_class.future_verbs and not any(
            t.lower_ in discourse().future_modals for t in rest) \
            and not warns_an_object(span, event_class, context):
        return False
    if lemma in event_class.country_verbs and not names_a_country(span.end, context):
        return False
    if lemma in event_class.compound_verbs and not is_agent_compound(head):
        return False
    if lemma in event_class.next_words and not is_required_next_word(
            word_after_adverbials(span.end, context), event_class.next_words[lemma]) \
            and object_noun(span.end, context) not in event_class.next_words[lemma]:
        return False
    if event_class.not_objects and not is_nominal(span, context) \
            and object_noun(span.end, context) in event_class.not_objects:
        return False
    return not frames_an_event(span, event_class, context)


def is_required_next_word(word: str | None, required: frozenset[str]) -> bool:
    """Whether ``word`` is one of the ``required`` next words, where "-ing" stands for any
    -ing form ("denied sending drones": an act denied, not "denied the visa")."""
    return word is not None and (word in required
                                 or ("-ing" in required and len(word) > 4 and word.endswith("ing")))


def past_adverbs(i: int, context: ArticleContext) -> int:
    """The first token from ``i`` on past time and place adverbials and adverbs ("appealed
    on Monday directly to": "to")."""
    i = past_adverbials(i, context)
    while i < len(context.doc) and context.doc[i].lower_.endswith("ly") \
            and context.doc[i].is_lower:
        i = past_adverbials(i + 1, context)
    return i


def word_after_adverbials(i: int, context: ArticleContext) -> str | None:
    """The lower-case word at token ``i`` or after it, past time and place adverbials and
    adverbs ("appealed on Monday directly to": "to")."""
    i = past_adverbs(i, context)
    return context.doc[i].lower_ if i < len(context.doc) else None


def object_noun(i: int, context: ArticleContext) -> str | None:
    """The lower-case head of the noun phrase that starts at token ``i``: the last word of
    its determiners and modifiers ("his deepest condolences": "condolences")."""
    end = context.sentence_of(i - 1).end
    head = None
    while i < end and (context.doc[i].is_space or context.doc[i].lower_ in DETERMINERS
                       or context.doc[i].lower_ in QUOTE_MARKS
                       or context.doc[i].lower_ == "our"
                       or is_modifier_word(context.doc[i])):
        if is_modifier_word(context.doc[i]):
            head = context.doc[i].lower_
        i += 1
    return head


def names_a_country(i: int, context: ArticleContext) -> bool:
    """Whether the first word from token ``i`` on, past determiners, is a country's name."""
    while i < len(context.doc) and (context.doc[i].is_space
                                    or context.doc[i].lower_ in DETERMINERS):
        i += 1
    return i < len(context.doc) and context.owner[i] is not None \
        and context.cls_of(context.owner[i]) == "Country"


def warns_an_object(span: Span, event_class: EventClass, context: ArticleContext) -> bool:
    """Whether a preposition of ``future_preps`` follows the object of a future verb in its
    clause ("warned Japan against forming blocs"; not "warned against complacency")."""
    return any(context.doc[j].lower_ in event_class.future_preps
               for j in range(span.end + 1, context.clause_end(span.end - 1)))


def names_result(verb: Token, context: ArticleContext) -> bool:
    """Whether the object of ``verb`` is followed by the result wanted: a participle after
    a noun ("wanted all sanctions lifted", not "asked whether they had been freed") or an
    infinitive ("wanted Washington to pay"), before any punctuation; a negation is no
    object ("asked not to be named")."""
    after = next_word(verb)
    if after is None or after.lower_ in discourse().negation:
        return False
    for j in range(verb.i + 2, context.clause_end(verb.i)):
        token, before = context.doc[j], previous_word(context.doc[j])
        if token.is_punct:
            return False
        if opens_infinitive(j, context) or is_past_form(token) and token.is_lower \
                and token.lower_ not in AUXILIARIES \
                and before is not None and before.i > verb.i and before.lower_ not in DETERMINERS \
                and before.lower_ not in AUXILIARIES and not before.is_punct:
            return True
    return False


def frames_an_event(span: Span, event_class: EventClass, context: ArticleContext) -> bool:
    """A framing verb whose "that" clause names an event of its own ("announced that it
    would suspend its participation"): the event is the clause's, not the announcement."""
    if trigger_lemma(span) not in event_class.frames:
        return False
    end = context.sentence_of(span.start).end
    that = next((j for j in range(span.end, end) if context.doc[j].lower_ == "that"), None)
    return that is not None and any(j in context.trigger_tokens for j in range(that + 1, end))


def trigger_mention(span: Span, context: ArticleContext, number: int) -> EventMention | None:
    """The event mention of one trigger span, or None where it is not an event."""
    head = span[-1] if is_nominal(span, context) else span[0]
    if context.quoted[head.i] or context.owner[head.i] or is_gerund_modifier(span):
        return None
    nominal = is_nominal(span, context)
    event_class = event_classes()[span.label_]
    if not nominal:
        event_class = with_verb_preps(class_of_use(span, event_class, context),
                                      trigger_lemma(span))
    else:
        event_class = light_verb_class(head, event_class, context)
    reported = span.kb_id_ == "reported"
    speech_verb = speech_verb_before(head, context)
    if reported and speech_verb is None or not fits_its_context(span, event_class, context):
        return None
    roles = dependency_roles(head, event_class, context) if context.parsed \
        else Roles()
    if roles.is_empty():
        roles = (nominal_roles if nominal else verbal_roles)(head, event_class, context)
    if event_class.name in discourse().content_classes:
        roles.topics += content_topics(head, context)
    if event_class.symmetric:
        roles.actors += roles.agents + roles.targets
        roles.agents, roles.targets = [], []
    actors = list(dict.fromkeys(roles.agents + roles.targets + roles.actors))
    event = Event(local_id=f"event{number}", cls=event_class.name, trigger=trigger_lemma(span)
                  or span.text.lower(), cameo=event_class.cameo,
                  agents=list(dict.fromkeys(a for a in roles.agents if a not in roles.targets)),
                  targets=list(dict.fromkeys(roles.targets)),
                  actors=actors, place=roles.place, topics=list(dict.fromkeys(roles.topics)),
                  mentions=[context.mention(span)], negated=is_negated(head, nominal, context),
                  confidence=0.7 if actors else 0.4)
    mention = EventMention(event=event, token=head.i, nominal=nominal,
                           ordinal=ordinal_of(head, context) if nominal else None,
                           reciprocal=not actors and is_reciprocal(head, context),
                           counterparts=roles.counterparts)
    if not nominal and speech_verb is not None and speech_verb != head.i \
            and not is_reduced_relative(head, context) \
            and coordinated_speech_verb(head, context) is None:
        mention.speech_verb = speech_verb
    mention.suppressed = not event.negated and is_irrealis(head, event_class, context) \
        or is_charged_act(head)
    return mention


def is_charged_act(verb: Token) -> bool:
    """An -ing form right after "of": what someone is accused or suspected of ("accused
    Russia of denying access", "guilty of violating the truce"), not an act the text
    reports as done."""
    before = previous_word(verb)
    return verb.lower_.endswith("ing") and before is not None and before.lower_ == "of"


def is_presupposed(mention: EventMention, context: ArticleContext) -> bool:
    """A participle describing a standing state ("sanctions imposed on it") is not content."""
    return not mention.nominal and is_reduced_relative(context.doc[mention.token], context)


def is_coordinated_verb(mention: EventMention, context: ArticleContext) -> bool:
    """A verb trigger after "and" (and auxiliaries): a new predicate, not an object."""
    return not mention.nominal and conjunction_before(context.doc[mention.token]) is not None


def conjunction_before(verb: Token) -> Token | None:
    """The "and" or "but" right before a verb and its auxiliaries ("and had offered"), if
    any."""
    before = previous_word(verb)
    while before is not None and before.lower_ in AUXILIARIES:
        before = previous_word(before)
    return before if before is not None and before.lower_ in VERB_CONJUNCTIONS else None


def suppress_content(mentions: list[EventMention], context: ArticleContext) -> None:
    """Mark triggers inside the content of another event ("promised further negotiations"),
    but not a verb coordinated with it ("rejected the measures and accused the US") nor the
    speech where it was said ("rejected the plan at a news conference"). Only a verb opens
    content: a noun is itself what another verb says or does ("welcomed the pledge in a
    statement": the statement is an event of its own)."""
    content_classes = discourse().content_classes
    open_until = -1
    for mention in mentions:
        if mention.token < open_until and not is_presupposed(mention, context) \
                and not is_coordinated_verb(mention, context) \
                and not is_speech_setting(mention, context):
            mention.suppressed = True
            continue
        if mention.event.cls in content_classes and not mention.suppressed \
                and not mention.nominal \
                and not is_agent_compound(context.doc[mention.token]):  # "EU-brokered talks"
            open_until = context.clause_end(mention.token)


def is_speech_setting(mention: EventMention, context: ArticleContext) -> bool:
    """A noun of speech named after "at" as where something was said ("rejected the plan at
    a news conference"), or after "in" where words describe it ("rejected it in a televised
    address": ``is_described_occasion``): the occasion of the clause, not part of what it
    says. After "in" alone it stays content ("rejected it in a statement" is the rejection
    alone): read as a statement there too, it added false positives on unseen text."""
    noun = context.doc[mention.token]
    at = speech_setting(noun, context) if mention.nominal else None
    return event_classes()[mention.event.cls].speech and at is not None and (
        at.lower_ == "at" or is_described_occasion(noun, at, context))


def is_described_occasion(noun: Token, at: Token, context: ArticleContext) -> bool:
    """Whether a noun of speech after "in" is told as a public act of its own: with words
    that describe it ("rejected the offer in a live video", "in a televised speech", "in a
    short statement") or as a name of several words ("in a televised address")."""
    start = min((span.start for span in context.triggers_at.get(noun.i, ())), default=noun.i)
    return start < noun.i or any(context.doc[j].lower_ not in DETERMINERS
                                 for j in range(at.i + 1, start))


def decisions_as_acts(mentions: list[EventMention], context: ArticleContext) -> None:
    """An agreement to do an act that is done by deciding it ("EU ministers agreed to
    suspend sanctions": arguments.yaml decided_classes) is that act, not a promise: the
    promise is left out and the act takes its agents."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        after = next_word(context.doc[mention.token])
        if mention.nominal or after is None or not is_before_infinitive(mention.event):
            continue
        to = past_adverbials(after.i, context)
        act = by_token.get(to + 1) if opens_infinitive(to, context) else None
        if act is None or act.event.cls not in argument_words().decided_classes:
            continue
        mention.suppressed, mention.decided = True, act
        act.event.agents = act.event.agents or list(mention.event.agents
                                                    or mention.event.actors)
        act.event.actors = list(dict.fromkeys(act.event.agents + act.event.actors))


def is_before_infinitive(event: Event) -> bool:
    """Whether an event's verb is one whose class turns on the infinitive after it
    ("agreed to ...": a Promise or an Agreement) and the event has one of the two."""
    return any(c.before_infinitive is not None and event.cls in (c.name, c.before_infinitive)
               and event.trigger in c.verbs for c in event_classes().values())


def absorb_objects(mentions: list[EventMention], context: ArticleContext) -> list[EventMention]:
    """A noun trigger that is the object of a verb trigger of its class ("signed a deal
    with Japan", "held a meeting with Kim") names the verb's event: its actors join the
    verb's, and it is no event of its own."""
    result: list[EventMention] = []
    for mention in mentions:
        verb = result[-1] if result else None
        if verb is not None and mention.nominal and not verb.nominal \
                and family(verb.event.cls) == family(mention.event.cls) \
                and 0 < mention.token - verb.token <= OBJECT_REACH \
                and context.clause_end(verb.token) > mention.token:
            joined = verb.event
            for name in ("targets", "actors", "topics"):
                setattr(joined, name, list(dict.fromkeys(getattr(joined, name)
                                                         + getattr(mention.event, name))))
            joined.place = joined.place or mention.event.place
            continue
        result.append(mention)
    return result


def family(cls: str) -> str:
    """The class a class corefers with: its superclass where it has one ("Summit" -> "Meeting")."""
    return SUBCLASS_OF.get(cls, cls)


def copy_event(event: Event, n: int, agents: list[str], targets: list[str],
               actors: list[str]) -> Event:
    """The ``n``-th event made of one mention, with its own participants."""
    return Event(**{**event.__dict__, "local_id": f"{event.local_id}-{n}", "agents": agents,
                    "targets": targets, "actors": actors, "mentions": list(event.mentions)})


def expand_counterparts(mentions: list[EventMention]) -> list[EventMention]:
    """Give a joint event with counterparts in groups one event per group, with the other
    participants and dated from its preposition on ("spoke with Putin on Sunday and with
    Zelensky on Monday": a call with each)."""
    result: list[EventMention] = []
    for mention in mentions:
        grouped = {local_id for _, group in mention.counterparts for local_id in group}
        hosts = [a for a in mention.event.actors if a not in grouped]
        if not mention.counterparts or not hosts:
            result.append(mention)
            continue
        for n, (at, group) in enumerate(mention.counterparts):
            copy = copy_event(mention.event, n, [], [], hosts + group)
            result.append(EventMention(event=copy, token=mention.token if n == 0 else at,
                                       nominal=False, suppressed=mention.suppressed,
                                       speech_verb=mention.speech_verb))
    return result


def expand_reciprocal(mentions: list[EventMention]) -> list[EventMention]:
    """Give "each blamed the other" one event per side, sides from the last two-party event."""
    result: list[EventMention] = []
    for mention in mentions:
        if not mention.reciprocal:
            result.append(mention)
            continue
        pair = next((m.event.actors for m in reversed(result)
                     if len(m.event.actors) == 2 and not m.suppressed), None)
        if pair is None:
            result.append(mention)
            continue
        for n, (agent, target) in enumerate((pair, pair[::-1])):
            copy = copy_event(mention.event, n, [agent], [target], [agent, target])
            result.append(EventMention(event=copy, token=mention.token, nominal=mention.nominal))
    return result


def sides_of_actors(context: ArticleContext) -> dict[str, str]:
    """The state each person of the article stands for (``ArticleContext.side_of``)."""
    return {entity.local_id: side for entity in context.entities
            if (side := context.side_of(entity.local_id)) != entity.local_id}


def main_sides(mentions: list[EventMention], sides: dict[str, str]) -> list[str]:
    """The two sides of the article's most reported two-sided event, or none."""
    pairs: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], int] = {}
    for n, mention in enumerate(mentions):
        pair = tuple(sorted({sides.get(a, a) for a in mention.event.actors}))
        if len(pair) == 2 and not mention.suppressed:
            pairs[pair] += 1
            first.setdefault(pair, n)
    if not pairs:
        return []
    return list(max(pairs, key=lambda pair: (pairs[pair], -first[pair])))


def address_to_counterparts(mentions: list[EventMention], context: ArticleContext) -> None:
    """Targets from the two sides of the article's two-sided events, where the text names
    none: a verb followed by "both sides" is addressed to both, a mediation by a third
    party is between them (``joint_targets``), and a demand, offer or threat is
    addressed to the agent's counterpart (``counterpart_target``)."""
    sides = sides_of_actors(context)
    pair = main_sides(mentions, sides)
    for mention in mentions:
        event = mention.event
        if not pair or event.targets and not addresses_the_sides(mention, context):
            continue
        targets = joint_targets(mention, pair, sides, context) \
            or ([] if event.targets else counterpart_target(mention, mentions, sides, context))
        if targets:
            event.actors = [a for a in event.actors if a not in event.targets]
            event.targets = targets
            event.actors = list(dict.fromkeys(event.actors + targets))


def mediated_participants(mentions: list[EventMention], context: ArticleContext) -> None:
    """A mediation without a target that names the meeting it mediated, as its object or
    its passive subject ("who brokered the encounter", "The meeting was mediated by X"),
    is between the participants of that meeting: the last meeting told before with two or
    more participants (``named_meeting``)."""
    for n, mention in enumerate(mentions):
        event = mention.event
        if event.cls not in argument_words().between_classes or event.targets \
                or mention.nominal or not names_a_meeting(n, mentions, context):
            continue
        met = next((m.event for m in reversed(mentions[:n + 2]) if m is not mention
                    and m.token <= mention.token + OBJECT_REACH and not m.suppressed
                    and family(m.event.cls) in MET_FAMILIES
                    and len(set(m.event.actors) - set(event.agents)) > 1), None)
        if met is not None:
            event.targets = [a for a in met.actors if a not in event.agents]
            event.actors = list(dict.fromkeys(event.actors + event.targets))


def names_a_meeting(n: int, mentions: list[EventMention], context: ArticleContext) -> bool:
    """Whether a noun trigger of a meeting or talks stands right after the verb of mention
    ``n`` (its object) or right before it (the subject of its passive); not one of a series
    ("helped arrange the first meeting" names a meeting of a series, maybe not the last
    one told)."""
    verb = mentions[n].token
    return any(m.nominal and family(m.event.cls) in MET_FAMILIES and m.ordinal is None
               and (0 < m.token - verb <= PREMODIFIER_WINDOW
                    or 0 < verb - m.token <= PREMODIFIER_WINDOW
                    and is_passive(context.doc[verb]))
               for m in mentions[max(0, n - 2):n + 3])


def address_to_those_met(mentions: list[EventMention], context: ArticleContext) -> None:
    """An act of one party on another (arguments.yaml agentive_classes, not a visit) without
    a target, whose verb follows "and" after a meeting or call of its agent in the same
    sentence and names no one it is addressed to (``leaves_out_addressee``), is addressed
    to the others met ("spoke by telephone with Sugiono and asked that the crews be treated
    humanely": Sugiono is asked); not after a meeting that did not take place."""
    words = argument_words()
    for n, mention in enumerate(mentions):
        event = mention.event
        if event.cls not in words.agentive_classes - words.visit_classes or event.targets \
                or not event_classes()[event.cls].target_preps or len(event.agents) != 1 \
                or mention.nominal or conjunction_before(context.doc[mention.token]) is None \
                or not leaves_out_addressee(mention, context):
            continue
        sentence = context.sentence_index[mention.token]
        meeting = next((m for m in reversed(mentions[:n])
                        if context.sentence_index[m.token] == sentence and not m.suppressed
                        and not m.event.negated and family(m.event.cls) == "Meeting"), None)
        if meeting is None or event.agents[0] not in meeting.event.actors:
            continue
        event.targets = [a for a in meeting.event.actors if a not in event.agents]
        event.actors = list(dict.fromkeys(event.actors + event.targets))


def leaves_out_addressee(mention: EventMention, context: ArticleContext) -> bool:
    """Whether the verb of a mention goes on, past time and place words, with "that", an
    infinitive or a preposition that introduces no target of its class ("asked that",
    "promised to", "appealed for"), not with an object ("accused the three countries")."""
    at = past_adverbials(mention.token + 1, context)
    if at >= len(context.doc):
        return False
    word = context.doc[at].lower_
    return word == "that" or opens_infinitive(at, context) or word in PREPOSITIONS \
        and word not in event_classes()[mention.event.cls].target_preps


def addresses_the_sides(mention: EventMention, context: ArticleContext) -> bool:
    """A verb whose object stands for the article's two sides, whoever it was first taken
    for: "them" (``addresses_them``) or "both sides" (``names_both_sides``; "urged both
    sides" after a sentence naming two other states is still addressed to the two sides)."""
    return addresses_them(mention, context) \
        or not mention.nominal and names_both_sides(mention.token, context)


def addresses_them(mention: EventMention, context: ArticleContext) -> bool:
    """A verb whose object is "them" ("urged them to suspend the tariffs"): addressed to
    the two sides where its agent is a third party (``joint_targets``), whoever the
    pronoun was first taken for."""
    after = next_word(context.doc[mention.token])
    return not mention.nominal and after is not None and after.lower_ == "them"


def joint_targets(mention: EventMention, pair: list[str], sides: dict[str, str],
                  context: ArticleContext) -> list[str]:
    """Both sides, for a verb followed by "both sides", or by "them" or a mediation where
    its agent is a third party."""
    event = mention.event
    third_party = bool(event.agents) and not {sides.get(a, a) for a in event.agents} & set(pair)
    if not mention.nominal and names_both_sides(mention.token, context) or third_party and (
            addresses_them(mention, context)
            or event.cls in argument_words().between_classes):
        return [side for side in pair if side not in event.agents]
    return []


def counterpart_target(mention: EventMention, mentions: list[EventMention],
                       sides: dict[str, str], context: ArticleContext) -> list[str]:
    """The other side for an addressed event of one agent: named in the agent's own class
    (a state for a state), or the other side of a person who stands for one of them. The
    sides come from the events of the other sentences: a counterpart in the event's own
    sentence would be named as its target ("rejected the idea and accused Trump")."""
    event = mention.event
    if event.cls not in argument_words().addressed_classes or len(event.agents) != 1:
        return []
    sentence = context.sentence_index[mention.token]
    pair = main_sides([m for m in mentions if context.sentence_index[m.token] != sentence],
                      sides)
    agent = event.agents[0]
    targets = [side for side in pair if side != sides.get(agent, agent)]
    if len(targets) != 1 or not (context.cls_of(targets[0]) == context.cls_of(agent)
                                 or sides.get(agent) in pair):
        return []
    return targets


def answer_targets(mentions: list[EventMention], context: ArticleContext) -> None:
    """A rejection or condemnation of an earlier event named right after it ("rejected the
    accusation", "condemned the launch", "rejected the measures") targets every agent of
    that event, each as the state it stands for where the answering agent is a state
    (``answered_agents``); one of what someone owns ("disputed his account") targets the
    owner, one at someone's request the requester, one of what a demonym describes ("a
    Russian demand": ``described_owner``) the last such event of that state, else the state,
    and one of "their" proposal, naming no earlier event, whoever "their" stands for
    (``plural_owner``)."""
    sides = sides_of_actors(context)
    for n, mention in enumerate(mentions):
        event = mention.event
        if event.cls not in argument_words().answer_classes or event.targets \
                or len(event.agents) != 1:
            continue
        target = answered_possessor(mention, context) or requester(mention, context)
        described = described_owner(mention, context)
        answered = answered_classes(mention, mentions[n + 1:n + 2], context)
        earlier = next((m for m in reversed(mentions[:n]) if m.event.cls in answered
                        and m.event.agents and not m.suppressed
                        and not answers_itself(m.event, event, sides)
                        and (described is None
                             or described in {sides.get(a, a) for a in m.event.agents})), None)
        targets = [target] if target is not None else \
            answered_agents(earlier.event, event.agents[0], sides, context) if earlier else \
            [described] if described is not None else plural_owner(mention, context)
        targets = [t for t in targets if t not in event.agents]
        if targets:
            event.targets = targets
            event.actors = list(dict.fromkeys(event.actors + targets))


def answered_agents(earlier: Event, answerer: str, sides: dict[str, str],
                    context: ArticleContext) -> list[str]:
    """The agents of an answered event, each as the state it stands for where the answerer
    is a state ("Iran rejected the accusation" made by the US envoy: the US); all of them
    ("rejected their demand": France, Germany and Britain, who made it)."""
    found = []
    for agent in earlier.agents:
        side = sides.get(agent, agent)
        found.append(side if context.cls_of(side) == context.cls_of(answerer) else agent)
    return list(dict.fromkeys(found))


def plural_owner(mention: EventMention, context: ArticleContext) -> list[str]:
    """The one "their" stands for right after an answer that names no earlier event
    ("rejected their proposal")."""
    owner = next_word(context.doc[mention.token])
    found = context.resolve_pronoun(owner.i) if owner is not None and owner.lower_ == "their" \
        else None
    return [found] if found else []


def lifted_targets(mentions: list[EventMention], context: ArticleContext) -> None:
    """Sanctions lifted without a target named are lifted from whom they were imposed on:
    the targets of the imposition told in the same sentence ("lifted some of the measures it
    imposed on Kosovo"), else of the last one told before, by the same agents or by none
    named; only where someone is named to lift them ("talk of sanctions relief" is none)."""
    for n, mention in enumerate(mentions):
        event = mention.event
        if event.cls != "SanctionLifted" or event.targets or not event.agents:
            continue
        sentence = context.sentence_index[mention.token]
        same = list(takewhile(lambda m: context.sentence_index[m.token] == sentence,
                              (mentions[k] for k in range(n + 1, len(mentions)))))
        imposed = next((m.event for m in [*same, *reversed(mentions[:n])]
                        if m.event.cls == "SanctionImposed" and m.event.targets
                        and (not m.event.agents or set(m.event.agents) & set(event.agents))),
                       None)
        if imposed is not None:
            event.targets = [t for t in imposed.targets if t not in event.agents]
            event.actors = list(dict.fromkeys(event.actors + event.targets))


def requester(mention: EventMention, context: ArticleContext) -> str | None:
    """Who asked for what a rejection refuses, named later in its clause, maybe after an
    article ("refused to release the gold at the request of Maduro's government": Maduro;
    "turned down a request from the European Union")."""
    if mention.event.cls != "Rejection":
        return None
    end = context.sentence_of(mention.token).end
    words = [(t.i, t.lower_) for t in context.doc[mention.token + 1:end] if not t.is_space]
    lowers = [lower for _, lower in words]
    for at, (i, _) in enumerate(words):
        if context.is_boundary(context.doc[i]):
            return None
        phrase = next((p for p in argument_words().request_phrases
                       if starts_with(lowers, at, p)), None)
        if phrase is not None:
            named = next((i for i, lower in words[at + len(phrase):] if lower not in ARTICLES),
                         None)
            return context.owner[named] if named is not None else None
    return None


def answered_possessor(mention: EventMention, context: ArticleContext) -> str | None:
    """The owner of what an answer rejects or condemns, named as its possessor ("disputed
    his account", "rejected Kim's offer")."""
    owner = next_word(context.doc[mention.token])
    if owner is not None and owner.lower_ in ARTICLES:
        return None
    if owner is not None and owner.lower_ in discourse().represented_possessives:
        return context.resolve_pronoun(owner.i)
    if owner is not None and context.owner[owner.i]:
        end = context.span_end[owner.i]
        if end < len(context.doc) and context.doc[end].lower_ in ("'s", "’s"):
            return context.owner[owner.i]
    return None


def described_owner(mention: EventMention, context: ArticleContext) -> str | None:
    """The state a demonym after an article names as the maker of what an answer rejects
    or condemns, where it describes the noun after it: a noun trigger or a noun of
    answered_nouns ("rejected a Russian demand", "dismissed the Thai account": Russia,
    Thailand)."""
    article = next_word(context.doc[mention.token])
    if article is None or article.lower_ not in ARTICLES or article.i + 1 >= len(context.doc):
        return None
    local_id = context.owner[article.i + 1]
    if local_id is None or context.cls_of(local_id) != "Country":
        return None
    noun = context.span_end[article.i + 1]
    if noun >= len(context.doc) or not context.doc[noun].is_lower:
        return None
    return local_id if noun in context.trigger_tokens \
        or context.doc[noun].lower_ in argument_words().answered_nouns else None


def answered_classes(mention: EventMention, following: list[EventMention],
                     context: ArticleContext) -> frozenset[str]:
    """The classes the event an answer names as its object may have: that of a noun
    trigger right after it ("the accusation"), or those a noun stands for ("the measures":
    sanctions; "the move": any act; "the remark": anything said); none where it names
    no event."""
    named = next((m for m in following if m.nominal
                  and 0 < m.token - mention.token <= PREMODIFIER_WINDOW), None)
    if named is not None:
        return frozenset({named.event.cls})
    words = argument_words()
    end = min(context.clause_end(mention.token), mention.token + PREMODIFIER_WINDOW + 1)
    noun = next((context.doc[j].lower_ for j in range(mention.token + 1, end)
                 if context.doc[j].lower_ in words.answered_nouns), None)
    if noun is None:
        return frozenset()
    kind = words.answered_nouns[noun]
    return words.answered_groups.get(kind, frozenset({kind}))


def answers_itself(earlier: Event, answer: Event, sides: dict[str, str]) -> bool:
    """Whether an earlier event is the answering side's own: no one answers their own act."""
    return sides.get(earlier.agents[0], earlier.agents[0]) \
        in {sides.get(agent, agent) for agent in answer.agents}


def names_both_sides(i: int, context: ArticleContext) -> bool:
    """Whether the words right after token ``i`` are "both sides" or the like, maybe after a
    preposition and an infinitive ("appealed to both parties", "offered to mediate between
    the two governments")."""
    words = [t.lower_ for t in context.doc[i + 1:min(i + 9, context.clause_end(i))]
             if not t.is_space]
    for at in range(min(len(words), BOTH_SIDES_REACH + 1)):
        if any(starts_with(words, at, phrase) for phrase in argument_words().both_sides):
            return True
        if is_plural_pair(words[at:at + 3]):
            return True
        if words[at] not in BOTH_SIDES_LEADS and not (at and words[at - 1] == "to"):
            return False
    return False


def is_plural_pair(words: list[str]) -> bool:
    """Whether ``words`` open with "both" or "the two" and a plural noun ("both chambers",
    "the two delegations").

    >>> is_plural_pair(["the", "two", "chambers"]), is_plural_pair(["both", "of"])
    (True, False)
    """
    noun = words[1:2] if words[:1] == ["both"] else words[2:3] if words[:2] == ["the", "two"] else []
    return bool(noun) and noun[0].isalpha() and noun[0].endswith("s") and not noun[0].endswith("ss")


def country_of_place(local_id: str, context: ArticleContext) -> str | None:
    """The article's entity for the country a city or region lies in, per the lexicon."""
    entity = context.entity(local_id)
    entry = lexicon_of(context.doc).entries.get(entity.lexicon_id or "") if entity else None
    if entry is None or entry.located_in is None:
        return None
    return next((e.local_id for e in context.entities
                 if e.lexicon_id == entry.located_in and e.cls == "Country"), None)


def visited_countries(mentions: list[EventMention], context: ArticleContext) -> None:
    """A visit's target is the country visited: the country it took place in, or the
    country of its city; none for a trip at home ("Trump visited California")."""
    for mention in mentions:
        event = mention.event
        if event.cls not in argument_words().visit_classes or event.targets \
                or event.place is None:
            continue
        if context.cls_of(event.place) == "Country":
            host, event.place = event.place, None
        else:
            host = country_of_place(event.place, context)
        if host is not None and host not in {context.side_of(a) for a in event.agents}:
            event.targets = [host]
            event.actors = list(dict.fromkeys(event.actors + [host]))


def stated_intents(mentions: list[EventMention], context: ArticleContext) -> list[EventMention]:
    """What a speaker says their side will do is the speaker's own commitment: "Medinsky
    said Moscow would reduce its activity" is his Promise, "he said Ukraine would not trade
    its land" his Rejection, "it said it will cut its compliance unless ..." a Threat; what
    they say another party must do is their Demand on it ("Zarif said the US had to end its
    sanctions"); the classes per form are arguments.yaml ``stated_intents``. An intent
    trigger in such a clause ("would give a firm answer") takes the speaker as agent; a
    clause without one ("would withdraw its complaint once talks began") becomes an event
    of its own."""
    found: list[EventMention] = []
    by_token = {m.token: m for m in mentions}
    for said in speech_verbs_of(context):
        speakers = said_by(context.doc[said], context)
        modal = reported_modal_after(said, context)
        if not speakers or modal is None:
            continue
        at, obliged = modal
        if states_a_wish(at, context):
            continue
        sides = set(speakers) | {context.side_of(s) for s in speakers}
        subject = context.subject_before(at) if follows_subject(at, context) else []
        if not subject or obliged == bool(set(subject) & sides) \
                or not obliged and not set(subject) <= sides:
            continue
        triggered = [by_token[j] for j in range(at + 1, context.clause_end(at)) if j in by_token]
        if obliged:
            for mention in triggered:
                mention.suppressed = True
            found.append(intent_mention(at, "obliged", speakers, subject, context, len(found)))
            continue
        intents = [m for m in triggered if m.event.cls in discourse().intent_classes]
        for mention in intents:
            speak_for(mention, speakers)
        form = intent_form(at, context)
        if not intents and form in argument_words().stated_intents:
            found.append(intent_mention(at, form, speakers, [], context, len(found)))
    return sorted(mentions + found, key=lambda m: m.token)


def readiness_of_speakers(mentions: list[EventMention], context: ArticleContext) -> None:
    """An offer made by stating readiness in a reported clause ("Mao said China was ready
    to help its neighbours", "She added that Canada remained open to talks with China") is
    the speaker's own act, as a stated intent is, where it names whom it is made to: the
    speakers are its agents, in place of the clause's subject, which is no target either
    (arguments.yaml readiness_words; "said Washington remained open to dialogue" stays)."""
    words = argument_words().readiness_words
    for mention in mentions:
        if mention.speech_verb is None or mention.nominal or mention.suppressed \
                or not words & set(mention.event.trigger.split()):
            continue
        speakers = said_by(context.doc[mention.speech_verb], context)
        subject = context.subject_before(mention.token)
        targets = [t for t in mention.event.targets if t not in subject]
        if speakers and targets:
            mention.event.targets = targets
            speak_for(mention, speakers)


def said_by(said: Token, context: ArticleContext) -> list[str]:
    """The speakers of a verb of saying: the subject of the verb before "and" ("urged
    Japan to act and said": not Japan), else its own subject or controller."""
    if conjunction_before(said) is not None:
        return controller_subject(said, context)
    return speaker_of(said.i, context) or controller_subject(said, context)


def states_a_wish(modal: int, context: ArticleContext) -> bool:
    """Whether the verb after a modal, past a negation, is one of wishing ("would prefer",
    "would not welcome"): the clause states a wish, no intent."""
    after = next_word(context.doc[modal])
    while after is not None and after.lower_ in discourse().negation:
        after = next_word(after)
    return after is not None and after.lower_ in argument_words().wish_verbs


def speak_for(mention: EventMention, speakers: list[str]) -> None:
    """Make a reported intent the speakers' own: they are its agents, it is no claim."""
    mention.event.agents = list(speakers)
    mention.event.actors = list(dict.fromkeys(speakers + mention.event.targets))
    mention.speech_verb = None


def speech_verbs_of(context: ArticleContext) -> list[int]:
    """The tokens of verbs of saying right after their subject ("Moon said", "he has
    said", "Medinsky, said") or after "and" ("appealed for calm and said"; not "written
    proposals"), outside quotes and triggers."""
    words = discourse().speech_verbs
    return [i for i, lower in enumerate(context.tokens.lower) if lower in words
            and context.boundary[i] and not context.quoted[i] and context.owner[i] is None
            and i not in context.trigger_tokens and (
                follows_subject(i, context) or conjunction_before(context.doc[i]) is not None)]


def follows_subject(i: int, context: ArticleContext) -> bool:
    """Whether the word before token ``i``, past auxiliaries and adverbs, ends a name, is a
    pronoun or a comma."""
    before = previous_word(context.doc[i])
    while before is not None and (before.lower_ in AUXILIARIES or before.lower_.endswith("ly")):
        before = previous_word(before)
    return before is not None and (context.owner[before.i] is not None or before.lower_ == ","
                                   or before.lower_ in discourse().pronouns)


def reported_modal_after(said: int, context: ArticleContext) -> tuple[int, bool] | None:
    """The first modal of the future or of obligation in the clause a verb of saying
    reports ("said Moscow would", "said the US had to"), before any other verb of saying,
    and whether it obliges."""
    end = context.sentence_of(said).end
    words = [t.lower_ for t in context.doc[said + 1:end]]
    for n, lower in enumerate(words):
        j = said + 1 + n
        if context.quoted[j] or lower in discourse().speech_verbs and context.boundary[j]:
            return None
        if lower in discourse().future_modals:
            return j, False
        if any(starts_with(words, n, phrase) for phrase in discourse().obligation_modals):
            return j, True
    return None


def intent_form(modal: int, context: ArticleContext) -> str:
    """How a stated intent is put: negated after its modal, as an answer to another side
    ("would respond"), under a condition later in the sentence, a plan of the speaker's
    own ("he would return") or plainly stated. A
    quote mark may open the quoted words after the modal (would "not amend its law")."""
    after = next_word(context.doc[modal])
    while after is not None and after.lower_ in QUOTE_MARKS:
        after = next_word(after)
    end = context.sentence_of(modal).end
    if after is not None and after.lower_ in discourse().negation:
        return "negated"
    if after is not None and after.lower_ in argument_words().retaliation_verbs:
        return "retaliatory"
    if any(context.doc[j].lower_ in discourse().conditionals for j in range(modal + 1, end)):
        return "conditional"
    return "personal" if is_personal_subject(previous_word(context.doc[modal])) else "stated"


def is_personal_subject(word: Token | None) -> bool:
    """Whether ``word`` is a pronoun that stands only for a person ("he", "she"): what
    the speaker says they will do themselves is a plan ("said he would return to Poland"),
    unlike what they say their side will do ("said Moscow would reduce its activity").

    >>> from spacy.lang.en import English
    >>> is_personal_subject(English()("she would")[0]), is_personal_subject(None)
    (True, False)
    """
    return word is not None and discourse().pronouns.get(word.lower_) == {"Person"}


def intent_mention(modal: int, form: str, speakers: list[str], targets: list[str],
                   context: ArticleContext, number: int) -> EventMention:
    """The event of a stated intent or obligation without a trigger of its own; a stated
    intent's target follows one of its class's prepositions ("would coordinate its support
    with Canberra")."""
    event_class = event_classes()[argument_words().stated_intents[form]]
    span = context.doc[modal:context.clause_end(modal)]
    if not targets:
        targets = [a.local_id for a in context.arguments_after(modal, limit=span.end)
                   if a.prep in event_class.target_preps
                   and context.cls_of(a.local_id) in AGENT_CLASSES
                   and a.local_id not in speakers]
    event = Event(local_id=f"intent{number}", cls=event_class.name, trigger=span[0].lower_,
                  cameo=event_class.cameo, agents=list(speakers), targets=list(targets),
                  actors=list(dict.fromkeys(speakers + targets)),
                  mentions=[context.mention(span)], confidence=0.5)
    return EventMention(event=event, token=modal, nominal=False)


def event_mentions(context: ArticleContext) -> list[EventMention]:
    """Every event mention of the article with its actors, in text order, suppressed ones
    marked (kg/extract/setting.py then gives them places and dates and drops those)."""
    mentions = [mention for number, span in enumerate(context.doc.spans.get("kg_triggers", []))
                if (mention := trigger_mention(span, context, number)) is not None]
    mentions = absorb_objects(mentions, context)
    decisions_as_acts(mentions, context)
    suppress_content(mentions, context)
    mentions = stated_intents(mentions, context)
    readiness_of_speakers(mentions, context)
    mentions = expand_counterparts(expand_reciprocal(mentions))
    address_to_those_met(mentions, context)
    mediated_participants(mentions, context)
    address_to_counterparts(mentions, context)
    answer_targets(mentions, context)
    lifted_targets(mentions, context)
    visited_countries(mentions, context)
    statements_as_subjects(mentions, context)
    leave_out_unattributed(mentions)
    return mentions


def statements_as_subjects(mentions: list[EventMention], context: ArticleContext) -> None:
    """A verb whose subject is a noun of speech that names a statement again ("The
    statement also criticised Kenya") is the act of whoever made it: the agents of that
    noun's mention, else of the last statement told before with agents."""
    for n, mention in enumerate(mentions):
        event = mention.event
        if mention.nominal or event.agents:
            continue
        before = previous_word(context.doc[mention.token])
        while before is not None and (before.lower_ in AUXILIARIES
                                      or before.lower_.endswith("ly") and before.is_lower
                                      or before.lower_ in PASSIVE_ADVERBS):
            before = previous_word(before)
        noun = next((m for m in reversed(mentions[:n]) if before is not None
                     and m.token == before.i and m.nominal
                     and event_classes()[m.event.cls].speech), None)
        if noun is None or not names_again(context.doc[noun.token]):
            continue
        said = next((m.event.agents for m in reversed(mentions[:n])
                     if event_classes()[m.event.cls].speech and m.event.agents), [])
        event.agents = list(said)
        event.actors = list(dict.fromkeys(said + event.actors))


def names_again(noun: Token) -> bool:
    """Whether a noun follows "the" or "this": it names again something told before."""
    before = previous_word(noun)
    return before is not None and before.lower_ in ("the", "this")


def leave_out_unattributed(mentions: list[EventMention]) -> None:
    """An act of one party whose agent was not found but whose target was ("urged both
    sides", "it was reported Baker ...") is left out: most such are not the act they look
    like, and the rest name only half of it (arguments.yaml agentive_classes)."""
    for mention in mentions:
        event = mention.event
        if event.cls in argument_words().agentive_classes and event.targets \
                and not event.agents and not mention.suppressed:
            mention.suppressed = mention.unattributed = True


def attributed_to_sources(mentions: list[EventMention], sources: dict[int, str],
                          context: ArticleContext) -> list[EventMention]:
    """The acts left out for want of an agent (``leave_out_unattributed``) whose subject
    is an unnamed source the quotes have since named (``sources``: the token of its noun
    and its local id; "a spokeswoman for the European Commission urged both governments to
    settle the matter "within EU law"": the spokeswoman), with that source as their
    agent: the subject before the verb, else the last source named in its clause."""
    found = []
    for mention in mentions:
        event = mention.event
        if not mention.unattributed:
            continue
        named = [sources[j] for j in range(context.clause_start(mention.token), mention.token)
                 if j in sources]
        agents = [a for a in context.subject_before(mention.token) or named[-1:]
                  if a not in event.targets]
        if agents:
            event.agents = agents
            event.actors = list(dict.fromkeys(agents + event.actors))
            mention.suppressed = mention.unattributed = False
            found.append(mention)
    return found



def summits_of_leaders(events: list[Event], context: ArticleContext) -> None:
    """A meeting in person whose participants are all heads of state or government of
    different states, two or more, is a Summit ("President Lula and President Xi held talks
    in Beijing"); a telephone call is not."""
    words = argument_words()
    for event in events:
        if event.cls != "Meeting" or event.trigger in words.remote_meetings:
            continue
        states = [head_of_state(actor, context) for actor in event.actors]
        if len(states) >= 2 and None not in states and len(set(states)) == len(states):
            event.cls, event.cameo = "Summit", event_classes()["Summit"].cameo


def head_of_state(local_id: str, context: ArticleContext) -> str | None:
    """The state whose head of state or government the text says the entity is, if any."""
    entity = context.by_id.get(local_id)
    posts = argument_words().summit_posts
    for role in entity.roles if entity is not None else ():
        if not role.former and role.of and context.cls_of(role.of) == "Country" \
                and role.title.lower() in posts:
            return role.of
    return None
