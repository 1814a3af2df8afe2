"""The timeline of a projection: its events on a date axis, one lane per main actor.

An event is placed at its own date: a day (``ekg:date``), or a span from its first to its last
day where the text names a month or a few days ("last week": ``ekg:period``,
``ekg:earliestDate``/``ekg:latestDate``). One the text gives no date for, or only a year, is
placed at the date of the first article that reports it (``dated`` is then False, and pictures
say so).
The main actors are the entities taking part (agent, target or actor) in the most placed
events; an event shows in the lane of each main actor it involves, else in "other actors".
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import networkx as nx

from kg.model import date_from_iso, days_of

ACTOR_ROLES = frozenset({"agent", "target", "actor"})
LONGEST_SPAN_DAYS = 31  # a month is drawn as a span; a year is too vague to place
OTHERS = "other actors"


@dataclass(frozen=True)
class Moment:
    """One event on the axis."""

    node: str
    label: str
    cls: str
    day: date  # where it starts on the axis
    dated: bool  # False: placed at the date of its first report
    last: date  # the last day it may have happened on: ``day`` unless a span of days
    lanes: tuple[str, ...]  # lane ids: main actors' nodes, or OTHERS
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """The lanes (id, label) from the most active actor down, the events, and how many events
    could not be placed (no date of their own and no dated source)."""

    lanes: tuple[tuple[str, str], ...]
    moments: tuple[Moment, ...]
    left_out: int


def iso_day(text: str) -> date | None:
    """A day from an xsd:date literal; None for anything else (a year, a month, a range of
    days, nothing).

    >>> iso_day("2019-02-28"), iso_day("2016-03"), iso_day("2019-02-18/2019-03-01")
    (datetime.date(2019, 2, 28), None, None)
    """
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def own_days(text: str) -> tuple[date, date] | None:
    """The first and last day of an event's own date, where it is a day, a span of days or a
    month; None for a year or no date.

    >>> own_days("2019-02-28")[1], own_days("2016-02"), own_days("2016")
    (datetime.date(2019, 2, 28), (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29)), None)
    """
    try:
        first, last = days_of(date_from_iso(text))
    except ValueError:
        return None
    return (first, last) if (last - first).days < LONGEST_SPAN_DAYS else None


def placed_days(graph: nx.MultiDiGraph, node: str) -> tuple[date, date, bool] | None:
    """Where an event starts and ends on the axis, and whether that is its own date."""
    own = own_days(graph.nodes[node]["date"])
    if own:
        return own[0], own[1], True
    articles = graph.graph.get("articles", {})
    reported = sorted(filter(None, (iso_day(articles.get(article, {}).get("date", ""))
                                    for article in graph.nodes[node]["sources"])))
    return (reported[0], reported[0], False) if reported else None


def actors(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """The entities an event involves as agent, target or actor."""
    return {target for _, target, role in graph.out_edges(node, keys=True)
            if role in ACTOR_ROLES and graph.nodes[target]["family"] == "Entity"}


def timeline(graph: nx.MultiDiGraph, max_lanes: int = 8) -> Timeline:
    """The timeline of the events of ``graph``, with at most ``max_lanes`` actor lanes.

    >>> graph = nx.MultiDiGraph(articles={})
    >>> graph.add_node("kim", family="Entity", label="Kim")
    >>> graph.add_node("talks", family="Event", cls="Negotiation", label="Talks",
    ...                date="2019-02-28", sources=[])
    >>> _ = graph.add_edge("talks", "kim", key="agent")
    >>> line = timeline(graph)
    >>> line.lanes, [(m.label, m.day.isoformat(), m.lanes) for m in line.moments]
    ((('kim', 'Kim'),), [('Talks', '2019-02-28', ('kim',))])
    """
    events = [node for node, data in graph.nodes(data=True) if data["family"] == "Event"]
    placed = {node: days for node in events if (days := placed_days(graph, node))}
    involved = {node: actors(graph, node) for node in placed}
    activity = Counter(actor for found in involved.values() for actor in found)
    main = sorted(activity, key=lambda actor: (-activity[actor], graph.nodes[actor]["label"]))
    main = main[:max_lanes]
    moments = []
    for node, (day, last, dated) in placed.items():
        data = graph.nodes[node]
        lanes = tuple(actor for actor in main if actor in involved[node]) or (OTHERS,)
        moments.append(Moment(node=node, label=data["label"], cls=data["cls"], day=day,
                              dated=dated, last=last, lanes=lanes,
                              sources=tuple(data["sources"])))
    lanes = tuple((actor, graph.nodes[actor]["label"]) for actor in main)
    if any(OTHERS in moment.lanes for moment in moments):
        lanes += ((OTHERS, OTHERS),)
    return Timeline(lanes=lanes, moments=tuple(sorted(moments, key=lambda m: (m.day, m.label))),
                    left_out=len(events) - len(placed))
