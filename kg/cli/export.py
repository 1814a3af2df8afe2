"""`kg export`: write the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.graph_source import UsageProblem, reading_graph, sources_argument, store_option
from kg.ingest import Report

#: --format names -> kg.store.export format names.
FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "nt": "ntriples",
           "jsonld": "json-ld"}
NAMES = {export_name: name for name, export_name in FORMATS.items()}


def chosen_format(fmt: str | None, out: Path | None, per_article: bool) -> str:
    """The export format: --format, else the extension of -o FILE, else Turtle (or TriG
    with --per-article); Turtle and N-Triples hold one graph, so they refuse --per-article.

    >>> chosen_format(None, Path("graph.nq"), False), chosen_format(None, None, True)
    ('nq', 'trig')
    """
    from kg.store.export import EXTENSIONS

    guessed = NAMES.get(EXTENSIONS.get(out.suffix.lower(), "")) if out else None
    name = fmt or guessed or ("trig" if per_article else "ttl")
    if per_article and name in ("ttl", "nt"):
        raise UsageProblem(f"--per-article needs named graphs: use --format trig, nq or "
                           f"jsonld ({name} holds the merged graph only)")
    return name


@click.command("export", short_help="Write the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD.")
@sources_argument
@store_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="ttl (the merged graph), trig or nq (a named graph per article), nt, "
                   "jsonld (with a context). Default: from -o's extension, else ttl.")
@click.option("--per-article", is_flag=True,
              help="Keep one named graph per article (TriG and N-Quads always do; JSON-LD "
                   "does when asked).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE instead of stdout.")
def command(sources: tuple[str, ...], store: Path | str | None, fmt: str | None,
            per_article: bool, out: Path | None) -> None:
    """Export a graph: a store (--store), RDF files, or article files and folders (built in
    memory first).

    The output is deterministic (statements sorted), so two exports of the same graph are
    byte-identical. Turtle uses the prefixes of the vocabulary (ekg:, sem:, prov: ...) and
    of the resources (entity:, event: ...). The merged graph leaves the ontology out; TriG
    and N-Quads carry it in its own named graph, so they load as a whole store.

    \b
    Example:
      kg export --store out/store -o out/graph.ttl
      kg export --store out/store --format nq > graph.nq
      kg export ../shared/seeds --format jsonld --per-article -o seeds.jsonld
    """
    from kg.store import StoreError
    from kg.store.remote import RemoteError

    name = chosen_format(fmt, out, per_article)
    report = Report()
    with reading_graph(store, sources, report) as graph:
        try:
            if out is not None:
                out.parent.mkdir(parents=True, exist_ok=True)
            graph.export(out if out is not None else sys.stdout.buffer,
                         FORMATS[name], per_article or None)
        except (StoreError, RemoteError) as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            raise click.ClickException(f"{out or 'stdout'}: cannot write: "
                                       f"{error.strerror or error}") from None
    if out is not None:
        click.echo(f"wrote {out} ({name})", err=True)
    sys.exit(0 if report.ok else 1)
