"""Content negotiation: pick the answer format a client prefers from its Accept header.

The SPARQL 1.1 Protocol leaves the result format to HTTP content negotiation. An Accept header
lists media ranges with optional quality values (RFC 9110, section 12.5.1); the server answers
with the offered type of highest quality, and more specific ranges override less specific ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pyoxigraph


@dataclass(frozen=True)
class AnswerFormat:
    """A format the endpoint can write, with the media type it announces."""

    media_type: str
    writes: pyoxigraph.QueryResultsFormat | pyoxigraph.RdfFormat


#: Formats for SELECT and ASK answers, the default first.
RESULT_FORMATS: tuple[AnswerFormat, ...] = (
    AnswerFormat("application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
    AnswerFormat("application/sparql-results+xml", pyoxigraph.QueryResultsFormat.XML),
    AnswerFormat("text/csv", pyoxigraph.QueryResultsFormat.CSV),
    AnswerFormat("text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
    AnswerFormat("application/json", pyoxigraph.QueryResultsFormat.JSON),
    AnswerFormat("application/xml", pyoxigraph.QueryResultsFormat.XML),
)

#: Formats for CONSTRUCT and DESCRIBE answers, the default first.
GRAPH_FORMATS: tuple[AnswerFormat, ...] = (
    AnswerFormat("text/turtle", pyoxigraph.RdfFormat.TURTLE),
    AnswerFormat("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
    AnswerFormat("application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
    AnswerFormat("application/rdf+xml", pyoxigraph.RdfFormat.RDF_XML),
    AnswerFormat("text/plain", pyoxigraph.RdfFormat.N_TRIPLES),
)


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header, such as ``text/*;q=0.5``."""

    type: str
    subtype: str
    quality: float

    def matches(self, media_type: str) -> bool:
        """Whether this range covers ``media_type``.

        >>> MediaRange("text", "*", 1.0).matches("text/csv")
        True
        """
        kind, _, sub = media_type.partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)

    @property
    def specificity(self) -> int:
        """2 for ``type/subtype``, 1 for ``type/*``, 0 for ``*/*``."""
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; no header (or an empty one) accepts anything.

    >>> [(r.type, r.subtype, r.quality) for r in parse_accept("text/csv;q=0.5, */*;q=0.1")]
    [('text', 'csv', 0.5), ('*', '*', 0.1)]
    """
    ranges: list[MediaRange] = []
    for entry in (header or "").split(","):
        media, *parameters = (part.strip() for part in entry.split(";"))
        kind, _, sub = media.lower().partition("/")
        if not kind:
            continue
        ranges.append(MediaRange(kind, sub or "*", _quality(parameters)))
    return ranges or [MediaRange("*", "*", 1.0)]


def _quality(parameters: Sequence[str]) -> float:
    """The q value among media range parameters; 1 when absent, 0 when malformed."""
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(max(float(value), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


def quality_of(media_type: str, ranges: Sequence[MediaRange]) -> float:
    """The quality a client gives ``media_type``: that of the most specific matching range."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0
    return max(matching, key=lambda r: r.specificity).quality


def choose_format(accept: str | None, offered: Sequence[AnswerFormat]) -> AnswerFormat | None:
    """The offered format the client likes best, earlier offers winning ties; None if none.

    >>> choose_format("text/csv, application/sparql-results+json;q=0.9", RESULT_FORMATS).media_type
    'text/csv'
    >>> choose_format("*/*", GRAPH_FORMATS).media_type
    'text/turtle'
    >>> choose_format("image/png", GRAPH_FORMATS) is None
    True
    """
    ranges = parse_accept(accept)
    best = max(offered, key=lambda answer: quality_of(answer.media_type, ranges))
    return best if quality_of(best.media_type, ranges) > 0 else None
