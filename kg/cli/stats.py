"""`kg stats`: what a graph holds, counted."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.graph_source import reading_graph, sources_argument, store_option
from kg.ingest import Report


@click.command("stats", short_help="Count the articles, entities, events, quotes and triples.")
@sources_argument
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def command(sources: tuple[str, ...], store: Path | str | None, as_json: bool) -> None:
    """Count what a graph holds: a store (--store), RDF files, or article files and folders
    (built in memory first).

    Articles; entities and events, each by class; how many events more than one article
    reports; quotes; distinct triples of the merged graph (and statements in the article
    graphs, where a statement several articles make counts once for each).

    \b
    Example:
      kg stats --store out/store
      kg stats --store out/store --json
    """
    from kg.store import QueryError
    from kg.store.remote import RemoteError
    from kg.store.stats import graph_stats

    report = Report()
    with reading_graph(store, sources, report) as graph:
        try:
            stats = graph_stats(graph)
        except (QueryError, RemoteError) as error:
            raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(stats.as_json(), indent=2, sort_keys=True))
    else:
        click.echo("\n".join(stats.lines()))
    sys.exit(0 if report.ok else 1)
