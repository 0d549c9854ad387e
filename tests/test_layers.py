"""The folder-per-layer layout holds: a layer imports only the layers below it.

Read from the source (every ``import``, also inside functions and under TYPE_CHECKING), so a
lazy import cannot hide an upward arrow.
"""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

SRC = ROOT / "src"

# What each part of the package may import from newsbrief (besides itself). The edges (cli,
# service, batch, evaluate) and the entry point may import anything below them.
ALLOWED = {
    "newsbrief.errors": set(),
    "newsbrief.codes": set(),
    "newsbrief.records": set(),
    "newsbrief.registry": {"newsbrief.errors"},
    "newsbrief.choices": {"newsbrief.registry"},
    "newsbrief.settings": {"newsbrief.errors", "newsbrief.choices"},
    "newsbrief.ingest": {"newsbrief.errors", "newsbrief.records", "newsbrief.settings"},
    "newsbrief.summary": {
        "newsbrief.errors",
        "newsbrief.records",
        "newsbrief.settings",
        "newsbrief.choices",
    },
    "newsbrief.analysis": {
        "newsbrief.errors",
        "newsbrief.records",
        "newsbrief.settings",
        "newsbrief.choices",
        "newsbrief.summary",  # agreement reuses the sentence representation
    },
    "newsbrief.render": {
        "newsbrief.errors",
        "newsbrief.records",
        "newsbrief.choices",
        "newsbrief.summary",  # --explain names the scorer that ran
    },
}
EDGES = ("newsbrief.cli", "newsbrief.service", "newsbrief.batch", "newsbrief.evaluate")


def part_of(module: str) -> str:
    """``newsbrief.summary.select`` → ``newsbrief.summary``; top-level modules are parts."""
    return ".".join(module.split(".")[:2])


def imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (SRC / "newsbrief").rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                names |= {f"{base}.{a.name}" if base == "newsbrief" else base for a in node.names}
            elif isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
        found[module] = {n for n in names if n.startswith("newsbrief.")}
    return found


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below(part: str) -> None:
    wrong = {
        module: sorted(p for p in map(part_of, used) if p != part and p not in ALLOWED[part])
        for module, used in imports().items()
        if part_of(module) == part
    }
    assert not {m: w for m, w in wrong.items() if w}, wrong


def test_nothing_below_the_edges_imports_an_edge() -> None:
    below = [m for m in imports() if part_of(m) not in (*EDGES, "newsbrief.pipeline")]
    below = [m for m in below if m != "newsbrief"]  # the package's lazy public API
    offenders = {
        m: sorted(u for u in imports()[m] if part_of(u) in (*EDGES, "newsbrief.pipeline"))
        for m in below
    }
    assert not {m: u for m, u in offenders.items() if u}, offenders
