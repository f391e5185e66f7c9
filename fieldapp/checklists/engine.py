"""What a checklist shows and proposes, given the answers so far and the device.

``evaluate`` is called after every answer, so it is written for speed: conditions are
compiled closures and items are visited in an order where every item comes after the items
its condition reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.checklists.conditions import parse_condition, references
from fieldapp.checklists.model import Checklist, FindingTemplate, Item


@dataclass(frozen=True)
class ProposedFinding:
    item_id: str
    template: FindingTemplate


@dataclass(frozen=True)
class Evaluation:
    visible: tuple[Item, ...]  # in document order
    answered: int  # visible items with an answer
    required: int  # visible required items
    missing: tuple[str, ...]  # visible required items without an answer
    findings: tuple[ProposedFinding, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def progress(self) -> float:
        """Share of visible required items answered, 0.0 to 1.0."""
        return 1.0 if not self.required else (self.required - len(self.missing)) / self.required


_ORDERS: dict[str, tuple[int, ...]] = {}


def _evaluation_order(checklist: Checklist) -> tuple[int, ...]:
    """Indexes into ``checklist.items`` such that an item follows what its conditions read."""
    order = _ORDERS.get(checklist.content_hash)
    if order is None:
        order = _ORDERS[checklist.content_hash] = _compute_order(checklist)
    return order


def _compute_order(checklist: Checklist) -> tuple[int, ...]:
    items = checklist.items
    index = {item.id: i for i, item in enumerate(items)}
    section_when = {s.id: s.when for s in checklist.sections}
    deps: list[set[int]] = []
    for item in items:
        needed: set[int] = set()
        for text in (item.when, section_when.get(item.section_id)):
            if text:
                needed |= {
                    index[".".join(r.path)]
                    for r in references(parse_condition(text))
                    if r.source == "answer" and ".".join(r.path) in index
                }
        needed.discard(index[item.id])
        deps.append(needed)
    order: list[int] = []
    placed: set[int] = set()

    def place(i: int) -> None:
        if i in placed:
            return
        placed.add(i)  # the loader refuses circles, so this cannot recurse forever
        for dep in sorted(deps[i]):
            place(dep)
        order.append(i)

    for i in range(len(items)):
        place(i)
    return tuple(order)


def device_facts(device: Any) -> dict[str, Any]:
    """The ``device.*`` names a condition can read, from an Equipment record."""
    if device is None:
        return {}
    facts: dict[str, Any] = dict(getattr(device, "attributes", {}) or {})
    for name in ("catalogue_code", "status", "design_life_years"):
        value = getattr(device, name, None)
        if value is not None:
            facts[name] = getattr(value, "code", value)
    return facts


def evaluate(
    checklist: Checklist, answers: Mapping[str, Any], device: Mapping[str, Any] | None = None
) -> Evaluation:
    """Which items show, how complete the checklist is, and which findings it proposes.

    ``answers`` maps item ids to values (``"pass"``, ``"fail"``, ``"na"``, numbers, choice
    ids, text); answers of renamed items may use the old id. A hidden item's answer is
    ignored, and conditions see it as ``null``.
    """
    device = device or {}
    items = checklist.items
    if checklist.renamed:
        answers = {checklist.renamed.get(k, k): v for k, v in answers.items()}
    sections = {s.id: s for s in checklist.sections}
    effective: dict[str, Any] = {}
    shown = [False] * len(items)
    section_shown: dict[str, bool] = {}
    for i in _evaluation_order(checklist):
        item = items[i]
        section = sections[item.section_id]
        if section.condition is not None:
            if item.section_id not in section_shown:
                section_shown[item.section_id] = section.condition(effective, device)
            if not section_shown[item.section_id]:
                continue
        if item.condition is not None and not item.condition(effective, device):
            continue
        shown[i] = True
        value = answers.get(item.id)
        if value is not None:
            effective[item.id] = value
    visible = tuple(item for i, item in enumerate(items) if shown[i])
    missing = tuple(it.id for it in visible if it.required and it.id not in effective)
    findings = tuple(
        ProposedFinding(it.id, it.finding)
        for it in visible
        if it.finding is not None and it.fails_with(effective.get(it.id))
    )
    return Evaluation(
        visible=visible,
        answered=sum(1 for it in visible if it.id in effective),
        required=sum(1 for it in visible if it.required),
        missing=missing,
        findings=findings,
    )


# --- composition -------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One checklist to work through in an inspection: for the unit, or for one device."""

    checklist: Checklist
    equipment_id: str | None  # None: the unit-level checklist


def covers(applies_to: Iterable[str], catalogue_code: str) -> bool:
    """Whether a checklist's ``applies_to`` covers a device's catalogue code.

    A code covers itself and every code below it in the 2014 catalogue; an older code
    not in the catalogue is matched by its class/category prefix.
    """
    from fieldapp.domain.catalogue import catalogue

    table = catalogue()
    for code in applies_to:
        node: str | None = catalogue_code
        while node:
            if node == code:
                return True
            entry = table.get(node)
            node = entry.parent if entry is not None else None
        if catalogue_code not in table:
            prefix = code.rstrip("0")
            if prefix and catalogue_code.startswith(prefix):
                return True
    return False


def compose(
    checklists: Sequence[Checklist], devices: Sequence[Any], campaign: str | None = None
) -> list[Run]:
    """The runs of an inspection: the unit-level checklists once, then each device's.

    ``devices`` are Equipment records (``id`` and ``catalogue_code``). In a campaign, a
    device covered by one of the campaign's checklists gets those instead of its regular
    ones.
    """
    regular = [c for c in checklists if c.campaign is None]
    special = [c for c in checklists if campaign is not None and c.campaign == campaign]
    runs = [Run(c, None) for c in regular if c.scope == "unit"]
    for device in devices:
        chosen = [c for c in special if covers(c.applies_to, device.catalogue_code)]
        if not chosen:
            chosen = [
                c
                for c in regular
                if c.scope == "equipment" and covers(c.applies_to, device.catalogue_code)
            ]
        runs.extend(Run(c, device.id) for c in chosen)
    return runs


def with_answers_moved(checklist: Checklist, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers keyed by the checklist's current ids (renamed ids moved, retired dropped)."""
    current = {item.id for item in checklist.items}
    moved = {checklist.renamed.get(k, k): v for k, v in answers.items()}
    return {k: v for k, v in moved.items() if k in current}
