"""Event coreference within one article: the mentions of one event become one Event.

Two mentions corefer when their classes are the same or one is the other's subclass (a
Summit is a Meeting), they agree on negation and on who asserts them, and their actors,
place, date and ordinal ("second", "initial") do not conflict. A meeting mention that names
no actor and no place ("before the meeting") joins the most-mentioned compatible meeting.
Outside meetings, a mention that names no actor joins none that does, except a noun referring
back ("the statement"); and two verbs of an act each verb tells anew ("said", "accused":
ontology/lexicon/coreference.yaml) are one event only on a day both name. Afterwards a
meeting of a series ("the initial meeting in Singapore") without actors takes the actors of
its series ("the second meeting between Kim and Trump"); events left with neither actors nor
place (or without actors, for an act someone tells), or joint events with one actor and no
place, are dropped, as they say nothing a reader could query.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.extract.events import EventMention, family
from kg.model import Event, dates_agree, within_days
from kg.nlp.events import event_classes, read_lexicon_yaml


@dataclass
class EventCluster:
    """The mentions of one event and what they say together."""

    mentions: list[EventMention] = field(default_factory=list)
    ordinal: str | None = None
    has_verb: bool = False  # whether a verb tells it, not only nouns

    @property
    def event(self) -> Event:
        """The first mention's event, which the others are merged into."""
        return self.mentions[0].event


def agree(first: object, second: object) -> bool:
    """Two optional values agree when either is missing or both are equal."""
    return first is None or second is None or first == second


def compatible(cluster: EventCluster, mention: EventMention) -> bool:
    """Whether a mention may be another mention of the cluster's event."""
    event, other = cluster.event, mention.event
    if family(event.cls) != family(other.cls) or event.negated != other.negated \
            or event.asserted_by != other.asserted_by:
        return False
    if is_bare(mention) and not event_classes()[other.cls].series:
        return False
    if is_retold(cluster, mention) or unnamed_doer(cluster, mention):
        return False
    if not (agree(event.place, other.place) and dates_agree(event.date, other.date)
            and agree(cluster.ordinal, mention.ordinal)):
        return False
    return actors_agree(event, other, event_classes()[other.cls].series)


@cache
def retold_acts() -> frozenset[str]:
    """The classes of ontology/lexicon/coreference.yaml whose every verb is an act anew."""
    return frozenset(read_lexicon_yaml("coreference.yaml")["retold_acts"])


def is_retold(cluster: EventCluster, mention: EventMention) -> bool:
    """Whether a verb tells an act of the kind each verb tells anew ("KCNA said ...",
    later "KCNA said ...") after another verb of the cluster, not on a day both name."""
    other = mention.event
    return other.cls in retold_acts() and not mention.nominal \
        and cluster.has_verb \
        and (other.date is None or other.date != cluster.event.date)


def unnamed_doer(cluster: EventCluster, mention: EventMention) -> bool:
    """Whether one side names no actor where the other does, outside a meeting series: "it
    was reported" is no mention of "KCNA reported", and "Trump and Kim ..." does not name
    the doers of an earlier act told without them; a noun without actors ("the statement")
    may still refer back to an act with them."""
    event, other = cluster.event, mention.event
    return not event_classes()[other.cls].series and bool(event.actors) != bool(other.actors) \
        and not (mention.nominal and not other.actors)


def actors_agree(event: Event, other: Event, series: bool) -> bool:
    """Whether two mentions' participants can be one event's.

    Meetings of a series may leave their parties unsaid; other events must name the same
    actors, except that one mention may lack the agent ("sanctions imposed on it" and
    "sanctions imposed on it by the Council").
    """
    mine, theirs = set(event.actors), set(other.actors)
    if event.agents and other.agents and set(event.agents) != set(other.agents):
        return False
    if mine == theirs or series and (not mine or not theirs):
        return True
    smaller, larger = (event, other) if mine < theirs else (other, event)
    return set(smaller.actors) < set(larger.actors) and not smaller.agents


def is_bare(mention: EventMention) -> bool:
    """A mention that names neither actors nor place nor date ("before the meeting")."""
    event = mention.event
    return not event.actors and event.place is None and event.date is None


def merge_into(cluster: EventCluster, mention: EventMention) -> None:
    """Add a mention's arguments to the cluster's event; the more specific class and the
    narrower date win ("on Tuesday" over "last week")."""
    event, other = cluster.event, mention.event
    if other.cls != event.cls and family(other.cls) == event.cls:
        event.cls, event.cameo, event.trigger = other.cls, other.cameo, other.trigger
    for name in ("agents", "targets", "actors", "topics"):
        merged = list(dict.fromkeys(getattr(event, name) + getattr(other, name)))
        setattr(event, name, merged)
    event.place = event.place or other.place
    if other.date is not None and (event.date is None or other.date != event.date
                                   and within_days(other.date, event.date)):
        event.date, event.date_text = other.date, other.date_text
    event.mentions.extend(other.mentions)
    event.confidence = max(event.confidence, other.confidence)
    cluster.ordinal = cluster.ordinal or mention.ordinal
    cluster.has_verb = cluster.has_verb or not mention.nominal
    cluster.mentions.append(mention)


def cluster_mentions(mentions: list[EventMention]) -> list[EventCluster]:
    """Group the mentions of one article by the event they report, in text order."""
    clusters: list[EventCluster] = []
    for mention in mentions:
        candidates = [c for c in clusters if compatible(c, mention)]
        if is_bare(mention):
            candidates.sort(key=lambda c: len(c.mentions))
        if candidates:
            merge_into(candidates[-1], mention)
        else:
            clusters.append(EventCluster(mentions=[mention], ordinal=mention.ordinal,
                                         has_verb=not mention.nominal))
    return clusters


def complete_series(clusters: list[EventCluster]) -> None:
    """A meeting of a series without actors, or with the series' own, takes the parties
    and class of its series ("the first meeting of Kim and Trump" is a summit where their
    second one is)."""
    series = [c for c in clusters
              if event_classes()[c.event.cls].series and c.ordinal is not None]
    known = [c for c in series if c.event.actors]
    for cluster in series:
        mine = set(cluster.event.actors)
        model = next((c for c in known if c is not cluster
                      and family(c.event.cls) == family(cluster.event.cls)
                      and (not mine or set(c.event.actors) == mine)), None)
        if model is None:
            continue
        cluster.event.actors = cluster.event.actors or list(model.event.actors)
        if family(model.event.cls) == model.event.cls or cluster.event.cls == model.event.cls:
            continue
        cluster.event.cls, cluster.event.cameo = model.event.cls, model.event.cameo


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    """The article's events: coreferent mentions merged, empty events dropped."""
    clusters = cluster_mentions(mentions)
    complete_series(clusters)
    return [c.event for c in clusters if says_something(c.event)]


def says_something(event: Event) -> bool:
    """Whether an event tells a reader more than its class: it has a place, or actors, and
    a joint event more than one ("Hataman agreed" is an opinion, not an agreement). An act
    of a kind someone tells (coreference.yaml retold_acts) that no one is named doing says
    nothing, even with a place ("speeches were given in Charlotte")."""
    if event.place is not None and (event.actors or event.cls not in retold_acts()):
        return True
    joint = event_classes()[event.cls].symmetric
    return len(event.actors) > 1 or bool(event.actors) and not joint
