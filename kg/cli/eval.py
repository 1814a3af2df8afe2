"""`kg eval`: build articles into a graph and score it against gold annotations."""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("eval", short_help="Score the graph of some articles against gold files.")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--articles", "articles", multiple=True, required=True, metavar="PATH",
              help="An article file, folder or glob to build (repeatable; as for kg build).")
@click.option("--model", metavar="NAME",
              help="An installed spaCy pipeline or its path (default: none, rules only).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--markdown", is_flag=True,
              help="Print only the table of scores, in Markdown (as in the README).")
def command(gold: tuple[Path, ...], articles: tuple[str, ...], model: str | None,
            as_json: bool, markdown: bool) -> None:
    """Build the articles in memory and score the graph against the GOLD files.

    Prints precision, recall and F1 of entities (name and class), Wikidata links, events
    (class and actors; then also the date; then also the place), quotes (speaker and
    words), roles and article dates, micro-averaged and per class; the quote-speaker
    accuracy; then every miss and false positive with its article. The gold format is
    described in the README ("Quality"). A gold file that cannot be used, or whose article
    was not read, is reported in one line and the others are still scored; the exit status
    is then 1.

    \b
    Example:
      kg eval examples/gold/0*.yaml --articles examples/articles
      kg eval examples/gold/seed_*.yaml --articles ../shared/seeds --json
    """
    if as_json and markdown:
        raise click.UsageError("choose one of --json and --markdown")
    from kg.eval.evaluate import evaluate
    from kg.eval.report import json_report, markdown_table, text_report
    from kg.lexicon import LexiconError
    from kg.nlp import PipelineError

    try:
        evaluation = evaluate(gold, articles, model=model)
    except (OSError, LexiconError, PipelineError) as error:
        raise click.ClickException(str(error)) from None
    for line in evaluation.problems + evaluation.warnings:
        click.echo(line, err=True)
    if not evaluation.articles:
        raise click.ClickException("no gold file could be scored")
    render = json_report if as_json else markdown_table if markdown else text_report
    click.echo(render(evaluation))
    sys.exit(1 if evaluation.problems else 0)
