"""Issue 12 measures: named speakers on PolNeAR dev, and actors against our labelled set.

    python bench/speakers_actors.py [--write] [--errors]

- **Named speakers (PolNeAR dev)**: of the full direct quotes we find (a quote of ours overlaps
  the labelled span) whose labelled speaker is a name (not a pronoun; it has a capitalised
  word other than a title or article), the share whose speaker — the resolved actor's name,
  else the phrase as written — contains a capitalised word of that name. Also: the share of
  those quotes given any speaker, and the precision among them.
- **Actors (bench/labels/actors.jsonl)**: entities with their name variants and type, for the
  korea-talks sample, the shipped harbor-bridge example and 10 DUC 2006 clusters. Each
  labelled variant is assigned to the actor holding most of its mentions; merge precision and
  recall count pairs of found variants (same actor vs same labelled entity); type accuracy is
  the kind of the actor holding most of an entity's mentions against the label.

``--write`` replaces the ``speakers-actors`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT.parent / "shared" / "samples" / "korea-talks"
EXAMPLE = ROOT / "examples" / "harbor-bridge"
LABELS = ROOT / "bench" / "labels" / "actors.jsonl"
_NOT_NAME = {"The", "A", "An", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "He", "She"}


def jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def name_words(speaker: str | None) -> list[str]:
    """The capitalised words of a labelled speaker, titles and articles aside."""
    words = re.findall(r"[A-Z][\w.’'-]*", speaker or "")
    return [re.sub(r"(?:['’]s)$", "", w).strip(".") for w in words if w not in _NOT_NAME]


def named_speakers(errors: bool = False) -> dict[str, Any]:
    """PolNeAR dev: full direct quotes with a named speaker, as described in the docstring."""
    from newsbrief import brief

    found = right = attributed = named = 0
    mistakes = []
    for article in jsonl(DATA / "quotes" / "polnear-dev.jsonl.gz"):
        gold = [
            q
            for q in article["quotes"]
            if q["kind"] == "full" and not q["speaker_is_pronoun"] and name_words(q["speaker"])
        ]
        named += len(gold)
        if not gold:
            continue
        published = (article.get("publication_date") or "")[:10] or None
        result = brief(
            [{"id": "a", "text": article["text"], "date": published}], sections="actors,quotes"
        )
        names = {a.id: a.name for a in result.actors}
        for q in gold:
            hits = [p for p in result.quotes if p.start < q["end"] and q["start"] < p.end]
            if not hits:
                continue
            found += 1
            p = hits[0]
            guess = names.get(p.speaker_id) if p.speaker_id else p.speaker_text
            attributed += bool(guess)
            ok = bool(guess) and any(w in guess for w in name_words(q["speaker"]))
            right += ok
            if not ok and errors:
                mistakes.append((q["speaker"], guess, q["quote"][:60]))
    return {"named": named, "found": found, "attributed": attributed, "right": right,
            "share": right / found if found else 0.0,
            "precision": right / attributed if attributed else 0.0, "errors": mistakes}  # fmt: skip


def _briefs() -> Iterator[tuple[str, Any]]:
    """Each labelled set's brief (actors only)."""
    from newsbrief import brief, brief_paths

    sets = list(dict.fromkeys(x["set"] for x in jsonl(LABELS)))
    clusters = {c["id"]: c for c in jsonl(DATA / "duc2006" / "clusters.jsonl.gz")}
    for name in sets:
        if name == "sample/korea-talks":
            if SAMPLE.is_dir():
                yield name, brief_paths([SAMPLE], sections="actors")
        elif name == "example/harbor-bridge":
            yield name, brief_paths([EXAMPLE], sections="actors")
        else:
            c = clusters[name.split("/", 1)[1]]
            items = [
                {"id": i, "text": t} for i, t in zip(c["doc_ids"], c["documents"], strict=True)
            ]
            yield name, brief(items, sections="actors")


def actor_scores() -> dict[str, Any]:
    """Merge precision/recall over pairs of found variants, and type accuracy, per set."""
    labels = list(jsonl(LABELS))
    tp = fp = fn = typed = typed_right = entities = entities_found = 0
    mistakes: list[str] = []
    for name, result in _briefs():
        gold = [x for x in labels if x["set"] == name]
        owner: dict[str, tuple[str, str]] = {}  # variant → (actor id, kind)
        counts: dict[str, Counter[str]] = {}
        kinds = {a.id: a.kind for a in result.actors}
        for actor in result.actors:
            for m in actor.mentions:
                counts.setdefault(m.text, Counter())[actor.id] += 1
        for form, by_actor in counts.items():
            best = by_actor.most_common(1)[0][0]
            owner[form] = (best, kinds[best])
        found = [(x["entity"], v) for x in gold for v in x["variants"] if v in owner]
        for (e1, v1), (e2, v2) in combinations(found, 2):
            same_system = owner[v1][0] == owner[v2][0]
            if same_system and e1 == e2:
                tp += 1
            elif same_system:
                fp += 1
                mistakes.append(f"{name}: merged {v1!r} ({e1}) with {v2!r} ({e2})")
            elif e1 == e2:
                fn += 1
                mistakes.append(f"{name}: split {v1!r} from {v2!r} ({e1})")
        for x in gold:
            entities += 1
            held = Counter()
            for v in x["variants"]:
                for actor_id, n in counts.get(v, Counter()).items():
                    held[actor_id] += n
            if not held:
                mistakes.append(f"{name}: not found {x['entity']}")
                continue
            entities_found += 1
            typed += 1
            kind = kinds[held.most_common(1)[0][0]]
            typed_right += kind == x["type"]
            if kind != x["type"]:
                mistakes.append(f"{name}: {x['entity']} is {x['type']}, given {kind}")
    return {"entities": entities, "found": entities_found,
            "merge_p": tp / (tp + fp) if tp + fp else 0.0,
            "merge_r": tp / (tp + fn) if tp + fn else 0.0,
            "pairs": tp + fn, "type_acc": typed_right / typed if typed else 0.0,
            "sets": len({x["set"] for x in labels}), "errors": mistakes}  # fmt: skip


def parse_cost() -> dict[str, Any]:
    """CPU seconds of the parse of the quotation sentences, and of the entity recognizer, on
    the median-size DUC 2006 cluster (warm: the pipeline loaded before timing)."""
    from newsbrief.analysis import nlp
    from newsbrief.analysis.attribution import parse_text
    from newsbrief.analysis.units import quote_units, quoted_spans
    from newsbrief.ingest.read import from_items
    from newsbrief.pipeline import prepare
    from newsbrief.settings import Settings

    clusters = list(jsonl(DATA / "duc2006" / "clusters.jsonl.gz"))
    clusters.sort(key=lambda c: sum(len(d.split()) for d in c["documents"]))
    c = clusters[len(clusters) // 2]
    items = [{"id": i, "text": t} for i, t in zip(c["doc_ids"], c["documents"], strict=True)]
    cluster = prepare(from_items(items, Settings()))
    units = [u for u in quote_units(cluster) if quoted_spans(u.text)]
    nlp.parse(["warm up"])
    started = time.process_time()
    nlp.parse([parse_text(u.text) for u in units])
    seconds = time.process_time() - started
    started = time.process_time()
    nlp.entities(cluster)
    ner = time.process_time() - started
    from newsbrief import brief

    brief(items)  # warm
    started = time.process_time()
    brief(items)
    full = time.process_time() - started
    return {"cluster": c["id"], "words": sum(len(u.text.split()) for u in units),
            "total": sum(len(d.split()) for d in c["documents"]), "seconds": seconds,
            "ner": ner, "full": full}  # fmt: skip


def section(errors: bool = False) -> str:
    """The ``speakers-actors`` section of docs/benchmarks.md."""
    import analysis  # the DUC 2006 quote labels and their scorer

    started = time.perf_counter()
    speakers = named_speakers(errors)
    duc = analysis.duc_quotes()
    actors = actor_scores()
    parse = parse_cost()
    seconds = time.perf_counter() - started
    lines = [
        "<!-- speakers-actors:start -->",
        "## Speakers and actors (issue 12)",
        "",
        f"`python bench/speakers_actors.py --write` on {date.today().isoformat()}; "
        f"{report.machine()}; {seconds:.0f} s.",
        "",
        "| measure | set | value |",
        "|---|---|---|",
        f"| named speaker right, of full quotes found | PolNeAR dev ({speakers['found']} of "
        f"{speakers['named']} quotes found) | **{speakers['share']:.3f}** |",
        f"| given a speaker, of those | PolNeAR dev | "
        f"{speakers['attributed'] / max(speakers['found'], 1):.3f} |",
        f"| right, of those given a speaker | PolNeAR dev | {speakers['precision']:.3f} |",
        f"| speaker precision | ours: DUC 2006 (`quotes-duc2006.jsonl`, {duc['gold']} quotes "
        f"with a speaker) | **{duc['p']:.3f}** (recall {duc['r']:.3f}) |",
        f"| actor merge precision (variant pairs) | ours: {actors['sets']} sets, "
        f"{actors['entities']} entities | **{actors['merge_p']:.3f}** |",
        f"| actor merge recall ({actors['pairs']} same-entity pairs) | ours | "
        f"**{actors['merge_r']:.3f}** |",
        f"| actor type accuracy ({actors['found']} entities found) | ours | "
        f"**{actors['type_acc']:.3f}** |",
        "",
        "Named speaker: a PolNeAR full direct quote whose labelled speaker is a name (not a "
        "pronoun) counts as right when our speaker — the resolved actor's name, else the "
        "phrase as written — contains a capitalised word of that name; a quote we give no "
        "speaker counts as wrong. Target 0.92 (textacy's `direct_quotations` with spaCy's "
        "small pipeline: 0.91). PolNeAR dev was read while the rules were written (the "
        "transcript labels, dash signatures and asides came from its misses): development "
        "numbers, not held out. Before this work the same measure was 0.771 (precision "
        "0.981): most misses were quotes given no speaker.",
        "",
        "Speakers come from spaCy's dependency parse of the sentences that hold a quotation "
        "(`analysis/attribution.py`): the subject of the reporting verb that governs the "
        'quotation, the head of "X, who called …", "according to X" on the quotation\'s own '
        'clause, a reporting noun\'s "from X" / possessor. The parser runs on those '
        f"sentences only: {parse['words']:,} of {parse['total']:,} words of the median DUC "
        f"2006 cluster ({parse['cluster']}), {parse['seconds']:.2f} s CPU for the parse, "
        f"against {parse['ner']:.2f} s CPU for the entity recognizer over the whole cluster. "
        f"The full brief (every section) of that 25-article cluster took {parse['full']:.2f} s "
        "CPU, warm, in one process: under the 2 s budget in CPU time, with little to spare; "
        "wall time on this shared machine (load above 10 on 2 cores) is several times that.",
        "",
        "Actors: `bench/labels/actors.jsonl` (labels only: entity, type, name variants) for the "
        "korea-talks sample, the harbor-bridge example and DUC 2006 clusters D0607G D0609I "
        "D0614E D0616G D0617H D0624F D0626H D0642F D0647B D0649D — the 10 to 14 most "
        "mentioned entities of each, labelled by one of us while fixing the rules: development "
        "numbers. A variant belongs to the actor holding most of its mentions; a city standing "
        'for its government ("Pyongyang said") is folded into the country only there, so '
        'capitals are labelled as places except in the sample, where "Pyongyang" is the '
        "government throughout.",
        "",
        "Known misses (development labels): in PolNeAR, quotations whose marks do not pair in "
        "the article (a transcript's open paragraphs, a quote inside a quote) and quotes framed "
        'by something other than speech ("footage of Trump saying", "as The New Yorker put '
        'it"); in actors, spelling variants and nicknames stay apart ("Gennadi"/"Gennady '
        'Zyuganov", "Jim"/"James E. Hall", "Gaza"/"Gaza Strip"), a first name that is also a '
        'place joins the person ("Ariel", the settlement, into Ariel Sharon), and the '
        'recognizer\'s kind stands where no cue word speaks ("Falun Gong" and "Parti Quebecois" '
        'as people, "West Bank" as an organization).',
        "<!-- speakers-actors:end -->",
    ]
    if errors:
        print("speaker misses:", *speakers["errors"], sep="\n  ", file=sys.stderr)
        print("actor errors:", *actors["errors"], sep="\n  ", file=sys.stderr)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", action="store_true", help="list misses on stderr")
    args = parser.parse_args()
    text = section(args.errors)
    print(text)
    if args.write:
        report.write_section("speakers-actors", text)


if __name__ == "__main__":
    main()
