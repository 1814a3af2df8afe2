"""`kg query`: ask the graph a SPARQL query; answers as a table, SPARQL results or RDF."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import click
import pyoxigraph

from kg.cli.graph_source import UsageProblem, reading_graph, sources_argument, store_option
from kg.ingest import Report

#: --format names for SELECT and ASK answers (None: the aligned table).
SOLUTION_FORMATS = {"table": None, "csv": "CSV", "tsv": "TSV", "json": "JSON", "xml": "XML"}
#: --format names for CONSTRUCT and DESCRIBE answers -> kg.store.export format names.
GRAPH_FORMATS = {"ttl": "turtle", "nt": "ntriples", "jsonld": "json-ld"}


def read_query_text(argument: str) -> str:
    """The SPARQL of the QUERY argument: ``-`` reads stdin, an existing file (a .rq) is read,
    anything else is the query itself."""
    if argument == "-":
        return sys.stdin.read()
    path = Path(argument)
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"{argument}: cannot read the query: {error}") from None
    if path.suffix == ".rq":
        raise UsageProblem(f"{argument}: no such query file")
    return argument


def known_prefixes(sparql: str, base_iri: str) -> dict[str, str]:
    """The prefixes --param values may use: the vocabulary's, the resources' (``entity:``,
    ``event:`` ...) and those the query declares."""
    from kg.rdf.vocab import PREFIXES, resource_prefixes
    from kg.store.binding import declared_prefixes

    return {**PREFIXES, **resource_prefixes(base_iri), **declared_prefixes(sparql)}


def parse_params(params: Iterable[str], prefixes: Mapping[str, str]) -> dict[str, Any]:
    """``--param name=value`` options as variable bindings (terms, see kg/store/terms.py)."""
    from kg.store.terms import TermError, parse_binding

    bindings = {}
    for text in params:
        try:
            name, term = parse_binding(text, prefixes)
        except TermError as error:
            raise UsageProblem(f"--param {error}") from None
        bindings[name] = term
    return bindings


def answer_kind_of(sparql: str, bindings: Mapping[str, Any]) -> str:
    """"solutions", "boolean" or "triples"; a malformed query or a binding the query cannot
    take is a usage error (one line, exit status 2)."""
    from kg.store.binding import answer_kind
    from kg.store.graph import QUERY_PREFIXES, one_line

    try:
        return answer_kind(sparql, QUERY_PREFIXES,
                           {pyoxigraph.Variable(name): term for name, term in bindings.items()})
    except SyntaxError as error:
        raise UsageProblem(f"malformed query: {one_line(error)}") from None
    except RuntimeError as error:
        raise UsageProblem(f"--param: {one_line(error)}") from None


def output_format(requested: str | None, kind: str, terminal: bool) -> str:
    """The format to write: the one asked for, if it suits the answer, else the default
    (a table on a terminal and CSV elsewhere for SELECT and ASK; Turtle for graphs).

    >>> output_format(None, "solutions", True), output_format(None, "boolean", False)
    ('table', 'csv')
    >>> output_format(None, "triples", True)
    'ttl'
    """
    allowed = GRAPH_FORMATS if kind == "triples" else SOLUTION_FORMATS
    if requested is None:
        return "ttl" if kind == "triples" else "table" if terminal else "csv"
    if requested not in allowed:
        what = "CONSTRUCT and DESCRIBE answers" if kind == "triples" else "SELECT and ASK answers"
        raise UsageProblem(f"--format {requested} does not suit this query: {what} are "
                           f"written as {', '.join(allowed)}")
    return requested


def short_form(term: Any, namespaces: Mapping[str, str]) -> str:
    """A term as a table shows it: IRIs by prefix where one fits, literals as their text
    (on one line).

    >>> from pyoxigraph import Literal, NamedNode
    >>> short_form(NamedNode("http://x/ns#A"), {"x": "http://x/ns#"}), short_form(Literal("5"), {})
    ('x:A', '5')
    """
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        matches = [(len(iri), name) for name, iri in namespaces.items()
                   if term.value.startswith(iri) and len(term.value) > len(iri)]
        if matches:
            length, name = max(matches)
            return f"{name}:{term.value[length:]}"
        return f"<{term.value}>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split()) if "\n" in term.value else term.value


def write_table(answer: Any, namespaces: Mapping[str, str], out: IO[str],
                terminal: bool) -> None:
    """SELECT rows as an aligned table (ASK: true or false)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if isinstance(answer, pyoxigraph.QueryBoolean):
        out.write("true\n" if bool(answer) else "false\n")
        return
    names = [variable.value for variable in answer.variables]
    table = Table(*names, box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    count = 0
    for row in answer:
        table.add_row(*(short_form(row[name], namespaces) for name in names))
        count += 1
    table.caption = f"{count} row{'' if count == 1 else 's'}"
    console = Console(file=out, force_terminal=terminal, width=None if terminal else 1 << 16,
                      highlight=False)
    console.print(table, overflow="fold", soft_wrap=not terminal)


def write_answer(answer: Any, fmt: str, base_iri: str, out: IO[bytes]) -> None:
    """SELECT/ASK answers in a SPARQL results format, graphs as RDF (sorted, with the
    vocabulary's prefixes)."""
    from kg.store.export import write_quads

    if fmt in GRAPH_FORMATS:
        quads = (pyoxigraph.Quad(triple.subject, triple.predicate, triple.object)
                 for triple in answer)
        write_quads(quads, out, GRAPH_FORMATS[fmt], base_iri)
    elif isinstance(answer, pyoxigraph.QueryBoolean) and fmt in ("csv", "tsv"):
        out.write(b"true\n" if answer else b"false\n")
    else:
        answer.serialize(out, format=getattr(pyoxigraph.QueryResultsFormat,
                                             SOLUTION_FORMATS[fmt]))


@click.command("query", short_help="Ask the graph a SPARQL query.")
@click.argument("query", metavar="QUERY")
@sources_argument
@store_option
@click.option("--format", "fmt", type=click.Choice([*SOLUTION_FORMATS, *GRAPH_FORMATS]),
              help="table, csv, tsv, json or xml for SELECT and ASK; ttl, nt or jsonld for "
                   "CONSTRUCT and DESCRIBE. Default: a table on a terminal, else csv; ttl.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a term: <iri>, entity:kim-jong-un, ekg:Summit, \"text\", "
                   "\"text\"@en, \"5\"^^xsd:integer, or bare text (repeatable).")
def command(query: str, sources: tuple[str, ...], store: Path | str | None, fmt: str | None,
            params: tuple[str, ...]) -> None:
    """Run QUERY (SPARQL text, a .rq file, or - for stdin) over a graph: a store (--store),
    RDF files, or article files and folders (built in memory first).

    The default graph is the merged graph of all articles; the prefixes ekg:, sem:, prov:,
    rdfs:, skos:, owl:, dcterms:, xsd:, wd:, nif:, schema: need no PREFIX line. --param binds
    a variable to a value without touching the query text (the variable must be one the
    query answers with). Output goes to stdout; a malformed query or a bad --param is one
    line on stderr and exit status 2.

    \b
    Example:
      kg query --store out/store examples/queries/timeline.rq
      kg query --store out/store --format csv 'SELECT ?e WHERE { ?e a ekg:Summit }'
      kg query --store out/store examples/queries/quotes_by_speaker.rq \\
               --param speaker=entity:donald-trump
      echo 'ASK { ?e a ekg:Summit }' | kg query - seeds.trig
    """
    from kg.store import QueryError

    sparql = read_query_text(query)
    answer_kind_of(sparql, {})  # a malformed query fails before any graph is read or built
    report = Report()
    with reading_graph(store, sources, report) as graph:
        prefixes = known_prefixes(sparql, graph.base_iri)
        bindings = parse_params(params, prefixes)
        terminal = sys.stdout.isatty()
        chosen = output_format(fmt, answer_kind_of(sparql, bindings), terminal)
        try:
            answer = graph.query(sparql, bindings)
            if chosen == "table":
                write_table(answer, prefixes, sys.stdout, terminal)
            else:
                write_answer(answer, chosen, graph.base_iri, sys.stdout.buffer)
        except QueryError as error:
            raise click.ClickException(str(error)) from None
    sys.exit(0 if report.ok else 1)
