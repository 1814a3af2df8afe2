"""The glue: articles in, extractions added to a knowledge graph.

ingest -> nlp.pipe (in batches) -> extract -> resolve -> graph.add_extraction, one article at a
time, skipping articles the graph already holds. The sources are taken in sorted order (and
folders and globs are read in sorted order), so the graph does not depend on the order in
which they were named.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kg.ingest import IngestOptions, Report, read_articles
from kg.lexicon import load_lexicon
from kg.model import Article, Extraction
from kg.nlp.bounds import Limits
from kg.parallel import ExtractorSpec, Failure, freeze_loaded, outcomes, pipeline_for
from kg.resolve import resolve
from kg.resolve.dateline import resolve_dateline

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph


@dataclass(frozen=True)
class BuildOptions:
    """How a graph is built: reading (``ingest``), the spaCy model, extra lexicons, batch
    size, where extraction runs (``jobs`` processes, or the Dask scheduler ``dask``, "local"
    for a local cluster of ``jobs`` workers), and the ``limits`` on what one article hands
    the rules (kg/nlp/limits.py)."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    model: str | None = None
    lexicons: tuple[Path, ...] = ()
    batch_size: int = 64
    jobs: int = 1
    dask: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass
class BuildSummary:
    """What one build added; entity, event and quote counts are per article, before merging."""

    added: int = 0
    already_present: int = 0
    failed: int = 0
    entities: int = 0
    events: int = 0
    quotes: int = 0

    def count(self, extraction: Extraction) -> None:
        """Add one stored extraction to the totals."""
        self.added += 1
        self.entities += len(extraction.entities)
        self.events += len(extraction.events)
        self.quotes += len(extraction.quotes)

    def line(self) -> str:
        """One line for the end of a run.

        >>> BuildSummary(added=2, already_present=1, entities=9, events=4, quotes=1).line()
        'added 2 articles (1 already in the graph): 9 entities, 4 events, 1 quotes extracted'
        """
        text = f"added {self.added} article{'' if self.added == 1 else 's'}"
        if self.already_present:
            text += f" ({self.already_present} already in the graph)"
        if self.failed:
            text += f", {self.failed} failed"
        return (text + f": {self.entities} entities, {self.events} events, "
                       f"{self.quotes} quotes extracted")


def build(sources: Iterable[str | Path], graph: KnowledgeGraph,
          options: BuildOptions | None = None, report: Report | None = None,
          on_article: Callable[[Article], None] | None = None) -> BuildSummary:
    """Read the sources and add every article the graph does not hold yet.

    Unusable inputs are reported on ``report`` (see kg.ingest); an article whose extraction
    fails is reported there too, and the run goes on. ``on_article`` is called once per
    article read, for progress displays. Extraction runs in ``options.jobs`` processes or on
    a Dask cluster (kg/parallel.py); resolution and storing always run here, in input order.
    """
    options = options or BuildOptions()
    report = report if report is not None else Report()
    summary = BuildSummary()
    lexicon = load_lexicon(tuple(options.lexicons))
    spec = ExtractorSpec.of(options.model, options.lexicons, options.batch_size, options.limits)
    if options.jobs == 1 and not options.dask:
        pipeline_for(spec)  # a missing model is reported before anything is read
    freeze_loaded()
    graph.note_lexicons(options.lexicons)

    def new_articles() -> Iterator[Article]:
        for article in read_articles(sorted(map(str, sources)), options.ingest, report):
            if graph.has_article(article.id):
                summary.already_present += 1
                if on_article:
                    on_article(article)
            else:
                yield article

    with graph.batches():
        for outcome in outcomes(new_articles(), spec, options.jobs, options.dask):
            article = outcome.article
            try:
                if isinstance(outcome, Failure):
                    raise ExtractionFailed(outcome.error)
                for reason, detail in outcome.cuts:
                    report.warn(article.source or article.id, reason, detail)
                extraction = resolve_dateline(resolve(outcome, graph.index), lexicon,
                                              graph.index)
                graph.add_extraction(extraction)
            except Exception as error:  # noqa: BLE001 - one failed article must not end the run
                summary.failed += 1
                report.skip(article.source or article.id, "could not be processed",
                            str(error) if isinstance(error, ExtractionFailed)
                            else f"{type(error).__name__}: {error}")
            else:
                summary.count(extraction)
            if on_article:
                on_article(article)
    return summary


class ExtractionFailed(Exception):
    """An article whose extraction raised in a worker (the message says how)."""
