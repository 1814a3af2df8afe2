"""What the reading verbs (query, export, stats) share: where their graph comes from, and
how they report a problem in one line.

``--store DIR`` (an on-disk store, opened read-only) or ``--store URL`` (a SPARQL endpoint),
else RDF files and article files or folders named as arguments, built in memory.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.ingest import Report

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph


class UsageProblem(click.ClickException):
    """A user error reported as one line (``Error: ...``) with the usage exit status, 2."""

    exit_code = 2


def store_location(ctx: click.Context, param: click.Parameter,
                   value: str | None) -> Path | str | None:
    """``--store``: a folder (a Path) or an ``http(s)://`` endpoint URL (kept as text).

    >>> store_location(None, None, "http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    >>> store_location(None, None, "out/store")
    PosixPath('out/store')
    """
    if value is None or value.startswith(("http://", "https://")):
        return value
    return Path(value)


store_option = click.option(
    "--store", metavar="DIR|URL", callback=store_location,
    help="Read the on-disk store in DIR, or the SPARQL endpoint at URL "
         "(e.g. http://127.0.0.1:7878, served by `oxigraph serve`).")
sources_argument = click.argument("sources", nargs=-1, metavar="[FILE|FOLDER]...")


@contextmanager
def reading_graph(store: Path | str | None, sources: tuple[str, ...],
                  report: Report) -> Iterator["KnowledgeGraph"]:
    """The graph a reading verb works on, closed afterwards: the store, or the sources
    (RDF files loaded, articles built in memory; skipped inputs reported on stderr)."""
    from kg.store import StoreError, open_source

    if store is None and not sources:
        raise UsageProblem("name a store (--store DIR or URL), or RDF files, articles or "
                           "folders to read")
    try:
        graph = open_source(store, list(sources), report)
    except (StoreError, OSError) as error:
        raise click.ClickException(str(error)) from None
    finally:
        for line in report.lines():
            click.echo(line, err=True)
    try:
        yield graph
    finally:
        graph.close()
