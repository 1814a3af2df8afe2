"""Where and when: the places and dates of an article's event mentions.

Runs after kg/extract/events.py has found each mention's actors. A verb's place named past
what its object or infinitive tells of is dropped, as that thing's ("agreed to keep meeting
to settle issues left open in Hanoi": ``drop_embedded_places``). A mention with no place of
its own takes one from its sentence (``inherit_places``), from a phrase that sets the scene
("In Beijing, ...", "Speaking in Seoul, ...": ``scene_places``) or from a clause that puts
its agent somewhere ("Biegun was in Seoul": ``located_agents``). Each time expression of the
text dates the event mention it belongs to, read in the tense of its clause, but not one
inside a clause with its own verb ("the first step since rebels overthrew him in December":
``in_clause_of_its_own``); one that opens a sentence, alone or at the end of a phrase of
occasion ("At a briefing on Thursday, ..."), dates that sentence's events, and one in such a
phrase set off by commas the verb after it ("X, in a speech on Monday, appealed":
``attach_dates``). An act done by deciding it is on the day of the decision ("agreed on
Monday to lift sanctions": ``date_decided_acts``). An event shares the place and date of
the occasion it is told with: the noun a hyphenated participle modifies ("Turkish-mediated
talks"), the clause a ", with ...", ", as ..." or ", although ..." phrase follows
(``share_circumstances``), the event it came right after ("a statement issued after the
meeting": ``follow_occasions``), the same actor's dated occasion in the sentence before
("X said in a statement on Wednesday ... X accused ...": ``continued_occasions``); an event
noun some days after or before a dated event is counted from its day ("two days after his
summit": ``count_from_dated_events``). The occasion frame (``carry_occasions``) carries
an occasion's date and place to what is told as done at it: after "and" by its actor, in a
clause "at which", in a sentence "In the same speech, ...". The events of the first
sentence that still name no place took place where the dateline puts the reporter
("BRUSSELS - The EU on Monday imposed ...": ``dateline_places``).
Suppressed mentions take part (a date may belong to them) and are dropped at the end
(``situated``).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from itertools import chain

from spacy.tokens import Span, Token

from kg.extract.context import (AUXILIARIES, DETERMINERS, HYPHENS, PLACE_CLASSES,
                                PREPOSITIONS, ArticleContext, argument_words, discourse)
from kg.extract.dates import DAY_KINDS, day_of, time_words
from kg.extract.events import (PREMODIFIER_WINDOW, EventMention, family, is_complement_as,
                               is_coordinated_verb, is_presupposed, previous_word)
from kg.extract.entities import lexicon_of
from kg.model import Entity, Event, is_day
from kg.nlp.events import read_lexicon_yaml
from kg.resolve.dateline import reporter_place

ADJACENT = 2
PHRASE_REACH = 12  # tokens from the start of a phrase that sets the scene to its comma
SEQUEL_REACH = 8  # tokens from an event noun back to the "after" of "hours after another round
#                   of EU-facilitated talks"
OCCASION_REACH = 7  # words of a phrase of occasion before its time expression ("at a regular
#                     briefing of the ministry on Thursday")
CONJUNCTIONS = frozenset({"and", "but", "or"})
SUBJECT_REACH = 6  # tokens from a coordinated clause's verb back to its "and"
NEWS_DAYS = 7  # days before an article's date that its dateline may still place
POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def situated(mentions: list[EventMention], context: ArticleContext) -> list[EventMention]:
    """The mentions that stand, each with the place and date its text gives."""
    named_settlements(mentions, context)
    drop_embedded_places(mentions, context)
    inherit_places(mentions, context)
    happening_places(mentions, context)
    scene_places(mentions, context)
    located_agents(mentions, context)
    attach_dates(mentions, context)
    happening_dates(mentions, context)
    date_decided_acts(mentions)
    count_from_dated_events(mentions, context)
    share_with_modified_nouns(mentions, context)
    occasions_of_verbs(mentions, context)
    share_circumstances(mentions, context)
    dateline_places(mentions, context)
    follow_occasions(mentions, context)
    recalled_occasions(mentions, context)
    joint_occasions(mentions, context)
    carry_occasions(mentions, context)
    days_set_before(mentions, context)
    continued_occasions(mentions, context)
    return [mention for mention in mentions if not mention.suppressed]


@cache
def setting_words() -> dict:
    """The word lists of ontology/lexicon/setting.yaml."""
    return read_lexicon_yaml("setting.yaml")


def named_settlements(mentions: list[EventMention], context: ArticleContext) -> None:
    """A place named as the region or country of a settlement named after it ("in the Black
    Sea resort of Sochi", "at the Caspian port of Aktau") gives way to that settlement: the
    event took place in Sochi."""
    for mention in mentions:
        if mention.event.place is None:
            continue
        sentence = context.sentence_of(mention.token)
        named = next((settlement_named_after(j, context) for j in range(sentence.start,
                                                                        sentence.end)
                      if context.owner[j] == mention.event.place
                      and context.span_start[j] == j and is_place_argument(j, context)), None)
        mention.event.place = named or mention.event.place


def settlement_named_after(j: int, context: ArticleContext) -> str | None:
    """The place named by "<kind of settlement> of <place>" right after the name at token
    ``j`` ("Black Sea resort of Sochi", "Russia's southern city of Sochi": Sochi), a
    lower-case word or two before the kind."""
    lower, end = context.tokens.lower, context.sentence_of(j).end
    k = context.span_end[j]
    k += k < end and lower[k] in POSSESSIVE_MARKS  # "Russia's southern city of Sochi"
    kinds, reach = setting_words()["settlement_kinds"], min(end, k + 3)
    while k < reach and lower[k] not in kinds \
            and context.doc[k].is_lower and context.doc[k].is_alpha:
        k += 1
    if k + 2 >= end or lower[k] not in kinds or lower[k + 1] != "of" \
            or not context.owner[k + 2]:
        return None
    named = context.owner[k + 2]
    return named if context.cls_of(named) in PLACE_CLASSES else None


def drop_embedded_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """A verb's place named past what its object or infinitive tells of is that thing's,
    not the verb's: "agreed to keep meeting to settle the issues left open in Hanoi",
    "helped arrange the first meeting in Singapore", "refused to release reserves held in
    London", "criticised the policy in California" are no promise, help, refusal or
    criticism in those places (``is_object_noun``, ``embeds_place``); "met Kim at a dinner
    in Hanoi" keeps its place, the occasion of the meeting."""
    for mention in mentions:
        if mention.nominal or mention.event.place is None:
            continue
        start = trigger_end(mention.token, context)
        sentence_end = context.sentence_of(mention.token).end
        place = next((j for j in range(start, sentence_end)
                      if context.owner[j] == mention.event.place
                      and is_place_argument(j, context)), None)
        first = start - 1 if context.tokens.lower[start - 1] == "to" else start  # "want to"
        if place is None:
            continue
        before_place = range(first, context.span_start[place])
        if is_object_noun(start, context.span_start[place], mention, context) \
                or any(embeds_place(k, mention, context) for k in before_place):
            mention.event.place = None


def trigger_end(i: int, context: ArticleContext) -> int:
    """The first token after the trigger at token ``i`` ("held talks", "turned down")."""
    return max((span.end for span in context.triggers_at.get(i, ())), default=i + 1)


def embeds_place(k: int, mention: EventMention, context: ArticleContext) -> bool:
    """Whether token ``k``, after a verb and before a place, opens a thing of its own that
    the place may belong to: another event's trigger ("the first meeting"; not the verb's
    own event restated, "signed an agreement"), a participle ("left open", "held in"), or
    an infinitive ("to release"; not "face to face"); not the occasion of the verb ("at a
    dinner", "during talks")."""
    doc, lower = context.doc, context.tokens.lower
    infinitive = lower[k] == "to" and k + 1 < len(doc) and is_bare_word(doc[k + 1], context) \
        and lower[k + 1] != lower[k - 1]
    other_event = k in context.trigger_tokens and family(trigger_class(k, context)) \
        != family(mention.event.cls)
    return infinitive or (other_event or is_participle(doc[k], context)) \
        and not is_occasion_noun(k, context)


def is_object_noun(start: int, place: int, mention: EventMention,
                   context: ArticleContext) -> bool:
    """Whether the words from ``start`` to the preposition of the place at ``place`` are a
    noun phrase naming no entity, the verb's object ("criticised the policy in California":
    the policy's place, not the criticism's; "reported Hurricane Ida in the Caribbean"); not
    a name ("met Kim in Hanoi"), the verb's own event restated ("signed an agreement in
    Honiara") nor what a visit visits ("toured a factory in Komsomolsk")."""
    lower, doc = context.tokens.lower, context.doc
    if mention.event.cls in argument_words().visit_classes:
        return False
    j = start
    while j < place and lower[j] in DETERMINERS:
        j += 1
    head = j
    while j < place and is_bare_noun(doc[j], context):
        j += 1
    return head < j < place and lower[j] in setting_words()["location_preps"] \
        and all(lower[k] in DETERMINERS or doc[k].is_alpha for k in range(j + 1, place)) \
        and not any(k in context.trigger_tokens
                    and family(trigger_class(k, context)) == family(mention.event.cls)
                    for k in range(head, j))


def is_bare_noun(token: Token, context: ArticleContext) -> bool:
    """A word of a noun phrase that names no entity of the article ("the policy", "Hurricane
    Ida"): no entity's name, preposition, verb or time word."""
    return (token.is_lower or token.is_title) and token.is_alpha and not context.owner[token.i] \
        and token.lower_ not in PREPOSITIONS and not is_verb_form(token, context) \
        and not any(span.start <= token.i < span.end
                    for span in context.doc.spans.get("kg_dates", []))


def trigger_class(k: int, context: ArticleContext) -> str:
    """The event class of the trigger holding token ``k``."""
    return context.triggers_at[k][0].label_


def is_participle(token: Token, context: ArticleContext) -> bool:
    """A participle of a verb ("left", "held", "missiles targeting"), not one before a noun
    after a determiner ("a policing agreement") nor a number word ("a second day")."""
    lemma = (token.lemma_ or token.lower_).lower()
    return is_verb_form(token, context) and lemma.isalpha() \
        and token.lower_ not in verb_chain_words()


def is_bare_word(token: Token, context: ArticleContext) -> bool:
    """A lower-case word in its own base form that is no determiner, preposition or name:
    the verb of an infinitive ("to release", not "to the", "to reporters", "to Seoul")."""
    return token.is_lower and token.is_alpha and not context.owner[token.i] \
        and (token.lemma_ or token.lower_).lower() == token.lower_ \
        and token.lower_ not in DETERMINERS and token.lower_ not in PREPOSITIONS


def is_occasion_noun(k: int, context: ArticleContext) -> bool:
    """Whether the word at ``k`` heads a noun phrase after "at" or "during" ("at a joint
    news conference", "during talks"): the occasion of the verb before it."""
    j = k - 1
    while j > k - PREMODIFIER_WINDOW and (context.tokens.lower[j] in DETERMINERS
                                         or j in context.trigger_tokens
                                         or context.doc[j].is_alpha
                                         and context.tokens.lower[j] not in PREPOSITIONS
                                         and not context.is_other_verb(context.doc[j])):
        j -= 1
    return context.tokens.lower[j] in setting_words()["occasion_nouns_after"]


def inherit_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """Places from the sentence around an event that names none.

    An event in a relative clause takes the place of the event the clause is about ("the
    meeting in Singapore, which produced a commitment from Kim"), or the place the clause
    is about ("Abe was in Tehran, where he had met Khamenei"); a verb after "and" takes
    the place of an arrival before it ("arrived in Tehran and held talks"), of a verb
    whose place stands right after it ("met in Kingstown last month and pledged"; not
    "criticised the policy in California and called for") or of the occasion the verb
    before was done at ("rejected the plan at a news conference in Tehran and accused").
    """
    visits = argument_words().visit_classes
    for previous, mention in zip([None, *mentions], mentions):
        if mention.event.place is not None:
            continue
        mention.event.place = relative_place(mention.token, context)
        if previous is None or previous.event.place is None or mention.event.place \
                or context.sentence_index[previous.token] != context.sentence_index[mention.token]:
            continue
        between = context.doc[previous.token + 1:mention.token]
        if any(t.lower_ in ("which", "where") for t in between) or \
                is_coordinated_verb(mention, context) and (
                    previous.event.cls in visits or (
                        preposition_of_noun(previous.token, context) in setting_words()[
                            "occasion_nouns_after"] if previous.nominal
                        else is_placed_by_adverbial(previous, context))):
            mention.event.place = previous.event.place


def happening_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event noun with no place, the subject of a verb that says it happened ("Talks
    between the rebels and the internationally recognised government ended in Muscat on
    Friday", "The summit took place in Hanoi"), takes the place named after that verb."""
    for mention in mentions:
        if not mention.nominal or mention.event.place is not None \
                or not is_clause_subject(mention.token, context):
            continue
        verb = happening_verb_after(mention.token, context)
        if verb is not None:
            mention.event.place = place_after_verb(verb, context)


def happening_dates(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event noun with no date, the subject of a verb that says it happened ("Talks
    between A and B ended in Dili on Wednesday"), takes the day told after that verb in its
    clause, before any comma or other event."""
    resolved = resolved_expressions(context)
    for mention in mentions:
        if not mention.nominal or mention.event.date is not None \
                or not is_clause_subject(mention.token, context):
            continue
        verb = happening_verb_after(mention.token, context)
        end = context.clause_end(verb) if verb is not None else None
        found = next(((span, day) for span, day, _ in resolved if end is not None
                      and verb < span.start < end and span.label_ != "since"
                      and not any(context.tokens.lower[j] == "," or j in context.trigger_tokens
                                  for j in range(verb + 1, span.start))), None)
        if found is not None:
            mention.event.date, mention.event.date_text = found[1], found[0].text


def is_clause_subject(noun: int, context: ArticleContext) -> bool:
    """Whether the noun at ``noun`` heads the first phrase of its sentence: only its
    premodifiers, a time expression or a possessive mark before it ("Monday's talks")."""
    start = context.sentence_of(noun).start
    return all(context.doc[j].is_space or context.doc[j].is_quote or j in context.dated_tokens
               or context.tokens.lower[j] in POSSESSIVE_MARKS or is_premodifier(j, context)
               or j in context.trigger_tokens for j in range(start, noun))


def happening_verb_after(noun: int, context: ArticleContext) -> int | None:
    """The verb that says the event of the noun at ``noun`` happened, later in its clause
    before any comma, clause word or other event ("ended", "took place", "were held"); not
    an infinitive ("talks to end the war")."""
    lower, happening = context.tokens.lower, argument_words().happening_verbs
    own = {j for span in context.triggers_at.get(noun, ()) for j in range(span.start, span.end)}
    for j in range(noun + 1, context.sentence_of(noun).end):
        if lower[j] == "," or context.boundary[j] or j in context.trigger_tokens and j not in own:
            return None
        if lower[j] in happening and is_verb_form(context.doc[j], context) \
                and lower[j - 1] != "to":
            return j
    return None


def place_after_verb(verb: int, context: ArticleContext) -> str | None:
    """The place after "in" or "at" right after the verb at ``verb``, past "place" of "took
    place", a time expression and adverbs ("ended abruptly in Geneva on Friday")."""
    lower, doc = context.tokens.lower, context.doc
    j = verb + 1
    while j < len(doc) and (lower[j] == "place" or j in context.dated_tokens
                            or doc[j].is_lower and lower[j].endswith("ly")):
        j += 1
    if j >= len(doc) or lower[j] not in setting_words()["location_preps"]:
        return None
    return next((context.owner[k] for k in range(j + 1, min(j + 4, len(doc)))
                 if is_place_argument(k, context)), None)


def is_placed_by_adverbial(mention: EventMention, context: ArticleContext) -> bool:
    """Whether the mention's place is named right after its trigger, past a time expression
    at most ("met in Kingstown", "met on Monday in Kingstown"), not after an object."""
    j = trigger_end(mention.token, context)
    for span in context.doc.spans.get("kg_dates", []):
        if span.start == j:
            j = span.end
    if j >= len(context.doc) or context.tokens.lower[j] not in setting_words()["location_preps"]:
        return False
    place = next((k for k in range(j + 1, min(j + 4, len(context.doc)))
                  if context.owner[k]), None)
    return place is not None and context.owner[place] == mention.event.place


def by_sentence(mentions: list[EventMention],
                context: ArticleContext) -> dict[int, list[EventMention]]:
    """The mentions of each sentence (by its number), in text order."""
    grouped: dict[int, list[EventMention]] = {}
    for mention in mentions:
        grouped.setdefault(context.sentence_index[mention.token], []).append(mention)
    return grouped


def scene_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """Places from a phrase that sets the scene of its sentence ("In Beijing, the spokesman
    urged ...", "At a news conference in Seoul, ...", "Moon, speaking in Seoul, said ..."):
    the events after it in the sentence that name no place take it, but not what a verb of
    saying reports."""
    for number, group in by_sentence(mentions, context).items():
        for end, place in scene_phrases(context.sentences[number], context):
            for mention in group:
                if mention.token > end and mention.event.place is None \
                        and not is_reported_after(end, mention, context):
                    mention.event.place = place


def scene_phrases(sentence: Span, context: ArticleContext) -> Iterator[tuple[int, str]]:
    """(the comma that ends it, its place) of each phrase of a sentence that sets the scene:
    one that opens the sentence with "In" or "At", or one after a comma that opens with a
    participle such as "speaking", ending at a comma and naming a place after "in"/"at"."""
    words = setting_words()
    lower = context.tokens.lower
    first = first_word(sentence, context)
    starts = [first] + [j + 1 for j in range(first, sentence.end - 1) if lower[j] == ","]
    for start in starts:
        if not (lower[start] in words["situating_participles"]
                or start == first and lower[start] in words["place_openers"]):
            continue
        end = next((j for j in range(start + 1, min(sentence.end, start + PHRASE_REACH))
                    if lower[j] == ","), None)
        if end is None or any(context.is_other_verb(context.doc[j])
                              for j in range(start + 1, end)):
            continue  # "In findings published in a journal, ..." sets no scene
        place = next((context.owner[j] for j in range(start, end)
                      if is_place_argument(j, context) and ends_phrase(j, end, context)), None)
        if place is not None:
            yield end, place


def ends_phrase(j: int, end: int, context: ArticleContext) -> bool:
    """Whether the name at token ``j`` ends its noun phrase before token ``end``: "in Seoul,"
    and "in Seoul on Monday," do, "in the Republican caucuses," does not."""
    after = context.span_end[j]
    return after >= end or context.tokens.lower[after] in PREPOSITIONS


def is_place_argument(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` names a place after "in" or "at" ("in Seoul", "at the Elysee")."""
    local_id = context.owner[j]
    return bool(local_id) and context.cls_of(local_id) in PLACE_CLASSES \
        and context.preposition_before(context.span_start[j]) in setting_words()["location_preps"]


def is_reported_after(start: int, mention: EventMention, context: ArticleContext) -> bool:
    """Whether a verb of saying after token ``start`` reports the mention ("..., Moon said
    the North had fired"): a verb's own reporting verb (kg/extract/events.py), for a noun any
    verb of saying between ("Moon said the talks ...") but the one it is the telling of
    ("told a regular briefing", "said in a statement": ``is_telling_of``)."""
    return mention.speech_verb is not None or mention.nominal and any(
        is_speech_verb_at(j, context) and not is_telling_of(j, mention, context)
        for j in range(start + 1, mention.token))


def is_telling_of(verb: int, noun: EventMention, context: ArticleContext) -> bool:
    """Whether the noun of an occasion of telling (setting.yaml occasion_classes: a
    briefing, a statement) is the occasion of the verb of saying at ``verb``, not something
    it reports: its object ("told a regular briefing") or the noun of a phrase of occasion
    right after it ("said in a televised address"); not "announced talks"."""
    at = preposition_index_of_noun(noun.token, context)
    return noun.event.cls in setting_words()["occasion_classes"] and (
        is_direct_object(verb, noun.token, context) or at == verb + 1
        and context.tokens.lower[at] in setting_words()["occasion_preps"])


def located_agents(mentions: list[EventMention], context: ArticleContext) -> None:
    """A clause that puts someone in a place ("Biegun was in Seoul at the time") or their
    arrival there ("Abe arrived in Tehran on Wednesday") places their later acts in the
    paragraph that name no place ("He urged North Korea to ...")."""
    for j, located, place in agent_locations(mentions, context):
        paragraph = context.paragraph_at(j)
        for mention in mentions:
            if mention.token > j and mention.event.place is None \
                    and context.paragraph_at(mention.token) == paragraph \
                    and set(located) & set(mention.event.agents) \
                    and not is_reported_after(j, mention, context):
                mention.event.place = place


def agent_locations(mentions: list[EventMention],
                    context: ArticleContext) -> list[tuple[int, list[str], str]]:
    """(token, agents, place) of each clause that puts agents in a place: "X was in P",
    and visits with a place of their own, but not one told in a relative clause as
    something the agent did before ("Baerbock, who visited Damascus in January,
    promised ...")."""
    lower, words = context.tokens.lower, setting_words()
    found = [(m.token, m.event.agents, m.event.place) for m in mentions
             if m.event.cls in argument_words().visit_classes and m.event.place
             and not m.suppressed and not in_relative_clause(m.token, context)]
    for j in range(len(context.doc) - 2):
        if lower[j] not in words["locating_verbs"] or context.quoted[j] \
                or lower[j + 1] not in words["location_preps"]:
            continue
        place = next((context.owner[k] for k in range(j + 2, min(j + 4, len(context.doc)))
                      if is_place_argument(k, context)), None)
        if place is not None:
            found.append((j, context.subject_before(j), place))
    return sorted(found, key=lambda location: location[0])


def in_relative_clause(i: int, context: ArticleContext) -> bool:
    """Whether token ``i`` is in a clause a relative pronoun opens ("who visited ...")."""
    start = context.clause_start(i)
    return start > context.sentence_of(i).start \
        and context.tokens.lower[start - 1] in discourse().relative_pronouns


def is_closed_relative(i: int, end: int, context: ArticleContext) -> bool:
    """Whether token ``i`` lies in a relative clause that a comma closes before token
    ``end`` ("X, who spoke with Y on Thursday, said ... and urged": the day is the call's,
    not the appeal's)."""
    return in_relative_clause(i, context) and not in_relative_clause(end, context) \
        and any(context.tokens.lower[j] == "," for j in range(i + 1, end))


def relative_place(i: int, context: ArticleContext) -> str | None:
    """The place a "where" clause holding token ``i`` is about ("in Tehran, where he met")."""
    start = context.clause_start(i)
    opener = context.doc[start - 1] if start > context.sentence_of(i).start else None
    if opener is None or opener.lower_ != "where":
        return None
    before = previous_word(opener)
    if before is not None and before.lower_ == ",":
        before = previous_word(before)
    place = context.owner[before.i] if before is not None else None
    return place if place and context.cls_of(place) in PLACE_CLASSES else None


def attach_dates(mentions: list[EventMention], context: ArticleContext) -> None:
    """Date the mentions from the time expressions of their sentences.

    Each expression dates the mention it belongs to (``dated_mention``); one that opens its
    sentence ("On Monday, ...") also dates the sentence's other events, and one followed by
    "when", "before" or "after" the events of that clause ("since August 2017, when it cut
    ...": ``day_clause``), and the -ing form after the comma that ends its clause ("brought
    the case in August, accusing ...": ``participle_after``); a verb after "and" shares the
    date of the verb before it, as does a clause after ", and" whose subject refers back
    (", and the two agreed": ``share_coordinated_dates``). A day counted from another
    ("the next day") counts from the last day the text named; quoted expressions, periods
    and weeks date nothing.
    """
    sentences = by_sentence(mentions, context)
    published = context.article.published
    dated_by: dict[int, Span] = {}  # id of a mention -> the expression that dated it
    resolved = resolved_expressions(context)
    for span, day, tense in resolved:
        paragraph = context.paragraph_at(span.start)
        candidates = [m for m in sentences.get(context.sentence_index[span.start], [])
                      if context.paragraph_at(m.token) == paragraph]
        chosen = dated_mention(span, candidates, context,
                               to_come=published is not None and day > published)
        if chosen is not None and chosen.event.date is None \
                and not is_verb_after(chosen, day, tense, context):
            chosen.event.date, chosen.event.date_text = day, span.text
            dated_by[id(chosen)] = span
    for span, day, _ in resolved:
        candidates = sentences.get(context.sentence_index[span.start], [])
        parenthetical = parenthetical_verb(span, candidates, context)
        participle = participle_after(span, candidates, context)
        told = act_told_after(span, candidates, context)
        for mention in chain(opened_by(span, candidates, context),
                             day_clause(span, candidates, context),
                             [parenthetical] if parenthetical else [],
                             [participle] if participle else [], [told] if told else []):
            if mention.event.date is None:
                mention.event.date, mention.event.date_text = day, span.text
                dated_by[id(mention)] = span
    share_coordinated_dates(mentions, dated_by, context)
    date_after_untold_verbs(mentions, resolved, dated_by, context)


def date_decided_acts(mentions: list[EventMention]) -> None:
    """An act done by deciding it (arguments.yaml decided_classes) is on the day of the
    decision: "ministers agreed on Monday to suspend sanctions" suspends them on Monday, the
    agreement itself being left out as the act's own telling."""
    for decision in mentions:
        act = decision.decided  # set by kg/extract/events.py decisions_as_acts
        if act is not None and decision.event.date is not None and act.event.date is None:
            act.event.date, act.event.date_text = decision.event.date, decision.event.date_text


def is_verb_after(mention: EventMention, day: date, tense: str | None,
                  context: ArticleContext) -> bool:
    """Whether a verb would be dated after the article's date though it is told as past
    ("reported that he will be buried on Tuesday": the burial's Tuesday is not the
    report's) or the expression is not told as to come ("has declared tomorrow a day of
    mourning")."""
    published = context.article.published
    return not mention.nominal and published is not None and day > published \
        and (tense != "future" or told_as_past(context.doc[mention.token]))


def resolved_expressions(context: ArticleContext) -> list[tuple[Span, date, str | None]]:
    """The article's time expressions that date events, outside quotes, each with the day
    (or month, or year) it names and the tense of its clause (``tense_of``); a day counted
    from another counts from the last day named before it."""
    published = context.article.published
    last_day: date | None = None
    resolved: list[tuple[Span, date, str | None]] = []
    for span in context.doc.spans.get("kg_dates", []):
        if span.label_ not in DAY_KINDS or context.quoted[span.start]:
            continue
        tense = tense_of(span, context)
        day = day_of(span.label_, span.text, published, last_day, tense)
        if day is None:
            continue
        if span.label_ != "since" and is_day(day) and not is_backstory(span, context):
            last_day = day
        resolved.append((span, day, tense))
    return resolved


def is_backstory(span: Span, context: ArticleContext) -> bool:
    """Whether a time expression is told in a clause of the past perfect ("the truce they
    had agreed a day earlier"): a day before the story's, from which "that morning" or "the
    same day" after it does not count."""
    lower, past = context.tokens.lower, time_words()["past_auxiliaries"]
    start = context.clause_start(span.start)
    return any(lower[j] == "had" and j + 1 < span.start
               and is_verb_form(context.doc[j + 1], context) and lower[j + 1] not in past
               for j in range(start, span.start))


def dated_mention(span: Span, candidates: list[EventMention], context: ArticleContext,
                  to_come: bool = False) -> EventMention | None:
    """The mention a time expression belongs to: for a possessive ("Monday's attack"), the
    event noun it modifies or none (not "reported" of "reported Monday's attack"); else a
    trigger right after it with no punctuation, conjunction or "to" between, nor a
    determiner before a noun ("yesterday promised", not "met on Monday to discuss" or
    "rejected in a speech on Monday any deal"), else the closest one before it that no
    verb of saying or new clause stands between ("X met Y, officials said on
    Friday" dates no meeting), or the verb whose object that one heads ("rejected the
    accusation on Friday": the rejection); where that one is only the content of another
    event, the day is not one to come (``to_come``) and no auxiliary stands between, the
    event whose content it is ("urged Kim to resume talks on Monday": the appeal, on a
    Monday past; not "announced it would meet on Monday"). "since" dates a state named by a
    noun or a participle after one ("sanctions in place since 2016", "sanctions imposed on
    it since 2016"), not a verb ("has tightened them since 2016") or "the first test since".
    """
    doc = context.doc
    if is_possessive(span, context):
        return next((m for m in candidates if m.nominal
                     and 0 < m.token - span.end <= PREMODIFIER_WINDOW), None)
    if span.label_ == "since":
        candidates = [m for m in candidates if m.nominal and m.ordinal is None
                      or is_presupposed(m, context)]
    after = [m for m in candidates if 0 <= m.token - span.end < ADJACENT
             and not any(t.is_punct or t.lower_ in CONJUNCTIONS or t.lower_ == "to"
                         or m.nominal and t.lower_ in DETERMINERS - {"that"}
                         for t in doc[span.end:m.token])]
    if after:
        return after[0]
    before = [m for m in candidates if m.token < span.start
              and not speech_verb_between(m.token, span.start, context)
              and not new_clause_between(m.token, span.start, context)
              and not in_reported_clause(m, span.start, context)
              and not in_clause_of_its_own(m.token, span.start, context)]
    return governing_mention(before, span, context, to_come) if before else None


def is_possessive(span: Span, context: ArticleContext) -> bool:
    """Whether a time expression is a possessive ("Monday's attack")."""
    return span.end < len(context.doc) and context.tokens.lower[span.end] in POSSESSIVE_MARKS


def governing_mention(before: list[EventMention], span: Span, context: ArticleContext,
                      to_come: bool) -> EventMention:
    """Of the mentions before a time expression, the one it dates (see ``dated_mention``):
    the nearest, or the event whose object or content the nearest is."""
    nearest = before[-1]
    verb = before[-2] if len(before) > 1 else None
    if nearest.token != span.start - 1:
        return verb if is_dropped_object(nearest, verb, context) else nearest
    if nearest.nominal and verb is not None and not verb.nominal \
            and is_direct_object(verb.token, nearest.token, context):
        return verb
    governor = next((m for m in reversed(before) if not (m.nominal or m.suppressed)), None)
    if nearest.suppressed and not to_come and governor is not None \
            and not is_participle_of_noun(nearest, context) and not any(
            context.tokens.lower[j] in verb_chain_words() - {"to"}
            for j in range(governor.token + 1, span.start)):
        return governor
    return nearest


def is_participle_of_noun(mention: EventMention, context: ArticleContext) -> bool:
    """Whether a verb mention is a past participle right after the common noun it tells of
    ("an agreement signed in 2013", "the curbs announced on Monday"): the date after it is
    its own, not that of the verb whose object holds the noun; not after a pronoun, an
    auxiliary or a conjunction ("they signed", "was signed", "and signed")."""
    verb, before = context.doc[mention.token], previous_word(context.doc[mention.token])
    return not mention.nominal and verb.lower_.endswith(("ed", "en")) and before is not None \
        and before.is_alpha and before.is_lower and not context.owner[before.i] \
        and before.lower_ not in discourse().pronouns and before.lower_ not in CONJUNCTIONS \
        and before.lower_ not in DETERMINERS and not is_verb_form(before, context)


def is_dropped_object(noun: EventMention, verb: EventMention | None,
                      context: ArticleContext) -> bool:
    """Whether the noun is a suppressed trigger heading the object of the verb mention
    before it ("rejected the offer in a video on Thursday"): the day is the verb's, as
    the noun's event is not told on its own."""
    return verb is not None and noun.nominal and noun.suppressed and not verb.nominal \
        and is_direct_object(verb.token, noun.token, context)


def speech_verb_between(start: int, end: int, context: ArticleContext) -> bool:
    """Whether a verb of saying other than the trigger at ``start`` stands in (start, end);
    a noun after a determiner is none ("declared a state of emergency on Thursday")."""
    return any(is_speech_verb_at(j, context) for j in range(start + 1, end))


def is_speech_verb_at(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` is a verb of saying outside quotes, not a noun after a
    determiner ("a statement")."""
    lower = context.tokens.lower
    return context.boundary[j] and lower[j] in discourse().speech_verbs \
        and not context.quoted[j] and lower[j - 1] not in DETERMINERS


def in_reported_clause(mention: EventMention, end: int, context: ArticleContext) -> bool:
    """Whether token ``end`` lies in a clause of its own past the mention's verb: in what a
    verb of saying reports, past a "that" or another verb ("stated that he fell ill on
    Wednesday", "announced he had resigned on Monday": not the statement's Wednesday or
    Monday), or, for any verb, in a relative clause of its object ("accused Belgrade of
    arming groups that attacked the police last September": not the accusation's)."""
    if mention.nominal:
        return False
    lower = context.tokens.lower
    if lower[mention.token] in discourse().speech_verbs:
        return any(lower[j] == "that" or context.is_other_verb(context.doc[j])
                   for j in range(mention.token + 1, end))
    relative = next((j for j in range(mention.token + 1, end)
                     if lower[j] in discourse().relative_pronouns), None)
    return relative is not None and any(context.is_other_verb(context.doc[j])
                                        for j in range(relative + 1, end))


def in_clause_of_its_own(start: int, end: int, context: ArticleContext) -> bool:
    """Whether token ``end`` lies in a clause that a clause word opens past ``start`` and
    whose own verb stands before ``end`` ("suspended sanctions, the first step since rebels
    overthrew the president in December": December is the overthrow's, not the suspension's;
    "met after talks in March" has no verb of its own between)."""
    lower, openers = context.tokens.lower, discourse().clause_openers
    opener = next((j for j in range(end - 1, start, -1) if lower[j] in openers
                   and context.doc[j].is_lower and not context.quoted[j]), None)
    return opener is not None and any(context.is_other_verb(context.doc[k])
                                      for k in range(opener + 1, end))


def new_clause_between(start: int, end: int, context: ArticleContext) -> bool:
    """Whether a comma and a conjunction open a new clause in (start, end) ("..., and he is
    due to fly home on Tuesday")."""
    lower = context.tokens.lower
    return any(lower[j] == "," and lower[j + 1] in CONJUNCTIONS
               for j in range(start + 1, end - 1))


def is_direct_object(verb: int, noun: int, context: ArticleContext) -> bool:
    """Whether the noun at ``noun`` heads the object of the verb at ``verb`` ("rejected the
    accusation", "condemned Tuesday's attack"): a few words between, none a preposition,
    punctuation, clause boundary or other verb."""
    return 0 < noun - verb <= PREMODIFIER_WINDOW + 1 and not any(
        context.boundary[j] or context.tokens.lower[j] in PREPOSITIONS
        or context.doc[j].is_punct and context.tokens.lower[j] not in HYPHENS
        or context.is_other_verb(context.doc[j]) for j in range(verb + 1, noun))


def opened_by(span: Span, candidates: list[EventMention],
              context: ArticleContext) -> list[EventMention]:
    """The events a time expression opening its sentence dates ("On Monday, X arrived and
    met Y", "Only last month, X signed ...": setting.yaml focus_adverbs): those up to the sentence's next time expression, but not those of a clause
    within it ("..., which had been agreed in 2015", "Today, as the storm hit, ..."), what a
    verb of saying reports ("On Monday, X said Y had attacked") or an infinitive ("declared
    his intent to impose curbs") or a noun tied to another time ("withdrew from a treaty").
    "Since 2016, ..." and a possessive ("Monday's attack ...") date none of them."""
    sentence = context.sentence_of(span.start)
    if span.label_ == "since" or is_possessive(span, context) or not (
            all(t.is_punct or t.is_space or t.lower_ in setting_words()["focus_adverbs"]
                for t in context.doc[sentence.start:span.start])
            or is_occasion_phrase(first_word(sentence, context), span, context)):
        return []
    following = [s.start for s in context.doc.spans.get("kg_dates", [])
                 if span.end <= s.start < sentence.end]
    end = min(following, default=sentence.end)
    inner = subordinate_tokens(span.end, end, context)
    return [m for m in candidates if span.end <= m.token < end and m.token not in inner
            and not is_reported_after(span.end - 1, m, context)
            and context.tokens.lower[m.token - 1] != "to"
            and not (m.nominal and is_other_time_noun(m.token, context))]


def first_word(sentence: Span, context: ArticleContext) -> int:
    """The first token of a sentence past the spaces and quote marks that open it."""
    return next((j for j in range(sentence.start, sentence.end)
                 if not (context.doc[j].is_space or context.doc[j].is_quote)), sentence.end)


def is_occasion_phrase(start: int, span: Span, context: ArticleContext) -> bool:
    """Whether the words from ``start`` to the time expression are a phrase of occasion that
    ends with it and a comma ("At a briefing on Thursday, ...", "..., in a speech to members
    on Monday, appealed"): a preposition of occasion, then a few words, none a verb, a comma
    or an event's actor."""
    words = context.doc[start:span.start]
    if is_dated_by(span, context):  # "In a letter to the bloc's members dated 1 May, ..."
        words = context.doc[start:span.start - 1]
        return 1 < len(words) <= PHRASE_REACH and span.end < len(context.doc) \
            and context.tokens.lower[span.end] == "," \
            and words[0].lower_ in setting_words()["occasion_preps"] \
            and not any(t.is_punct or context.is_finite_verb(t) for t in words)
    return 1 < len(words) <= OCCASION_REACH and span.end < len(context.doc) \
        and context.tokens.lower[span.end] == "," \
        and words[0].lower_ in setting_words()["occasion_preps"] \
        and not any(t.is_punct or context.is_finite_verb(t) or context.owner[t.i]
                    and context.cls_of(context.owner[t.i]) not in PLACE_CLASSES for t in words)


def is_dated_by(span: Span, context: ArticleContext) -> bool:
    """Whether a word that gives a document its date stands right before the time
    expression ("a letter dated 2 May": setting.yaml dating_words)."""
    return span.start > 0 and context.tokens.lower[span.start - 1] in setting_words()[
        "dating_words"]


def parenthetical_verb(span: Span, candidates: list[EventMention],
                       context: ArticleContext) -> EventMention | None:
    """The verb right after a phrase of occasion set off by commas that holds the time
    expression ("X, in a speech on Monday, appealed to ...": the appeal)."""
    comma = next((j for j in range(span.start - 1, max(span.start - OCCASION_REACH - 2, -1), -1)
                  if context.tokens.lower[j] == ","), None)
    if comma is None or not is_occasion_phrase(comma + 1, span, context):
        return None
    verb = span.end + 1
    return next((m for m in candidates if m.token == verb and not m.nominal), None)


def participle_after(span: Span, candidates: list[EventMention],
                     context: ArticleContext) -> EventMention | None:
    """The verb's -ing form right after the comma that ends the clause of a time expression
    told as past, which tells what was done on that occasion ("China brought the case in
    August, accusing Canada of ...": the accusation, in August); not where the expression
    is in a clause of its own or a verb of saying stands between."""
    sentence = context.sentence_of(span.start)
    comma = next((j for j in range(span.end, sentence.end) if context.tokens.lower[j] == ","),
                 None)
    if comma is None or tense_of(span, context) != "past" \
            or in_clause_of_its_own(sentence.start - 1, span.start, context) \
            or speech_verb_between(span.start, comma, context):
        return None
    return next((m for m in candidates if m.token == comma + 1
                 and is_participle_clause(m, context)), None)


def act_told_after(span: Span, candidates: list[EventMention],
                   context: ArticleContext) -> EventMention | None:
    """The verb an -ing form of saying after a comma tells of, where the time expression
    is that telling's ("turned down the request, telling state television on Wednesday
    evening that ...": the rejection, on Wednesday): the nearest verb before the comma, no
    finite verb of saying between."""
    lower, sentence = context.tokens.lower, context.sentence_of(span.start)
    verb = next((j for j in range(span.start - 1, sentence.start, -1)
                 if lower[j] == "," or lower[j].endswith("ing")
                 and lower[j] in discourse().speech_verbs and lower[j - 1] == ","), None)
    if verb is None or lower[verb] == ",":
        return None
    act = next((m for m in reversed(candidates) if m.token < verb - 1 and not m.nominal
                and not m.suppressed), None)
    return act if act is not None and not any(
        lower[k] in discourse().speech_verbs and context.is_finite_verb(context.doc[k])
        for k in range(act.token + 1, verb)) \
        and not is_closed_relative(act.token, verb, context) else None


def is_other_time_noun(noun: int, context: ArticleContext) -> bool:
    """Whether a noun trigger is named after a preposition that ties it to another time
    than its clause's ("withdrew from a treaty", "in response to a statement"); "at a news
    conference", "during the talks", "in a meeting" are the clause's own occasion."""
    preposition = preposition_of_noun(noun, context)
    return preposition is not None and preposition not in setting_words()["occasion_preps"]


def is_occasion_noun_of_clause(noun: int, context: ArticleContext) -> bool:
    """Whether a noun trigger is named after a preposition of occasion, as the occasion of
    its clause ("welcomed the commitment in a statement on 9 May", "at a news conference")."""
    return preposition_of_noun(noun, context) in setting_words()["occasion_preps"]


def preposition_of_noun(noun: int, context: ArticleContext) -> str | None:
    """The preposition before the phrase of the noun at ``noun``, past its determiners,
    names and other words ("in" of "in a written statement"), if any."""
    at = preposition_index_of_noun(noun, context)
    return None if at is None else context.tokens.lower[at]


def preposition_index_of_noun(noun: int, context: ArticleContext) -> int | None:
    """Where the preposition of ``preposition_of_noun`` stands, if any; a participle after a
    determiner is a modifier ("in a televised address")."""
    j = noun - 1
    while j > max(-1, noun - PREMODIFIER_WINDOW) and (
            context.tokens.lower[j] in DETERMINERS or context.owner[j]
            or context.doc[j].is_alpha and context.tokens.lower[j] not in PREPOSITIONS
            and not (context.is_other_verb(context.doc[j])
                     and (j == 0 or context.tokens.lower[j - 1] not in DETERMINERS))):
        j -= 1
    return j if j >= 0 and context.tokens.lower[j] in PREPOSITIONS else None


def subordinate_tokens(start: int, end: int, context: ArticleContext) -> set[int]:
    """The tokens in [start, end) of clauses opened by a lower-case clause word ("which",
    "who", "as", "after"), each up to the next comma; an "as" that only says what an object
    is called opens none ("labeled X as a terrorist and levied sanctions")."""
    lower, openers = context.tokens.lower, discourse().clause_openers
    inner: set[int] = set()
    j = start
    while j < end:
        if lower[j] in openers and context.doc[j].is_lower and not context.quoted[j] \
                and not names_what_it_is_called(j, end, context):
            close = next((k for k in range(j + 1, end) if lower[k] == ","), end)
            inner.update(range(j, close))
            j = close
        j += 1
    return inner


def names_what_it_is_called(j: int, end: int, context: ArticleContext) -> bool:
    """Token ``j`` is an "as" before an "and" with no verb between ("as a terrorist and")."""
    conjunction = next((k for k in range(j + 1, end) if context.tokens.lower[k] == "and"), None)
    return conjunction is not None and is_complement_as(j, conjunction, context)


def day_clause(span: Span, candidates: list[EventMention],
               context: ArticleContext) -> list[EventMention]:
    """The events of a clause right after a time expression that tells what happened that
    day: the events of a "when" clause ("on Wednesday, when the two presidents watched
    ..."), the verbs of an "after" one ("arrived in Seoul on Monday after Kim met Trump";
    setting.yaml day_clause_openers)."""
    after = [t for t in context.doc[span.end:span.end + 2] if not t.is_space]
    opener = next((t for t in after if t.lower_ != ","), None)
    openers = setting_words()["day_clause_openers"]
    if opener is None or opener.lower_ not in openers:
        return []
    end = context.clause_end(opener.i)
    comma = next((j for j in range(opener.i + 1, end) if context.tokens.lower[j] == ","), end)
    return [m for m in candidates if opener.i < m.token < comma
            and (openers[opener.lower_] == "events" or not m.nominal)]


def share_coordinated_dates(mentions: list[EventMention], dated_by: dict[int, Span],
                            context: ArticleContext) -> None:
    """A verb right after "and", or after ", and" and a subject that refers back, with no
    date of its own shares the date of the verb before the "and", or of the occasion noun of that
    verb's clause, where that date is written before the "and" ("rejected the measures on
    Wednesday and accused the US", "welcomed the pledge in a statement on Friday and
    appealed to ...", "spoke with her on Sunday, and the two agreed to ...")."""
    for n, mention in enumerate(mentions):
        if mention.event.date is not None or mention.nominal:
            continue
        conjunction = coordinating_and(mention.token, context)
        if conjunction is None:
            continue
        sentence = context.sentence_index[mention.token]
        verb = next((m for m in reversed(mentions[:n]) if m.token < conjunction.i
                     and (not m.nominal or is_occasion_noun_of_clause(m.token, context))
                     and context.sentence_index[m.token] == sentence
                     and (id(m) in dated_by or not m.nominal)), None)  # past undated occasions
        span = dated_by.get(id(verb)) if verb is not None else None
        if span is not None and span.end <= conjunction.i \
                and not is_closed_relative(verb.token, conjunction.i, context):
            mention.event.date, mention.event.date_text = verb.event.date, verb.event.date_text


def date_after_untold_verbs(mentions: list[EventMention],
                            resolved: list[tuple[Span, date, str | None]],
                            dated_by: dict[int, Span], context: ArticleContext) -> None:
    """A verb told as past right after "and" with no date of its own, whose clause began
    with a verb that is no event and was told on a day ("went further yesterday and
    demanded", "handed a note to the envoy on Tuesday ..., and asked"), is on that day: the
    nearest time expression told as past before the "and" in its sentence that dates no
    verb nor a noun ("the launch of Monday"), outside clauses within the sentence, no comma
    between it and the ", and", no verb of saying outside those clauses and no other verb
    event near it."""
    by_verbs = {id(span) for m in mentions if not m.nominal
                for span in [dated_by.get(id(m))] if span is not None}
    for mention in mentions:
        conjunction = coordinating_and(mention.token, context)
        if mention.event.date is not None or mention.nominal or conjunction is None \
                or mention.speech_verb is not None \
                or not told_as_past(context.doc[mention.token]):
            continue
        sentence = context.sentence_of(mention.token)
        inner = subordinate_tokens(sentence.start, conjunction.i, context)
        found = next(((span, day) for span, day, tense in reversed(resolved)
                      if sentence.start <= span.start and span.end <= conjunction.i
                      and tense == "past" and id(span) not in by_verbs
                      and span.label_ != "since" and span.start not in inner
                      and context.tokens.lower[span.start - 1] != "of"
                      and "," not in context.tokens.lower[span.end:conjunction.i - 1]), None)
        if found is None or any(is_speech_verb_at(j, context) for j in range(
                sentence.start, conjunction.i) if j not in inner) \
                or any(not m.nominal and found[0].start - PREMODIFIER_WINDOW < m.token
                       < conjunction.i and m is not mention for m in mentions):
            continue
        mention.event.date, mention.event.date_text = found[1], found[0].text


def coordinating_and(verb: int, context: ArticleContext) -> Token | None:
    """The "and" that coordinates the clause of the verb at token ``verb`` with the one
    before: right before the verb ("and accused"), or before a comma and a subject that
    refers back (", and the two agreed", ", and she accused"), if any."""
    before = previous_word(context.doc[verb])
    if before is not None and before.lower_ == "and":
        return before
    stop = max(context.sentence_of(verb).start, verb - SUBJECT_REACH)
    j = verb - 1
    while j > stop and is_subject_word(j, context):
        j -= 1
    comma = previous_word(context.doc[j])
    return context.doc[j] if j < verb - 1 and context.doc[j].lower_ == "and" \
        and comma is not None and comma.lower_ == "," else None


def is_subject_word(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` may stand in the subject of a coordinated clause that goes on
    telling of the same parties: a pronoun, a determiner or number, a noun of a group ("the
    two leaders"), an auxiliary; not a name (", and Trump accused" tells of another act)."""
    lower = context.doc[j].lower_
    return context.doc[j].is_space or lower in discourse().pronouns or lower in DETERMINERS \
        or lower in AUXILIARIES or lower in discourse().pair_words \
        or lower in discourse().pair_nouns


def share_circumstances(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event of a phrase of circumstance after a clause happens with that clause's event
    (the last one before it in the sentence with a place or a date), at its place and on
    its day: a ", with X doing ..." phrase ("negotiators met in Istanbul on Tuesday, with
    Turkey acting as mediator"; "the talks ended on Friday, with each side blaming the
    other"); a past ", as X did ..." clause ("signed the accords on Friday, as the two
    leaders held talks at the palace"), whose place is the clause's too where it has none,
    or ", when", ", before", ", after X did ..." ("agreed in Tokyo on Thursday, after
    their ministers met for three hours");
    or a ", although X did ..." clause in the simple past ("the talks ended in Ankara on
    Tuesday without a deal, although both sides agreed to meet again"); or a verb's -ing
    form after a comma ("the US imposed sanctions on Wednesday, accusing them of ...").
    """
    for n, mention in enumerate(mentions):
        start = circumstance_start(mention, context)
        main = next((m for m in reversed(mentions[:n]) if m.token < start - 1
                     and not m.suppressed and (m.event.date or m.event.place
                                               or is_simultaneous(start, context))
                     and context.sentence_index[m.token]
                     == context.sentence_index[mention.token]), None) if start else None
        if main is None:
            continue
        share_setting(main, mention)
        if is_simultaneous(start, context) and main.event.place is None:
            main.event.place = mention.event.place


def share_with_modified_nouns(mentions: list[EventMention], context: ArticleContext) -> None:
    """A participle joined by a hyphen to the event noun after it ("Turkish-mediated talks",
    "a US-brokered deal") tells of that event: it takes the noun's place and date where it
    has none of its own; so does the noun from a past participle right after it ("a speech
    posted on Telegram late on Monday", "sanctions imposed in Brussels")."""
    nouns = {mention.token: mention for mention in mentions if mention.nominal}
    for mention in mentions:
        if mention.nominal:
            continue
        before = previous_word(context.doc[mention.token])
        noun = nouns.get(mention.token + 1)
        if noun is not None and before is not None and before.lower_ in HYPHENS \
                and not before.whitespace_:
            share_setting(noun, mention)
        noun = nouns.get(mention.token - 1)
        if noun is not None and told_as_past(context.doc[mention.token]):
            share_setting(mention, noun)


def occasions_of_verbs(mentions: list[EventMention], context: ArticleContext) -> None:
    """A verb takes the place and date of the occasion it was done at, named later in its
    clause after a preposition of occasion ("urged Kim in a speech in Seoul to ...", "urged
    restraint, in a statement released on Tuesday"; setting.yaml occasion_classes): no
    other verb, verb of saying or clause boundary between but the comma before the
    preposition."""
    classes = frozenset(setting_words()["occasion_classes"])
    for n, mention in enumerate(mentions):
        if mention.nominal or mention.suppressed \
                or mention.event.place is not None and mention.event.date is not None:
            continue
        occasion = next((m for m in mentions[n + 1:] if m.nominal and m.event.cls in classes
                         and context.sentence_index[m.token]
                         == context.sentence_index[mention.token]), None)
        if occasion is not None and (occasion.event.place or occasion.event.date) \
                and is_occasion_noun_of_clause(occasion.token, context) \
                and not any(m.token < occasion.token and not m.nominal for m in mentions[n + 1:]) \
                and is_same_clause(mention.token, preposition_index_of_noun(occasion.token,
                                                                            context), context):
            share_setting(occasion, mention)


def is_same_clause(start: int, end: int, context: ArticleContext) -> bool:
    """Whether no clause boundary or verb of saying stands in (start, end), a comma right
    before ``end`` aside."""
    return not speech_verb_between(start, end, context) and not any(
        context.boundary[j] and not (j == end - 1 and context.tokens.lower[j] == ",")
        for j in range(trigger_end(start, context), end))


def share_setting(source: EventMention, mention: EventMention) -> None:
    """The mention takes the source's place and date where it has none of its own."""
    mention.event.place = mention.event.place or source.event.place
    if mention.event.date is None:
        mention.event.date, mention.event.date_text = source.event.date, source.event.date_text


def follow_occasions(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event told as coming right after another ("announced the measures after a meeting
    of ministers in Brussels", "a statement issued after the meeting") with no date of its
    own is on that event's day and at its place: the one its noun names, or else the last
    one before it of that kind with a date or place ("meeting in Doha on Tuesday ... after
    the meeting"). Not after an interval ("a day after the summit"). Where the text names
    no such event before, "after the meeting" recalls, as "afterwards" does ("Speaking at a
    news conference afterwards, ..."), the last event told before with its day
    (``last_told``): "ministers agreed on Monday to ... Kallas announced the decision after
    the meeting"."""
    for n, mention in enumerate(mentions):
        if mention.event.date is not None or not (mention.nominal
                                                  or told_as_past(context.doc[mention.token])):
            continue
        occasion = sequel_noun(mention, mentions, context)
        if occasion is None:
            source = last_told(mentions[:n], mention, context) \
                if is_told_afterwards(mention, context) \
                or mention.nominal and follows_recalled_remarks(mention.token, context) else None
        elif occasion.event.date or occasion.event.place:
            source = occasion
        else:
            source = last_situated(occasion, mentions[:n]) or (
                last_told(mentions[:n], mention, context)
                if is_recalled(occasion.token, context) else None)
        if source is not None:
            share_setting(source, mention)


def is_told_afterwards(mention: EventMention, context: ArticleContext) -> bool:
    """Whether "afterwards" (setting.yaml sequel_adverbs) stands in the mention's clause
    after it, before any comma ("at a news conference afterwards"), or opens its sentence
    ("Afterwards, the two leaders ...")."""
    lower, adverbs = context.tokens.lower, setting_words()["sequel_adverbs"]
    sentence = context.sentence_of(mention.token)
    for j in range(trigger_end(mention.token, context), context.clause_end(mention.token)):
        if lower[j] == ",":
            break
        if lower[j] in adverbs:
            return True
    first = next((j for j in range(sentence.start, mention.token)
                  if not (context.doc[j].is_space or context.doc[j].is_quote)), None)
    return first is not None and lower[first] in adverbs and lower[first + 1] == ","


def follows_recalled_remarks(noun: int, context: ArticleContext) -> bool:
    """Whether the event noun at ``noun`` is where remarks told before were made: its
    preposition follows words that recall them (setting.yaml recalled_remarks: "made the
    remarks in a speech to the board")."""
    at = preposition_index_of_noun(noun, context)
    words = " ".join(context.tokens.lower[max(at - 2, 0):at]) if at is not None else ""
    return words in setting_words()["recalled_remarks"]


def is_recalled(noun: int, context: ArticleContext) -> bool:
    """Whether the event noun at ``noun`` follows a determiner that recalls a thing told
    before ("after the meeting"; not "after a meeting")."""
    lower = context.tokens.lower
    j = noun - 1
    while j > max(noun - PREMODIFIER_WINDOW, 0) and lower[j] not in DETERMINERS \
            and is_premodifier(j, context):
        j -= 1
    return lower[j] in setting_words()["recalling_determiners"]


def last_told(before: list[EventMention], mention: EventMention,
              context: ArticleContext) -> EventMention | None:
    """The last event told before the mention, in its paragraph or the one before, that is
    dated to a day: what "afterwards" or an event noun named for the first time as "the
    meeting" recall."""
    paragraph = context.paragraph_at(mention.token)
    return next((m for m in reversed(before) if not m.suppressed and m.event.date
                 and is_day(m.event.date) and paragraph - context.paragraph_at(m.token) <= 1),
                None)


def recalled_occasions(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event told as done at or during a gathering named before ("rejected the proposal
    during the session", "tabled a plan at the talks": a definite noun of
    ``recalled_gathering``) takes the place and date of the last gathering before it that has
    a date or a place ("sat down with both camps in Noumea on Thursday")."""
    gatherings = frozenset(setting_words()["gathering_classes"])
    for n, mention in enumerate(mentions):
        if mention.event.date is not None and mention.event.place is not None \
                or not recalled_gathering(mention, mentions, context):
            continue
        source = next((m for m in reversed(mentions[:n]) if m.event.cls in gatherings
                       and not m.suppressed and (m.event.date or m.event.place)), None)
        if source is not None:
            share_setting(source, mention)


def recalled_gathering(mention: EventMention, mentions: list[EventMention],
                       context: ArticleContext) -> bool:
    """Whether the mention's clause goes on, before any comma, with "at" or "during" and a
    definite noun of a gathering ("during the session", "at the talks"): a noun of
    setting.yaml gathering_nouns or a gathering's trigger, a few plain words before it."""
    lower, words = context.tokens.lower, setting_words()
    nouns = {m.token for m in mentions if m.nominal and m.event.cls in words["gathering_classes"]}
    end = context.clause_end(mention.token)
    for j in range(trigger_end(mention.token, context), end - 1):
        if lower[j] == ",":
            return False
        if lower[j] in words["occasion_nouns_after"] and lower[j + 1] in words["recalling_determiners"]:
            k = next((k for k in range(j + 2, min(end, j + 2 + PREMODIFIER_WINDOW))
                      if k in nouns or lower[k] in words["gathering_nouns"]), None)
            return k is not None and all(context.doc[i].is_alpha and not context.owner[i]
                                         for i in range(j + 2, k))
    return False


def continued_occasions(mentions: list[EventMention], context: ArticleContext) -> None:
    """A verb told as past with no date of its own, whose agent acted on a dated occasion
    in the sentence before, in the same paragraph, is on that occasion ("The agency said in
    a statement on Wednesday that ... The agency accused the crews of ...": Wednesday; a
    party to a meeting: "A and B spoke by phone on Monday. B urged A to ...": Monday): the
    next sentence goes on telling what the same actor did then; so does the occasion a verb
    of saying tells it at ("Sandu accused Moscow on Friday of ... '...,' she said in a
    televised address": ``telling_verb``). Not across a paragraph, and not where the
    sentence before dates that actor's events on two days."""
    sentences = by_sentence(mentions, context)
    for mention in mentions:
        event = mention.event
        verb = telling_verb(mention, context) if mention.nominal else mention.token
        if event.date is not None or verb is None or mention.suppressed or not event.agents \
                or not told_as_past(context.doc[verb]):
            continue
        paragraph = context.paragraph_at(mention.token)
        before = [m for m in sentences.get(context.sentence_index[mention.token] - 1, [])
                  if context.paragraph_at(m.token) == paragraph and not m.suppressed
                  and m.event.date is not None
                  and participants(m, context) & set(event.agents)]
        if len({m.event.date for m in before}) == 1:
            share_setting(before[-1], mention)


def days_set_before(mentions: list[EventMention], context: ArticleContext) -> None:
    """A sentence told in the past that names a day but no event outside its relative
    clauses (``tells_events``: "The row reached the presidents on Thursday morning.") sets
    the day of the next sentence of its paragraph: its acts told in the simple past with no
    date of their own are on that day ("Japarov spoke by telephone with Mirziyoyev, and the
    two agreed ..."), and so is the occasion a verb of saying told as past was told at
    ("..., she said in a video": ``is_told_at``), not what a verb of saying reports; a day
    told in the past perfect ("had received him on 8 May") is backstory and
    sets none. A day a verb of saying told as past opens the clause of ("X told reporters
    in Tunis on Tuesday that ...") sets it only for the acts of its speaker ("She urged
    ..."), and with it the place the remarks were made in."""
    sentences = by_sentence(mentions, context)
    for span, day, tense in resolved_expressions(context):
        number = context.sentence_index[span.start]
        telling = saying_verb_of(span, context)
        if not is_day(day) or tells_events(sentences.get(number, []), span, context) \
                or span.label_ == "since" \
                or not (tense == "past" or telling is not None
                        and told_as_past(context.doc[telling])) \
                or is_backstory(span, context):
            continue
        start = context.sentences[number].end if number + 1 < len(context.sentences) else None
        speakers = None if telling is None else tellers_of(telling, context)
        place = None if telling is None else next(
            (context.owner[j] for j in range(telling + 1, span.start)
             if is_place_argument(j, context)), None)
        for mention in sentences.get(number + 1, []):
            if start is not None and context.paragraph_at(mention.token) \
                    == context.paragraph_at(span.start) and mention.event.date is None \
                    and (is_carried_act(mention, context) or is_told_at(mention, context)) \
                    and (speakers is None or speakers & set(mention.event.agents)) \
                    and not is_reported_after(start, mention, context):
                mention.event.date, mention.event.date_text = day, span.text
                mention.event.place = mention.event.place or place


def tells_events(group: list[EventMention], span: Span, context: ArticleContext) -> bool:
    """Whether a sentence tells events of its own: one outside its relative clauses, or one
    the time expression dated ("X, who refuses to ..., welcomed it on Tuesday" tells none)."""
    return any(not (mention.suppressed or in_relative_clause(mention.token, context))
               or mention.event.date_text == span.text for mention in group)


def is_told_at(noun: EventMention, context: ArticleContext) -> bool:
    """Whether the mention is an undated occasion that a verb of saying told as past was
    told at ("she said in a video on Facebook")."""
    verb = telling_verb(noun, context) if noun.nominal and not noun.suppressed else None
    return verb is not None and noun.event.date is None and told_as_past(context.doc[verb])


def saying_verb_of(span: Span, context: ArticleContext) -> int | None:
    """The verb of saying that opens the clause of a time expression ("told" of "told
    reporters on Tuesday"), if any."""
    start = context.clause_start(span.start)
    return start - 1 if start > context.sentence_of(span.start).start \
        and is_speech_verb_at(start - 1, context) else None


def tellers_of(verb: int, context: ArticleContext) -> set[str]:
    """Who may be the speaker of the verb of saying at ``verb``: its subject and whoever is
    named before it in its sentence outside quotes ("X, head of the Y, told": X and Y)."""
    named = {context.owner[j] for j in range(context.sentence_of(verb).start, verb)
             if context.owner[j] and not context.quoted[j]}
    return named | set(context.subject_before(verb))


def telling_verb(noun: EventMention, context: ArticleContext) -> int | None:
    """The verb of saying whose occasion the noun is ("said" of "said in a televised
    address", "told" of "told a briefing": ``is_telling_of``; "said" of "In a statement,
    the ministry said": ``opening_telling_verb``), if any."""
    start = max(context.sentence_of(noun.token).start, noun.token - PREMODIFIER_WINDOW - 2)
    return next((j for j in range(noun.token - 1, start - 1, -1) if is_speech_verb_at(j, context)
                 and is_telling_of(j, noun, context)), None) \
        or opening_telling_verb(noun, context)


def opening_telling_verb(noun: EventMention, context: ArticleContext) -> int | None:
    """The verb of saying right after the phrase of occasion that opens the sentence with
    the noun ("In a statement, it said ..."), its subject between the comma and it."""
    lower, sentence = context.tokens.lower, context.sentence_of(noun.token)
    first = first_word(sentence, context)
    if noun.event.cls not in setting_words()["occasion_classes"] \
            or preposition_index_of_noun(noun.token, context) != first \
            or lower[first] not in setting_words()["occasion_preps"]:
        return None
    comma = next((j for j in range(noun.token + 1, min(sentence.end, first + PHRASE_REACH))
                  if lower[j] == ","), None)
    verb = next((j for j in range(comma + 1, min(sentence.end, comma + 1 + SUBJECT_REACH))
                 if lower[j] == "," or is_speech_verb_at(j, context)), None) \
        if comma is not None else None
    return verb if verb is not None and lower[verb] != "," else None


def carry_occasions(mentions: list[EventMention], context: ArticleContext) -> None:
    """The occasion frame: an occasion told with its day or place (a briefing, a speech, a
    news conference, the act done at it) goes on being the setting of what the text tells
    as done at it, where that has no date or place of its own: the acts after a phrase
    that opens the sentence with it ("In a statement after the meeting, X accused":
    ``opening_occasions``), a later sentence that recalls it as "the same" ("In the same
    speech he urged": ``same_occasions``), the clause "at which" opens after it ("rejected
    the plan at a news conference on Monday, at which he also accused":
    ``relative_occasions``), the later acts of its actor after "and" in its sentence
    ("told a briefing on Thursday that ... and accused India": ``actor_occasions``), and
    the brokering of it (``brokered_occasions``). Acts told later with the same actor in
    the next sentence are ``continued_occasions``'s."""
    for source, mention in chain(opening_occasions(mentions, context),
                                 same_occasions(mentions, context),
                                 relative_occasions(mentions, context),
                                 actor_occasions(mentions, context),
                                 brokered_occasions(mentions, context)):
        share_setting(source, mention)


def participants(mention: EventMention, context: ArticleContext) -> set[str]:
    """Who takes part in an event as its doer: its doers, or its actors where it names no
    agent ("told a news conference": the speaker), or for a noun with neither the subject
    of the verb before it ("Kim struck a firm tone at a news conference": Kim)."""
    event = mention.event
    found = doers(event) or event.actors
    if found or not mention.nominal:
        return set(found)
    verb = verb_before(mention.token, context)
    return set(context.subject_before(verb)) if verb is not None else set()


def verb_before(noun: int, context: ArticleContext) -> int | None:
    """The nearest verb before the noun at ``noun`` in its sentence, no comma between."""
    for j in range(noun - 1, context.sentence_of(noun).start - 1, -1):
        if context.tokens.lower[j] == ",":
            return None
        if context.is_other_verb(context.doc[j]):
            return j
    return None


def is_carried_act(mention: EventMention, context: ArticleContext,
                   day: date | None = None) -> bool:
    """Whether the mention is a verb told in the simple past with a doer (``doers``) and
    no date (or the occasion's ``day``, already given it by the phrase that names both),
    the kind of act an occasion told before it sets ("accused", not "had accused")."""
    verb = context.doc[mention.token]
    return not (mention.nominal or mention.suppressed) and mention.event.date in (None, day) \
        and bool(doers(mention.event)) and told_as_past(verb) \
        and finite_of(verb).lower_ not in time_words()["past_auxiliaries"]


def actor_occasions(mentions: list[EventMention], context: ArticleContext
                    ) -> Iterator[tuple[EventMention, EventMention]]:
    """(occasion, act) for each act coordinated by "and" (``coordinating_and``) done by
    someone taking part in a dated event told before it in the sentence, no other time
    expression and no clause of another time between: "X told a news conference on Monday
    that ... and accused Y", "..., and he urged Y": both on Monday; not "X met Y on Monday,
    a day after he had accused Z"."""
    for group in by_sentence(mentions, context).values():
        for n, mention in enumerate(group):
            if not is_carried_act(mention, context) \
                    or coordinating_and(mention.token, context) is None:
                continue
            source = next((m for m in reversed(group[:n]) if not m.suppressed
                           and m.event.date is not None and is_day(m.event.date)
                           and participants(m, context) & set(mention.event.agents)), None)
            if source is not None and not other_time_between(source, mention, context) \
                    and not in_clause_of_another_time(source.token, mention.token, context) \
                    and not is_closed_relative(source.token, mention.token, context):
                yield source, mention


def in_clause_of_another_time(start: int, end: int, context: ArticleContext) -> bool:
    """Whether token ``end`` lies in a clause that a clause word other than "that" opens
    past ``start``, no comma between ("met Y on Monday, a year after he accused Z", "who
    accused"); what "that" opens after a verb of saying is told at its occasion."""
    lower, openers = context.tokens.lower, discourse().clause_openers
    for j in range(end - 1, start, -1):
        if lower[j] == ",":
            return False
        if lower[j] in openers and context.doc[j].is_lower and not context.quoted[j]:
            return lower[j] not in setting_words()["complement_words"]
    return False


def brokered_occasions(mentions: list[EventMention], context: ArticleContext
                       ) -> Iterator[tuple[EventMention, EventMention]]:
    """(occasion, act) for an act of brokering (setting.yaml brokering_classes) and the
    dated event of its sentence between the parties it brokered ("the two presidents met
    in Doha on Tuesday with the emir, who brokered the encounter": the mediation is in
    Doha on Tuesday), no other time expression between."""
    classes = frozenset(setting_words()["brokering_classes"])
    for group in by_sentence(mentions, context).values():
        for mention in group:
            parties = set(mention.event.actors) - set(mention.event.agents)
            if family(mention.event.cls) not in classes or not parties \
                    or not is_carried_act(mention, context):
                continue
            source = next((m for m in group if not m.suppressed and m.event.date is not None
                           and is_day(m.event.date) and family(m.event.cls) not in classes
                           and parties <= set(m.event.actors)), None)
            if source is not None and not other_time_between(source, mention, context):
                yield source, mention


def other_time_between(source: EventMention, mention: EventMention,
                       context: ArticleContext) -> bool:
    """Whether a time expression other than the one dating the source stands between the
    two mentions (in either order)."""
    start, end = sorted((source.token, mention.token))
    return any(start < span.start < end and span.text != source.event.date_text
               for span in context.doc.spans.get("kg_dates", []))


def occasion_at(j: int, mentions: list[EventMention],
                context: ArticleContext) -> EventMention | None:
    """The event whose setting the noun at token ``j`` names: the noun's own mention, if
    it has a date or place ("a briefing on Thursday"), else the verb of its clause before
    it that has ("rejected the plan in a video on Thursday": the rejection)."""
    own = next((m for m in mentions if m.token == j and m.nominal and not m.suppressed
                and (m.event.date or m.event.place)), None)
    if own is not None:
        return own
    sentence = context.sentence_of(j)
    return next((m for m in reversed(mentions) if sentence.start <= m.token < j
                 and not (m.nominal or m.suppressed) and (m.event.date or m.event.place)
                 and is_same_clause(m.token, j, context)), None)


def relative_occasions(mentions: list[EventMention], context: ArticleContext
                       ) -> Iterator[tuple[EventMention, EventMention]]:
    """(occasion, act) for each act of a clause opened by ", at which" (setting.yaml
    occasion_relatives) after the noun of an occasion or gathering: the noun's event or
    the verb of its clause (``occasion_at``)."""
    lower, words = context.tokens.lower, setting_words()
    nouns = {m.token for m in mentions if m.nominal} | {
        j for j in range(len(context.doc)) if lower[j] in words["gathering_nouns"]}
    for j in range(1, len(context.doc) - 2):
        if lower[j - 1] != "," or f"{lower[j]} {lower[j + 1]}" not in words["occasion_relatives"]:
            continue
        start = context.clause_start(j - 1)
        noun = next((k for k in range(j - 2, start - 1, -1) if k in nouns), None)
        source = occasion_at(noun, mentions, context) if noun is not None else None
        end = context.clause_end(j + 1)
        for mention in mentions:
            if source is not None and j < mention.token < end \
                    and is_carried_act(mention, context):
                yield source, mention


def opening_occasions(mentions: list[EventMention], context: ArticleContext
                      ) -> Iterator[tuple[EventMention, EventMention]]:
    """(occasion, act) for the acts of a sentence that opens with a phrase naming the
    occasion they were told at ("In a statement after the talks, the ministry accused
    ...": a noun of setting.yaml occasion_classes after a preposition of occasion, up to
    a comma), where that noun has a date or place: the acts after the comma, not those
    of a clause within."""
    classes, lower = frozenset(setting_words()["occasion_classes"]), context.tokens.lower
    for sentence in context.sentences:
        first = first_word(sentence, context)
        comma = next((j for j in range(first, min(sentence.end, first + PHRASE_REACH))
                      if lower[j] == ","), None)
        if comma is None or lower[first] not in setting_words()["occasion_preps"]:
            continue
        noun = next((m for m in mentions if first < m.token < comma and m.nominal
                     and m.event.cls in classes and not m.suppressed
                     and preposition_index_of_noun(m.token, context) == first), None)
        if noun is None or not (noun.event.date or noun.event.place):
            continue
        inner = subordinate_tokens(comma, sentence.end, context)
        for mention in mentions:
            if comma < mention.token < sentence.end and mention.token not in inner \
                    and is_carried_act(mention, context, noun.event.date) \
                    and not is_reported_after(comma, mention, context):
                yield noun, mention


def same_occasions(mentions: list[EventMention], context: ArticleContext
                   ) -> Iterator[tuple[EventMention, EventMention]]:
    """(occasion, act) for the events of a sentence that opens with a phrase recalling an
    occasion as "the same" ("At the same briefing, he urged ...", "In the same video he
    demanded"): the occasion is the last one named by that noun in the paragraph or the
    one before (``occasion_at``); the noun's own mention is set too."""
    lower = context.tokens.lower
    for sentence in context.sentences:
        k = same_noun(sentence, context)
        if k is None:
            continue
        paragraph = context.paragraph_at(k)
        earlier = next((j for j in range(sentence.start - 1, -1, -1) if lower[j] == lower[k]
                        and paragraph - context.paragraph_at(j) <= 1), None)
        source = occasion_at(earlier, mentions, context) if earlier is not None else None
        if source is None:
            continue
        inner = subordinate_tokens(k + 1, sentence.end, context)
        for mention in mentions:
            if mention.token == k and mention.nominal and not mention.suppressed \
                    or k < mention.token < sentence.end and mention.token not in inner \
                    and is_carried_act(mention, context):
                yield source, mention


def same_noun(sentence: Span, context: ArticleContext) -> int | None:
    """The noun of a phrase opening the sentence with a preposition of occasion and "the
    same" (setting.yaml occasion_preps, recalling_phrases: "At the same briefing", "In the
    same speech")."""
    lower = context.tokens.lower
    first = first_word(sentence, context)
    if first + 3 >= sentence.end or lower[first] not in setting_words()["occasion_preps"] \
            or f"{lower[first + 1]} {lower[first + 2]}" not in setting_words()["recalling_phrases"]:
        return None
    k = first + 3
    while k + 1 < sentence.end and k + 1 in context.trigger_tokens and not context.owner[k + 1]:
        k += 1  # "the same news conference"
    return k


def doers(event: Event) -> list[str]:
    """Who does an event: its agents, or for a meeting all its parties ("Ng and Wang spoke by
    video link": both)."""
    return event.actors if family(event.cls) == "Meeting" else event.agents


def joint_occasions(mentions: list[EventMention], context: ArticleContext) -> None:
    """A joint act named by a noun ("a joint news conference", "a joint declaration") with no
    date or place of its own is held at the meeting of its parties: it takes the date and
    place of the meeting before it, where no other dated or placed event stands between
    ("held talks with Rouhani in Tehran on Wednesday. Rouhani told a joint news conference
    ...")."""
    for n, mention in enumerate(mentions):
        if not mention.nominal or mention.event.date or mention.event.place \
                or not is_joint(mention.token, context):
            continue
        source = next((m for m in reversed(mentions[:n]) if not m.suppressed
                       and (m.event.date or m.event.place)), None)
        if source is not None and family(source.event.cls) == "Meeting":
            share_setting(source, mention)


def is_joint(noun: int, context: ArticleContext) -> bool:
    """Whether a word of joint action stands among the premodifiers of the noun at ``noun``
    ("a joint news conference")."""
    start = context.sentence_of(noun).start
    return any(context.tokens.lower[j] in setting_words()["joint_words"]
               for j in range(max(start, noun - PREMODIFIER_WINDOW), noun))


def last_situated(occasion: EventMention, before: list[EventMention]) -> EventMention | None:
    """The last mention before of the occasion's kind that has a date or a place."""
    return next((m for m in reversed(before) if m is not occasion
                 and family(m.event.cls) == family(occasion.event.cls)
                 and (m.event.date or m.event.place)), None)


def sequel_noun(mention: EventMention, mentions: list[EventMention],
                context: ArticleContext) -> EventMention | None:
    """The event noun of an "after the meeting" phrase later in the mention's clause, with
    no comma, verb of saying or interval ("hours after") before it, or of one opening its
    sentence ("After the talks, Kim told a news conference ..."), not for what a verb of
    saying reports or an infinitive."""
    lower = context.tokens.lower
    sentence = context.sentence_of(mention.token)
    nouns = {m.token: m for m in mentions if m.nominal and m is not mention}
    for j in range(mention.token + 1, sentence.end):
        if lower[j] == "," or speech_verb_between(mention.token, j, context):
            return None
        if lower[j] in setting_words()["sequel_preps"]:
            return sequel_phrase_noun(j, sentence.end, nouns, context)
    first = next((j for j in range(sentence.start, mention.token)
                  if not (context.doc[j].is_punct or context.doc[j].is_space)), None)
    comma = next((j for j in range(sentence.start, mention.token) if lower[j] == ","), None)
    if first is None or comma is None or lower[first] not in setting_words()["sequel_preps"] \
            or is_reported_after(comma, mention, context) or lower[mention.token - 1] == "to":
        return None
    return sequel_phrase_noun(first, comma, nouns, context)


def sequel_phrase_noun(j: int, end: int, nouns: dict[int, EventMention],
                       context: ArticleContext) -> EventMention | None:
    """The event noun of the phrase that the sequel preposition at ``j`` opens, before token
    ``end``: a determiner and a few plain words before it ("after the first meeting"), no
    interval before the preposition ("a day after")."""
    lower = context.tokens.lower
    if lower[j - 1] in setting_words()["interval_words"] or j + 1 >= end \
            or lower[j + 1] not in DETERMINERS:
        return None
    k = next((k for k in range(j + 2, min(end, j + 2 + PREMODIFIER_WINDOW)) if k in nouns),
             None)
    return nouns[k] if k is not None and all(
        context.doc[i].is_alpha and not context.owner[i] for i in range(j + 2, k)) else None


def count_from_dated_events(mentions: list[EventMention], context: ArticleContext) -> None:
    """An event noun a number of days after or before a dated event of its sentence ("toured
    a factory on September 15, two days after his summit with Putin") is dated by counting
    from that event's day; one some hours after or before ("said on Wednesday, hours after
    talks in Brussels ended") is on that day. Where no event before it in its sentence is
    dated, the day is that of the sentence's last time expression before it. Hours may
    reach into the day before ("pledged on Friday, hours after the summit collapsed"):
    where the text dates another event of the noun's kind to a day, it is left to be that
    one."""
    days = day_expressions(context)
    for n, mention in enumerate(mentions):
        if not mention.nominal or mention.event.date is not None:
            continue
        offset = days_before_noun(mention.token, context)
        if offset == 0 and any(m is not mention and family(m.event.cls) == family(
                mention.event.cls) and m.event.date and is_day(m.event.date) for m in mentions):
            continue
        sentence = context.sentence_index[mention.token]
        dated = next((m for m in reversed(mentions[:n]) if m.event.date is not None
                      and is_day(m.event.date)
                      and context.sentence_index[m.token] == sentence), None)
        anchor = (dated.event.date, dated.event.date_text) if dated is not None else next(
            ((day, span.text) for span, day in reversed(days) if span.end <= mention.token
             and context.sentence_index[span.start] == sentence), None)
        if offset is not None and anchor is not None:
            mention.event.date = anchor[0] + timedelta(days=offset)
            mention.event.date_text = anchor[1]


def day_expressions(context: ArticleContext) -> list[tuple[Span, date]]:
    """The article's time expressions that name a day, with that day, in text order."""
    return [(span, day) for span, day, _ in resolved_expressions(context)
            if is_day(day) and span.label_ != "since"]


def days_before_noun(noun: int, context: ArticleContext) -> int | None:
    """How many days the event noun at ``noun`` lies from the day before it, where a count
    of days or weeks and "after" or "before" lead to it ("two days after his summit": -2,
    "a week before the vote": 7); none for a few hours or minutes ("hours after another
    round of EU-facilitated talks": 0). A few plain words, names, hyphens and "of" may
    stand between."""
    lower, words = context.tokens.lower, time_words()
    j = noun - 1
    while j > max(noun - SEQUEL_REACH, 1) and lower[j] not in words["counting_preps"] \
            and is_premodifier(j, context):
        j -= 1
    if j < 1 or lower[j] not in words["counting_preps"]:
        return None
    if lower[j - 1] in words["same_day_units"]:
        return 0
    if j < 2 or lower[j - 1] not in words["anchored_units"]:
        return None
    count = lower[j - 2]
    number = int(count) if count.isdigit() else words["counts"].get(count)
    return None if number is None else \
        number * words["anchored_units"][lower[j - 1]] * words["counting_preps"][lower[j]]


def is_premodifier(j: int, context: ArticleContext) -> bool:
    """Whether token ``j`` may stand in the phrase of an event noun after its preposition
    ("another round of EU-facilitated talks"): a determiner, a plain word that is no verb,
    "of", a name, a hyphen or a participle right after one."""
    doc, lower = context.doc, context.tokens.lower
    after_hyphen = j > 0 and lower[j - 1] in HYPHENS and not doc[j - 1].whitespace_
    return lower[j] in DETERMINERS or lower[j] in HYPHENS or bool(context.owner[j]) \
        or doc[j].is_alpha and (after_hyphen or not context.is_other_verb(doc[j]))


def circumstance_start(mention: EventMention, context: ArticleContext) -> int | None:
    """The first token of the phrase of circumstance that holds the mention, if any: "with"
    after a comma, then a participle before the mention or at it; "as", "when", "before" or
    "after" after a comma opening a clause told as past, whose verb is the mention ("...,
    as the two leaders held talks", "..., after their ministers met for three hours"), or
    "although" opening one in the simple past ("..., although both sides agreed"; not
    "although they had agreed"); no other comma between; or the mention itself, a verb's
    -ing form right after a comma ("imposed sanctions on Monday, accusing them of ...")."""
    i = mention.token
    sentence, lower = context.sentence_of(i), context.tokens.lower
    j = i
    while j > sentence.start and lower[j - 1] != ",":
        j -= 1
    verb = context.doc[i]
    if j == i > sentence.start:
        return j if is_participle_clause(mention, context) else None
    if j == sentence.start or j > i:
        return None
    if lower[j] == "as" or lower[j] in setting_words()["day_clause_openers"]:
        return j if not mention.nominal and is_verb_form(verb, context) \
            and told_as_past(verb) else None
    if lower[j] in setting_words()["concessive_openers"]:
        return j if not mention.nominal and is_verb_form(verb, context) \
            and finite_of(verb) is verb and told_as_past(verb) else None
    if lower[j] != "with":
        return None
    return j if any(lower[k].endswith("ing") and context.doc[k].is_lower
                    for k in range(j + 1, i + 1)) else None


def is_participle_clause(mention: EventMention, context: ArticleContext) -> bool:
    """Whether a verb mention is an -ing form opening a phrase that tells what the subject
    of the clause before did in doing it ("..., accusing them of ...", "..., urging
    calm"): a lower-case verb form, not a noun ("a briefing")."""
    verb = context.doc[mention.token]
    return not mention.nominal and verb.is_lower and verb.lower_.endswith("ing") \
        and is_verb_form(verb, context)


def is_simultaneous(start: int, context: ArticleContext) -> bool:
    """Whether the phrase of circumstance at ``start`` is an "as" clause, told as happening
    with its main clause rather than around it."""
    return context.tokens.lower[start] == "as"


def tense_of(span: Span, context: ArticleContext) -> str | None:
    """How the verb of a time expression's clause tells its event: "past" ("met", "was
    held", "had met"), "future" ("will meet", "is due to fly", "has invited them to meet",
    "is scheduled"), or None (present, wished for, or an infinitive under a past verb: "was
    due to stand down in August"). The verb is the nearest one before the expression in its
    clause, else the first after it ("In December, a court ruled")."""
    words_of_time = time_words()
    start, end = context.clause_start(span.start), context.clause_end(span.end - 1)
    words = chain((context.doc[j] for j in range(span.start - 1, start - 1, -1)),
                  (context.doc[j] for j in range(span.end, end)))
    infinitive = False
    for token in words:
        if token.lower_ == "to":
            infinitive = infinitive or is_infinitive_marker(token, context)
        elif is_verb_form(token, context):
            finite = finite_of(token).lower_
            if finite in words_of_time["future_auxiliaries"]:
                return "future"
            if infinitive or token.lower_ in words_of_time["planning_words"]:
                return "future" if finite in words_of_time["present_auxiliaries"] else None
            return "past" if told_as_past(token) else None
    return None


def is_infinitive_marker(to: Token, context: ArticleContext) -> bool:
    """Whether a "to" marks an infinitive, not a preposition before a name or a determiner
    ("handed a note to India's ambassador on Tuesday", "to the ministry")."""
    after = to.i + 1 < len(context.doc) and context.doc[to.i + 1]
    return not after or not (context.owner[after.i] or after.lower_ in DETERMINERS)


@cache
def verb_chain_words() -> frozenset[str]:
    """The auxiliaries, modals and other words of a verb's chain ("would not have")."""
    return AUXILIARIES | frozenset(time_words()["verb_chain_words"])


def finite_of(verb: Token) -> Token:
    """The first auxiliary of a verb's chain ("would" of "would have met"), or the verb; an
    adverb of the chain is none ("also met": the verb).

    >>> from spacy.lang.en import English
    >>> [finite_of(English()(text)[-1]).text for text in ("would not have met", "also met")]
    ['would', 'met']
    """
    adverbs = time_words()["chain_adverbs"]
    finite, before = verb, previous_word(verb)
    while before is not None and before.lower_ in verb_chain_words():
        finite = finite if before.lower_ in adverbs else before
        before = previous_word(before)
    return finite


def is_verb_form(token: Token, context: ArticleContext) -> bool:
    """An auxiliary, a modal or an inflected verb ("was", "will", "met"), not a noun after
    a determiner or number ("a meeting", "36 people")."""
    if token.lower_ in verb_chain_words():
        return token.lower_ != "to"
    before = previous_word(token)
    return context.is_other_verb(token) and not (
        before is not None and (before.lower_ in DETERMINERS or before.like_num))


def told_as_past(verb: Token) -> bool:
    """Whether a verb with the auxiliaries before it is past ("met", "was held", "had
    met"), not present, future or wished for ("is expected", "will meet", "hoped")."""
    past = time_words()["past_auxiliaries"]
    finite = finite_of(verb)
    if finite is not verb or verb.lower_ in past:
        return finite.lower_ in past
    return verb.lower_ not in discourse().irrealis and not verb.lower_.endswith("ing") \
        and verb.lower_ not in verb_chain_words()


def dateline_places(mentions: list[EventMention], context: ArticleContext) -> None:
    """The events of an article's first sentence that name no place took place where its
    dateline puts the reporter ("BRUSSELS - The European Union on Monday imposed sanctions
    ...": in Brussels), but not a visit (its place is the place visited), what a verb of
    saying reports, an event not dated to the days of the news (undated, "as he tried to
    calm a standoff", or of a month, a year, or a day more than a week before the article)
    nor the act of one state that does not hold the place ("HANOI - North Korea on Friday
    pledged ...": Pyongyang's pledge, told in Hanoi; see ``is_act_from_elsewhere``)."""
    name = context.article.dateline
    lead = [m for m in mentions if context.sentence_index[m.token] == 0
            and m.event.place is None and is_news_of_the_day(m.event, context)
            and m.event.cls not in argument_words().visit_classes
            and not is_reported_after(context.sentences[0].start, m, context)]
    if not name or not lead:
        return
    place = reporter_place(context.entities, name, lexicon_of(context.doc))
    if place is None:
        return
    for mention in lead:
        if not is_act_from_elsewhere(place, mention.event, context):
            mention.event.place = registered(place, context)


def is_news_of_the_day(event: Event, context: ArticleContext) -> bool:
    """Whether an event is dated to the days an article reports: a day at most ``NEWS_DAYS``
    before the article's date."""
    published = context.article.published
    return event.date is not None and is_day(event.date) and (
        published is None or 0 <= (published - event.date).days <= NEWS_DAYS)


def is_act_from_elsewhere(place: Entity, event: Event, context: ArticleContext) -> bool:
    """Whether the event is done by one state alone, which acts from home, and the place is
    not known to be that state or to lie in it; several states acting together ("Russia and
    Ukraine agreed ...") do so where they meet."""
    states = {doer for doer in doers(event) if context.cls_of(doer) == "Country"}
    if len(states) != 1:
        return False
    state = context.entity(states.pop()).lexicon_id
    entry = lexicon_of(context.doc).entries.get(place.lexicon_id or "")
    return entry is None or state is None or state not in {entry.id, entry.located_in}


def registered(place: Entity, context: ArticleContext) -> str:
    """The local id of the place, made one of the article's entities if it is new."""
    if context.entity(place.local_id) is not place:
        context.register(place)
    return place.local_id
