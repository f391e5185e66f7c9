"""A loaded checklist, as plain frozen dataclasses (see forms/README.md for the format)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from fieldapp.checklists.conditions import Predicate


@dataclass(frozen=True)
class LocalText:
    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class FindingTemplate:
    """What a failed item proposes; the officer edits it in review."""

    text: LocalText
    severity: str  # general | serious
    measure: str  # rectify | stop_use | seal | seize
    deadline_days: int | None
    violated: str
    penalty: str
    code: str


@dataclass(frozen=True)
class Choice:
    id: str
    text: LocalText
    fails: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    section_id: str
    text: LocalText
    basis: tuple[str, ...]
    kind: str = "check"  # check | number | choice | text | date | photo
    required: bool = True
    guidance: LocalText | None = None
    when: str | None = None
    wording: str = "provisional"
    unit: str = ""
    range_min: float | None = None
    range_max: float | None = None
    limit_min: float | None = None
    limit_max: float | None = None
    choices: tuple[Choice, ...] = ()
    finding: FindingTemplate | None = None
    line: int = 0
    condition: Predicate | None = field(default=None, compare=False, repr=False)

    def fails_with(self, value: Any) -> bool:
        """Whether the answer ``value`` makes this item non-compliant."""
        if value is None:
            return False
        if self.kind == "check":
            return bool(value == "fail")
        if self.kind == "choice":
            return any(c.id == value and c.fails for c in self.choices)
        if self.kind == "number" and isinstance(value, int | float):
            if self.limit_min is not None and value < self.limit_min:
                return True
            return self.limit_max is not None and value > self.limit_max
        return False

    def answer_values(self) -> tuple[Any, ...] | None:
        """The values a condition may compare this item's answer with (None: any)."""
        if self.kind == "check":
            return ("pass", "fail", "na")
        if self.kind == "choice":
            return tuple(c.id for c in self.choices)
        return None


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalText
    items: tuple[Item, ...]
    when: str | None = None
    condition: Predicate | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: LocalText
    scope: str  # unit | equipment
    applies_to: tuple[str, ...]
    campaign: str | None
    effective: str
    sources: tuple[str, ...]
    wording: str
    sections: tuple[Section, ...]
    retired: tuple[str, ...]
    content_hash: str
    renamed: dict[str, str] = field(compare=False)  # old id -> new id
    body: str = field(compare=False, repr=False)  # canonical JSON of the file's content
    path: str = ""

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        """The item with this id (following renames). Raises KeyError if there is none."""
        wanted = self.renamed.get(item_id, item_id)
        for item in self.items:
            if item.id == wanted:
                return item
        raise KeyError(item_id)

    def label(self) -> str:
        return f"{self.id} {self.version}"
