"""kg/viz: pictures of the graph (interactive HTML, SVG/PNG, GraphML/GEXF, timelines).

sources (SPARQL rows) -> projection (a networkx MultiDiGraph) -> selection (focus, max nodes)
-> output (page, picture, exchange, by the file's extension). Importing this package loads
nothing heavy: the server reads kg/viz/static through it.
"""
