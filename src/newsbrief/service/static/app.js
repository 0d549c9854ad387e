// newsbrief's page: articles in, a cited brief out, every sentence checkable against its source.
// Plain JavaScript, no build step, nothing loaded from elsewhere. Text from the user or the
// server is only ever inserted as text nodes, never as HTML.
"use strict";

const $ = (selector) => document.querySelector(selector);
const SECTION_TITLES = {
  actors: "Actors", quotes: "Quotes", timeline: "Timeline", agreement: "Agreement",
};
const state = { brief: null, current: -1, files: [] };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// ---- input: one box per article, files chosen or dropped ----

function addArticle(focus) {
  const box = $("#article-template").content.firstElementChild.cloneNode(true);
  box.querySelector(".remove").addEventListener("click", () => {
    box.remove();
    if (!document.querySelector("#articles .article")) addArticle(false);
    renumber();
    $("#articles .article:last-child textarea").focus();
  });
  $("#articles").append(box);
  renumber();
  if (focus) box.querySelector("textarea").focus();
  return box;
}

function renumber() {
  document.querySelectorAll("#articles .article").forEach((box, i) => {
    box.querySelector(".n").textContent = String(i + 1);
    box.querySelector(".remove").setAttribute("aria-label", `Remove article ${i + 1}`);
  });
}

function setFiles(files) {
  state.files = Array.from(files);
  const list = $("#file-list");
  list.replaceChildren(...state.files.map((file, i) => el("li", {},
    `${file.name} (${Math.ceil(file.size / 1024)} KB) `,
    el("button", {
      type: "button", "aria-label": `Remove ${file.name}`,
      onclick: () => { state.files.splice(i, 1); setFiles(state.files); $("#files").focus(); },
    }, "Remove"))));
}

function pastedArticles() {
  const articles = [];
  document.querySelectorAll("#articles .article").forEach((box) => {
    const article = {};
    for (const field of box.querySelectorAll("textarea, input")) {
      if (field.value.trim()) article[field.name] = field.value;
    }
    if (article.text) articles.push(article);
  });
  return articles;
}

function chosenSections() {
  // Every box ticked: leave the choice to the server (all sections that can run there).
  const boxes = Array.from(document.querySelectorAll("#section-boxes input"));
  if (boxes.every((box) => box.checked)) return [];
  return ["summary", ...boxes.filter((box) => box.checked).map((box) => box.value)];
}

function earlierArticles() {
  // Pasted earlier articles, one per |||||-separated block (the Multi-News convention).
  return $("#since").value.split(/^\s*\|{5}\s*$/m)
    .map((text) => text.trim()).filter((text) => text).map((text) => ({ text }));
}

function requestFor(articles, words, sections) {
  const question = $("#question").value.trim();
  const since = earlierArticles();
  if (!state.files.length) {
    const body = { articles, words };
    if (sections.length) body.sections = sections;
    if (question) body.question = question;
    if (since.length) body.since = since;
    return { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }
  const form = new FormData();
  state.files.forEach((file) => form.append("files", file, file.name));
  articles.forEach((article, i) => form.append(
    "files", new Blob([JSON.stringify(article)], { type: "application/json" }),
    `pasted-${i + 1}.json`));
  form.append("words", String(words));
  sections.forEach((name) => form.append("sections", name));
  if (question) form.append("question", question);
  since.forEach((article, i) => form.append(
    "since", new Blob([JSON.stringify(article)], { type: "application/json" }),
    `earlier-${i + 1}.json`));
  return { body: form };
}

async function submit(event) {
  event.preventDefault();
  const articles = pastedArticles();
  if (!articles.length && !state.files.length) {
    showStatus("Paste at least one article, or choose a file.", true);
    $("#articles textarea").focus();
    return;
  }
  const words = Number.parseInt($("#words").value, 10) || 150;
  const button = $("#submit");
  button.disabled = true;
  showStatus("Briefing…", false);
  try {
    const response = await fetch("/v1/brief", {
      method: "POST", ...requestFor(articles, words, chosenSections()),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data && data.error) || { message: `the server answered ${response.status}` };
      showStatus(`Error: ${error.message}${error.hint ? ` (${error.hint})` : ""}`, true);
      return;
    }
    showStatus(`Brief ready: ${data.summary.sentences.length} sentences.`, false);
    showBrief(data);
  } catch (error) {
    showStatus(`Error: the server could not be reached (${error.message}).`, true);
  } finally {
    button.disabled = false;
  }
}

function showStatus(message, isError) {
  const status = $("#status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

// ---- output: the brief, its sources, and the checking of each sentence ----

function articleById(id) {
  return state.brief.articles.find((a) => a.id === id);
}

function marker(sentence) {
  const number = (id) => articleById(id).number;
  // A rewritten sentence (the openai backend) cites every span it was checked against.
  const rest = [...new Set((sentence.checked || []).map((c) => number(c.article_id)))]
    .filter((n) => n !== number(sentence.article_id)).sort((a, b) => a - b);
  const cited = [number(sentence.article_id), ...rest];
  const also = [...new Set(sentence.also_in.map((c) => number(c.article_id)))]
    .filter((n) => !cited.includes(n)).sort((a, b) => a - b);
  return also.length ? `[${cited.join(", ")}; also ${also.join(", ")}]` : `[${cited.join(", ")}]`;
}

function checkedTitle(sentence) {
  // What hovering a sentence of the openai backend shows: the spans it was checked against.
  if (sentence.origin === "rewritten") {
    return "Rewritten by the LLM, checked against: " + sentence.checked
      .map((c) => `[${articleById(c.article_id).number}] “${c.text}”`).join(" ");
  }
  return sentence.origin === "kept" ? `Kept as written: ${sentence.verdict}` : null;
}

function label(article) {
  const date = article.date ? `, ${article.date}` : "";
  return article.title
    ? `[${article.number}] ${article.title}${date} — ${article.source}`
    : `[${article.number}] ${article.source}${date}`;
}

function showBrief(data) {
  state.brief = data;
  state.current = -1;
  const sentences = data.summary.sentences;
  $("#summary").replaceChildren(...sentences.flatMap((s, i) => [
    el("span", {
      class: `sentence ${s.origin || "extractive"}`, tabindex: "0", role: "button",
      "data-index": String(i), "aria-controls": "source", "aria-pressed": "false",
      ...(checkedTitle(s) ? { title: checkedTitle(s) } : {}),
    }, s.text, " ", el("span", { class: "cite" }, marker(s))), " "]));
  const nothingNew = (data.notices || []).some((n) => n.code === "nothing-new");
  if (!sentences.length) {
    $("#summary").append(el("em", {}, nothingNew
      ? "Nothing new: the new articles repeat what the earlier ones said."
      : "No sentence fits the word budget."));
  }
  const asked = [];
  if (data.question) asked.push(`Question: ${data.question}`);
  if (data.update) {
    const u = data.update;
    asked.push(`Update: ${u.new_articles} new article(s) since ${u.earlier_articles} earlier ` +
      `one(s); ${u.known_sentences} of ${u.candidate_sentences} candidate sentences ` +
      `(${Math.round(u.known_share * 100)}% of the words) were already known.`);
  }
  $("#asked").replaceChildren(...asked.flatMap((line, i) => (i ? [el("br"), line] : [line])));
  $("#asked").hidden = !asked.length;
  $("#meta").textContent = `${data.summary.words} of ${data.summary.budget} words from ` +
    `${data.articles.length} article(s).`;
  $("#detail").replaceChildren();
  $("#source").replaceChildren();
  $("#source-meta").textContent = "Choose a sentence of the brief.";
  $("#sources").replaceChildren(...data.articles.map((a) => el("li", { value: String(a.number) },
    el("button", { type: "button", class: "link", onclick: () => showOther(a, []) },
      label(a).replace(/^\[\d+\] /, "")))));
  fillList("#notices", data.notices, (n) => `${n.source || "input"}: ${n.message}`);
  fillList("#removals", data.removals,
    (r) => `[${articleById(r.article_id).number}] ${r.reason}: ${r.text}`);
  showSections(data);
  $("#brief").hidden = false;
  $("#brief-title").focus();
  if (sentences.length) select(0, false);
}

function fillList(selector, items, text) {
  $(selector).replaceChildren(...(items || []).map((item) => el("li", {}, text(item))));
  $(selector).closest("details").hidden = !(items && items.length);
}

function select(index, moveFocus, force = false) {
  const spans = document.querySelectorAll("#summary .sentence");
  if (index < 0 || index >= spans.length) return;
  spans.forEach((span, i) => {
    span.classList.toggle("active", i === index);
    span.setAttribute("aria-pressed", String(i === index));
  });
  if (moveFocus) spans[index].focus();
  if (index === state.current && !force) return;
  state.current = index;
  const sentence = state.brief.summary.sentences[index];
  const article = articleById(sentence.article_id);
  const checked = sentence.checked || [];
  showSource(article, checked.length
    ? checked.filter((c) => c.article_id === article.id)
      .map((c) => ({ start: c.start, end: c.end, kind: "cited" }))
    : [{ start: sentence.start, end: sentence.end, kind: "cited" }]);
  const also = sentence.also_in.map((c) => {
    const other = articleById(c.article_id);
    const text = other.text.slice(c.start, c.end);
    return el("li", {}, el("button", {
      type: "button", class: "link",
      onclick: () => showOther(other, [{ start: c.start, end: c.end, kind: "also" }]),
    }, `${label(other)}: “${text}”`));
  });
  const checkedItems = checked.map((c) => {
    const other = articleById(c.article_id);
    return el("li", {}, el("button", {
      type: "button", class: "link",
      onclick: () => showOther(other, [{ start: c.start, end: c.end, kind: "cited" }]),
    }, `${label(other)}: “${c.text}”`));
  });
  $("#detail").replaceChildren(...[
    checked.length
      ? el("p", {}, `Sentence ${index + 1} was rewritten by the LLM and checked against:`)
      : el("p", {}, `Sentence ${index + 1} comes from `, el("strong", {}, label(article)),
        `, characters ${sentence.start}–${sentence.end}.`),
    checked.length ? el("ul", { class: "checked" }, checkedItems) : null,
    sentence.origin === "kept" ? el("p", {}, `Kept as written: ${sentence.verdict}`) : null,
    also.length ? el("p", {}, "Also reported in:") : el("p", {}, "No other article reports it."),
    also.length ? el("ul", { class: "also" }, also) : null].filter(Boolean));
}

function showOther(article, spans) {
  // Something other than a summary sentence is shown: no sentence stays marked as the one
  // shown, and the left column says what the source panel now shows, so both columns name the
  // same item. Hovering a sentence shows it again.
  state.current = -1;
  document.querySelectorAll("#summary .sentence").forEach((span) => {
    span.classList.remove("active");
    span.setAttribute("aria-pressed", "false");
  });
  const where = spans.length
    ? `, characters ${spans[0].start}–${spans[0].end}` : "";
  $("#detail").replaceChildren(el("p", { class: "showing" }, "Showing ",
    el("strong", {}, label(article)), `${where}. Choose a sentence to return to the brief.`));
  showSource(article, spans);
}

function showSource(article, spans) {
  const box = $("#source");
  const parts = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(article.text.slice(cursor, span.start));
    parts.push(el("mark", { class: span.kind }, article.text.slice(span.start, span.end)));
    cursor = span.end;
  }
  parts.push(article.text.slice(cursor));
  box.replaceChildren(...parts);
  $("#source-meta").textContent = label(article);
  const mark = box.querySelector("mark");
  box.scrollTop = mark ? Math.max(0, mark.offsetTop - box.offsetTop - 40) : 0;
}

function onSummaryKey(event) {
  const span = event.target.closest(".sentence");
  if (!span) return;
  const index = Number(span.dataset.index);
  const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  if (event.key in moves) {
    event.preventDefault();
    select(index + moves[event.key], true);
  } else if (event.key === "Home" || event.key === "End") {
    event.preventDefault();
    select(event.key === "Home" ? 0 : state.brief.summary.sentences.length - 1, true);
  } else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    select(index, false, true);
    $("#source").focus();
  }
}

// ---- analysis sections (actors, quotes, timeline, agreement) when the brief has them ----

function showSections(data) {
  const out = $("#sections-out");
  out.replaceChildren();
  for (const [key, title] of Object.entries(SECTION_TITLES)) {
    const value = data[key];
    const asked = Array.isArray(data.sections) && data.sections.includes(key);
    const filled = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
    if (!asked && !filled) continue; // a section not run, or one with nothing in it
    const items = Array.isArray(value) && value.length && RENDERERS[key]
      ? el("ul", { class: "records" }, value.map((item) => el("li", {}, RENDERERS[key](item))))
      : renderValue(value, data);
    out.append(el("section", { class: "analysis", "aria-label": title }, el("h3", {}, title),
      items));
  }
}

function spanButton(span, text) {
  // A button that shows a span (article_id, start, end) highlighted in its source article.
  const article = articleById(span.article_id);
  if (!article) return document.createTextNode(text);
  return el("button", {
    type: "button", class: "link",
    onclick: () => {
      showOther(article, [{ start: span.start, end: span.end, kind: "cited" }]);
      $("#source-title").scrollIntoView({ block: "nearest" });
    },
  }, text);
}

function numbersOf(ids) {
  const numbers = ids.map((id) => (articleById(id) || {}).number).filter(Boolean);
  const sorted = [...new Set(numbers)].sort((a, b) => a - b); // as numbers: [1, 2, 10]
  return sorted.length ? ` [${sorted.join(", ")}]` : "";
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function speakerName(quote) {
  // The resolved actor's name, as the CLI shows it; the phrase as written only when no actor.
  const actor = (state.brief.actors || []).find((a) => a.id === quote.speaker_id);
  if (actor) return actor.name;
  return quote.speaker_text ? `${quote.speaker_text} (unresolved)` : "speaker not given";
}

const AGREEMENT_LABELS = {
  conflict: "sources disagree", position: "position", agreement: "sources agree",
  "single-source": "single source",
};

const RENDERERS = {
  actors: (a) => [el("strong", {}, a.name), ` ${a.kind}${a.role ? `, ${a.role}` : ""}`,
    `${numbersOf(a.articles || [])} · `,
    a.mentions && a.mentions.length
      ? spanButton(a.mentions[0], plural(a.mentions.length, "mention")) : "no mention"],
  quotes: (q) => [spanButton(q, `“${q.text}”`),
    ` — ${speakerName(q)}${q.verb ? ` (${q.verb})` : ""}`,
    q.second_hand && q.attribution ? `, ${q.attribution}` : "", numbersOf([q.article_id])],
  timeline: (e) => [el("strong", {}, e.value), " ", spanButton(e.event, e.event.text),
    numbersOf((e.citations || []).map((c) => c.article_id))],
  // the split of issue 12: "sources disagree" (a fact) is never shown as a "position" (a view)
  agreement: (a) => [el("strong", { class: `label-${a.label}` }, AGREEMENT_LABELS[a.label] || a.label),
    a.matter ? ` on ${a.matter}: ` : ` (${a.kind}): `,
    el("ul", {}, (a.sides || []).map((side, i) => el("li", {},
      spanButton(side, `“${side.text}”`), numbersOf([side.article_id]),
      a.holders && a.holders[i] ? ` — ${a.holders[i]}` : ""))),
    a.evidence ? el("span", { class: "meta" }, a.evidence) : null],
};

function renderValue(value, data) {
  if (Array.isArray(value)) {
    if (!value.length) return el("p", { class: "meta" }, "Nothing found.");
    return el("ul", {}, value.map((item) => el("li", {}, renderValue(item, data))));
  }
  if (value && typeof value === "object") {
    const cited = citedText(value, data);
    const rows = Object.entries(value).filter(([k]) => !["start", "end"].includes(k));
    return el("div", { class: "record" },
      cited ? el("q", {}, cited) : null,
      el("dl", {}, rows.flatMap(([k, v]) => [
        el("dt", {}, k.replace(/_/g, " ")),
        el("dd", {}, typeof v === "object" && v !== null ? renderValue(v, data) : String(v)),
      ])));
  }
  return document.createTextNode(String(value));
}

function citedText(record, data) {
  // A record that points into an article (article_id, start, end) shows the text it points at.
  if (typeof record.article_id !== "string" || typeof record.start !== "number") return null;
  const article = data.articles.find((a) => a.id === record.article_id);
  if (!article || typeof record.end !== "number" || "text" in record) return null;
  return article.text.slice(record.start, record.end);
}

// ---- copy as Markdown, download JSON ----

// Control characters (tab and newline aside), DEL, C1 controls and bidirectional overrides: they
// act on a terminal instead of printing. The same set as newsbrief.render.CONTROLS.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function escapeMd(text) {
  // Inert Markdown, as newsbrief.render.markdown.escape: no control characters, no line breaks,
  // no raw HTML (a CommonMark renderer passes <script> and <img onerror> through), no markup.
  return String(text).replace(/\r/g, "\n").replace(CONTROLS, "")
    .replace(/\s*[\n\u2028\u2029]\s*/g, " ")
    .replace(/[&<>]/g, (c) => ENTITIES[c])
    .replace(/[\\`*_[]/g, (c) => `\\${c}`);
}

function markdown(data) {
  const summary = data.summary.sentences.map((s) => `${escapeMd(s.text)} ${marker(s)}`).join(" ");
  const lines = ["# Brief", "", summary || "_No sentence fits the word budget._", "",
    `_${data.summary.words} of ${data.summary.budget} words from ${data.articles.length} ` +
    "article(s)._", "", "## Sources", "", ...data.articles.map((a) => `- ${escapeMd(label(a))}`)];
  if (data.notices.length) {
    lines.push("", "## Notices", "",
      ...data.notices.map((n) => `- ${escapeMd(n.source || "input")}: ${escapeMd(n.message)}`));
  }
  return `${lines.join("\n")}\n`;
}

async function copyMarkdown() {
  const text = markdown(state.brief);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el("textarea", { class: "offscreen", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  showStatus("The brief was copied as Markdown.", false);
}

function downloadJson() {
  const blob = new Blob([`${JSON.stringify(state.brief, null, 2)}\n`], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: "brief.json" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ---- start ----

async function loadInfo() {
  try {
    const info = await (await fetch("/v1/info")).json();
    $("#words").max = String(info.limits.max_words);
    const sections = info.sections.filter((name) => name !== "summary");
    if (sections.length) {
      $("#section-boxes").replaceChildren(...sections.map((name) => el("label", {},
        el("input", { type: "checkbox", value: name, checked: "" }),
        ` ${SECTION_TITLES[name] || name}`)));
      $("#sections").hidden = false;
    }
  } catch {
    // The page still works without it: no section choices are shown.
  }
}

function start() {
  addArticle(false);
  addArticle(false);
  $("#add").addEventListener("click", () => addArticle(true));
  $("#input").addEventListener("submit", submit);
  $("#files").addEventListener("change", (e) => setFiles(e.target.files));
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    setFiles([...state.files, ...e.dataTransfer.files]);
  });
  const summary = $("#summary");
  const pick = (e) => {
    const span = e.target.closest && e.target.closest(".sentence");
    if (span) select(Number(span.dataset.index), false, e.type === "click");
  };
  summary.addEventListener("mouseover", pick);
  summary.addEventListener("focusin", pick);
  summary.addEventListener("click", pick);
  summary.addEventListener("keydown", onSummaryKey);
  $("#copy-md").addEventListener("click", copyMarkdown);
  $("#download").addEventListener("click", downloadJson);
  loadInfo();
}

document.addEventListener("DOMContentLoaded", start);
