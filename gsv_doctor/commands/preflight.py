"""gsv-doctor preflight: one fast line for start scripts, or the findings and a non-zero exit."""
from __future__ import annotations

import sys
from typing import List

import click

from gsv_doctor import preflight as core
from gsv_doctor import messages, report
from gsv_doctor.commands.check import lang_option, project_option, python_option, timeout_option
from gsv_doctor.findings import Finding, Severity
from gsv_doctor.i18n import pick_language


def render_findings(findings: List[Finding], lang: str) -> str:
    shown = [f for f in findings if f.severity is not Severity.INFO]
    return "\n".join(line for finding in shown for line in report.finding_lines(finding, lang, brief=True))


def failure_text(result: core.Preflight, errors: List[Finding], lang: str, how_to_fix: str) -> str:
    """The errors that stop this launch, then the warnings; errors something else answers
    (the hook, an exported is_half) are left out so the count and the list agree."""
    header = messages.label("preflight_fail", lang, count=len(errors))
    warnings = [f for f in result.findings if f.severity is Severity.WARNING]
    return f"{header}\n{render_findings(errors + warnings, lang)}\n{how_to_fix}"


def ok_line(result: core.Preflight, lang: str) -> str:
    """The one line of a launch that will work."""
    line = messages.line
    torch_version = result.report.torch_version or result.identity.torch_version
    where = line("preflight.project", lang, root=result.project.root) if result.project else \
        line("preflight.no-project", lang)
    extra = line("preflight.needs-env", lang) if result.env.get("is_half") == "False" else ""
    return line("preflight.ok", lang, torch=torch_version, where=where, extra=extra,
                source=line("preflight.cached" if result.cached else "preflight.fresh", lang))


def _echo(text: str, stream) -> None:
    click.echo(report.safe_text(text, stream), file=stream)


@click.command()
@project_option
@python_option
@click.option("--fix", "apply_fix", is_flag=True)
@click.option("--env", "env_shell", type=click.Choice(["sh", "cmd", "powershell"]))
@click.option("--install-into", "script", metavar="SCRIPT")
@click.option("--refresh", is_flag=True)
@timeout_option
@lang_option
def preflight(project, python, apply_fix, env_shell, script, refresh, timeout, lang) -> int:
    """Check before a launch (fast with a cached probe): one line when all is well."""
    lang = pick_language(lang)
    if script:
        backup = core.install_into(script)
        if backup is None:
            _echo(messages.line("preflight.already-installed", lang, script=script), sys.stdout)
        else:
            _echo(messages.line("preflight.installed", lang, script=script, backup=backup), sys.stdout)
        return 0
    result = core.run_preflight(project, python, timeout, refresh=refresh)
    status = sys.stderr if env_shell else sys.stdout  # with --env, stdout is for the shell to evaluate
    errors = result.blocking()
    fixed: List[str] = []
    if errors and apply_fix:
        fixed = core.apply_fix(result)
        result = core.run_preflight(project, python, timeout)
        errors = result.blocking()
    if errors:
        hint = messages.label("preflight_fix_failed" if apply_fix else "preflight_hint", lang)
        click.echo(report.safe_text(failure_text(result, errors, lang, hint), status), file=status)
        return result.exit_code
    if fixed:
        _echo(messages.line("preflight.fixed", lang, paths=", ".join(fixed)), status)
    _echo(ok_line(result, lang), status)
    if env_shell:
        for line in core.env_lines(result.env, env_shell):
            click.echo(line)
    return 0
