"""Issue 12, "Elsewhere": a caption printed twice, article numbers in numeric order, the page's
resolved speaker and its two columns, mention counts in words, and what ``--explain`` says."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsbrief import Article, Settings, brief
from newsbrief.records import Actor, Mention
from newsbrief.render import render
from newsbrief.render.sections import actor_line
from newsbrief.summary.clean import clean

APP = Path(__file__).resolve().parent.parent / "src" / "newsbrief" / "service" / "static"
STORY = (
    "Harbor Council Votes on Ferry Fares\n\n"
    "The harbor council approved a new schedule of ferry fares on Tuesday evening.\n"
    "Mayor Lena Ortiz speaks at the council meeting in Eastshore on May 2, 2024.\n"
    "Mayor Lena Ortiz speaks at the council meeting in Eastshore on May 2, 2024.\n"
    "The new fares take effect in June, the council said in a statement after the vote.\n"
    "Commuters who ride every day will pay less than they do now under the plan.\n"
)


def test_caption_printed_twice_neither_copy_is_story_text() -> None:
    _, removals = clean(Article("1", STORY, "test"), Settings())
    caption = "Mayor Lena Ortiz speaks at the council meeting in Eastshore on May 2, 2024."
    assert [r.reason for r in removals if r.text == caption] == ["caption", "caption"]
    result = brief([STORY], sections="summary,timeline")
    cleaned = result.cluster.cleaned_text(result.articles[0].id)
    assert caption not in cleaned
    assert all(caption not in e.event.text for e in result.timeline)


def test_a_paragraph_repeated_far_apart_keeps_its_first_copy() -> None:
    para = "The council will meet again next month to review the fares and the schedule."
    text = "\n".join([para, *(f"Line {n} of the story goes on here at length." for n in range(4)),
                      para])  # fmt: skip
    _, removals = clean(Article("1", text, "test"), Settings())
    assert [(r.start, r.reason) for r in removals if r.text == para] == [
        (text.rindex(para), "repeated-line")
    ]


def test_article_numbers_sort_as_numbers() -> None:
    ids = [f"a{n}" for n in range(1, 12)]
    number = {a: n for n, a in enumerate(ids, 1)}
    mentions = tuple(Mention(a, 0, 5, "Ortiz") for a in ("a10", "a2", "a1", "a3"))
    line = actor_line(Actor("A1", "Lena Ortiz", "person", None, mentions), number)
    assert line.endswith("4 mentions [1, 2, 3, 10]")
    one = actor_line(Actor("A2", "Eastshore", "place", None, mentions[:1]), number)
    assert one.endswith("1 mention [10]")


def test_explain_names_the_scorer_that_ran() -> None:
    texts = [
        "The harbor council approved new ferry fares on Tuesday after a long debate in town.",
        "Ferry fares will fall in June, the harbor council decided on Tuesday evening in town.",
    ]
    learned = render(brief(texts, sections="summary"), "text", explain=True)
    assert "learned linear scorer" in learned and "centroid scorer" not in learned
    centroid = render(brief(texts, sections="summary", scorer="centroid"), "text", explain=True)
    assert "centroid scorer" in centroid and "learned" not in centroid


NODE_PAGE = r"""
const fs = require("fs");
const vm = require("vm");
class Node {
  constructor(tag) { this.tag = tag; this.children = []; this.attrs = {}; this.className = "";
    this.classList = { remove: () => {}, toggle: () => {} }; }
  setAttribute(k, v) { this.attrs[k] = v; }
  addEventListener() {}
  append(...c) { this.children.push(...c); }
  replaceChildren(...c) { this.children = c; }
  querySelector() { return null; }
  get textContent() { return this.children.map((c) => typeof c === "string" ? c
    : c.textContent).join(""); }
  set textContent(v) { this.children = [String(v)]; }
}
const nodes = {};
const sentences = [new Node("span"), new Node("span")];
sentences[0].attrs["aria-pressed"] = "true";
global.document = {
  addEventListener() {}, createElement: (t) => new Node(t),
  querySelector: (s) => (nodes[s] = nodes[s] || new Node(s)),
  querySelectorAll: (s) => (s === "#summary .sentence" ? sentences : []),
};
vm.runInThisContext(fs.readFileSync(process.argv[2], "utf8"));
state.brief = { actors: [{ id: "A1", name: "Mike Pompeo" }], articles: [] };
const out = {
  resolved: speakerName({ speaker_id: "A1", speaker_text: "He" }),
  unresolved: speakerName({ speaker_id: null, speaker_text: "a senior official" }),
  none: speakerName({ speaker_id: null, speaker_text: null }),
  one: plural(1, "mention"), two: plural(2, "mention"),
};
state.current = 0;
showOther({ number: 2, title: "Talks", source: "b.txt", text: "North Korea said no." },
  [{ start: 0, end: 11, kind: "cited" }]);
out.pressed = sentences.map((s) => s.attrs["aria-pressed"]);
out.detail = nodes["#detail"].textContent;
out.current = state.current;
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_page_shows_resolved_speaker_and_keeps_columns_together(tmp_path: Path) -> None:
    script = tmp_path / "page.js"
    script.write_text(NODE_PAGE)
    done = subprocess.run(
        ["node", str(script), str(APP / "app.js")], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["resolved"] == "Mike Pompeo"
    assert out["unresolved"] == "a senior official (unresolved)"
    assert out["none"] == "speaker not given"
    assert (out["one"], out["two"]) == ("1 mention", "2 mentions")
    # a quote shown in the source panel: no summary sentence stays marked as the one shown,
    # and the left column names the article the right one shows
    assert out["pressed"] == ["false", "false"]
    assert "[2] Talks" in out["detail"] and "characters 0–11" in out["detail"]
    assert out["current"] == -1
