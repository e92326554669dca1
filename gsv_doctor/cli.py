"""The command line: parse, call a command, exit with its code. No logic lives here."""
from __future__ import annotations

import importlib
import sys
from typing import List, Optional

import click

from gsv_doctor import __version__
from gsv_doctor.commands import COMMANDS
from gsv_doctor.errors import EXIT_INTERRUPTED, EXIT_USAGE, OutputFailed, error_handler, guard_output
from gsv_doctor.i18n import LANG_KEY


class DoctorGroup(click.Group):
    """Loads each command on first use, and runs every command under the one error handler,
    so CliRunner and the console agree."""

    def list_commands(self, ctx: click.Context) -> List[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def invoke(self, ctx: click.Context):
        with error_handler(passthrough=(click.ClickException, click.exceptions.Exit, click.exceptions.Abort),
                           language=lambda: ctx.meta.get(LANG_KEY)):
            return super().invoke(ctx)


@click.group(cls=DoctorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gsv-doctor")
def cli() -> None:
    """Diagnose and fix float16 / device problems of GPT-SoVITS (and RVC-style projects)."""


@cli.result_callback()
def _exit_with(code: Optional[int], **_: object) -> None:
    click.get_current_context().exit(code or 0)


def main(argv: Optional[List[str]] = None) -> None:
    guard_output()
    try:
        code = cli.main(args=argv, prog_name="gsv-doctor", standalone_mode=False)
    except click.exceptions.Abort:
        print("gsv-doctor: interrupted.", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except click.ClickException as error:  # bad usage: click's message, our exit code
        error.show()
        code = EXIT_USAGE
    try:
        sys.stdout.flush()  # here, not at interpreter exit, where a failure would go unsaid
    except OutputFailed as error:
        with error_handler():
            raise error
    raise SystemExit(code or 0)
