"""Writing a draft as Turtle, in the files and form of the curated data, every resource marked as a draft."""

from __future__ import annotations

from .actors import Mention
from .build import Draft, DraftDecision
from .themes import ThemeProposal

PREFIXES = """@base <https://w3id.org/acuerdos/> .
@prefix acu: <https://w3id.org/acuerdos/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
FOLLOW_UP_REASON = {
    "number": "the later decision names the earlier one by its printed number and its meeting",
    "meeting": "the later decision refers to the earlier meeting's agreements; this is the closest in content",
    "date": "the later decision names a day the earlier one scheduled something for",
    "document": "both decisions name the same document",
    "content": "the later decision shares the content of the earlier one",
}
DRAFT = "acu:curationStatus <kind/curation-status/draft>"


def lit(text: str, lang: str | None = None) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{body}"' + (f"@{lang}" if lang else "")


def quote(document: str, exact: str, indent: str = "    ") -> str:
    return (
        f"[ a oa:SpecificResource ;\n{indent}    oa:hasSource <{document}> ;\n"
        f"{indent}    oa:hasSelector [ a oa:TextQuoteSelector ;\n{indent}        oa:exact {lit(exact)} ] ]"
    )


def _iris(mentions: list[Mention]) -> list[str]:
    seen: list[str] = []
    for m in mentions:
        seen += [i for i in m.iris if i not in seen]
    return seen


def _objects(iris: list[str]) -> str:
    return " , ".join(f"<{i}>" for i in iris)


def _generated(draft: Draft) -> str:
    return f"prov:wasGeneratedBy <{activity(draft)}>"


def activity(draft: Draft) -> str:
    return f"draft/{draft.slug}/activity"


def header(draft: Draft, what: str) -> str:
    return (
        f"# DRAFT ({what}) of {draft.source.name}, written by `acuerdos draft` on {draft.created.isoformat()}.\n"
        "# Every resource is a draft (acu:curationStatus) until a curator reviews it and `acuerdos accept` moves it\n"
        "# into data/. Proposals carry acu:confidence; themes, action categories and follow-ups have basis\n"
        "# <kind/basis/proposed>.\n\n" + PREFIXES
    )


def document_ttl(draft: Draft, version: str) -> str:
    m, doc = draft.meta, draft.document
    out = [header(draft, "document and meeting")]
    out.append(
        f"<{activity(draft)}> a prov:Activity ;\n    rdfs:label {lit(f'acuerdos draft {version}', 'en')} ;\n"
        f"    prov:startedAtTime {lit(draft.created.isoformat())}^^xsd:dateTime ;\n"
        f"    prov:used <{doc}> ;\n    prov:wasAssociatedWith <draft/tool/acuerdos-{version}> .\n"
    )
    out.append(
        f"<{doc}> a acu:SourceDocument ;\n    {DRAFT} ;\n    {_generated(draft)} ;\n"
        f"    dcterms:title {lit(m.title, 'es')} ;\n    rdfs:label {lit(m.title, 'es')} ;\n"
        f"    acu:documentKind <kind/document/{m.document_kind}> ;\n"
        f'    dcterms:date {lit(m.end.isoformat())}^^xsd:date ;\n    dcterms:language "es" ;\n'
        f"    acu:sourceFile {lit(draft.source.name)} ;\n    acu:sha256 {lit(draft.source.sha256)} ;\n"
        f"    acu:records <{draft.meeting}> ;\n    acu:evidence {quote(doc, m.title_quote)} .\n"
    )
    lines = [
        f"<{draft.meeting}> a acu:Meeting ;",
        f"    {DRAFT} ;",
        f"    {_generated(draft)} ;",
        f"    rdfs:label {lit(m.title, 'es')} ;",
        f"    acu:meetingKind <kind/meeting/{m.meeting_kind}> ;",
        "    acu:status <kind/status/held> ;",
        f"    acu:conference {_objects(m.conferences)} ;",
        f"    schema:startDate {lit(m.date.isoformat())}^^xsd:date ;",
        f"    schema:endDate {lit(m.end.isoformat())}^^xsd:date ;",
        "    schema:eventAttendanceMode schema:" + ("Online" if m.online else "Offline") + "EventAttendanceMode ;",
    ]
    if m.place:
        lines.append(f"    schema:location <{m.place}> ;")
    participants = _iris(draft.participants)
    if participants:
        lines.append(f"    acu:participant {_objects(participants)} ;")
    evidence = [quote(doc, m.title_quote, "        "), quote(doc, m.date_quote, "        ")]
    if m.participants_quote:
        evidence.append(quote(doc, m.participants_quote, "        "))
    lines.append("    acu:evidence " + " ,\n        ".join(evidence) + " .\n")
    out.append("\n".join(lines))
    out += [decision_ttl(draft, d) for d in draft.decisions]
    return "\n".join(out)


def decision_ttl(draft: Draft, d: DraftDecision) -> str:
    lines = [f"# {d.kind} {d.number or '(no printed number)'}" + (f", under “{d.heading}”" if d.heading else ""),
             f"<{d.iri}> a acu:{d.kind} ;", f"    {DRAFT} ;", f"    {_generated(draft)} ;"]  # fmt: skip
    if d.number:
        lines.append(f"    acu:number {lit(d.number)} ;")
    lines += [
        f"    acu:position {d.position} ;",
        f"    acu:adoptedAt <{draft.meeting}> ;",
        f"    acu:recordedIn <{draft.document}> ;",
        f"    acu:text {lit(d.text, 'es')} ;",
    ]
    if d.parent:
        lines.append(f"    acu:partOf <{d.parent}> ;")
    for prop, mentions in (("acu:mustAct", d.must_act), ("acu:addressee", d.addressee)):
        iris = _iris(mentions)
        if iris:
            lines.append(f"    {prop} {_objects(iris)} ;")
    if d.dates:
        first = d.dates[0]
        if first.kind == "deadline":
            lines.append(f"    acu:deadline {lit(first.end.isoformat())}^^xsd:date ;")
        else:
            lines.append(f"    acu:scheduledStart {lit(first.start.isoformat())}^^xsd:date ;")
            lines.append(f"    acu:scheduledEnd {lit(first.end.isoformat())}^^xsd:date ;")
        lines.append(f"    acu:dateText {lit(first.text, 'es')} ;")
        lines.append(f"    acu:datePrecision <kind/date-precision/{first.precision}> ;")
    if not d.number_quote:
        lines.append(f"    acu:evidence {quote(draft.document, d.text)} .\n")
        return "\n".join(lines)
    label = "_:number-" + d.iri.rsplit("/", 1)[-1]  # one blank node, both the number's quote and an evidence
    lines.append(f"    acu:numberEvidence {label} ;")
    lines.append(f"    acu:evidence {quote(draft.document, d.text)} , {label} .")
    lines.append(
        f"{label} a oa:SpecificResource ;\n    oa:hasSource <{draft.document}> ;\n"
        f"    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {lit(d.number_quote)} ] .\n"
    )
    return "\n".join(lines)


_METHOD = {
    "label": "a label of the theme scheme",
    "quoted": "words curators quoted for this theme",
    "stem": "a word that comes with this theme in the curated decisions",
    "meeting": "the meeting: decisions of joint CRM-CSM meetings nearly all carry this theme",
    "numbered": "the numbers of the scheme's concepts named in the text",
    "company": "the theme it comes with in most curated decisions that have that one",
    "agent": "the name of a civil-society network",
    "rule": "a rule on what curators tag by judgement: {reason}; the words",
}


def _assignment(draft: Draft, theme: ThemeProposal) -> str:
    why = _METHOD[theme.method].format(reason=theme.reason) + (": " + ", ".join(theme.words) if theme.words else "")
    if theme.via:
        why += f" (<{theme.via}>)"
    lines = [
        f"    [ a acu:ThemeAssignment ; acu:theme <{theme.theme}> ;",
        "      acu:basis <kind/basis/proposed> ;",
        f"      {DRAFT} ;",
        f"      acu:confidence {theme.confidence:.2f} ;",
        f"      acu:reason {lit('Proposed from ' + why + '.', 'en')}",
    ]
    quotes = [quote(draft.document, w, "      ") for w in dict.fromkeys(theme.words)]
    if quotes:
        lines[-1] += " ;"
        lines.append("      acu:evidence " + " ,\n        ".join(quotes))
    return "\n".join(lines) + " ]"


def themes_ttl(draft: Draft) -> str:
    out = [header(draft, "proposed themes")]
    for d in draft.decisions:
        if d.themes:
            parts = [_assignment(draft, t) for t in d.themes]
            out.append(f"<{d.iri}> acu:themeAssignment\n" + " ,\n".join(parts) + " .\n")
    return "\n".join(out)


_ACTION_METHOD = {
    "label": "the verb {words}, one of the scheme's labels of this category ({k} of {n} curated decisions led by it "
    "alone have it)",
    "learned": "the verb {words} ({k} of {n} curated decisions led by it have this category)",
    "date": "the verb {words}, a general action, with a date: a specific action",
    "prior": "no verb the curated decisions know: the category {k} of {n} curated decisions have",
}


def _action(draft: Draft, d: DraftDecision) -> str:
    """The proposed action category of ``d``: at its fixed IRI, basis proposed; the verb quoted when it
    is one of the scheme's own labels (then `accept` makes it "named in text")."""
    a = d.action
    if a is None:
        return ""
    k, n = a.seen
    why = _ACTION_METHOD[a.method].format(words=f"“{a.words}”", k=k, n=n)
    if a.method == "label" and n == 0:
        why = why.split(" (")[0] + " (no curated decision is led by it alone)"
    if a.words and a.words not in d.text:
        why += ", in one of its sub-items"
    reason = (
        f"Proposed from {why}; the most demanding of the decision's verbs ({draft.source.name[:3]}, line {d.line})."
    )
    node = f"{d.iri}/action-category"
    lines = [
        f"<{d.iri}> acu:actionCategoryAssignment <{node}> .",
        f"<{node}> a acu:ActionCategoryAssignment ;",
        f"    acu:actionCategory <{a.category}> ;",
        "    acu:basis <kind/basis/proposed> ;",
        f"    {DRAFT} ;",
        f"    acu:confidence {a.confidence:.2f} ;",
        f"    acu:reason {lit(reason, 'en')}",
    ]
    if a.method == "label":
        lines[-1] += " ;"
        lines.append(f"    acu:evidence {quote(draft.document, a.words)}")
    return "\n".join(lines) + " .\n"


def action_category_ttl(draft: Draft) -> str:
    return "\n".join([header(draft, "proposed action categories"), *(_action(draft, d) for d in draft.decisions)])


def follow_up_ttl(draft: Draft) -> str:
    """Proposed follow-up links, each with basis proposed and a reason (the shapes ask both of every
    follow-up); `accept` makes them "assigned by judgement" and names them."""
    out = [header(draft, "proposed follow-up links")]
    for d in draft.decisions:
        for f in d.follow_ups:
            reason = f"Proposed: {FOLLOW_UP_REASON[f.method]} ({draft.source.name[:3]}, line {d.line})."
            out.append(
                f"<{f.earlier}> acu:followUp\n    [ a acu:FollowUp ;\n      acu:followedUpBy <{d.iri}> ;\n"
                f"      acu:followUpKind <kind/follow-up/{f.kind}> ;\n      {DRAFT} ;\n"
                "      acu:basis <kind/basis/proposed> ;\n"
                f"      acu:confidence {f.confidence:.2f} ;\n"
                f"      acu:reason {lit(reason, 'en')} ;\n"
                f"      acu:evidence {quote(draft.document, f.quote, '      ')} ] .\n"
            )
    return "\n".join(out)
