"""`kg serve`: a SPARQL 1.1 Protocol endpoint with a query page."""
from __future__ import annotations

import logging
from pathlib import Path

import click

from kg.server.app import ServerSettings, create_app
from kg.server.workers import Evaluator, Limits, ProcessEvaluator, ThreadEvaluator


@click.command("serve")
@click.argument("sources", nargs=-1, metavar="[FILE|FOLDER]...")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="An on-disk store made by `kg build --store DIR`.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before the client gets a 504.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Rows (or triples) an answer holds at most; a cut answer has X-KG-Truncated.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(min=1),
              help="Queries evaluated at the same time (worker processes for a read-only store).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update from requests bearing the token.")
@click.option("--token", envvar="KG_SERVE_TOKEN", show_envvar=True,
              help="Bearer token that SPARQL Update requests must present.")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="A web origin whose pages may query the endpoint (repeatable).")
def command(sources: tuple[str, ...], store_dir: Path | None, host: str, port: int,
            timeout: float, max_rows: int, workers: int, allow_update: bool, token: str | None,
            cors_origins: tuple[str, ...]) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol at /sparql, with a query page at /.

    The graph is a store (--store DIR), or RDF files and articles named as arguments, loaded
    or built in memory first.

    \b
    Example:
      kg serve --store out/store
      kg serve ../shared/seeds --port 8000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/sparql
    """
    import uvicorn

    if allow_update and not token:
        raise click.UsageError("--allow-update needs a token: pass --token or set KG_SERVE_TOKEN")
    if store_dir is not None and sources:
        raise click.UsageError("give either --store or files and folders, not both")
    limits = Limits(timeout=timeout, max_rows=max_rows, workers=workers)
    settings = ServerSettings(allow_update=allow_update, token=token, cors_origins=cors_origins)
    evaluator = sources_evaluator(sources, limits) if sources \
        else choose_evaluator(store_dir, limits, allow_update)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(create_app(evaluator, settings), host=host, port=port, access_log=False,
                log_level="info")


def sources_evaluator(sources: tuple[str, ...], limits: Limits) -> Evaluator:
    """Threads over a graph of RDF files and articles, loaded or built in memory."""
    from kg.cli.graph_source import reading_graph
    from kg.ingest import Report

    with reading_graph(None, sources, Report()) as graph:
        return ThreadEvaluator(graph.store, limits)


def choose_evaluator(store_dir: Path | None, limits: Limits, writable: bool) -> Evaluator:
    """Worker processes over a read-only store folder; threads over a writable or memory store."""
    from kg.store import KnowledgeGraph, StoreError
    from kg.store.folder import open_read_only

    if store_dir is None:
        return ThreadEvaluator(KnowledgeGraph.open(None).store, limits)
    if not store_dir.is_dir():
        raise click.BadParameter(f"{store_dir} is not a store folder", param_hint="--store")
    try:
        if writable:  # the graph (and its access lock) lives as long as the server
            return ThreadEvaluator(KnowledgeGraph.open(store_dir).store, limits)
        open_read_only(store_dir).close()  # a bad folder is reported here; workers open their own
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    return ProcessEvaluator(str(store_dir), limits)
