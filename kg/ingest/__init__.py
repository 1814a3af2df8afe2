"""Ingestion: paths, folders, globs and stdin in; Articles (header parsed off) out.

>>> from kg.ingest import read_articles, IngestOptions, Report
"""
from kg.ingest.articles import read_articles
from kg.ingest.report import Problem, Report
from kg.ingest.sources import IngestOptions

__all__ = ["IngestOptions", "Problem", "Report", "read_articles"]
