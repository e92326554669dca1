"""Read a log the user already has and find its tracebacks.

Input is bytes from anywhere (a file, a pipe, text pasted at a prompt, a GitHub issue):
UTF-8, GBK (a Chinese Windows console), UTF-16 (PowerShell's `>`), with ANSI colour
codes, carriage-return progress bars, `[rank0]:` or docker-compose prefixes, Gradio's
queue frames around the real error, and messages quoted as Python reprs. Nothing in
here may raise on any input: a log is evidence, never a reason to crash.
"""
from __future__ import annotations

import os
import re
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, List, Optional, Tuple

from gsv_doctor.errors import DoctorError

# CSI sequences (colours, cursor moves), OSC sequences (titles, links), other escapes.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])?")
# Control bytes other than tab and the line breaks that splitlines() handles.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x7f]")
_CONTROL_BYTES = bytes(list(range(0x00, 0x09)) + list(range(0x0E, 0x1B)) + [0x7F])
# Per-line prefixes added by launchers: torch.distributed's "[rank0]: ", docker compose's
# "service-1  | ", and GitHub's quote marker "> " when a log was copied from an issue.
_RANK = re.compile(r"\[rank\d+\]:[ \t]?")
_DOCKER = re.compile(r"[\w.-]+[ \t]+\|[ \t]")
_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+)(?:, in (?P<func>.+?))?\s*$')
_TRACEBACK_START = "Traceback (most recent call last):"
_CHAIN_LINES = (
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
)
# "RuntimeError: ...", "torch.cuda.OutOfMemoryError: ...", "gradio.exceptions.Error: ...", "KeyboardInterrupt".
_EXCEPTION = re.compile(
    r"^(?P<type>(?:[A-Za-z_][\w]*\.)*(?:[A-Za-z_]\w*)?(?:Error|Exception|Warning|Interrupt|Exit))(?::\s?(?P<message>.*))?$"
)
# The shape of any exception line, "zipfile.BadZipFile: ..." too: a dotted name with a capital last part (after
# underscores: numpy's "_ArrayMemoryError"), or a module's lower-case class with its message ("socket.timeout: ...").
_EXCEPTION_SHAPE = re.compile(r"^(?:[A-Za-z_]\w*\.)*_*[A-Z]\w*(?::\s|:$|$)|^(?:[A-Za-z_]\w*\.)+[a-z_]\w*:(?:\s|$)",
                              re.ASCII)
# An exception inside a longer line: after a table's pipe, a timestamp, or words ("大概是SystemError: ..."):
# a name with one of the endings and a message (a bare word "Error" in prose is no exception).
_EXCEPTION_IN = re.compile(r"(?<![\w.])(?P<type>(?:[A-Za-z_]\w*\.)*(?:[A-Za-z_]\w*)?(?:Error|Exception|Interrupt|Exit))"
                           r":[ \t]?(?P<message>\S.*)", re.ASCII)
# A timestamp a log viewer glued in front of the line ("2024-04-24T09:23:04.195ZModuleNotFoundError: ...").
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?")
_CJK_CLASS = "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_CJK = re.compile(_CJK_CLASS)
# Where a message runs into the words of a post: Chinese glued to the end of an English message, or after a
# space following a word ("..._C 之类的"; not after "]": "[WinError 126] 找不到指定的模块" is Windows' own message).
_INTO_PROSE = re.compile("(?<=[A-Za-z0-9.)\\]])" + _CJK_CLASS + "|(?<=[A-Za-z0-9])[ \t]+" + _CJK_CLASS)
# A piece of a frame that a narrow console or a phone wrapped ("File" alone, the path going on below), or that
# text recognition misread ("file CDownload..."): no exception line, the traceback goes on.
_FRAME_PIECE = re.compile(r'^\s*file\b(?!\s*[:=(.\[])|",?\s*line\s+\d+', re.IGNORECASE)
_FRAME_IN = re.compile(r'File "(?P<path>[^"]+)", line (?P<line>\d+)(?:, in (?P<func>[\w<>.]+))?')
# Paths that belong to Python, torch, gradio and friends rather than to the project.
_LIBRARY_PATH = re.compile(
    r"(?:^<)|/site-packages/|/dist-packages/|/lib/python\d[\d.]*/|/python\d+/lib/"
    r"|/runtime/lib/(?!site-packages)|/envs/[^/]+/lib/|/lib64/python|/anaconda\d*/lib/|/miniconda\d*/lib/"
    r"|/\.pyenv/versions/|/frameworks/python\.framework/",
    re.IGNORECASE,
)
# Console widths at which a copied line may have been hard-wrapped (cmd: 80 or 120 columns);
# a line exactly that long (or one shorter: a trailing space trimmed) may continue below.
_CONSOLE_WIDTHS = frozenset((80, 100, 120, 128, 132, 140, 150, 160, 180, 200, 240))
_TRIMMED_WIDTHS = frozenset(width - 1 for width in _CONSOLE_WIDTHS)
_TOP_LEVEL_FILES = ("webui.py", "api.py", "api_v2.py", "config.py", "go-webui.py", "infer-web.py")


@dataclass
class Frame:
    path: str  # as written in the log
    line: int
    function: str
    code: str = ""  # the source line the traceback printed under it, if any

    @property
    def posix(self) -> str:
        return self.path.replace("\\", "/")

    @property
    def is_library(self) -> bool:
        return is_library_path(self.path)

    @property
    def path_and_function(self) -> str:
        """"path function": what the catalog's and explain's frame patterns are matched against."""
        return self.path + " " + self.function


@dataclass
class Traceback:
    frames: List[Frame]
    exception: str  # the exception line ("RuntimeError: ..."), stripped
    start_line: int  # 1-based line number of "Traceback (most recent call last):" (or the first frame)
    exception_line: int  # 1-based line number of the exception line (0 when the log ends early)
    chained_from: Optional[int] = None  # index of the traceback this one was raised while handling
    more: List[str] = field(default_factory=list)  # lines after it, up to a blank line (multi-line messages)

    @property
    def wrapped(self) -> List[str]:
        """The lines of `more` that continue the exception line because a console cut it at
        its width (cmd copies hard-wrapped text): each line before them is that long."""
        lines = []
        previous = self.exception
        for line in self.more:
            if len(previous) not in _CONSOLE_WIDTHS and len(previous) not in _TRIMMED_WIDTHS:
                break
            lines.append(line)
            previous = line
        return lines

    @property
    def full_exception(self) -> str:
        """The exception line joined with its hard-wrapped continuation."""
        joined = self.exception
        previous = self.exception
        for line in self.wrapped:
            joined += (" " if len(previous) in _TRIMMED_WIDTHS else "") + line
            previous = line
        return joined

    @property
    def exception_type(self) -> str:
        match = _EXCEPTION.match(self.exception)
        return match.group("type") if match else ""


@dataclass
class Log:
    text: str  # decoded and cleaned; lines joined with "\n"
    encoding: str
    tracebacks: List[Traceback] = field(default_factory=list)
    line_count: int = 0
    lines: List[str] = field(default_factory=list, repr=False)  # text split at "\n"

    def last_exception(self) -> Optional[str]:
        """The last exception line in the log, for "nothing matched" reports."""
        return self.last_exception_at()[1] or None

    def last_exception_at(self) -> Tuple[int, str]:
        """(line number, text) of the last exception line: a traceback's, else one of the last 2000 lines
        that is one or names one; (0, "") when there is none."""
        for traceback in reversed(self.tracebacks):
            if traceback.exception:
                return traceback.exception_line, traceback.exception
        lines = self.lines or self.text.split("\n")
        for index in range(len(lines) - 1, max(-1, len(lines) - 2001), -1):
            stripped = lines[index].strip()
            match = _EXCEPTION.match(stripped)
            if match and match.group("message") is not None:
                return index + 1, stripped
            inside = exception_in(stripped)
            if inside:
                return index + 1, inside
        return 0, ""


def is_error_line(line: str) -> bool:
    """Is the line by itself an error's exception line with its message ("RuntimeError: ...",
    "torch.cuda.OutOfMemoryError: ..."), not a warning nor a bare "Error: ..." that anyone may write?"""
    match = _EXCEPTION.match(line.strip())
    if match is None or not match.group("message"):
        return False
    name = match.group("type").rsplit(".", 1)[-1]
    return name.endswith(("Error", "Exception")) and name not in ("Error", "Exception")


def exception_in(line: str) -> Optional[str]:
    """The exception named inside a line that does not start with it: after a table's pipe or a
    timestamp, or in a sentence of a post; cut where the post's Chinese words go on after it."""
    if "Error" not in line and "Exception" not in line and "Interrupt" not in line and "Exit" not in line:
        return None  # most lines: no regex pass
    if _TIMESTAMP.search(line):
        line = _TIMESTAMP.sub(" ", line)
    match = _EXCEPTION_IN.search(line)
    if match is None:
        return None
    found = match.group(0).rstrip()
    before = line[:match.start()].rstrip()
    if before.endswith(("`", '"')) and before[-1] in found:  # quoted in a post: "`RuntimeError: ...` happens when"
        found = found[:found.rindex(before[-1])].rstrip()
    if _CJK.search(before):  # in a sentence: the message ends where the words go on
        end = _INTO_PROSE.search(found, len(match.group("type")) + 2)
        if end:
            found = found[:end.start()].rstrip()
    return found


# ----------------------------------------------------------------------------- reading


MAX_LOG_BYTES = 16 * 2 ** 20  # far beyond any real log; the end of a longer file is kept
STREAM_READ_MAX = 1 << 30  # standard input read beyond this is taken as endless (`yes |`)
FIFO_WAIT_S = 10.0  # how long a named pipe may stay without a writer


def read_source(source: Optional[str], stdin: Optional[BinaryIO] = None) -> Tuple[bytes, str]:
    """Bytes of a file, or of standard input for "-" / None. Returns (data, name to show)."""
    data, name, _cut = read_source_capped(source, stdin)
    return data, name


def read_source_capped(source: Optional[str], stdin: Optional[BinaryIO] = None,
                       limit: Optional[int] = None) -> Tuple[bytes, str, bool]:
    """(data, name to show, cut): at most `limit` bytes (MAX_LOG_BYTES) of a file, of standard
    input or of a named pipe. A longer regular file or standard input gives its end (the newest
    traceback); an endless device or named pipe (/dev/zero) its start. Never blocks on a
    named pipe nobody writes into, never reads without end."""
    limit = MAX_LOG_BYTES if limit is None else limit
    if source is None or source == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise DoctorError.of("stdin.closed")
        try:
            data, cut = _read_last(stream.read, limit, STREAM_READ_MAX)
        except (OSError, ValueError) as error:
            raise DoctorError.of("stdin.unreadable", error=str(error))
        return data, "<stdin>", cut
    path = Path(source).expanduser()
    try:
        info = os.stat(str(path))
    except FileNotFoundError:
        raise DoctorError.of("log.no-such-file", source=source)
    except OSError as error:
        raise DoctorError.of("log.unreadable", source=source, error=str(error.strerror or error))
    if stat.S_ISDIR(info.st_mode):
        raise DoctorError.of("log.is-folder", source=source)
    try:
        if stat.S_ISFIFO(info.st_mode):
            data = _read_fifo(str(path), limit, source)
        elif stat.S_ISREG(info.st_mode) and info.st_size > limit:
            with open(str(path), "rb") as handle:
                handle.seek(info.st_size - limit)
                return handle.read(limit), str(source), True
        else:
            with open(str(path), "rb") as handle:
                data = _read_capped(handle.read, limit)
    except OSError as error:
        raise DoctorError.of("log.unreadable", source=source, error=str(error.strerror or error))
    return data[:limit], str(source), len(data) > limit


def _read_last(read, limit: int, most: int) -> Tuple[bytes, bool]:
    """(the last `limit` bytes of a stream read up to `most` bytes, whether any were dropped):
    a piped log ends with its newest traceback, and an endless stream still ends."""
    window = bytearray()
    size = 0
    while size < most:
        chunk = read(min(1 << 20, most - size))
        if not chunk:
            break
        size += len(chunk)
        window += chunk
        if len(window) > 2 * limit:  # trim now and then, not on every chunk
            del window[:len(window) - limit]
    return bytes(window[-limit:]) if limit else b"", size > limit


def _read_capped(read, limit: int) -> bytes:
    """Up to limit + 1 bytes (one more tells that there was more)."""
    parts = []
    size = 0
    while size <= limit:
        chunk = read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _read_fifo(path: str, limit: int, source: str) -> bytes:
    """A named pipe: wait FIFO_WAIT_S for a writer and then for each piece of data."""
    import select

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        parts = []
        size = 0
        waited_since = time.monotonic()
        seen_writer = False
        while size <= limit:
            ready, _, _ = select.select([fd], [], [], 0.1)
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size)) if ready else None
            except BlockingIOError:  # a writer is there, with nothing to say yet
                seen_writer, chunk = True, None
            if chunk:
                parts.append(chunk)
                size += len(chunk)
                seen_writer, waited_since = True, time.monotonic()
                continue
            if chunk == b"" and seen_writer:
                break  # the writer closed its end: the whole log is in
            if chunk == b"":
                time.sleep(0.1)  # no writer yet: the pipe reads as empty until one opens it
            if time.monotonic() - waited_since > FIFO_WAIT_S:
                if not parts:
                    raise DoctorError.of("log.fifo-silent", source=source, seconds=f"{FIFO_WAIT_S:g}")
                break
        return b"".join(parts)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------- decoding


def _utf16_without_bom(data: bytes) -> Optional[str]:
    sample = data[:2000]
    if len(sample) < 8:
        return None
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


_UTF8, _GBK, _EITHER = "utf-8", "gbk", "either"
_WIDE = re.compile("[\u0800-\ufffc\U00010000-\U0010ffff]")  # three- and four-byte UTF-8, not U+FFFD


def _wide_chars(text: str) -> int:
    return len(text) - len(_WIDE.sub("", text))


_ASCII = bytes(range(128))


def _vote(raw: bytes) -> str:
    """How a line that is not valid UTF-8 reads best."""
    as_utf8 = raw.decode("utf-8", "replace")
    utf8_bad = as_utf8.count("\ufffd")
    utf8_good = _wide_chars(as_utf8)
    if len(raw.translate(None, _ASCII)) < 4:
        return _EITHER  # a cut-off character or two: too little to tell, follow the file
    # GBK bytes often form valid two-byte UTF-8 by chance, but almost never three-byte
    # sequences (CJK and above): a line with more of those than broken ones is UTF-8.
    return _UTF8 if utf8_good >= utf8_bad else _GBK


def looks_binary(data: bytes) -> bool:
    """A file that is no text log (a model, an archive, a program): more than a tenth of its
    first 64 KB, decoded as a log is, are control characters, unassigned code points or
    undecodable bytes."""
    text, _ = decode(data[:65536])
    odd = sum(1 for ch in text if ch == "\ufffd" or (not ch.isprintable() and ch not in "\t\n\r\x0b\x0c\x1b\x08"))
    return odd > len(text) * 0.1


def decode(data: bytes) -> Tuple[str, str]:
    """Decode log bytes; returns (text, encoding name). Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return data[2:].decode(encoding, "replace"), encoding
    guessed = _utf16_without_bom(data)
    if guessed:
        return data.decode(guessed, "replace"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", "replace")
    bad = as_utf8.count("\ufffd")
    if _wide_chars(as_utf8) * 50 < bad:
        try:
            return data.decode("gb18030"), "gbk"  # the whole file is GBK: the common Windows case
        except UnicodeDecodeError:
            pass
    # Mixed logs exist (a UTF-8 Python next to a GBK console tool): decide line by line;
    # lines too short to tell follow the majority of the file.
    raws = data.split(b"\n")
    votes = []
    utf8_lines = gbk_lines = 0
    for raw in raws:
        try:
            raw.decode("utf-8")
            vote = _EITHER if raw.isascii() else _UTF8
        except UnicodeDecodeError:
            vote = _vote(raw)
        utf8_lines += vote == _UTF8
        gbk_lines += vote == _GBK
        votes.append(vote)
    default = _GBK if gbk_lines > utf8_lines else _UTF8
    pieces = []
    used_gbk = False
    for raw, vote in zip(raws, votes):
        encoding = default if vote == _EITHER else vote
        used_gbk = used_gbk or encoding == _GBK
        pieces.append(raw.decode("gb18030" if encoding == _GBK else "utf-8", "replace"))
    return "\n".join(pieces), ("gbk" if used_gbk else "utf-8 (with errors)")


# ---------------------------------------------------------------------------- cleaning


def _unquote(line: str) -> str:
    """Undo the escaping of a message shown as a Python repr (Gradio's error box, logged
    exception reprs): \\' -> ' and \\" -> "."""
    if "\\'" in line or '\\"' in line:
        line = line.replace("\\'", "'").replace('\\"', '"')
    return line


_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _strip_prefixes(lines: List[str]) -> List[str]:
    if any(line.startswith("[rank") for line in lines):
        lines = [_RANK.sub("", line, count=1) if line.startswith("[rank") else line for line in lines]
    if any(line.startswith(">") for line in lines):
        lines = [line[2:] if line.startswith("> ") else line[1:] if line.startswith(">") else line for line in lines]
    sample = [line for line in lines[:200] if line.strip()][:50]
    if sample and sum(1 for line in sample if _DOCKER.match(line)) * 2 > len(sample):
        lines = [_DOCKER.sub("", line, count=1) for line in lines]  # docker compose prefixes every line
    return lines


def clean_lines(text: str, has_control: Optional[bool] = None) -> List[str]:
    """Strip colour codes, control bytes, launcher prefixes and repr escapes; straighten
    the curly quotes that chat apps put in pasted text; split lines (a carriage return
    from a progress bar starts a new line, as the terminal showed it). Whole-text passes
    where possible: logs of long training runs are many megabytes. `has_control`: whether
    control bytes are present, when the caller knows (None: look)."""
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if has_control is None or has_control:
        text = _CONTROL.sub("", text)
    if any(quote in text for quote in ("\u201c", "\u201d", "\u2018", "\u2019")):
        text = text.translate(_CURLY)
    return _strip_prefixes(_unquote(text).splitlines())


# ------------------------------------------------------------------------ tracebacks


def _exception_at(lines: List[str], index: int) -> Optional[str]:
    stripped = lines[index].strip()
    if _EXCEPTION.match(stripped):
        return stripped
    return None


def parse_tracebacks(lines: List[str]) -> List[Traceback]:
    """Every "Traceback (most recent call last):" block with its frames and exception text,
    chained ones linked to the block they were raised while handling; and IPython's (Colab, Jupyter)."""
    found = _python_tracebacks(lines)
    notebook = _ipython_tracebacks(lines)
    if not notebook:
        return found
    merged = sorted(found + notebook, key=lambda traceback: traceback.start_line)
    place = {id(traceback): index for index, traceback in enumerate(merged)}
    for traceback in found:
        if traceback.chained_from is not None:
            traceback.chained_from = place[id(found[traceback.chained_from])]
    return merged


# IPython's own traceback, as Colab and Jupyter print it (a notebook's cells run the programs' Colab versions):
#   IndexError                                Traceback (most recent call last)
#   /content/app/infer.py in __init__(self, path)         (Colab: "[/content/app/infer.py](https://...) in ...";
#        21         else:                                  IPython 8: "File /content/app/infer.py:22, in Svc.__init__(...)"
#   ---> 22             path = list(Path(path).rglob('*.pt'))[0]                 or "Cell In[3], line 52")
#   IndexError: list index out of range
_IPYTHON_MARK = "Traceback (most recent call last)"
_IPYTHON_START = re.compile(r"^\s*(?P<type>(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s{2,}Traceback \(most recent call last\)\s*$")
_IPYTHON_FRAME = re.compile(
    r"^\s*(?:File\s+(?P<path8>\S.*?):(?P<line8>\d+)|Cell\s+(?P<cell>In\s?\[\d*\]), line (?P<cell_line>\d+)"
    r"|\[(?P<linked>[^\]\n]+)\]\([^)\n]*\)|(?P<path>[^\s\[][^\n]*?))(?:,|\s)\s*in\s+(?P<func>[\w<>.]+)(?:\(.*)?\s*$"
    r"|^\s*Cell\s+(?P<cell_only>In\s?\[\d*\]), line (?P<cell_only_line>\d+)\s*$")
_IPYTHON_ARROW = re.compile(r"^\s*-{1,6}>\s*(?P<line>\d+)(?:\s(?P<code>.*))?$")
_IPYTHON_CONTEXT = re.compile(r"^\s*\d+\s")


def _ipython_tracebacks(lines: List[str]) -> List[Traceback]:
    found: List[Traceback] = []
    total = len(lines)
    headers = [i for i, line in enumerate(lines) if _IPYTHON_MARK in line and _TRACEBACK_START not in line]
    index = 0
    for begin in headers:
        start = _IPYTHON_START.match(lines[begin]) if begin >= index else None
        if start is None:
            continue
        index = begin + 1
        frames: List[Frame] = []
        exception, exception_line = "", 0
        while index < total:
            stripped = lines[index].strip()
            if _IPYTHON_MARK in stripped:
                break  # the next one's heading: this one was cut off
            arrow = _IPYTHON_ARROW.match(stripped)
            frame = None if arrow else _IPYTHON_FRAME.match(stripped)
            if arrow:
                if frames and not frames[-1].code:  # the line the frame stopped at (IPython 8 names it above too)
                    frames[-1].line = frames[-1].line or int(arrow.group("line"))
                    frames[-1].code = (arrow.group("code") or "").strip()
            elif frame and (frame.group("path8") or frame.group("cell") or frame.group("linked") or frame.group("cell_only")
                            or frame.group("path") and re.search(r"\.pyw?$|^<", frame.group("path"))):
                cell = frame.group("cell") or frame.group("cell_only")
                path = ("<cell %s>" % cell) if cell else (frame.group("path8") or frame.group("linked") or frame.group("path"))
                number = frame.group("line8") or frame.group("cell_line") or frame.group("cell_only_line")
                frames.append(Frame(path.strip(), int(number or 0), frame.group("func") or ""))
            elif not stripped or _IPYTHON_CONTEXT.match(stripped) or stripped.startswith("...") \
                    or set(stripped) <= set("-^~ "):
                pass
            elif _EXCEPTION_SHAPE.match(stripped) and (frames or stripped.startswith(start.group("type"))):
                exception, exception_line = stripped, index + 1
                index += 1
                break
            elif frames or index - begin > _LOOKAHEAD:
                break  # the paste stopped inside the traceback, or this was no traceback
            index += 1
        if frames or exception:
            found.append(Traceback(frames, exception, begin + 1, exception_line))
    return found


def _python_tracebacks(lines: List[str]) -> List[Traceback]:
    found: List[Traceback] = []
    total = len(lines)
    previous_end = -10
    starts = [i for i, line in enumerate(lines) if 'File "' in line or _TRACEBACK_START in line]
    next_start = 0
    index = 0
    while next_start < len(starts):
        if starts[next_start] < index:
            next_start += 1
            continue
        index = starts[next_start]
        line = lines[index]
        indent = len(line) - len(line.lstrip())
        if _TRACEBACK_START in line:
            begin = index
            index += 1
            header_frames = []
            rest = line[line.index(_TRACEBACK_START) + len(_TRACEBACK_START):]
            if 'File "' in rest:  # a traceback whose lines a web page or a chat joined into one
                header_frames, one_line = _one_line_traceback(rest, begin)
                if one_line is not None:
                    found.append(one_line)
                    previous_end = begin
                    continue
        elif line.lstrip().startswith('File "') and _FRAME.match(line):
            begin = index  # a traceback pasted without its first line
            indent = max(0, indent - 2)
            header_frames = []
        else:
            next_start += 1
            continue
        # A whole traceback may be indented (a Markdown code block, a nested log): source
        # lines sit deeper than the frames, the exception line as deep as the header.
        code_indent = indent + 3
        frames: List[Frame] = header_frames
        more: List[str] = []
        exception = ""
        exception_line = 0
        while index < total:
            line = lines[index]
            if 'File "' in line:
                match = _FRAME.match(line)
                if match:
                    path, number, function = match.group("path", "line", "func")
                    frames.append(Frame(path, int(number), (function or "").strip()))
                    index += 1
                    continue
            if _FRAME_PIECE.match(line):
                joined = _wrapped_frame(lines, index)
                if joined is not None:
                    frame, index = joined
                    frames.append(frame)
                    continue
            if frames and line[:code_indent].isspace():
                # the source line under a frame; then Python 3.11's ^^^^ markers
                if not frames[-1].code:
                    code = line.strip()
                    if code.strip("^~"):
                        frames[-1].code = code
                index += 1
                continue
            stripped = line.strip()
            if not stripped.strip("^~"):
                index += 1  # blank lines, markers before any frame
                continue
            if stripped.startswith("...") or stripped.startswith("[Previous line repeated"):
                index += 1
                continue
            if _TRACEBACK_START in stripped or stripped in _CHAIN_LINES:
                break  # the traceback was cut off before its exception line: the next one starts
            if stripped.startswith(("```", "~~~")):
                if frames and not _exception_after_fence(lines, index + 1):
                    break  # a post's code block closed before the exception line: the paste was cut
                index += 1  # one opened between the header and the first frame, or the exception pasted below it
                continue
            if not _EXCEPTION_SHAPE.match(stripped):
                if _FRAME_PIECE.match(stripped) and not _traceback_goes_on(lines, index + 1):
                    break  # cut off inside a frame
                if _traceback_goes_on(lines, index + 1):
                    # a source line that lost its indentation (a traceback copied from a web page), or a piece
                    # of a frame a narrow console wrapped: the exception line is still to come
                    if (frames and not frames[-1].code and not _FRAME_PIECE.search(stripped)
                            and any(ch.isalnum() for ch in stripped)):
                        frames[-1].code = stripped
                    index += 1
                    continue
                stripped = exception_in(stripped) or stripped  # "  | 2024-04-24T09:23:04.195ZModuleNotFoundError: ..."
            exception = stripped
            exception_line = index + 1
            index += 1
            # Continuation lines of a multi-line message (CUDA errors) and lines a console
            # hard-wrapped, up to a blank line or the next traceback; not consumed.
            probe = index
            while probe < total and len(more) < 8:
                following = lines[probe]
                if (not following.strip() or _TRACEBACK_START in following or _FRAME.match(following)
                        or following.strip() in _CHAIN_LINES):
                    break
                more.append(following.rstrip())
                probe += 1
            break
        chained_from = None
        if found and begin - previous_end <= 4:
            between = " ".join(lines[previous_end + 1:begin])
            if any(chain in between for chain in _CHAIN_LINES):
                chained_from = len(found) - 1
        found.append(Traceback(frames, exception, begin + 1, exception_line, chained_from, more))
        previous_end = index - 1
    return found


_LOOKAHEAD = 8  # lines after a line that is no exception line, in which the traceback may go on
# an exception's name starting a line, with or without its message ("AssertionError" alone is one)
_EXCEPTION_STARTS = re.compile(r"(?:[A-Za-z_]\w*\.)*\w*(?:Error|Exception|Interrupt|Exit)(?::|$)", re.ASCII)


def _exception_after_fence(lines: List[str], start: int) -> bool:
    """Does the exception line come right below a code block's fence (the frames in one block, the exception
    line pasted outside it or in the next block)?"""
    for line in lines[start:start + 3]:
        stripped = line.strip()
        if stripped and not stripped.startswith(("```", "~~~")):
            return bool(_EXCEPTION_STARTS.match(stripped))
    return False


def _traceback_goes_on(lines: List[str], start: int) -> bool:
    """Whether a frame, a piece of one or an exception line follows within a few lines (not the next traceback)."""
    for line in lines[start:start + _LOOKAHEAD]:
        stripped = line.strip()
        if not stripped:
            continue
        if _TRACEBACK_START in line or stripped in _CHAIN_LINES:
            return False
        if (_FRAME.match(line) or _FRAME_PIECE.match(line) or _EXCEPTION_SHAPE.match(stripped)
                or exception_in(stripped)):
            return True
    return False


def _wrapped_frame(lines: List[str], index: int) -> Optional[Tuple[Frame, int]]:
    """A frame line that a narrow console or a phone's screen broke over up to four lines, joined: inside
    the quoted path the pieces join as they are, elsewhere with a space. (frame, index after it)."""
    joined = lines[index].strip()
    for end in range(index + 1, min(index + 4, len(lines))):
        piece = lines[end].strip()
        if not piece or _TRACEBACK_START in piece or _FRAME.match(lines[end]) or piece.startswith("File"):
            return None
        joined += ("" if joined.count('"') % 2 else " ") + piece
        match = _FRAME.match(joined)
        if match:
            path, number, function = match.group("path", "line", "func")
            return Frame(path, int(number), (function or "").strip()), end + 1
    return None


def _one_line_traceback(rest: str, begin: int) -> Tuple[List[Frame], Optional[Traceback]]:
    """The frames on the line of a traceback's header (its lines joined into one by a web page or a chat),
    and the whole traceback when its exception ends that line too (else None: it follows below)."""
    found = list(_FRAME_IN.finditer(rest[:100_000]))
    frames = [Frame(m.group("path"), int(m.group("line")), m.group("func") or "") for m in found]
    exception = exception_in(rest[found[-1].end():]) if found else None
    if exception is None:
        return frames, None
    return frames, Traceback(frames, exception, begin + 1, begin + 1)


def is_library_path(path: str) -> bool:
    if path.startswith("<"):
        return True  # <frozen ...>, <string> (eval'd code: the caller's frame is the place)
    posix = "/" + path.replace("\\", "/").lstrip("/")
    return bool(_LIBRARY_PATH.search(posix))


def project_root_of(paths: List[str]) -> Optional[str]:
    """Guess the project folder from the non-library paths of a log (POSIX form, no trailing /)."""
    candidates = [p.replace("\\", "/") for p in paths if not is_library_path(p)]
    for posix in candidates:
        parts = posix.split("/")
        for marker in ("GPT_SoVITS",):
            if marker in parts[:-1]:
                return "/".join(parts[:parts.index(marker)])
        # RVC WebUI (infer/modules/..., infer/lib/...) and so-vits-svc (inference/infer_tool.py)
        for index, part in enumerate(parts[:-2]):
            if (part, parts[index + 1]) in (("infer", "modules"), ("infer", "lib"), ("inference", "infer_tool.py")):
                return "/".join(parts[:index])
    for posix in candidates:
        folder, _, name = posix.rpartition("/")
        if name in _TOP_LEVEL_FILES:
            return folder
    if candidates:
        folders = [c.rpartition("/")[0] for c in candidates]
        common = folders[0]
        for folder in folders[1:]:
            while common and not (folder == common or folder.startswith(common + "/")):
                common = common.rpartition("/")[0]
        return common or None
    return None


def relative_to(path: str, root: Optional[str]) -> str:
    posix = path.replace("\\", "/")
    if root:
        if posix.lower().startswith(root.lower() + "/"):
            return posix[len(root) + 1:]
    parts = [p for p in posix.split("/") if p]
    return "/".join(parts[-2:]) if parts else posix


def read_log(data: bytes) -> Log:
    """Bytes -> a cleaned, parsed Log. Never raises on any input."""
    text, encoding = decode(data)
    has_control = None
    if not encoding.startswith("utf-16"):  # ASCII bytes stand for themselves: look at the bytes, faster
        has_control = len(data.translate(None, _CONTROL_BYTES)) != len(data)
    lines = clean_lines(text, has_control)
    return Log(text="\n".join(lines), encoding=encoding, tracebacks=parse_tracebacks(lines), line_count=len(lines),
               lines=lines)
