"""The command line: parse, call a command, exit with its code. No logic lives here."""
from __future__ import annotations

import sys
from typing import List, Optional

import click

from gsv_doctor import __version__
from gsv_doctor.commands import COMMANDS
from gsv_doctor.errors import EXIT_INTERRUPTED, EXIT_USAGE, error_handler


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gsv-doctor")
def cli() -> None:
    """Diagnose and fix float16 / device problems of GPT-SoVITS (and RVC-style projects)."""


for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: Optional[List[str]] = None) -> None:
    with error_handler():
        try:
            code = cli.main(args=argv, prog_name="gsv-doctor", standalone_mode=False)
        except click.exceptions.Abort:
            print("gsv-doctor: interrupted.", file=sys.stderr)
            code = EXIT_INTERRUPTED
        except click.exceptions.Exit as done:  # --help, --version
            code = done.exit_code
        except click.ClickException as error:  # bad usage: click's message, our exit code
            error.show()
            code = EXIT_USAGE
    raise SystemExit(code or 0)
