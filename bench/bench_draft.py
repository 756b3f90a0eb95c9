"""How well `acuerdos draft` does, leaving one document out.

    .venv/bin/python bench/bench_draft.py              # prints the tables
    .venv/bin/python bench/bench_draft.py --write      # and writes them into bench/RESULTS.md

Each of the five sources is drafted with the lexicons and the classifier built from the other four
(its data file, theme file and follow-up file left out of the reference the drafter reads), and the
draft is scored against the curated data, read straight from the Turtle files (tests/draft_gold.py):

* decision boundaries: a drafted decision is right when its text is the curated text (normalised);
* printed numbers, kinds: of the decisions found, the share whose number (none when none is
  printed) and class are the curated ones;
* dates: a date is right when the curated date (deadline, or scheduled start and end) lies within
  the drafted one (a month drafted for a day in it counts; a wrong day does not);
* actors: (decision, must act or addressee, IRI) triples; also with the role ignored. A collective
  ("los Países Miembros de la CRM", <collective/crm/member-states>) counts as its members in the
  year of the meeting, on both sides: the curated 2017 files list the states, the drafter and the
  later files name the collective, and both say the same of who must act;
* themes: (decision, theme) pairs against the curated themes of any basis, and against the
  "named in text" ones alone (recall: how many of those the draft proposes);
* action category: of the decisions found, the share whose proposed category is the curated one
  (accuracy: precision, recall and F1 are the same figure);
* follow-ups: proposed links (earlier decision, drafted decision) against the curated links whose
  later decision is in the source (recall counts those the draft misses);
* quotes: every oa:exact of the draft's files found in the normalised source;
* time: drafting one source, the reference data read once per run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))
sys.path.insert(0, str(ROOT / "tests"))

from acuerdos.draft import Drafter, write_draft  # noqa: E402
from acuerdos.draft.build import Draft  # noqa: E402
from draft_gold import Gold, Score, collective_members, expand, load_gold, quotes_found, sets, sources  # noqa: E402

FIELDS = ["boundaries", "numbers", "kinds", "dates", "actors", "actors (any role)", "themes (any basis)",
          "themes (named in text: recall)", "action category", "follow-ups", "quotes found"]  # fmt: skip


def _iris(mentions: list) -> set[str]:  # type: ignore[type-arg]
    return {i for m in mentions for i in m.iris}


def score(draft: Draft, gold: Gold, files: list[Path], members: dict[str, list[tuple[str, int]]]) -> dict[str, Score]:
    s = {f: Score() for f in FIELDS}

    def agents(iris: set[str]) -> set[str]:
        return expand(iris, gold.day, members)

    got = {d.text: d for d in draft.decisions}
    s["boundaries"] = sets(set(got), set(gold.decisions))
    drafted_to_gold: dict[str, str] = {}
    for text in set(got) & set(gold.decisions):
        d, g = got[text], gold.decisions[text]
        drafted_to_gold[d.iri] = g.iri
        s["numbers"].add(Score(1, 0, 0) if d.number == g.number else Score(0, 1, 1))
        s["kinds"].add(Score(1, 0, 0) if d.kind == g.kind else Score(0, 1, 1))
        s["dates"].add(_date(d, g.dates))
        mine = {("must", i) for i in agents(_iris(d.must_act))} | {("addr", i) for i in agents(_iris(d.addressee))}
        theirs = {("must", i) for i in agents(g.must_act)} | {("addr", i) for i in agents(g.addressee)}
        s["actors"].add(sets(mine, theirs))  # type: ignore[arg-type]
        s["actors (any role)"].add(sets({i for _, i in mine}, {i for _, i in theirs}))  # type: ignore[arg-type]
        proposed = {t.theme for t in d.themes}
        s["themes (any basis)"].add(sets(proposed, set(g.themes)))  # type: ignore[arg-type]
        named = {t for t, b in g.themes.items() if b == "kind/basis/named-in-text"}
        s["themes (named in text: recall)"].add(Score(len(proposed & named), 0, len(named - proposed)))
        right = d.action is not None and d.action.category == g.action_category
        s["action category"].add(Score(1, 0, 0) if right else Score(0, 1, 1))
    links = {(f.earlier, drafted_to_gold.get(d.iri, d.iri)) for d in draft.decisions for f in d.follow_ups}
    s["follow-ups"] = Score(len(links & gold.follow_ups), len(links - gold.follow_ups), len(gold.follow_ups - links))
    found, total = quotes_found(files, draft.source.text)
    s["quotes found"] = Score(found, total - found, total - found)
    return s


def _date(d, want) -> Score:  # type: ignore[no-untyped-def]
    have = d.dates[0] if d.dates else None
    if have is None and want is None:
        return Score()
    right = have is not None and want is not None and have.start <= want[0] and want[1] <= have.end
    return Score(int(right), int(have is not None and not right), int(want is not None and not right))


def run() -> tuple[dict[str, dict[str, Score]], dict[str, float]]:
    tables: dict[str, dict[str, Score]] = {}
    seconds: dict[str, float] = {}
    members = collective_members()
    for entry in sources():
        gold = load_gold(entry)
        drafter = Drafter.for_project(ROOT, exclude_files={f"{gold.slug}.ttl"})
        started = time.perf_counter()
        draft = drafter.draft(ROOT / "data/sources" / entry["file"])
        seconds[gold.slug] = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            files = [p for p in write_draft(draft, Path(tmp), ROOT / "data", "bench") if p.suffix == ".ttl"]
            tables[gold.slug] = score(draft, gold, files, members)
    return tables, seconds


def _row(name: str, sc: Score) -> str:
    return f"| {name} | {sc.tp} | {sc.fp} | {sc.fn} | {sc.precision:.3f} | {sc.recall:.3f} | {sc.f1:.3f} |"


def report(tables: dict[str, dict[str, Score]], seconds: dict[str, float]) -> str:
    head = "| field | right | wrong or extra | missed | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|"
    out = []
    totals = {f: Score() for f in FIELDS}
    for slug, table in tables.items():
        out += [f"\n#### {slug} (drafted in {seconds[slug]:.2f} s)\n", head]
        for f in FIELDS:
            out.append(_row(f, table[f]))
            totals[f].add(table[f])
    out = ["\n#### Totals, leave one document out\n", head, *(_row(f, totals[f]) for f in FIELDS), *out]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the tables into bench/RESULTS.md")
    args = parser.parse_args()
    tables, seconds = run()
    text = report(tables, seconds)
    print(text)
    if args.write:  # the tables replace the section's old ones; its notes and the sections after it stay
        results = ROOT / "bench/RESULTS.md"
        head, _, section = results.read_text(encoding="utf-8").partition("## Drafts of new documents")
        notes, _, tables = section.partition("\n#### Totals, leave one document out")
        after = tables.find("\n## ")
        rest = tables[after:] if after >= 0 else "\n"
        results.write_text(
            head + "## Drafts of new documents" + notes.rstrip() + "\n" + text + "\n" + rest, encoding="utf-8"
        )


if __name__ == "__main__":
    main()
