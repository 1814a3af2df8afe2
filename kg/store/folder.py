"""A store folder on disk: Oxigraph's files, the resolution index and a record of the build.

``<store>/kg-store.json`` records the base IRI of the graph and the versions of event-kg, the
ontology and the lexicons that built it, so that a later build into the same folder keeps the
IRIs and says when it runs with other versions. Only one process writes a store at a time
(Oxigraph locks the folder); a second writer waits up to ``wait`` seconds, then fails with a
message that says so.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph

from kg import __version__

RECORD = "kg-store.json"
INDEX = "index.sqlite"
LOCK_POLL_SECONDS = 0.2
# The files a store folder holds: Oxigraph's RocksDB files, the record and the index.
STORE_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|(MANIFEST|OPTIONS)-\d+"
                        r"(\.dbtmp)?|\d+\.(log|sst|blob|dbtmp)|kg-store\.(json|tmp)"
                        r"|index\.sqlite(-journal|-wal|-shm)?")


class StoreError(Exception):
    """A store that cannot be used as asked; the message is one line for the user."""


@dataclass(frozen=True)
class BuildRecord:
    """What a store folder was built with."""

    base_iri: str
    event_kg: str = __version__
    ontology: str = ""
    lexicons: str = ""

    def differences(self, current: "BuildRecord") -> list[str]:
        """Plain-word lines for each version that differs from ``current``.

        >>> BuildRecord("x", "0.1.0").differences(BuildRecord("x", "0.2.0"))
        ['built with event-kg 0.1.0, this is 0.2.0']
        """
        found = []
        for name, label in (("event_kg", "event-kg"), ("ontology", "ontology"),
                            ("lexicons", "lexicons")):
            stored, now = getattr(self, name), getattr(current, name)
            if stored and now and stored != now:
                found.append(f"built with {label} {stored}, this is {now}")
        return found


def digest_files(paths: Iterable[Path]) -> str:
    """A short digest of the contents of some files, in the order given."""
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
    return sha.hexdigest()[:12]


def read_record(folder: Path) -> BuildRecord | None:
    """The build record of a store folder, or None for a folder that has none yet."""
    path = folder / RECORD
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BuildRecord(**{key: str(data[key]) for key in data
                              if key in BuildRecord.__dataclass_fields__})
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"{path}: not a readable store record ({error})") from None


def write_record(folder: Path, record: BuildRecord) -> None:
    """Write the build record, replacing the old one atomically."""
    path = folder / RECORD
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(asdict(record), indent=2, sort_keys=True) + "\n",
                       encoding="utf-8")
    partial.replace(path)


def is_store_file(name: str) -> bool:
    """Whether a file of this name is one a store folder holds.

    >>> is_store_file("000012.sst"), is_store_file("LOCK"), is_store_file("notes.txt")
    (True, True, False)
    """
    return STORE_FILE.fullmatch(name) is not None


def check_store_folder(folder: Path) -> None:
    """Refuse a folder that exists, holds files and is not an event-kg store.

    A folder with no record yet but only a store's files is one whose first build is opening
    it right now, or was killed while it did: it is a store.
    """
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file, not a store folder")
    if folder.is_dir() and not (folder / RECORD).exists() \
            and not all(is_store_file(path.name) for path in folder.iterdir()):
        raise StoreError(f"{folder} is not an event-kg store (it holds other files); "
                         "name a new or empty folder")


def open_writable(folder: Path, wait: float) -> pyoxigraph.Store:
    """Open (or create) the Oxigraph store in ``folder`` for writing, waiting for a lock."""
    check_store_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return pyoxigraph.Store(str(folder))
        except OSError as error:
            if "lock" not in str(error).lower():
                raise StoreError(f"cannot open the store {folder}: {error}") from None
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"the store {folder} is being written by another process; wait for it "
                    "to finish (or pass --wait SECONDS)") from None
            time.sleep(LOCK_POLL_SECONDS)


def open_read_only(folder: Path) -> pyoxigraph.Store:
    """Open an existing store folder for reading; it may be written at the same time."""
    if not (folder / RECORD).exists():
        raise StoreError(f"{folder} is not an event-kg store (build one with "
                         f"`kg build ... --store {folder}`)")
    try:
        return pyoxigraph.Store.read_only(str(folder))
    except OSError as error:
        raise StoreError(f"cannot open the store {folder}: {error}") from None
