"""The light part of the ``proceedings`` command: what ``--help`` and ``--version`` need.

The command line starts with this module and click alone; each command's
module is imported only when the command runs (see :mod:`proceedings.cli`).
Here are the group's last line of defence against tracebacks, error
messages and the colour choice; the rest of the plumbing is in
``proceedings._terminal``.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

from ._printable import printable

_F = TypeVar("_F", bound=Callable[..., Any])

INTERNAL = (
    "This is a bug in proceedings, not a problem with your input. Please report it to "
    "the proceedings developers with the command you ran, the input that caused it and "
    "this message (set PROCEEDINGS_DEBUG=1 to include the traceback)."
)


def debug() -> bool:
    return os.environ.get("PROCEEDINGS_DEBUG", "") not in {"", "0"}


def isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def color_wanted(choice: bool | None, stream: IO[str]) -> bool:
    # https://no-color.org: NO_COLOR set to anything but the empty string.
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR", ""):
        return False
    return isatty(stream)


def error(message: str) -> None:
    label = "error:"
    if color_wanted(None, sys.stderr):
        label = click.style(label, fg="red", bold=True)
    click.echo(f"{label} {printable(message, newlines=True)}", err=True)


class Group(click.Group):
    """The command group, with a last line of defence against tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            # Not 1, which would say "violations found": the run did not finish.
            error("interrupted; the output is incomplete")
            ctx.exit(2)
        except BrokenPipeError:
            # The reader went away (``proceedings rules | head``): stop quietly. What
            # was written is what the reader wanted (``validate`` sets its own status).
            quiet_stdout()
            ctx.exit(0)
        except Exception as exc:
            error(f"internal error: {type(exc).__name__}: {exc}\n{INTERNAL}")
            if debug():
                traceback.print_exc()
            ctx.exit(2)


def quiet_stdout() -> None:
    """Point standard output at the null device, so that nothing more fails to be written."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from ._version import tool_version  # noqa: PLC0415 - only when asked for

    click.echo(f"proceedings, version {tool_version()}")
    ctx.exit()


def version_option(command: _F) -> _F:
    """``-V/--version``: the installed version, looked up only when asked for."""
    option = click.option(
        "-V",
        "--version",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_show_version,
        help="Show the version and exit.",
    )
    return option(command)
