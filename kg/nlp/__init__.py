"""kg/nlp: the spaCy pipeline and the project's components (registered factories).

``load_pipeline(model=None, lexicons=())`` builds it; see kg/nlp/pipeline.py.
"""
from __future__ import annotations

from kg.nlp.pipeline import PipelineError, load_pipeline

__all__ = ["PipelineError", "load_pipeline"]
