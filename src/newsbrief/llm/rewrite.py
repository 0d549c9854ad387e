"""Run the openai backend: rewrite the extractive summary, keep only what the check passes.

The extractive pipeline has chosen, ordered and cited the summary sentences; they go to the
model as ``S1``…``Sn`` (as many as fit in ``llm_max_prompt_chars``). Each sentence of the answer
cites some of them; it is kept only if the grounding check (:mod:`newsbrief.llm.grounding`)
passes against the text of exactly those spans, and then cites them (``checked``). A sentence
that fails is replaced by the source sentences it was made from, marked ``kept`` with the
reason. Source sentences the model did not use are left out (it was asked to condense); those
not sent at all stay as they are. The units are then taken in order while they fit the word
budget, so the budget holds whatever the model wrote.

Failure of the server or of the answer's form gives the extractive summary (every sentence
``kept``, with the reason) and a one-line notice; with ``strict`` it raises the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsbrief.llm.client import ChatClient, LLMError
from newsbrief.llm.grounding import Verdict, check
from newsbrief.llm.prompt import Draft, answer_schema, build_messages, fit_sources, parse_answer
from newsbrief.records import Citation, Notice, SummarySentence
from newsbrief.settings import Settings


def client_for(settings: Settings) -> ChatClient:
    """The chat client the settings describe."""
    return ChatClient(
        settings.llm_url,
        settings.llm_model,
        timeout=settings.llm_timeout,
        retries=settings.llm_retries,
        max_tokens=settings.llm_max_tokens,
    )


def _kept(sentence: SummarySentence, why: str) -> SummarySentence:
    return replace(sentence, origin="kept", checked=(), verdict=why)


def rewrite(
    extractive: Sequence[SummarySentence], settings: Settings, client: ChatClient | None = None
) -> tuple[list[SummarySentence], list[Notice]]:
    """The summary with checked rewrites, and the notices saying what happened."""
    if not extractive:
        return [], []
    texts = [s.text for s in extractive]
    sent = fit_sources(texts, settings.llm_max_prompt_chars)
    try:
        if sent == 0:
            raise LLMError(
                f"not even one sentence fits in llm_max_prompt_chars="
                f"{settings.llm_max_prompt_chars}",
                code="E723",
            )
        schema = answer_schema(sent) if settings.llm_json_schema else None
        answer = (client or client_for(settings)).complete(
            build_messages(texts[:sent], settings.words), schema
        )
        drafts = parse_answer(answer, sent)
    except LLMError as exc:
        if settings.strict:
            raise
        why = f"the openai backend failed: {exc.message}"
        notice = Notice("llm-fallback", f"{why}; this brief is extractive")
        return [_kept(s, why) for s in extractive], [notice]
    verdicts = [check(d.text, [texts[i] for i in d.ids], settings.llm_min_coverage) for d in drafts]
    rewritten_ids = {i for d, v in zip(drafts, verdicts, strict=True) if v.passed for i in d.ids}
    # Each unit is a rewritten sentence or the id of a source sentence standing in for failed
    # rewrites (once, where the first of them was; with every failed rewrite's reason).
    units: list[SummarySentence | int] = []
    reasons: dict[int, list[str]] = {}
    for draft, verdict in zip(drafts, verdicts, strict=True):
        if verdict.passed:
            units.append(_rewritten(draft.text, [extractive[i] for i in draft.ids]))
            continue
        for i in draft.ids:
            if i in rewritten_ids:
                continue
            if i not in reasons:
                units.append(i)
            reasons.setdefault(i, [])
            if verdict.reason not in reasons[i]:
                reasons[i].append(verdict.reason)
    summary_units = [
        [u]
        if isinstance(u, SummarySentence)
        else [_kept(extractive[u], "the rewrite was rejected: " + "; ".join(reasons[u]))]
        for u in units
    ]
    unsent = [
        _kept(s, "not sent: the prompt size limit (llm_max_prompt_chars)")
        for s in extractive[sent:]
    ]
    summary_units += [[s] for s in unsent]
    summary, over = _fit(summary_units, settings.words)
    return summary, [_summary_notice(summary, drafts, verdicts, over, settings)]


def _rewritten(text: str, sources: Sequence[SummarySentence]) -> SummarySentence:
    checked = tuple(s.citation for s in sources)
    also: list[Citation] = []
    for source in sources:
        also += [c for c in source.also_in if c not in checked and c not in also]
    return SummarySentence(
        text,
        checked[0],
        tuple(also),
        max(s.score for s in sources),
        origin="rewritten",
        checked=checked,
        verdict="passed",
    )


def _fit(units: Sequence[list[SummarySentence]], words: int) -> tuple[list[SummarySentence], int]:
    """Units in order while they fit in ``words`` (one that does not is skipped); how many were
    skipped."""
    kept: list[SummarySentence] = []
    used = skipped = 0
    for unit in units:
        size = sum(len(s.text.split()) for s in unit)
        if used + size > words:
            skipped += 1
            continue
        kept += unit
        used += size
    return kept, skipped


def _summary_notice(
    summary: Sequence[SummarySentence],
    drafts: Sequence[Draft],
    verdicts: Sequence[Verdict],
    over: int,
    settings: Settings,
) -> Notice:
    rewritten = sum(s.origin == "rewritten" for s in summary)
    rejected = sum(not v.passed for v in verdicts)
    parts = [
        f"{rewritten} sentence(s) rewritten by {settings.llm_model or 'the model'} and checked "
        f"against the sentences they cite",
        f"{sum(s.origin == 'kept' for s in summary)} kept as written",
    ]
    if rejected:
        parts.append(f"{rejected} of {len(drafts)} rewrite(s) rejected by the check")
    if over:
        parts.append(f"{over} left out to keep within {settings.words} words")
    return Notice("llm-rewrite", "; ".join(parts))
