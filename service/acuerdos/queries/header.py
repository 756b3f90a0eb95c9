"""The `#+` header of a query file: YAML (the grlc / SIB sparql-examples style) on comment lines.

    #+ title: Decisions that touch a theme
    #+ title_es: Decisiones que tocan un tema
    #+ description: …
    #+ description_es: …
    #+ tags: [decisions, themes]
    #+ params:
    #+   theme:
    #+     type: iri
    #+     class: skos:Concept
    #+     default: https://w3id.org/acuerdos/theme/regional/extra-regional-migration
    #+     options: themes
    #+ example:
    #+   theme: https://w3id.org/acuerdos/theme/gcm-objective/10

Every mistake is a UserError naming the file and the line of the key at fault, so an author can
go straight to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from ..errors import UserError
from ..namespaces import CURIES, Base
from .params import PARAM_TYPES, Param, is_iri, to_term

REQUIRED_KEYS = ("title", "title_es", "description", "description_es")
HEADER_KEYS = {*REQUIRED_KEYS, "tags", "params", "example", "page", "variants"}
PAGE_PLACES = ("end", "inner")  # where a page's LIMIT and OFFSET go (queries.paging)
_VARIANT_FILE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.rq$")  # a file of queries/variants/ (header key 'variants')
PARAM_KEYS = {"type", "class", "required", "default", "example", "multiple", "options", "description", "description_es"}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Header:
    """A file's header: its YAML mapping, and where each line of it is in the file."""

    label: str  # the file as the user knows it, for error messages
    meta: dict[str, Any]
    lines: tuple[str, ...]  # the header lines without their `#+ `
    first_line: int  # file line (1-based) of the first header line
    body_line: int  # file line (1-based) the body starts on

    def line_of(self, key: str) -> int:
        """The file line of the first header line setting ``key`` (the first header line if none does)."""
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*:")
        for offset, line in enumerate(self.lines):
            if pattern.match(line):
                return self.first_line + offset
        return self.first_line

    def where(self, key: str) -> str:
        return f"{self.label}:{self.line_of(key)}"


def read_header(text: str, label: str, *, required: bool) -> tuple[Header, str]:
    """The header of a query file (checked) and its body; a file without one is refused if ``required``."""
    lines = text.splitlines()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    header_lines: list[str] = []
    while index < len(lines) and lines[index].startswith("#+"):
        line = lines[index][2:]
        header_lines.append(line[1:] if line.startswith(" ") else line)
        index += 1
    first_line = index - len(header_lines) + 1
    if not header_lines and required:
        raise UserError(
            "no header: a named query starts with '#+ ' lines holding YAML (title, description, params, example)",
            where=f"{label}:1",
        )
    meta = _load_yaml("\n".join(header_lines), label, first_line) if header_lines else {}
    header = Header(label, meta, tuple(header_lines), first_line, index + 1)
    if header_lines:
        _check_keys(header, required)
    body = "\n".join(lines[index:]) + ("\n" if text.endswith("\n") else "")
    return header, body


def _load_yaml(text: str, label: str, first_line: int) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UserError(f"header is not valid YAML: {problem}", where=f"{label}:{line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError("header must be a YAML mapping (title: …, description: …)", where=f"{label}:{first_line}")
    return data


def header_variants(header: Header, params: Mapping[str, Param]) -> dict[str, str]:
    """{parameter: file name in the folder ``variants/`` beside the query} of the header key
    ``variants``: the body the query runs instead of its own when that (optional) parameter is given."""
    raw = header.meta.get("variants") or {}
    where = header.where("variants")
    if not isinstance(raw, dict) or not all(isinstance(v, str) and _VARIANT_FILE.match(v) for v in raw.values()):
        raise UserError("'variants' must be a mapping parameter -> file name (words joined by '-', .rq)", where=where)
    for name in raw:
        if name not in params or params[name].required:
            raise UserError(f"'variants': {name!r} is not an optional parameter of this query", where=where)
    return {str(name): str(file) for name, file in raw.items()}


def _check_keys(header: Header, strict: bool) -> None:
    meta = header.meta
    for key in meta:
        if key not in HEADER_KEYS:
            known = ", ".join(sorted(HEADER_KEYS))
            raise UserError(f"unknown header key {key!r} (known: {known})", where=header.where(str(key)))
    if strict:
        at = {key: header.where(key) if key in meta else f"{header.label}:1" for key in (*REQUIRED_KEYS, "example")}
        for key in REQUIRED_KEYS:
            value = meta.get(key)
            if not isinstance(value, str) or not value.strip():
                raise UserError(f"header lacks {key!r} (a non-empty text)", where=at[key])
        if not isinstance(meta.get("example"), dict):
            raise UserError(
                "header lacks 'example' (a mapping of parameter values that returns rows; {} if none)",
                where=at["example"],
            )
    if meta.get("page", "end") not in PAGE_PLACES:
        raise UserError(f"'page' must be one of {', '.join(PAGE_PLACES)}", where=header.where("page"))
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UserError("'tags' must be a list of words", where=header.where("tags"))


# --- parameters and the example ------------------------------------------------------------------


def header_params(header: Header, base: Base) -> dict[str, Param]:
    """The declared parameters, each checked (type, flags, class, defaults and examples of its type)."""
    raw = header.meta.get("params") or {}
    if not isinstance(raw, dict):
        raise UserError("'params' must be a mapping name -> {type: …}", where=header.where("params"))
    params: dict[str, Param] = {}
    for name, spec in raw.items():
        params[str(name)] = _param(str(name), spec, header.where(str(name)), base)
    return params


def _check_spec(name: str, spec: Any, at: str) -> None:
    if not _NAME.match(name) or name == "lang":
        raise UserError(f"bad parameter name {name!r} (lower case, digits, _; 'lang' is reserved)", where=at)
    if not isinstance(spec, dict):
        raise UserError(f"parameter {name!r} must be a mapping with a 'type'", where=at)
    for key in spec:
        if key not in PARAM_KEYS:
            known = ", ".join(sorted(PARAM_KEYS))
            raise UserError(f"parameter {name!r}: unknown key {key!r} (known: {known})", where=at)
    if spec.get("type") not in PARAM_TYPES:
        raise UserError(f"parameter {name!r}: 'type' must be one of {', '.join(PARAM_TYPES)}", where=at)
    if spec.get("class") is not None and spec["type"] != "iri":
        raise UserError(f"parameter {name!r}: 'class' applies to iri parameters only", where=at)
    for flag in ("required", "multiple"):
        if flag in spec and not isinstance(spec[flag], bool):
            raise UserError(f"parameter {name!r}: {flag!r} must be true or false", where=at)
    options = spec.get("options")
    if options is not None and (not isinstance(options, str) or not options.strip()):
        raise UserError(f"parameter {name!r}: 'options' must be a query name or a SELECT ?value ?label", where=at)


def _param(name: str, spec: Any, at: str, base: Base) -> Param:
    _check_spec(name, spec, at)
    classes = spec.get("class")
    param = Param(
        name=name,
        type=spec["type"],
        classes=tuple(_expand_class(c, name, at) for c in ([classes] if isinstance(classes, str) else classes or [])),
        required=bool(spec.get("required", False)),
        default=tuple(_scalars(spec.get("default"), name, at)),
        example=tuple(_scalars(spec.get("example"), name, at)),
        multiple=bool(spec.get("multiple", False)),
        options=spec["options"].strip() if spec.get("options") else None,
        description=str(spec.get("description", "")),
        description_es=str(spec.get("description_es", "")),
    )
    for value in param.default + param.example:
        try:
            to_term(param, value, base)
        except UserError as exc:
            raise UserError(f"parameter {name!r}: default/example {value!r}: {exc.message}", where=at) from None
    if len(param.default) > 1 and not param.multiple:
        raise UserError(f"parameter {name!r}: several defaults but not 'multiple: true'", where=at)
    return param


def _expand_class(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str):
        raise UserError(f"parameter {name!r}: 'class' must be a CURIE such as acu:State", where=where)
    expanded = CURIES.expand(value)
    if expanded is not None:
        return expanded
    if is_iri(value):
        return value
    known = ", ".join(CURIES.prefixes)
    raise UserError(f"parameter {name!r}: unknown class {value!r} (use a known prefix: {known})", where=where)


def _scalars(value: Any, name: str, where: str) -> list[str]:
    """Plain YAML values as the text a user would type (dates ISO, booleans lower case)."""
    if value is None:
        return []
    out: list[str] = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, (dict, list)):
            raise UserError(f"parameter {name!r}: default/example must be plain values", where=where)
        out.append(v.isoformat() if isinstance(v, date) else (str(v).lower() if isinstance(v, bool) else str(v)))
    return out


def header_example(header: Header, params: dict[str, Param], base: Base) -> dict[str, list[str]]:
    """The example parameter values (the test suite runs every query with them), each of its type."""
    raw = header.meta.get("example") or {}
    if not isinstance(raw, dict):
        raise UserError("'example' must be a mapping of parameter values", where=header.where("example"))
    example: dict[str, list[str]] = {}
    for key, value in raw.items():
        key = str(key)
        if key != "lang" and key not in params:
            raise UserError(f"'example' sets {key!r}, which is not a declared parameter", where=header.where(key))
        example[key] = _scalars(value, key, header.where("example"))
        for item in example[key] if key in params else []:
            try:
                to_term(params[key], item, base)
            except UserError as exc:
                raise UserError(f"'example' {key}: {exc.message}", where=header.where("example")) from None
    return example
