"""Sanctions as things: who imposed them on whom, on which sectors, since when.

Every mention of a sanctions noun (ontology/lexicon/sectors.yaml) is read for its imposer
("UN Security Council sanctions", "imposed ... by X"), its target ("sanctions on X",
"imposed on X"), its start ("since March 2016") and the sectors named in its sentence; the
mentions of one article with agreeing imposer and target become one Sanction. Demands,
offers and liftings whose words name sanctions get the Sanction as topic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.extract.context import AUXILIARIES, HYPHENS, PREPOSITIONS, ArticleContext
from kg.extract.dates import since_of
from kg.extract.events import PREMODIFIER_WINDOW, TOPIC_REACH, EventMention, modifier_entities
from kg.model import Sanction
from kg.nlp.events import read_lexicon_yaml

IMPOSER_CLASSES = frozenset({"Country", "Organization", "GovernmentBody"})
TARGET_CLASSES = IMPOSER_CLASSES | {"Person"}
TOPIC_EVENT_CLASSES = frozenset({"Demand", "Offer", "SanctionLifted", "SanctionImposed",
                                 "Promise", "Appeal", "Rejection", "Threat"})
PRIMARY_NOUNS = frozenset({"sanction", "sanctions", "embargo"})


@dataclass(frozen=True)
class SectorWords:
    """Sector surface words (as word tuples) and the nouns that name a sanctions measure."""

    sectors: dict[tuple[str, ...], str]
    nouns: frozenset[str]
    longest: int = field(default=1)


@cache
def sector_words() -> SectorWords:
    """The word lists of ontology/lexicon/sectors.yaml."""
    data = read_lexicon_yaml("sectors.yaml")
    sectors = {tuple(words.split()): name for words, name in data["sectors"].items()}
    return SectorWords(sectors=sectors, nouns=frozenset(data["sanction_nouns"]),
                       longest=max(len(words) for words in sectors))


def sectors_in(start: int, end: int, context: ArticleContext) -> list[str]:
    """The sector names in tokens [start, end), longest wording first ("iron ore")."""
    words = context.tokens.lower[start:end]
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in range(sector_words().longest, 0, -1):
            name = sector_words().sectors.get(tuple(words[i:i + size]))
            if name is not None:
                found.append(name)
                i += size
                break
        else:
            i += 1
    return list(dict.fromkeys(found))


def since_in(start: int, end: int, context: ArticleContext) -> str | None:
    """The start date of a "since ..." expression in tokens [start, end), if any."""
    for span in context.doc.spans.get("kg_dates", []):
        if span.label_ == "since" and start <= span.start < end:
            return since_of(span.text, context.article.published)
    return None


def sanction_mention(noun: int, context: ArticleContext,
                     imposed: dict[int, EventMention]) -> Sanction:
    """The Sanction one sanctions noun describes."""
    under = under_sanctions(noun, context)
    imposers = [e for e in modifier_entities(noun, context)
                if context.cls_of(e) in IMPOSER_CLASSES and (under is None or e not in under)]
    targets: list[str] = list(under or [])
    for argument in context.arguments_after(noun):
        if argument.prep == "by" and context.cls_of(argument.local_id) in IMPOSER_CLASSES:
            imposers.append(argument.local_id)
        elif argument.prep in ("on", "against"):
            targets.append(argument.local_id)
    event = imposed.get(noun)
    if event is not None:
        imposers += event.event.agents
        targets += event.event.targets
    sentence = context.sentence_of(noun)
    return Sanction(local_id=f"sanction{noun}", imposed_by=list(dict.fromkeys(imposers)),
                    targets=list(dict.fromkeys(targets)),
                    sectors=sectors_in(noun, sentence.end, context),
                    since=since_in(noun, sentence.end, context),
                    mentions=[context.mention(context.doc[noun:noun + 1])])


def under_sanctions(noun: int, context: ArticleContext) -> list[str] | None:
    """Who is "under" the sanctions a noun names: the subject of "X is (already) under (EU)
    sanctions"; None where no "under" opens the noun's phrase."""
    j = noun - 1
    while j > context.sentence_of(noun).start and context.tokens.lower[j] != "under" and (
            context.owner[j] or context.doc[j].is_lower and context.doc[j].is_alpha
            and context.tokens.lower[j] not in AUXILIARIES):
        j -= 1
    if context.tokens.lower[j] != "under":
        return None
    return [e for e in context.subject_before(j) if context.cls_of(e) in TARGET_CLASSES]


def agree(first: list[str], second: list[str]) -> bool:
    """Two argument lists agree when either is empty or they share a member."""
    return not first or not second or bool(set(first) & set(second))


def merge_sanction(into: Sanction, other: Sanction) -> None:
    """Add what another mention says to a Sanction."""
    into.imposed_by = list(dict.fromkeys(into.imposed_by + other.imposed_by))
    into.targets = list(dict.fromkeys(into.targets + other.targets))
    into.sectors = list(dict.fromkeys(into.sectors + other.sectors))
    into.since = into.since or other.since
    into.mentions.extend(other.mentions)


def imposed_noun(mention: EventMention, context: ArticleContext) -> int | None:
    """The sanctions noun an imposing verb is about: right before it ("sanctions imposed
    on it") or heading its object ("imposed new sanctions on", "slapped an embargo on")."""
    lower, nouns = context.tokens.lower, sector_words().nouns
    if mention.nominal:
        return None
    if mention.token > 0 and lower[mention.token - 1] in nouns:
        return mention.token - 1
    for j in range(mention.token + 1, min(len(lower), mention.token + PREMODIFIER_WINDOW + 2)):
        if lower[j] in nouns:
            return j
        if not (context.doc[j].is_alpha or lower[j] in HYPHENS) or lower[j] in PREPOSITIONS:
            return None
    return None


def is_sanction_noun(i: int, context: ArticleContext, seen_one: bool) -> bool:
    """A sanctions noun; "measures" and "restrictions" count once sanctions were named."""
    lower = context.tokens.lower[i]
    return not context.quoted[i] and lower in sector_words().nouns and (
        seen_one or lower in PRIMARY_NOUNS)


def extract_sanctions(context: ArticleContext, mentions: list[EventMention]
                      ) -> tuple[list[Sanction], dict[int, str]]:
    """The article's Sanctions, and which sanction each sanctions noun (by token) names."""
    imposed = {noun: m for m in mentions if m.event.cls == "SanctionImposed"
               for noun in [imposed_noun(m, context)] if noun is not None}
    sanctions: list[Sanction] = []
    noun_of: dict[int, str] = {}
    nouns = sector_words().nouns
    for i in [i for i, lower in enumerate(context.tokens.lower) if lower in nouns]:
        if not is_sanction_noun(i, context, bool(sanctions)):
            continue
        found = sanction_mention(i, context, imposed)
        same = next((s for s in reversed(sanctions) if agree(s.imposed_by, found.imposed_by)
                     and agree(s.targets, found.targets)), None)
        if same is None and (found.targets or found.imposed_by):
            sanctions.append(found)
            same = found
        elif same is not None:
            merge_sanction(same, found)
        if same is not None:
            noun_of[i] = same.local_id
    return sanctions, noun_of


def link_sanction_topics(mentions: list[EventMention], noun_of: dict[int, str]) -> None:
    """Demands, offers and the like whose words name sanctions take them as topic."""
    for mention in mentions:
        if mention.event.cls not in TOPIC_EVENT_CLASSES:
            continue
        for i in range(mention.token + 1, mention.token + TOPIC_REACH):
            if i in noun_of:
                mention.event.topics.append(noun_of[i])
                break
