"""Every choice made by name, one :class:`~newsbrief.registry.Registry` each.

The tables are light: an entry names its code as ``"module:attribute"``, imported on first use,
so :func:`newsbrief.settings.load_settings` checks every name-valued setting here before any
input is read, and ``newsbrief --help`` lists the names without loading a stage.

Summarizers (the ``backend`` setting, ``--backend``)
----------------------------------------------------
A summarizer is a callable::

    Summarizer = Callable[[Cluster, BriefRequest, Settings], SummaryResult]

(the alias is :data:`newsbrief.pipeline.Summarizer`). It receives the prepared cluster
(articles cleaned and segmented, copies screened out; every
:class:`Sentence` is a span of its article), the request (``words``, ``question``, ``since``,
...), and the settings, whose ``words`` is already the request's budget. It returns a
:class:`~newsbrief.records.SummaryResult`: the summary sentences in reading order, each citing
the span it came from (``SummarySentence.citation``, "also in" citations optional), within
``settings.words`` words, and notices for the reader (an empty summary must come with one that
says why). It raises :class:`~newsbrief.errors.NewsbriefError` subclasses for what the user can
act on. To add one, register it below with a path to its callable; the extractive entry
(:func:`newsbrief.summary.extractive.summarize`) is the default and the model to follow.
"""

from __future__ import annotations

from typing import Any

from newsbrief.registry import Registry

SUMMARIZERS: Registry[Any] = Registry("summarizer", "backend", "E213")
SUMMARIZERS.register(
    "extractive",
    "newsbrief.summary.extractive:summarize",
    "sentences of the articles, scored, chosen without repetition, cited; no model, offline",
)
SUMMARIZERS.register(
    "openai",
    "newsbrief.llm.summarizer:summarize",
    "the extractive sentences rewritten by an OpenAI-compatible server (llm_url, llm_model), "
    "each rewrite checked against the spans it cites; a failure gives the extractive brief",
)

REPRESENTATIONS: Registry[Any] = Registry("representation", "representation", "E205")
REPRESENTATIONS.register(
    "tfidf",
    "newsbrief.summary.represent:TfidfRepresentation",
    "TF-IDF fitted on the cluster's own sentences",
)

SCORERS: Registry[Any] = Registry("scorer", "scorer", "E209")
SCORERS.register(
    "blend",
    "newsbrief.summary.score:scores_blend",
    "the learned score beside the centroid prior (learned_weight); the default (issue 11)",
)
SCORERS.register(
    "auto",
    "newsbrief.summary.score:scores_auto",
    "the default before issue 11 (learned or centroid by cluster size), now read as blend",
)
SCORERS.register(
    "learned",
    "newsbrief.summary.score:scores_learned",
    "a linear model over sentence features, weights fitted on Multi-News training clusters",
)
SCORERS.register(
    "centroid",
    "newsbrief.summary.score:scores_centroid",
    "centrality blended with a position prior (position_weight); no learned weights",
)

SELECTIONS: Registry[Any] = Registry("selection", "selection", "E212")
SELECTIONS.register(
    "coverage",
    "newsbrief.summary.select:coverage_objective",
    "cover the heaviest concepts of the cluster within the budget (MMR when it has none)",
)
SELECTIONS.register(
    "mmr",
    "newsbrief.summary.select:MMR",
    "maximal marginal relevance: score less similarity to what is chosen (diversity_lambda)",
)

JUDGES: Registry[Any] = Registry("agreement judge", "agreement_judge", "E210")
JUDGES.register("rules", "newsbrief.analysis.agreement:RulesJudge", "rules, no model")
JUDGES.register(
    "nli",
    "newsbrief.analysis.agreement:NLIJudge",
    "an NLI model in a local folder (nli:/path/to/model; transformers; nothing is downloaded)",
    takes_argument=True,
)

FORMATS: Registry[Any] = Registry("output format", "format", "E206")
FORMATS.register("text", "newsbrief.render.text:render_text", "plain text")
FORMATS.register("md", "newsbrief.render.markdown:render_markdown", "Markdown")
FORMATS.register("markdown", "newsbrief.render.markdown:render_markdown", "Markdown (= md)")
FORMATS.register("json", "newsbrief.render.json:render_json", "the documented JSON")
FORMATS.register("html", "newsbrief.render.html:render_html", "one self-contained HTML page")

# The settings whose value names an entry of a table: load_settings checks each.
NAMED_SETTINGS: dict[str, Registry[Any]] = {
    "backend": SUMMARIZERS,
    "representation": REPRESENTATIONS,
    "scorer": SCORERS,
    "selection": SELECTIONS,
    "agreement_judge": JUDGES,
}
