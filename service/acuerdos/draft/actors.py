"""Who must act and who is addressed: names in a decision resolved to the reference data.

Names are matched as the reference data spells them (labels, alternative labels, acronyms; accents
and case folded, acronyms kept in capitals), then by fuzzy matching (rapidfuzz) of the capitalised
phrases left over; a phrase that looks like an organisation's name and matches nothing becomes a
proposal for a new reference entry. The bodies every conference has (the Pro Tempore Presidency, the
Technical Secretariat, the troika) are resolved to the conference named next to them, to both when
the text says so in the plural, else to the meeting's conference(s). "Los Países Miembros" and "los
Organismos Observadores" are the collective of the conference(s) (<collective/crm/member-states>), as
CONTRIBUTING.md asks, or the member states on the meeting's date where the reference has no collective.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .reference import Reference, fold

_GENERIC = {
    "ppt": re.compile(
        r"\b(?:las? )?(?:PPTs?|Presidencias? Pro[- ]?T[eé]mpore|(?<=ambas )presidencias|"
        r"[Pp]residencias(?= en la reunión))\b"
    ),
    "technical-secretariat": re.compile(r"\b(?:las? )?(?:STs?|Secretar[ií]as? T[eé]cnicas?)\b"),
    "troika": re.compile(r"\b(?:las? )?[Tt]roikas?\b"),
}
_CONF_AFTER = re.compile(
    r"^\s*(?:\(\w+\)\s*)?(?:de|del)\s+(?:la\s+|las\s+)?(?:(?P<a>CRM|CSM)|Conferencia (?P<b>Regional|Su[rd]americana)"
    r"|(?P<both>ambas [Cc]onferencias|ambos procesos))(?P<and>\s+y\s+(?:de\s+)?(?:la\s+)?(?:CRM|CSM)\b)?"
)
_MEMBERS = re.compile(
    r"\b(?:(?:los |las |cada )?(?:[Pp]a[ií]s(?:es)?|[Ee]stados?) [Mm]iembros?|los países(?= de ambos| a | que |,))"
    r"(?:\s+de\s+(?:la\s+)?(?P<conf>CRM|CSM)(?:\s+y\s+(?:de\s+)?(?:la\s+)?(?:CRM|CSM))?"
    r"|\s+de\s+ambas [Cc]onferencias|\s+de\s+ambos procesos(?: regionales)?)?"
)
_OBSERVERS = re.compile(r"\b(?:los |las )?[Oo]rganismos [Oo]bservadores(?:\s+de\s+(?:la\s+)?(?P<conf>CRM|CSM)\b)?")
_BOTH = re.compile(
    r"\b(?:ambas [Cc]onferencias|las dos [Cc]onferencias|ambos procesos|cada [Cc]onferencia|"
    r"CRM y (?:la )?CSM|CSM y (?:la )?CRM|CRM-CSM|CSM-CRM)\b"
)
_PHRASE = re.compile(
    r"\b(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ-]+)(?:\s+(?:de|del|la|las|los|el|para|sobre|y|en)?\s*[A-ZÁÉÍÓÚÑ][\wáéíóúñ-]+)+"
)
_ORG_HEAD = re.compile(
    r"^(?:Organizaci[oó]n|Comisi[oó]n|Comit[eé]|Red|Grupo|Oficina|Fondo|Programa|Secretar[ií]a|Consejo|"
    r"Instituto|Agencia|Alto Comisionado|Banco|Foro)\b"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,7}s?\b")
_NOT_AGENTS = {
    "PMM",
    "GCM",
    "PMR",
    "NNA",
    "MICIC",
    "INCOSAMI",
    "FEMI",
    "IDM",
    "NNUU",
    "DG",
    "MIRPS",
    "TRICAMEX",
    "II",
    "III",
    "IV",
    "VI",
    "CRM",
    "CSM",
}


@dataclass
class Mention:
    """A name found in a decision: what it resolves to, where, how, and how sure."""

    iris: list[str]
    start: int
    end: int
    words: str
    method: str  # exact, acronym, generic, collective, fuzzy
    confidence: float
    role: str = ""  # mustAct, addressee, both, or "" (named only)


@dataclass
class Actors:
    must_act: list[Mention] = field(default_factory=list)
    addressee: list[Mention] = field(default_factory=list)
    proposals: list[tuple[str, str]] = field(default_factory=list)  # (words, why)


class Resolver:
    """Finds and resolves names, with indexes built once per reference."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        entries: list[tuple[str, str, bool]] = []  # (name, iri, is_acronym)
        for iri, names in reference.names.items():
            entries += [(n, iri, False) for n in names if len(n) > 3 and not n.isupper()]
            entries += [(n, iri, True) for n in names if n.isupper() or len(n) <= 3]
        for iri, acronyms in reference.acronyms.items():
            entries += [(a, iri, True) for a in acronyms]
        entries = [e for e in entries if e[0] not in {"PPT", "ST", "SE"} and not e[0].startswith(("PPT ", "ST "))]
        entries.sort(key=lambda e: -len(e[0]))
        self.entries = entries
        self._name_iri = {fold(n): iri for n, iri, acr in reversed(entries) if not acr}
        self._acronym_iri = {n: iri for n, iri, acr in reversed(entries) if acr}
        self._name_pattern = _alternation(self._name_iri)
        self._acronym_pattern = _alternation(self._acronym_iri)
        self.full_names = {fold(n): iri for n, iri, acr in entries if not acr and len(n) > 12}
        self.generic = {
            kind: {
                conf.split("/")[-1]: f"body/{conf.split('/')[-1]}/{kind}"
                for conf in ("conference/crm", "conference/csm")
            }
            for kind in _GENERIC
        }

    def find(self, text: str, conferences: list[str], day: dt.date) -> list[Mention]:
        """Every name in ``text`` resolved, collectives and conference bodies first, longest names first."""
        found: list[Mention] = []
        self._members(text, conferences, day, found)
        self._generic(text, conferences, found)
        for m in _BOTH.finditer(text):
            _add(
                found, Mention(["conference/crm", "conference/csm"], m.start(), m.end(), m.group(0), "collective", 0.8)
            )
        self._names(text, found)
        self._fuzzy(text, found)
        found.sort(key=lambda x: x.start)
        return found

    def _members(self, text: str, conferences: list[str], day: dt.date, found: list[Mention]) -> None:
        """ "Los Países Miembros (de la CRM, de ambas Conferencias)", "los Organismos Observadores": the
        collective of the conference(s) named, else of the meeting's, as the reference names it."""
        for pattern, role in ((_MEMBERS, "member-state"), (_OBSERVERS, "observer-organisation")):
            for m in pattern.finditer(text):
                words = m.group(0)
                if re.search(r"\bamb[oa]s\b|CRM y|CSM y", words):
                    confs = ["conference/crm", "conference/csm"]
                else:
                    confs = [f"conference/{m.group('conf').lower()}"] if m.group("conf") else conferences
                iris = list(dict.fromkeys(i for c in confs for i in self.reference.group(c, role, day)))
                if iris:
                    _add(found, Mention(iris, m.start(), m.end(), words, "collective", 0.8))

    def _generic(self, text: str, conferences: list[str], found: list[Mention]) -> None:
        meeting_confs = [c.split("/")[-1] for c in conferences]
        for kind, pattern in _GENERIC.items():
            for m in pattern.finditer(text):
                after = _CONF_AFTER.match(text[m.end() :])
                plural = m.group(0).rstrip().endswith("s") or "ambas" in text[max(0, m.start() - 8) : m.start()]
                end = m.end() + after.end() if after else m.end()
                if after and (after.group("both") or after.group("and")):  # "las troikas de la CSM y la CRM"
                    confs = ["crm", "csm"]
                elif after:
                    confs = [(after.group("a") or "").lower() or ("crm" if after.group("b") == "Regional" else "csm")]
                else:
                    confs = meeting_confs if plural or len(meeting_confs) != 1 else meeting_confs[:1]
                iris = [self.generic[kind][c] for c in confs if c in self.generic[kind]]
                _add(found, Mention(iris, m.start(), end, text[m.start() : end], "generic", 0.9 if after else 0.7))

    def _names(self, text: str, found: list[Mention]) -> None:
        """Names as the reference spells them, longest first (one pattern for names, one for acronyms)."""
        hits = [(m, False) for m in self._name_pattern.finditer(fold(text))]
        hits += [(m, True) for m in self._acronym_pattern.finditer(text)]
        hits.sort(key=lambda h: (-(h[0].end() - h[0].start()), h[0].start()))
        for m, acronym in hits:
            iri = (self._acronym_iri if acronym else self._name_iri)[m.group(0)]
            method = "acronym" if acronym else "exact"
            _add(found, Mention([iri], m.start(), m.end(), text[m.start() : m.end()], method, 0.95))

    def _fuzzy(self, text: str, found: list[Mention]) -> None:
        for m in _PHRASE.finditer(text):
            if len(m.group(0)) < 12 or not _free(found, m.start(), m.end()):
                continue
            best = process.extractOne(
                fold(m.group(0)), list(self.full_names), scorer=fuzz.token_sort_ratio, score_cutoff=88
            )
            if best is not None:
                iri = self.full_names[best[0]]
                _add(found, Mention([iri], m.start(), m.end(), m.group(0), "fuzzy", round(best[1] / 100, 2)))

    def proposals(self, text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
        spans = [(x.start, x.end) for x in mentions]
        out: list[tuple[str, str]] = []
        for m in list(_PHRASE.finditer(text)) + list(_ACRONYM.finditer(text)):
            if any(a <= m.start() < b for a, b in spans):
                continue
            words = m.group(0)
            if m.re is _ACRONYM and words.rstrip("s") not in _NOT_AGENTS and words not in self._known_acronyms():
                out.append((words, "an acronym the reference data does not have"))
            elif m.re is _PHRASE and _ORG_HEAD.match(words):
                out.append((words, "a name of an organisation or body the reference data does not have"))
        return out

    def _known_acronyms(self) -> set[str]:
        return {n for n, _, acr in self.entries if acr}


def _alternation(names: dict[str, str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def _free(found: list[Mention], start: int, end: int) -> bool:
    return not any(x.start < end and start < x.end for x in found)


def _add(found: list[Mention], mention: Mention) -> None:
    """Add a mention unless a longer or earlier-found one covers its words."""
    if _free(found, mention.start, mention.end):
        found.append(mention)


_TURN_TO = re.compile(
    r"(?:\b(?:envi|invit|solicit|agradec|felicit|inst|remit|compart|transmit|ped|pid|recomend|inform|dirig)\w*"
    r"(?:(?!\.\s)[^;:]){0,80}?|(?<!relación )(?<!respecto )(?<!cara )(?<!conforme )(?<!frente ))"
    r"\b(?:a|al)\s+(?:la |el |los |las )?(?:delegaciones de |gobierno de |señor |señora |embajador |embajadora )?$"
    r"|\b(?:encuentro|reunión|diálogo) con (?:el |la )?(?:embajador |embajadora |señor |señora )?$",
    re.I,
)
_OF_REPORT = re.compile(
    r"\b(?:informes?|presentaci[oó]n(?:es)?|recomendaciones|plan estrat[eé]gico para|solicitud|propuesta)\s+"
    r"(?:\w+\s+){0,4}?(?:de|del)\s+(?:la |el |los |las )?$",
    re.I,
)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.:;]\s*|\bpor\s+parte\s+de\s+|\b(?:se|ser[aá]n?)\s+\w+\s+por\s+|"
    r"\b(?:reuni[oó]n|videoconferencia|encuentro|di[aá]logo|colaboraci[oó]n|[Ii]ntercambi(?:ar|ará|aran|arán)\w*)"
    r"\b(?! sostenidas)"
    r"(?:\s+[\w.]+){0,8}?\s+entre\s+|"
    r"\b(?:reuni[oó]n|videoconferencia|encuentro)(?: anual)?\s+de\s+|"
    r"\ben coordinaci[oó]n con\s+|\bcon la colaboraci[oó]n de\s+|\ba que\s+)"
    r"(?:(?:la|el|los|las|ambas|ambos|cada|que)\s+)*$",
    re.I,
)
_VERB_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,60},\s*)?(?:se\s+|les?\s+)?(?:\w+\s+)?"
    r"\w+(?:rá|rán|aron|ó|arán|erán|irán)\b"
)
_DO_WHAT = re.compile(r"^[^,.;]{0,60}?\b(?:a (?!la |las |los |el )\w+(?:ar|er|ir)(?:se|le|les|lo)?\b|que\b)")
_AGENT_OF = re.compile(  # a group that does something only named: "realizados por los países", "entre Países Miembros"
    r"(?<!conocidos )(?<!conocidas )\b(?:por|entre|participen|participan)\s+"
    r"(?:(?:los|las|la|el|todos)\s+)?"
    r"(?:[\w-]+\s+(?:y\s+(?:las?\s+|los\s+)?[\w-]+\s+)?de\s+(?:los\s+|las\s+)?)?$"
)
_SHARED_AMONG = re.compile(  # a document to be passed round is addressed to them: "socializarlo entre países miembros"
    r"\b(?:socializ|distribu|circul|difund)\w*(?:\s+\w+){0,2}\s+entre\s+(?:(?:los|las|todos)\s+)*$"
)
_LINK = re.compile(
    r"^\s*(?:,\s*(?:y\s+)?|\s+y\s+|\s+e\s+)(?:a\s+|al\s+)?(?:la |el |los |las )?(?:gobierno de |delegaciones de )?$"
)


def roles(text: str, mentions: list[Mention]) -> None:
    """Set each mention's role: must act when it is the subject (it starts a sentence, a verb in the
    future follows it, "por parte de", "reunión entre"), addressed when the text turns to it
    ("agradecer a", "invitar a la", "el informe de"), both when it is asked to do something ("instar a
    los Países Miembros a remitir"); nothing when it is only named. Coordinated names share a role;
    a group of states left without one is addressed, unless it is only the doer of something named
    ("los avances realizados por los países miembros")."""
    groups = []
    for m in mentions:
        before, after = text[max(0, m.start - 140) : m.start], text[m.end :]
        if _TURN_TO.search(before) or _OF_REPORT.search(before):
            asked = re.search(r"\b(?:instar|invitar|solicitar|insta|solicita|pedir)\b", before, re.I)
            m.role = "both" if asked and _DO_WHAT.match(after) else "addressee"
        elif _SUBJECT_BEFORE.search(before) or _VERB_AFTER.match(after):
            m.role = "mustAct"
        else:
            m.role = ""
            group = m.method == "collective" and m.iris[0].startswith(("state/", "collective/"))
            if group and (_SHARED_AMONG.search(before) or not _AGENT_OF.search(before)):
                groups.append(m)  # "sean conocidos por los Países Miembros", "la aprobación de los países miembros"
    _share(text, mentions)
    for m in groups:
        m.role = m.role or "addressee"


def _share(text: str, mentions: list[Mention]) -> None:
    """Names joined by commas or "y" take the role of the list they are in (both ways)."""
    for _ in range(2):
        for a, b in itertools.pairwise(mentions):
            if not _LINK.match(text[a.end : b.start]):
                continue
            if a.role and not b.role:
                b.role = a.role
            elif b.role and not a.role:
                a.role = b.role


def resolve(resolver: Resolver, text: str, kind: str, conferences: list[str], day: dt.date) -> Actors:
    """The must-act and addressee mentions of a decision's text, with proposals for unknown names."""
    mentions = resolver.find(text, conferences, day)
    roles(text, mentions)
    actors = Actors()
    for m in mentions:
        if m.role in ("mustAct", "both"):
            actors.must_act.append(m)
        if m.role in ("addressee", "both"):
            actors.addressee.append(m)
    actors.proposals = resolver.proposals(text, mentions)
    return actors
