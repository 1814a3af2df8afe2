"""Sanctions as things: who imposed them on whom, on which sectors, since when.

Every mention of a sanctions noun (ontology/lexicon/sectors.yaml) is read for its imposer
("UN Security Council sanctions", "imposed ... by X"), its target ("sanctions on X",
"imposed on X"), its start ("since March 2016") and the sectors named in its sentence; the
mentions of one article with agreeing imposer and target become one Sanction. Demands,
offers and liftings whose words name sanctions get the Sanction as topic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from kg.extract.context import (ARTICLES, AUXILIARIES, DETERMINERS, HYPHENS, POSSESSIVE_PRONOUNS,
                                PREPOSITIONS, SALIENCE_WINDOW, ArticleContext, discourse)
from kg.extract.dates import day_of, since_of
from kg.extract.entities import lexicon_of
from kg.extract.events import (IRREALIS_WINDOW, PREMODIFIER_WINDOW, TOPIC_REACH, EventMention,
                               modifier_entities, words_before)
from kg.model import DateRange, Sanction
from kg.nlp.events import event_classes, read_lexicon_yaml, word_forms

IMPOSER_CLASSES = frozenset({"Country", "Organization", "GovernmentBody"})
TARGET_CLASSES = IMPOSER_CLASSES | {"Person"}
TOPIC_EVENT_CLASSES = frozenset({"Demand", "Offer", "SanctionLifted", "SanctionImposed",
                                 "Promise", "Appeal", "Rejection", "Threat"})
PRIMARY_NOUNS = frozenset({"sanction", "sanctions", "embargo"})
# events whose agent holds the measure they act on ("imposed sanctions on", "eased its
# sanctions on"): who lifts or eases a measure is who imposed it
ACTING_CLASSES = frozenset({"SanctionImposed", "SanctionLifted"})
SUBJECT_PRONOUNS = frozenset({"it", "they"})  # may stand for who holds a measure
HOLDING_POSSESSIVES = frozenset({"its", "their"})
RELATIVE_REACH = 10  # tokens after a sanctions noun where a relative clause may open
PLACING_DATES = frozenset({"date", "month", "year", "month_name", "weekday", "day", "period"})
# sectors.yaml lists read as written, and lists of verbs read as their forms (with the bare
# one or not)
WORD_LISTS = ("state_nouns", "unspecific_determiners", "start_words")
VERB_LISTS = {"striking_verbs": True, "naming_verbs": True, "ban_verbs": False,
              "covering_verbs": True}
NAMING_REACH = 2  # sentences after a measure where the targets it counts may be named


@dataclass(frozen=True)
class SectorWords:
    """Sector surface words (as word tuples) and the nouns that name a sanctions measure."""

    sectors: dict[tuple[str, ...], str]
    nouns: frozenset[str]
    unreal_heads: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    holding_verbs: tuple[str, ...] = ()
    quantifiers: frozenset[str] = frozenset()
    list_nouns: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    listing_verbs: frozenset[str] = frozenset()
    openers: frozenset[tuple[str, str]] = frozenset()
    joiners: frozenset[str] = frozenset()
    listed: dict[str, frozenset[str]] = field(default_factory=dict)  # WORD_LISTS, VERB_LISTS
    compounds: frozenset[tuple[str, ...]] = frozenset()  # ("travel", "bans")
    longest: int = field(default=1)


def inflections(verbs: list[str], bare: bool) -> frozenset[str]:
    """Every form of the verbs, the bare ones only where ``bare`` ("bans", "banned", not "ban",
    a noun too)."""
    return frozenset(form for verb in verbs for form in word_forms(verb) if bare or form != verb)


@cache
def sector_words() -> SectorWords:
    """The word lists of ontology/lexicon/sectors.yaml."""
    data = read_lexicon_yaml("sectors.yaml")
    sectors = {tuple(words.split()): name for words, name in data["sectors"].items()}
    return SectorWords(sectors=sectors, nouns=frozenset(data["sanction_nouns"]),
                       unreal_heads=frozenset(form for word in data["unreal_heads"]
                                              for form in word_forms(word)),
                       heads=frozenset(data["sector_heads"]),
                       holding_verbs=tuple(data["holding_verbs"]),
                       quantifiers=frozenset(data["quantifiers"]),
                       list_nouns=frozenset(data["list_nouns"]),
                       adverbs=frozenset(data["adverbs"]),
                       listing_verbs=frozenset(form for verb in data["listing_verbs"]
                                               for form in word_forms(verb)),
                       openers=frozenset(tuple(phrase.split()) for phrase in data["openers"]),
                       joiners=frozenset(data["joiners"]),
                       compounds=frozenset((first, form) for phrase in data["measure_compounds"]
                                           for first, head in [phrase.split()]
                                           for form in word_forms(head, noun=True) + [head]),
                       listed={**{key: frozenset(data[key]) for key in WORD_LISTS},
                               **{key: inflections(data[key], bare) for key, bare in VERB_LISTS.items()}},
                       longest=max(len(words) for words in sectors))


def sector_phrases(start: int, end: int, context: ArticleContext) -> list[tuple[int, int, str]]:
    """The sector wordings in tokens [start, end) outside names, longest first ("iron ore"),
    as (first token, token after, sector name)."""
    words, found = context.tokens.lower, []
    i = start
    while i < end:
        for size in range(min(sector_words().longest, end - i), 0, -1):
            name = sector_words().sectors.get(tuple(words[i:i + size]))
            if name is not None and not any(context.owner[i:i + size]):
                found.append((i, i + size, name))
                i += size
                break
        else:
            i += 1
    return found


def sector_lists(phrases: list[tuple[int, int, str]], context: ArticleContext
                 ) -> list[tuple[int, int, list[str]]]:
    """Sector wordings joined by commas, "and", "or", "the" and sector nouns into lists
    ("coal, iron and the textile", "coal exports, seafood and textiles"), as (first token,
    token after, sector names)."""
    joiners = sector_words().joiners | sector_words().heads
    lists: list[tuple[int, int, list[str]]] = []
    for first, after, name in phrases:
        if lists and all(context.tokens.lower[j] in joiners
                         for j in range(lists[-1][1], first)):
            lists[-1] = (lists[-1][0], after, [*lists[-1][2], name])
        else:
            lists.append((first, after, [name]))
    return lists


def covers(first: int, after: int, noun: int, context: ArticleContext) -> bool:
    """Whether a list of sectors is what a measure covers, not just words near it: it
    modifies the sanctions noun ("oil sanctions"), is the object of a verb of covering after
    it ("The measures cover coal and timber"), ends in a sector noun ("the steel and copper
    industries", "oil exports"), follows "exports of" and the like, or is a plural right
    after the measure's "on" ("sanctions on Russian banks")."""
    lower, words = context.tokens.lower, sector_words()
    if after == noun:
        return True
    if first - noun <= PREMODIFIER_WINDOW and any(lower[k] in words.listed["covering_verbs"]
                                                   for k in range(noun + 1, first)):
        return True
    if any(lower[j] in words.heads for j in range(first, min(after + 1, len(lower)))):
        return True
    if first >= 2 and (lower[first - 2], lower[first - 1]) in words.openers:
        return True
    j = first - 1
    while j > noun and (context.owner[j] or lower[j] in ("the", "its", "their", "'s", "’s")):
        j -= 1
    return lower[j] in ("on", "against") and lower[after - 1].endswith("s") and j > noun


def sectors_in(noun: int, end: int, context: ArticleContext) -> list[str]:
    """The sectors a sanctions noun's measure covers, from the words before it to ``end``
    (or to a relative clause about something else, ``described_end``).

    Sector words that only describe something near the measure ("tankers carrying Russian
    crude", "a gold mining company", "the fund, which controls the gold trade") do not count.
    """
    start = max(context.sentence_of(noun).start, noun - PREMODIFIER_WINDOW)
    end = described_end(noun, end, context)
    found = [name for first, after, names in sector_lists(sector_phrases(start, end, context),
                                                          context)
             if (after == noun or first > noun) and covers(first, after, noun, context)
             for name in names]
    return list(dict.fromkeys(found))


def described_end(noun: int, end: int, context: ArticleContext) -> int:
    """The comma before ``end`` that opens a relative clause about another noun than the
    measure's ("extended to the army's fund, which controls ..."), else ``end``."""
    lower = context.tokens.lower
    return next((j for j in range(noun + 2, end - 1) if lower[j] == ","
                 and lower[j + 1] in discourse().relative_pronouns and j - 1 != noun), end)


def since_in(start: int, end: int, context: ArticleContext) -> str | None:
    """The start date of a "since ..." expression in tokens [start, end), if any."""
    for span in context.doc.spans.get("kg_dates", []):
        if span.label_ == "since" and start <= span.start < end:
            return since_of(span.text, context.article.published)
    return None


def sanction_mention(noun: int, context: ArticleContext, imposed: dict[int, EventMention],
                     verb: int | None) -> Sanction:
    """The Sanction one sanctions noun describes; ``verb`` is the imposing or holding verb
    before it (``verb_before``), if any."""
    under = under_sanctions(noun, context)
    imposers = [e for e in modifier_entities(noun, context)
                if context.cls_of(e) in IMPOSER_CLASSES and (under is None or e not in under)]
    targets: list[str] = list(under or [])
    for argument in context.arguments_after(noun, limit=clause_end(noun, context)):
        if argument.prep == "by" and context.cls_of(argument.local_id) in IMPOSER_CLASSES:
            imposers.append(argument.local_id)
        elif argument.prep in ("on", "against"):
            targets.append(argument.local_id)
    event = imposed.get(noun)
    holder = pronoun_holder(verb, targets, context) if verb is not None else None
    if holder is not None:
        imposers.append(holder)
    elif event is not None:
        imposers += [a for a in event.event.agents if context.cls_of(a) in IMPOSER_CLASSES]
        targets += event.event.targets
    if not imposers and verb is not None:
        imposers = [e for e in context.subject_before(verb) if context.cls_of(e) in IMPOSER_CLASSES]
    if not imposers:
        imposers = relative_holder(noun, context)
    if not targets:
        targets = implied_targets(noun, imposers, context) or struck(noun, verb, context) \
            or named_later(noun, context)
    listed = listing(noun, context)
    if listed is not None:
        imposers = imposers or [e for e in context.subject_before(listed)
                                if context.cls_of(e) in IMPOSER_CLASSES]
        targets += [a.local_id for a in context.entity_arguments(listed + 1, noun)
                    if a.prep is None and context.cls_of(a.local_id) in TARGET_CLASSES]
    sentence = context.sentence_of(noun)
    return Sanction(local_id=f"sanction{noun}", imposed_by=list(dict.fromkeys(imposers)),
                    targets=list(dict.fromkeys(targets)),
                    sectors=sectors_in(noun, sentence.end, context),
                    since=since_in(noun, sentence.end, context) or imposed_on(event)
                    or (placed_on(noun, context) if under is not None else None)
                    or imposed_when(noun, context),
                    mentions=[context.mention(context.doc[noun:noun + 1])])


def pronoun_holder(verb: int, targets: list[str], context: ArticleContext) -> str | None:
    """Who "it" or "they" stands for as the subject of an imposing or holding verb ("accused
    the bloc of ... when it imposed sanctions"): for a pronoun inside its sentence, the state
    or body named last before it there, no target of the measure; for one that opens it, the
    referent of ``resolve_pronoun``."""
    lower = context.tokens.lower
    j = verb - 1
    while j > 0 and (lower[j] in AUXILIARIES or lower[j] in sector_words().adverbs):
        j -= 1
    if lower[j] not in SUBJECT_PRONOUNS or context.quoted[j]:
        return None
    if context.opens_sentence(j):
        found = context.resolve_pronoun(j)
        return found if found and context.cls_of(found) in IMPOSER_CLASSES else None
    start = context.sentence_of(j).start
    return next((e for e in (context.owner[k] for k in range(j - 1, start - 1, -1)
                             if not context.quoted[k])
                 if e and e not in targets and context.cls_of(e) in IMPOSER_CLASSES
                 and context.may_stand_for(lower[j], e)), None)


def possessive_holder(noun: int, found: Sanction, told: list[Sanction],
                      context: ArticleContext) -> list[str]:
    """Who "its" or "their" before a sanctions noun stands for ("said that its sanctions on
    X would stay", "with its measures"): of the states and bodies it may stand for, none a
    target of this measure or of one told before, the first that imposed one told before,
    else the first."""
    lower, stop = context.tokens.lower, context.sentence_of(noun).start
    j = noun - 1
    while j > stop and noun - j <= PREMODIFIER_WINDOW and not context.owner[j] \
            and context.doc[j].is_lower and context.doc[j].is_alpha \
            and lower[j] not in POSSESSIVE_PRONOUNS and lower[j] not in PREPOSITIONS:
        j -= 1
    if lower[j] not in HOLDING_POSSESSIVES or context.quoted[j]:
        return []
    held = {e for s in told for e in s.imposed_by}
    struck = set(found.targets) | {e for s in told for e in s.targets} - held
    candidates = [e for e in dict.fromkeys(context.pronoun_candidates(j)) if e not in struck
                  and context.cls_of(e) in IMPOSER_CLASSES and context.may_stand_for(lower[j], e)]
    return next(([e] for e in candidates if e in held), candidates[:1])


def implied_targets(noun: int, imposers: list[str], context: ArticleContext) -> list[str]:
    """The target a measure's "on" or "against" leaves to the reader: the entity "their" or
    "its" stands for ("on their leaders") or the state named last before "the country"
    ("restrictions on the country's gold sector"), neither an imposer of the measure; or the
    name after a description (``named_after_description``)."""
    lower = context.tokens.lower
    on = next((j for j in range(noun + 1, clause_end(noun, context) - 1)
               if lower[j] in ("on", "against") and not context.owner[j + 1]), None)
    if on is None:
        return []
    if lower[on + 1] in POSSESSIVE_PRONOUNS:
        found = next((e for e in context.pronoun_candidates(on + 1)
                      if e not in imposers and context.cls_of(e) in TARGET_CLASSES
                      and context.may_stand_for(lower[on + 1], e)), None)
        return [found] if found else []
    if lower[on + 1] == "the" and on + 2 < len(lower) \
            and lower[on + 2] in sector_words().listed["state_nouns"]:
        return [e for e in [last_state(on, imposers, context)] if e]
    return [e for e in [named_after_description(on, context)] if e]


def named_after_description(on: int, context: ArticleContext) -> str | None:
    """The name that ends a description after the measure's "on" ("sanctions imposed on the
    state oil company PDVSA"), which the argument search misses where a word of the
    description is also one of saying ("state")."""
    lower, end = context.tokens.lower, context.sentence_of(on).end
    j = on + 1 + (lower[on + 1] in ARTICLES)
    first = j
    while j < end and j - first < PREMODIFIER_WINDOW and not context.owner[j] and (
            context.doc[j].is_lower and context.doc[j].is_alpha and lower[j] not in PREPOSITIONS
            or lower[j] in HYPHENS):
        j += 1
    local_id = context.owner[j] if first < j < end else None
    return local_id if local_id and context.cls_of(local_id) in TARGET_CLASSES else None


def struck(noun: int, verb: int | None, context: ArticleContext) -> list[str]:
    """Whom a measure that is its sentence's subject acts on: the object of a verb of
    striking after its auxiliary ("Sanctions imposed by the UN since 2016 have cut North
    Korea off"; not "have angered China")."""
    lower, sentence = context.tokens.lower, context.sentence_of(noun)
    if verb is not None or any(context.is_finite_verb(context.doc[j])
                               for j in range(sentence.start, noun)):
        return []
    j = clause_end(noun, context)
    while j < sentence.end and (lower[j] in AUXILIARIES or lower[j] in sector_words().adverbs):
        j += 1
    if j + 1 >= sentence.end or lower[j] not in sector_words().listed["striking_verbs"]:
        return []
    argument = context.argument_at(j + 1)
    return [argument.local_id] if argument is not None and argument.prep is None \
        and not context.quoted[j + 1] and context.cls_of(argument.local_id) in TARGET_CLASSES \
        else []


def named_later(noun: int, context: ArticleContext) -> list[str]:
    """The targets a measure counts without naming them ("sanctions on two senior
    officials"), named in a sentence soon after ("It named them as A, ..., and B")."""
    lower = context.tokens.lower
    on = next((j for j in range(noun + 1, clause_end(noun, context))
               if lower[j] in ("on", "against")), None)
    if on is None or not any(context.doc[j].like_num for j in range(on + 1, min(
            on + PREMODIFIER_WINDOW, context.sentence_of(noun).end)) if not context.owner[j]):
        return []
    here, naming = context.sentence_index[noun], sector_words().listed["naming_verbs"]
    for sentence in context.sentences[here + 1:here + 1 + NAMING_REACH]:
        words = lower[sentence.start:sentence.end]
        at = next((k for k in range(len(words) - 2) if words[k] in naming
                   and words[k + 1:k + 3] == ["them", "as"]), None)
        if at is not None:
            return [a.local_id for a in context.entity_arguments(sentence.start + at + 3,
                                                                 sentence.end)
                    if a.prep is None and context.cls_of(a.local_id) in TARGET_CLASSES]
    return []


def last_state(i: int, imposers: list[str], context: ArticleContext) -> str | None:
    """The country named last before token ``i``, a few sentences back at most, that is no
    imposer of the measure."""
    here = context.sentence_index[i]
    for j in range(i - 1, -1, -1):
        if here - context.sentence_index[j] > SALIENCE_WINDOW:
            return None
        local_id = context.owner[j]
        if local_id and not context.quoted[j] and context.cls_of(local_id) == "Country" \
                and local_id not in imposers:
            return local_id
    return None


def placed_on(noun: int, context: ArticleContext) -> str | None:
    """The day, month or year right after the noun of a measure someone was placed under
    ("placed under US sanctions in December"): when it has held since."""
    return dated_between(noun + 1, noun + 3, context)


def imposed_when(noun: int, context: ArticleContext) -> str | None:
    """When a verb of imposing or holding after a measure's noun says it began ("sanctions on
    X, first imposed in 2014", "that it imposed in 2014", "restrictions applied from June
    2020")."""
    lower, end = context.tokens.lower, min(context.sentence_of(noun).end, noun + RELATIVE_REACH)
    for k in range(noun + 1, end):
        if lower[k] not in holding_words():
            continue
        starting = next((span for span in context.doc.spans.get("kg_dates", [])
                         if span.start == k + 1 and span.label_ == "bound"
                         and lower[k + 1] in sector_words().listed["start_words"]), None)
        if starting is not None:
            return since_of(starting[1:].text, context.article.published)
        return dated_between(k + 1, k + 2, context)
    return None


def dated_between(start: int, end: int, context: ArticleContext) -> str | None:
    """The day, month or year a time expression opening in tokens [start, end) names, told
    as past (a range of days gives none)."""
    for span in context.doc.spans.get("kg_dates", []):
        if start <= span.start < end and span.label_ in PLACING_DATES:
            when = day_of(span.label_, span.text, context.article.published, tense="past")
            return None if when is None or isinstance(when, DateRange) else when.isoformat()
    return None


def imposed_on(imposing: EventMention | None) -> str | None:
    """When the verb that imposed a measure dates it ("imposed sanctions on Tuesday", "last
    month imposed"): the day, month or year it has been in force since. A range of days
    ("last week") is no start, and a lifting gives none."""
    if imposing is None or imposing.event.cls != "SanctionImposed" \
            or not isinstance(imposing.event.date, date) \
            or isinstance(imposing.event.date, DateRange):
        return None
    return imposing.event.date.isoformat()


@cache
def imposing_words() -> frozenset[str]:
    """Every form of the verbs that impose a measure (the SanctionImposed triggers)."""
    imposing = event_classes()["SanctionImposed"]
    return frozenset(form for verb in (*imposing.verbs, *imposing.object_verbs)
                     for form in word_forms(verb))


@cache
def holding_words() -> frozenset[str]:
    """Every form of the verbs whose subject holds the measure they take as object: the
    imposing ones and those of sectors.yaml holding_verbs ("has kept its sanctions")."""
    return imposing_words() | frozenset(form for verb in sector_words().holding_verbs
                                        for form in word_forms(verb))


def verb_before(noun: int, context: ArticleContext) -> int | None:
    """The token of the imposing or holding verb whose object a sanctions noun heads, across
    the words of its phrase ("imposed new economic sanctions", "has kept its own measures")."""
    lower, stop = context.tokens.lower, context.sentence_of(noun).start
    j = noun - 1
    while j > stop and noun - j <= PREMODIFIER_WINDOW and lower[j] not in holding_words() \
            and not context.owner[j] and context.doc[j].is_alpha and (
                lower[j] not in PREPOSITIONS
                or lower[j] == "of" and lower[j - 1] in sector_words().quantifiers):
        j -= 1
    return j if j >= stop and lower[j] in holding_words() else None


def clause_end(noun: int, context: ArticleContext) -> int:
    """The token after a sanctions noun where its own words end: the next auxiliary ("The
    measures were a response to ...")."""
    end = context.sentence_of(noun).end
    return next((j for j in range(noun + 1, end) if context.tokens.lower[j] in AUXILIARIES), end)


def relative_holder(noun: int, context: ArticleContext) -> list[str]:
    """Who holds a measure by a relative clause after it: "restrictions on the gold sector
    that the United States has applied since 2022" gives the United States."""
    lower, end = context.tokens.lower, context.sentence_of(noun).end
    opener = next((j for j in range(noun + 1, min(end, noun + RELATIVE_REACH))
                   if lower[j] in discourse().relative_pronouns), None)
    if opener is None:
        return []
    j = opener + 1
    while j < end and (lower[j] in ARTICLES or context.owner[j]):
        j += 1
    holder = [e for e in dict.fromkeys(context.owner[opener + 1:j])
              if e and context.cls_of(e) in IMPOSER_CLASSES]
    while j < end and lower[j] in AUXILIARIES:
        j += 1
    return holder if j < end and lower[j] in holding_words() else []


def listing(noun: int, context: ArticleContext) -> int | None:
    """The verb that puts someone on a sanctions list ("added Sadaf Marine Services to its
    sanctions list"): the token of "added" where the noun is "sanctions list" after "to"."""
    lower, start = context.tokens.lower, context.sentence_of(noun).start
    if noun + 1 >= len(lower) or lower[noun + 1] not in sector_words().list_nouns:
        return None
    to = next((j for j in range(noun - 1, max(start, noun - 4) - 1, -1) if lower[j] == "to"), None)
    if to is None:
        return None
    return next((j for j in range(to - 1, start - 1, -1)
                 if lower[j] in sector_words().listing_verbs), None)


def is_own_measure(noun: int, context: ArticleContext) -> bool:
    """"its own sanctions", "measures of their own": a second party's measure on the target
    of the measure named before."""
    lower = context.tokens.lower
    before = lower[max(context.sentence_of(noun).start, noun - 3):noun]
    return "own" in before or lower[noun + 1:noun + 4] in (["of", "its", "own"],
                                                          ["of", "their", "own"])


def in_force(noun: int, verb: int | None, context: ArticleContext) -> bool:
    """Whether a sanctions noun names a measure the text says exists, not one that could,
    would, was tried to or did not come ("could impose sanctions", "attempts to impose
    sanctions", "did not impose sanctions", "a proposal for new sanctions", "to veto any EU
    measures"); ``verb`` as for ``sanction_mention``."""
    lower, stop = context.tokens.lower, context.sentence_of(noun).start
    if any_measure(noun, context):
        return False
    if verb is not None and lower[verb] in imposing_words():
        return told_as_done(verb, context)
    j = noun - 1
    while j > stop and not context.owner[j] and context.doc[j].is_alpha \
            and lower[j] not in PREPOSITIONS and noun - j <= PREMODIFIER_WINDOW:
        j -= 1
    return not (lower[j] in ("for", "of") and j > stop
                and lower[j - 1] in sector_words().unreal_heads)


def told_as_done(verb: int, context: ArticleContext) -> bool:
    """Whether the words before a verb of imposing tell it as done, not as what could,
    would, was tried to or did not happen ("could impose", "attempts to ban")."""
    words = discourse()
    before = words_before(context, verb, IRREALIS_WINDOW)
    return not (before and before[-1] == "to") and not any(
        w in words.irrealis or w in words.future_modals or w in words.negation for w in before)


def ban_mention(verb: int, context: ArticleContext) -> Sanction | None:
    """The measure a verb of banning states without a sanctions noun: a state or body bans
    people of a target from entering ("banned 19 Velmoran officials from entering its
    territory") or trade with it ("banned exports of coal and iron to Velmora"); None where
    it bans something else or names no imposer and target."""
    lower, sentence = context.tokens.lower, context.sentence_of(verb)
    end = clause_end(verb, context)
    entering = next((j for j in range(verb + 1, end - 1)
                     if lower[j] == "from" and lower[j + 1].endswith("ing")), None)
    trade = any(lower[j] in sector_words().heads for j in range(verb + 1, min(end, verb + 3)))
    if context.quoted[verb] or entering is None and not trade:
        return None
    imposers = [e for e in context.subject_before(verb) if context.cls_of(e) in IMPOSER_CLASSES]
    targets = [a.local_id for a in context.entity_arguments(verb + 1, entering or end)
               if a.prep in (None, "to", "from") and a.local_id not in imposers
               and context.cls_of(a.local_id) in TARGET_CLASSES]
    if not imposers or not targets:
        return None
    return Sanction(local_id=f"sanction{verb}", imposed_by=list(dict.fromkeys(imposers)),
                    targets=list(dict.fromkeys(targets)),
                    sectors=sectors_in(verb, sentence.end, context),
                    since=dated_between(verb - PREMODIFIER_WINDOW, end, context),
                    mentions=[context.mention(context.doc[verb:verb + 1])])


def any_measure(noun: int, context: ArticleContext) -> bool:
    """Whether the phrase of a sanctions noun opens with a word of no particular measure
    ("any EU measures against ..."; sectors.yaml unspecific_determiners)."""
    lower, stop = context.tokens.lower, context.sentence_of(noun).start
    j = noun - 1
    while j >= stop and noun - j <= PREMODIFIER_WINDOW and (
            context.owner[j] or context.doc[j].is_alpha and lower[j] not in PREPOSITIONS):
        if lower[j] in sector_words().listed["unspecific_determiners"]:
            return True
        j -= 1
    return False


def under_sanctions(noun: int, context: ArticleContext) -> list[str] | None:
    """Who is "under" the sanctions a noun names: the subject of "X is (already) under (EU)
    sanctions" or "X, who was placed under US sanctions"; None where no "under" opens the
    noun's phrase."""
    j = noun - 1
    while j > context.sentence_of(noun).start and context.tokens.lower[j] != "under" and (
            context.owner[j] or context.doc[j].is_lower and context.doc[j].is_alpha
            and context.tokens.lower[j] not in AUXILIARIES):
        j -= 1
    if context.tokens.lower[j] != "under":
        return None
    lower = context.tokens.lower
    if j > 0 and lower[j - 1] in sector_words().listing_verbs:  # "who was placed under"
        j -= 1
        while j > 0 and lower[j - 1] in AUXILIARIES:
            j -= 1
    return [e for e in context.subject_before(j) if context.cls_of(e) in TARGET_CLASSES]


def agree(first: list[str], second: list[str]) -> bool:
    """Two argument lists agree when either is empty or they share a member."""
    return not first or not second or bool(set(first) & set(second))


def with_states(imposers: list[str], context: ArticleContext) -> list[str]:
    """Imposers and the states their government bodies belong to (the lexicon's
    ``country``): the US Treasury's measure may be the one told of as the United States'."""
    states = {entity.lexicon_id: entity.local_id for entity in context.entities
              if entity.cls == "Country" and entity.lexicon_id}
    entries = lexicon_of(context.doc).entries
    found = list(imposers)
    for local_id in imposers:
        entity = context.entity(local_id)
        entry = entries.get(entity.lexicon_id or "") if entity is not None else None
        if entry is not None and entry.country in states:
            found.append(states[entry.country])
    return found


def merge_sanction(into: Sanction, other: Sanction, context: ArticleContext) -> None:
    """Add what another mention says to a Sanction; a body of a state that imposed it adds
    no imposer."""
    held = with_states(into.imposed_by, context)
    into.imposed_by = list(dict.fromkeys(
        into.imposed_by + [e for e in other.imposed_by
                           if not set(with_states([e], context)) & set(held)]))
    into.targets = list(dict.fromkeys(into.targets + other.targets))
    into.sectors = list(dict.fromkeys(into.sectors + other.sectors))
    into.since = min(filter(None, (into.since, other.since)), default=None)
    into.mentions.extend(other.mentions)


def imposed_noun(mention: EventMention, context: ArticleContext) -> int | None:
    """The sanctions noun an imposing or lifting verb is about: right before it ("sanctions imposed
    on it"), before its subject ("sanctions Arden first imposed") or heading its object
    ("imposed new sanctions on", "slapped an embargo on")."""
    lower = context.tokens.lower
    if mention.nominal:
        return None
    j = mention.token - 1
    while j > mention.token - PREMODIFIER_WINDOW and j > 0 and (
            context.owner[j] or lower[j] in AUXILIARIES or lower[j] in sector_words().adverbs):
        j -= 1
    if j >= 0 and names_measure(j, context):
        return j
    for j in range(mention.token + 1, min(len(lower), mention.token + PREMODIFIER_WINDOW + 2)):
        if names_measure(j, context):
            return j
        if not (context.doc[j].is_alpha or lower[j] in HYPHENS) or lower[j] in PREPOSITIONS:
            return None
    return None


def is_sanction_noun(i: int, context: ArticleContext, seen_one: bool) -> bool:
    """A sanctions noun; "measures" and "restrictions" count once sanctions were named, and
    no bare form is a verb after "to", "not" or a modal ("could sanction", "to measure")."""
    lower = context.tokens.lower[i]
    before = context.word_before(i)
    words = discourse()
    verb = before is not None and not lower.endswith("s") and (
        before.lower_ in ("to", "not") or before.lower_ in words.future_modals
        or before.lower_ in words.irrealis)
    return not context.quoted[i] and names_measure(i, context) and not verb and (
        seen_one or lower in PRIMARY_NOUNS or is_compound_measure(i, context))


def names_measure(i: int, context: ArticleContext) -> bool:
    """A sanctions noun of sectors.yaml, or the head of a measure's compound ("travel
    bans", "asset freezes")."""
    return context.tokens.lower[i] in sector_words().nouns or is_compound_measure(i, context)


def is_compound_measure(i: int, context: ArticleContext) -> bool:
    """The head of a measure's compound noun (sectors.yaml measure_compounds)."""
    lower = context.tokens.lower
    return i > 0 and (lower[i - 1], lower[i]) in sector_words().compounds


def is_new_measure(i: int, context: ArticleContext) -> bool:
    """A measure's compound with no determiner ("on top of travel bans and asset freezes"):
    not the measure told of before, so it names one only where it names who or whom."""
    if not is_compound_measure(i, context):
        return False
    before = context.word_before(i - 1)
    return before is None or before.lower_ not in DETERMINERS


def extract_sanctions(context: ArticleContext, mentions: list[EventMention]
                      ) -> tuple[list[Sanction], dict[int, str]]:
    """The article's Sanctions, and which sanction each sanctions noun (by token) names.

    A noun of a measure not in force ("asked for sanctions", "could impose sanctions") adds
    none, but names a measure already told of that it agrees with (a demand's topic)."""
    imposed = {noun: m for m in mentions if m.event.cls in ACTING_CLASSES
               for noun in [imposed_noun(m, context)] if noun is not None}
    acts = {m.token: m for m in mentions if is_sanctioning(m)}
    sanctions: list[Sanction] = []
    noun_of: dict[int, str] = {}
    words = sector_words()
    for i in sorted({i for i, lower in enumerate(context.tokens.lower)
                     if names_measure(i, context) or lower in words.listed["ban_verbs"]}
                    | set(acts)):
        told = told_at(i, context, imposed, acts, sanctions)
        if told is None:
            continue
        found, real = told
        if is_new_measure(i, context) and not (found.imposed_by or found.targets):
            continue
        holders = with_states(found.imposed_by, context)
        same = next((s for s in reversed(sanctions)
                     if agree(with_states(s.imposed_by, context), holders)
                     and agree(s.targets, found.targets)), None)
        if same is None and real and (found.targets or found.imposed_by):
            sanctions.append(found)
            same = found
        elif same is not None and real:
            merge_sanction(same, found, context)
        if same is not None:
            noun_of[i] = same.local_id
    return sanctions, noun_of


def told_at(i: int, context: ArticleContext, imposed: dict[int, EventMention],
            acts: dict[int, EventMention], sanctions: list[Sanction]
            ) -> tuple[Sanction, bool] | None:
    """The measure token ``i`` tells of, and whether it is in force: a verb that sanctions
    (``acts``), a verb of banning, or a sanctions noun; None where it tells of none.
    ``sanctions`` are those told before."""
    if i in acts:
        return sanctioned(acts[i], context), True
    banned = ban_mention(i, context) \
        if context.tokens.lower[i] in sector_words().listed["ban_verbs"] else None
    if banned is not None:
        return banned, told_as_done(i, context)
    if not is_sanction_noun(i, context, bool(sanctions)):
        return None
    verb = verb_before(i, context)
    found = sanction_mention(i, context, imposed, verb)
    if not found.targets and sanctions and is_own_measure(i, context):
        found.targets = list(sanctions[-1].targets)
    elif not found.imposed_by:
        found.imposed_by = possessive_holder(i, found, sanctions, context)
    return found, in_force(i, verb, context)


def is_sanctioning(mention: EventMention) -> bool:
    """A verb that imposes a measure by itself, with no sanctions noun ("Arden sanctioned
    Cobalt Freight on Tuesday", "was blacklisted by"), told as done."""
    return mention.event.cls == "SanctionImposed" and not mention.nominal \
        and not mention.suppressed and not mention.event.negated \
        and mention.event.trigger in event_classes()["SanctionImposed"].verbs


def sanctioned(mention: EventMention, context: ArticleContext) -> Sanction:
    """The Sanction a sanctioning verb states: its agents impose it on its targets, from the
    day it was done."""
    end = context.sentence_of(mention.token).end
    return Sanction(local_id=f"sanction{mention.token}",
                    imposed_by=[a for a in mention.event.agents
                                if context.cls_of(a) in IMPOSER_CLASSES],
                    targets=list(mention.event.targets),
                    sectors=sectors_in(mention.token, end, context),
                    since=imposed_on(mention),
                    mentions=[context.mention(context.doc[mention.token:mention.token + 1])])


def link_sanction_topics(mentions: list[EventMention], noun_of: dict[int, str]) -> None:
    """Demands, offers and the like whose words name sanctions take them as topic."""
    for mention in mentions:
        if mention.event.cls not in TOPIC_EVENT_CLASSES:
            continue
        for i in range(mention.token + 1, mention.token + TOPIC_REACH):
            if i in noun_of:
                mention.event.topics.append(noun_of[i])
                break
