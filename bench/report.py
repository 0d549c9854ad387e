"""What every benchmark shares: the machine's description and its section of docs/benchmarks.md.

Each benchmark owns one section, between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``;
writing it leaves every other section as it is.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def machine() -> str:
    """CPU model, cores, OS and Python version of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"


def write_section(name: str, section: str) -> None:
    """Put ``section`` (markers included) in place of the section ``name``, or append it."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    assert section.startswith(start) and section.rstrip().endswith(end), "markers missing"
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(current, encoding="utf-8")
