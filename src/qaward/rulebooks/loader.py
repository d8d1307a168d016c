"""Load rulebook YAML files into validated :class:`Rulebook` objects with plain-words errors.

An error names the file, the YAML path (``tiers.award.quota``) and the line, so an office author
can find the mistake without reading a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .schema import Rulebook

BOOKS_DIR = Path(__file__).parent / "books"

_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键（拼写错误？）",
    "literal_error": "取值不在允许范围内",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "greater_than_equal": "数值太小",
    "string_pattern_mismatch": "格式不对",
    "dict_type": "应为键值映射",
    "tuple_type": "应为列表",
}


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '（顶层）'}: {self.message}"


class RulebookError(Exception):
    """Raised with every problem found in one file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _node_at(root: yaml.Node | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    """Walk the composed YAML tree along a pydantic error location; stop at the deepest match."""
    node = root
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                # an unknown key: point at the key itself
                key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                return key_node or node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def _message(error: dict[str, Any]) -> str:
    if error["type"] in ("value_error", "assertion_error"):
        return str(error["msg"]).removeprefix("Value error, ")
    plain = _PYDANTIC_MESSAGES.get(error["type"])
    received = error.get("input")
    shown = "" if isinstance(received, dict | list) else f"（实际为 {received!r}）"
    return f"{plain}{shown}" if plain else str(error["msg"])


def parse_rulebook(text: str, filename: str = "<rulebook>") -> Rulebook:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise RulebookError([Problem(filename, "", line, f"YAML 语法错误：{exc}")]) from exc
    if not isinstance(data, dict):
        raise RulebookError([Problem(filename, "", 1, "文件应为一个键值映射（id、title、……）")])
    try:
        return Rulebook.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            # pydantic inserts union/validator names into loc; keep only real keys and indexes
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
            node = _node_at(root, loc)
            line = node.start_mark.line + 1 if node is not None else None
            path = ".".join(str(p) for p in loc)
            problems.append(Problem(filename, path, line, _message(error)))
        raise RulebookError(problems) from None


def load_file(path: Path) -> Rulebook:
    rulebook = parse_rulebook(path.read_text(encoding="utf-8"), filename=str(path.name))
    if rulebook.id != path.stem:
        raise RulebookError([Problem(path.name, "id", 1, f"id“{rulebook.id}”必须与文件名“{path.stem}”一致")])
    return rulebook


def book_paths(directory: Path = BOOKS_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml"))
