"""Benchmark corpora: real articles, extended to any size by recombining their paragraphs.

The source is ../shared/corpora/wikinews (294 Wikinews articles, CC BY 2.5) when present, else
examples/articles. Article ``i`` keeps the lead paragraph of source article ``i mod n`` and draws
the rest of its paragraphs from that article and one other, in a seeded order, with its date
moved by ``i // n`` days; bodies are checked distinct, so deduplication does not shrink a corpus.

    python benchmarks/corpus.py 1000 benchmarks/work/corpus-1000.jsonl
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews"
EXAMPLES = ROOT / "examples" / "articles"


@dataclass(frozen=True)
class SourceArticle:
    """A source article split into paragraphs."""

    title: str
    published: date | None
    paragraphs: tuple[str, ...]


def read_source(path: Path) -> SourceArticle:
    """Read a `key: value` header (if any), then the body's paragraphs."""
    text = path.read_text(encoding="utf-8", errors="replace")
    header, _, body = text.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    if "title" not in fields:
        body, fields = text, {}
    try:
        published = date.fromisoformat(fields.get("date", "")[:10])
    except ValueError:
        published = None
    paragraphs = tuple(p.strip() for p in body.splitlines() if len(p.split()) > 3)
    return SourceArticle(fields.get("title", path.stem), published, paragraphs)


def source_articles() -> list[SourceArticle]:
    """The real articles the corpora are made from."""
    folder = WIKINEWS if WIKINEWS.is_dir() else EXAMPLES
    articles = [read_source(p) for p in sorted(folder.glob("*.txt"))]
    return [a for a in articles if a.paragraphs]


def recombined(sources: list[SourceArticle], count: int, seed: int = 2019) -> list[dict]:
    """``count`` distinct articles as .jsonl records (text, title, date)."""
    records, seen = [], set()
    i = 0
    while len(records) < count:
        base = sources[i % len(sources)]
        rng = random.Random(seed * 1_000_003 + i)
        other = sources[rng.randrange(len(sources))]
        rest = list(base.paragraphs[1:]) + rng.sample(other.paragraphs, k=min(3, len(other.paragraphs)))
        rng.shuffle(rest)
        body = "\n\n".join([base.paragraphs[0], *rest[: max(3, len(base.paragraphs) - 1)]])
        digest = hashlib.sha256(body.encode()).hexdigest()
        i += 1
        if digest in seen:
            continue
        seen.add(digest)
        published = (base.published or date(2019, 1, 1)) + timedelta(days=i // len(sources))
        records.append({"title": base.title, "date": published.isoformat(), "text": body,
                        "id": f"bench-{len(records):05d}"})
    return records


def write_corpus(count: int, out: Path) -> int:
    """Write a corpus of ``count`` articles to ``out`` (.jsonl); return its number of words."""
    out.parent.mkdir(parents=True, exist_ok=True)
    words = 0
    with out.open("w", encoding="utf-8") as stream:
        for record in recombined(source_articles(), count):
            words += len(record["text"].split())
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    print(f"{target}: {size} articles, {write_corpus(size, target)} words")
