"""Writing a graph out: the merged graph (Turtle, N-Triples, JSON-LD) or one named graph per
article (TriG, N-Quads, JSON-LD).

Output is deterministic: quads are sorted (graph, subject, predicate, object by their N-Quads
form), so two builds of the same articles write the same bytes, and Turtle groups each
subject's statements under the prefixes of VOCABULARY.md. The ontology graph is not exported
(it is ontology/kg.ttl) with the merged graph, but is with the named graphs, so that a TriG or
N-Quads export is the whole dataset of a store, ready to load as one.

>>> import io, pyoxigraph
>>> g = pyoxigraph.NamedNode("http://x/g")
>>> quad = pyoxigraph.Quad(g, pyoxigraph.NamedNode("http://x/p"), pyoxigraph.Literal("v"), g)
>>> out = io.BytesIO(); write_quads([quad], out, "nquads"); out.getvalue().decode()
'<http://x/g> <http://x/p> "v" <http://x/g> .\\n'
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple

from kg.rdf.vocab import PREFIXES, RDF, RDFS, resource_prefixes

RDF_TYPE, RDFS_LABEL = RDF.type.value, RDFS.label.value

#: Export format names -> (pyoxigraph format, whether named graphs are kept).
FORMATS: dict[str, tuple[RdfFormat | None, bool]] = {
    "turtle": (RdfFormat.TURTLE, False),
    "ntriples": (RdfFormat.N_TRIPLES, False),
    "trig": (RdfFormat.TRIG, True),
    "nquads": (RdfFormat.N_QUADS, True),
    "json-ld": (None, False),
}
#: File extensions -> export format names.
EXTENSIONS = {".ttl": "turtle", ".nt": "ntriples", ".trig": "trig", ".nq": "nquads",
              ".jsonld": "json-ld", ".json": "json-ld"}


#: The order in which a reader meets things: what the articles say, then where they say it.
KIND_ORDER = ("article", "entity", "event", "sanction", "claim", "quote", "role")
KIND = re.compile(r"/(" + "|".join(KIND_ORDER) + r")/")
FIRST_PREDICATES = (RDF_TYPE, RDFS_LABEL)


def subject_rank(subject: object) -> int:
    """Articles, entities, events ... first; mentions and sentences (``#char=``) last.

    >>> subject_rank(NamedNode("http://x/entity/a")) < subject_rank(NamedNode("http://x/article/b#char=0,4"))
    True
    """
    iri = getattr(subject, "value", "")
    if "#char=" in iri:
        return len(KIND_ORDER)
    found = KIND.search(iri)
    return KIND_ORDER.index(found.group(1)) if found else len(KIND_ORDER) + 1


def triple_key(triple: Triple) -> tuple[int, str, int, str, str]:
    """Subjects in reading order, each with its class and name first."""
    predicate = triple.predicate.value
    rank = FIRST_PREDICATES.index(predicate) if predicate in FIRST_PREDICATES else 2
    return (subject_rank(triple.subject), str(triple.subject), rank, predicate,
            str(triple.object))


def sort_key(quad: Quad) -> tuple[str, tuple[int, str, int, str, str]]:
    """Quads graph by graph, each graph's triples in reading order."""
    return (str(quad.graph_name), triple_key(quad.triple))


def merged_triples(quads: Iterable[Quad]) -> list[Triple]:
    """The distinct triples of all the quads, in reading order: the merged graph."""
    return sorted({quad.triple for quad in quads}, key=triple_key)


def prefixes_for(base_iri: str, rows: Iterable[Triple | Quad] = ()) -> dict[str, str]:
    """The prefixes a Turtle or TriG export abbreviates with.

    Articles get none: their mentions (``<article>#char=0,11``) would need escapes. Keys of
    two segments (``event/summit/3f2a``, ``entity/person/chris-green``) get a prefix per
    class found in ``rows`` (``summit:3f2a``), where the name is free.

    >>> t = Triple(NamedNode("http://x/event/summit/3f"), NamedNode("http://x/p"),
    ...            NamedNode("http://x/entity/hanoi"))
    >>> prefixes_for("http://x/", [t])["summit"]
    'http://x/event/summit/'
    """
    resources = {kind: iri for kind, iri in resource_prefixes(base_iri).items()
                 if kind != "article"}
    prefixes = {**PREFIXES, **resources}
    nested = re.compile(re.escape(base_iri) + r"(?:" + "|".join(resources) + r")/([a-z]+)/")
    for row in rows:
        for term in (row.subject, row.object):
            found = nested.match(getattr(term, "value", ""))
            if found and found.group(1) not in prefixes:
                prefixes[found.group(1)] = found.group(0)
    return prefixes


def keeps_graphs(fmt: str, per_article: bool | None = None) -> bool:
    """Whether an export in ``fmt`` keeps one named graph per article.

    TriG and N-Quads always do, Turtle and N-Triples never; JSON-LD does when asked.

    >>> keeps_graphs("trig"), keeps_graphs("json-ld"), keeps_graphs("json-ld", True)
    (True, False, True)
    """
    rdf_format, named = FORMATS[fmt]
    return bool(per_article) if rdf_format is None else named


def write_quads(quads: Iterable[Quad], out: BinaryIO, fmt: str, base_iri: str = "",
                per_article: bool | None = None) -> None:
    """Write quads in the format ``fmt`` (see FORMATS) to a binary stream: one named graph
    per article where ``keeps_graphs``, else the merged graph."""
    rdf_format = FORMATS[fmt][0]
    named = keeps_graphs(fmt, per_article)
    if rdf_format is None:
        out.write(json_ld(quads, named, base_iri))
        return
    rows: list[Quad] | list[Triple] = sorted(quads, key=sort_key) if named \
        else merged_triples(quads)
    prefixes = prefixes_for(base_iri, rows) \
        if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    pyoxigraph.serialize(rows, out, format=rdf_format, prefixes=prefixes)


def json_ld(quads: Iterable[Quad], named: bool, base_iri: str) -> bytes:
    """JSON-LD with a context of the vocabulary's prefixes (compacted by rdflib)."""
    import rdflib  # only JSON-LD needs rdflib's serializer

    rows = list(quads)
    context = prefixes_for(base_iri)
    if named:
        data = rdflib.Dataset()
        data.parse(data=pyoxigraph.serialize(sorted(rows, key=sort_key),
                                             format=RdfFormat.N_QUADS), format="nquads")
    else:
        data = rdflib.Graph()
        data.parse(data=pyoxigraph.serialize(merged_triples(rows),
                                             format=RdfFormat.N_TRIPLES), format="nt")
    text = data.serialize(format="json-ld", context=context, auto_compact=True)
    return json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) \
        .encode("utf-8") + b"\n"
