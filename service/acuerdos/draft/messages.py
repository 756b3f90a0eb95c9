"""What `acuerdos accept` tells a curator, in English and Spanish: one catalogue, one error class."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError

MESSAGES: dict[str, tuple[str, str]] = {
    "no-folder": (
        "{folder}: no such draft folder (write one with `acuerdos draft FILE.txt`)",
        "{folder}: no existe esa carpeta de borrador (escríbala con `acuerdos draft ARCHIVO.txt`)",
    ),
    "not-a-draft": (
        "{folder}: not a draft folder: it needs one documents/*.ttl and one sources/*.txt, it has {docs} and {texts}",
        "{folder}: no es una carpeta de borrador: necesita un documents/*.ttl y un sources/*.txt, "
        "tiene {docs} y {texts}",
    ),
    "missing": (
        "{path}: missing from the draft (write the draft again with `acuerdos draft`)",
        "{path}: falta en el borrador (vuelva a escribirlo con `acuerdos draft`)",
    ),
    "unreadable": ("{path}: not readable as Turtle: {why}", "{path}: no se puede leer como Turtle: {why}"),
    "unknown-items": (
        "{folder}: no such item in the draft: {ids} (decisions are named by the end of their IRI, such as "
        "{known}; a theme DECISION:theme/…, a follow-up DECISION:decision/…)",
        "{folder}: el borrador no tiene estos elementos: {ids} (las decisiones se nombran por el final de su IRI, "
        "como {known}; un tema DECISIÓN:theme/…, un seguimiento DECISIÓN:decision/…)",
    ),
    "nothing-left": (
        "{folder}: every decision is rejected: there is nothing to accept",
        "{folder}: todas las decisiones están rechazadas: no hay nada que aceptar",
    ),
    "exists": (
        "{path}: already in the data; a draft never overwrites a curated file "
        "(remove it first if the draft replaces it)",
        "{path}: ya está en los datos; un borrador nunca sobrescribe un archivo curado "
        "(bórrelo antes si el borrador lo reemplaza)",
    ),
    "same-source": (
        "{file}: this text (sha256 {sha}) is already in the data as {known}",
        "{file}: este texto (sha256 {sha}) ya está en los datos como {known}",
    ),
    "registry": (
        "{path}: its list `sources:` is not where new entries go (at the end, indented by two spaces)",
        "{path}: su lista `sources:` no está donde van las nuevas entradas (al final, con dos espacios de sangría)",
    ),
    "quotes-missing": (
        "nothing written: {count} quotes of the draft are not found in its source text:\n{quotes}",
        "no se escribió nada: {count} citas del borrador no se encuentran en su texto fuente:\n{quotes}",
    ),
    "violations": (
        "nothing written: the data with the accepted draft violates the shapes ({count} violations)\n{report}",
        "no se escribió nada: los datos con el borrador aceptado violan las formas ({count} violaciones)\n{report}",
    ),
    "accepted": (
        "accepted {kept} of {total} decisions of {folder} into {data} (validated, {seconds:.1f} s):",
        "aceptadas {kept} de {total} decisiones de {folder} en {data} (validado, {seconds:.1f} s):",
    ),
    "next": (
        "next: check the new entry of data/sources/sources.yaml (its title and what it records, in English), "
        "then `make cog` (the tables of README.md and INDEX.md) and `make test`",
        "después: revise la nueva entrada de data/sources/sources.yaml (su título y lo que registra, en inglés), "
        "luego `make cog` (las tablas de README.md e INDEX.md) y `make test`",
    ),
}


@dataclass(frozen=True)
class Both:
    """A parameter that is itself said in either language (a validation report)."""

    en: str
    es: str


def say(key: str, lang: str = "en", **params: object) -> str:
    en, es = MESSAGES[key]
    said = {k: (v.es if lang == "es" else v.en) if isinstance(v, Both) else v for k, v in params.items()}
    return (es if lang == "es" else en).format(**said)


class AcceptError(UserError):
    """A refusal of `acuerdos accept`, in English; ``in_lang`` says it in the curator's language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(say(key, "en", **params))
        self.key = key
        self.params = params

    def in_lang(self, lang: str) -> str:
        return say(self.key, lang, **self.params)
