"""Fuzz target for kg/ingest: bytes in, one file of some kind read by read_articles.

``check_one_file`` is a Hypothesis property over ``file_bytes`` (tests/fuzz/strategies.py);
its ``fuzz_one_input`` entry point turns any byte string into one such file, so a
coverage-guided fuzzer can drive it. tests/test_robust_fuzz.py runs it on 2,000 inputs in
every test run. By hand, for longer::

    .venv/bin/python tests/fuzz/fuzz_ingest.py 100000        # random byte strings
    .venv/bin/python tests/fuzz/fuzz_ingest.py --atheris     # coverage-guided (libFuzzer
                                                             # options follow), if atheris
                                                             # is installed

A failing input raises (and is printed by Hypothesis) with the file kind and bytes.
"""
from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings

if __package__ in (None, ""):  # run as a script: make tests/fuzz importable as ``fuzz``
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz.strategies import file_bytes  # noqa: E402

from kg.ingest import IngestOptions, Report, read_articles  # noqa: E402
from kg.model import Article  # noqa: E402

KNOWN_SKIPS = frozenset({"empty file", "binary file", "no article text", "not JSON",
                         "not a JSON object", "no text", "over the size limit"})
KNOWN_WARNINGS = frozenset({"not UTF-8", "invalid characters replaced", "unreadable date"})
inputs_checked = 0


def read_file_bytes(suffix: str, data: bytes,
                    options: IngestOptions | None = None) -> tuple[list[Article], Report]:
    """read_articles over one file holding ``data``: the articles and the report."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        report = Report()
        return list(read_articles([path], options, report)), report


def assert_read_or_reported(articles: list[Article], report: Report) -> None:
    """Articles have a body UTF-8 can write and well-typed metadata; every problem is one of
    the kinds the reader reports (never "could not be read", an error nobody foresaw)."""
    for article in articles:
        assert article.text.strip() and len(article.id) == 64
        article.text.encode("utf-8")
        for value in (article.title, article.publisher, article.dateline, article.source,
                      article.byline, article.url):
            assert value is None or isinstance(value, str) and value.encode("utf-8")
        assert article.published is None or isinstance(article.published, date)
    assert {problem.reason for problem in report.skips} <= KNOWN_SKIPS, report.lines()
    assert {problem.reason for problem in report.warnings} <= KNOWN_WARNINGS, report.lines()


def check_file(suffix: str, data: bytes) -> None:
    """A file is read, or refused in one reported line; a file that is not .jsonl is
    exactly one article or one skip."""
    articles, report = read_file_bytes(suffix, data)
    assert_read_or_reported(articles, report)
    if suffix != ".jsonl":
        assert len(articles) + len(report.skips) == 1, report.lines()


@settings(database=None, deadline=None)
@given(file_bytes)
def check_one_file(kind: tuple[str, bytes]) -> None:
    """``check_file`` on one generated file, counted in ``inputs_checked``."""
    global inputs_checked
    inputs_checked += 1
    check_file(*kind)


fuzz_one_input = check_one_file.hypothesis.fuzz_one_input


def fuzz_random(count: int, seed: int = 0) -> int:
    """Feed ``count`` random byte strings (up to 4 KB) to the target; the number of them
    that made a valid input (the others were too short for Hypothesis to use)."""
    before = inputs_checked
    generator = random.Random(seed)
    for _ in range(count):
        fuzz_one_input(generator.randbytes(generator.randint(0, 4096)))
    return inputs_checked - before


def main(arguments: list[str]) -> None:
    """``N``: N random inputs; ``--atheris ...``: coverage-guided with atheris."""
    if arguments[:1] == ["--atheris"]:
        import atheris

        atheris.instrument_all()  # coverage feedback from every module loaded so far
        atheris.Setup([sys.argv[0], *arguments[1:]], fuzz_one_input)
        atheris.Fuzz()
    count = int(arguments[0]) if arguments else 2000
    print(f"{fuzz_random(count)} of {count} inputs checked; no failure")


if __name__ == "__main__":
    main(sys.argv[1:])
