"""The command line: parse, call a command, exit with its code. No logic lives here."""
from __future__ import annotations

import importlib
import re
import sys
from typing import List, Optional, Sequence

import click

from gsv_doctor import __version__
from gsv_doctor.commands import COMMANDS
from gsv_doctor.errors import EXIT_INTERRUPTED, EXIT_USAGE, DoctorError, OutputFailed, error_handler, guard_output
from gsv_doctor.i18n import LANG_KEY


# -- --help in the user's language ------------------------------------------------------------
# click takes help texts at decoration time; gsv-doctor sets them from the table messages.HELP
# each time the command line is built, in the language of --lang (read from the arguments
# before click parses them), else of the locale. Headings and "Usage:" come from the formatter.

HELP_LANG_KEY = "gsv_doctor.help_lang"
HELP_NAMES = ["-h", "--help"]


def help_text(key: str, lang: str, **params: object) -> str:
    from gsv_doctor import i18n, messages

    return i18n.text(messages.HELP, key, lang, params)


def help_key(path: str, option: str) -> str:
    """The most specific key of messages.HELP for `option` of the command at `path` ("hook
    install"): "hook install --python", then "hook --python", then "--python"."""
    from gsv_doctor.messages import HELP

    words = path.split()
    for length in range(len(words), -1, -1):
        key = " ".join(words[:length] + [option])
        if key in HELP:
            return key
    return option


def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class _SaidRange(click.FloatRange):
    """A range that the option's help text states in words; click's own "[1<=x<=86400.0]" is English."""

    def _describe_range(self) -> str:
        return ""


def localise(command: click.Command, path: str, lang: str) -> None:
    """The help texts of `command` (at `path`: "check", "hook install") and its subcommands in `lang`."""
    command.help = help_text(path, lang)
    command.context_class = DoctorContext
    if command.add_help_option:  # our own -h/--help, whose text we set (click's is English)
        command.add_help_option = False
        command.params.append(click.Option(HELP_NAMES, is_flag=True, is_eager=True, expose_value=False,
                                           callback=_show_help))
    for param in command.params:
        if isinstance(param, click.Option):
            name = next((o for o in param.opts if o.startswith("--")), param.opts[0])
            default = param.default if isinstance(param.default, (int, float)) and not param.is_flag else None
            param.help = help_text(help_key(path, name), lang, default="%g" % default if default is not None else None)
            param.show_default = False  # the text says the default, in its language
            if isinstance(param.type, click.FloatRange):
                param.type = _SaidRange(param.type.min, param.type.max)  # ... and the range
    for name, sub in getattr(command, "commands", {}).items():
        localise(sub, f"{path} {name}", lang)


class DoctorFormatter(click.HelpFormatter):
    lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        super().write_usage(prog, args, help_text("usage", self.lang) if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from gsv_doctor.messages import HELP

        key = "heading " + heading
        self.write(" " * self.current_indent + (help_text(key, self.lang) if key in HELP else heading + ":") + "\n")


class DoctorContext(click.Context):
    formatter_class = DoctorFormatter

    def make_formatter(self) -> click.HelpFormatter:
        formatter = super().make_formatter()
        formatter.lang = self.meta.get(HELP_LANG_KEY) or "en"
        return formatter


class DoctorGroup(click.Group):
    """Loads each command on first use, and runs every command under the one error handler,
    so CliRunner and the console agree."""

    context_class = DoctorContext

    def list_commands(self, ctx: click.Context) -> List[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        localise(command, name, ctx.meta.get(HELP_LANG_KEY) or "en")
        return command

    def parse_args(self, ctx: click.Context, args: List[str]) -> List[str]:
        from gsv_doctor.i18n import pick_language

        ctx.meta[ARGS_KEY] = list(args)  # for the error handler: --json and --lang before click parsed them
        ctx.meta[HELP_LANG_KEY] = pick_language(lang_of(args))
        localise(self, "gsv-doctor", ctx.meta[HELP_LANG_KEY])
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        args = ctx.meta.get(ARGS_KEY) or []

        def as_json(error: DoctorError, lang: str) -> bool:
            command = json_command(args)
            if command is None or isinstance(error, OutputFailed):  # no JSON to a stdout that failed
                return False
            _print_json_error(command, lang, error.to_dict(lang), error.exit_code)
            return True

        with error_handler(passthrough=(click.ClickException, click.exceptions.Exit, click.exceptions.Abort),
                           language=lambda: ctx.meta.get(LANG_KEY) or lang_of(args), on_error=as_json):
            return super().invoke(ctx)


ARGS_KEY = "gsv_doctor.args"


@click.group(cls=DoctorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gsv-doctor")
def cli() -> None:
    """Diagnose and fix float16 / device problems of GPT-SoVITS (and RVC-style projects)."""


@cli.result_callback()
def _exit_with(code: Optional[int], **_: object) -> None:
    click.get_current_context().exit(code or 0)


def _options(args: Sequence[str]) -> List[str]:
    """The arguments before `--` (what follows belongs to `run`'s program)."""
    return list(args[: args.index("--")]) if "--" in args else list(args)


def lang_of(args: Sequence[str]) -> Optional[str]:
    """The --lang the user gave, read before click has parsed anything (a usage error comes first)."""
    options = _options(args)
    for index, arg in enumerate(options):
        if arg == "--lang" and index + 1 < len(options):
            return options[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def json_command(args: Sequence[str]) -> Optional[str]:
    """The command whose JSON envelope an error goes into, when --json was given."""
    from gsv_doctor.envelope import SCHEMAS

    options = _options(args)
    if "--json" not in options:
        return None
    words = [arg for arg in options if not arg.startswith("-")]
    for length in (2, 1):
        name = " ".join(words[:length])
        if name in SCHEMAS:
            return name
    return None


def _print_json_error(command: str, lang: str, error: dict, exit_code: int) -> None:
    from gsv_doctor import envelope

    click.echo(envelope.dumps(envelope.envelope(command, lang, exit_code, errors=[error])))


def usage_message(error: click.ClickException, lang: str) -> str:
    """click's usage error in `lang`: what was wrong, in gsv-doctor's words."""
    from gsv_doctor.messages import line

    if isinstance(error, click.exceptions.NoSuchOption):
        text = line("cli.no-such-option", lang, option=error.option_name)
        if error.possibilities:
            text += " " + line("cli.did-you-mean", lang, options=", ".join(sorted(error.possibilities)))
        return text
    if type(error).__name__ == "NoSuchCommand":  # click 8.4 and later
        return line("cli.no-such-command", lang, name=getattr(error, "command_name", "?"))
    if isinstance(error, click.exceptions.MissingParameter):
        param = error.param
        name = (param.opts[0] if getattr(param, "opts", None) and isinstance(param, click.Option)
                else getattr(param, "human_readable_name", None) or (param.name if param else "?"))
        return line("cli.missing-argument", lang, name=name)
    if isinstance(error, click.BadParameter):
        param = error.param
        name = param.opts[0] if param is not None and getattr(param, "opts", None) else (param.name if param else "?")
        kind = getattr(param, "type", None)
        if isinstance(kind, click.Choice):
            return line("cli.bad-choice-only", lang, name=name, choices=", ".join(map(str, kind.choices)))
        if getattr(kind, "min", None) is not None and getattr(kind, "max", None) is None:
            return line("cli.bad-min", lang, name=name, min=kind.min)
        if getattr(kind, "min", None) is not None and getattr(kind, "max", None) is not None:
            return line("cli.bad-range", lang, name=name, min=f"{kind.min:g}", max=f"{kind.max:g}")
        return line("cli.bad-value", lang, name=name, message=error.message)
    if isinstance(error, click.exceptions.BadOptionUsage) and "requires" in error.message:
        return line("cli.missing-value", lang, name=error.option_name)
    found = re.match(r"Got unexpected extra arguments? \((.*)\)$", error.message)
    if found:
        return line("cli.extra-arguments", lang, args=found.group(1))
    found = re.match(r"No such command '(.*)'\.$", error.message)
    if found:
        return line("cli.no-such-command", lang, name=found.group(1))
    if error.message == "Missing command.":
        return line("cli.missing-command", lang)
    return error.format_message()  # gsv-doctor's own usage errors are written in `lang` already


def show_usage_error(error: click.ClickException, lang: str) -> None:
    from gsv_doctor.messages import line

    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        ctx.meta[HELP_LANG_KEY] = lang
        click.echo(ctx.get_usage(), err=True)
        click.echo(line("cli.try-help", lang, command=ctx.command_path), err=True)
        click.echo("", err=True)
    click.echo(line("cli.error", lang, message=usage_message(error, lang)), err=True)


def main(argv: Optional[List[str]] = None) -> None:
    guard_output()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = cli.main(args=args, prog_name="gsv-doctor", standalone_mode=False)
    except click.exceptions.Abort:
        from gsv_doctor.i18n import pick_language
        from gsv_doctor.messages import line

        print(line("cli.interrupted", pick_language(lang_of(args))), file=sys.stderr)
        code = EXIT_INTERRUPTED
    except click.ClickException as error:  # bad usage: click's message in our words, our exit code
        code = EXIT_USAGE
        if isinstance(error, getattr(click.exceptions, "NoArgsIsHelpError", ())):
            error.show()
        else:
            from gsv_doctor.i18n import pick_language

            lang = pick_language(lang_of(args))
            command = json_command(args)
            if command is not None:
                text = usage_message(error, lang)
                _print_json_error(command, lang, {"code": "usage", "params": {}, "text": text, "exit_code": code},
                                  code)
            else:
                show_usage_error(error, lang)
    try:
        sys.stdout.flush()  # here, not at interpreter exit, where a failure would go unsaid
    except OutputFailed as error:
        with error_handler(language=lambda: lang_of(args)):
            raise error
    raise SystemExit(code or 0)
