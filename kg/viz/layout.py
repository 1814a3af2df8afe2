"""Node positions for the static pictures: a force layout per connected component, nodes then
pushed apart until their labels have room, the components packed in rows (largest first), so
a few stray nodes do not squash the main graph."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

Position = tuple[float, float]

# networkx's spring layout needs scipy from this size on; ForceAtlas2 needs only numpy.
SPRING_BELOW = 500
SEED = 7
# The room a labelled node needs, in layout units (about one label width by three lines).
ROOM = (1.0, 0.55)
SPREAD_ROUNDS = 60


def component_layout(component: nx.Graph) -> dict[str, Position]:
    """Positions of one connected component inside the square [0, side]², side = √size.

    >>> sorted(component_layout(nx.path_graph(["a", "b"])))
    ['a', 'b']
    """
    side = math.sqrt(len(component))
    if len(component) == 1:
        return {node: (side / 2, side / 2) for node in component}
    if len(component) < SPRING_BELOW:
        found = nx.spring_layout(component, seed=SEED, iterations=300,
                                 k=1.6 / math.sqrt(len(component)))
    else:
        found = nx.forceatlas2_layout(component, seed=SEED, max_iter=80, scaling_ratio=4.0)
    nodes = list(found)
    points = np.array([found[node] for node in nodes], dtype=float)
    points -= points.min(axis=0)
    points *= side / (points.max() or 1.0)
    if len(nodes) < SPRING_BELOW:
        points = spread(points)
    points -= points.min(axis=0)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, points)}


def spread(points: np.ndarray, room: tuple[float, float] = ROOM,
           rounds: int = SPREAD_ROUNDS) -> np.ndarray:
    """Points pushed apart, pair by pair, until none is within ``room`` (width, height) of
    another (or the rounds run out).

    >>> apart = spread(np.array([[0.0, 0.0], [0.1, 0.0]]))
    >>> round(float(apart[1, 0] - apart[0, 0]), 2)
    1.0
    """
    scale = np.array(room)
    points = points + np.arange(len(points))[:, None] * 1e-6  # coincident points part too
    for _ in range(rounds):
        offsets = (points[:, None, :] - points[None, :, :]) / scale
        distances = np.sqrt((offsets ** 2).sum(axis=2))
        np.fill_diagonal(distances, 1.0)
        crowded = distances < 1.0
        if not crowded.any():
            break
        push = np.where(crowded, (1.0 - distances) / np.maximum(distances, 1e-9) / 2, 0.0)
        points += (offsets * push[:, :, None]).sum(axis=1) * scale
    return points


def layout(graph: nx.Graph) -> dict[str, Position]:
    """Positions of every node: components laid out apart, then packed in rows.

    >>> graph = nx.Graph([("a", "b"), ("b", "c")]); graph.add_node("lonely")
    >>> positions = layout(graph)
    >>> sorted(positions) == ["a", "b", "c", "lonely"]
    True
    """
    simple = nx.Graph(graph)
    components = sorted((sorted(found) for found in nx.connected_components(simple)),
                        key=lambda nodes: (-len(nodes), nodes[0]))
    row_width = max(math.sqrt(len(simple)) * 1.6, math.sqrt(len(components[0]))) if components else 0
    positions: dict[str, Position] = {}
    x = y = row_height = 0.0
    for nodes in components:
        side = math.sqrt(len(nodes))
        gap = 1.0 if len(nodes) > 1 else 0.25  # a lone node needs room for its label only
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for node, (px, py) in component_layout(simple.subgraph(nodes)).items():
            positions[node] = (x + px, y - side + py)
        x, row_height = x + side + gap, max(row_height, side)
    return positions
