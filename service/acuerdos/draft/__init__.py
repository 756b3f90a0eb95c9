"""Drafts of new documents: a source text in, a draft graph and a review page out (`acuerdos draft`),
and the reviewed draft into the curated data (`acuerdos accept`)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from .action import ActionModel
from .actors import Resolver
from .build import Draft, build_draft
from .reference import Reference, load_reference
from .source import read_source
from .themes import CIVIL_SOCIETY, ThemeModel
from .turtle import action_category_ttl, document_ttl, follow_up_ttl, themes_ttl

__all__ = ["Draft", "Drafter", "write_draft"]


@dataclass
class Drafter:
    """What drafting needs, built once: the reference data, the name resolver, the theme and action
    category models."""

    reference: Reference
    resolver: Resolver
    themes: ThemeModel
    actions: ActionModel

    @classmethod
    def for_project(cls, root: Path, exclude_files: set[str] | None = None) -> Drafter:
        reference = load_reference(root, exclude_files or set())
        themes = ThemeModel(
            reference.theme_labels, reference.decisions, reference.numbered, reference.broader,
            {CIVIL_SOCIETY: reference.names_of_kind("CivilSocietyNetwork")},
        )  # fmt: skip
        return cls(reference, Resolver(reference), themes, ActionModel(reference.action_scheme, reference.decisions))

    def draft(self, path: Path, now: dt.datetime | None = None) -> Draft:
        source = read_source(path)
        return build_draft(
            source,
            self.reference,
            self.resolver,
            self.themes,
            self.actions,
            now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        )


def write_draft(draft: Draft, out: Path, data: Path, version: str) -> list[Path]:
    """Write the draft's files under ``out`` (never under the curated ``data`` folder)."""
    out = out.resolve()
    if out == data.resolve() or data.resolve() in out.parents:
        raise UserError(f"{out}: a draft is never written into data/ (accept it with `acuerdos accept`)")
    files = {
        out / "documents" / f"{draft.slug}.ttl": document_ttl(draft, version),
        out / "curation" / "themes" / f"{draft.slug}.ttl": themes_ttl(draft),
        out / "curation" / "follow-up" / f"{draft.slug}.ttl": follow_up_ttl(draft),
        out / "curation" / "action-category" / f"{draft.slug}.ttl": action_category_ttl(draft),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (out / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(draft.source.path, out / "sources" / draft.source.name)
    return [*files, out / "sources" / draft.source.name]
