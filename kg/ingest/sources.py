"""Where articles come from: paths, folders, globs and stdin, read as bytes then text.

Every problem is reported on the Report and the input is skipped; nothing here raises for
something a user typed or a file they pointed at.
"""
from __future__ import annotations

import glob
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from kg.ingest.report import Report

STDIN = "-"
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".jsonl", ".html", ".htm", ""})
_GLOB_CHARS = frozenset("*?[")
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    ``max_bytes`` caps each file (each line of a .jsonl file); ``default_date`` is the
    publication date of articles whose header gives none.
    """

    max_bytes: int = 5 * 1024 * 1024
    default_date: date | None = None


@dataclass(frozen=True)
class Input:
    """One file to read, or stdin; ``name`` is how reports refer to it."""

    name: str
    path: Path | None = None  # None for stdin

    @property
    def suffix(self) -> str:
        """The lower-case file extension, "" for stdin and bare names."""
        return self.path.suffix.lower() if self.path else ""


def expand_sources(sources: Iterable[str | Path], report: Report) -> Iterator[Input]:
    """Every file named by the sources: files as given, folders recursively, globs, ``-``.

    In folders, only files with an article extension (.txt, .jsonl, .html, none) are read;
    the others are counted in one warning per folder.
    """
    for source in sources:
        text = str(source)
        path = Path(text)
        if text == STDIN:
            yield Input("<stdin>")
        elif path.is_dir():
            yield from _folder_inputs(path, report)
        elif path.exists() or not _GLOB_CHARS & set(text):
            yield Input(text, path)
        else:
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                report.skip(text, "no such file", "the pattern matches nothing")
            yield from expand_sources(matches, report)


def _folder_inputs(folder: Path, report: Report) -> Iterator[Input]:
    """The article files under a folder, in name order, hidden ones left out."""
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and not any(part.startswith(".")
                                              for part in p.relative_to(folder).parts))
    ignored = [p for p in files if p.suffix.lower() not in ARTICLE_SUFFIXES]
    if ignored:
        report.warn(str(folder), f"ignored {len(ignored)} file(s) that are not .txt, .jsonl "
                                 f"or .html", ", ".join(p.name for p in ignored[:3]))
    for path in files:
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            yield Input(str(path), path)


def open_input(source: Input, report: Report) -> BinaryIO | None:
    """The input opened for binary reading, or None (reported) when it cannot be."""
    if source.path is None:
        return sys.stdin.buffer
    try:
        return source.path.open("rb")
    except FileNotFoundError:
        report.skip(source.name, "no such file")
    except IsADirectoryError:
        report.skip(source.name, "not a file")
    except OSError as error:
        report.skip(source.name, "cannot read", error.strerror or str(error))
    return None


def read_limited(stream: BinaryIO, where: str, options: IngestOptions,
                 report: Report) -> bytes | None:
    """At most ``options.max_bytes`` bytes; None (reported) when there is more."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        report.skip(where, "over the size limit", f"more than {options.max_bytes} bytes; "
                                                  f"raise it with --max-bytes")
        return None
    return data


def decode_text(data: bytes, where: str, report: Report) -> str | None:
    """Bytes as text: UTF-8, else Windows-1252 (else Latin-1) with a warning.

    Returns None (reported) for empty and binary input.

    >>> report = Report()
    >>> decode_text("Zürich".encode("cp1252"), "a.txt", report), report.warnings[0].reason
    ('Zürich', 'not UTF-8')
    """
    if not data.strip():
        report.skip(where, "empty file")
        return None
    if b"\x00" in data[:_SNIFF_BYTES]:
        report.skip(where, "binary file")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        fallback = "cp1252"
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            fallback = "latin-1"
            text = data.decode(fallback)
        report.warn(where, "not UTF-8", f"byte {error.start} is invalid; decoded as {fallback}")
        return text
