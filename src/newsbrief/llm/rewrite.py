"""Run the openai backend: rewrite the extractive summary, keep only what the check passes.

The extractive pipeline has chosen, ordered and cited the summary sentences; they go to the
model as ``S1``…``Sn`` (as many as fit in ``llm_max_prompt_chars``). Each sentence of the answer
cites some of them; it is kept only if it is a sentence (not a fragment or a repeat) and the
grounding check (:mod:`newsbrief.llm.grounding`) passes against the text of exactly those
spans; it then replaces them, where the first of them stood, and cites them (``checked``),
provided it carries at least 40% of the content words of each (else it would silently delete
one) and no earlier kept rewrite replaces one of them (else a fact would be told twice).
Every source sentence no kept rewrite replaces stays as written, marked ``kept`` with the
reason (its rewrites failed the check, the model did not use it, or it was not sent). The
sentences are then taken in order while they fit the word budget, so the budget holds
whatever the model wrote.

Failure of the server or of the answer's form gives the extractive summary (every sentence
``kept``, with the reason) and a one-line notice; with ``strict`` it raises the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsbrief.llm.client import ChatClient, LLMError
from newsbrief.llm.grounding import Verdict, check, share_covered
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


def rewrite_summary(
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
                code="E803",
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
    verdicts = judge(drafts, texts, settings)
    # The brief keeps the extractive order: a passed rewrite stands where the first sentence it
    # cites stood and replaces every sentence it cites; any other sentence stays as written,
    # with the reasons of the rewrites of it that failed (or "not used").
    verdicts = _replacements(drafts, verdicts, texts)
    passed = [(min(d.ids), d) for d, v in zip(drafts, verdicts, strict=True) if v.passed]
    covered = {i for _, d in passed for i in d.ids}
    reasons: dict[int, list[str]] = {}
    for draft, verdict in zip(drafts, verdicts, strict=True):
        for i in draft.ids:
            if not verdict.passed and verdict.reason not in reasons.setdefault(i, []):
                reasons[i].append(verdict.reason)
    summary_units: list[list[SummarySentence]] = []
    for i, source in enumerate(extractive):
        summary_units += [
            [_rewritten(d.text, [extractive[j] for j in d.ids])]
            for first, d in passed
            if first == i
        ]
        if i in covered:
            continue
        if i >= sent:
            why = "not sent: the prompt size limit (llm_max_prompt_chars)"
        elif reasons.get(i):
            why = "the rewrite was rejected: " + "; ".join(reasons[i])
        else:
            why = "not used in the model's answer"
        summary_units.append([_kept(source, why)])
    summary, over = _fit(summary_units, settings.words)
    return summary, [_summary_notice(summary, drafts, verdicts, over, settings)]


ENDINGS = (".", "!", "?", '"', "'", "”", "’")


def judge(drafts: Sequence[Draft], texts: Sequence[str], settings: Settings) -> list[Verdict]:
    """The verdict on each draft: a fragment (fewer than ``min_sentence_words`` words, or no
    final stop) or a repeat of an earlier draft is rejected as such; any other is checked
    against the texts of the sentences it cites (:func:`newsbrief.llm.grounding.check`)."""
    verdicts, seen = [], set()
    for draft in drafts:
        key = " ".join(draft.text.lower().split())
        if len(draft.text.split()) < settings.min_sentence_words or not key.endswith(ENDINGS):
            verdicts.append(Verdict(False, "a fragment, not a sentence", 0.0))
        elif key in seen:
            verdicts.append(Verdict(False, "repeats an earlier sentence", 0.0))
        else:
            sources = [texts[i] for i in draft.ids]
            verdicts.append(check(draft.text, sources, settings.llm_min_coverage))
        seen.add(key)
    return verdicts


# 0.4, not 0.5: a faithful rewrite that compresses a long sentence (the page test's Harbor Bridge
# closure, 46%) carries less than half; a copy of another sentence carries 0–20%.
REPLACE_MIN_SHARE = 0.4


def _replacements(
    drafts: Sequence[Draft], verdicts: Sequence[Verdict], texts: Sequence[str]
) -> list[Verdict]:
    """The verdicts with two more reasons to set a passed draft aside, since a kept rewrite
    replaces every sentence it cites: it carries less than :data:`REPLACE_MIN_SHARE` of the
    content words of a sentence it cites (a copy of S1 citing S1 and S3 would delete S3), or
    an earlier kept draft already replaces one of those sentences (no fact twice)."""
    result: list[Verdict] = []
    replaced: set[int] = set()
    for draft, verdict in zip(drafts, verdicts, strict=True):
        if verdict.passed:
            if any(share_covered(texts[i], draft.text) < REPLACE_MIN_SHARE for i in draft.ids):
                verdict = Verdict(False, "leaves out most of a sentence it cites", verdict.coverage)
            elif replaced & set(draft.ids):
                verdict = Verdict(
                    False, "rewrites a sentence an earlier rewrite replaces", verdict.coverage
                )
            else:
                replaced |= set(draft.ids)
        result.append(verdict)
    return result


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
