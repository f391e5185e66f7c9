"""The ``fieldapp`` command (no Qt here: the GUI is imported only by ``fieldapp gui``).

Exit status: 0 success; 1 an input was refused or a check failed; 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import __version__
from fieldapp.errors import UserError

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace

log = logging.getLogger("fieldapp.cli")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="特种设备安全监察现场检查 — offline field app for special-equipment "
        "safety supervision.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (workspace, checklists, notice,"
        " QR code, licences, desktop) and exit",
    )
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
    demo.add_argument(
        "--scale",
        choices=("small", "province"),
        default="small",
        help="supervisor demo size: small (default) or province (50,000 units, 200,000"
        " inspections over ten years; a few minutes and several GB)",
    )

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

    _add_keys_parser(sub)

    verify = sub.add_parser("verify", help="check the QR code of a notice (text, PDF or image)")
    verify.add_argument("text", nargs="?", help="the text read from the QR code (FAN1:…)")
    verify.add_argument("--pdf", type=Path, metavar="FILE", help="a notice as PDF")
    verify.add_argument("--image", type=Path, metavar="FILE", help="a photo or scan of a notice")
    verify.add_argument(
        "--key",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="also trust this public key file for this check",
    )

    from fieldapp.cli_sync import add_sync_parsers

    add_sync_parsers(sub)

    sub.add_parser("info", help="show the workspace: folder, role, officer, counts")
    sub.add_parser("check", help="check the database, the audit chain and the attachments")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.command:
            parser.error("--self-test takes no command")
        from fieldapp.selftest import run_self_test

        return run_self_test()
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
        if command == "keys":
            return _keys(args)
        if command == "verify":
            return _verify(args)
        if command == "info":
            return _info(args)
        if command == "check":
            return _check(args)
        if command in ("export", "import", "pack", "receipt"):
            from fieldapp.cli_sync import run_sync_command

            return run_sync_command(command, args, _home(args))
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
    passphrase = _init_passphrase(home)
    supervisor_name = args.organisation or args.name or ""
    with Workspace.create(
        home, role, profile, passphrase=passphrase, supervisor_name=supervisor_name
    ):
        pass
    print(f"已新建{role.label('zh')}工作区 / created a {role.code} workspace: {home}")
    return 0


def _init_passphrase(home: Path) -> str | None:
    """The new officer key's passphrase: FIELDAPP_PASSPHRASE, else asked twice on a terminal.

    None when neither is possible (``Workspace.create`` then says what to do). Raises
    UserError if the two entries differ or input ends.
    """
    import getpass

    from fieldapp.home import is_workspace
    from fieldapp.keys import MIN_PASSPHRASE_LENGTH, check_passphrase, passphrase_from_environment

    passphrase = passphrase_from_environment()
    if passphrase is not None or is_workspace(home) or not sys.stdin.isatty():
        return passphrase
    print(
        f"设置一个口令来保护您的签名私钥（至少 {MIN_PASSPHRASE_LENGTH} 个字符；每次启动程序签名时"
        f"要输入一次）。 / Choose a passphrase to protect your signing key (at least"
        f" {MIN_PASSPHRASE_LENGTH} characters; asked once per session when signing).",
        file=sys.stderr,
    )
    try:
        first = getpass.getpass("口令 passphrase: ")
        check_passphrase(first)
        second = getpass.getpass("再输入一次 again: ")
    except EOFError as err:
        raise UserError("没有输入口令 / no passphrase was entered") from err
    if first != second:
        raise UserError(
            "两次输入的口令不一致，什么都没有建立。请重试。 / The two passphrases differ;"
            " nothing was created. Try again."
        )
    return first


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
    summary = build_demo(home, role, seed=args.seed, scale=args.scale)
    print(
        f"演示工作区已建好 / demo workspace ready: {home}\n"
        f"  {summary.units} 个单位 units, {summary.equipment} 台设备 devices"
        f" ({summary.overdue} 台超期未检 overdue), {summary.colleagues} 名同事 colleagues,"
        f" {summary.inspections} 次检查 inspections, {summary.notices} 份指令书 notices"
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


# --- keys ----------------------------------------------------------------------------


def _add_keys_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="export this workspace's public key; trust others' keys")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    export = keys_sub.add_parser("export", help="write this workspace's public key file")
    export.add_argument("--out", required=True, metavar="FILE", help="public key file to write")
    trust = keys_sub.add_parser("trust", help="trust the public key in FILE")
    trust.add_argument("file", metavar="FILE", help="a public key file from `keys export`")
    untrust = keys_sub.add_parser("untrust", help="withdraw trust in a key")
    untrust.add_argument("key_id", metavar="KEY_ID", help="the key id shown by `keys list`")
    listing = keys_sub.add_parser("list", help="list the trusted keys")
    listing.add_argument(
        "--all", action="store_true", help="also show keys whose trust was withdrawn"
    )


def _keys(args: argparse.Namespace) -> int:
    from fieldapp.workspace import Workspace

    with Workspace.open(_home(args)) as ws:
        if args.keys_command == "export":
            return _keys_export(ws, Path(args.out))
        if args.keys_command == "trust":
            return _keys_trust(ws, Path(args.file))
        if args.keys_command == "untrust":
            return _keys_untrust(ws, args.key_id)
        return _keys_list(ws, args.all)


def _keys_export(ws: Workspace, out: Path) -> int:
    from fieldapp.store import registry as reg
    from fieldapp.workflow.keys import export_own_key

    info = export_own_key(ws, out)
    print(f"密钥编号 key id: {info.key_id}")
    print(f"指纹 fingerprint: {info.fingerprint}")
    print(f"已写入 / written: {out}")
    with ws.store.reading() as db:
        if reg.get_setting(db, "keys.unprotected") == "1":
            print(
                "注意：这是演示工作区，签名私钥没有口令保护。 / Note: this is a demo workspace;"
                " its signing key is not protected by a passphrase."
            )
    return 0


def _keys_trust(ws: Workspace, path: Path) -> int:
    from fieldapp.workflow.keys import trust_key_file

    info = trust_key_file(ws, path)
    print(f"姓名 name: {info.name}")
    print(f"执法证号 law id: {info.law_id}")
    if info.organisation:
        print(f"所属机关 organisation: {info.organisation}")
    print(f"密钥编号 key id: {info.key_id}")
    print(f"指纹 fingerprint: {info.fingerprint}")
    print("已信任 / trusted")
    return 0


def _keys_untrust(ws: Workspace, key_id: str) -> int:
    from fieldapp.workflow.keys import untrust

    untrust(ws, key_id)
    print(f"已取消信任 / no longer trusted: {key_id.strip().lower()}")
    return 0


def _keys_list(ws: Workspace, include_removed: bool) -> int:
    from fieldapp.keys import fingerprint
    from fieldapp.workflow.keys import own_key, trusted_key_list

    own = own_key(ws)
    rows = trusted_key_list(ws, include_removed)
    for row in rows:
        marks = []
        if own is not None and row.key_id == own.key_id:
            marks.append("本工作区 own")
        if row.removed_at:
            marks.append(f"已取消信任 untrusted {row.removed_at[:10]}")
        mark = f" [{'; '.join(marks)}]" if marks else ""
        who = "，".join(x for x in (row.name, row.law_id, row.organisation) if x)
        print(f"{row.key_id}  {fingerprint(row.public_key)}  {who}{mark}")
    print(f"{sum(1 for r in rows if not r.removed_at)} 把受信任公钥 trusted keys")
    return 0


def _trusted_for_verify(args: argparse.Namespace) -> dict[str, bytes]:
    """Keys trusted by the workspace (when there is one and it is free) plus ``--key`` files."""
    from fieldapp.errors import WorkspaceLocked
    from fieldapp.home import is_workspace
    from fieldapp.keys import read_public_key_file
    from fieldapp.workflow.keys import trusted
    from fieldapp.workspace import Workspace

    keys: dict[str, bytes] = {}
    home = _home(args)
    if is_workspace(home):
        try:
            with Workspace.open(home) as ws:
                keys.update(trusted(ws))
        except WorkspaceLocked:
            print(
                "（工作区正被使用，只用 --key 指定的公钥核验）/ the workspace is in use: only"
                " --key files are trusted for this check",
                file=sys.stderr,
            )
    for path in args.key:
        info = read_public_key_file(path)
        keys[info.key_id] = info.public_key
    return keys


def _verify(args: argparse.Namespace) -> int:
    from fieldapp.notices.qr import claims_lines_zh, decode_image, decode_pdf, verify_payload

    sources = [x for x in (args.text, args.pdf, args.image) if x]
    if len(sources) != 1:
        print(
            "fieldapp verify: give one of TEXT, --pdf FILE or --image FILE"
            " / 请给出二维码文本、--pdf 或 --image 之一",
            file=sys.stderr,
        )
        return 2
    if args.text:
        texts = [args.text.strip()]
    else:
        path: Path = args.pdf or args.image
        try:
            data = path.read_bytes()
        except OSError as err:
            raise UserError(f"无法读取 {path}：{err.strerror} / cannot read {path}") from None
        texts = decode_pdf(data) if args.pdf else decode_image(data)
        if not texts:
            print(f"{path}: 没有找到指令书二维码 / no notice QR code found")
            return 1
    trusted = _trusted_for_verify(args)
    all_valid = True
    for text in texts:
        result = verify_payload(text, trusted)
        if result.valid:
            print("✔ 有效：签名核验通过 / VALID: the signature checks")
        else:
            all_valid = False
            print(f"✘ 无效 / INVALID: {result.reason}")
        if result.claims is not None:
            for line in claims_lines_zh(result.claims):
                print(f"  {line}")
    return 0 if all_valid else 1


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
