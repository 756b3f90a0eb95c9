"""The SPARQL 1.1 Protocol endpoint and what it is made of.

- `safety`: what a query is (its form) and whether it may run (no update, no SERVICE);
- `formats`: result formats and content negotiation;
- `results`: writing capped results in every format;
- `protocol`: reading a request (GET, POST form, POST sparql-query) into a query and a dataset;
- `endpoint`: the `/sparql` router;
- `errors`: the errors, each with its HTTP status.
"""
