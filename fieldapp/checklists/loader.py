"""Reading checklists strictly: YAML (safe), the JSON schema, then the rules a schema cannot
say (unique ids, conditions and what they refer to, kinds and their keys, retired and
renamed items). Every problem names the file, the line and the item.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from fieldapp.checklists.conditions import (
    ConditionError,
    Node,
    comparisons,
    compile_condition,
    parse_condition,
    references,
)
from fieldapp.checklists.model import (
    Checklist,
    Choice,
    FindingTemplate,
    Item,
    LocalText,
    Section,
)
from fieldapp.errors import UserError
from fieldapp.paths import forms_dir

MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a checklist file."""

    file: str
    line: int
    where: str  # "item EL-REG-02", "section registration", "checklist"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ChecklistInvalid(UserError):
    """A checklist file has problems; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --- YAML with line numbers and no duplicate keys ------------------------------------------


class _Map(dict[str, Any]):
    line = 0
    key_lines: dict[str, int]


class _Seq(list[Any]):
    line = 0


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loading that keeps line numbers, refuses duplicate keys and keeps dates as text."""


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Map:
    mapping = _Map()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            raise _DuplicateKey(
                None,
                None,
                f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Seq:
    sequence = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical_body(data: Any) -> str:
    """The content as canonical JSON: the same content always gives the same text."""
    return json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- the schema --------------------------------------------------------------------------


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((forms_dir() / "schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _line_of(data: Any, path: Sequence[Any]) -> int:
    """The line of the deepest node along ``path`` that knows its line."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, _Map) and isinstance(step, str):
            line = node.key_lines.get(step, line)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            break
        line = getattr(node, "line", line)
    return line


def _where(data: Any, path: Sequence[Any]) -> str:
    node = data
    where = "checklist"
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            if "items" in node:
                where = f"section {node['id']}"
            elif "text" in node:
                where = f"item {node['id']}"
    return where


# --- semantic checks ---------------------------------------------------------------------

_ITEM_KIND_KEYS = {
    "unit": {"number"},
    "range": {"number"},
    "limits": {"number"},
    "choices": {"choice"},
    "finding": {"check", "number", "choice"},
}


class _Checker:
    def __init__(self, file: str, data: _Map) -> None:
        self.file = file
        self.data = data
        self.problems: list[Problem] = []
        self.items: dict[str, _Map] = {}
        self.duplicates: list[_Map] = []  # items whose id was already taken: not checked further
        self.conditions: dict[str, Node] = {}  # "item X" / "section s" -> parsed

    def add(self, node: Any, where: str, message: str, key: str | None = None) -> None:
        line = getattr(node, "line", 0)
        if key is not None and isinstance(node, _Map):
            line = node.key_lines.get(key, line)
        self.problems.append(Problem(self.file, line, where, message))

    def run(self) -> list[Problem]:
        data = self.data
        scope = data["scope"]
        if scope == "equipment" and "applies_to" not in data:
            self.add(
                data,
                "checklist",
                "an equipment checklist needs applies_to (catalogue codes)",
                "scope",
            )
        if scope == "unit" and "applies_to" in data:
            self.add(
                data,
                "checklist",
                "a unit checklist applies to the unit: remove applies_to",
                "applies_to",
            )
        if scope == "unit" and "campaign" in data:
            self.add(data, "checklist", "campaign checklists are equipment checklists", "campaign")
        self._check_catalogue_codes()
        section_ids: set[str] = set()
        for section in data["sections"]:
            if section["id"] in section_ids:
                self.add(section, f"section {section['id']}", "duplicate section id", "id")
            section_ids.add(section["id"])
            for item in section["items"]:
                self._check_item(item)
        self._check_retired_and_renamed()
        for section in data["sections"]:
            if "when" in section:
                self._check_condition(section, f"section {section['id']}", None)
            for item in section["items"]:
                if "when" in item and not any(item is d for d in self.duplicates):
                    self._check_condition(item, f"item {item['id']}", item["id"])
        self._check_cycles()
        return self.problems

    def _check_catalogue_codes(self) -> None:
        from fieldapp.domain.catalogue import catalogue

        known = catalogue()
        for code in self.data.get("applies_to", []):
            if code not in known:
                self.add(
                    self.data,
                    "checklist",
                    f"applies_to: {code} is not a code of the 2014 catalogue",
                    "applies_to",
                )

    def _check_item(self, item: _Map) -> None:
        item_id = item["id"]
        where = f"item {item_id}"
        if item_id in self.items:
            self.add(
                item, where, f"duplicate item id (first on line {self.items[item_id].line})", "id"
            )
            self.duplicates.append(item)
            return
        self.items[item_id] = item
        kind = item.get("kind", "check")
        for key, kinds in _ITEM_KIND_KEYS.items():
            if key in item and kind not in kinds:
                self.add(item, where, f"{key} does not belong to a {kind} item", key)
        if kind == "choice":
            if "choices" not in item:
                self.add(item, where, "a choice item needs choices", "kind")
            else:
                ids = [c["id"] for c in item["choices"]]
                for dup in sorted({c for c in ids if ids.count(c) > 1}):
                    self.add(item, where, f"duplicate choice id {dup!r}", "choices")
                if "finding" in item and not any(c.get("fails") for c in item["choices"]):
                    self.add(item, where, "has a finding but no choice with fails: true", "finding")
        if kind == "number" and "finding" in item and "limits" not in item:
            self.add(item, where, "has a finding but no limits to fail", "finding")
        for key in ("range", "limits"):
            bounds = item.get(key, {})
            if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
                self.add(item, where, f"{key}: min is greater than max", key)
        finding = item.get("finding")
        if (
            finding is not None
            and finding["measure"] == "rectify"
            and not finding.get("deadline_days")
        ):
            self.add(
                finding, where, "a rectify finding needs deadline_days of at least 1", "measure"
            )

    def _check_retired_and_renamed(self) -> None:
        for entry in self.data.get("retired", []):
            if entry["id"] in self.items:
                self.add(
                    entry, f"item {entry['id']}", "is retired but still listed as an item", "id"
                )
        for entry in self.data.get("renamed", []):
            if entry["to"] not in self.items:
                self.add(
                    entry,
                    f"item {entry['from']}",
                    f"renamed to {entry['to']}, which is not an item",
                    "to",
                )
            if entry["from"] in self.items:
                self.add(
                    entry,
                    f"item {entry['from']}",
                    "is renamed but its old id is still an item",
                    "from",
                )

    def _check_condition(self, node: _Map, where: str, own_id: str | None) -> None:
        try:
            parsed = parse_condition(node["when"])
        except ConditionError as err:
            self.add(node, where, f"when: {err}", "when")
            return
        self.conditions[where] = parsed
        retired = {e["id"] for e in self.data.get("retired", [])}
        for ref in references(parsed):
            if ref.source != "answer":
                continue
            target = ".".join(ref.path)
            if target == own_id:
                self.add(node, where, "when: an item cannot depend on its own answer", "when")
            elif target in retired:
                self.add(node, where, f"when: {ref} refers to a retired item", "when")
            elif target not in self.items:
                self.add(node, where, f"when: {ref} refers to no item of this checklist", "when")
        for compare in comparisons(parsed):
            self._check_compared_values(node, where, compare.left, compare.right)
            self._check_compared_values(node, where, compare.right, compare.left)

    def _check_compared_values(self, node: _Map, where: str, ref: Node, other: Node) -> None:
        from fieldapp.checklists.conditions import ListValue, Literal, Ref

        if not isinstance(ref, Ref) or ref.source != "answer":
            return
        item = self.items.get(".".join(ref.path))
        if item is None:
            return
        kind = item.get("kind", "check")
        if kind == "check":
            allowed: tuple[Any, ...] | None = ("pass", "fail", "na")
        elif kind == "choice":
            allowed = tuple(c["id"] for c in item.get("choices", []))
        else:
            allowed = None
        values: list[Any] = []
        if isinstance(other, Literal):
            values = [other.value]
        elif isinstance(other, ListValue):
            values = [v.value for v in other.items if isinstance(v, Literal)]
        for value in values:
            if value is None:
                continue
            if allowed is not None and value not in allowed:
                self.add(
                    node,
                    where,
                    f"when: {ref} can be {', '.join(map(repr, allowed))}, never {value!r}",
                    "when",
                )
            elif kind == "number" and not isinstance(value, int | float):
                self.add(node, where, f"when: {ref} is a number, compared with {value!r}", "when")

    def _check_cycles(self) -> None:
        graph: dict[str, set[str]] = {}
        section_of: dict[str, str] = {}
        for section in self.data["sections"]:
            for item in section["items"]:
                section_of[item["id"]] = section["id"]
        for where, parsed in self.conditions.items():
            deps = {".".join(r.path) for r in references(parsed) if r.source == "answer"}
            if where.startswith("item "):
                item_id = where[5:]
                graph.setdefault(item_id, set()).update(deps - {item_id})  # reported apart
            else:
                section_id = where[8:]
                for item_id, sid in section_of.items():
                    if sid == section_id:
                        graph.setdefault(item_id, set()).update(deps - {item_id})
        state: dict[str, int] = {}

        def visit(node: str, trail: list[str]) -> None:
            state[node] = 1
            for dep in sorted(graph.get(node, ())):
                if state.get(dep) == 1:
                    cycle = [*trail[trail.index(dep) :], dep] if dep in trail else [node, dep]
                    item = self.items.get(node)
                    self.add(
                        item,
                        f"item {node}",
                        f"when: items depend on each other in a circle: {' -> '.join(cycle)}",
                        "when",
                    )
                elif dep in graph and state.get(dep) is None:
                    visit(dep, [*trail, dep])
            state[node] = 2

        for node in sorted(graph):
            if state.get(node) is None:
                visit(node, [node])


# --- building the checklist --------------------------------------------------------------


def _text(value: dict[str, str]) -> LocalText:
    return LocalText(value["zh"], value["en"])


def _build(data: _Map, path: str) -> Checklist:
    wording = data["wording"]
    sections = []
    for section in data["sections"]:
        items = []
        for item in section["items"]:
            finding = item.get("finding")
            template = None
            if finding is not None:
                template = FindingTemplate(
                    text=_text(finding["text"]),
                    severity=finding["severity"],
                    measure=finding["measure"],
                    deadline_days=finding.get("deadline_days"),
                    violated=finding["violated"],
                    penalty=finding["penalty"],
                    code=finding.get("code", item["id"]),
                )
            when = item.get("when")
            items.append(
                Item(
                    id=item["id"],
                    section_id=section["id"],
                    text=_text(item["text"]),
                    basis=tuple(item["basis"]),
                    kind=item.get("kind", "check"),
                    required=item.get("required", True),
                    guidance=_text(item["guidance"]) if "guidance" in item else None,
                    when=when,
                    wording=item.get("wording", wording),
                    unit=item.get("unit", ""),
                    range_min=item.get("range", {}).get("min"),
                    range_max=item.get("range", {}).get("max"),
                    limit_min=item.get("limits", {}).get("min"),
                    limit_max=item.get("limits", {}).get("max"),
                    choices=tuple(
                        Choice(c["id"], _text(c["text"]), c.get("fails", False))
                        for c in item.get("choices", [])
                    ),
                    finding=template,
                    line=getattr(item, "line", 0),
                    condition=compile_condition(parse_condition(when)) if when else None,
                )
            )
        section_when = section.get("when")
        sections.append(
            Section(
                id=section["id"],
                title=_text(section["title"]),
                items=tuple(items),
                when=section_when,
                condition=compile_condition(parse_condition(section_when))
                if section_when
                else None,
            )
        )
    body = canonical_body(data)
    return Checklist(
        id=data["id"],
        version=data["version"],
        title=_text(data["title"]),
        scope=data["scope"],
        applies_to=tuple(data.get("applies_to", ())),
        campaign=data.get("campaign"),
        effective=str(data["effective"]),
        sources=tuple(s["title"] for s in data["sources"]),
        wording=wording,
        sections=tuple(sections),
        retired=tuple(r["id"] for r in data.get("retired", [])),
        renamed={r["from"]: r["to"] for r in data.get("renamed", [])},
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        body=body,
        path=path,
    )


def _problems_of(data: Any, file: str) -> list[Problem]:
    if not isinstance(data, _Map):
        return [Problem(file, 1, "checklist", "the file must hold one YAML mapping (key: value)")]
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        return [
            Problem(
                file,
                _line_of(data, list(err.absolute_path)),
                _where(data, list(err.absolute_path)),
                (".".join(map(str, err.absolute_path)) + ": " if err.absolute_path else "")
                + err.message,
            )
            for err in errors
        ]
    return _Checker(file, data).run()


def parse_checklist_text(text: str, file: str = "<text>") -> Checklist:
    """Load a checklist from YAML text. Raises ChecklistInvalid listing every problem."""
    try:
        data = yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        raise ChecklistInvalid(
            [Problem(file, line, "checklist", f"not valid YAML: {err.problem or err}")]
        ) from None
    except yaml.YAMLError as err:
        raise ChecklistInvalid([Problem(file, 0, "checklist", f"not valid YAML: {err}")]) from None
    problems = _problems_of(data, file)
    if problems:
        raise ChecklistInvalid(problems)
    return _build(data, file)


def load_checklist(path: Path) -> Checklist:
    """Load one checklist file. Raises ChecklistInvalid listing every problem in it."""
    file = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChecklistInvalid([Problem(file, 0, "checklist", "file is larger than 2 MB")])
        raw = path.read_bytes()
    except OSError as err:
        raise ChecklistInvalid(
            [Problem(file, 0, "checklist", f"cannot read: {err.strerror or err}")]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ChecklistInvalid(
            [Problem(file, 0, "checklist", f"not UTF-8 text (byte {err.start})")]
        ) from None
    return parse_checklist_text(text, file)


def checklist_from_body(body: str, source: str = "<stored>") -> Checklist:
    """Rebuild a checklist from its canonical JSON body (as pinned in a workspace)."""
    return parse_checklist_text(body, source)  # JSON is YAML


def checklist_files(folder: Path | None = None) -> list[Path]:
    """The checklist files of a folder (default: the shipped forms/), sorted."""
    return sorted((folder or forms_dir()).glob("*.yaml"))


def check_files(paths: Iterable[Path]) -> tuple[list[Checklist], list[Problem]]:
    """Load every file; return the good checklists and every problem found, including ids
    used by two files."""
    loaded: list[Checklist] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_checklist(path))
        except ChecklistInvalid as err:
            problems.extend(err.problems)
    seen: dict[str, str] = {}
    for checklist in loaded:
        if checklist.id in seen:
            problems.append(
                Problem(
                    checklist.path,
                    1,
                    "checklist",
                    f"id {checklist.id!r} is also used by {seen[checklist.id]}",
                )
            )
        seen.setdefault(checklist.id, checklist.path)
    return loaded, problems


def shipped_checklists() -> list[Checklist]:
    """Every checklist in forms/. Raises ChecklistInvalid if any file has a problem."""
    loaded, problems = check_files(checklist_files())
    if problems:
        raise ChecklistInvalid(problems)
    return loaded
