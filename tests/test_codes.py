"""The error-code table: every code once, every code raised in src/ in it, the docs in step."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from conftest import ROOT

from newsbrief.codes import CODES, markdown

SRC = ROOT / "src" / "newsbrief"
TABLE = SRC / "codes.py"
# A code as a string ("E204") or at the head of a message written by hand ("[E113] ...").
CODE = re.compile(r"""(?<=["'\[])(E\d{3})(?=["'\]])""")


def test_every_code_is_in_the_table_once() -> None:
    tree = ast.parse(TABLE.read_text())
    literal = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "CODES"
    )
    assert isinstance(literal, ast.Dict)
    keys = [k.value for k in literal.keys if isinstance(k, ast.Constant)]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    assert not repeated, f"codes in the table twice: {repeated}"
    assert all(re.fullmatch(r"E\d{3}", k) for k in keys) and keys == sorted(keys)
    assert all(meaning and "\n" not in meaning for meaning in CODES.values())


def test_every_code_raised_in_src_is_in_the_table() -> None:
    used: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        if path == TABLE:
            continue
        for code in CODE.findall(path.read_text()):
            used.setdefault(code, []).append(path.relative_to(SRC).as_posix())
    missing = {code: where for code, where in used.items() if code not in CODES}
    assert not missing, f"codes raised but not in newsbrief/codes.py: {missing}"
    unused = sorted(set(CODES) - set(used))
    assert not unused, f"codes in the table that nothing raises: {unused}"


def test_the_docs_list_the_table() -> None:
    assert (ROOT / "docs" / "errors.md").read_text() == markdown()
    out = subprocess.run(
        [sys.executable, "-m", "newsbrief.codes"], capture_output=True, text=True, check=True
    )
    assert out.stdout == markdown()
