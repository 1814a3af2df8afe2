"""A regression snapshot of what the pipeline extracts: proves a speed change alters nothing.

For every article of the corpora (the seeds, examples/articles, the Wikinews corpus, where
present), one line of canonical JSON: the article id, a digest of the token layer (lemma,
norm, sentence starts), the span groups the components write (``kg_entities``, ``kg_dates``,
``kg_quotes``, ``kg_triggers``) and the full resolved Extraction. Each corpus is resolved
against one in-memory ResolutionIndex that records every article in turn, as a build does.

    python benchmarks/extraction_snapshot.py /tmp/before.jsonl
    python benchmarks/extraction_snapshot.py /tmp/after.jsonl --compare /tmp/before.jsonl

``--compare`` prints the articles whose lines differ (and the first differing field of
each) and exits 1 when any does.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.ingest import IngestOptions, Report, read_articles
from kg.model import Extraction
from kg.nlp import load_pipeline
from kg.resolve import ResolutionIndex, resolve

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (ROOT.parent / "shared" / "seeds", ROOT / "examples" / "articles",
           ROOT.parent / "shared" / "corpora" / "wikinews")
SPAN_GROUPS = ("kg_entities", "kg_dates", "kg_quotes", "kg_triggers")


def plain(value: object) -> object:
    """A value as JSON can hold it, in one canonical form: sets sorted, dates in ISO.

    >>> from kg.model import Entity
    >>> plain(Entity("e1", "Hanoi", "City", aliases={"Ha Noi", "HANOI"}))["aliases"]
    ['HANOI', 'Ha Noi']
    >>> plain({"day": date(2019, 2, 28), "pair": (1, 2)})
    {'day': '2019-02-28', 'pair': [1, 2]}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def token_digest(doc: Doc) -> str:
    """A digest of what the components write per token: lemma, norm, sentence starts."""
    layer = "\n".join(f"{token.lemma_}\t{token.norm_}\t{int(bool(token.is_sent_start))}"
                      for token in doc)
    return hashlib.sha256(layer.encode("utf-8")).hexdigest()


def span_layer(doc: Doc) -> dict[str, list[list[object]]]:
    """The span groups of a Doc: token offsets, label, kb id, span id, confidence."""
    return {key: [[span.start, span.end, span.label_, span.kb_id_, span.id_,
                   span._.get("kg_confidence")] for span in doc.spans.get(key, ())]
            for key in SPAN_GROUPS}


def snapshot_line(doc: Doc, extraction: Extraction, folder: Path) -> str:
    """One article's canonical JSON line; its source is named relative to its corpus folder,
    so that two checkouts' snapshots compare equal."""
    record = {"id": extraction.article.id, "tokens": token_digest(doc),
              "spans": span_layer(doc), "extraction": plain(extraction)}
    source = extraction.article.source or ""
    record["source"] = record["extraction"]["article"]["source"] = \
        source.replace(str(folder), folder.name, 1)
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def corpus_lines(nlp: Language, folder: Path, batch_size: int = 64) -> Iterator[str]:
    """The snapshot lines of one corpus folder, resolved in reading order."""
    articles = read_articles([folder], IngestOptions(), Report())
    index = ResolutionIndex(None)
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True,
                                 batch_size=batch_size):
        extraction = resolve(extract(doc, article), index)
        index.record(extraction)
        yield snapshot_line(doc, extraction, folder)


def first_difference(before: object, after: object, path: str = "") -> str:
    """Where two JSON values first differ, as a path ("extraction.events[3].date").

    >>> first_difference({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]})
    'a[1].b: 2 != 3'
    """
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) != after.get(key):
                return first_difference(before.get(key), after.get(key),
                                        f"{path}.{key}" if path else key)
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for n, (one, other) in enumerate(zip(before, after)):
            if one != other:
                return first_difference(one, other, f"{path}[{n}]")
    return f"{path}: {json.dumps(before)[:200]} != {json.dumps(after)[:200]}"


def compare(before: Path, after: Path) -> list[str]:
    """One line per article whose snapshot differs (or is only in one of the files)."""
    def by_id(path: Path) -> dict[str, dict]:
        lines = path.read_text(encoding="utf-8").splitlines()
        return {record["source"] + " " + record["id"][:12]: record
                for record in map(json.loads, lines)}
    old, new = by_id(before), by_id(after)
    return [f"{name}: " + (first_difference(old[name], new[name])
                           if name in old and name in new else "only in one snapshot")
            for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]


def main(argv: list[str] | None = None) -> int:
    """Write the snapshot; with ``--compare``, report how it differs from an earlier one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder of articles (repeatable; default: seeds, examples, wikinews)")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    count = 0
    with args.out.open("w", encoding="utf-8") as stream:
        for folder in args.corpus or CORPORA:
            if folder.is_dir():
                for line in corpus_lines(nlp, folder, args.batch_size):
                    stream.write(line + "\n")
                    count += 1
    print(f"{args.out}: {count} articles", file=sys.stderr)
    if args.compare is None:
        return 0
    differences = compare(args.compare, args.out)
    for line in differences:
        print(line)
    print(f"{len(differences)} of {count} articles differ from {args.compare}", file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
