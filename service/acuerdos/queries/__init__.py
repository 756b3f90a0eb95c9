"""The named queries: every `.rq` file in queries/ is a question researchers ask, with a header.

- `header`: the `#+` YAML header (keys checked, errors with file and line);
- `params`: parameter typing (`to_term`, `expand_iri`) and binding terms into the body's slots;
- `registry`: `NamedQuery`, `Registry`, `load_registry`, `load_query_file`, option lists;
- `paging`: where a page's LIMIT and OFFSET go (at the end, or at the `# page` line of a `page: inner` query);
- `writers`: an answer as a text table, CSV, SPARQL JSON, plain JSON values;
- `publish`: the queries as SHACL SPARQL executables in the graph.

    registry = load_registry(project.queries, base)       # read once, under the base
    rows = registry.get("decisions-by-theme").run(backend, {"theme": "theme/gcm-objective/10"})
"""

from __future__ import annotations

from .params import DEFAULT_LANG, LANGS, PARAM_TYPES, Param, expand_iri, to_term
from .registry import NamedQuery, Registry, find_query, load_query_file, load_registry

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "PARAM_TYPES",
    "NamedQuery",
    "Param",
    "Registry",
    "expand_iri",
    "find_query",
    "load_query_file",
    "load_registry",
    "to_term",
]
