"""read_articles: every article named by the sources, each once."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable, Iterator

from kg.ingest.formats import reader_for
from kg.ingest.report import Report
from kg.ingest.sources import IngestOptions, Input, expand_sources, open_input, read_limited
from kg.model import Article


def read_articles(sources: Iterable[str | Path], options: IngestOptions | None = None,
                  report: Report | None = None) -> Iterator[Article]:
    """Articles from files, folders (recursively), globs and ``-`` (stdin), each read once.

    Inputs that cannot be used are reported on ``report`` and skipped. An article whose
    normalised body was already read (the same id) is counted as a duplicate, not yielded.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("GENEVA (AP) - Envoys met on Monday.")
    >>> report = Report()
    >>> [a.dateline for a in read_articles([folder, folder / "a.txt"], report=report)]
    ['Geneva']
    >>> report.summary()
    'read 1 article (1 duplicate merged), skipped 0'
    """
    options = options or IngestOptions()
    report = report if report is not None else Report()
    seen: set[str] = set()
    for source in expand_sources(sources, report):
        for article in _read_input(source, options, report):
            if article.id in seen:
                report.duplicates += 1
                continue
            seen.add(article.id)
            report.read += 1
            yield article


def _read_input(source: Input, options: IngestOptions, report: Report) -> Iterator[Article]:
    """The articles of one input; stdin is read whole first, so its format can be sniffed.

    An error no reader foresaw (in a parser library, say) skips the rest of that input,
    reported as "could not be read"; the other inputs are still read.
    """
    stream = open_input(source, report)
    if stream is None:
        return
    if source.path is None:
        data = read_limited(stream, source.name, options, report)
        if data is None:
            return
        stream = io.BytesIO(data)
        head = data[:64]
    else:
        head = b""
    with stream:
        try:
            yield from reader_for(source, head)(stream, source, options, report)
        except Exception as error:  # noqa: BLE001 - one input's failure must not end the run
            report.skip(source.name, "could not be read", f"{type(error).__name__}: {error}")
