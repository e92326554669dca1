"""One exception for "the user must act", and the exit codes every command shares."""
from __future__ import annotations

import contextlib
import sys
import traceback
from typing import Any, Callable, Iterator, Mapping, Optional, Tuple, Type

# Documented in the README; never renumber.
EXIT_OK = 0
EXIT_FINDINGS = 1  # at least one error-level finding (or a fix that is still needed)
EXIT_USAGE = 2  # bad usage, bad input, or the doctor could not run
EXIT_BUG = 3  # an unexpected exception inside gsv-doctor
EXIT_INTERRUPTED = 130


class DoctorError(Exception):
    """A problem the user must act on: rendered as one paragraph, never a traceback.

    Written as a text key (`DoctorError.of`), it speaks every language of gsv_doctor.i18n:
    the message is `key` and the hint `key + ".hint"` (when there is one) of a text table,
    filled with `params` (a DoctorError among them is filled in the same language).
    `message`/`hint` hold the English, for logs and tests. The older form (English text,
    optionally `zh`) is left for fix.py's own messages and OutputFailed."""

    def __init__(self, message: str, hint: Optional[str] = None, exit_code: int = EXIT_USAGE,
                 zh: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code
        self.zh = zh  # the whole paragraph in Simplified Chinese, where one is written
        self.code: Optional[str] = None
        self.params: Mapping[str, Any] = {}
        self.table: Optional[Mapping[str, Mapping[str, str]]] = None

    @classmethod
    def of(cls, code: str, exit_code: int = EXIT_USAGE, table: Optional[Mapping[str, Mapping[str, str]]] = None,
           **params: Any) -> "DoctorError":
        """The error whose words are `code` in `table` (default: gsv_doctor.messages.ERRORS)."""
        if table is None:
            from gsv_doctor.messages import ERRORS as table
        error = cls(*_paragraph(table, code, "en", params), exit_code=exit_code)
        error.code, error.params, error.table = code, dict(params), table
        name = getattr(table, "name", None)  # a registered table: the message can be said in Chinese later
        if name is not None:
            from gsv_doctor.i18n import Said

            error.message = Said(name, code, {k: (v.message if isinstance(v, DoctorError) else v)
                                              for k, v in params.items()})
        return error

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} {self.hint}"

    def text(self, lang: str) -> str:
        if self.table is not None and self.code is not None:
            message, hint = _paragraph(self.table, self.code, lang, self.params)
            return message if not hint else message + ("" if lang == "zh" else " ") + hint  # no space after "。"
        return self.zh if lang == "zh" and self.zh else str(self)

    def to_dict(self, lang: str) -> dict:
        """The error as the JSON envelope carries it."""
        return {"code": self.code, "params": _plain(self.params), "text": self.text(lang), "exit_code": self.exit_code}


def _paragraph(table, code: str, lang: str, params: Mapping[str, Any]) -> Tuple[str, Optional[str]]:
    from gsv_doctor import i18n

    # An error inside another (a refusal of the writer under --install-into) speaks the same language.
    params = {k: (v.text(lang) if isinstance(v, DoctorError) else v) for k, v in params.items()}
    hint = i18n.text(table, code + ".hint", lang, params) if code + ".hint" in table else None
    return i18n.text(table, code, lang, params), hint


def _plain(params: Mapping[str, Any]) -> dict:
    return {k: (v if isinstance(v, (str, int, float, bool, type(None), list)) else str(v)) for k, v in params.items()}


def _line(key: str, lang: Optional[str], **params: Any) -> str:
    from gsv_doctor import messages
    from gsv_doctor.i18n import pick_language

    return messages.line(key, pick_language(lang), **params)


class OutputFailed(DoctorError):
    """Standard output cannot be written (a full disk behind `> file`, a closed pipe)."""


WRITTEN_THIS_RUN: list = []  # user files changed by this process (edits appends): said when output fails


def _output_failed(error: OSError) -> OutputFailed:
    import os

    try:  # nothing more goes there, not even the interpreter's last flush
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    done = zh_done = ""
    if WRITTEN_THIS_RUN:
        done = " These files were already changed, as planned: " + ", ".join(WRITTEN_THIS_RUN) + "."
        zh_done = "以下文件已经按计划修改：" + "、".join(WRITTEN_THIS_RUN) + "。"
    reason = error.strerror or str(error)
    failed = OutputFailed(f"could not write the output ({reason}).{done}", zh=f"无法写出输出内容（{reason}）。{zh_done}")
    failed.code = "output.failed"
    return failed


def guard_output() -> None:
    """Make a failing standard output (`> file` on a full disk) an OutputFailed, a message with
    exit code 2, instead of a traceback or, at exit, silence. A terminal is left alone."""
    import io

    stream = sys.stdout
    try:
        if stream is None or stream.isatty() or stream.fileno() != 1:
            return
    except (OSError, ValueError, AttributeError):
        return

    class GuardedBuffer(io.BufferedWriter):
        def write(self, data):
            try:
                return super().write(data)
            except OSError as error:
                raise _output_failed(error) from None

        def flush(self):
            try:
                return super().flush()
            except OSError as error:
                raise _output_failed(error) from None

    try:
        stream.flush()
    except OSError:
        pass
    buffer = GuardedBuffer(io.FileIO(1, "w", closefd=False))
    sys.stdout = io.TextIOWrapper(buffer, encoding=stream.encoding, errors=stream.errors,
                                  line_buffering=stream.line_buffering)


@contextlib.contextmanager
def error_handler(passthrough: Tuple[Type[BaseException], ...] = (),
                  language: Optional[Callable[[], Optional[str]]] = None,
                  on_error: Optional[Callable[[DoctorError, str], bool]] = None) -> Iterator[None]:
    """Map every way a command can fail to a message on stderr and an exit code.
    `passthrough`: exceptions someone above handles (click's usage errors);
    `language`: the --lang the user gave, asked only when there is a message to print;
    `on_error`: told of a DoctorError first (the JSON envelope); True means it was shown."""
    try:
        yield
    except passthrough:
        raise
    except DoctorError as error:
        from gsv_doctor.i18n import pick_language

        lang = pick_language(language() if language else None)
        if not (on_error and on_error(error, lang)):
            print(f"gsv-doctor: {_safe(error.text(lang))}", file=sys.stderr)
        raise SystemExit(error.exit_code)
    except KeyboardInterrupt:
        print(_safe(_line("cli.interrupted", language() if language else None)), file=sys.stderr)
        raise SystemExit(EXIT_INTERRUPTED)
    except Exception:  # a bug in gsv-doctor: keep what a bug report needs
        from gsv_doctor import __version__

        print(_safe(_line("cli.bug", language() if language else None, version=__version__,
                          python=sys.version.split()[0], platform=sys.platform)), file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        raise SystemExit(EXIT_BUG)


def _safe(text: str) -> str:
    """Text stderr's encoding can carry (a GBK console cannot print every symbol)."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        return text.encode(encoding, "replace").decode(encoding, "replace")
