"""`kg remove`: take articles out of a store, with whatever only they reported."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from kg.cli.graph_source import UsageProblem, store_location
from kg.ingest import IngestOptions, Report, read_articles

ARTICLE_ID = re.compile(r"[0-9a-f]{8,64}")


def ids_of_files(path: str, report: Report) -> list[str]:
    """The ids of the articles a file holds (a .jsonl holds several), read as `kg build`
    reads them, so that the same body gives the same sha256."""
    return [article.id for article in read_articles([path], IngestOptions(), report)]


def id_by_prefix(prefix: str, stored: list[str]) -> str:
    """The stored article whose id is or starts with ``prefix`` (at least 8 hex digits).

    >>> id_by_prefix("ab12cd34", ["ab12cd34" + "0" * 56, "ff" * 32])[:8]
    'ab12cd34'
    """
    found = [article_id for article_id in stored if article_id.startswith(prefix)]
    if not found:
        raise LookupError(f"{prefix}: no such article in the store")
    if len(found) > 1:
        raise LookupError(f"{prefix}: {len(found)} articles start with it; give more digits")
    return found[0]


def article_ids(argument: str, stored: list[str], report: Report) -> list[str]:
    """The stored articles an argument names: an article file (or .jsonl), else an id or an
    unambiguous prefix of one."""
    if Path(argument).exists():
        ids = ids_of_files(argument, report)
        missing = [article_id for article_id in ids if article_id not in stored]
        if missing:
            raise LookupError(f"{argument}: {len(missing)} of its {len(ids)} articles "
                              f"are not in the store ({', '.join(i[:12] for i in missing)})")
        return ids
    if ARTICLE_ID.fullmatch(argument.lower()):
        return [id_by_prefix(argument.lower(), stored)]
    raise LookupError(f"{argument}: neither an article file nor an article id "
                      "(64 hex digits, or the first 8 or more)")


@click.command("remove", short_help="Remove articles (and what only they reported) from a store.")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE_ID_OR_PATH...")
@click.option("--store", required=True, metavar="DIR|URL", callback=store_location,
              help="The store to remove from (a folder, or a SPARQL endpoint URL).")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True,
              metavar="SECONDS", help="How long to wait for another process writing the store.")
def command(articles: tuple[str, ...], store: Path | str, wait: float) -> None:
    """Remove articles from a store: each one's named graph, and with it every entity,
    event, quote or claim that no other article reports. An article is named by its id
    (the sha256 of its body, as `kg query` shows in article IRIs; the first 8 or more
    digits will do) or by its file, read as `kg build` reads it (a .jsonl names each of its
    articles). Other articles keep everything they report.

    One line per removed article; an article that is not in the store is one line and exit
    status 1, and the others are still removed.

    \b
    Example:
      kg remove --store out/store examples/articles/04_missile_test.txt
      kg remove --store out/store 3d5f4484
    """
    from kg.store import KnowledgeGraph, StoreError
    from kg.store.remote import RemoteError

    if isinstance(store, Path) and not store.is_dir():
        raise UsageProblem(f"{store} is not a store folder")
    report = Report()
    failed = 0
    try:
        with KnowledgeGraph.open(store, wait=wait) as graph:
            stored = graph.article_ids()
            for argument in articles:
                try:
                    for article_id in article_ids(argument, stored, report):
                        click.echo(graph.remove_article(article_id).line())
                        stored.remove(article_id)
                except LookupError as error:
                    failed += 1
                    click.echo(f"error: {error.args[0]}", err=True)
            warnings = graph.warnings
    except (StoreError, RemoteError) as error:
        raise click.ClickException(str(error)) from None
    for line in report.lines() + [f"warning: {line}" for line in warnings]:
        click.echo(line, err=True)
    sys.exit(1 if failed or not report.ok else 0)
