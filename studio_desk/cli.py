"""The command line (SPEC section 8). Every command takes ``--db PATH``.

Commands live in ``studio_desk/commands/*.py``; each module has ``register(subparsers, common)``
that adds its parser with ``set_defaults(run=...)``; ``run(args)`` returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from studio_desk import APP_TITLE, __version__
from studio_desk.core.errors import StudioDeskError

COMMAND_MODULES = (
    "studio_desk.commands.basic",
    "studio_desk.commands.export",
    "studio_desk.commands.ledger_import",
    "studio_desk.commands.usb",
    "studio_desk.commands.paperwork",  # studio-desk print … (a module named print would hide print())
    "studio_desk.commands.county",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's English errors, said in Chinese
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "缺少参数")
            .replace("unrecognized arguments", "无法识别的参数")
            .replace("invalid choice", "无效的选项")
            .replace("expected one argument", "需要一个值")
            .replace("argument", "参数")
        )
        self.exit(2, f"错误：{translated}\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="数据库文件（默认：数据文件夹中的数据库）"
    )
    parser = _Parser(
        prog="studio-desk",
        description=f"{APP_TITLE}：委员工作室的活动、接待走访、捐赠慰问和提案建议台账。",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"studio-desk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="打开演示数据库（没有时先创建），不影响自己的数据"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def configure_console() -> None:
    """Chinese text must reach a Windows console (or a pipe) whatever its code page."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: Sequence[str] | None = None) -> int:
    configure_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    try:
        if args.command is None:
            from studio_desk.commands.basic import run_gui

            return run_gui(args)
        return int(args.run(args) or 0)
    except StudioDeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user sees a sentence, the log the traceback
        from studio_desk.logs import log_unexpected

        log = log_unexpected(exc, f"command {args.command!r} failed")
        print(f"错误：发生了意外的问题（{type(exc).__name__}），操作未完成。详细信息已记录在：{log}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
