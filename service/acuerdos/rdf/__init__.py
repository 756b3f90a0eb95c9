"""RDF and SPARQL as data: term conversion, result rows, result formats and their writers, the SPARQL tokenizer.

Nothing here talks to a server or reads a file: the store, the protocol, the named queries and
the pages all build on it.
"""
