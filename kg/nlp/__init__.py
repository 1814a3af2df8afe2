"""kg/nlp: the spaCy pipeline and the project's components (registered factories).

``load_pipeline(model=None, lexicons=())`` builds it; see kg/nlp/pipeline.py. It is imported
on first use, so that kg.lexicon may use kg.nlp.normalise without loading spaCy components.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["PipelineError", "load_pipeline"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("kg.nlp.pipeline"), name)
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")
