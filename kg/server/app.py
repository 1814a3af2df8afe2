"""The Starlette application: the SPARQL endpoint, the query page, health and examples.

>>> import pyoxigraph
>>> from starlette.testclient import TestClient
>>> from kg.server.workers import Limits, ThreadEvaluator
>>> app = create_app(ThreadEvaluator(pyoxigraph.Store(), Limits()), ServerSettings())
>>> client = TestClient(app)
>>> client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
{'head': {}, 'boolean': False}
"""
from __future__ import annotations

import asyncio
import hmac
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg import __version__
from kg.server.evaluation import Answer, MalformedQuery, NotAcceptable, QueryJob, UpdateJob
from kg.server.examples import example_queries
from kg.server.protocol import Operation, ProtocolError, read_operation
from kg.server.workers import Evaluator, QueryTimedOut, WorkerLost

ACCESS_LOG = logging.getLogger("kg.server.access")
STATIC = resources.files("kg.server") / "static"
VENDORED = resources.files("kg.viz") / "static"  # the drawing library kg/viz ships


@dataclass(frozen=True)
class ServerSettings:
    """Who may do what: updates only with ``allow_update`` and a request bearing ``token``;
    pages from ``cors_origins`` may query; request bodies up to ``max_body_bytes``."""

    allow_update: bool = False
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 1_000_000


def create_app(evaluator: Evaluator, settings: ServerSettings) -> Starlette:
    """A SPARQL 1.1 Protocol endpoint at /sparql whose queries ``evaluator`` runs, with its
    query page at /."""

    async def sparql(request: Request) -> Response:
        try:
            operation = await read_operation(request)
            if operation.kind == "update":
                authorise_update(request, settings)
                return answer_response(await evaluator.run(UpdateJob(operation.text)))
            return await answer_query(operation, request, evaluator)
        except ProtocolError as error:
            return PlainTextResponse(f"{error}\n", status_code=error.status,
                                     headers=error_headers(error.status))
        except QueryTimedOut as error:
            return PlainTextResponse(f"{error}\n", status_code=504 if error.started else 503,
                                     headers={"Retry-After": "5"})
        except WorkerLost as error:
            return PlainTextResponse(f"{error}\n", status_code=500)

    async def health(request: Request) -> Response:
        limits = evaluator.limits
        return JSONResponse({"status": "ok", "version": __version__, "timeout": limits.timeout,
                             "max_rows": limits.max_rows, "update": settings.allow_update,
                             "stopped_queries": evaluator.stopped_queries})

    async def examples(request: Request) -> Response:
        return JSONResponse([{"name": q.name, "text": q.text} for q in example_queries()])

    async def page(request: Request) -> Response:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    routes = [Route("/", page), Route("/sparql", sparql, methods=["GET", "POST"]),
              Route("/health", health), Route("/examples", examples),
              Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
              Mount("/vendor", StaticFiles(directory=str(VENDORED)), name="vendor")]
    middleware = [Middleware(AccessLog)]
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"],
                                     allow_headers=["Authorization", "Content-Type"]))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await evaluator.start()
        try:
            yield
        finally:
            await evaluator.stop()

    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     max_body_size=settings.max_body_bytes)


async def answer_query(operation: Operation, request: Request, evaluator: Evaluator) -> Response:
    """Run a query; a malformed one gets the parser's message, an update in disguise a 403."""
    job = QueryJob(operation.text, request.headers.get("accept"), operation.dataset,
                   evaluator.limits.max_rows)
    try:
        return answer_response(await evaluator.run(job))
    except MalformedQuery as error:
        if await asyncio.to_thread(parses_as_update, operation.text):
            raise ProtocolError(403, "a SPARQL Update was sent as a query; it is refused") from None
        raise ProtocolError(400, f"malformed query: {error}") from None
    except NotAcceptable as error:
        raise ProtocolError(406, str(error)) from None


def answer_response(answer: Answer) -> Response:
    """The HTTP response carrying an answer; a cut answer says so in X-KG-Truncated."""
    headers = {"X-KG-Truncated": "true"} if answer.truncated else {}
    if not answer.body:
        return Response(status_code=204)
    return Response(answer.body, media_type=answer.media_type, headers=headers)


def authorise_update(request: Request, settings: ServerSettings) -> None:
    """Raise a ProtocolError unless updates are on and the request bears the right token."""
    if not settings.allow_update or not settings.token:
        raise ProtocolError(403, "SPARQL Update is disabled; start kg serve with "
                                 "--allow-update and a token to enable it")
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not presented:
        raise ProtocolError(401, "SPARQL Update needs an 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(presented.strip().encode(), settings.token.encode()):
        raise ProtocolError(403, "the bearer token is wrong")


def error_headers(status: int) -> dict[str, str]:
    """Extra headers an error status calls for (a Bearer challenge with 401)."""
    return {"WWW-Authenticate": 'Bearer realm="kg"'} if status == 401 else {}


def parses_as_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update (checked with rdflib's parser, which only parses).

    >>> parses_as_update("INSERT DATA { <http://a> <http://b> <http://c> }")
    True
    >>> parses_as_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    return True


class AccessLog:
    """ASGI middleware writing one line per HTTP request: client, request, status, size, time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = {"status": 500, "bytes": 0}

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            client = scope.get("client") or ("-", 0)
            ACCESS_LOG.info('%s "%s %s" %d %dB %.1fms', client[0], scope["method"], scope["path"],
                            seen["status"], seen["bytes"], (time.perf_counter() - started) * 1e3)
