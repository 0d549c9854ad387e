"""The optional openai backend: an LLM rewrites the extractive summary, a check keeps it honest.

Imported only when ``backend = "openai"`` is chosen (see :func:`newsbrief.pipeline.summarize`).
``client`` speaks the OpenAI-compatible chat API, ``prompt`` asks for JSON sentences citing the
source ids, ``grounding`` checks each sentence against what it cites, ``rewrite`` runs it all.
"""

from newsbrief.llm.client import ChatClient, LLMError
from newsbrief.llm.grounding import Verdict, check
from newsbrief.llm.prompt import FormatError
from newsbrief.llm.rewrite import rewrite_summary

__all__ = ["ChatClient", "FormatError", "LLMError", "Verdict", "check", "rewrite_summary"]
