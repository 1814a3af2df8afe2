"""A SPARQL 1.1 Protocol endpoint over the knowledge graph, with a query page.

negotiation (Accept -> format) · protocol (HTTP request -> query or update) · evaluation
(run one query within its row limit, write the answer) · workers (threads or processes,
within the time limit) · app (the Starlette application) · examples (saved queries).
"""
from kg.server.app import ServerSettings, create_app
from kg.server.workers import Limits, ProcessEvaluator, ThreadEvaluator

__all__ = ["Limits", "ProcessEvaluator", "ServerSettings", "ThreadEvaluator", "create_app"]
