"""The pure packages must not import Django: they are reused by the CLI, benchmarks and tests."""

import ast
from pathlib import Path

import pytest

import qaward

pytestmark = pytest.mark.unit

ROOT = Path(qaward.__file__).parent
PURE = ["rulebooks", "workdays", "identifiers", "matching", "scoring"]


@pytest.mark.parametrize("package", PURE)
def test_pure_package_imports_no_django(package):
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("django", "rules")]
    assert not offenders
