"""blingfire's sentence splitter, called with an output buffer kept per thread.

``blingfire.text_to_sentences`` allocates and zero-fills a fresh buffer of twice the input's
size on every call, which cost as much as the split itself on the short blocks a brief hands it
(one per paragraph). :func:`text_to_sentences` makes the same native call with the same size
limit and reads the result the same way, so its output is the same string, byte for byte.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

_LOCAL = threading.local()


def text_to_sentences(blingfire: Any, text: str) -> str:
    """What ``blingfire.text_to_sentences(text)`` returns: the sentences, one a line."""
    data = text.encode("utf-8")
    limit = len(data) * 2  # blingfire's own output limit: the result is '' beyond it
    buffer = getattr(_LOCAL, "buffer", None)
    if buffer is None or len(buffer) < limit:
        buffer = ctypes.create_string_buffer(max(limit, 4096))
        _LOCAL.buffer = buffer
    written = blingfire.blingfire.TextToSentences(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(buffer), ctypes.c_int(limit)
    )
    if written == -1 or written > limit:
        return ""
    # The library ends its output with a zero byte, counted in ``written``; a fresh zeroed
    # buffer read up to its first zero gives exactly these bytes.
    return ctypes.string_at(buffer, written).partition(b"\0")[0].decode("utf-8")
