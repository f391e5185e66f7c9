"""The command line's exchange commands: ``export``, ``import``, ``pack`` and ``receipt``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_sync_parsers(sub: Any) -> None:
    export = sub.add_parser("export", help="write this officer's next batch file")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="batch to write")
    export.add_argument(
        "--all", action="store_true", help="everything, not only what changed since last time"
    )
    export.add_argument(
        "--again",
        type=int,
        metavar="N",
        help="write batch number N again, byte for byte (e.g. for a lost stick)",
    )
    imp = sub.add_parser("import", help="import batches (supervisor), a pack or a receipt")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    pack = sub.add_parser("pack", help="write a reference pack for the officers (supervisor)")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE")
    pack.add_argument(
        "--district", default="", metavar="CODE", help="only units of this GB/T 2260 area"
    )
    receipt = sub.add_parser(
        "receipt", help="write a receipt for an imported batch (supervisor → officer)"
    )
    receipt.add_argument("--out", required=True, type=Path, metavar="FILE")
    receipt.add_argument(
        "batch_id", nargs="?", default="", help="the imported batch (default: the latest)"
    )


def _keyring(ws: Any) -> Any:
    import getpass

    from fieldapp.keys import SessionKeyring

    def ask() -> str | None:
        if not sys.stdin.isatty():
            return None
        try:
            return getpass.getpass("签名私钥口令 passphrase: ")
        except (EOFError, KeyboardInterrupt):
            return None

    return SessionKeyring(ws.home / "keys", ask)


def _progress(what: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{what}: {done}/{total}", end="", file=sys.stderr, flush=True)


def run_sync_command(command: str, args: argparse.Namespace, home: Path) -> int:
    from fieldapp import sync
    from fieldapp.workspace import Workspace

    with Workspace.open(home) as ws:
        if command == "export":
            if args.again is not None:
                out = sync.copy_again(ws, args.again, args.out)
                print(f"已再次写出第 {args.again} 批 / wrote batch {args.again} again: {out}")
                return 0
            result = sync.export_batch(
                ws, args.out, _keyring(ws).signing_key(), everything=args.all, progress=_progress
            )
            what = "、".join(f"{k} {v}" for k, v in result.counts.items()) or "无新内容 nothing new"
            print(
                f"已导出第 {result.sequence} 批 / exported batch {result.sequence}: {result.path}"
                f" ({result.size / 1e6:.1f} MB, {result.seconds:.1f} s)\n  {what};"
                f" 附件 attachments {result.attachments}\n  副本 kept copy: {result.kept}"
            )
            return 0
        if command == "pack":
            result = sync.write_pack(ws, args.out, _keyring(ws).signing_key(), args.district)
            what = "、".join(f"{k} {v}" for k, v in result.counts.items())
            print(f"已写出参考包 / wrote reference pack: {result.path}\n  {what}")
            return 0
        if command == "receipt":
            batch_id = args.batch_id or _latest_import(ws)
            result = sync.write_receipt(ws, batch_id, args.out, _keyring(ws).signing_key())
            print(
                f"已写出回执 / wrote receipt: {result.path} ({sum(result.counts.values())} records)"
            )
            return 0
        status = 0
        for path in args.files:
            try:
                report = sync.import_file(ws, path, progress=_progress)
            except sync.BatchRefused as err:
                print(f"拒收 refused: {err}", file=sys.stderr)
                status = 1
                continue
            for line in report.summary_lines():
                print(line)
        return status


def _latest_import(ws: Any) -> str:
    from fieldapp.errors import UserError
    from fieldapp.store import sync as q

    with ws.store.reading() as db:
        batches = [b for b in q.batch_history(db, "import") if b.kind == "batch"]
    if not batches:
        raise UserError("还没有导入过批次 / no batch has been imported yet")
    return str(batches[0].batch_id)
