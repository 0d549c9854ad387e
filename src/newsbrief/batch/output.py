"""The output file of ``newsbrief batch``: one writer at a time, and only our own lines count.

- **One writer**: the run holds an advisory lock (``fcntl.flock``, exclusive, non-blocking) on
  ``OUT`` itself from before it reads it until it ends; a second run on the same file fails at
  once (``E712``) instead of appending a second copy of every brief. The lock goes with the
  process, so a run killed with SIGKILL leaves nothing to clean up. It is advisory: it stops
  another newsbrief, not an editor, and on a network file system it is only as good as the
  server's ``flock`` support. Where ``fcntl`` does not exist (Windows) there is no lock and the
  run says so.
- **Our lines only**: a brief line starts ``{"id": "<id>", "schema": "newsbrief.brief/N", ``
  (the brief JSON with the cluster id first). Resume counts an id as done only from such a
  line. Any other complete line means the file is not ours (``E707``): nothing is appended to
  someone else's file, and the input file given as ``--out`` is not taken as finished work.
  ``OUT`` equal to the input or to the errors file is refused before anything is opened for
  writing (``E713``).
- **Torn last line**: a last line without its newline is dropped only if it can be the start of
  a brief line (a machine stopped inside its single write); otherwise the file is not ours.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO

from newsbrief.errors import InputError, NewsbriefError

SCHEMA_PREFIX = b'"schema": "newsbrief.brief/'
BRIEF_LINE = re.compile(rb'^\{"id": ("(?:[^"\\]|\\.)*"), ' + re.escape(SCHEMA_PREFIX) + rb"\d")
_OPENING = b'{"id": "'
_ID_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_AFTER_ID = b", " + SCHEMA_PREFIX


def refuse_same_files(source: Path, out: Path, errors: Path) -> None:
    """``E713`` if OUT is the input or the errors file (same path, or the same file by link)."""
    for other, what in ((source, "the input"), (errors, "the errors file")):
        if _same(out, other):
            raise InputError(
                f"{out} is {what}: the briefs would overwrite or append to it",
                hint="give --out a file of its own",
                code="E713",
            )
    if _same(errors, source):
        raise InputError(
            f"{errors} is the input: the errors file would overwrite it",
            hint="give --errors a file of its own",
            code="E713",
        )


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        return False
    return a.resolve() == b.resolve()


def open_locked(out: Path) -> tuple[IO[bytes], str | None]:
    """OUT opened for appending, with this process's exclusive lock on it, and a notice if the
    platform has no ``flock`` (then the run goes on unlocked)."""
    try:
        handle = out.open("ab")
    except OSError as exc:
        raise NewsbriefError(f"cannot write {out}: {exc.strerror}", code="E711") from None
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock to take
        return handle, f"{out} is not locked on this platform: do not run two batches on it"
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise NewsbriefError(
            f"{out} is being written by another newsbrief batch run",
            hint="wait for it to finish (then re-run to resume), or give another --out",
            code="E712",
        ) from None
    except OSError as exc:  # a file system without locks: say so, do not guess
        handle.close()
        raise NewsbriefError(f"cannot lock {out}: {exc.strerror}", code="E712") from None
    return handle, None


def read_done(out: Path) -> tuple[set[str], int]:
    """Ids already briefed in ``out``, after cutting a torn last line (and its byte count)."""
    if not out.exists():
        return set(), 0
    done: set[str] = set()
    kept = 0
    try:
        with out.open("rb+") as handle:
            for number, raw in enumerate(handle, 1):
                complete = raw.endswith(b"\n")
                brief_id = brief_line_id(raw) if complete else None
                if brief_id is None:
                    if complete or handle.read(1) or not could_be_torn_brief(raw):
                        raise InputError(
                            f"{out}, line {number}: not a brief line of newsbrief batch",
                            hint="give a new --out file, or remove the line",
                            code="E707",
                        )
                    break
                done.add(brief_id)
                kept += len(raw)
            dropped = handle.seek(0, 2) - kept
            if dropped:
                handle.truncate(kept)
    except OSError as exc:
        raise NewsbriefError(f"cannot resume {out}: {exc.strerror}", code="E708") from None
    return done, dropped


def brief_line_id(raw: bytes) -> str | None:
    """The cluster id of a complete brief line that newsbrief batch wrote, else ``None``."""
    match = BRIEF_LINE.match(raw)
    if not match:
        return None
    try:  # only the id is parsed: resuming a large OUT reads each line's prefix alone
        return str(json.loads(match.group(1)))
    except (ValueError, UnicodeDecodeError):
        return None


def could_be_torn_brief(raw: bytes) -> bool:
    """Whether ``raw`` (a last line without its newline) can be the start of a brief line."""
    if len(raw) <= len(_OPENING):
        return _OPENING.startswith(raw)
    if not raw.startswith(_OPENING):
        return False
    closed = _ID_STRING.match(raw, len(_OPENING) - 1)
    if closed is None:
        return True  # cut inside the id
    rest = raw[closed.end() :]
    return _AFTER_ID.startswith(rest) or rest.startswith(_AFTER_ID)
