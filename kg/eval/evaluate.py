"""``evaluate``: build the graph of some articles, then score it against gold files.

What is scored is what a user gets: the built graph, read back with SPARQL (kg.eval.graph),
not the extractor's dataclasses. Bad gold files and gold files whose article was not read
are reported, one line each, and the other gold files are still scored.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval.gold import GoldArticle, GoldError, load_gold
from kg.eval.graph import GraphArticle, names_source, read_articles
from kg.eval.match import ArticleMatcher, ClassTree, words
from kg.eval.scores import Finding, Measure, Outcome, SpeakerAccuracy, combine


@dataclass
class Evaluation:
    """The scores of one run, with its findings and the problems met on the way."""

    measures: dict[str, Measure]
    speakers: SpeakerAccuracy
    findings: list[Finding] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # the gold articles scored
    problems: list[str] = field(default_factory=list)  # lines: unusable gold, inputs skipped
    warnings: list[str] = field(default_factory=list)  # lines: gold words not in the article


def load_all(paths: Iterable[Path], tree: ClassTree) -> tuple[list[GoldArticle], list[str]]:
    """The gold files that load, and one line for each that does not."""
    golds, problems = [], []
    entity_classes, event_classes = tree.below("Entity"), tree.below("Event")
    for path in paths:
        try:
            golds.append(load_gold(Path(path), entity_classes, event_classes))
        except GoldError as error:
            problems.append(f"error: {error}")
    return golds, problems


def find_article(gold: GoldArticle, articles: Sequence[GraphArticle], cwd: Path) -> GraphArticle:
    """The graph article a gold file is about: by its sha256 if given, else by its path."""
    if gold.sha256:
        matches = [article for article in articles if article.sha256 == gold.sha256]
    else:
        matches = [article for article in articles if names_source(gold.article, article.source,
                                                                   cwd)]
    if len(matches) == 1:
        return matches[0]
    wanted = f"sha256 {gold.sha256}" if gold.sha256 else repr(gold.article)
    if matches:
        raise GoldError(f"{gold.path}: article: {wanted} names {len(matches)} of the articles "
                        f"read: {', '.join(sorted(article.source for article in matches))}")
    raise GoldError(f"{gold.path}: article: {wanted} is not among the {len(articles)} "
                    f"articles read (pass it with --articles)")


def unstated(gold: GoldArticle, text: str) -> list[str]:
    """Lines for gold words its article does not contain: an entity none of whose names
    occur, evidence keys and quotes' first words (compared as folded words)."""
    body = f" {' '.join(words(text))} "

    def occurs(phrase: str) -> bool:
        return f" {' '.join(words(phrase))} " in body

    lines = [f"warning: {gold.path}: entities[{index}]: no name of {entity.name!r} is in the "
             "article"
             for index, entity in enumerate(gold.entities) if not any(map(occurs, entity.names))]
    lines += [f"warning: {gold.path}: {field}[{index}].evidence: {item.evidence!r} is not in "
              "the article"
              for field, items in (("events", gold.events), ("sanctions", gold.sanctions or ()))
              for index, item in enumerate(items)
              if item.evidence and not occurs(item.evidence)]
    lines += [f"warning: {gold.path}: quotes[{index}].text: {quote.text!r} is not in the "
              "article"
              for index, quote in enumerate(gold.quotes) if not occurs(quote.text)]
    return lines


def evaluate(gold_paths: Iterable[Path], article_paths: Sequence[str], model: str | None = None,
             cwd: Path | None = None) -> Evaluation:
    """Build the articles into a graph in memory and score it against the gold files.

    ``model`` is the spaCy pipeline of the build (None: rules only). Gold files name their
    article by a path that ends the path it was read from (from ``cwd``, default the current
    folder). Raises kg.nlp.PipelineError for a model that is not installed.
    """
    from kg.ingest import Report
    from kg.pipeline import BuildOptions, build
    from kg.store import KnowledgeGraph

    tree = ClassTree.from_ontology()
    golds, problems = load_all(gold_paths, tree)
    report, texts = Report(), {}
    with KnowledgeGraph.open(None) as graph:
        build(article_paths, graph, BuildOptions(model=model), report,
              on_article=lambda article: texts.setdefault(article.id, article.text))
        found = read_articles(graph)
    outcomes: list[Outcome] = []
    evaluation = Evaluation(combine([]), SpeakerAccuracy(),
                            problems=problems + [skip.line("skipped") for skip in report.skips],
                            warnings=[warning.line("warning") for warning in report.warnings])
    for gold in golds:
        try:
            article = find_article(gold, found, cwd or Path.cwd())
        except GoldError as error:
            evaluation.problems.append(f"error: {error}")
            continue
        matcher = ArticleMatcher(gold, article, tree, gold.article)
        outcomes += matcher.outcomes()
        evaluation.speakers.found += matcher.speakers.found
        evaluation.speakers.right += matcher.speakers.right
        evaluation.articles.append(gold.article)
        evaluation.warnings += unstated(gold, texts.get(article.sha256, ""))
    evaluation.measures = combine(outcomes)
    evaluation.findings = [finding for outcome in outcomes for finding in outcome.findings]
    return evaluation
