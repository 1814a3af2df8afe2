"""Static pictures (SVG, PNG) of the graph and of the timeline, drawn with matplotlib.

The graph: nodes shaped by family and coloured by class, sized by number of sources, edges
coloured by role, a legend of both. Quotes are not drawn as nodes: each speaker's label says
how many it has (their words are in the HTML page). The timeline: one lane per main actor, events as markers on a date axis
(hollow where the text gives no date), each label followed by the numbers of its sources, and
the key of those numbers under the axis.
"""
from __future__ import annotations

import math
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D

from kg.viz.layout import layout
from kg.viz.style import Style, load_style
from kg.viz.timeline import Moment, Timeline

FORMATS = ("svg", "png")
LABEL_CHARS = 34
LABEL_WIDTH = 22


def short(label: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters with an ellipsis.

    >>> short("Summit in Hanoi, 2019-02-28", 12)
    'Summit in H…'
    """
    return label if len(label) <= limit else label[:limit - 1] + "…"


def wrapped(label: str) -> str:
    """A label on at most two lines of about LABEL_WIDTH characters.

    >>> print(wrapped("Summit by Kim Jong-un and Donald Trump in Hanoi on 2019-02-28"))
    Summit by Kim Jong-un
    and Donald Trump in H…
    """
    lines = textwrap.wrap(label, LABEL_WIDTH)
    return "\n".join(lines[:1] + [short(" ".join(lines[1:]), LABEL_WIDTH)] if len(lines) > 1
                     else lines)


def quote_count(quotes: int) -> str:
    """The line under a speaker's label: how many quotes are theirs.

    >>> quote_count(1), quote_count(0)
    ('\\n(1 quote)', '')
    """
    return f"\n({quotes} quote{'' if quotes == 1 else 's'})" if quotes else ""


def fold_quotes(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, Counter]:
    """The graph without its quotes, and how many quotes each speaker has.

    >>> graph = nx.MultiDiGraph()
    >>> graph.add_node("q", family="Quote"); graph.add_node("kim", family="Entity")
    >>> _ = graph.add_edge("q", "kim", key="speaker")
    >>> rest, quotes = fold_quotes(graph)
    >>> list(rest), quotes["kim"]
    (['kim'], 1)
    """
    quotes = [node for node, data in graph.nodes(data=True) if data["family"] == "Quote"]
    spoken = Counter(target for quote in quotes for _, target in graph.out_edges(quote))
    return graph.subgraph(set(graph) - set(quotes)).copy(), spoken


def outer_artists(figure: Figure) -> list[Artist]:
    """What a tight bounding box must hold beside the axes: every legend (it would leave out
    those added as artists) and the figure's own texts."""
    return [*figure.texts, *(child for axes in figure.axes for child in axes.get_children()
                             if isinstance(child, Legend))]


def save(figure: Figure, target: Path) -> None:
    """Save as SVG (text kept as text, no timestamp) or PNG, by the file's extension."""
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{target.name}: a picture is .svg or .png")
    metadata = {"Date": None} if fmt == "svg" else {}
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "event-kg"}):
        figure.savefig(target, format=fmt, dpi=110, bbox_inches="tight", metadata=metadata,
                       bbox_extra_artists=outer_artists(figure))


def node_size(sources: int) -> float:
    """The marker area (points²) of a node reported by ``sources`` articles."""
    return 140.0 + 90.0 * min(sources, 10)


def class_handles(counts: Counter, style: Style) -> list[Line2D]:
    """Legend entries for the classes drawn: marker of the family, colour of the class."""
    order = [family.name for family in style.families]
    return [Line2D([], [], linestyle="", marker=style.family(family).marker, markersize=9,
                   markerfacecolor=style.colour(cls, family), markeredgecolor="#333333",
                   label=f"{cls} ({count})")
            for (family, cls), count in sorted(counts.items(),
                                                key=lambda item: (order.index(item[0][0]),
                                                                  -item[1], item[0][1]))]


def role_handles(roles: set[str], style: Style) -> list[Line2D]:
    """Legend entries for the kinds of edge drawn."""
    return [Line2D([], [], color=style.role_colour(role), linewidth=2, label=role)
            for role in sorted(roles)]


def graph_figure(graph: nx.MultiDiGraph, title: str = "", style: Style | None = None) -> Figure:
    """The picture of a projection."""
    style = style or load_style()
    graph, spoken = fold_quotes(graph)
    positions = layout(graph)
    side = min(40.0, max(9.0, 2.6 * math.sqrt(len(graph))))
    figure = Figure(figsize=(side * 1.25, side))
    axes = figure.add_axes((0.01, 0.01, 0.8, 0.95))  # the legends go to the right
    axes.set_axis_off()
    edges = list(graph.edges(keys=True))
    nx.draw_networkx_edges(graph, positions, ax=axes, edgelist=edges, arrows=len(graph) <= 500,
                           arrowsize=9, width=1.1, alpha=0.8, node_size=300,
                           edge_color=[style.role_colour(role) for _, _, role in edges])
    kinds = Counter((data["family"], data["cls"]) for _, data in graph.nodes(data=True))
    for family, cls in kinds:
        members = [node for node, data in graph.nodes(data=True)
                   if (data["family"], data["cls"]) == (family, cls)]
        nx.draw_networkx_nodes(graph, positions, ax=axes, nodelist=members,
                               node_shape=style.family(family).marker,
                               node_color=style.colour(cls, family), edgecolors="#333333",
                               linewidths=0.8,
                               node_size=[node_size(len(graph.nodes[n]["sources"])) for n in members])
    labels = {node: wrapped(data["label"]) + quote_count(spoken[node])
              for node, data in graph.nodes(data=True)}
    nx.draw_networkx_labels(graph, {node: (x, y - 0.2) for node, (x, y) in positions.items()},
                            labels=labels, ax=axes, font_size=7.5, verticalalignment="top",
                            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                  "edgecolor": "none", "alpha": 0.75})
    classes = axes.legend(handles=class_handles(kinds, style), title="Node classes", loc="upper left",
                          bbox_to_anchor=(1.0, 1.0), fontsize=8, title_fontsize=9, frameon=False)
    axes.add_artist(classes)
    axes.legend(handles=role_handles({role for _, _, role in edges}, style), title="Edges (roles)",
                loc="lower left", bbox_to_anchor=(1.0, 0.0), fontsize=8, title_fontsize=9,
                frameon=False)
    quotes = sum(spoken.values())
    axes.set_title((title or f"{len(graph)} nodes, {len(edges)} edges")
                   + (f"; {quotes} quotes counted on their speakers" if quotes else ""), fontsize=12)
    return figure


def write_graph_picture(graph: nx.MultiDiGraph, target: Path, title: str = "",
                        style: Style | None = None) -> None:
    """Write the picture of a projection to an .svg or .png file."""
    save(graph_figure(graph, title, style), target)


def source_numbers(graph: nx.MultiDiGraph, timeline: Timeline) -> dict[str, int]:
    """Article IRI -> its number in the key: the sources of the timeline by date, then title."""
    articles = graph.graph.get("articles", {})
    cited = {article for moment in timeline.moments for article in moment.sources}
    ordered = sorted(cited, key=lambda article: (articles.get(article, {}).get("date", ""),
                                                 articles.get(article, {}).get("title", ""),
                                                 article))
    return {article: number for number, article in enumerate(ordered, start=1)}


def stack(spans: list[tuple[float, float]]) -> list[int]:
    """The row of each span (start, end), in order, so spans in one row do not overlap.

    >>> stack([(0, 2), (1, 3), (2.5, 4)])
    [0, 1, 0]
    """
    ends: list[float] = []
    rows = []
    for start, end in spans:
        row = next((index for index, last in enumerate(ends) if last <= start), len(ends))
        if row == len(ends):
            ends.append(end)
        ends[row] = end
        rows.append(row)
    return rows


TIMELINE_WIDTH = 15.0  # inches; the date axis takes AXIS_SHARE of it
AXIS_SHARE = 0.78
ROW_INCHES = 0.24
KEY_LINE_INCHES = 0.18
TIMELINE_FONT = 7.5


@dataclass(frozen=True)
class Placed:
    """One event label on the timeline picture: its lane (index) and row within the lane."""

    moment: Moment
    lane: int
    row: int
    text: str


def text_inches(text: str, size: float = TIMELINE_FONT) -> float:
    """About how wide a line of text is, in inches (average glyph: 0.55 em)."""
    return len(text) * size * 0.55 / 72


def moment_texts(timeline: Timeline, numbers: dict[str, int]) -> dict[str, str]:
    """Each event's label followed by the numbers of its sources: "Summit in Hanoi [1,2]"."""
    return {moment.node: short(moment.label) + " [" + ",".join(
        map(str, sorted(numbers[article] for article in moment.sources))) + "]"
        for moment in timeline.moments}


def place_moments(timeline: Timeline, texts: dict[str, str],
                  days_per_inch: float) -> tuple[list[Placed], list[int]]:
    """Every label in its lane, stacked so none overlaps; and the number of rows per lane."""
    placed: list[Placed] = []
    rows_per_lane = []
    for index, (lane, _) in enumerate(timeline.lanes):
        moments = [moment for moment in timeline.moments if lane in moment.lanes]
        spans = [(mdates.date2num(m.day), mdates.date2num(m.last)
                  + (text_inches(texts[m.node]) + 0.25) * days_per_inch) for m in moments]
        rows = stack(spans)
        placed += [Placed(moment, index, row, texts[moment.node])
                   for moment, row in zip(moments, rows)]
        rows_per_lane.append(max(rows, default=0) + 1)
    return placed, rows_per_lane


def draw_moments(axes, placed: list[Placed], tops: list[float], days_per_inch: float,
                 style: Style) -> None:
    """A diamond per event (hollow when placed at its report's date), a bar to its last day
    where it spans days ("last week"), and its label after them."""
    for item in placed:
        x, y = mdates.date2num(item.moment.day), -(tops[item.lane] + 0.5 + item.row)
        end = mdates.date2num(item.moment.last)
        colour = style.colour(item.moment.cls, "Event")
        if end > x:
            axes.plot([x, end], [y, y], color=colour, linewidth=4, alpha=0.45,
                      solid_capstyle="butt")
        axes.plot([x], [y], marker="D", markersize=7, linestyle="", markeredgewidth=1.6,
                  markerfacecolor=colour if item.moment.dated else "white",
                  markeredgecolor=colour)
        axes.text(end + 0.15 * days_per_inch, y, item.text, fontsize=TIMELINE_FONT, va="center")


def date_axis(axes, start: date, end: date) -> None:
    """Dates along the top, light grid lines, no frame but the top."""
    axes.set_xlim(mdates.date2num(start), mdates.date2num(end))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.xaxis.tick_top()
    axes.grid(axis="x", color="#eeeeee")
    for edge in ("right", "bottom", "left"):
        axes.spines[edge].set_visible(False)


def lanes_axis(axes, timeline: Timeline, rows_per_lane: list[int]) -> list[float]:
    """Lane names on the left and rules between lanes; the top of each lane, in rows."""
    tops = [0.0]
    for rows in rows_per_lane:
        tops.append(tops[-1] + rows + 1)
    for top in tops[1:-1]:
        axes.axhline(-(top - 0.25), color="#dddddd", linewidth=0.8)
    axes.set_yticks([-(top + rows / 2) for top, rows in zip(tops, rows_per_lane)],
                    [short(label, 26) for _, label in timeline.lanes], fontsize=9)
    axes.set_ylim(-tops[-1] + 0.25, 0.25)
    return tops


def timeline_legend(axes, timeline: Timeline, style: Style) -> None:
    """The event classes drawn, and what a hollow diamond means."""
    kinds = Counter(("Event", moment.cls) for moment in timeline.moments)
    handles = class_handles(kinds, style) + [
        Line2D([], [], linestyle="", marker="D", markerfacecolor="white", markeredgecolor="#333333",
               label="hollow: no date in the text, placed at its first report")]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                frameon=False)


def timeline_figure(graph: nx.MultiDiGraph, timeline: Timeline, title: str = "",
                    style: Style | None = None) -> Figure:
    """The picture of a timeline: lanes top to bottom, dates left to right, sources below."""
    style = style or load_style()
    if not timeline.moments:
        figure = Figure(figsize=(8, 2))
        figure.text(0.5, 0.5, "no events with a date to draw", ha="center", va="center")
        return figure
    numbers = source_numbers(graph, timeline)
    texts = moment_texts(timeline, numbers)
    first, last = (min(m.day for m in timeline.moments), max(m.last for m in timeline.moments))
    margin = timedelta(days=max(1, (last - first).days // 40))
    start, end = first - margin, last + margin
    widest = max(text_inches(text) for text in texts.values()) + 0.4
    date_inches = max(TIMELINE_WIDTH * AXIS_SHARE - widest, 2.0)  # the last labels fit too
    days_per_inch = (end - start).days / date_inches
    end += timedelta(days=math.ceil(widest * days_per_inch))
    placed, rows_per_lane = place_moments(timeline, texts, days_per_inch)
    lanes_inches = ROW_INCHES * (sum(rows_per_lane) + len(rows_per_lane))
    key_inches = KEY_LINE_INCHES * (len(numbers) + 1)
    height = 1.4 + lanes_inches + key_inches
    figure = Figure(figsize=(TIMELINE_WIDTH, height))
    axes = figure.add_axes((0.18, (0.2 + key_inches) / height, AXIS_SHARE, lanes_inches / height))
    draw_moments(axes, placed, lanes_axis(axes, timeline, rows_per_lane), days_per_inch, style)
    date_axis(axes, start, end)
    timeline_legend(axes, timeline, style)
    articles = graph.graph.get("articles", {})
    key = "\n".join(f"[{number}] {articles.get(article, {}).get('name', article)}"
                    for article, number in numbers.items())
    figure.text(0.18, 0.12 / height, "Sources:\n" + key, fontsize=8, va="bottom")
    left_out = f"; {timeline.left_out} undated events left out" if timeline.left_out else ""
    axes.set_title((title or "Timeline of events") + f" ({len(timeline.moments)} events{left_out})",
                   fontsize=12, pad=22)
    return figure


def write_timeline_picture(graph: nx.MultiDiGraph, timeline: Timeline, target: Path,
                           title: str = "", style: Style | None = None) -> None:
    """Write the picture of a timeline to an .svg or .png file."""
    save(timeline_figure(graph, timeline, title, style), target)
