"""Who publishes this copy of the dataset: the small configuration file the description reads.

``publishing/publisher.yaml`` of the project (or the file ``--publisher`` / ``$ACUERDOS_PUBLISHER``
names) says who the publisher and the contact point are. Nothing here is invented: left empty, the
description says "not configured" and DCAT-AP's recommended shapes keep warning about
``dct:publisher`` and ``dcat:contactPoint`` until a publisher fills the file in
(``publishing/publisher.sample.yaml`` shows every field).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError

# The ADMS publisher types (http://purl.org/adms/publishertype/, SEMIC's ADMS controlled
# vocabulary), with their English labels as ADMS gives them.
PUBLISHER_TYPES: dict[str, str] = {
    "Academia": "Academia/Scientific organisation",
    "Company": "Company",
    "IndustryConsortium": "Industry consortium",
    "LocalAuthority": "Local authority",
    "NationalAuthority": "National authority",
    "NonGovernmentalOrganisation": "Non-governmental organisation",
    "NonProfitOrganisation": "Non-profit organisation",
    "RegionalAuthority": "Regional authority",
    "StandardisationBody": "Standardisation body",
    "SupraNationalAuthority": "Supra-national authority",
}
_FIELDS = {"publisher": ("name", "iri", "type", "homepage"), "contact": ("name", "email", "url")}


@dataclass(frozen=True)
class Publisher:
    """The publisher and the contact point; every field None when not configured."""

    name: str | None = None
    iri: str | None = None
    type: str | None = None
    homepage: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_url: str | None = None

    @property
    def configured(self) -> bool:
        return self.name is not None

    @property
    def has_contact(self) -> bool:
        return self.contact_email is not None or self.contact_url is not None


def _section(data: dict[str, Any], key: str, where: str) -> dict[str, str | None]:
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise UserError(f"`{key}` must be a mapping of {', '.join(_FIELDS[key])}", where=where)
    unknown = set(section) - set(_FIELDS[key])
    if unknown:
        raise UserError(f"`{key}` has no field {', '.join(sorted(unknown))} (known: {', '.join(_FIELDS[key])})", where)
    out: dict[str, str | None] = {}
    for name in _FIELDS[key]:
        value = section.get(name)
        if value is not None and not isinstance(value, str):
            raise UserError(f"`{key}.{name}` must be text, not {value!r}", where=where)
        out[name] = value.strip() or None if isinstance(value, str) else None
    return out


def _check_iri(value: str | None, field: str, where: str, schemes: tuple[str, ...] = ("http://", "https://")) -> None:
    if value is not None and not value.startswith(schemes):
        raise UserError(f"`{field}` must be an IRI starting with {' or '.join(schemes)}, not {value!r}", where=where)


def read_publisher(path: Path) -> Publisher:
    """The configuration in ``path``; an empty one when the file does not exist; a UserError naming
    the file and the field when it cannot be read."""
    where = str(path)
    if not path.is_file():
        return Publisher()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as exc:
        line = f"line {exc.problem_mark.line + 1}: " if exc.problem_mark is not None else ""
        raise UserError(f"cannot read the publisher configuration: {line}{exc.problem}", where=where) from None
    except (OSError, yaml.YAMLError) as exc:
        raise UserError(f"cannot read the publisher configuration: {exc}", where=where) from None
    if not isinstance(data, dict) or set(data) - set(_FIELDS):
        raise UserError("expected the mappings `publisher` and `contact` only", where=where)
    pub, contact = _section(data, "publisher", where), _section(data, "contact", where)
    if pub["type"] is not None and pub["type"] not in PUBLISHER_TYPES:
        raise UserError(f"`publisher.type` must be one of {', '.join(PUBLISHER_TYPES)}, not {pub['type']!r}", where)
    if pub["name"] is None and any(pub.values()):
        raise UserError("`publisher.name` is missing (the other publisher fields need it)", where=where)
    for field, value in (("publisher.iri", pub["iri"]), ("publisher.homepage", pub["homepage"])):
        _check_iri(value, field, where)
    _check_iri(contact["url"], "contact.url", where)
    if contact["email"] is not None and ("@" not in contact["email"] or " " in contact["email"]):
        raise UserError(f"`contact.email` is not an e-mail address: {contact['email']!r}", where=where)
    return Publisher(
        pub["name"],
        pub["iri"],
        pub["type"],
        pub["homepage"],
        contact["name"],
        contact["email"],
        contact["url"],
    )
