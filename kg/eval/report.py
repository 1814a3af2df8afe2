"""An Evaluation as text (a table, then the misses), as a Markdown table, or as JSON.

>>> from kg.eval.scores import combine, SpeakerAccuracy
>>> evaluation = Evaluation(combine([]), SpeakerAccuracy(found=4, right=3), articles=["a.txt"])
>>> print(markdown_table(evaluation).splitlines()[-1])
| quote-speaker accuracy (of gold quotes found by their words) | – | – | 0.750 |
"""
from __future__ import annotations

import json
from typing import Any

from kg.eval.evaluate import Evaluation
from kg.eval.match import NO_CLASS
from kg.eval.scores import SPEAKERS, Measure, Tally

SPEAKER_ROW = f"{SPEAKERS} (of gold quotes found by their words)"
NONE = "–"


def figure(value: float | None) -> str:
    """A score with three decimals, or a dash where it is undefined.

    >>> figure(0.91234), figure(None)
    ('0.912', '–')
    """
    return NONE if value is None else f"{value:.3f}"


def classes_of(measure: Measure) -> list[str]:
    """The classes to list under a measure: none when it has no classes."""
    return sorted(cls for cls in measure.per_class if cls != NO_CLASS)


def table_row(name: str, tally: Tally, width: int) -> str:
    """One line of the text table."""
    return (f"{name:<{width}} {figure(tally.precision):>9} {figure(tally.recall):>7} "
            f"{figure(tally.f1):>7} {tally.tp:>5} {tally.fp:>5} {tally.fn:>5}")


def text_report(evaluation: Evaluation) -> str:
    """The whole report: scores, micro-averaged and per class, then every finding."""
    width = max(len(name) for name in evaluation.measures) + 4
    lines = [f"{len(evaluation.articles)} articles scored against their gold annotation", "",
             f"{'measure':<{width}} {'precision':>9} {'recall':>7} {'F1':>7} "
             f"{'tp':>5} {'fp':>5} {'fn':>5}"]
    for measure in evaluation.measures.values():
        lines.append(table_row(measure.name, measure.micro, width))
        lines += [table_row(f"  {cls}", measure.per_class[cls], width)
                  for cls in classes_of(measure)]
    speakers = evaluation.speakers
    lines += ["", f"{SPEAKERS}: {figure(speakers.accuracy)} ({speakers.right} of "
                  f"{speakers.found} gold quotes found by their words have the right speaker)"]
    if evaluation.findings:
        lines += ["", "misses and false positives (each listed under the first measure it "
                      "fails):"]
        lines += [finding.line() for finding in evaluation.findings]
    return "\n".join(lines)


def markdown_table(evaluation: Evaluation) -> str:
    """The micro-averaged scores as the Markdown table of the README's Quality section."""
    lines = ["| measure | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for measure in evaluation.measures.values():
        tally = measure.micro
        lines.append(f"| {measure.name} | {figure(tally.precision)} | {figure(tally.recall)} "
                     f"| {figure(tally.f1)} |")
    lines.append(f"| {SPEAKER_ROW} | {NONE} | {NONE} | "
                 f"{figure(evaluation.speakers.accuracy)} |")
    return "\n".join(lines)


def scores_of(tally: Tally) -> dict[str, Any]:
    """A tally with its scores, for JSON."""
    return {"precision": tally.precision, "recall": tally.recall, "f1": tally.f1,
            "tp": tally.tp, "fp": tally.fp, "fn": tally.fn}


def json_report(evaluation: Evaluation) -> str:
    """Everything the text report says, as one JSON object."""
    speakers = evaluation.speakers
    data = {
        "articles": evaluation.articles,
        "measures": {measure.name: {**scores_of(measure.micro), "per_class": {
            cls: scores_of(measure.per_class[cls]) for cls in classes_of(measure)}}
            for measure in evaluation.measures.values()},
        SPEAKERS: {"accuracy": speakers.accuracy, "found": speakers.found,
                   "right": speakers.right},
        "findings": [{"article": finding.article, "measure": finding.measure,
                      "kind": finding.kind, "text": finding.text}
                     for finding in evaluation.findings],
        "problems": evaluation.problems,
        "warnings": evaluation.warnings,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
