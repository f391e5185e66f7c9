"""The ``fieldapp`` command (no Qt here: the GUI is imported only by ``fieldapp gui``).

Exit status: 0 success; 1 an input was refused or a check failed; 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from fieldapp import __version__
from fieldapp.errors import UserError

log = logging.getLogger("fieldapp.cli")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="特种设备安全监察现场检查 — offline field app for special-equipment "
        "safety supervision.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="workspace folder (else $FIELDAPP_HOME, else the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of the desktop app (default: zh)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the desktop app (the default)")

    init = sub.add_parser("init", help="create a new, empty workspace")
    init.add_argument("--role", choices=("officer", "supervisor"), required=True)
    init.add_argument("--name", help="officer's name (姓名)")
    init.add_argument("--law-id", help="law-enforcement ID number (执法证号)")
    init.add_argument("--organisation", default="", help="issuing body (所属机关)")
    init.add_argument("--agency-code", default="", help="agency code in notice numbers (机关代字)")
    init.add_argument("--officer-code", default="", help="officer code in notice numbers")
    init.add_argument("--phone", default="")

    demo = sub.add_parser("demo", help="make a ready-to-use demo workspace in the home folder")
    demo.add_argument("--role", choices=("officer", "supervisor"), default="officer")
    demo.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)

    forms = sub.add_parser("forms", help="check or list the checklists")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    forms_check = forms_sub.add_parser("check", help="check checklist files (default: shipped)")
    forms_check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="checklist files or folders (default: the shipped forms/)",
    )
    forms_sub.add_parser("list", help="list the shipped checklists")

    sub.add_parser("info", help="show the workspace: folder, role, officer, counts")
    sub.add_parser("check", help="check the database, the audit chain and the attachments")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "gui":
            from fieldapp.gui.app import run_gui

            return run_gui(args.home, args.lang)
        if command == "init":
            return _init(args)
        if command == "demo":
            return _demo(args)
        if command == "forms":
            return _forms(args)
        if command == "info":
            return _info(args)
        if command == "check":
            return _check(args)
    except UserError as err:
        print(f"fieldapp: {err}", file=sys.stderr)
        return 1
    raise AssertionError(f"unhandled command {command}")  # argparse allows no other


def _home(args: argparse.Namespace) -> Path:
    from fieldapp.home import resolve_home

    return resolve_home(args.home)


def _init(args: argparse.Namespace) -> int:
    from fieldapp.domain.models import Role
    from fieldapp.workspace import OfficerProfile, Workspace

    role = Role.from_code(args.role)
    profile = None
    if role is Role.OFFICER:
        if not args.name or not args.law_id:
            print(
                "fieldapp init: an officer workspace needs --name and --law-id"
                " / 监察员工作区需要 --name 和 --law-id",
                file=sys.stderr,
            )
            return 2
        profile = OfficerProfile(
            name=args.name,
            law_id=args.law_id,
            organisation=args.organisation,
            agency_code=args.agency_code,
            officer_code=args.officer_code,
            phone=args.phone,
        )
    home = _home(args)
    with Workspace.create(home, role, profile):
        pass
    print(f"已新建{role.label('zh')}工作区 / created a {role.code} workspace: {home}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import build_demo
    from fieldapp.domain.models import Role
    from fieldapp.home import is_workspace
    from fieldapp.workspace import Workspace

    role = Role.from_code(args.role)
    home = _home(args)
    if is_workspace(home):
        with Workspace.open(home) as ws:
            if ws.is_demo and ws.role is role:
                print(
                    f"{home} 已是演示工作区，保持不变 / already a {role.code} demo workspace;"
                    " left as it is"
                )
                return 0
        raise UserError(
            f"{home} 已有一个工作区，演示数据只能建在空文件夹里。请用 --home 指定另一个文件夹。"
            f" / {home} already holds a workspace; a demo is made only in an empty folder."
            " Choose another folder with --home."
        )
    summary = build_demo(home, role, seed=args.seed)
    print(
        f"演示工作区已建好 / demo workspace ready: {home}\n"
        f"  {summary.units} 个单位 units, {summary.equipment} 台设备 devices"
        f" ({summary.overdue} 台超期未检 overdue), {summary.colleagues} 名同事 colleagues,"
        f" {summary.inspections} 次检查 inspections"
    )
    return 0


def _forms(args: argparse.Namespace) -> int:
    from fieldapp.checklists.loader import check_files, checklist_files

    if args.forms_command == "list":
        checklists, problems = check_files(checklist_files())
        for c in sorted(checklists, key=lambda c: (c.scope != "unit", c.campaign or "", c.id)):
            applies = "单位 unit" if c.scope == "unit" else " ".join(c.applies_to)
            campaign = f" [专项 campaign: {c.campaign}]" if c.campaign else ""
            print(
                f"{c.id:<22} {c.version:<8} {len(c.items):>4} 项 items  {applies:<16}"
                f" {c.title.zh}{campaign}"
            )
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    paths: list[Path] = []
    for name in args.paths or [None]:
        path = Path(name) if name else None
        if path is None or path.is_dir():
            paths.extend(checklist_files(path))
        else:
            paths.append(path)
    checklists, problems = check_files(paths)
    for problem in problems:
        print(problem)
    items = sum(len(c.items) for c in checklists)
    print(
        f"{len(paths)} 个文件 files, {len(checklists)} 个检查表 checklists, {items} 项 items,"
        f" {len(problems)} 个问题 problems"
    )
    return 1 if problems else 0


def _info(args: argparse.Namespace) -> int:
    from fieldapp.store import registry as reg
    from fieldapp.workspace import Workspace

    with Workspace.open(_home(args)) as ws, ws.store.reading() as db:
        units = reg.count_units(db)
        devices, overdue = reg.count_equipment(db)
        print(f"工作区 workspace: {ws.home}")
        print(
            f"角色 role: {ws.role.label('zh')} / {ws.role.code}"
            + ("（演示 demo）" if ws.is_demo else "")
        )
        if ws.officer:
            print(
                f"监察员 officer: {ws.officer.name}，执法证号 {ws.officer.law_id}，"
                f"{ws.officer.organisation}"
            )
        print(f"单位 units: {units}; 设备 devices: {devices}; 超期未检 overdue: {overdue}")
        print(f"日志 log: {ws.log_path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from fieldapp.store.audit import verify_audit_chain
    from fieldapp.workspace import Workspace

    problems: list[str] = []
    with Workspace.open(_home(args)) as ws, ws.store.reading() as db:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"数据库 database: {result}")
        for problem in verify_audit_chain(db):
            problems.append(f"审计日志 audit log: {problem.message}")
        for (sha,) in db.execute("SELECT sha256 FROM attachments"):
            if not ws.attachments.verify(sha):
                problems.append(f"附件 attachment {sha}: 缺失或损坏 missing or damaged")
    for line in problems:
        print(line)
    if problems:
        return 1
    print("一切正常 / all checks passed")
    return 0
