"""From a source text to a draft: the document, its meeting, its decisions with dates, actors,
themes and follow-up proposals."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import UserError
from .action import ActionModel, ActionProposal
from .actors import Mention, Resolver, resolve
from .dates import DateFound, find_dates
from .followup import FollowUpProposal, propose_follow_ups
from .meta import Meta, read_meta
from .reference import Reference
from .segment import Item, segment
from .source import Source
from .themes import ThemeModel, ThemeProposal

KIND_SLUG = {
    "Agreement": "agreement", "Conclusion": "conclusion", "Recommendation": "recommendation",
    "GeneralObjective": "general-objective", "SpecificObjective": "specific-objective", "Decision": "decision",
}  # fmt: skip
_QUOTED_NUMBER = re.compile(r"\bdecisi[oó]n\s+(\d+)", re.I)


@dataclass
class DraftDecision:
    iri: str
    kind: str
    number: str | None
    position: int
    text: str
    parent: str | None
    heading: str | None
    must_act: list[Mention]
    addressee: list[Mention]
    dates: list[DateFound]
    themes: list[ThemeProposal]
    follow_ups: list[FollowUpProposal] = field(default_factory=list)
    proposals: list[tuple[str, str]] = field(default_factory=list)  # unknown names: (words, why)
    number_quote: str | None = None  # where the source prints the number (acu:numberEvidence)
    action: ActionProposal | None = None  # the proposed action category
    line: int = 0  # the line of the source the decision starts on


@dataclass
class Draft:
    source: Source
    meta: Meta
    slug: str
    document: str
    meeting: str
    participants: list[Mention]
    decisions: list[DraftDecision]
    created: dt.datetime

    @property
    def proposals(self) -> list[tuple[str, str]]:
        """Names the reference data lacks, once each, in the order met."""
        return list({words: (words, why) for d in self.decisions for words, why in d.proposals}.values())


def _slug(meta: Meta) -> str:
    where = "virtual" if meta.online else (meta.place.split("/")[-1] if meta.place else "meeting")
    return f"{meta.date.isoformat()}-{where}"


def _flatten(items: list[Item]) -> list[tuple[Item, int, Item | None]]:
    out: list[tuple[Item, int, Item | None]] = []
    positions: dict[str, int] = {}
    for item in items:
        positions[item.kind] = positions.get(item.kind, 0) + 1
        out.append((item, positions[item.kind], None))
        out.extend((child, i, item) for i, child in enumerate(item.children, 1))
    return out


def _defaults(kind: str, meta: Meta, reference: Reference) -> list[Mention]:
    """Who must act when the text names nobody: the conferences of a joint meeting, the member
    states (as a collective) for a meeting's objectives."""
    if kind in ("GeneralObjective", "SpecificObjective"):
        members = [i for c in meta.conferences for i in reference.group(c, "member-state", meta.date)]
        return [Mention(list(dict.fromkeys(members)), 0, 0, "", "default", 0.5)]
    if kind == "Agreement" and len(meta.conferences) > 1:
        return [Mention(list(meta.conferences), 0, 0, "", "default", 0.5)]
    return []


def _decision(item: Item, iri: str, position: int, parent: str | None, ctx: _Context) -> DraftDecision:
    text = item.text(ctx.source.text)
    number, number_quote = item.number, item.number_quote(ctx.source.text)
    quoted = _QUOTED_NUMBER.search(item.heading or "")
    if quoted and number and not number.isdigit():  # "la decisión 4, inciso d … se indica: d. Mantener…"
        number, number_quote = f"{quoted.group(1)} {number}", item.heading
    meta = ctx.meta
    actors = resolve(ctx.resolver, text, item.kind, meta.conferences, meta.date)
    decision = DraftDecision(
        iri, item.kind, number, position, text, parent, item.heading, actors.must_act, actors.addressee,
        find_dates(text, meta.date), ctx.themes.propose(text, len(meta.conferences)),
        follow_ups=propose_follow_ups(text, meta.date, ctx.reference), proposals=actors.proposals,
        number_quote=number_quote, line=ctx.source.text.count("\n", 0, item.start) + 1,
    )  # fmt: skip
    if not decision.must_act and parent is not None:  # "El grupo ad hoc estará encargado de: - Elaborar…"
        decision.must_act = [m for d in ctx.done if d.iri == parent for m in d.must_act]
    named_addressee = item.kind == "Conclusion" and decision.addressee
    if not decision.must_act and item.kind != "Recommendation" and not named_addressee:
        decision.must_act = _defaults(item.kind, meta, ctx.reference)
    if item.kind == "Recommendation" and len(meta.conferences) == 1:  # recommendations go up to the vice-ministers
        conf = meta.conferences[0].split("/")[-1]
        decision.addressee.append(Mention([f"body/{conf}/vice-ministerial-meeting"], 0, 0, "", "default", 0.5))
    return decision


@dataclass
class _Context:
    source: Source
    meta: Meta
    reference: Reference
    resolver: Resolver
    themes: ThemeModel
    actions: ActionModel
    done: list[DraftDecision] = field(default_factory=list)


def _actions(decisions: list[DraftDecision], model: ActionModel) -> None:
    """Each decision's proposed action category; a decision with sub-items takes the most demanding of
    its own and theirs (children are read before their parents: the list is walked backwards)."""
    for d in reversed(decisions):
        parts = [c.action for c in decisions if c.parent == d.iri and c.action is not None]
        d.action = model.propose(d.text, bool(d.dates), parts)


def build_draft(
    source: Source, reference: Reference, resolver: Resolver, themes: ThemeModel, actions: ActionModel,
    now: dt.datetime,
) -> Draft:  # fmt: skip
    """The draft of ``source``; a UserError when it has no meeting date or no decisions."""
    try:
        meta = read_meta(source.text, reference)
    except ValueError:
        raise UserError(
            f'{source.path}: no date of the meeting found in its opening lines (such as "11 de mayo de 2017")'
        ) from None
    items = segment(source.text)
    if not items:
        raise UserError(
            f'{source.path}: no decisions found (no list under a heading such as "Acuerdos:", "han acordado:", '
            '"CONCLUSIONES" or "RECOMENDACIONES", and no "se acuerda" in the text)'
        )
    slug = _slug(meta)
    ctx = _Context(source, meta, reference, resolver, themes, actions)
    decisions: list[DraftDecision] = []
    iris: dict[int, str] = {}
    for item, position, parent in _flatten(items):
        parent_iri = iris[id(parent)] if parent is not None else None
        kind = KIND_SLUG.get(item.kind, "decision")
        iri = f"{parent_iri}-{item.number or position}" if parent_iri else f"decision/{slug}/{kind}-{position}"
        iris[id(item)] = iri
        decisions.append(_decision(item, iri, position, parent_iri, ctx))
        ctx.done.append(decisions[-1])
    _actions(decisions, actions)
    participants: list[Mention] = []
    if meta.participants_quote:
        found = resolver.find(meta.participants_quote, meta.conferences, meta.date)
        named = [x for x in found if x.method != "collective" and not x.iris[0].startswith("conference/")]
        participants = named or found
    document = f"document/{slug}-{meta.document_kind}"
    return Draft(source, meta, slug, document, f"meeting/{slug}", participants, decisions, now)
