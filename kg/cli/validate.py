"""`kg validate`: check a graph against the SHACL shapes of ontology/shapes.ttl."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click
from rdflib import Graph


def read_store(store_dir: Path) -> Graph:
    """The union of all named graphs of an on-disk store, read through its N-Quads export."""
    if not store_dir.is_dir():
        raise click.ClickException(f"{store_dir}: no such store folder")
    from kg.store import KnowledgeGraph
    from kg.validate import read_graph_file

    graph = KnowledgeGraph.open(store_dir)
    with tempfile.TemporaryDirectory(prefix="kg-validate-") as folder:
        dump = Path(folder) / "store.nq"
        graph.export(dump, "nquads")
        return read_graph_file(dump)


@click.command("validate", short_help="Check a graph against the project's SHACL shapes.")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store_dir", metavar="DIR", type=click.Path(path_type=Path),
              help="Check the on-disk store in DIR (made by `kg build --store DIR`).")
def command(files: tuple[Path, ...], store_dir: Path | None) -> None:
    """Check a graph (a store, or RDF files merged into one graph) against the shapes.

    Each violation is printed on one line: the node that breaks a rule, then the rule in
    plain words. Files are read by their extension (.ttl, .trig, .nq, .nt, .jsonld, .rdf);
    a file that cannot be read is reported and the others are still checked. The exit
    status is 1 when there is any violation or an unreadable file, else 0.

    \b
    Example:
      kg validate --store out/store
      kg validate seeds.trig
    """
    from kg.validate import GraphFileError, read_graph_file, validate_graph

    if not files and store_dir is None:
        raise click.UsageError("name a store (--store DIR) or one or more RDF files")
    data = Graph()
    unreadable = 0
    if store_dir is not None:
        data += read_store(store_dir)
    for path in files:
        try:
            data += read_graph_file(path)
        except GraphFileError as error:
            unreadable += 1
            click.echo(f"error: {error}", err=True)
    if unreadable == len(files) and store_dir is None:
        sys.exit(1)
    violations = validate_graph(data)
    for violation in violations:
        click.echo(violation.describe())
    focus_nodes = len({violation.focus for violation in violations})
    summary = (f"{len(violations)} violation{'' if len(violations) == 1 else 's'} "
               f"on {focus_nodes} node{'' if focus_nodes == 1 else 's'}"
               if violations else "no violations")
    click.echo(f"{summary} ({len(data)} triples checked)", err=True)
    sys.exit(1 if violations or unreadable else 0)
