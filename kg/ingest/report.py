"""What a run met on the way: inputs skipped, warnings, articles read.

Nothing the user feeds in raises: each problem becomes one line on a Report, and the run goes on.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One input that was skipped or read with a caveat.

    ``where`` names the file (and line): ``"notes.jsonl:4"``; ``reason`` is short and stable, so
    that problems can be counted by it; ``detail`` says more when there is more to say.
    """

    where: str
    reason: str
    detail: str = ""

    def line(self, kind: str) -> str:
        """The problem as one line of output.

        >>> Problem("a.jsonl:3", "not JSON", "Expecting value").line("skipped")
        'a.jsonl:3: skipped: not JSON (Expecting value)'
        """
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.where}: {kind}: {self.reason}{detail}"


@dataclass
class Report:
    """Collects what was read, skipped and warned about during one run.

    >>> report = Report()
    >>> report.skip("empty.txt", "empty file")
    >>> report.read += 2
    >>> report.summary()
    'read 2 articles, skipped 1 (1 empty file)'
    """

    read: int = 0
    duplicates: int = 0
    skips: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def skip(self, where: str, reason: str, detail: str = "") -> None:
        """Record an input that could not be used."""
        self.skips.append(Problem(where, reason, detail))

    def warn(self, where: str, reason: str, detail: str = "") -> None:
        """Record an input that was used, with a caveat."""
        self.warnings.append(Problem(where, reason, detail))

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return not self.skips

    def skipped_by_reason(self) -> Counter[str]:
        """How many inputs were skipped, per reason."""
        return Counter(problem.reason for problem in self.skips)

    def lines(self) -> list[str]:
        """Every warning and skip, one line each, in the order they happened per kind."""
        return ([problem.line("warning") for problem in self.warnings]
                + [problem.line("skipped") for problem in self.skips])

    def summary(self) -> str:
        """One closing line: articles read, duplicates merged, skips counted by reason."""
        text = f"read {self.read} article{'' if self.read == 1 else 's'}"
        if self.duplicates:
            text += f" ({self.duplicates} duplicate{'' if self.duplicates == 1 else 's'} merged)"
        text += f", skipped {len(self.skips)}"
        if self.skips:
            counts = ", ".join(f"{count} {reason}"
                               for reason, count in sorted(self.skipped_by_reason().items()))
            text += f" ({counts})"
        return text
