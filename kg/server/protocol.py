"""Read a SPARQL 1.1 Protocol request (query or update operation) off an HTTP request.

Queries come as GET ``?query=``, POST ``application/x-www-form-urlencoded`` with ``query=``,
or POST ``application/sparql-query`` with the query as the body. Updates come only by POST,
as form field ``update=`` or an ``application/sparql-update`` body.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request

from kg.server.evaluation import Dataset

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


class ProtocolError(ValueError):
    """A request the protocol does not allow; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Operation:
    """One protocol operation: a query or an update, its text, and the dataset it names."""

    kind: str  # "query" or "update"
    text: str
    dataset: Dataset = Dataset()


async def read_operation(request: Request) -> Operation:
    """The operation an HTTP request carries, or a ProtocolError with the status to answer."""
    if request.method == "GET":
        return _from_fields(request.query_params, allow_update=False)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == FORM:
        form = parse_qsl((await request.body()).decode("utf-8", errors="replace"),
                         keep_blank_values=True)
        fields = ImmutableMultiDict([*request.query_params.multi_items(), *form])
        return _from_fields(fields, allow_update=True)
    if content_type in (QUERY_BODY, UPDATE_BODY):
        text = (await request.body()).decode("utf-8", errors="replace")
        if content_type == UPDATE_BODY:
            return Operation("update", text)
        return Operation("query", text, _dataset(request.query_params))
    raise ProtocolError(415, f"unsupported Content-Type {content_type or '(none)'!r}: send "
                             f"{FORM}, {QUERY_BODY} or {UPDATE_BODY}")


def _from_fields(fields: ImmutableMultiDict, allow_update: bool) -> Operation:
    if "update" in fields:
        if not allow_update:
            raise ProtocolError(405, "SPARQL Update must be sent by POST")
        return Operation("update", str(fields["update"]))
    if "query" not in fields:
        raise ProtocolError(400, "no query: pass it as the 'query' parameter")
    return Operation("query", str(fields["query"]), _dataset(fields))


def _dataset(fields: ImmutableMultiDict) -> Dataset:
    """The dataset a query names with default-graph-uri and named-graph-uri."""
    return Dataset(tuple(str(v) for v in fields.getlist("default-graph-uri")),
                   tuple(str(v) for v in fields.getlist("named-graph-uri")))
