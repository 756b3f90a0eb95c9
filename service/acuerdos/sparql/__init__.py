"""The SPARQL 1.1 Protocol over HTTP: reading a request, answering it from the store.

- `protocol`: reading a request (GET, POST form, POST sparql-query) into a query and a dataset,
  and telling a browser that wants the query form from a SPARQL client;
- `endpoint`: `make_router(form_page)`, the `/sparql` router;
- `errors`: the protocol's own errors (400, 413, 415), each with its HTTP status.

What a query is, its formats and their writers live in `acuerdos.rdf`; running it, in `acuerdos.store`.
"""
