"""`kg build`: read articles and add what they report to a knowledge graph."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from kg.cli.graph_source import store_location
from kg.cli.progress import CountingProgress
from kg.ingest import IngestOptions, Report
from kg.nlp.bounds import Limits

EXPORT_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


def export_format(out: Path) -> str:
    """The export format named by a file's extension.

    >>> export_format(Path("graph.trig"))
    'trig'
    """
    try:
        return EXPORT_FORMATS[out.suffix.lower()]
    except KeyError:
        raise click.BadParameter(f"{out.name}: the extension must be one of "
                                 f"{', '.join(EXPORT_FORMATS)}", param_hint="--out") from None


@click.command("build", short_help="Read articles into a knowledge graph (store or file).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the graph to FILE: .ttl (merged), .trig or .nq (a named graph per "
                   "article), .jsonld.")
@click.option("--store", metavar="DIR|URL", callback=store_location,
              help="Add to the on-disk store in DIR (created when missing), or to the SPARQL "
                   "endpoint with Update at URL (e.g. `oxigraph serve`).")
@click.option("--model", metavar="NAME",
              help="An installed spaCy pipeline or its path (default: none, rules only).")
@click.option("--lexicon", "lexicons", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra lexicon file of actors and aliases (repeatable).")
@click.option("--date", "default_date", metavar="YYYY-MM-DD",
              type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) of articles whose header gives none.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=IngestOptions.max_bytes,
              show_default=True, help="Skip files (and .jsonl lines) larger than this.")
@click.option("--base-iri", metavar="IRI", help="Base of the IRIs the graph mints.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles handed to spaCy at a time.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for extraction on this machine.")
@click.option("--dask", metavar="ADDRESS",
              help="Run extraction on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786), or 'local' for a local cluster of --jobs workers; "
                   "needs event-kg[dask].")
@click.option("--max-word-chars", type=click.IntRange(min=1), default=Limits.max_word_chars,
              show_default=True,
              help="Split a longer run without a space into words and marks.")
@click.option("--max-sentence-chars", type=click.IntRange(min=1),
              default=Limits.max_sentence_chars, show_default=True,
              help="Cut longer sentences into pieces before extraction.")
@click.option("--max-entities", type=click.IntRange(min=1), default=Limits.max_entities,
              show_default=True, help="Most entity names per article; later ones are left out.")
@click.option("--max-triggers", type=click.IntRange(min=1), default=Limits.max_triggers,
              show_default=True, help="Most event triggers per article.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True,
              metavar="SECONDS", help="How long to wait for another build writing the store.")
def command(paths: tuple[str, ...], out: Path | None, store: Path | str | None, model: str | None,
            lexicons: tuple[Path, ...], default_date: datetime | None, max_bytes: int,
            base_iri: str | None, batch_size: int, jobs: int, dask: str | None,
            max_word_chars: int, max_sentence_chars: int, max_entities: int, max_triggers: int,
            wait: float) -> None:
    """Read articles (files, folders, globs, or - for stdin) into a knowledge graph.

    Plain text (with or without a header), .jsonl (one article per line) and .html are read.
    Inputs that cannot be read are reported one per line and skipped; the exit status is 1
    when anything was skipped. Without --out or --store the graph is built in memory and
    only the summary is printed.

    \b
    Example:
      kg build examples/articles --store out/store
      kg build ../shared/seeds --out seeds.trig --date 2019-03-01
      kg build news/ --store out/store --jobs 2
    """
    fmt = export_format(out) if out else None
    from kg.lexicon import LexiconError
    from kg.nlp import PipelineError
    from kg.pipeline import BuildOptions, build  # spaCy loads here, not on every `kg` call
    from kg.store import KnowledgeGraph, StoreError

    options = BuildOptions(ingest=IngestOptions(max_bytes=max_bytes,
                                                default_date=default_date and default_date.date()),
                           model=model, lexicons=lexicons, batch_size=batch_size, jobs=jobs,
                           dask=dask, limits=Limits(max_word_chars, max_sentence_chars,
                                                    max_entities, max_triggers))
    report = Report()
    try:
        graph = KnowledgeGraph.open(store, base_iri=base_iri, wait=wait)
    except (OSError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    try:
        with CountingProgress("articles") as progress:
            summary = build(paths, graph, options, report,
                            on_article=lambda article: progress.advance(article.source or ""))
        if out and fmt:
            graph.export(out, fmt)
        graph.close()
    except (OSError, LexiconError, PipelineError, StoreError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    finally:
        graph.close()
        for line in report.lines() + [f"warning: {line}" for line in graph.warnings]:
            click.echo(line, err=True)
    click.echo(report.summary(), err=True)
    click.echo(summary.line(), err=True)
    for target in (store, out):
        if target:
            click.echo(f"wrote {target}", err=True)
    sys.exit(0 if report.ok else 1)
