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
# The library's TextToSentences(const char *in, int in_size, char *out, int out_size) -> int,
# as a function object of our own with its argument types declared: ctypes then converts the
# arguments in C, not through a c_char_p and three c_int objects made in Python on every call
# (blingfire's own function object is left as it is).
_PROTOTYPE = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int
)


def text_to_sentences(blingfire: Any, text: str) -> str:
    """What ``blingfire.text_to_sentences(text)`` returns: the sentences, one a line."""
    data = text.encode("utf-8")
    limit = len(data) * 2  # blingfire's own output limit: the result is '' beyond it
    buffer = getattr(_LOCAL, "buffer", None)
    if buffer is None or len(buffer) < limit:
        buffer = ctypes.create_string_buffer(max(limit, 4096))
        _LOCAL.buffer = buffer
    split = getattr(_LOCAL, "split", None)
    if split is None:
        split = _LOCAL.split = _PROTOTYPE(("TextToSentences", blingfire.blingfire))
    written = split(data, len(data), buffer, limit)
    if written == -1 or written > limit:
        return ""
    # The library ends its output with a zero byte, counted in ``written``; a fresh zeroed
    # buffer read up to its first zero gives exactly these bytes (a slice of a c_char array
    # is bytes).
    output: bytes = buffer[:written]  # type: ignore[assignment]  # c_char slices are bytes
    return output.partition(b"\0")[0].decode("utf-8")
