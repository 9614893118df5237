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


def _chinese(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``formatter`` (whichever a command chose) with its usage line headed in Chinese."""

    class Chinese(formatter):  # type: ignore[valid-type, misc]
        def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
            super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    return Chinese


# argparse's own English, said in Chinese (the words it puts around the parts it names).
_ERROR_WORDS = (
    ("the following arguments are required", "缺少参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("invalid choice", "无效的选项"),
    ("choose from", "可选"),
    ("expected one argument", "需要一个值"),
    ("expected at least one argument", "至少需要一个值"),
    ("not allowed with argument", "不能与这个参数同时使用："),
    ("ambiguous option", "选项不明确"),
    ("could match", "可能是"),
    ("ignored explicit argument", "多余的值"),
    ("invalid int value", "不是整数"),
    ("invalid float value", "不是数字"),
    ("invalid Path value", "不是有效的路径"),
    ("invalid", "无效"),
    ("argument", "参数"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose every word is Chinese: usage, section titles, -h, errors."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["formatter_class"] = _chinese(kwargs.get("formatter_class", argparse.HelpFormatter))
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        for english, chinese in _ERROR_WORDS:
            message = message.replace(english, chinese)
        self.exit(2, f"错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, metavar="数据库文件",
        help="数据库文件（默认：数据文件夹中的数据库）"
    )
    parser = _Parser(
        prog="studio-desk",
        description=f"{APP_TITLE}：委员工作室的活动、接待走访、捐赠慰问和提案建议台账。",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"studio-desk {__version__}", help="显示版本号并退出")
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
