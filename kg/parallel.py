"""Extraction in batches: in this process, in N worker processes, or on a Dask cluster.

Only ``nlp -> extract`` runs in the workers: it is where the time goes, and it needs nothing
but the article. Resolution and storing stay in the building process, one article at a time
and in input order, so a parallel or distributed build gives the same graph as a serial one.

Workers get an ``ExtractorSpec`` (the model name and the *contents* of the user's lexicon
files, so that a worker on another machine needs event-kg installed, not the files) and build
the spaCy pipeline once per process.

>>> from kg.model import Article
>>> spec = ExtractorSpec.of(None, ())
>>> [type(outcome).__name__ for outcome in extract_articles(spec, [Article.from_text("Talks.")])]
['Extraction']
"""
from __future__ import annotations

import gc
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.model import Article, Extraction
from kg.nlp import load_pipeline
from kg.nlp.bounds import Limits

T = TypeVar("T")
#: Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
BATCHES_PER_WORKER = 2


@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the same pipeline as the building process."""

    model: str | None
    lexicons: tuple[tuple[str, str], ...]  # (file name as given, its text)
    batch_size: int = 64
    limits: Limits = Limits()

    @classmethod
    def of(cls, model: str | None, lexicons: Sequence[Path], batch_size: int = 64,
           limits: Limits = Limits()) -> "ExtractorSpec":
        """The spec of a build's options (the lexicon files are read here)."""
        return cls(model, tuple((str(path), Path(path).read_text(encoding="utf-8"))
                                for path in lexicons), batch_size, limits)


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: the build reports it and goes on."""

    article: Article
    error: str


Outcome = Extraction | Failure


def lexicon_paths(spec: ExtractorSpec) -> tuple[Path, ...]:
    """The spec's lexicon files: as named where they hold the same text, else temporary copies."""
    paths = []
    for name, text in spec.lexicons:
        path = Path(name)
        if not (path.is_file() and path.read_text(encoding="utf-8") == text):
            folder = Path(tempfile.mkdtemp(prefix="event-kg-lexicon-"))
            path = folder / path.name
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return tuple(paths)


@cache
def pipeline_for(spec: ExtractorSpec) -> Language:
    """The spaCy pipeline of a spec, built once per process (and then frozen)."""
    nlp = load_pipeline(spec.model, lexicon_paths(spec), spec.limits)
    freeze_loaded()
    return nlp


@cache
def freeze_loaded() -> None:
    """Move what the process has loaded (the pipeline, the lexicon) to the garbage
    collector's permanent generation, once per process.

    Those objects live as long as the process, yet every full collection walked them again:
    a twentieth of a build's time, a tenth of the building process's with ``--jobs 2``.
    """
    gc.freeze()


def extract_doc(doc: Doc, article: Article) -> Outcome:
    """One article's extraction from its Doc, with what the limits cut from it."""
    try:
        extraction = extract(doc, article)
    except Exception as error:  # noqa: BLE001 - reported, and the build goes on
        return Failure(article, f"{type(error).__name__}: {error}")
    extraction.cuts = [(reason, detail) for reason, detail in doc._.kg_cuts or ()]
    return extraction


def extract_one(nlp: Language, article: Article) -> Outcome:
    """One article through the pipeline on its own (after a batch failed)."""
    try:
        doc = nlp(article.text)
    except Exception as error:  # noqa: BLE001 - reported, and the build goes on
        return Failure(article, f"{type(error).__name__}: {error}")
    return extract_doc(doc, article)


def extract_articles(spec: ExtractorSpec, articles: list[Article]) -> list[Outcome]:
    """A batch of articles through ``nlp.pipe`` and ``extract``, in order.

    A failure of one article never loses the batch: the batch is then run article by article.
    """
    nlp = pipeline_for(spec)
    try:
        docs = list(nlp.pipe([article.text for article in articles],
                             batch_size=spec.batch_size))
    except Exception:  # noqa: BLE001 - find the article that fails, keep the others
        return [extract_one(nlp, article) for article in articles]
    return [extract_doc(doc, article) for doc, article in zip(docs, articles)]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def in_order(submit: Callable[[list[Article]], Any], batches: Iterable[list[Article]],
             window: int) -> Iterator[Outcome]:
    """Submit batches to workers, at most ``window`` at a time, and yield results in order.

    ``submit`` returns a future (concurrent.futures or Dask): anything with ``result()``.
    """
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def local_outcomes(spec: ExtractorSpec, batches: Iterable[list[Article]]) -> Iterator[Outcome]:
    """Extraction in this process."""
    for batch in batches:
        yield from extract_articles(spec, batch)


def process_outcomes(spec: ExtractorSpec, batches: Iterable[list[Article]],
                     jobs: int) -> Iterator[Outcome]:
    """Extraction in ``jobs`` worker processes on this machine."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # "spawn": the building process holds an open store (with its own threads); forking it
    # could leave a child holding a lock copy. Each worker loads the pipeline once.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        yield from in_order(lambda batch: pool.submit(extract_articles, spec, batch), batches,
                            jobs * BATCHES_PER_WORKER)


def dask_outcomes(spec: ExtractorSpec, batches: Iterable[list[Article]], address: str,
                  jobs: int) -> Iterator[Outcome]:
    """Extraction on a Dask cluster: ``address`` of its scheduler, or "local" for a
    LocalCluster of ``jobs`` worker processes on this machine."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("--dask needs Dask: pip install 'event-kg[dask]'") from None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None) if address == "local" else None
    try:
        with Client(cluster or address) as client:
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            yield from in_order(lambda batch: client.submit(extract_articles, spec, batch,
                                                            pure=False),
                                batches, workers * BATCHES_PER_WORKER)
    finally:
        if cluster is not None:
            cluster.close()


def outcomes(articles: Iterable[Article], spec: ExtractorSpec, jobs: int = 1,
             dask: str | None = None) -> Iterator[Outcome]:
    """Every article's extraction (or failure), in the order the articles came."""
    batches = batched(articles, spec.batch_size)
    if dask:
        return dask_outcomes(spec, batches, dask, max(jobs, 1))
    if jobs > 1:
        return process_outcomes(spec, batches, jobs)
    return local_outcomes(spec, batches)
