"""Checklists: loading and validating forms/, and re-evaluating a 500-item checklist."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import yaml

from fieldapp.checklists.engine import evaluate
from fieldapp.checklists.loader import check_files, checklist_files, parse_checklist_text


def _median_seconds(fn: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_loading(rounds: int = 15) -> dict[str, float]:
    files = checklist_files()
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    check_files(files)  # warm: schema validator built, modules imported, files cached
    ours = _median_seconds(lambda: check_files(files), rounds)
    plain = _median_seconds(lambda: [yaml.safe_load(t) for t in texts], rounds)
    return {"value": ours, "baseline": plain}


def big_checklist_text(items: int = 500, seed: int = 1) -> str:
    """A generated checklist of ``items`` items: checks, numbers and choices, a third of
    them conditional on earlier answers or on the device."""
    rng = random.Random(seed)
    lines = [
        "format: 1",
        "id: bench_500",
        'version: "2026.1"',
        "title: {zh: 基准, en: Bench}",
        "scope: equipment",
        'applies_to: ["3100"]',
        "effective: 2026-01-01",
        "wording: provisional",
        "sources:",
        "  - title: 《中华人民共和国特种设备安全法》",
        "sections:",
    ]
    finding = (
        "        finding: {text: {zh: 问题, en: Problem}, severity: general, measure: rectify,"
        " deadline_days: 30, violated: 第三十九条, penalty: 第八十三条}"
    )
    ids: list[str] = []
    for n in range(items):
        if n % 10 == 0:
            lines += [
                f"  - id: s{n // 10}",
                f"    title: {{zh: 第{n // 10}节, en: S{n // 10}}}",
                "    items:",
            ]
        item_id = f"B-{n:03d}"
        kind = rng.choice(["check"] * 6 + ["number", "choice"])
        lines += [
            f"      - id: {item_id}",
            f"        kind: {kind}",
            f"        text: {{zh: 检查项{n}, en: Item {n}}}",
            "        basis: [第四十条]",
        ]
        if kind == "number":
            lines += ["        unit: mm", "        limits: {max: 50}", finding]
        elif kind == "choice":
            lines += [
                "        choices:",
                "          - {id: a, text: {zh: 甲, en: A}}",
                "          - {id: b, text: {zh: 乙, en: B}, fails: true}",
                finding,
            ]
        else:
            lines.append(finding)
        checks = [i for i in ids if i.endswith(("0", "2", "4"))]
        if ids and n % 3 == 0:
            target = rng.choice(ids[-20:])
            lines.append(f"        when: answer.{target} != null or device.floors > {n % 20}")
        elif checks and n % 3 == 1 and rng.random() < 0.3:
            lines.append('        when: device.drive == "traction"')
        ids.append(item_id)
    return "\n".join(lines) + "\n"


def measure_evaluation(answers_to_give: int = 400) -> dict[str, float]:
    checklist = parse_checklist_text(big_checklist_text())
    device = {"catalogue_code": "3110", "drive": "traction", "floors": 12}
    rng = random.Random(3)
    answers: dict[str, object] = {}
    ours: list[float] = []
    baseline: list[float] = []
    items = list(checklist.items)
    for _ in range(answers_to_give):
        item = rng.choice(items)
        value: object = {
            "check": rng.choice(["pass", "fail", "na"]),
            "number": rng.randint(0, 80),
            "choice": rng.choice(["a", "b"]),
        }[item.kind]
        answers[item.id] = value
        start = time.perf_counter()
        evaluate(checklist, answers, device)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        # baseline: the least any evaluation must do — look at every item's answer once
        _ = [answers.get(i.id) for i in items]
        baseline.append(time.perf_counter() - start)
    p95 = statistics.quantiles(ours, n=20)[-1]
    p95_base = statistics.quantiles(baseline, n=20)[-1]
    return {"value": p95 * 1000, "baseline": p95_base * 1000}


def measure() -> dict[str, dict[str, float]]:
    loading = measure_loading()
    return {
        "forms_load": {"value": loading["value"] * 1000, "baseline": loading["baseline"] * 1000},
        "forms_eval": measure_evaluation(),
    }
