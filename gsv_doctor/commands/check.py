"""gsv-doctor check: probe the target interpreter, read the project, report findings."""
from __future__ import annotations

import json

import click

from gsv_doctor import target


@click.command()
@click.option("--python", "python", metavar="PATH", help="Interpreter to probe (default: this one).")
@click.option("--timeout", type=float, default=target.DEFAULT_TIMEOUT_S, show_default=True,
              help="Seconds the probe may take.")
def check(python, timeout) -> int:
    """Probe torch on every device and diagnose the project (work in progress)."""
    result = target.run(python, timeout=timeout)
    target.require_torch(result)
    click.echo(json.dumps(result.report, indent=2))
    return 0
