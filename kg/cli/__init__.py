"""The `kg` command: one module per verb in this package, each defining a click command."""
from __future__ import annotations

import importlib
import sys

import click

from kg import __version__

# Each name is a module kg.cli.<name> that defines `command`, a click.Command.
VERBS = ("build", "serve", "validate", "viz", "eval", "query", "export", "stats", "remove")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Turn news articles into an event knowledge graph, then query, export and draw it.

    \b
    Example:
      kg build examples/articles --store out/store
      kg query --store out/store examples/queries/timeline.rq
    """


for _verb in VERBS:
    cli.add_command(importlib.import_module(f"kg.cli.{_verb}").command)


def main() -> None:
    """Entry point of the console script."""
    sys.exit(cli.main(standalone_mode=True))
