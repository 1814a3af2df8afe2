"""Common English words: the lower-case words news writes more often in lower case than
capitalised, derived from spacy-lookups-data's word probabilities and cached between runs.

The names finder and the gazetteer read them: a capitalised common word is no name by
itself ("Despite", "Analysts").
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

import srsly
from spacy_lookups_data import get_file

RARE_WORD = -16.0  # log probability under which a lower-case word is not a common one
PROBABILITIES = "en_lexeme_prob.json.gz"  # word probabilities of spacy-lookups-data
CACHE_ENV = "KG_CACHE_DIR"


@cache
def common_words() -> frozenset[str]:
    """Lower-case words more often written in lower case than capitalised (spacy-lookups-data).

    Derived once from the word probabilities (a million entries, about a second to parse)
    and kept as a word list in the cache folder (``cache_folder()``), which later processes
    read instead.

    >>> {"despite", "analysts"} <= common_words(), "kim" in common_words()
    (True, False)
    """
    source = Path(str(get_file(PROBABILITIES)))
    cached = cached_words_path(source)
    words = read_word_list(cached) if cached else None
    if words is None:
        words = derive_common_words(source)
        if cached:
            write_word_list(cached, words)
    return words


def derive_common_words(source: Path) -> frozenset[str]:
    """The common lower-case words of a word-probability table (JSON, gzipped)."""
    probabilities: dict[str, float] = srsly.read_gzip_json(source)
    return frozenset(word for word, probability in probabilities.items()
                     if word.islower() and probability > RARE_WORD
                     and probability > probabilities.get(word.title(), RARE_WORD))


def cache_folder() -> Path | None:
    """Where derived tables are kept between runs: ``$KG_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/event-kg``, else ``~/.cache/event-kg`` (None without a home)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "event-kg"
    try:
        return Path.home() / ".cache" / "event-kg"
    except RuntimeError:
        return None


def cached_words_path(source: Path) -> Path | None:
    """The cache file of the words derived from ``source``: named by the source's path, size
    and modification time and by the threshold, so a changed table is derived again."""
    folder = cache_folder()
    try:
        stat = source.stat()
    except OSError:
        return None
    if folder is None:
        return None
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{RARE_WORD}"
    return folder / f"common-words-{hashlib.sha256(key.encode()).hexdigest()[:16]}.txt"


def read_word_list(path: Path) -> frozenset[str] | None:
    """The words of a cached list (one a line), or None where there is none to read."""
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}
    except (OSError, UnicodeDecodeError):
        return None


def write_word_list(path: Path, words: frozenset[str]) -> None:
    """Keep a word list for later processes; written whole or not at all (a folder that
    cannot be written leaves nothing behind, and the words are derived again next time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join(sorted(words)))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
