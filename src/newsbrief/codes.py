"""Every error code, once, with what it means: the table the CLI, service and docs share.

A code is stable: scripts may match on it. Families: E1xx input, E2xx settings and names,
E3xx evaluation, E4xx optional parts, E6xx the service, E7xx batch and grouping, E8xx the
openai backend. An error
raised without a code of its own takes its family's (E000, E100, E200, E401, E602).
``python -m newsbrief.codes`` prints the table as Markdown (docs/errors.md is that output);
``tests/test_codes.py`` checks every code raised in ``src/`` is here, and here once.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E000": "an error without a more specific code",
    # input (E1xx)
    "E100": "the input cannot be read (no more specific code)",
    "E101": "no such file or directory",
    "E102": "a directory holds no readable article",
    "E103": "a file or stream cannot be read (permissions, a broken gzip stream)",
    "E104": "a file is over the size limit (max_file_bytes, --max-bytes)",
    "E105": "a .json or .jsonl input is not valid JSON",
    "E106": "one input file holds several clusters; a brief summarizes one",
    "E107": "a JSON article or cluster has the wrong shape (no 'text', 'documents' not a list)",
    "E108": "no article with text is left to summarize",
    "E109": "no sentence is left to summarize after cleaning",
    "E110": "a Python value given as an article is not text, an Article or a dict",
    "E111": "standard input (-) is empty",
    "E112": "standard input (-) cannot be read (it is closed)",
    "E113": "the brief cannot be written to standard output (closed, a broken pipe, a full disk)",
    "E114": "the earlier articles (--since, since=) hold no article with text",
    "E115": "every article given is also among the earlier articles (--since, since=)",
    "E116": "the question is over 2000 characters long",
    # settings and names (E2xx)
    "E200": "a setting cannot be used (no more specific code)",
    "E201": "a setting has the wrong type",
    "E202": "the settings file cannot be read or is not valid TOML",
    "E203": "an unknown setting name",
    "E204": "the word budget is not a whole number of at least 1",
    "E205": "an unknown representation",
    "E206": "an unknown output format",
    "E207": "an unknown section",
    "E209": "an unknown scorer",
    "E210": "an unknown agreement judge",
    "E211": "a share is outside [0, 1], or a count below 1",
    "E212": "an unknown selection",
    "E213": "an unknown summarizer (backend)",
    "E214": "llm_url is not an http:// or https:// URL (the openai backend)",
    # evaluation (E3xx)
    "E300": "a package the evaluation needs is not installed",
    "E301": "no reference summary to score against",
    "E302": "no scores to average",
    "E303": "an unknown system to evaluate",
    "E304": "no cluster was scored",
    "E305": "the evaluation's output file cannot be written",
    "E310": "an evaluation line is not valid JSON",
    "E311": "an evaluation line is not a JSON object",
    "E312": "an evaluation cluster's 'documents' is not a list of texts",
    "E313": "an evaluation cluster has no usable reference summary field",
    "E314": "an evaluation cluster's reference summary is empty",
    "E315": "a JSON Lines file cannot be read (not UTF-8, cut short)",
    "E316": "eval --topic: a cluster has no topic (question, query_title, title)",
    "E317": "eval --set/--since-set: a cluster has no such set, or sets but none was picked",
    # optional parts (E4xx)
    "E401": "an optional part was asked for but its packages (or model) are not installed",
    # the service (E6xx)
    "E600": "the service's internal error (never caused by bad input)",
    "E601": "the request body is not valid JSON",
    "E602": "the request has wrong fields or types",
    "E603": "the request's content type is neither JSON nor multipart/form-data",
    "E604": "no such path",
    "E605": "the method is not allowed on this path",
    "E606": "a malformed request the server could not parse (a broken multipart body, a bad "
    "Content-Length header)",
    "E610": "the request body is over the server's size limit",
    "E611": "more articles or files than the server's limit",
    "E612": "an article or file is over the server's length limit",
    "E613": "the word budget is over the server's limit",
    "E620": "the brief took longer than the server's time limit",
    "E621": "the server is busy or shutting down",
    "E631": "an unknown section in a service request",
    "E640": "a service limit has an unusable value",
    # batch and grouping (E7xx)
    "E701": "an unknown batch engine",
    "E702": "--scheduler without --engine dask",
    "E703": "a batch worker process died",
    "E704": "a batch task was lost (its worker died or it was killed); that cluster fails",
    "E705": "--engine dask without dask.distributed installed",
    "E706": "the Dask scheduler cannot be reached",
    "E707": "OUT holds a line newsbrief batch did not write",
    "E708": "OUT cannot be read to resume",
    "E709": "a batch input line is not a cluster",
    "E710": "a batch input line repeats an id",
    "E711": "an output file cannot be written",
    "E712": "OUT is locked by another batch run, or cannot be locked",
    "E713": "OUT or the errors file is the input (or each other)",
    "E714": "a cluster is over the batch's per-cluster limit (characters or seconds)",
    "E799": "an unexpected error briefing one cluster of a batch (a bug; the run goes on)",
    # the openai backend (E8xx): with --strict these are errors; without, the extractive brief
    # and a notice
    "E800": "the chat server cannot be reached, timed out, or answered an HTTP error",
    "E801": "the chat server's answer is not a chat completion, is empty, or was cut off at "
    "llm_max_tokens",
    "E802": "the model's answer is not the asked-for JSON, or cites an id it was not given",
    "E803": "not even one sentence fits in llm_max_prompt_chars",
}


def markdown() -> str:
    """The table as Markdown (docs/errors.md)."""
    rows = [f"| `{code}` | {meaning} |" for code, meaning in CODES.items()]
    head = [
        "# Error codes",
        "",
        "Every error newsbrief reports carries one of these codes (`[E204] ...` on the command",
        'line, `{"error": {"code": ...}}` from the service, the `code` of a batch errors line).',
        "Generated by `python -m newsbrief.codes`; the source is `src/newsbrief/codes.py`.",
        "",
        "| code | meaning |",
        "| --- | --- |",
    ]
    return "\n".join(head + rows) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
