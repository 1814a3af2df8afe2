"""Event coreference across articles, and the keys of events and sanctions.

An event's key is built from what it is, not from where it was read: its class, the keys of
its agents, targets and other actors (sorted), its date and its place; a negated event and
someone's claim are kept apart from a plain report (negation and claimant enter the key).
Two articles that report the same event with the same arguments therefore mint the same
IRI in any order. Where one article leaves out what another says (no date, one actor
fewer) or says it less exactly ("last week" against "on Tuesday", "in February" against "on
28 February"), the ResolutionIndex is asked for stored events of the same class and actors, and
the one compatible event lends its key, so that both articles' provenance ends up on one
node; where several would fit, none is guessed.
An event with no actor at all is never merged across articles: its key includes the
article id.

>>> from datetime import date
>>> from kg.model import Event
>>> event = Event(local_id="e1", cls="Summit", trigger="summit", actors=["a", "b"],
...               date=date(2019, 2, 28))
>>> keys = {"a": "entity/kim-jong-un", "b": "entity/donald-trump"}
>>> event_key(event, keys, article_id="x") == event_key(event, keys, article_id="y")
True
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from kg.extract.coreference import family
from kg.model import Event, Extraction, Sanction, dates_agree, digest


class StoredEvent(Protocol):
    """What the resolution index knows of an event stored earlier."""

    key: str
    cls: str
    actors: Iterable[str]
    date: date | None
    place: str | None


class EventIndex(Protocol):
    """The part of kg.resolve's ResolutionIndex that event coreference uses."""

    def find_events(self, cls: str, actor_keys: Iterable[str]) -> Iterable[StoredEvent]:
        """Stored events of a class that share actors with ``actor_keys``."""


def keys_of(local_ids: Iterable[str], entity_keys: dict[str, str]) -> list[str]:
    """The sorted canonical keys of some entities of the article."""
    return sorted({entity_keys.get(local_id, local_id) for local_id in local_ids})


def event_key(event: Event, entity_keys: dict[str, str], article_id: str) -> str:
    """The key an event gets from its own content (see the module docstring)."""
    actors = keys_of(event.actors, entity_keys)
    parts = [event.cls, ",".join(keys_of(event.agents, entity_keys)),
             ",".join(keys_of(event.targets, entity_keys)), ",".join(actors),
             event.date.isoformat() if event.date else "",
             entity_keys.get(event.place, "") if event.place else "",
             "negated" if event.negated else "",
             entity_keys.get(event.asserted_by, "") if event.asserted_by else ""]
    if not actors:
        parts.append(article_id)
    return f"event/{event.cls.lower()}/{digest(*parts)}"


def compatible(stored: StoredEvent, event: Event, actor_keys: list[str],
               place_key: str | None) -> bool:
    """Whether a stored event may be the same as this one (see the module docstring)."""
    theirs, mine = set(stored.actors), set(actor_keys)
    return (family(stored.cls) == family(event.cls) and (theirs <= mine or mine <= theirs)
            and dates_agree(stored.date, event.date)
            and (stored.place is None or place_key is None or stored.place == place_key))


def stored_match(event: Event, own_key: str, entity_keys: dict[str, str],
                 index: EventIndex) -> str | None:
    """The key of the one compatible stored event, if the index holds exactly one.

    The event's own key wins where it is stored already; where several stored events
    would fit (a plain report and someone's claim of it), none is chosen.
    """
    if event.negated or event.asserted_by is not None or not event.actors:
        return None
    actor_keys = keys_of(event.actors, entity_keys)
    place_key = entity_keys.get(event.place) if event.place else None
    keys = {stored.key for stored in index.find_events(event.cls, actor_keys)
            if compatible(stored, event, actor_keys, place_key)}
    if own_key in keys:
        return own_key
    return keys.pop() if len(keys) == 1 else None


def sanction_key(sanction: Sanction, entity_keys: dict[str, str]) -> str:
    """The key of a sanctions measure: who imposed it on whom, since when."""
    return "sanction/" + digest(",".join(keys_of(sanction.imposed_by, entity_keys)),
                                ",".join(keys_of(sanction.targets, entity_keys)),
                                sanction.since or "")


def resolve_events(extraction: Extraction, index: EventIndex) -> Extraction:
    """Set ``Event.key`` and ``Sanction.key``; entity keys must be set already.

    Two events of one article that end up with one key are merged into the first.
    """
    entity_keys = {e.local_id: e.key for e in extraction.entities if e.key}
    for sanction in extraction.sanctions:
        sanction.key = sanction_key(sanction, entity_keys)
    by_key: dict[str, Event] = {}
    for event in extraction.events:
        own_key = event_key(event, entity_keys, extraction.article.id)
        event.key = stored_match(event, own_key, entity_keys, index) or own_key
        by_key.setdefault(event.key, event).mentions.extend(
            [] if by_key[event.key] is event else event.mentions)
    kept = {id(event) for event in by_key.values()}
    renamed = {e.local_id: by_key[e.key].local_id for e in extraction.events}
    extraction.events = [event for event in extraction.events if id(event) in kept]
    for claim in extraction.claims:
        claim.event = renamed.get(claim.event, claim.event)
    return extraction
