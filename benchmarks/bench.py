"""The benchmark of issue 10: throughput, memory, store size, one more article, saved queries.

    make bench                                   # all sizes, writes benchmarks/RESULTS.md
    python benchmarks/bench.py --sizes 100,1000 --out /tmp/RESULTS.md

For each corpus size (benchmarks/corpus.py: real Wikinews articles recombined into distinct
ones) a fresh process builds an on-disk store with ``kg.pipeline.build`` (read -> extract ->
resolve -> store) and reports its time and peak RSS; spaCy's tokenizer alone runs over the
same texts for the ceiling. On the largest store: the build again with ``--jobs 2``, the
median latency of every saved query (examples/queries/*.rq) on the store and on rdflib's
in-memory engine over the same quads, and the time to add one more article (in a process
whose pipeline is loaded, and as a ``kg build`` command). Measured figures only: nothing is
asserted here, and RESULTS.md states the targets beside the figures.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/corpus.py, beside this file)

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work"
QUERIES = ROOT / "examples" / "queries"
NOTES = ROOT / "benchmarks" / "NOTES.md"
PACKAGES = ("event-kg", "spacy", "pyoxigraph", "rdflib", "numpy")
QUERY_RUNS = 7  # on the store, after one warm-up run
RDFLIB_RUNS = 3
QUERY_TIMEOUT = 15.0  # seconds for all runs of one query on one engine
WARM_UP = "Envoys of two states met on Monday, officials said."


@dataclass
class BuildRun:
    """What one build process reports."""

    articles: int
    jobs: int
    load_seconds: float  # loading the spaCy pipeline, before the build
    build_seconds: float  # the build, wall clock
    build_cpu: float  # CPU seconds of the building process (workers not included)
    rss_mb: float  # peak RSS of the building process
    workers_rss_mb: float  # peak RSS of its largest worker process (0 with one process)


def peak_rss_mb(who: int) -> float:
    """Peak resident memory in MB of this process or (the largest of) its children."""
    return resource.getrusage(who).ru_maxrss / 1024


def child_build(corpus_file: Path, store: Path, jobs: int) -> BuildRun:
    """Build ``store`` from ``corpus_file`` in this process (run by ``main`` in a child)."""
    from kg.ingest import Report
    from kg.parallel import ExtractorSpec, pipeline_for
    from kg.pipeline import BuildOptions, build
    from kg.store import KnowledgeGraph

    start = time.perf_counter()
    if jobs == 1:
        pipeline_for(ExtractorSpec.of(None, ()))  # build() reuses it
    loaded = time.perf_counter()
    cpu = time.process_time()
    with KnowledgeGraph.open(store) as graph:
        summary = build([corpus_file], graph, BuildOptions(jobs=jobs), Report())
    return BuildRun(summary.added, jobs, loaded - start, time.perf_counter() - loaded,
                    time.process_time() - cpu, peak_rss_mb(resource.RUSAGE_SELF),
                    peak_rss_mb(resource.RUSAGE_CHILDREN))


def child_add(corpus_file: Path, store: Path) -> dict[str, float]:
    """Add the article of ``corpus_file`` to ``store`` with the pipeline already loaded."""
    from kg.ingest import Report
    from kg.parallel import ExtractorSpec, pipeline_for
    from kg.pipeline import BuildOptions, build
    from kg.store import KnowledgeGraph

    pipeline_for(ExtractorSpec.of(None, ()))(WARM_UP)  # its first Doc loads word lists
    start = time.perf_counter()
    with KnowledgeGraph.open(store) as graph:
        opened = time.perf_counter()
        summary = build([corpus_file], graph, BuildOptions(), Report())
        built = time.perf_counter()
    return {"added": summary.added, "open_seconds": opened - start,
            "build_seconds": built - opened, "total_seconds": time.perf_counter() - start}


def child_remove(corpus_file: Path, store: Path) -> dict[str, int]:
    """Remove the articles of ``corpus_file`` from ``store`` again (so that it keeps its size
    for the next run)."""
    from kg.ingest import read_articles
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        found = [a.id for a in read_articles([corpus_file]) if graph.has_article(a.id)]
        for article_id in found:
            graph.remove_article(article_id)
    return {"removed": len(found)}


def run_child(*args: str) -> dict:
    """Run this script in a fresh process and return the JSON it prints last."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def texts_of(corpus_file: Path) -> list[str]:
    """The article bodies of a .jsonl corpus."""
    with corpus_file.open(encoding="utf-8") as stream:
        return [json.loads(line)["text"] for line in stream]


def tokenizer_seconds(texts: list[str]) -> float:
    """Seconds spaCy's English tokenizer alone takes over the texts (a fresh, cold one)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return time.perf_counter() - start


def folder_mb(folder: Path) -> float:
    """The size of a folder's files in MB."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 2**20


def median_ms(times: list[float]) -> float:
    """The median of some durations in seconds, in ms."""
    return statistics.median(times) * 1000


@dataclass
class Timing:
    """A query's answer size and the seconds of its timed runs (none: the time ran out)."""

    rows: int | None
    seconds: list[float]

    def cell(self) -> str:
        """The median in ms, with the number of runs, or what the time limit says."""
        if not self.seconds:
            return f"> {QUERY_TIMEOUT * 1000:,.0f} (none finished)"
        return f"{median_ms(self.seconds):,.1f} ({len(self.seconds)})"


def send_store_times(store: Path, sparql: str, sender) -> None:
    """Open a store read-only and send a query's rows, then QUERY_RUNS timed runs (after a
    warm-up), each as it ends (in a child process)."""
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as graph:
        sender.send(len(list(graph.query(sparql))))
        for _ in range(QUERY_RUNS):
            start = time.perf_counter()
            list(graph.query(sparql))
            sender.send(time.perf_counter() - start)


def send_rdflib_times(dataset, sparql: str, sender) -> None:
    """Send a query's rows and the seconds of RDFLIB_RUNS evaluations by rdflib (in a child
    forked from the process that loaded ``dataset``)."""
    for run in range(RDFLIB_RUNS):
        start = time.perf_counter()
        rows = len(list(dataset.query(sparql)))
        if run == 0:
            sender.send(rows)
        sender.send(time.perf_counter() - start)


def timed(target, *args: object) -> Timing:
    """Run ``target(*args, sender)`` in a forked child and collect what it sends (rows, then
    durations) for QUERY_TIMEOUT seconds; the child is stopped then."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, sender))
    child.start()
    sender.close()
    deadline = time.monotonic() + QUERY_TIMEOUT
    sent: list[float] = []
    while receiver.poll(max(0.0, deadline - time.monotonic())):
        try:
            sent.append(receiver.recv())
        except EOFError:
            break
    child.kill()
    child.join()
    return Timing(int(sent[0]) if sent else None, sent[1:])


def rdflib_dataset(store: Path, dump: Path):
    """rdflib's in-memory Dataset (union default graph) of a store's quads, and its load time."""
    import pyoxigraph
    import rdflib

    pyoxigraph.Store.read_only(str(store)).dump(str(dump), pyoxigraph.RdfFormat.N_QUADS)
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(dump), format="nquads")
    return dataset, time.perf_counter() - start


def query_latencies(largest: Path, compared: Path, work: Path) -> tuple[list[dict], dict]:
    """Each saved query on the largest store and on the ``compared`` store, and on rdflib
    over the ``compared`` store's quads (dumped in ``work``)."""
    dataset, load_seconds = rdflib_dataset(compared, work / "compared.nq")
    about = {"quads": len(dataset), "load_seconds": load_seconds}
    rows = []
    for path in sorted(QUERIES.glob("*.rq")):
        print(f"bench: query {path.stem} ...", file=sys.stderr)
        sparql = path.read_text(encoding="utf-8")
        rows.append({"query": path.stem,
                     "largest": asdict(timed(send_store_times, largest, sparql)),
                     "compared": asdict(timed(send_store_times, compared, sparql)),
                     "rdflib": asdict(timed(send_rdflib_times, dataset, sparql))})
    return rows, about


def one_more(size: int, name: str, work: Path) -> Path:
    """A .jsonl file in ``work`` of one article the ``size``-article corpus does not hold
    (distinct by ``offset``: article ``size + offset`` of the same recombination)."""
    offset = {"warm": 0, "command": 1}[name]
    record = corpus.recombined(corpus.source_articles(), size + offset + 1)[-1]
    path = work / f"one-more-{size}-{name}.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def head_commit() -> str:
    """The checkout's commit (short hash), or "?" outside git."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, cwd=ROOT).stdout.strip() or "?"


def machine() -> list[str]:
    """Lines describing the machine and the versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor() or "?") if Path("/proc/cpuinfo").exists() else "?"
    memory = (os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) / 2**30
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    commit = head_commit()
    return [f"- Machine: {cpu}, {os.cpu_count()} cores, {memory:.1f} GiB RAM, "
            f"{platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; {versions}; commit {commit}; "
            f"run on {date.today().isoformat()}"]


@dataclass
class SizeResult:
    """The figures of one corpus size."""

    articles: int
    words: int
    tokenizer_seconds: float
    run: BuildRun
    store_mb: float
    commit: str  # of the checkout that built it

    @property
    def ratio(self) -> float:
        """End-to-end throughput over the tokenizer's."""
        return self.tokenizer_seconds / self.run.build_seconds


def measure_size(size: int, jobs: int, reuse: bool, work: Path) -> SizeResult:
    """Write the corpus of ``size`` articles, build its store in a child, time the tokenizer.

    The corpus, store and figures are kept in ``work``; with ``reuse``, those of an earlier
    run (and its store) are taken instead of building again.
    """
    saved = work / f"result-{size}-jobs{jobs}.json"
    store = work / f"store-{size}-jobs{jobs}"
    if reuse and saved.exists() and store.is_dir():
        data = json.loads(saved.read_text(encoding="utf-8"))
        return SizeResult(**{**data, "run": BuildRun(**data["run"])})
    corpus_file = work / f"corpus-{size}.jsonl"
    words = corpus.write_corpus(size, corpus_file)
    subprocess.run(["rm", "-rf", str(store)], check=True)
    print(f"bench: {size} articles ({words} words), --jobs {jobs} ...", file=sys.stderr)
    run = BuildRun(**run_child("_build", str(corpus_file), str(store), str(jobs)))
    seconds = tokenizer_seconds(texts_of(corpus_file)) if jobs == 1 else 0.0
    result = SizeResult(size, words, seconds, run, folder_mb(store), head_commit())
    saved.write_text(json.dumps(asdict(result)), encoding="utf-8")
    return result


def add_timings(size: int, jobs: int, work: Path) -> dict[str, float]:
    """One more article into the store of ``size`` in ``work``: warm in-process, and as a
    command; both are removed again afterwards."""
    store = work / f"store-{size}-jobs{jobs}"
    warm_file, command_file = one_more(size, "warm", work), one_more(size, "command", work)
    warm = run_child("_add", str(warm_file), str(store))
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("kg")), "build", str(command_file),
                    "--store", str(store)], check=True, capture_output=True, cwd=ROOT)
    warm["command_seconds"] = time.perf_counter() - start
    for added in (warm_file, command_file):
        run_child("_remove", str(added), str(store))
    return warm


def size_rows(results: list[SizeResult]) -> list[str]:
    """The throughput and memory table."""
    lines = ["| articles | words | jobs | tokenizer words/s | end-to-end words/s | ratio | "
             "build s | pipeline load s | peak RSS MB (main / worker) | store MB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        tokenizer = f"{r.words / r.tokenizer_seconds:,.0f}" if r.tokenizer_seconds else "–"
        ratio = f"{r.ratio:.1%}" if r.tokenizer_seconds else "–"
        load = f"{r.run.load_seconds:.1f}" if r.run.jobs == 1 else "(in workers)"
        workers = f" / {r.run.workers_rss_mb:.0f}" if r.run.jobs > 1 else ""
        lines.append(f"| {r.articles:,} | {r.words:,} | {r.run.jobs} | {tokenizer} | "
                     f"{r.words / r.run.build_seconds:,.0f} | {ratio} | "
                     f"{r.run.build_seconds:.1f} | {load} | {r.run.rss_mb:.0f}{workers} | "
                     f"{r.store_mb:.0f} |")
    return lines


def count(rows: int | None) -> str:
    """A row count, or "?" where no run finished."""
    return "?" if rows is None else f"{rows:,}"


def query_rows(rows: list[dict], largest: int, compared: int) -> list[str]:
    """The saved-query latency table."""
    lines = [f"| query | rows ({largest:,}) | store ms ({largest:,}) | rows ({compared:,}) "
             f"| store ms ({compared:,}) | rdflib ms ({compared:,}) | rdflib / store |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        big, small, rdflib = (Timing(**row[name]) for name in ("largest", "compared", "rdflib"))
        ratio = "–"
        if small.seconds:
            slow = median_ms(rdflib.seconds) if rdflib.seconds else QUERY_TIMEOUT * 1000
            ratio = f"{'' if rdflib.seconds else '> '}{slow / median_ms(small.seconds):,.1f}x"
        lines.append(f"| {row['query']} | {count(big.rows)} | "
                     f"{big.cell()} | {count(small.rows)} | "
                     f"{small.cell()} | {rdflib.cell()} | {ratio} |")
    return lines


def targets(results: list[SizeResult], parallel: SizeResult | None, added: dict,
            rows: list[dict]) -> list[str]:
    """The targets of issue 10 beside the figures measured."""
    largest = results[-1]
    worst_rss = max([r.run.rss_mb for r in results] + (
        [parallel.run.rss_mb, parallel.run.workers_rss_mb] if parallel else []))
    timings = [(Timing(**row["largest"]), Timing(**row["compared"]), Timing(**row["rdflib"]))
               for row in rows]
    slowest = max((median_ms(big.seconds) if big.seconds else float("inf"))
                  for big, _, _ in timings)
    ratios = [(median_ms(rdflib.seconds) if rdflib.seconds else QUERY_TIMEOUT * 1000)
              / median_ms(small.seconds) for _, small, rdflib in timings if small.seconds]
    checks = [
        ("end to end >= 30% of the tokenizer's words/s", f"{largest.ratio:.1%} at "
         f"{largest.articles:,} articles", largest.ratio >= 0.30),
        (f"{largest.articles:,} articles in < 3 min with --jobs 2",
         f"{parallel.run.build_seconds:.0f} s" if parallel else "not run",
         bool(parallel) and parallel.run.build_seconds < 180),
        ("peak RSS < 1 GB", f"{worst_rss:,.0f} MB", worst_rss < 1024),
        ("one more article < 1 s", f"{added['total_seconds']:.2f} s warm, "
         f"{added['command_seconds']:.2f} s as a command", added["total_seconds"] < 1),
        (f"each saved query < 100 ms median on the {largest.articles:,}-article store",
         "slowest: " + (f"{slowest:,.0f} ms" if slowest != float("inf") else
                        f"> {QUERY_TIMEOUT:.0f} s"), slowest < 100),
        (">= 20x faster than rdflib in memory", "least, of the queries the store answered "
         "in time: " + (
            f"{min(ratios):,.1f}x" if ratios else "–"), bool(ratios) and min(ratios) >= 20)]
    return ["| target | measured | met |", "| --- | --- | --- |",
            *(f"| {target} | {measured} | {'yes' if met else 'no'} |"
              for target, measured, met in checks)]


def results_text(results: list[SizeResult], parallel: SizeResult | None, added: dict,
                 queries: tuple[list[dict], dict], compared: int, seconds: float,
                 reused: bool) -> str:
    """RESULTS.md."""
    largest = results[-1]
    rows, about = queries
    lines = ["# Benchmark results (issue 10)", "", *machine(),
             f"- Corpus: {corpus.WIKINEWS if corpus.WIKINEWS.is_dir() else corpus.EXAMPLES} "
             "recombined by benchmarks/corpus.py; default pipeline (no trained model); "
             + (f"the builds are those of an earlier run (--reuse; built at commit "
                f"{', '.join(sorted({r.commit for r in results}))}), the rest took "
                f"{seconds / 60:.1f} min" if reused else f"`make bench` took "
                                                         f"{seconds / 60:.1f} min"), "",
             "## Targets", "", *targets(results, parallel, added, rows), "",
             "## Throughput, memory, store size", "",
             "End to end = `kg.pipeline.build` into an on-disk store (read, nlp.pipe, extract, "
             "resolve, write), in a fresh process per size, after the spaCy pipeline is loaded "
             "(its loading time is the separate column). The tokenizer column is "
             "`spacy.blank(\"en\").tokenizer` alone, cold, over the same article bodies; "
             "ratio = end-to-end words/s over tokenizer words/s. Peak RSS is the building "
             "process's (and its largest worker's). Store MB is the whole store folder.", "",
             *size_rows(results + ([parallel] if parallel else [])), "",
             f"## One more article into the {largest.articles:,}-article store", "",
             f"- In a process whose pipeline is loaded (and has run once): open the store "
             f"{added['open_seconds']:.2f} s, build the article {added['build_seconds']:.2f} s "
             f"(total {added['total_seconds']:.2f} s).",
             f"- As a command (`kg build one.jsonl --store ...`: Python start, imports, "
             f"pipeline loading, the same work): {added['command_seconds']:.2f} s.", "",
             "## Saved queries", "",
             f"Each examples/queries/*.rq: median ms (and number of runs) of {QUERY_RUNS} runs "
             "after a warm-up on the store folders (Oxigraph, `KnowledgeGraph.query`, "
             "read-only), and of "
             f"{RDFLIB_RUNS} runs with rdflib's in-memory engine "
             "(`rdflib.Dataset(default_union=True)`) over the "
             f"{compared:,}-article store's N-Quads ({about['quads']:,} quads, loaded in "
             f"{about['load_seconds']:.0f} s), in the same run; each engine gets "
             f"{QUERY_TIMEOUT:.0f} s per query, after which its runs are stopped.", "",
             *query_rows(rows, largest.articles, compared), ""]
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


CHILDREN = {"_add": child_add, "_remove": child_remove}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with a leading ``_build``, ``_add`` or ``_remove``, one
    child's part of it)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_build":
        print(json.dumps(asdict(child_build(Path(argv[1]), Path(argv[2]), int(argv[3])))))
        return 0
    if argv and argv[0] in CHILDREN:
        print(json.dumps(CHILDREN[argv[0]](Path(argv[1]), Path(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="corpus sizes, comma-separated (default: 100,1000,10000)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="also build the largest size with this many processes (1: skip)")
    parser.add_argument("--rdflib-size", type=int, default=1000,
                        help="the size (one of --sizes) whose store rdflib is compared on")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--reuse", action="store_true",
                        help="take the builds (stores and figures) of an earlier run from "
                             "the work folder instead of building again")
    parser.add_argument("--work", type=Path, default=WORK,
                        help="the folder of the corpora, stores and figures (default: "
                             "benchmarks/work; another run reading it is not disturbed by "
                             "one given its own, e.g. in /tmp)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",")]
    results = [measure_size(size, 1, args.reuse, work) for size in sizes]
    parallel = measure_size(sizes[-1], args.jobs, args.reuse, work) if args.jobs > 1 else None
    print("bench: saved queries ...", file=sys.stderr)
    queries = query_latencies(work / f"store-{sizes[-1]}-jobs1",
                              work / f"store-{args.rdflib_size}-jobs1", work)
    print("bench: one more article ...", file=sys.stderr)
    added = add_timings(sizes[-1], 1, work)
    args.out.write_text(results_text(results, parallel, added, queries, args.rdflib_size,
                                     time.perf_counter() - started, args.reuse),
                        encoding="utf-8")
    print(f"bench: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
