"""The ``when`` condition language of checklists: our own small parser, never ``eval``.

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := operand (OP operand)?        OP: == != < <= > >= in startswith
    operand := ref | STRING | NUMBER | true | false | null | list | "(" expr ")"
    ref     := ("answer" | "device") "." NAME ("." NAME)*
    list    := "[" (operand ("," operand)*)? "]"

A parsed condition is a tree of small frozen dataclasses; ``compile_condition`` turns it into
a plain Python closure that the engine calls on every re-evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAX_LENGTH = 2000
MAX_DEPTH = 40


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``position`` is the 0-based offset in the text."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.message = message
        self.position = position


# --- the tree ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Ref:
    source: str  # "answer" | "device"
    path: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join((self.source, *self.path))


@dataclass(frozen=True)
class ListValue:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Node, ...]


Node = Literal | Ref | ListValue | Compare | Not | BoolOp

# --- tokens ------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<punct>[()\[\],.])
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)
    """,
    re.VERBOSE,
)
_WORD_OPS = {"in", "startswith"}
_KEYWORDS = {"and", "or", "not", "true", "false", "null", *_WORD_OPS}
_SOURCES = {"answer", "device"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    position: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ConditionError(f"unexpected character {text[position]!r}", position)
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(_Token(kind, match.group(), position))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


# --- parser ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def _advance(self) -> _Token:
        token = self.current
        self.index += 1
        return token

    def _is(self, kind: str, text: str | None = None) -> bool:
        token = self.current
        return token.kind == kind and (text is None or token.text == text)

    def _expect(self, kind: str, text: str) -> None:
        if not self._is(kind, text):
            found = self.current.text or "the end"
            raise ConditionError(f"expected {text!r} but found {found!r}", self.current.position)
        self._advance()

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError("condition is nested too deeply", self.current.position)

    def parse(self) -> Node:
        node = self._or()
        if not self._is("end"):
            raise ConditionError(f"unexpected {self.current.text!r}", self.current.position)
        return node

    def _or(self) -> Node:
        operands = [self._and()]
        while self._is("word", "or"):
            self._advance()
            operands.append(self._and())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def _and(self) -> Node:
        operands = [self._not()]
        while self._is("word", "and"):
            self._advance()
            operands.append(self._not())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def _not(self) -> Node:
        if self._is("word", "not"):
            self._advance()
            self._enter()
            node = Not(self._not())
            self.depth -= 1
            return node
        return self._compare()

    def _compare(self) -> Node:
        left = self._operand()
        token = self.current
        if token.kind == "op" or (token.kind == "word" and token.text in _WORD_OPS):
            self._advance()
            right = self._operand()
            if token.text == "in" and not isinstance(right, ListValue):
                raise ConditionError('\'in\' needs a list such as ["a", "b"]', token.position)
            if token.text == "startswith" and not (
                isinstance(right, Literal) and isinstance(right.value, str)
            ):
                raise ConditionError("'startswith' needs a string", token.position)
            return Compare(token.text, left, right)
        return left

    def _operand(self) -> Node:
        token = self.current
        if token.kind == "string":
            self._advance()
            return Literal(_unquote(token.text))
        if token.kind == "number":
            self._advance()
            return Literal(float(token.text) if "." in token.text else int(token.text))
        if token.kind == "punct" and token.text == "(":
            self._advance()
            self._enter()
            node = self._or()
            self.depth -= 1
            self._expect("punct", ")")
            return node
        if token.kind == "punct" and token.text == "[":
            return self._list()
        if token.kind == "word":
            if token.text in ("true", "false", "null"):
                self._advance()
                return Literal({"true": True, "false": False, "null": None}[token.text])
            if token.text in _SOURCES:
                return self._ref()
            if token.text in _KEYWORDS:
                raise ConditionError(f"{token.text!r} cannot stand here", token.position)
            raise ConditionError(
                f"unknown name {token.text!r}: write answer.ITEM or device.FIELD, or quote"
                " text in double quotes",
                token.position,
            )
        found = token.text or "the end"
        raise ConditionError(f"expected a value but found {found!r}", token.position)

    def _ref(self) -> Ref:
        source = self._advance().text
        path: list[str] = []
        while self._is("punct", "."):
            self._advance()
            if not self._is("word"):
                raise ConditionError(f"expected a name after '{source}.'", self.current.position)
            path.append(self._advance().text)
        if not path:
            raise ConditionError(f"'{source}' needs a name: {source}.NAME", self.current.position)
        return Ref(source, tuple(path))

    def _list(self) -> ListValue:
        self._advance()
        items: list[Node] = []
        while not self._is("punct", "]"):
            if items:
                self._expect("punct", ",")
            item = self._operand()
            if not isinstance(item, Literal):
                raise ConditionError("lists may hold only literal values", self.current.position)
            items.append(item)
        self._advance()
        return ListValue(tuple(items))


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def parse_condition(text: str) -> Node:
    """Parse a ``when`` condition. Raises ConditionError saying what and where."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be text", 0)
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition longer than {MAX_LENGTH} characters", MAX_LENGTH)
    if not text.strip():
        raise ConditionError("empty condition", 0)
    return _Parser(text).parse()


def references(node: Node) -> list[Ref]:
    """Every answer./device. reference in a condition, in order."""
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Compare):
        return references(node.left) + references(node.right)
    if isinstance(node, Not):
        return references(node.operand)
    if isinstance(node, BoolOp):
        return [ref for operand in node.operands for ref in references(operand)]
    return []


def comparisons(node: Node) -> list[Compare]:
    """Every comparison in a condition."""
    if isinstance(node, Compare):
        return [node]
    if isinstance(node, Not):
        return comparisons(node.operand)
    if isinstance(node, BoolOp):
        return [c for operand in node.operands for c in comparisons(operand)]
    return []


# --- evaluation --------------------------------------------------------------------------

Lookup = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]
Predicate = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def _compare(op: str, left: Any, right: Any) -> bool:
    if op == "==":
        return _equal(left, right)
    if op == "!=":
        return not _equal(left, right)
    if left is None or right is None:
        return False
    if op == "in":
        return any(_equal(left, item) for item in right)
    if op == "startswith":
        return isinstance(left, str) and left.startswith(right)
    a, b = _number(left), _number(right)
    if a is None or b is None:
        if isinstance(left, str) and isinstance(right, str):
            a, b = left, right  # type: ignore[assignment]  # ISO dates compare as text
        else:
            return False
    if op == "<":
        return a < b  # type: ignore[operator]
    if op == "<=":
        return a <= b  # type: ignore[operator]
    if op == ">":
        return a > b  # type: ignore[operator]
    return a >= b  # type: ignore[operator]


def _equal(left: Any, right: Any) -> bool:
    if left is None or right is None:
        return left is right
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return a == b
    return bool(left == right)


def _value(node: Node) -> Lookup:
    if isinstance(node, Literal):
        constant = node.value
        return lambda _answers, _device: constant
    if isinstance(node, ListValue):
        values = tuple(item.value for item in node.items if isinstance(item, Literal))
        return lambda _answers, _device: values
    if isinstance(node, Ref):
        key = ".".join(node.path)
        if node.source == "answer":
            return lambda answers, _device: answers.get(key)
        return lambda _answers, device: device.get(key)
    predicate = compile_condition(node)
    return lambda answers, device: predicate(answers, device)


def compile_condition(node: Node) -> Predicate:
    """A closure ``(answers, device) -> bool`` for a parsed condition.

    ``answers`` maps item ids to answer values (``"pass"``/``"fail"``/``"na"``, numbers,
    choice ids, text); ``device`` maps field and attribute names to values. Missing keys
    are ``null``.
    """
    if isinstance(node, Compare):
        op, left, right = node.op, _value(node.left), _value(node.right)
        return lambda answers, device: _compare(op, left(answers, device), right(answers, device))
    if isinstance(node, Not):
        inner = compile_condition(node.operand)
        return lambda answers, device: not inner(answers, device)
    if isinstance(node, BoolOp):
        parts: Sequence[Predicate] = [compile_condition(op) for op in node.operands]
        if node.op == "and":
            return lambda answers, device: all(p(answers, device) for p in parts)
        return lambda answers, device: any(p(answers, device) for p in parts)
    value = _value(node)
    return lambda answers, device: bool(value(answers, device))
