"""gsv-doctor check: probe the target interpreter, read the project, report findings."""
from __future__ import annotations

import sys

import click

from gsv_doctor import envelope, i18n, messages, report, target
from gsv_doctor.checkup import run_checkup
from gsv_doctor.findings import exit_code
from gsv_doctor.i18n import LANG_KEY, pick_language

project_option = click.option("--project", metavar="DIR")
python_option = click.option("--python", "python", metavar="PATH")
def _finite_timeout(_ctx: click.Context, param: click.Parameter, value):
    if value is not None and value != value:  # nan passes every range comparison
        raise click.BadParameter(f"{value} is not a number of seconds (1 to {target.MAX_TIMEOUT_S:g}).", param=param)
    return value


# Every child gsv-doctor starts (probe, "where is torch", hook install) gets at most this long.
timeout_option = click.option("--timeout", metavar="SECONDS", type=click.FloatRange(min=1, max=target.MAX_TIMEOUT_S),
                              default=target.DEFAULT_TIMEOUT_S, callback=_finite_timeout)
# Their help texts are in messages.HELP (cli.localise), in English and Chinese.
def _remember_lang(ctx: click.Context, _param: click.Parameter, value):
    ctx.meta[LANG_KEY] = value  # so an error message before any output speaks it too
    return value


lang_option = click.option("--lang", type=click.Choice(["en", "zh"]), callback=_remember_lang)


def progress(lang: str):
    """A status line on stderr while torch imports in the child; erased on a terminal."""

    def show(python: str) -> None:
        line = messages.label("probing", lang, python=python)
        end = "\r" if sys.stderr.isatty() else "\n"
        sys.stderr.write(report.safe_text(line, sys.stderr) + end)
        sys.stderr.flush()

    return show


def clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


@click.command()
@project_option
@python_option
@click.option("--json", "as_json", is_flag=True)
@click.option("--markdown", is_flag=True)
@click.option("--probe-json", metavar="FILE")
@timeout_option
@lang_option
def check(project, python, as_json, markdown, probe_json, timeout, lang) -> int:
    """Probe torch on every device and say which GPT-SoVITS entry points will fail, and why."""
    lang = pick_language(lang)
    if as_json and markdown:
        raise click.UsageError(i18n.text(messages.ERRORS, "usage.exclusive", lang, first="--json", second="--markdown"))
    result = run_checkup(project, python, timeout, probe_json,
                         on_probe_start=None if probe_json else progress(lang))
    clear_progress()
    if as_json:
        click.echo(envelope.dumps(envelope.envelope("check", lang, exit_code(result.findings),
                                                    report.to_json(result, lang))))
    elif markdown:
        click.echo(report.safe_text(report.render_markdown(result, lang), sys.stdout), nl=False)
    else:
        text = report.render_text(result, lang, colour=report.use_colour())
        click.echo(report.safe_text(text, sys.stdout), nl=False, color=report.use_colour())
    return exit_code(result.findings)
