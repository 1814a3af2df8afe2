"""`kg viz`: draw the graph (or its timeline) as HTML, SVG, PNG, GraphML or GEXF."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.graph_source import store_location

from kg.ingest import Report


def check_format(out: Path, timeline: bool) -> None:
    """Refuse an output file whose extension names no format we write (before any work)."""
    from kg.viz.output import picture_format

    try:
        picture_format(out, timeline)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--out") from None


def drawn_graph(store: Path | None, sources: tuple[str, ...], report: Report):
    """The projection of the graph named on the command line."""
    from kg.store import StoreError, open_source
    from kg.viz.projection import project
    from kg.viz.sources import SourceError

    try:
        with open_source(store, sources, report) as graph:
            return project(graph)
    except (StoreError, SourceError, OSError) as error:
        raise click.ClickException(str(error)) from None


@click.command("viz", short_help="Draw the graph or its timeline (HTML, SVG, PNG, GraphML, GEXF).")
@click.argument("sources", nargs=-1)
@click.option("--store", metavar="DIR|URL", callback=store_location,
              help="Draw the on-disk store in DIR (or a SPARQL endpoint URL).")
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write; its extension picks the format: .html (interactive, "
                   "works offline), .svg, .png, .graphml, .gexf.")
@click.option("--timeline", is_flag=True,
              help="Draw the timeline of events (one lane per main actor): .html, .svg or .png.")
@click.option("--focus", metavar="ENTITY",
              help="Draw only this node's neighbourhood (a name, alias, Wikidata id or IRI).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many edges away from it to go.")
@click.option("--max-nodes", type=click.IntRange(min=1),
              help="Keep only the N most connected nodes (and say what was left out).")
@click.option("--lanes", type=click.IntRange(min=1), default=8, show_default=True,
              help="With --timeline: how many main actors get a lane of their own.")
@click.option("--title", help="The picture's title.")
def command(sources: tuple[str, ...], store: Path | None, out: Path, timeline: bool,
            focus: str | None, depth: int, max_nodes: int | None, lanes: int,
            title: str | None) -> None:
    """Draw a graph: a store (--store DIR), RDF files, or article files and folders (built in
    memory first).

    The HTML page is one file that works offline: search, a legend that filters by class,
    date and article filters, and a click on a node shows its names, Wikidata link and the
    sentences it was read from. SVG and PNG are static pictures with a legend; GraphML and
    GEXF open in Gephi, Cytoscape and yEd.

    \b
    Example:
      kg viz --store out/store -o out/graph.html
      kg viz --store out/store -o out/graph.svg --focus "Kim Jong-un" --depth 2
      kg viz examples/articles --timeline -o out/timeline.html
      kg viz seeds.trig -o seeds.gexf --max-nodes 200
    """
    from kg.viz.output import write
    from kg.viz.selection import SelectionError, most_connected, neighbourhood

    check_format(out, timeline)
    if not sources and store is None:
        raise click.UsageError("name a store (--store DIR) or RDF files, articles or folders")
    report = Report()
    picture = drawn_graph(store, sources, report)
    for line in report.lines():
        click.echo(line, err=True)
    note = ""
    try:
        if focus:
            picture = neighbourhood(picture, focus, depth)
    except SelectionError as error:
        raise click.ClickException(str(error)) from None
    if max_nodes is not None:
        cut = most_connected(picture, max_nodes)
        picture, note = cut.graph, cut.summary()
        if note:
            click.echo(note, err=True)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        drawn = write(picture, out, timeline=timeline, title=title or "", note=note, lanes=lanes)
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write: {error.strerror or error}") from None
    click.echo(f"wrote {out} ({drawn})", err=True)
    sys.exit(0 if report.ok else 1)
