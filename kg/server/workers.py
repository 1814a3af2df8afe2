"""Where queries run: worker threads over a shared store, or worker processes over a store folder.

Oxigraph releases the GIL while it evaluates, so threads keep the event loop answering other
clients; but Oxigraph cannot interrupt an evaluation, so a thread running a query past its
time limit goes on using its core until Oxigraph returns. Worker processes fix that: each
opens the store folder read-only, and one whose query outlives the limit is killed and
replaced. Processes serve read-only store folders; threads serve everything else (an
in-memory graph, a store that accepts updates).
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
import multiprocessing
import threading
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from typing import Callable, Protocol


from kg.server.evaluation import Answer, Dataset, QueryJob, SparqlStore, UpdateJob
from kg.store.folder import StoreError, open_read_only

READY = "ready"
LOG = logging.getLogger("kg.server")


@dataclass(frozen=True)
class Limits:
    """Bounds on every query: seconds, rows (or triples) in an answer, queries at once."""

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4


class QueryTimedOut(RuntimeError):
    """A query did not finish in time; ``started`` tells whether it ever got a worker."""

    def __init__(self, started: bool, timeout: float) -> None:
        reason = ("exceeded the time limit" if started
                  else "could not start: every query worker is busy")
        super().__init__(f"query {reason} ({timeout:g} s); simplify it or add a LIMIT")
        self.started = started


class WorkerLost(RuntimeError):
    """A worker process died while it ran a query."""


class Evaluator(Protocol):
    """Runs jobs within ``limits``; started and stopped with the server."""

    limits: Limits
    stopped_queries: int

    async def start(self) -> None:
        """Get ready to run jobs."""

    async def run(self, job: QueryJob | UpdateJob) -> Answer:
        """The job's answer; QueryTimedOut when the time limit passes first."""

    async def stop(self) -> None:
        """Release the workers."""


class ThreadEvaluator:
    """Runs each job in its own daemon thread, at most ``limits.workers`` at once.

    A query past its limit keeps its slot until Oxigraph returns (it stops at the next row
    when it streams), but daemon threads never keep the server from shutting down.
    """

    def __init__(self, store: SparqlStore, limits: Limits) -> None:
        self.store = store
        self.limits = limits
        self.slots = threading.BoundedSemaphore(limits.workers)
        self.stopped_queries = 0

    async def start(self) -> None:
        """Nothing to prepare: threads start per job."""

    async def stop(self) -> None:
        """Nothing to release: running daemon threads end with the process."""

    async def run(self, job: QueryJob | UpdateJob) -> Answer:
        """The job's answer; QueryTimedOut when the time limit passes first."""
        loop = asyncio.get_running_loop()
        outcome: asyncio.Future[Answer] = loop.create_future()
        threading.Thread(target=self._work, args=(job, loop, outcome), daemon=True).start()
        try:
            return await asyncio.wait_for(outcome, self.limits.timeout)
        except asyncio.TimeoutError:
            job.stop.set()
            self.stopped_queries += 1
            raise QueryTimedOut(job.started.is_set(), self.limits.timeout) from None

    def _work(self, job: QueryJob | UpdateJob, loop: asyncio.AbstractEventLoop,
              outcome: asyncio.Future[Answer]) -> None:
        with self.slots:
            try:
                settle = partial(outcome.set_result, job.run(self.store))
            except Exception as error:  # noqa: BLE001 - handed to the waiting request
                settle = partial(outcome.set_exception, without_traceback(error))
        with suppress(RuntimeError):  # the event loop has closed: nobody is waiting
            loop.call_soon_threadsafe(_settle_unless_cancelled, outcome, settle)


def _settle_unless_cancelled(outcome: asyncio.Future, settle: Callable[[], None]) -> None:
    if not outcome.done():
        settle()


def without_traceback(error: Exception) -> Exception:
    """The error without its traceback, whose frames hold Oxigraph result iterators: those
    must be dropped by the thread that made them, and cannot be pickled."""
    return error.with_traceback(None)


@dataclass(frozen=True)
class QueryRequest:
    """What a worker process needs to run a query (a QueryJob without its thread events)."""

    text: str
    accept: str | None
    dataset: Dataset
    max_rows: int


def serve_queries(store_folder: str, connection: Connection) -> None:
    """A worker process's life: open the store read-only, then answer requests until EOF."""
    try:
        opened = open_read_only(Path(store_folder))  # held until the process ends
    except StoreError as error:
        connection.send(error)
        return
    store = opened.store
    connection.send(READY)
    while True:
        try:
            request: QueryRequest = connection.recv()
        except EOFError:
            return
        job = QueryJob(request.text, request.accept, request.dataset, request.max_rows)
        try:
            connection.send(job.run(store))
        except Exception as error:  # noqa: BLE001 - handed back to the server
            connection.send(without_traceback(error))


class WorkerProcess:
    """One worker process and the pipe to it."""

    def __init__(self, store_folder: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=serve_queries, args=(store_folder, child_end),
                                       daemon=True, name="kg-sparql-worker")
        self.process.start()
        child_end.close()

    def wait_ready(self) -> None:
        """Block until the worker has opened the store; its error if it could not."""
        message = self.connection.recv()
        if message != READY:
            self.kill()
            raise message

    async def ask(self, request: QueryRequest) -> Answer:
        """Send a request and wait, without blocking the event loop, for the answer."""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        descriptor = self.connection.fileno()
        loop.add_reader(descriptor, lambda: readable.done() or readable.set_result(None))
        try:
            self.connection.send(request)
            await readable
        finally:
            loop.remove_reader(descriptor)
        try:
            reply = self.connection.recv()
        except EOFError:
            raise WorkerLost(f"the query worker died (exit code {self.process.exitcode})") from None
        if isinstance(reply, Exception):
            raise reply
        return reply

    def kill(self) -> None:
        """Stop the worker at once, whatever it is doing."""
        self.process.kill()
        self.process.join()
        self.connection.close()


class ProcessEvaluator:
    """Runs queries in ``limits.workers`` processes over a store folder opened read-only.

    A worker whose query outlives the time limit is killed, so the query stops using CPU,
    and a fresh worker takes its place.
    """

    def __init__(self, store_folder: str, limits: Limits) -> None:
        self.store_folder = store_folder
        self.limits = limits
        self.idle: asyncio.Queue[WorkerProcess] = asyncio.Queue()
        self.everyone: set[WorkerProcess] = set()
        self.starting: set[asyncio.Task] = set()
        self.stopped_queries = 0

    async def start(self) -> None:
        """Start every worker and wait until each has the store open."""
        await asyncio.gather(*(self._add_worker() for _ in range(self.limits.workers)))

    async def stop(self) -> None:
        """Kill every worker."""
        for worker in list(self.everyone):
            worker.kill()
        self.everyone.clear()

    async def run(self, job: QueryJob | UpdateJob) -> Answer:
        """The query's answer from an idle worker; QueryTimedOut when time runs out first."""
        assert isinstance(job, QueryJob), "worker processes serve read-only stores"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.timeout
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.limits.timeout)
        except asyncio.TimeoutError:
            raise QueryTimedOut(False, self.limits.timeout) from None
        request = QueryRequest(job.text, job.accept, job.dataset, job.max_rows)
        try:
            answer = await asyncio.wait_for(worker.ask(request), deadline - loop.time())
        except asyncio.TimeoutError:
            self.stopped_queries += 1
            self._replace(worker)
            raise QueryTimedOut(True, self.limits.timeout) from None
        except WorkerLost:
            self._replace(worker)
            raise
        except Exception:
            self.idle.put_nowait(worker)
            raise
        self.idle.put_nowait(worker)
        return answer

    def _replace(self, worker: WorkerProcess) -> None:
        worker.kill()
        self.everyone.discard(worker)
        task = asyncio.get_running_loop().create_task(self._add_worker())
        self.starting.add(task)
        task.add_done_callback(self._started)

    def _started(self, task: asyncio.Task) -> None:
        self.starting.discard(task)
        if not task.cancelled() and task.exception() is not None:
            LOG.error("a replacement query worker failed to start: %s", task.exception())

    async def _add_worker(self) -> None:
        worker = await asyncio.to_thread(WorkerProcess, self.store_folder)
        self.everyone.add(worker)
        await asyncio.to_thread(worker.wait_ready)
        self.idle.put_nowait(worker)
