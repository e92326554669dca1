"""Log text -> the known errors in it, where they came from, their cause and their fix.

Pure: takes a parsed Log (gsv_doctor.logread) and, optionally, a probe report of this
machine; returns Explanation objects. Reading files and running the probe belong to
the command (gsv_doctor/commands/explain.py).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
import shlex
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

from gsv_doctor import catalog, gpus, i18n, logfacts, logprofile, logprojects, probereport
from gsv_doctor.probereport import ProbeReport
from gsv_doctor.catalog import Entry
from gsv_doctor.logprojects import LogProject
from gsv_doctor.errors import EXIT_FINDINGS, EXIT_OK
from gsv_doctor.logread import Log, Traceback, is_error_line, is_library_path, project_root_of, relative_to

SCHEMA = "gsv-doctor/explain"
SCHEMA_VERSION = 1

# Would this machine still hit the error (decided from a probe report)?
STILL = "still"
FIXED = "fixed"
UNKNOWN = "unknown"


@dataclass
class Location:
    path: str  # relative to the project folder the log shows, POSIX separators
    line: int
    function: str
    code: str
    full_path: str  # as written in the log


@dataclass
class MachineVerdict:
    status: str  # STILL, FIXED or UNKNOWN
    reason: str  # a key of REASONS
    params: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Explanation:
    id: str
    message: str  # the log line that matched, stripped
    line: int  # 1-based line in the log of the first occurrence; 0 for a --symptom
    count: int = 1
    params: Dict[str, str] = field(default_factory=dict)
    location: Optional[Location] = None
    settings: List[str] = field(default_factory=list)
    fix_commands: List[str] = field(default_factory=list)
    machine: Optional[MachineVerdict] = None
    now: Dict[str, str] = field(default_factory=dict)  # setting id -> its value now (a family's settings_now)
    project: str = logprojects.UNKNOWN.id  # the program the log came from (logprojects)
    texts: Dict[str, Dict[str, str]] = field(default_factory=dict)  # computed {placeholders}, per language
    notes: List[Tuple[str, Dict[str, Any]]] = field(default_factory=list)  # (NOTES key, params): facts of the log
    assumed: str = ""  # for a symptom read from the log's words: those words
    manual_key: str = ""  # a key of MANUALS when the log's machine needs another fix than the entry's (a Mac)

    @property
    def entry(self) -> Entry:
        return catalog.BY_ID[self.id]


# ------------------------------------------------------------------------ finding errors


def _params(match) -> Dict[str, str]:
    params = {}
    for name, value in match.groupdict().items():
        if value is None:
            continue
        base = name.rstrip("0123456789")  # total2 -> total: alternatives of one value
        params.setdefault(base, value.strip())
    if "card" in params:
        params["card"] = params["card"].split(":")[-1].strip()
    if "archs" in params:
        params["archs"] = " ".join(params["archs"].split())
    return params


class _Text:
    """The log's text with its line offsets, to turn a position into a line quickly."""

    def __init__(self, log: Log):
        self.text = log.text
        self.lines = log.lines if log.lines else log.text.split("\n")
        self.ends = list(itertools.accumulate(len(line) + 1 for line in self.lines))  # past each newline
        self._bytes: Optional[bytes] = None
        self.distinct: Optional[List[str]] = None  # the log's distinct lines, when it repeats itself
        self.distinct_text = ""
        self.distinct_ends: List[int] = []
        self._indexes: List[List[int]] = []  # for each distinct line, the indexes of the lines equal to it
        self._words = b""  # the log's distinct words, one per line, with a newline at both ends
        self._sorted: Dict[str, List[int]] = {}
        self._held: Dict[str, bool] = {}  # holds(key), asked again by the harmless lines of every hit
        self.harmless_names: Dict[str, Dict[str, List[int]]] = {}  # by pattern: _harmless_names

    def _prepare(self) -> None:
        """The bytes and words holds() searches. A big log that repeats its lines (a traceback printed a
        thousand times) is searched once per distinct line: keys never span lines."""
        text = self.text
        sample = self.lines[:2000]
        if len(text) > _DISTINCT_LINES_FROM and len(set(sample)) < len(sample) // 2:  # it does repeat itself
            where: Dict[str, List[int]] = {}
            for index, line in enumerate(self.lines):
                where.setdefault(line, []).append(index)
            distinct = "\n".join(where)
            if len(distinct) < len(text) // 2:
                text = self.distinct_text = distinct
                self.distinct = list(where)
                self.distinct_ends = list(itertools.accumulate(len(line) + 1 for line in self.distinct))
                self._indexes = list(where.values())
        self._bytes = text.encode("utf-8", "surrogatepass")
        self._words = b"\n" + b"\n".join(set(_WORD.findall(self._bytes))) + b"\n"

    def holds(self, key: str) -> bool:
        """Whether the key occurs at all. A str holding one CJK character is stored two bytes a
        character and searched slower; its UTF-8 bytes are searched byte-wise."""
        if key not in self._held:
            if self._bytes is None:
                self._prepare()
            gate = _gate(key)
            # one search of the log's vocabulary instead of the log: most keys are in no log
            self._held[key] = (gate is None or gate in self._words) and key.encode("utf-8") in self._bytes
        return self._held[key]

    def indexes_with(self, key: str) -> List[int]:
        """The indexes of the lines that hold `key` (each line once), for a key that holds() found."""
        if self.distinct is not None:
            body, ends = self.distinct_text, self.distinct_ends
        else:
            body, ends = self.text, self.ends
        found: List[int] = []
        pos = body.find(key)
        while pos >= 0:
            index = bisect.bisect_right(ends, pos)
            found.append(index)
            pos = body.find(key, ends[index] if index < len(ends) else len(body))  # one hit per line is enough
        if self.distinct is not None:
            return [i for index in found for i in self._indexes[index]]
        return found

    def sorted_indexes_with(self, key: str) -> List[int]:
        """indexes_with(key) in the log's order, kept for the next call."""
        if key not in self._sorted:
            self._sorted[key] = sorted(self.indexes_with(key))
        return self._sorted[key]


# A word of the log as one pass collects them: ASCII, from its first letter or underscore on.
_WORD = re.compile(rb"[A-Za-z_]\w*")


@functools.lru_cache(maxsize=None)
def _gate(key: str) -> Optional[bytes]:
    """What the log's vocabulary (its _WORDs, one per line) holds whenever the log holds `key`, built from the
    key's longest word that starts with a letter: that word on a line of its own when non-word characters
    stand on both its sides inside the key; at a line's end when the key starts with it (the log's word may
    begin earlier), at a line's start when the key ends with it, anywhere when it is the whole key. None
    when the key has no such word (digits, CJK)."""
    data = key.encode("utf-8")
    words = [m for m in _WORD.finditer(data) if m.start() == 0 or not _is_word_byte(data[m.start() - 1])]
    if not words:
        return None
    word = max(words, key=lambda m: len(m.group(0)))
    return ((b"\n" if word.start() > 0 else b"") + word.group(0) + (b"\n" if word.end() < len(data) else b""))


def _is_word_byte(byte: int) -> bool:
    return chr(byte).isalnum() and byte < 128 or byte == 0x5F


_DISTINCT_LINES_FROM = 1_000_000  # characters: below, one pass over the whole text costs less than sorting it out


def _scan(text: _Text, entry: Entry, taken: Dict[int, str]) -> List[Tuple[int, str, Any]]:
    """(line number, matched line, regex match) of every occurrence of `entry` in the text."""
    hits: List[Tuple[int, str, Any]] = []
    seen_lines = set()
    lines = text.lines
    matched: Dict[str, Any] = {}  # window -> match: logs repeat the same error line many times
    for key in entry.keys:
        if not text.holds(key):
            continue
        for index in text.indexes_with(key):
            line_no = index + 1
            if line_no in seen_lines or (entry.generic and line_no in taken):
                continue
            line = lines[index]
            window = line if entry.lines == 1 else "\n".join(lines[index:index + entry.lines])
            match = matched[window] if window in matched else matched.setdefault(window, entry.regex.search(window))
            if match and match.start() <= len(line):
                if entry.generic and line.rstrip().endswith(":") and line_no + 1 in taken:
                    continue  # a heading ("UserWarning:") whose message, on the next line, another entry knows
                seen_lines.add(line_no)
                hits.append((line_no, line.strip(), match))
    hits.sort(key=lambda hit: hit[0])
    return hits


def _wrapped_hits(wrapped: List[Tuple[Traceback, List[str], str]], entry: Entry, own_lines: set,
                  taken: Dict[int, str]) -> List[Tuple[int, str, Any]]:
    """Exception messages that a console hard-wrapped across lines: match them joined.
    `wrapped`: the tracebacks whose exception line continues below, with those lines and the message joined."""
    hits = []
    for traceback, lines, joined in wrapped:
        if not any(key in joined for key in entry.keys):
            continue
        block = range(traceback.exception_line, traceback.exception_line + len(lines) + 1)
        if any(line in own_lines or (entry.generic and line in taken) for line in block):
            continue
        match = entry.regex.search(joined)
        if match:
            hits.append((traceback.exception_line, joined.strip(), match))
    return hits


def _harmless(text: _Text, entry: Entry, hit: Tuple[int, str, Any]) -> bool:
    """Does a line from the hit's own to `entry.harmless_within` lines below show that it did no harm?"""
    if entry.harmless_if and not re.search(entry.harmless_if, hit[2].group(0)):
        return False
    index = hit[0] - 1
    end = index + entry.harmless_within
    for key, pattern in entry.harmless:
        if not text.holds(key):  # (asked once per key and log: _Text keeps the answer)
            continue
        if "{package}" in pattern:
            # by the names the marks list (one pass over them), not a search of each mark below each hit: a log of
            # thousands of failed wheels and installs was quadratic
            package = _params(hit[2]).get("package", "")
            if not package:
                continue
            marks = _harmless_names(text, key, pattern).get(_name_key(package), [])
            start = bisect.bisect_left(marks, index)
            if start < len(marks) and marks[start] < end:
                return True
            continue
        regex = _harmless_regex(pattern)
        marks = text.sorted_indexes_with(key)
        at = bisect.bisect_left(marks, index)  # (by index: islice would step over the marks before it, each time)
        while at < len(marks) and marks[at] < end:
            if regex.search(text.lines[marks[at]]):
                return True
            at += 1
    return False


# "name-1.2.3" as pip lists what it installed: the name is all before the last "-" and a version without dashes
_INSTALLED_NAME = re.compile(r"(?<!\S)([A-Za-z0-9][\w.\-]{0,99})-\d[\w.+!]{0,60}(?!\S)")
_HARMLESS_LINE_MAX = 50_000  # a longer line is no pip output


def _name_key(name: str) -> str:
    """pip writes a name as the user typed it in one line and normalised in the next (pyopenjtalk-plus, pyopenjtalk_plus)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _harmless_names(text: _Text, key: str, pattern: str) -> Dict[str, List[int]]:
    """For a harmless pattern with "{package}": each name the marks that fit the pattern list, and those marks in
    the log's order."""
    cache = text.harmless_names
    if pattern not in cache:
        shape = _harmless_regex(pattern)
        names: Dict[str, List[int]] = {}
        for mark in text.sorted_indexes_with(key):
            line = text.lines[mark]
            if len(line) <= _HARMLESS_LINE_MAX and shape.search(line):
                for name in {_name_key(found) for found in _INSTALLED_NAME.findall(line)}:
                    names.setdefault(name, []).append(mark)
        cache[pattern] = names
    return cache[pattern]


@functools.lru_cache(maxsize=64)
def _harmless_regex(pattern: str) -> "re.Pattern[str]":
    """The pattern compiled, "{package}" standing for any name (the package is then matched by _name_key)."""
    return re.compile(pattern.replace("{package}", r"[A-Za-z0-9][\w.\-]{0,99}"), re.IGNORECASE)


class _Where:
    """Which traceback a log line belongs to, by bisection (big logs hold many)."""

    def __init__(self, log: Log):
        self.tracebacks = log.tracebacks
        self.starts = [t.start_line for t in log.tracebacks]

    def _last_before(self, line_no: int) -> Optional[Traceback]:
        index = bisect.bisect_right(self.starts, line_no) - 1
        return self.tracebacks[index] if index >= 0 else None

    def in_frames(self, line_no: int) -> bool:
        """True for the frame and source lines of a traceback (a `raise ...("message")`
        line quotes the message that the exception line will show)."""
        traceback = self._last_before(line_no)
        # (without an exception line nothing is: IPython's heading, "UnpicklingError   Traceback (most recent call
        # last)", may be all that names the error)
        return traceback is not None and line_no < (traceback.exception_line or traceback.start_line)

    def exception_of(self, line_no: int) -> Optional[Traceback]:
        traceback = self._last_before(line_no)
        if traceback is None or not traceback.exception_line:
            return None
        if 0 <= line_no - traceback.exception_line <= len(traceback.wrapped):
            return traceback
        return None


def _chain(log: Log, traceback: Traceback) -> List[Traceback]:
    """The traceback first, then the others of its chain ("During handling of the above
    exception..."), nearest first. Chained tracebacks are printed one after the other."""
    tracebacks = log.tracebacks
    index = next(i for i, t in enumerate(tracebacks) if t is traceback)
    members = [index]
    back = index
    while tracebacks[back].chained_from is not None:
        back = tracebacks[back].chained_from
        members.append(back)
    forward = index + 1
    while forward < len(tracebacks) and tracebacks[forward].chained_from == forward - 1:
        members.append(forward)
        forward += 1
    return [tracebacks[i] for i in sorted(members, key=lambda i: (abs(i - index), i))]


def _locate(log: Log, traceback: Optional[Traceback], root: Optional[str]) -> Optional[Location]:
    if traceback is None:
        return None
    for candidate in _chain(log, traceback):
        for frame in reversed(candidate.frames):
            if not frame.is_library:
                return Location(relative_to(frame.path, root), frame.line, frame.function, frame.code, frame.path)
    return None


def _launch(log: Log, traceback: Optional[Traceback], root: Optional[str]) -> str:
    """The program to put after `gsv-doctor run --`, guessed from the outermost project frame."""
    program = "webui.py"
    frames = [f for t in (_chain(log, traceback) if traceback else []) for f in t.frames if not f.is_library]
    for frame in frames:
        relative = relative_to(frame.path, root)
        if relative in ("api.py", "api_v2.py"):
            program = relative
            break
    if not frames:  # no traceback: the command line or the words name the program
        found = _PROGRAM.search(log.text[:200_000])
        if found:
            program = found.group(0)
    windows_package = any("/runtime/" in f.posix.lower() or "\\runtime\\" in f.path.lower()
                          for t in log.tracebacks[:50] for f in t.frames) or bool(_PACKAGE_PYTHON.search(log.text[:200_000]))
    return ("runtime\\python.exe -I " + program) if windows_package else ("python " + program)


_PROGRAM = re.compile(r"\bapi_v2\.py\b|\bapi\.py\b")
# The Windows package's own Python, named in a command line or a warning's path.
_PACKAGE_PYTHON = re.compile(r"\\runtime\\(?:python\.exe|lib\\site-packages\\)", re.IGNORECASE)

HOOK_INSTALL = "gsv-doctor hook install --python "
_FIX_WRITE = ("gsv-doctor fix --write",)  # for a family whose `run` does not start it with the hook


def _family_fix(entry: Entry, params: Dict[str, str], project: LogProject) -> List[str]:
    """`gsv-doctor fix --write` for a family whose fix resolves the entry's check (project.fix_checks):
    its fix keeps float32 on the CPU, so not for a CUDA kernel's error, nor for bfloat16, which
    its half-precision setting never chooses."""
    if entry.check not in project.fix_checks:
        return []
    dtype = params.get("dtype_name") or ("BFloat16" if entry.dtype == "bfloat16" else "Half")
    if dtype.lower() == "bfloat16" or "cuda" in params.get("kernel", "").lower():
        return []
    return list(_FIX_WRITE)


def fix_commands(entry: Entry, launch: str) -> List[str]:
    """The entry's commands for this launch. `run` cannot bring the hook into a Python started
    with -I (it ignores PYTHONPATH; the Windows package starts so): install it there first."""
    commands = []
    for command in entry.fix_commands:
        words = launch.split()
        if "{launch}" in command and len(words) > 1 and words[1] == "-I":
            commands.append(HOOK_INSTALL + words[0])
        commands.append(command.format(launch=launch))
    return commands


def fix_alternatives(commands: List[str]) -> List[List[str]]:
    """The commands as alternatives, each a list of steps run in order: a hook install goes
    with the command after it."""
    alternatives: List[List[str]] = []
    for command in commands:
        if alternatives and alternatives[-1][-1].startswith(HOOK_INSTALL):
            alternatives[-1].append(command)
        else:
            alternatives.append([command])
    return alternatives


_SETTING_BY_PLACE = (
    (("tts_infer_pack", "api_v2.py"), ("tts_infer.is_half", "tts_infer.device")),
    (("inference_webui", "prepare_datasets", "s1_train", "s2_train"), ("env.is_half",)),
    (("api.py",), ("api.flags",)),
    (("config.py",), ("env.is_half", "config.is_half")),
)


def _settings(entry: Entry, places: List[str]) -> List[str]:
    """The entry's settings, the one that the program's own frames point at first.
    `places`: project-relative paths of the traceback's frames, outermost first."""
    settings = list(entry.settings)
    if settings and settings[0] in _FIRST_ALWAYS:
        return settings[:1] + _settings_rest(settings[1:], places)
    return _settings_rest(settings, places)


_FIRST_ALWAYS = ("gpu.card", "gpu.memory", "torch.build", "env.mps_fallback")  # the cause itself, not a place


def _settings_rest(settings: List[str], places: List[str]) -> List[str]:
    for path in places:
        path = path.lower()
        for markers, preferred in _SETTING_BY_PLACE:
            if any(marker in path for marker in markers):
                first = [s for s in preferred if s in settings]
                if first:
                    return first + [s for s in settings if s not in first]
    return settings


def _raised_in(traceback: Optional[Traceback], frames: "re.Pattern[str]") -> bool:
    """Does a frame of the traceback that printed the error ("path function") match `frames`? (Its own
    frames hold the code that raised it; the tracebacks chained around it raised other errors.)"""
    return traceback is not None and any(frames.search(f.path_and_function) for f in traceback.frames)


def _raised_where_meant(entry: Entry, traceback: Optional[Traceback], project: LogProject, text: str) -> bool:
    """Was an entry with `frames` raised where its message means it: in those frames, or, where the post
    shows no traceback for it, told beside the entry's own words in a project they belong to?"""
    if traceback is not None:
        return _raised_in(traceback, entry.frames_regex)
    return (entry.untraced_regex is not None and project.id in entry.untraced_projects
            and entry.untraced_regex.search(text, 0, _WORDS_SCAN) is not None)


def _places(log: Log, traceback: Optional[Traceback], root: Optional[str], location: Optional[Location]) -> List[str]:
    places = []
    if traceback is not None:
        for candidate in _chain(log, traceback):
            places += [relative_to(f.path, root) for f in candidate.frames if not f.is_library]
    if location is not None:
        places.append(location.path)
    return places


def explain_log(log: Log, project_root: Optional[str] = None, project_hint: Optional[str] = None,
                project_given: bool = False) -> List[Explanation]:
    """Every known error in the log, once per catalog entry, in order of first appearance; a
    symptom described in words when no error is there. `project_hint`: the project known from
    elsewhere (the folder explain runs in; `project_given`: named with --project, so it wins)."""
    text = _Text(log)
    paths = [frame.path for traceback in log.tracebacks[:200] for frame in traceback.frames]
    project = (logprojects.BY_ID[project_hint] if project_given and project_hint in logprojects.BY_ID
               else logprojects.detect(log.text, paths, project_hint))
    facts = logfacts.read_facts(log.text)
    root = (project_root.replace("\\", "/").rstrip("/") if project_root else None)
    if root is None or not any(p.replace("\\", "/").lower().startswith(root.lower() + "/") for p in paths):
        root = project_root_of(paths)
    taken: Dict[int, str] = {}
    where = _Where(log)
    wrapped = [(t, t.wrapped) for t in log.tracebacks if t.more]
    wrapped = [(t, lines, t.full_exception) for t, lines in wrapped if lines]  # joined once, for every entry
    explanations: List[Explanation] = []
    for entry in sorted(catalog.ENTRIES, key=lambda e: e.generic):
        hits = [hit for hit in _scan(text, entry, taken) if not where.in_frames(hit[0])]
        hits += _wrapped_hits(wrapped, entry, {hit[0] for hit in hits}, taken)
        if entry.frames_regex is not None:
            hits = [hit for hit in hits if _raised_where_meant(entry, where.exception_of(hit[0]), project, log.text)]
        if entry.harmless and hits:
            hits = [hit for hit in hits if not _harmless(text, entry, hit)]
        if entry.id == "dataloader-worker-died" and hits and _WORKER_OWN_END.search(log.text[:_WORDS_SCAN]):
            # the "pid(s)" line chained below a worker's own error or crash: not the memory's
            hits = [hit for hit in hits if "is killed by signal" in hit[1]]
        if not hits:
            continue
        hits.sort(key=lambda hit: hit[0])
        for line_no, _, match in hits:  # each line the match spans (an entry of `lines` > 1 reads below its first)
            for spanned in range(line_no, line_no + match.string.count("\n", 0, match.end()) + 1):
                taken.setdefault(spanned, entry.id)
        # Report the first occurrence that a traceback explains, else the first one.
        located = ((hit, where.exception_of(hit[0])) for hit in hits)
        (line_no, message, match), traceback = next(
            ((hit, found) for hit, found in located if found is not None), (hits[0], None))
        params = _params(match)
        message = _excerpt(message, entry)
        location = _locate(log, traceback, root) or _warning_location(text, line_no, root)
        if location is None and entry.origin and project.id in ("gpt-sovits", logprojects.UNKNOWN.id):
            location = Location(entry.origin, 0, "", "", "")  # (not in another program's log: RVC prints it elsewhere)
        launch = _launch(log, traceback, root)
        places = _places(log, traceback, root, location)
        frames = [f.path_and_function for t in (_chain(log, traceback) if traceback else []) for f in t.frames]
        explanation = Explanation(
            id=entry.id, message=message, line=line_no, count=len(hits), params=params, location=location,
            settings=_settings(entry, places), fix_commands=fix_commands(entry, launch), project=project.id)
        _refine(explanation, project, facts, frames, log.text, launch, traceback)
        explanations.append(explanation)
    # a notice only stands in for nothing: not for another entry, a symptom told in words or the program's error
    notices = [e for e in explanations if e.entry.notice]
    explanations = [e for e in explanations if not e.entry.notice]
    _share_log_facts(explanations)
    if not explanations:
        # (a card named beside a notice the log printed is the machine, not a complaint: the notice answers)
        for explanation in described_symptoms(log, project, facts, machine_as_cause=not notices):
            _refine(explanation, project, facts, [], log.text, _launch(log, None, root))
            explanations.append(explanation)
    if not explanations:
        explanations += _program_error(log, project, root)
    if not explanations:
        explanations = notices
    if project_root and project_hint and project.id != project_hint:
        # gsv-doctor's commands act on the folder they run in, which holds another program than the log's
        for explanation in explanations:
            explanation.fix_commands = []
    explanations.sort(key=lambda e: e.line)
    return explanations


def _program_error(log: Log, project: LogProject, root: Optional[str]) -> List[Explanation]:
    """The log's last error, when it is of a kind the program's own code raises (a KeyError, a NameError ...)
    and its traceback's innermost frame is the program's: a bug or an unexpected input, not the machine.
    Without a traceback, only a name the code never defined (NameError, UnboundLocalError) says so."""
    last = next((t for t in reversed(log.tracebacks) if t.exception_line), None)
    line, message = (last.exception_line, last.exception) if last is not None else log.last_exception_at()
    match = catalog.PROGRAM_ERROR.regex.match(message) if message else None
    if match is None:
        return []
    if last is not None and last.frames and last.frames[-1].is_library:
        return []
    if (last is None or not last.frames) and match.group("exception") not in ("NameError", "UnboundLocalError"):
        return []
    explanation = _unprinted(catalog.PROGRAM_ERROR, project)
    explanation.line = line
    explanation.message = _excerpt_text(message, 0, len(message))
    explanation.params = _params(match)
    explanation.location = _locate(log, last, root) if last is not None else None
    code = last.frames[-1].code if last is not None and last.frames else ""
    search = _FIRST_FOUND.search(code) if match.group("exception") == "IndexError" else None
    if search:
        explanation.notes.append(("no_file_found", {"search": search.group("search")}))
    frames = [frame.path_and_function for frame in last.frames] if last is not None else []
    if match.group("exception") == "ZeroDivisionError" and logfacts.job_of(frames, log.text) == "train":
        explanation.notes.append(("training_set_empty", {}))
    return [explanation]


# A line that takes the first (or last) file a search found: `list(Path(p).rglob('*.pt'))[0]`,
# `sorted(glob.glob(os.path.join(d, "G_*.pth")))[-1]`; an IndexError there is a search that found nothing
# (the closing brackets and spaces bounded: a code line of many ")" took seconds)
_FIRST_FOUND = re.compile(r"\b(?P<search>r?glob\([^\n]{0,200}?\))\){0,8}\s{0,8}\[(?:0|-1)\]")


# A DataLoader worker that ended by an error of its own (exit code 1: an exception, told only with num_workers=0) or
# a crash (a segmentation fault, an abort), as torch tells it on Linux above its "DataLoader worker (pid(s) N) exited
# unexpectedly"
_WORKER_OWN_END = re.compile(r"DataLoader worker \(pid \d{1,10}\) (?:exited unexpectedly with exit code"
                             r"|is killed by signal: (?!Killed|Bus error))")
_MESSAGE_MAX = 300
# How Python prints a warning: "PATH:LINE: CategoryWarning: message", then the source line.
_WARNING = re.compile(r"^\s*(?P<path>.+?\.pyw?):(?P<line>\d+): (?:[\w.]+)?Warning: ")


def _warning_location(text: _Text, line_no: int, root: Optional[str]) -> Optional[Location]:
    """Where a warning outside any traceback came from, when the program printed it (not torch)."""
    match = _WARNING.match(text.lines[line_no - 1])
    if match is None or is_library_path(match.group("path")):
        return None
    following = text.lines[line_no].strip() if line_no < len(text.lines) else ""
    path = match.group("path")
    return Location(relative_to(path, root or project_root_of([path])), int(match.group("line")), "", following, path)


def _excerpt(line: str, entry: Entry) -> str:
    """The matched line, or the part of a very long one (a whole log on one line) around the match."""
    if len(line) <= _MESSAGE_MAX:
        return line
    match = entry.regex.search(line)
    if match is None:
        return line[:_MESSAGE_MAX] + "..."
    start, end = max(0, match.start() - 60), min(len(line), match.end() + 60)
    return ("..." if start else "") + line[start:end] + ("..." if end < len(line) else "")


def _share_log_facts(explanations: List[Explanation]) -> None:
    """torch's capability warning names the card and the build's arch list; the "no kernel
    image" error that follows does not: give it those facts from the same log."""
    by_id = {e.id: e for e in explanations}
    warning, error = by_id.get("cuda-capability-unsupported"), by_id.get("cuda-no-kernel-image")
    if warning and error:
        for name, value in warning.params.items():
            error.params.setdefault(name, value)


def log_project(log: Optional[Log], hint: Optional[str] = None, given: bool = False) -> LogProject:
    """The project a log came from (GPT-SoVITS when there is no log: --symptom alone)."""
    if log is None or (given and hint in logprojects.BY_ID):
        return logprojects.BY_ID.get(hint or "", logprojects.DEFAULT)
    paths = [frame.path for traceback in log.tracebacks[:200] for frame in traceback.frames]
    return logprojects.detect(log.text, paths, hint)


def symptom(name: str, project: LogProject = logprojects.DEFAULT) -> Explanation:
    return _unprinted(catalog.SYMPTOMS[name], project, count=0)


def _unprinted(entry: Entry, project: LogProject, count: int = 1) -> Explanation:
    """An entry explained with no message of it in the log: a symptom, or an error the words describe."""
    explanation = Explanation(id=entry.id, message="", line=0, count=count, settings=list(entry.settings),
                              fix_commands=fix_commands(entry, "python webui.py"), project=project.id)
    if not project.gsv_doctor_fixes:
        explanation.settings = _project_settings(entry, project, None)
        explanation.fix_commands = _family_fix(entry, {}, project)
    return explanation


# Symptoms as people describe them in words (en, zh): silence, a flat line, NaN everywhere. (re.ASCII: a word
# boundary next to Chinese text is still a boundary.)
# Chinese (Traditional read as Simplified: _SIMPLIFIED), and the Japanese words of the same meaning.
_SILENT_WORDS = re.compile(r"无[声音]|没有?声音|没有音频|一条直线|没有波形|静音"
                           r"|音が(?:出ない|出ません|鳴らない)|声が出ない"
                           r"|全是\s?nan|全\s?nan|全部是\s?nan|都是\s?nan"
                           r"|\bsilent\b|\bsilence\b|no sound|no audio|empty audio|flat line|all nan|only nan|nothing but nan"
                           r"|(?:doesn'?t|does not|didn'?t|did not|don'?t) (?:have|has|make|produce|contain|give) (?:any )?"
                           r"(?:sound|audio|voice)|(?:without|has no|with no) (?:any )?sound"
                           r"|\bbuzz(?:ing)?\b|电流声|滋滋声|(?:无法|不能)生成音频|生成不了音频|can'?t generate (?:any )?audio"
                           r"|音频是空的|空白(?:的)?音频|(?:audio|wav) (?:file )?is empty"  # (not "output": an ASR's text may be)
                           # audio that half precision made unplayable ("fp16 生成的语音是无法播放的")
                           r"|(?:fp16|float16|half|半精度)[^\n]{0,30}?(?:无法播放|播放不了|不能播放|can'?t be played|unplayable)",
                           re.IGNORECASE | re.ASCII)


# Garbled output told in words: noise, gibberish, a robotic voice (not the input's "background noise", a noise_scale,
# a denoiser, ChatTTS's 2Noise; not 乱码, which is garbled text)
_GARBLED_WORDS = re.compile(r"胡言乱语|乱说一通|[噪杂]音|噪声|电音|机械音|金属音|爆破?音|破音|吞字|含糊不清|鬼畜"
                            r"|\b(?:gibberish|garbled|robotic (?:voice|sound)|metallic (?:voice|sound)|crackling|babbling)\b"
                            # "the output consists only of squeaks and noise", "it's noise", "white noise by inferring"
                            r"|\b(?:only|just|pure|all|white|loud|weird|strange|static|random|constant|it'?s|is|are|was"
                            r"|were|outputs?|produces?|generates?|creating|generating|producing|hear)\b[^\n.;,]{0,30}?"
                            r"\bnoise\b(?![\w-]|\s*(?:reduction|gate|suppress|scale|removal|cancel|level|floor|threshold))"
                            r"|\bnoise\s+(?:appears|is (?:generated|added|produced)|instead of)"
                            r"|\b(?:output|result|audio|voice|sound|speech|it)\s+(?:is|was|are|sounds?|becomes?|comes out)\s+(?:like\s+)?"
                            r"(?:just\s+|only\s+|pure\s+|all\s+|complete\s+|total\s+)?(?:noise|nonsense|distorted|static)\b",
                            re.IGNORECASE)


# Real-time conversion that is late or choppy, told in words (read only in a post about a real-time converter; not
# "low latency", which names a kind of driver)
_CHOPPY_WORDS = re.compile(r"(?:延迟|延时)(?!\s?[(（]?ms|\s?[:：=])|卡顿|断断续续|断续|一卡一卡|\b(?:choppy|stutter\w*|glitch(?:y|ing|es)"
                           r"|(?:audio|sound|voice) glitch|(?<!low )(?<!low-)latency(?!\s?(?:[(（:：=]|setting|slider))|laggy|lagging"
                           r"|delay(?:ed|s)?(?! effect)|(?:so much|high|huge) ms)\b",
                           re.IGNORECASE)
# ... or in a number of milliseconds, not a setting's value ("chunk 512 ms", "extra 2048 ms") nor a client's timeout
# ("AxiosError: timeout of 30000ms exceeded")
_CHOPPY_MS = re.compile(r"\b\d{3,5} ?ms\b(?! ?(?:timeout|interval|exceeded))", re.IGNORECASE)
_A_SETTING = re.compile(r"\b(?:chunk|block|buffer|extra|crossfade|fade|sola|sleep|timeout|timed? ?out|interval|set|setting)s?\b"
                        r"|分块|设置|设为|设成|超时", re.IGNORECASE)


# A program that hangs, told in words (read as the real-time converters' devices only where the post is about one)
# (not a value that stays: "the sample rate is stuck at 44100"; the number's first three digits only, the rest read
# by the lookahead: \d{3,} was tried at each length of a long number before a %, quadratic)
_HANG_WORDS = re.compile(r"卡住|卡在|一直卡|没反应|没有反应|无响应|没有响应|不动了|\b(?:is |gets? |got )?stuck\b(?! (?:at|on) \d{3}(?![\d.]*\s?%))"
                         r"|\bhangs?\b|\bhanging\b|\bfreez(?:es|ing)\b|\bfroze\b|\bno response\b|\bnothing happens\b"
                         r"|\b(?:doesn'?t|does not|won'?t|will not) respond\b"
                         # "crashing when i press start conversation"
                         r"|\bcrash\w*\s+(?:when|after|as soon as)\s+(?:i\s+)?(?:press|click|hit)\w*\s+(?:the\s+)?[\"']?start\b",
                         re.IGNORECASE)
_NAN = r"(?<![A-Za-z])nans?(?![A-Za-z])"  # "nan" as a word, also next to Chinese characters
# NaN described in words: a loss of nan, NaN next to half precision.
_NAN_WORDS = re.compile(r"(?<![A-Za-z])loss[^\n]{0,12}?" + _NAN + r"|" + _NAN + r"\s+(?:loss|values?|outputs?)|" + _NAN + r"[^\n]{0,40}?(?:fp16|half|float16|半精度)"
                        r"|(?:fp16|half|float16|半精度)[^\n]{0,40}?" + _NAN, re.IGNORECASE | re.ASCII)
# The cause itself told in words: the CPU cannot do half precision.
_CPU_HALF_WORDS = re.compile(r"(?<![A-Za-z])cpu(?![A-Za-z])[^\n]{0,10}?(?:不支持|不能用|无法使用|doesn'?t support|does not support"
                             r"|do not support|not support|can'?t (?:use|run|do)|cannot (?:use|run|do))[^\n]{0,10}?"
                             r"(?:fp16|half|半精度|float16)"
                             r"|(?:fp16|half|半精度|float16)[^\n]{0,20}?(?:not supported|unsupported|isn'?t supported|不支持|不能用)"
                             r"[^\n]{0,6}?(?:on|在)?\s?(?:the\s)?cpu(?![A-Za-z])", re.IGNORECASE | re.ASCII)
# A program's own notice that it found no usable NVIDIA GPU (RVC prints one in English or Chinese).
_NO_GPU_WORDS = re.compile(r"no supported nvidia gpu|\bno gpu (?:is )?being used\b|\bcuda(?: or mps)? (?:is )?not detected|"
                           # "it seems to default to using CPU", "use GPU instead of CPU"
                           r"\bdefaults? to (?:using )?(?:the )?cpu\b(?! (?:if|when|unless|without|in case)\b)|\buse (?:the |my )?(?:gpu|cuda) instead of (?:the )?cpu\b|"
                           r"\btorch (?:was )?(?:installed )?(?:w/o|without) (?:gpu|cuda)\b|"
                           # "GPU not detected, reverting to CPU", "running on cpu despite having a 4090"
                           r"\b(?:gpu|graphics card|cuda)\s+(?:was\s+)?(?:not|wasn'?t)\s+(?:detected|found|recogni[sz]ed)\b"
                           r"|\bno (?:nvidia |cuda |compatible )?gpus? (?:was |were )?(?:detected|found)\b"
                           # (not "it is NOT running on cpu despite the warning")
                           r"|(?<!not )(?<!n't )\b(?:running|runs|is running|ran) on (?:the )?cpu,? (?:despite|even though"
                           r"|although|while)\b|"
                           # 只能用cpu (can only use the CPU), 无法加载cuda, 切到cpu去了 (fell back to the CPU), 没有用上
                           r"只能(?:用|使用|在)?\s?cpu|无法(?:加载|使用|调用|利用)\s?cuda|切(?:到|换到|换成|成)了?\s?cpu|"
                           r"(?:无法|不能|没法)利用\s?(?:NVIDIA|英伟达|显卡|GPU|N卡)|显卡没有?用上|"
                           # "it runs on the CPU, not the GPU", "how do I get it to utilize my GPU" (not "I managed to
                           # get it to use my GPU")
                           r"\b(?:runs?|running|ran|is using|uses)\s+(?:on\s+)?(?:the\s+)?cpu,?\s+(?:and\s+)?(?:not|instead of|rather"
                           r" than)\s+(?:on\s+)?(?:the\s+|my\s+)?gpu\b|(?<!managed to )(?<!able to )\bget it to (?:utili[sz]e|use) (?:my |the )?gpu\b|"
                           # "my generation only get's generated by the CPU", "I see no activity in my gpu"
                           r"\b(?:only|just)\s+(?:gets?\s+|get'?s\s+|is\s+|are\s+|being\s+)?(?:generated|rendered|processed"
                           r"|computed|done|run|working|works|running|runs)\s+(?:by|on|with)\s+(?:the\s+|my\s+)?cpu\b"
                           r"|\bno (?:activity|load|usage) (?:in|on) (?:my |the )?gpu\b"
                           # audio-separator's notice: onnxruntime and torch offered it no GPU
                           r"|no hardware acceleration could be configured|"
                           # DeepSpeed's accelerator check, printed where torch sees no CUDA
                           r"setting accelerator to cpu|没有发现支持的N卡|\bcuda (?:is(?:n'?t| not) |not )available|\bcuda (?:is )?unavailable|no compatible (?:cuda )?gpu(?![^\n]{0,30}?to support)"
                           r"|torch\.cuda\.is_available\(\)[^\n]{0,40}?false"
                           r"|(?:doesn'?t|does not|don'?t|do not|can'?t|cannot|won'?t|not)\s+(?:recogni[sz]e|detect|find|see"
                           r"|use|using|load)\s+(?:my\s+|the\s+|any\s+)?(?:nvidia\s+)?(?:gpu|graphics card|video card)"
                           r"|recogni[sz](?:e|ing)\s+(?:my\s+|the\s+)?(?:nvidia\s+)?(?:gpu|graphics card)"
                           # a CPU-only torch installed where the CUDA one was meant
                           r"|\bcpu[ -](?:only )?(?:version|build) (?:of (?:py)?torch )?instead of (?:the )?(?:cuda|gpu)"
                           r"|装(?:成|的是)\s?cpu\s?版"  # (not "installed the CPU version": many do on purpose)
                           r"|(?:gpu|graphics card|video card)\s+(?:is\s+not|isn'?t)\s+(?:being\s+|getting\s+)?(?:used|utili[sz]ed|detected"
                           r"|recogni[sz]ed|showing\s+up|shown|listed|found|connected)|(?:gpu|graphics card)\s+(?:does\s+not|doesn'?t)\s+show\s+up"
                           r"|(?:未检测到|检测不到|识别不到|识别不出来?|没有?识别[到出]来?|没有?检测[到出]来?|不识别|找不到"
                           r"|没有?调用|没有?用到|用不了|(?:不能|无法|没法)(?:识别|检测到|找到|调用|使用))"
                           r"(?:我的|我这|这)?(?:张|块|个)?(?:N卡|显卡|GPU|独显)"
                           r"|没有?(?:能用|支持|可用)的(?:N卡|显卡|GPU)"
                           # "GPU不参与训练", "GPU没进行运算" (the CPU at 100 % instead), not "显卡不工作的时候 ..." (a when)
                           r"|(?:GPU|显卡|N卡)(?:不参与|没有?参与|没有?(?:进行)?运算|没有?在?工作|不工作)(?!的?时)"
                           # ... and the CPU it uses instead
                           r"|(?:一直|总是|还是|只|都)(?:在)?用(?:的是?)?\s?cpu|用的(?:是)?\s?cpu(?:而不是|不是|没有用)"
                           # ("怎么是cpu训练", "却用cpu训练了": it happened; "用cpu训练" alone asks for it)
                           r"|(?:(?<![不要])是|成了?|却用|竟然用|居然用|自动用)\s?cpu\s?(?:在)?(?:训练|推理|跑|运行)(?!\s?还是)"
                           r"|用\s?(?:的是?)?\s?cpu\s?(?:在)?(?:训练|推理|跑|运行)了"
                           r"|(?:still|only|always|stuck)\s+(?:on\s+|uses?\s+|using\s+|runs?\s+(?:on\s+)?|running\s+(?:on\s+)?)"
                           r"(?:the\s+)?(?:device:?\s*)?cpu\b|device (?:still )?is cpu|\(0\s?CPU\)|\b0CPU\b"
                           # ... CUDA missing, or how to get the GPU used
                           r"|(?<![A-Za-z])no cuda(?![A-Za-z_])|没有\s?cuda|cuda\s?不可用"
                           # the GPU's load at 0 % (as Task Manager shows it: see the manual)
                           r"|(?:gpu|显卡|独显|n卡)\s?(?:的)?(?:usage|utili[sz]ation|load|占用率?|利用率|使用率)[:：]?\s?(?:is\s|was\s|stays?\s(?:at\s)?"
                           r"|at\s|只有\s?|一直是?\s?|是\s?|为\s?)?0\s?%"
                           r"|(?<!managed to )(?<!able to )(?:force|make|get) (?:it|them|the program|rvc|this) to use (?:my |the )?gpu"
                           r"|how (?:do i|to|can i) (?:use|enable) (?:my |the )?gpu|(?:怎么|如何)(?:用|使用|调用)(?:显卡|GPU|N卡)",
                           re.IGNORECASE | re.ASCII)
# Out of memory told in words, or an error cut off before its last line.
# (the computer's own memory, RAM or the CPU's, and Linux's OOM killer are not the card's)
_OOM_WORDS = re.compile(r"(?<!cpu )(?<!ram )(?<!system )out[ -]of[ -]memory(?!: Killed process)"
                        r"|run(?:s|ning)? out of (?:(?:gpu |video )?memory|vram)|\bout of (?:gpu )?vram\b|(?<!没有)(?<!没)(?<!不会)爆显存|显存不足|显存不够"
                        # (the memory filled as the card works is no error: only beside a failure told in the line)
                        r"|\b(?:not enough|insufficient)\s(?:gpu\s|video\s)?(?:vram|gpu memory|video memory)\b"
                        r"|\bout of video memory\b|\bvram\s?(?:不足|不够)"
                        r"|(?<!没有)(?<!没)(?<!不会)显存(?:耗尽|用完了?|泄[露漏])|显存被?占满(?=[^\n]{0,20}?(?:报错|错误|崩溃|闪退|失败|error))"
                        r"|(?:显卡|gpu|cuda|n卡)[ \t]?的?内存(?:不足|不够|溢出)"  # the card's memory (内存 alone: the computer's)
                        r"|\b(?:cuda|gpu|vram)[ \t]*oom\b",
                        re.IGNORECASE | re.ASCII)
# The computer's memory (not the card's), in words.
_RAM_WORDS = re.compile(r"爆内存"
                        # (not the card's: Windows' Task Manager calls it "专用GPU内存", "共享GPU内存")
                        r"|(?<!GPU)(?<!GPU )内存(?:[也都还又]?(?:不足|不够)|溢出|被?(?:占满|吃满|爆了|满了|炸了|爆炸))"
                        r"|out of (?:system )?ram\b|(?:cpu|ram|system) out of memory"
                        # "it uses up all my RAM", "the RAM blows up" (not "it doesn't use up all my RAM")
                        r"|(?<!n't )(?<!not )(?<!never )(?<!without )\b(?:uses?|used|using|eats?|ate|eating|fills?|filled|filling|consumes?|consumed|consuming|takes?"
                        r"|took|taking)\s+(?:up\s+)?all\s+(?:of\s+)?(?:my|the)\s+(?:system\s+)?ram\b"
                        r"|\bram\s+(?:blows|blew|explodes|exploded|is full|fills up|filled up|maxe[sd] out)\b(?!\s+to\b)"
                        # leaked semaphores told as the memory's (the warning alone shows at any shutdown)
                        r"|\b(?:oom|out of memory|memory)\b[^\n]{0,60}?leaked sem[ai]phores?"
                        r"|leaked sem[ai]phores?[^\n]{0,60}?\b(?:oom|out of memory|memory)\b", re.IGNORECASE | re.ASCII)
# A process the system killed (macOS's "Killed: 9", exit status 137): the computer's memory, not the card's
# (SIGKILL only as what the process got: "I killed it with SIGKILL", "docker stop sends SIGKILL" are no memory's)
_KILLED_WORDS = re.compile(r"\bKilled: 9\b|[\"“']Killed[\"”']|\bexit(?:ed)?(?: with)?(?: (?:exit )?code| status)?:? 137\b|\bkilled by signal 9\b"
                           r"|\b(?:got|gets|received?|by)\s(?:signal:?\s?9:?\s)?\(?SIGKILL\b|\bsignal:? 9:? \(?SIGKILL\b",
                           re.IGNORECASE | re.ASCII)
# NCCL, which torch has only on Linux, told in words
# (not where the same line says the program went on with gloo: "NCCL backend not available, falling back to gloo")
_NCCL_WORDS = re.compile(r"\bNCCL\b[^\n]{0,30}?(?:isn'?t|is not|not|不)\s?(?:supported|available|支持)"
                         r"(?![^\n]{0,40}?(?:fall(?:s|ing)? ?back|(?:use|using|switch(?:ing)? to) gloo|改用\s?gloo))|不支持\s?NCCL",
                         re.IGNORECASE | re.ASCII)
# The driver too old, in words.
_DRIVER_WORDS = re.compile(r"驱动(?:版本)?(?:太|过)(?:低|旧|老)|driver (?:is |version is )?(?:too old|outdated)", re.IGNORECASE | re.ASCII)
# The web UI's port taken, in words.
_PORT_WORDS = re.compile(r"端口(?:已经?|已)?被(?:其他程序)?占用|端口占用|port (?:is )?already (?:in use|taken|used)"
                         r"|port \d{2,5} is (?:in use|taken|occupied)", re.IGNORECASE | re.ASCII)
# Slow without an error, or the overflow into shared GPU memory.
_SLOW_WORDS = re.compile(r"\b(?:very|so|too|extremely|really|super)\s+slow|\bslow(?:ly|er)?\s+(?:speed|inference|generation"
                         r"|training)|\bslow\b[^\n]{0,30}?\b(?:gpu|cpu|it/s)|takes? (?:forever|ages)|很慢|好慢|太慢|特别慢"
                         # minutes for one inference ("Inference takes 45 minutes on a 2070")
                         r"|\binference[^\n]{0,20}?\b(?:takes?|took) (?:about |around |over |almost |nearly )?\d{1,3} ?"
                         r"(?:minutes?|mins?|hours?|hrs?)\b"
                         r"|非常慢|速度慢|速度很慢|变慢|龟速|卡顿|共享显存|共享GPU内存|shared gpu memory"
                         # the card barely used while it works ("训练时GPU占用低", "low GPU usage"), and "is this speed normal?"
                         r"|(?:gpu|显卡)\s?的?(?:占用|利用率|使用率)率?\s?(?:皆|都|很|非常|特别|极)?低"
                         r"|\blow (?:gpu|cuda) (?:usage|utili[sz]ation|load)\b|\bgpu (?:usage|utili[sz]ation|load) is (?:very |so )?low\b"
                         r"|速度(?:是)?正常[吗么嘛]", re.IGNORECASE | re.ASCII)
# Asking how to run on the CPU.
_CPU_WANTED_WORDS = re.compile(r"\bcpu[ \t-]?(?:inference|only|mode|version)\b|inference on (?:the )?cpu"
                               r"|run (?:it |this |them )?(?:on|with) (?:the |a |my )?cpu|support (?:for )?cpu"
                               r"|(?:用|使用|纯)\s?cpu\s?(?:推理|跑|运行|训练)|(?<!faiss)(?<!faiss是)(?<!faiss )cpu\s?(?:推理|版本?)|支持\s?cpu",
                               re.IGNORECASE | re.ASCII)
# torch 2.6's torch.load (weights_only by default), and transformers refusing torch.load before torch 2.6, told in words
# (not "the webui loads", nor torch 2.4/2.5's FutureWarning beside every torch.load: "`weights_only=False` (the
# current default value)")
_LOAD_ON_26 = r"\bload\w*\s(?:the\s)?(?:[\w-]{1,20}\s)?(?:models?|checkpoints?)\s(?:checkpoint\s)?on\s(?:py)?torch\s?2\.6\b"
_TORCH_LOAD_26_WORDS = re.compile(r"\btorch[^\n]{0,6}?\b2\.6[^\n]{0,60}?(?:torch\.load|载入|加载|读取"
                                  r"|\bload(?:s|ed|ing)?\s(?:the\s|a\s|my\s|any\s)?(?:models?|checkpoints?|weights|"
                                  r"pths?|ckpts?|files?)\b|\b(?:can'?t|cannot|won'?t|fails? to|unable to)\sload\b)"
                                  r"|\bweights_only\b(?!`?\s?=\s?False`?\s?\(the current default)"
                                  # the refusal named beside the version, either way round ("... with a
                                  # `_pickle.UnpicklingError` on PyTorch 2.6+", "loading the checkpoint on PyTorch 2.6+")
                                  r"|\b(?:py)?torch\s?2\.6\b[^\n]{0,80}?unpickling|unpickling[^\n]{0,120}?\b(?:py)?torch\s?2\.6\b"
                                  # (beside a failure told before or after it: "loading the model on torch 2.6 is slow" is not it)
                                  r"|(?:error|fail|crash|can'?t|cannot|unable)[^\n]{0,60}?" + _LOAD_ON_26
                                  + r"|" + _LOAD_ON_26 + r"(?=[^\n]{0,60}?(?:error|fail|crash|refus))",
                                  re.IGNORECASE | re.ASCII)
_OLD_TORCH_REFUSED_WORDS = re.compile(r"torch[ \t]?<[ \t]?2\.6[^\n]{0,60}?(?:漏洞|vulnerab|禁用|disabled|refuse|拒绝)"
                                      r"|CVE-2025-32434", re.IGNORECASE | re.ASCII)
# The web UI's "no compatible GPU to support your training", retold
_TRAINING_GPU_WORDS = re.compile(r"unfortunately,?[^\n]{0,40}?(?:card|gpu)[^\n]{0,20}?(?:isn'?t|is not|not) supported"
                                 # (a "to support" only after a "no": "what GPU is required to support training?" asks)
                                 r"|\bno\b[^\n]{0,20}?(?:card|gpu)[^\n]{0,30}?to support (?:my |your |the )?training"
                                 r"|(?:card|gpu)[^\n]{0,30}?(?:can'?t|cannot) support (?:my |your |the )?training",
                                 re.IGNORECASE | re.ASCII)
# A Python too new for the program, told in words ("Python3.11 compatibility", "fairseq不支持3.11", "py3.12 报错"),
# the failure in the version's own clause ("装了Python3.11，运行go-web.bat报错" is another story)
# (the words of a failure only right after the version: "I use python 3.11 and training fails", "python 3.11: the
# webui fails to open" are another step's failure; words of support a little further, not past another product's name)
_NEW_PYTHON_WORDS = re.compile(r"\b(?:python|py) ?3\.1[1-4]\b(?! ?(?:works|is fine|没问题|可以))"
                               r"(?:(?!torch|cuda|rtx|gtx|gpu|card|driver|显卡|驱动)[^\n,;:，。；：]){0,60}?"
                               r"(?:不支持|不兼容|\bcompatib\w*|\bnot supported\b|\bunsupported\b)"
                               r"|\b(?:python|py) ?3\.1[1-4]\b ?(?:(?:is|just|simply|still|also|always) )?"
                               r"(?:fails?\b|does(?:n'?t| not) work\b|won'?t work\b)"
                               r"|\b(?:python|py) ?3\.1[1-4]\b ?(?:会|就|直接|一直|总是|各种|老是|都){0,3}报错"
                               r"|\b(?:python|py) ?3\.1[1-4] ?(?:compatibility|support)\b"
                               r"|(?:不支持|不兼容|\bnot (?:support\w*|compatible with)\b|\bdoes(?:n'?t| not) support\b|\bincompatible with\b)"
                               r" ?(?:python|py)? ?3\.1[1-4]\b(?!\.\d)",
                               re.IGNORECASE | re.ASCII)
# What an error told in words stands for where its entry's texts name a value the message would have printed
_WORDS_PARAMS = {"transformers-needs-newer-torch": {"need": "2.6"}}
# The real-time converters: RVC's gui_v1.py (go-realtime-gui.bat), the voice changer, so-vits-svc's realtime GUI
# (not a TTS program's "real-time factor", 实时率)
_REAL_TIME = re.compile(r"realtime[-_ ]?gui|gui_v1\.py|real[- ]time(?![- ]factor)|实时(?!率)|voice[-_ ]?changer|MMVCServerSIO",
                        re.IGNORECASE)
# Words that, in the clause a symptom's words are in, say they are about something else: noise in the input
# ("remove noise from the reference", "参考音频有噪音"), or a sound wanted ("a robotic voice on purpose", "电音效果怎么调")
# (an effect only where it is made or wanted: 效果 is most often the result, "合成效果全是电音" a complaint, and
# "the effect is all robotic noise" too)
_NOT_OF_THE_OUTPUT = re.compile(r"\b(?:input|mic(?:rophone)?s?|dataset|training (?:data|set|audio|clips?)|record\w*"
                                r"|remov\w*|reduc\w*|denois\w*|de-nois\w*|clean\w*|filter\w*|suppress\w*"
                                r"|on purpose|deliberately|intentional\w*)\b"
                                r"|\b(?:want\w*|add\w*|apply\w*|mak\w*|creat\w*|achiev\w*|get|how (?:do|can|to))\b"
                                r"[^,.;!?]{0,60}?\beffects?\b"
                                r"|参考音频(?:里|中)?(?:有|带)|训练集|数据集|素材|麦克风|降噪|去噪|底噪|输入|录音|特效"
                                r"|效果(?:要)?(?:怎么|如何|怎样)(?:调|做|弄|加|实现|出来)|(?:想要|想做|做出|加上|加个|添加|实现)[^，。！？]{0,20}?效果",
                                re.IGNORECASE)
# ... a step that runs on the CPU by design, or the CPU chosen ("Slicing only runs on the CPU, as expected")
_CPU_BY_DESIGN = re.compile(r"\b(?:slic\w*|preprocess\w*|expected|as intended|on purpose|deliberately)\b|切片|预处理",
                            re.IGNORECASE)
# ... a hang of another step ("training hangs", "pip install is stuck")
_ANOTHER_STEP = re.compile(r"\b(?:train\w*|pip|install\w*|download\w*|epochs?|preprocess\w*|extract\w*"
                           r"|slic\w*|go-web|webui|web ui|tensorboard)\b|训练|安装|下载|预处理|提取|切片|go-web",
                           re.IGNORECASE)
# A post about a real-time converter or its audio devices: a hang is the devices' only there
_ABOUT_REAL_TIME = re.compile(_REAL_TIME.pattern + r"|sounddevice|portaudio|音频设备|audio devices?", re.IGNORECASE)
# ... about a real-time voice converter itself: its lag is its block size and pitch extractor (a TTS's streaming
# "first packet in real time" is not: "GPT-SoVITS 流式推理做实时对话，首包延迟")
_ABOUT_A_CONVERTER = re.compile(r"realtime[-_ ]?gui|gui_v[01]\.py|voice[-_ ]?changer|MMVCServerSIO|变声|\bRVC\b|w-?okada"
                                r"|Retrieval-based-Voice-Conversion"
                                r"|real[- ]?time (?:voice )?conver\w*|实时(?:语音)?转换", re.IGNORECASE)


class _Description(NamedTuple):
    """Words that tell a symptom (a SYMPTOMS name) or an error (an entry id) in a post."""
    words: "re.Pattern[str]"
    name: str
    not_in_clause: Optional["re.Pattern[str]"] = None  # a match in a clause these words are in is about something else
    only_about: Optional["re.Pattern[str]"] = None  # ... read only in a post these words are in


# In order: the first of them found in the post is read as what it tells.
_DESCRIBED = (_Description(_SILENT_WORDS, "silent-audio"), _Description(_NAN_WORDS, "nan"), _Description(_CPU_HALF_WORDS, "cpu-half-conv"),
              _Description(_KILLED_WORDS, "ram-out-of-memory"), _Description(_OOM_WORDS, "cuda-out-of-memory"),
              _Description(_RAM_WORDS, "ram-out-of-memory"), _Description(_NO_GPU_WORDS, "no-gpu", not_in_clause=_CPU_BY_DESIGN),
              _Description(_DRIVER_WORDS, "cuda-driver-insufficient"), _Description(_PORT_WORDS, "port-in-use"),
              _Description(_NEW_PYTHON_WORDS, "python-version-unsupported"),
              _Description(_OLD_TORCH_REFUSED_WORDS, "transformers-needs-newer-torch"),
              _Description(_TRAINING_GPU_WORDS, "training-gpu-not-listed"), _Description(_NCCL_WORDS, "torch-no-nccl"),
              _Description(_TORCH_LOAD_26_WORDS, "torch-weights-only"),
              _Description(_CHOPPY_WORDS, "realtime-choppy", not_in_clause=_ANOTHER_STEP, only_about=_ABOUT_A_CONVERTER),
              _Description(_CHOPPY_MS, "realtime-choppy", not_in_clause=_A_SETTING, only_about=_ABOUT_A_CONVERTER),
              _Description(_GARBLED_WORDS, "garbled-audio", not_in_clause=_NOT_OF_THE_OUTPUT),
              _Description(_HANG_WORDS, "realtime-devices", not_in_clause=_ANOTHER_STEP, only_about=_ABOUT_REAL_TIME),
              _Description(_SLOW_WORDS, "slow"), _Description(logfacts.NEW_CARD, "cuda-no-kernel-image"), _Description(logfacts.AMD, "amd-gpu"),
              _Description(_CPU_WANTED_WORDS, "cpu-wanted"))
# Traditional Chinese, read by the same words (logfacts.SIMPLIFIED, which its words of a plan read too): each
# character of the words above that Traditional writes otherwise (one character for one, so a match's place in the
# line is the same; none the words hold themselves: a word is written in Simplified, and Japanese's 鳴 of 音が鳴らない
# is kept)
_SIMPLIFIED = logfacts.SIMPLIFIED
# Characters of the post the words are read in: a description comes before what is pasted under it, and each
# of the patterns above costs a pass over them (a 10 MB log on one line took seconds).
_WORDS_SCAN = 500_000
# what Python prints for is_available() on the line under it (beside torch.version.cuda: None or a version)
_ANSWER_FALSE = re.compile(r"\s{0,8}False(?:\s{1,4}(?:None|[\d.]{1,10}))?\s{0,8}$")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (CJK included)
# What machine it is, not what went wrong. (A Mac named alone is no symptom: of 17 graded posts read so, one was
# about the Mac; the others had a missing ffmpeg, .DS_Store files, a program's own bug, the network. A Mac shows
# in the symptoms a post tells: "the GPU is not used" on a Mac is the Mac's story.)
_MACHINE_FACTS = (logfacts.NEW_CARD, logfacts.AMD)


def described_symptoms(log: Log, project: LogProject, facts: Optional[logfacts.LogFacts] = None,
                       machine_as_cause: bool = True) -> List[Explanation]:
    """A symptom or a cause the log describes in words (no error printed), named as an assumption;
    `machine_as_cause`: the machine alone (an RTX 50xx, an AMD card) may be read as the cause."""
    written, left = [], _WORDS_SCAN  # the lines as the post wrote them
    for line in (log.lines if log.lines else log.text.split("\n"))[:5000]:
        if left <= 0:
            break
        # a line without a letter (numbers, a dumped array) describes nothing: kept empty, so indexes stay lines
        written.append(line[:left] if _LETTER.search(line, 0, left) else "")
        left -= len(line) + 1
        if len(written) > 1 and _ANSWER_FALSE.match(line) and "is_available()" in written[-2]:
            written[-2] += " " + line.strip()  # `print(torch.cuda.is_available())` and, on the next line, its False
    lines = [line.translate(_SIMPLIFIED) for line in written]
    # the post as the words read it, for a gate on the whole post ("實時" is 实时)
    translated = functools.lru_cache(maxsize=None)(lambda: log.text[:_WORDS_SCAN].translate(_SIMPLIFIED))
    # Where an error the catalog does not know was printed, the machine (a Mac path, an AMD card, an RTX 50xx)
    # is not that error's cause: read it only from the exception line itself; and a symptom is read only from
    # the post's own words, not from what the program printed around the error (a library's warning that an
    # operator "will fall back to run on the CPU" is no description of the problem).
    printed = _printed_exceptions(log)
    output = _printed_output(log) if printed else set()
    # a logged notice beside a printed error is the program's, not the post's complaint; a loss of NaN it logs is
    # evidence all the same
    logged = _logged_lines(log) if printed else set()
    facts = facts or logfacts.read_facts(log.text)  # explain_log's own: reading them is not free on a long line
    card = facts.card
    for described in _DESCRIBED:  # the likeliest reading first, wherever in the post it is told
        words, name = described.words, described.name
        if words in _MACHINE_FACTS and not machine_as_cause:
            continue
        if words is logfacts.AMD and card and _NVIDIA_FAMILY.match(card):
            continue  # an NVIDIA card named beside a Radeon iGPU: the card is the machine's GPU
        if words is logfacts.AMD and facts.directml_on_cuda:
            continue
        if words is logfacts.NEW_CARD and facts.cuda_build and facts.cuda_build >= 12.8:
            continue  # an RTX 50xx beside a torch built for CUDA 12.8 or newer: the build has the card's code
        for index, line in enumerate(lines):
            if printed and words in _MACHINE_FACTS and index + 1 not in printed:
                continue
            if index + 1 in output and index + 1 not in printed:
                continue
            if index + 1 in logged and words is not _NAN_WORDS and index + 1 not in printed:
                continue
            match = words.search(line)
            if match and described.not_in_clause:  # the first one told of what it is about ("noise" of the output)
                match = next((found for found in words.finditer(line)
                              if not described.not_in_clause.search(_clause(line, found))), None)
            if match and words in _MACHINE_FACTS and logfacts.planned(line, match.start()):
                continue  # "I plan to use it on Linux with ROCm later": not the machine the error came from
            if match and described.only_about and not described.only_about.search(translated()):
                break  # (looked for only once the words are there: a pass over the whole post)
            if match:
                read_as = _on_this_machine(name, log, facts)
                if printed and read_as in _MACHINE_SYMPTOMS and index + 1 not in printed:
                    continue  # "the GPU is not used" beside an unknown error, read as the machine: not its cause
                told, name = name, read_as
                explanation = _unprinted(catalog.SYMPTOMS[name] if name in catalog.SYMPTOMS else catalog.BY_ID[name], project)
                explanation.params.update(_WORDS_PARAMS.get(name, {}))
                if told == "slow" and name == "amd-gpu":
                    explanation.notes.append(("amd_slow", {}))
                if told == "realtime-choppy" and name == "amd-gpu":
                    explanation.notes.append(("amd_realtime", {}))
                if words is _KILLED_WORDS and facts.mac:
                    explanation.notes.append(("mac_killed", {}))
                explanation.line = index + 1
                explanation.count = 1
                explanation.message = _excerpt_text(written[index].strip(), match.start(), match.end())
                explanation.assumed = written[index][match.start():match.end()]
                return [explanation]
    return []


_MACHINE_SYMPTOMS = ("amd-gpu", "mac")
# Where a clause of a line ends: a comma, a semicolon, a sentence's end (not a file's ".bat")
_CLAUSE_END = re.compile(r"[;,!?。，；！？]|\.(?=\s|$)")


# How far a clause reaches on either side of a match: each match's clause is looked for around it, not by a pass over
# the whole line (a long line of many matches took a pass each: quadratic)
_CLAUSE_REACH = 300


def _clause(line: str, match: "re.Match[str]") -> str:
    """The clause of `line` that `match` is in (at most _CLAUSE_REACH characters on either side of it)."""
    low, high = max(0, match.start() - _CLAUSE_REACH), min(len(line), match.end() + _CLAUSE_REACH)
    ends = [end.start() for end in _CLAUSE_END.finditer(line, low, high)]
    start = max((end + 1 for end in ends if end < match.start()), default=low)
    stop = min((end for end in ends if end >= match.end()), default=high)
    return line[start:stop]
# torch's out-of-memory message naming a card after the first ("(GPU 2; 4.00 GiB total capacity", "GPU 1 has a total")
_LATER_GPU = re.compile(r"\(GPU [1-9]\d*;|\bGPU [1-9]\d* has a total capacity")
# A line a program's logger printed: "WARNING:ChatTTS.core:...", "2024-06-06 17:25:06,816 - modelscope - INFO - ...",
# "[INFO] ...", "| INFO | ..."
_LOGGER_LINE = re.compile(r"\s{0,8}(?:\d{4}-\d\d-\d\d[ T][\d:,.]{5,15}\s{0,3}(?:[-|]\s{0,3}[\w.]{1,60}\s{0,3})?[-|]?\s{0,3})?"
                          r"[\[|]?\s{0,2}(?:WARNING|WARN|INFO|ERROR|DEBUG|CRITICAL)\s{0,8}[\]|:-]")  # (loguru pads the level: "INFO     |")
# torch.load's refusal as torch before 2.6 words it (2.6 and its nightlies begin "This file can still be loaded",
# 2.6 itself goes on "In PyTorch 2.6");
# before 2.6 weights_only was off unless the calling code turned it on
_OLD_WEIGHTS_ONLY_WORDING = re.compile(r"Re-running `torch\.load` with\s+`weights_only` set to `False`")
# RVC's and the voice changers' real-time GUI (it lists the audio devices through sounddevice)
_REALTIME_GUI = re.compile(r"go-realtime-gui|gui_v[01]\.py|realtime[ _-]?gui|实时变声|real-?time voice chang", re.IGNORECASE)


def _printed_exceptions(log: Log) -> set:
    """Line numbers of the exception lines the log printed: those of its tracebacks, and lines that are an
    exception line by themselves ("RuntimeError: ...", without a traceback above it)."""
    printed = {t.exception_line for t in log.tracebacks if t.exception_line}
    for index, line in enumerate((log.lines or log.text.split("\n"))[:5000]):
        if len(line) < 2000 and ("Error" in line or "Exception" in line) and is_error_line(line):
            printed.add(index + 1)
    return printed


def _printed_output(log: Log) -> set:
    """Line numbers of what a program printed rather than what the post says: the tracebacks (from their
    first line to the lines after the exception), and Python's warnings with the source line under them."""
    output = set()
    for traceback in log.tracebacks:
        end = max(traceback.exception_line, traceback.start_line) + len(traceback.more)
        output.update(range(traceback.start_line, end + 1))
    for index, line in enumerate((log.lines or log.text.split("\n"))[:5000]):
        if "Warning: " in line and _WARNING.match(line):
            output.update((index + 1, index + 2))
    return output


def _logged_lines(log: Log) -> set:
    """Line numbers of the lines a program's logger printed ("WARNING:ChatTTS...:No GPU found, use CPU instead")."""
    return {index + 1 for index, line in enumerate((log.lines or log.text.split("\n"))[:5000]) if _LOGGER_LINE.match(line)}


def _on_this_machine(name: str, log: Log, facts: logfacts.LogFacts) -> str:
    """"The GPU is not used" on a Mac or with an AMD card is that machine's story, not NVIDIA's."""
    if name not in ("no-gpu", "slow", "cpu-wanted", "realtime-choppy"):
        return name
    if name == "cpu-wanted" and _GPU_WANTED_WORDS.search(log.text[:_WORDS_SCAN]):
        name = "no-gpu"  # "I installed the CPU version, how do I switch to the GPU?": the GPU is what is wanted
    elif name == "no-gpu" and _CPU_WISH_WORDS.search(log.text[:_WORDS_SCAN]):
        name = "cpu-wanted"  # "I want to infer with the CPU, so that it does not detect the GPU": the CPU is wanted
    if facts.card and _NVIDIA_FAMILY.match(facts.card):
        return name
    if facts.directml_on_cuda:
        return name
    if facts.mac or facts.amd:
        return "mac" if facts.mac else "amd-gpu"
    if name == "no-gpu" and _NO_CARD_WORDS.search(log.text[:_WORDS_SCAN]):
        return "cpu-wanted"  # "I have no graphics card, can I only use the CPU?": not a GPU that goes unused
    return name


# The GPU is what the post wants (beside words about the CPU build or a CPU mode it is stuck with).
_GPU_WANTED_WORDS = re.compile(r"\b(?:switch|change|move|go)\w*\s+(?:it\s+|back\s+)?to\s+(?:the\s+|my\s+)?(?:gpu|cuda)(?![A-Za-z])"
                               r"|\bwant\w*\s+(?:to\s+use\s+)?(?:the\s+|my\s+)?(?:gpu|cuda)(?![A-Za-z])"
                               r"|\bselected\s+(?:the\s+)?(?:gpu|cuda)(?![A-Za-z])"
                               r"|(?:换成|切换到?|改成|改用|想用|要用)\s?(?:GPU|显卡|cuda|N卡)|(?:GPU|cuda|显卡)\s?版", re.IGNORECASE | re.ASCII)
# The CPU is what the post wants, beside words of a GPU not detected ("so that RVC does not detect the GPU").
# (not a wish said the other way round: "I don't want to use the CPU", "use GPU not CPU", 不想用cpu, 不要强制cpu; one
# run of spaces is read once: a long one is no quadratic scan)
_CPU_WISH_WORDS = re.compile(r"(?<!not )(?<!n't )\b(?:want|would like|wish|need)\s+to\s+(?:infer|run|use|train|force)\w*\s+"
                             r"(?:(?!(?:not|gpu|cuda|instead|rather)\b)\w+\s+){0,3}?(?:(?:with|on|using)\s+)?"
                             r"(?:the\s+|a\s+|my\s+)?cpu\b|(?<!not )(?<!n't )\bforce\s+"
                             r"(?:(?!(?:not|gpu|cuda|instead|rather)\b)\w+\s+){0,3}?(?:the\s+)?cpu\b"
                             r"|(?<!不)(?:想|要)(?:用|使用)\s?cpu|(?<!不要)(?<!别)(?<!不)强制(?:使用|用)?\s?cpu"
                             # asking how to switch to it ("怎么切换到cpu推理"; not "怎么切到cpu去了", which happened)
                             r"|(?<!不)(?:想|要|怎么|如何|怎样|能不能|可以)[^\n，,。.!?！？]{0,6}?切(?:到|换到|换成|成)\s?cpu(?!\s?(?:去|了))",
                             re.IGNORECASE | re.ASCII)
# The machine has no (NVIDIA) graphics card at all, in the post's words.
_NO_CARD_WORDS = re.compile(r"(?:don'?t|do not|doesn'?t|does not) have (?:a |an |any )?(?:nvidia |dedicated |discrete )?"
                            r"(?:gpu|graphics card|video card)|没有(?:独立)?(?:显卡|N卡|独显)(?=[，,。.！!？?\s]|$)",
                            re.IGNORECASE | re.ASCII)


def _excerpt_text(line: str, start: int, end: int) -> str:
    if len(line) <= _MESSAGE_MAX:
        return line
    start, end = max(0, start - 60), min(len(line), end + 60)
    return ("..." if start else "") + line[start:end] + ("..." if end < len(line) else "")


# ------------------------------------------------------------- the log's project and facts

_NVIDIA_FAMILY = re.compile(r"^(?:RTX|GTX|GT|MX|Quadro|Tesla|TITAN|[TPAM]\d)", re.IGNORECASE)


def _project_settings(entry: Entry, project: LogProject, job: Optional[str]) -> List[str]:
    """The settings for a project other than GPT-SoVITS: the entry's project-neutral ones and
    the project's own for this kind of cause; never a GPT-SoVITS file."""
    neutral = [s for s in entry.settings if s in catalog.NEUTRAL_SETTINGS]
    kind = entry.kind
    if kind == "oom":
        kind = "oom-train" if job == "train" else "oom-infer"
    own = [s for s in project.settings.get(kind, ()) if s not in neutral]
    lead = entry.settings[0] if entry.settings else None
    # the cause itself first: a card, a build, a driver; the project's own setting where it has one
    first = [lead] if lead in neutral and (lead in _FIRST_ALWAYS or kind not in project.settings) else []
    return first + own + [s for s in neutral if s not in first]


def _mixed_devices(explanation: Explanation) -> None:
    """The two devices the message names, in whichever of torch's wordings it came."""
    params = explanation.params
    if "Placeholder storage" in explanation.message:
        params.update(first="mps", second="cpu")
    elif params.get("got"):
        params.update(first=params["got"], second=params["other"])
    for name in ("got", "other"):
        params.pop(name, None)
    named = params.get("first") and params.get("second")
    wanted = [device.split(":")[1] for device in (params.get("first") or "", params.get("second") or "")
              if re.fullmatch(r"cuda:[1-9]\d*", device)]
    if named and len(wanted) == 1 and all(device.startswith("cuda") for device in (params["first"], params["second"])):
        params["card"] = wanted[0]
        explanation.manual_key = "other_card_index"
    explanation.texts["devices"] = {
        "en": " (%s and %s)" % (params["first"], params["second"]) if named else "",
        "zh": "（%s 和 %s）" % (params["first"], params["second"]) if named else ""}


def _own_module(module: str, project: LogProject, frames: List[str]) -> bool:
    """Is `module` the program's own (its profile names it, or a folder of the traceback's program frames has
    its name), not a package to install?"""
    top = module.split(".")[0]
    if not top:
        return False
    if top in project.own_modules:
        return True
    return any(("/%s/" % top) in frame.replace("\\", "/") for frame in frames if not is_library_path(frame))


# Errors that a Windows path with non-English characters can cause: libraries that open DLLs or files through
# the ANSI API (onnxruntime's providers, faiss, parts of CUDA's loader) cannot reach them.
_PATH_SENSITIVE = ("windows-dll-load", "onnxruntime-no-cuda-provider", "onnxruntime-cuda-load", "cudnn-library-missing",
                   "cuda-library-missing", "model-file-missing", "faiss-index-unreadable", "electron-gpu-process")
# Errors of a file read as a model or audio that is not one
_FILE_READ = ("model-file-corrupt", "audio-file-unreadable", "audio-load-failed", "not-an-exported-model")


# torch's names that a program may need a newer torch for: the release that brought them
_TORCH_ADDED_IN = {"xpu": "2.3", "compiler": "2.1"}
# ... asked of torch itself ("module 'torch.version' has no attribute 'xpu'" asks another module, which has its own history)
_TORCH_OWN_NAME = re.compile(r"module 'torch' has no attribute|cannot import name '\w+' from 'torch'")


# Errors that say torch cannot use CUDA: their fix depends on what machine the log came from.
_NO_CUDA = ("cuda-not-compiled", "cuda-no-driver", "cuda-no-gpus", "load-device-missing", "cpu-training-not-allowed",
            "training-gpu-not-listed", "symptom-no-gpu")
_TRAINING_NEEDS_CUDA = ("cpu-training-not-allowed", "training-gpu-not-listed")
_NO_KERNEL = ("cuda-no-kernel-image", "cuda-capability-unsupported")


def _machine_of_the_log(explanation: Explanation, facts: logfacts.LogFacts, card: Optional[str], launch: str) -> None:
    """A Mac or an AMD card gets its own fix for "no CUDA"; an RTX 50xx card and a +cpu torch
    the commands that install the torch build they need."""
    nvidia = bool(card and _NVIDIA_FAMILY.match(card))
    python = launch.split()[0] if launch else "python"
    if explanation.id in _NO_CUDA and not nvidia:
        if facts.mac:
            explanation.manual_key = "mac_training" if explanation.id in _TRAINING_NEEDS_CUDA else "mac_no_cuda"
            # no torch build brings CUDA to a Mac: the program's device setting is the cause
            explanation.settings = _no_nvidia(explanation.settings, ("torch.build", "nvidia.driver"))
        elif facts.amd and not facts.directml_on_cuda:
            explanation.manual_key = "amd_training" if explanation.id in _TRAINING_NEEDS_CUDA else "amd_no_cuda"
            explanation.settings = _no_nvidia(explanation.settings, ("nvidia.driver",))
    if explanation.id in _NO_CUDA + _NO_KERNEL and facts.jetson and not facts.mac:
        explanation.manual_key = "jetson_torch"  # pytorch.org's CUDA wheels do not drive the board's built-in GPU
    new_card = facts.new_card or ("RTX 50" if explanation.params.get("sm") == "120" else None)
    if explanation.id in _NO_KERNEL + ("symptom-no-gpu", "symptom-garbled-audio", "torch-compile-triton") and new_card \
            and explanation.params.get("library") not in ("ctranslate2", "vllm") \
            and not any(key in ("torch_build_new", "old_card_cu128") for key, _ in explanation.notes):
        explanation.notes.append(("new_card_torch", {"card": card or new_card, "python": python}))
    # (not where the fix is the Mac's or the AMD card's own: a CUDA build is no use there)
    if (explanation.id in _NO_CUDA or explanation.id == "cuda-only-code" and nvidia) and (facts.build or "").lower() == "cpu" \
            and facts.torch and not explanation.manual_key:
        explanation.notes.append(("cpu_build_shown", {"torch": facts.torch, "python": python,
                                                      "cuda": cuda_index_for(facts.torch)}))
    if explanation.id == "docker-no-gpu-runtime" and facts.mac:
        explanation.manual_key = "mac_docker"  # no NVIDIA GPU to hand to a container: leave the GPU request out
    if explanation.id in _NO_CUDA and facts.colab and not facts.mac:
        explanation.notes.append(("colab_runtime", {}))
    if explanation.id in _NO_CUDA + ("cuda-driver-insufficient",) and facts.docker and not facts.mac:
        explanation.notes.append(("docker_gpu", {"shown": facts.docker}))
    if explanation.entry.kind == "ram" and facts.mac:
        explanation.settings = [s for s in explanation.settings if s != "windows.pagefile"] or explanation.settings
    if explanation.entry.kind == "oom" and facts.wsl:
        explanation.notes.append(("wsl_memory", {"shown": facts.wsl}))
    if explanation.id in ("symptom-amd-gpu", "symptom-no-gpu") and facts.amd and not facts.amd_card and not facts.mac:
        explanation.notes.append(("directml_package", {"package": facts.amd}))
    if explanation.id in _NO_KERNEL and (facts.amd or "HIP error" in explanation.message) and not nvidia:
        explanation.notes.append(("amd_rocm_arch", {}))
    if explanation.entry.check == catalog.CHECK_CPU_OP and facts.amd_discrete and not nvidia and not facts.mac:
        explanation.notes.append(("amd_on_cpu", {"card": facts.amd_discrete}))
    # (a CUDA error shows CUDA runs: not on a Ryzen's built-in Radeon)
    if explanation.id == "cuda-runtime-fault" and facts.amd_discrete and not nvidia:
        explanation.manual_key = "amd_cuda_layer"  # no NVIDIA driver to update: the layer under CUDA is the cause
        explanation.settings = [s for s in explanation.settings if s != "nvidia.driver"]


def _no_nvidia(settings: List[str], ruled_out: Tuple[str, ...]) -> List[str]:
    """A machine without an NVIDIA card: its GPU is the cause, not the NVIDIA driver (nor, on a Mac, a torch build)."""
    kept = [s for s in settings if s not in ruled_out]
    return kept + (["machine.gpu"] if len(kept) < len(settings) else [])  # the program's own setting first


def cuda_index_for(torch_version: str) -> str:
    """The newest CUDA wheel index of pytorch.org that has this torch release."""
    try:
        major, minor = (int(part) for part in torch_version.split(".")[:2])
    except ValueError:
        return "cu128"
    return ("cu102" if (major, minor) < (1, 8) else "cu111" if (major, minor) < (1, 10) else
            "cu113" if (major, minor) < (1, 12) else "cu116" if (major, minor) < (1, 13) else "cu117" if (major, minor) < (2, 0) else
            "cu118" if (major, minor) < (2, 1) else "cu121" if (major, minor) < (2, 4) else
            "cu124" if (major, minor) < (2, 6) else "cu126" if (major, minor) < (2, 7) else "cu128")


def _device_of(tensor_type: str) -> str:
    lower = tensor_type.lower()
    return "cuda" if "cuda" in lower else "mps" if "mps" in lower else "xpu" if "xpu" in lower else "cpu"


def _precision_of(tensor_type: str) -> str:
    lower = tensor_type.lower()
    return "bfloat16" if "bfloat16" in lower else "float16" if "half" in lower else "float32" if "float" in lower else lower


def _become(explanation: Explanation, entry: Entry, params: Optional[Dict[str, str]] = None) -> None:
    """The explanation is another entry's: what the log showed beside the message told it apart."""
    explanation.id = entry.id
    explanation.params = params if params is not None else {}
    explanation.settings = list(entry.settings)
    explanation.fix_commands = []


def _device_mix(explanation: Explanation) -> None:
    """`MPSHalfType` against `torch.HalfTensor` is one precision on two devices: a device mix."""
    params = explanation.params
    first, second = params.get("input", ""), params.get("weight") or params.get("bias") or ""
    if first and second and _precision_of(first) == _precision_of(second) and _device_of(first) != _device_of(second):
        _become(explanation, catalog.BY_ID["device-mismatch"], {"first": _device_of(first), "second": _device_of(second)})


def _card_text(card: Optional[str], memory: Optional[float], capability: Optional[str]) -> Dict[str, str]:
    parts = [p for p in (card, ("%g GB" % memory) if memory is not None else None,
                         ("capability %s" % capability) if capability else None) if p]
    parts_zh = [p.replace("capability", "算力") for p in parts]
    return {"en": (" (%s)" % ", ".join(parts)) if parts else "",
            "zh": ("（%s）" % "，".join(parts_zh)) if parts_zh else ""}


_SMALL_CARD_GB = 3.5  # a "4 GB" card reports 3.9 to 4.0 GiB: still usable with small batches


def _out_of_memory(explanation: Explanation, project: LogProject, job: Optional[str], memory: Optional[float]) -> None:
    texts = explanation.texts
    texts["job_text"] = {"train": {"en": " while training", "zh": "（训练时）"},
                         "infer": {"en": " during inference", "zh": "（推理时）"}}.get(job, {"en": "", "zh": ""})
    slots = ["oom_train"] if job == "train" else ["oom_infer"] if job == "infer" else ["oom_infer", "oom_train"]
    small = memory is not None and memory < _SMALL_CARD_GB
    if small:
        slots.insert(0, "card_small_train" if job == "train" else "card_small")
    # (a program whose inference and training advice is one text says it once)
    texts["oom_advice"] = {lang: " ".join(dict.fromkeys(logprojects.advice(project, slot)[lang] for slot in slots))
                           for lang in ("en", "zh")}
    if project.gsv_doctor_fixes:
        settings = {"train": ["gsv.train_batch"], "infer": ["gsv.infer_batch"]}.get(job, ["gsv.infer_batch",
                                                                                          "gsv.train_batch"])
        to_cpu = small and job != "train"  # gsv-doctor's fix moves inference to the CPU, not training
        explanation.settings = (["gpu.memory", "config.infer_device"] if to_cpu else ["gpu.memory"] if small else []) \
            + settings + ([] if small else ["gpu.memory"])
        explanation.fix_commands = ["gsv-doctor fix --write"] if to_cpu else []
    elif small:
        explanation.settings = ["gpu.memory"] + [s for s in explanation.settings if s != "gpu.memory"]


def _out_of_memory_notes(explanation: Explanation, facts: logfacts.LogFacts, frames: List[str], text: str) -> None:
    """What the log says beyond the job's size: vLLM's share, a batch already at 1, a card with room, MPS."""
    if _vllm_involved(frames, text):
        explanation.notes.append(("vllm_reserves_memory", {}))
    if _BATCH_OF_ONE.search(text, 0, _WORDS_SCAN) and not _LINUX.search(text, 0, _WORDS_SCAN) and not facts.mac:
        # nothing smaller to ask for: the Windows driver can lend the computer's memory instead of failing
        explanation.notes.append(("sysmem_fallback", {}))
    room = _room_left(text)
    if room:
        explanation.notes.append(("oom_with_room", room))
    if "MPS backend out of memory" in explanation.message:
        explanation.notes.append(("mps_out_of_memory", {}))
    words = text[:_WORDS_SCAN].lower()  # (a literal test first: the pattern's own pass over 500 kB took 60 ms)
    if ("deepspeed" in words or "workspace can't" in words) \
            and (_DEEPSPEED_USED.search(text, 0, _WORDS_SCAN) or any(_DEEPSPEED_USED.search(frame) for frame in frames)) \
            and logfacts.job_of(frames, text) != "train":  # (ZeRO's training engine saves memory: no workspace)
        explanation.notes.append(("deepspeed_workspace", {}))


# DeepSpeed's inference kernels in use: its own out-of-memory words, the option that turns it on, its inference
# frames (not a notice that it is missing: "DeepSpeed not found, falling back"; nor the option turned off or told left
# out: "--deepspeed False", "tried without --deepspeed"; IndexTTS's is --use_deepspeed; nor the training engine,
# whose --deepspeed names a ZeRO config and whose frames are deepspeed/runtime: it saves memory)
_DEEPSPEED_USED = re.compile(r"Workspace can't be allocated"
                             r"|(?<!without )(?<!w/o )(?<!no )--(?:use_)?deepspeed\b"
                             r"(?![ \t=]{1,3}(?:(?:False|0|no|off)\b|[^\s'\"]{1,200}\.json))"
                             r"|\b(?:use_)?deepspeed\s?=\s?True\b"
                             r"|[\\/]deepspeed[\\/](?:inference|ops[\\/]transformer[\\/]inference|model_implementations)[\\/]",
                             re.IGNORECASE)


def _room_left(text: str) -> Optional[Dict[str, str]]:
    """torch's out-of-memory message when the card had room for what it asked: {"free": GiB, "tried": size}."""
    room = _ROOM_LEFT.search(text, 0, _WORDS_SCAN)
    if not room:
        return None
    free = room.group("free") or room.group("free2")
    # (torch's " allowed; ": the program capped its share of the card, set_per_process_memory_fraction; the cap
    # ran out, not the card)
    line_end = text.find("\n", room.start())
    if " allowed; " in text[room.start():line_end if line_end >= 0 else None]:
        return None
    if _gib(room.group("tried"), room.group("unit")) + _ROOM_MARGIN_GIB > float(free):
        return None
    return {"free": free, "tried": room.group("tried") + " " + room.group("unit")}


# The statuses a CUDA math library returns when the card's memory runs out inside it (not NOT_SUPPORTED, ARCH_MISMATCH:
# an operation or a card the build lacks)
_MEMORY_STATUSES = ("CUBLAS_STATUS_EXECUTION_FAILED", "CUBLAS_STATUS_INTERNAL_ERROR", "CUBLAS_STATUS_NOT_INITIALIZED",
                    "CUFFT_INTERNAL_ERROR", "CUFFT_ALLOC_FAILED", "CUFFT_EXEC_FAILED")


def _rtx40_old_cufft(facts: logfacts.LogFacts) -> bool:
    """An RTX 40xx beside a torch for CUDA before 11.8 (or none named): its cuFFT has no code for the card."""
    return bool(facts.card and re.match(r"RTX[ \t]?40\d\d", facts.card)
                and (not facts.cuda_build or facts.cuda_build < 11.8))


# Half or mixed precision named in a post (an option, a flag, a dtype)
# (not "half an hour", "the second half of", nor a web page's "&amp;")
_HALF_SHOWN = re.compile(r"\bfp16|\bhalf\b(?![ \t]+(?:an?|of|the|way|hour|day)\b)|is_half|float16|(?<!&)\bamp\b|autocast"
                         r"|mixed[ _-]?precision|16-mixed|半精度",
                         re.IGNORECASE | re.ASCII)
# the checkpoints a VITS-family training run saves: G_ (the generator, the voice model) and D_ (its discriminator)
_DISCRIMINATOR_FILE = re.compile(r"(?<![\w-])D_\d+\.pth\b")
_GENERATOR_FILE = re.compile(r"(?<![\w-])G_\d+\.pth\b")
# a training run's own lines: RVC and GPT-SoVITS resume their D_ before their G_ ("loaded D" between), and print
# their hyperparameters ({'train': {...}}) and epochs
_TRAINING_RUN = re.compile(r"\bloaded D\b|\bloaded pretrained\b|'train': \{|\bTrain Epoch\b|====> Epoch|s2_train\.py"
                           r"|train_nsf_sim_cache")
_IMPORT_ENTRIES = ("python-module-missing", "program-module-missing", "python-package-version")
# "No module named 'modules.commons'; 'modules' is not a package": a file or a module of that name came first
_NOT_A_PACKAGE = re.compile(r"No module named '[\w.]+'; '(?P<package>\w+)' is not a package")
# ImportError's "cannot import name 'x' from 'modules.commons' (D:\\env\\lib\\site-packages\\modules\\commons.py)"
_IMPORTED_FROM = re.compile(r"cannot import name '\w+' from '(?P<package>\w+)[\w.]{0,200}' \((?P<path>[^()\n]{1,500})\)")
# the import line of a program's frame
_IMPORT_LINE = re.compile(r"\s*(?:from\s+(\w+)[\w.]*\s+import\b|import\s+(\w+))")
# Names of a program's own folders that no library a voice program needs is called: one of them imported from
# site-packages is another project's package standing in for the program's folder (seed-vc's modules/ and a
# package "modules" installed for something else)
_FOLDER_NAMES = ("modules", "module", "utils", "util", "src", "tools", "text", "common", "commons", "models", "model",
                 "configs", "lib", "infer", "inference", "core", "scripts", "app", "webui")


def _shadowed_import(explanation: Explanation, traceback: Optional[Traceback]) -> None:
    """A module of the program that Python took from elsewhere: a file or an installed package of its name."""
    not_a_package = _NOT_A_PACKAGE.search(explanation.message)
    if not_a_package:
        explanation.notes.append(("not_a_package", {"package": not_a_package.group("package")}))
        return
    # ImportError names the file it took: "cannot import name 'x' from 'modules.commons' (...\\site-packages\\modules\\...)"
    named = _IMPORTED_FROM.search(explanation.message)
    if named and named.group("package") in _FOLDER_NAMES:
        installed = _installed_as(named.group("package"), named.group("path"))
        if installed:
            explanation.notes.append(("shadowed_by_package", {"package": named.group("package"), "path": installed}))
            return
    frames = traceback.frames if traceback else []
    for caller, called in zip(frames, frames[1:]):
        imported = _IMPORT_LINE.match(caller.code) if not caller.is_library else None
        name = imported and (imported.group(1) or imported.group(2))
        installed = name in _FOLDER_NAMES and called.is_library and _installed_as(name, called.path)
        if installed:
            explanation.notes.append(("shadowed_by_package", {"package": name, "path": installed}))
            return


def _installed_as(name: str, path: str) -> str:
    """The folder (or the single module file) of site-packages that `path` is in and that Python imports as `name`."""
    found = re.search(r"[\\/]site-packages[\\/](?:[^\\/]+[\\/])?%s(?:\.py$|(?=[\\/]))" % re.escape(name), path)
    return path[:found.end()] if found else ""


# RVC's index training, which concatenates the features step 2b wrote
_RVC_INDEX = re.compile(r"Failed to train index|train_index|训练索引|train (?:the |feature )?index", re.IGNORECASE)
_VLLM = re.compile(r"\bvllm\b", re.IGNORECASE)
# (a vLLM not installed has no kernels to lack, nor a share of the card: "No module named 'vllm'", "vLLM is not
# installed, falling back to transformers")
_VLLM_MISSING = re.compile(r"No module named '?vllm\b|\bvllm (?:is )?not (?:installed|available|found)\b", re.IGNORECASE)


# A batch size of 1 told or shown (nothing smaller to ask for), and a Linux machine (its paths, the word), where the
# NVIDIA driver has no system-memory fallback to offer
_BATCH_OF_ONE = re.compile(r"\bbatch[ _-]?size\b[ \t]?(?:of|is|=|:|to|at|was|set to)?[ \t]?(?:already[ \t]|only[ \t]|just[ \t])?"
                           r"(?:at[ \t])?1(?![\d.])", re.IGNORECASE)
_LINUX = re.compile(r"(?<![\w.])/(?:home|usr|opt|root|workspace|content|mnt)/|\b(?:linux|ubuntu|debian|wsl)\b",
                    re.IGNORECASE)
# torch's out-of-memory message with what it asked for and what the card had free (torch 2.1 and newer: "GPU 0 has a
# total capacity of 23.99 GiB of which 21.56 GiB is free")
_ROOM_LEFT = re.compile(r"Tried to allocate (?P<tried>[\d.]+) (?P<unit>GiB|MiB)\b[^\n]{0,200}?(?:; (?P<free>[\d.]+) GiB free\b"
                        r"| of which (?P<free2>[\d.]+) GiB is free\b)")
# more free than that beyond what was asked: not the allocator's rounding nor an allocation at the same moment
_ROOM_MARGIN_GIB = 1.0


def _gib(amount: str, unit: str) -> float:
    return float(amount) / (1024 if unit == "MiB" else 1)


def _vllm_involved(frames: List[str], text: str) -> bool:
    """vLLM raised it, or the post names it (and not as a module that is not installed)."""
    return "vllm" in " ".join(frames).lower() or bool(_VLLM.search(text, 0, _WORDS_SCAN)
                                                      and not _VLLM_MISSING.search(text, 0, _WORDS_SCAN))


_ASR_WORDS = ("ctranslate2", "faster_whisper", "faster-whisper", "whisper", "asr")


def _asr_library(frames: List[str], message: str) -> bool:
    """CTranslate2 raised it: faster-whisper frames, or its "parallel_for failed" wording."""
    joined = " ".join(frames).lower()
    return "parallel_for failed" in message or "faster_whisper" in joined or "ctranslate2" in joined


def _driver(explanation: Explanation, frames: List[str], text: str) -> None:
    """Which library needs the newer driver: CTranslate2 (faster-whisper, GPT-SoVITS's ASR step)
    says "CUDA failed with error"; onnxruntime says "CUDA failure 35"; torch says neither."""
    message = explanation.message
    lower = (" ".join(frames) + " " + text[:100_000]).lower()
    if "CUDA failed with error" in message or any(word in lower for word in _ASR_WORDS):
        library = "ctranslate2"
    elif "onnxruntime" in lower or "CUDA failure" in message:
        library = "onnxruntime"
    else:
        library = "torch"
    explanation.params["library"] = library
    explanation.texts["library"] = DRIVER_LIBRARY[library]
    explanation.texts["driver_alternative"] = DRIVER_ALTERNATIVE[library]
    if library != "ctranslate2":
        explanation.settings = [s for s in explanation.settings if s != "asr.ctranslate2"]


DRIVER_LIBRARY = {
    "ctranslate2": {"en": "CTranslate2 (faster-whisper, which the ASR speech-recognition step uses)",
                    "zh": "CTranslate2（ASR 语音识别步骤使用的 faster-whisper 依赖它）"},
    "onnxruntime": {"en": "onnxruntime-gpu", "zh": "onnxruntime-gpu（GPU 版 onnxruntime）"},
    "torch": {"en": "The installed torch", "zh": "安装的 torch"},
}
DRIVER_ALTERNATIVE = {
    "ctranslate2": {"en": "install a CTranslate2 built for the CUDA your driver has (`pip install ctranslate2==3.24.0`"
                          " for CUDA 11), or run the ASR step on the CPU.",
                    "zh": "安装与驱动的 CUDA 版本匹配的 CTranslate2（CUDA 11 用 `pip install ctranslate2==3.24.0`），"
                          "或让 ASR 步骤在 CPU 上运行。"},
    "onnxruntime": {"en": "install an onnxruntime-gpu built for the CUDA version your driver supports.",
                    "zh": "安装与驱动支持的 CUDA 版本匹配的 onnxruntime-gpu。"},
    "torch": {"en": "install a torch build for an older CUDA (for example cu118) that your driver supports.",
              "zh": "安装驱动支持的旧 CUDA 版 torch（例如 cu118）。"},
}

# Placeholders that explain computes from the log for some entries (Explanation.texts).
COMPUTED = ("card_text", "job_text", "oom_advice", "library", "driver_alternative", "devices")

# What the log itself says, next to the fix.
NOTES: Dict[str, Dict[str, str]] = {
    "card_too_old": {
        "en": "The log names a {card}: a card that old (capability below 5.0) has no code in any current torch"
              " build, so no torch update helps; run on the CPU.",
        "zh": "日志中的显卡是 {card}：这么旧的显卡（算力低于 5.0）在现在的任何 torch 版本里都没有代码，更新 torch 没有用；"
              "请改用 CPU。",
    },
    "raised_by_ctranslate2": {
        "en": "CTranslate2 raised it (faster-whisper, the ASR step), not torch: that build has no code for this card."
              " Run the ASR step on the CPU, pick another ASR model (for Chinese, the FunASR / Damo ASR one), or install"
              " a CTranslate2 built for your card.",
        "zh": "报错的是 CTranslate2（faster-whisper，即 ASR 语音识别步骤），不是 torch：它没有这张显卡的代码。"
              "请让 ASR 在 CPU 上运行，或换一个 ASR 模型（中文可用 FunASR / 达摩 ASR），或安装支持这张显卡的 CTranslate2。",
    },
    "library_failure_training": {
        "en": "It failed in training: lower the batch size first and start the training again. A cuBLAS or cuFFT"
              " failure in training is often the card's memory running out inside the library, before torch can"
              " report it as out of memory.",
        "zh": "这是在训练时出的错：先调小 batch size 再重新开始训练。训练中的 cuBLAS 或 cuFFT 失败，常常是显存在库内部先用完了，"
              "torch 还来不及报告显存不足。",
    },
    "sysmem_fallback": {
        "en": "With the batch size already at 1 there is nothing smaller to ask for. On Windows, an NVIDIA driver"
              " 536.40 or newer can lend the computer's memory to the card instead of failing: NVIDIA Control Panel >"
              " Manage 3D settings > CUDA - Sysmem Fallback Policy > \"Prefer Sysmem Fallback\" (much slower, but it"
              " runs); or shorten the input, or use a card with more memory.",
        "zh": "batch size 已经是 1，没有更小的可调了。Windows 上 536.40 及更新的 NVIDIA 驱动可以借用电脑内存给显卡，而不是报错："
              "NVIDIA 控制面板 > 管理 3D 设置 > CUDA - 系统内存回退政策 > “首选系统内存回退”（慢很多，但能运行）；或者缩短输入，"
              "或换显存更大的显卡。",
    },
    "oom_with_room": {
        "en": "torch says {free} GiB of the card were free when {tried} could not be allocated: the card had room, so"
              " a smaller batch or shorter input will not help. Most often the torch build does not fit the card or the"
              " driver (install the torch build for a CUDA version the driver supports, e.g. cu118 or cu121, into the"
              " program's Python), or another program took the memory for a moment.",
        "zh": "torch 显示分配 {tried} 失败时显卡还有 {free} GiB 空闲：显存是够的，所以调小 batch 或缩短输入都没用。最常见的是 torch"
              " 版本与显卡或驱动不匹配（给程序的 Python 安装驱动支持的 CUDA 版本的 torch，例如 cu118 或 cu121），或者别的程序"
              "一时占用了显存。",
    },
    "vllm_reserves_memory": {
        "en": "vLLM is involved: it takes a fixed share of the card's memory when it starts (its gpu_memory_utilization,"
              " 0.9 of the card in vLLM itself; programs built on it set their own), and the program's other models"
              " (a vocoder such as BigVGAN, the speaker encoder) get only what is left. Lower that share in the"
              " program's start options or code, or give the other models room, and start again.",
        "zh": "这里涉及 vLLM：它启动时就占下显卡显存的固定比例（gpu_memory_utilization，vLLM 自己默认是 0.9；基于它的程序会自己设定），"
              "程序里其他模型（BigVGAN 等声码器、说话人编码器）只能用剩下的部分。请在程序的启动参数或代码里调低这个比例，"
              "给其他模型留出空间，然后重新启动。",
    },
    "not_a_package": {
        "en": "Python found a `{package}` that is a single module, not the program's folder `{package}/`: a file"
              " {package}.py, or a package of that name installed with pip, comes first. In the program's Python, `python"
              " -c \"import {package}; print({package}.__file__)\"` shows which; uninstall that package (`python -m pip"
              " uninstall {package}`) or rename the file, and start the program from its own folder.",
        "zh": "Python 找到的 `{package}` 是一个单独的模块，而不是程序自己的 `{package}/` 文件夹：有一个 {package}.py 文件，或者用 pip"
              " 装过同名的包，排在了前面。在程序的 Python 里运行 `python -c \"import {package}; print({package}.__file__)\"` 可以"
              "看出是哪个；卸载那个包（`python -m pip uninstall {package}`）或给那个文件改名，并从程序自己的文件夹启动。",
    },
    "shadowed_by_package": {
        "en": "The program imports its own `{package}` folder, but Python took a package of that name installed in"
              " site-packages ({path}), made for another project. Remove that package from this Python, or give the"
              " program an environment of its own (a new venv or conda environment with only its requirements).",
        "zh": "程序导入的是它自己的 `{package}` 文件夹，但 Python 用的是装在 site-packages 里的同名包（{path}），那是别的项目的。"
              "把那个包从这个 Python 里删掉，或者给程序单独建一个环境（新的 venv 或 conda 环境，只装它的依赖）。",
    },
    "distutils_removed": {
        "en": "Python 3.12 no longer has distutils. Most often pip is building an old package from source because it"
              " has no wheel for this Python (an old numpy pin), and its build needs distutils: use the Python version"
              " the program names (3.10 or 3.11), or a release of that package with wheels for Python 3.12 (an old"
              " numpy does not build on 3.12 at all, and pip's isolated build does not see a setuptools installed"
              " beside it). Where the program's own code imports distutils (no pip build in the log), installing"
              " setuptools (`python -m pip install setuptools`) brings a distutils back.",
        "zh": "Python 3.12 已经没有 distutils 了。最常见的是 pip 因为某个旧包（固定的旧版 numpy）没有这个 Python 的预编译包而从源码编译，"
              "编译时需要 distutils：用程序指定的 Python 版本（3.10 或 3.11），或者换用那个包有 Python 3.12 预编译包的版本"
              "（旧版 numpy 在 3.12 上根本编译不了，而且 pip 的隔离构建看不到旁边装的 setuptools）。如果是程序自己的代码导入"
              " distutils（日志里没有 pip 编译），安装 setuptools（`python -m pip install setuptools`）会带回一个 distutils。",
    },
    "notebook_kernel": {
        "en": "This ran in a notebook (Jupyter, Colab). There `!pip install` installs into whichever Python the shell"
              " finds, which need not be the notebook's, and a notebook started before an install does not see the"
              " new package: install it with `%pip install` in a cell (that installs into the notebook's own Python),"
              " then restart the kernel (Jupyter: Kernel > Restart; Colab: Runtime > Restart session) and run the cells again.",
        "zh": "这是在笔记本（Jupyter、Colab）里运行的。在那里 `!pip install` 会装进命令行找到的那个 Python，不一定是笔记本自己的；"
              "而安装之前就已启动的笔记本看不到新装的包：在单元格里用 `%pip install` 安装（它装进笔记本自己的 Python），"
              "然后重启内核（Jupyter：Kernel > Restart；Colab：代码执行程序 > 重启会话，英文界面 Runtime > Restart session）再重新运行各个单元格。",
    },
    "own_package_shadowed": {
        "en": "Python found a `{package}` that has no `{part}`: either the program's own `{package}` of another version"
              " (code of one version beside files of another, where the part moved, or a download missing it), or not"
              " the program's folder at all but a pip package of the same name installed in this Python (`pip show"
              " {package}` says where it is; if that is site-packages, `pip uninstall {package}` and the program's"
              " own folder is found again).",
        "zh": "Python 找到的 `{package}` 里没有 `{part}`：要么是另一个版本的程序自己的 `{package}`（一个版本的代码配上另一个版本的文件，"
              "这一部分挪了位置，或者下载的文件里缺了它），要么根本不是程序的文件夹，而是装在这个 Python 里的同名 pip 包"
              "（`pip show {package}` 会显示它在哪里；如果在 site-packages 里，`pip uninstall {package}` 之后就会重新找到程序自己的文件夹）。",
    },
    "training_set_empty": {
        "en": "A division by zero while training is most often a count of training items that is zero: no files in"
              " the folder the step reads (another folder than the one prepared, or an earlier step that wrote"
              " nothing), or fewer clips than one batch needs. Check the dataset folder and the output of the step"
              " before this one; use more clips than the batch size.",
        "zh": "训练时除以零，最常见的是训练条目的数量为零：这一步读取的文件夹里没有文件（不是准备好的那个文件夹，或者前一步什么都没写出），"
              "或者片段数量少于一个批次所需。检查数据集文件夹和前一步的输出；片段数量要多于批大小（batch size）。",
    },
    "script_inside_package": {
        "en": "The script that was run ({script}) sits inside the program's own `{package}` folder: Python looks for"
              " modules beside the script, not in the folder above it, so `{package}` is not found from any folder."
              " Set PYTHONPATH to the program's top folder before starting it ({setting}), or start it from that"
              " folder as a module: `python -m {package}.{name}` with the same arguments.",
        "zh": "运行的脚本（{script}）在程序自己的 `{package}` 文件夹里：Python 在脚本所在的文件夹里找模块，而不是它的上一级，"
              "所以无论从哪个文件夹启动都找不到 `{package}`。启动前把 PYTHONPATH 设为程序的最上层文件夹（{setting}），"
              "或者在那个文件夹里以模块方式启动：`python -m {package}.{name}`，参数不变。",
    },
    # ... where the script's name is no module name ("infer-web.py"): `python -m` cannot start it
    "script_inside_package_by_path": {
        "en": "The script that was run ({script}) sits inside the program's own `{package}` folder: Python looks for"
              " modules beside the script, not in the folder above it, so `{package}` is not found from any folder."
              " Set PYTHONPATH to the program's top folder before starting it ({setting}).",
        "zh": "运行的脚本（{script}）在程序自己的 `{package}` 文件夹里：Python 在脚本所在的文件夹里找模块，而不是它的上一级，"
              "所以无论从哪个文件夹启动都找不到 `{package}`。启动前把 PYTHONPATH 设为程序的最上层文件夹（{setting}）。",
    },
    "deepspeed_workspace": {
        "en": "DeepSpeed is in use: its inference kernels reserve a workspace of their own on the card, on top of the"
              " model. On a card that is nearly full, start without DeepSpeed (leave out --deepspeed, or untick it in"
              " the settings): slower, but it fits.",
        "zh": "程序在用 DeepSpeed：它的推理内核会在模型之外另外在显卡上预留一块工作区。显存快满的显卡上，不用 DeepSpeed 启动"
              "（去掉 --deepspeed，或在设置里取消勾选）：会慢一些，但放得下。",
    },
    "notebook_command_missing": {
        "en": "In a notebook (Colab, Jupyter) there is no environment to activate: `{command}` is missing because the"
              " cell that installs it failed or was skipped. Scroll up to that cell's output for its first error (a"
              " package that failed to build, a version pip could not find), fix that and run the cells again in order;"
              " after the runtime restarts, the install cells run again too.",
        "zh": "在笔记本（Colab、Jupyter）里没有要激活的环境：缺少 `{command}` 是因为安装它的那个单元格失败了或被跳过了。往上找到那个"
              "单元格的输出，看它的第一个错误（编译失败的包、pip 找不到的版本），解决后按顺序重新运行各单元格；运行时重启后，"
              "安装的单元格也要重新运行。",
    },
    "windows_path_on_posix": {
        "en": "The path is written with Windows' backslashes (\\) in a log from Linux or macOS, where a backslash"
              " is no folder separator but part of the name: the code or the setting that names it was written for"
              " Windows. Write the path with / instead (in the line shown under Where, or in the setting).",
        "zh": "这个路径用的是 Windows 的反斜杠（\\），而日志来自 Linux 或 macOS，在那里反斜杠不是文件夹分隔符，而是名字的一部分："
              "写这个路径的代码或设置是为 Windows 写的。把路径改用 / 来写（在出错位置显示的那一行里，或在设置里）。",
    },
    # ... a drive's ("D:\\GSV\\x.list"): with / it would be a folder named "D:" in the current one
    "windows_drive_on_posix": {
        "en": "The path names a Windows drive ({drive}) in a log from Linux or macOS, where there are no drive letters"
              " and a backslash is part of a name, not a folder separator: the code or the setting that names it was"
              " written on Windows. Give the path the file has on this machine instead (under WSL, drive {drive} is"
              " {mount}: {drive}\\a\\b is {mount}/a/b), in the line shown under Where or in the setting.",
        "zh": "这个路径写的是 Windows 的盘符（{drive}），而日志来自 Linux 或 macOS，那里没有盘符，反斜杠是名字的一部分，"
              "不是文件夹分隔符：写这个路径的代码或设置是在 Windows 上写的。改成文件在这台机器上的路径（WSL 里 {drive} 盘是"
              " {mount}：{drive}\\a\\b 就是 {mount}/a/b），在出错位置显示的那一行里或在设置里修改。",
    },
    "no_file_found": {
        "en": "The line takes the first file that a search of a folder finds (`{search}`), and the search found none:"
              " the file it looks for (a model, a checkpoint, an index) is not in that folder, or the folder's path is"
              " wrong. Put the file there as the program's README says (download it, or run the step that makes it).",
        "zh": "这一行取文件夹搜索（`{search}`）找到的第一个文件，而搜索一个都没找到：它要找的文件（模型、检查点、索引）不在那个"
              "文件夹里，或者文件夹路径不对。按程序 README 的说明把文件放到那里（下载它，或者先运行生成它的那一步）。",
    },
    "own_module_shadowed": {
        "en": "`{package}` is a module of the program itself ({package}.py or a {package} folder beside its scripts), and"
              " the one Python took lacks `{name}`: a pip package of the same name shadows it (`pip show {package}`;"
              " then `pip uninstall {package}` in the program's Python), or the script was started from another folder,"
              " so that Python found another `{package}` first.",
        "zh": "`{package}` 是程序自己的模块（脚本旁边的 {package}.py 或 {package} 文件夹），而 Python 拿到的那个没有 `{name}`："
              "有一个同名的 pip 包挡住了它（`pip show {package}` 查看；然后在程序的 Python 里 `pip uninstall {package}`），"
              "或者脚本是从别的文件夹启动的，Python 先找到了另一个 `{package}`。",
    },
    "rvc_index_no_features": {
        "en": "In RVC this comes from training the index (or the model), whose input is what step 2b (pitch and"
              " feature extraction) wrote to logs/<experiment>/3_feature256 or 3_feature768: that folder is empty"
              " because step 2b failed. Its own error is in the console and in logs/<experiment>/extract_f0_feature.log:"
              " most often a torch without CUDA or an old NVIDIA driver, a missing hubert_base.pt or rmvpe.pt, or"
              " non-English letters or spaces in a path. Fix that, run step 2b again, then train the index.",
        "zh": "在 RVC 里，这是训练索引（或模型）时出的错，它的输入是第 2b 步（音高和特征提取）写到 logs/<实验名>/3_feature256 或"
              " 3_feature768 的文件：这个文件夹是空的，因为第 2b 步失败了。它自己的报错在命令行窗口和"
              " logs/<实验名>/extract_f0_feature.log 里：最常见的是 torch 不带 CUDA 或 NVIDIA 驱动太旧、缺少 hubert_base.pt"
              " 或 rmvpe.pt、路径里有中文或空格。先解决它，重新运行第 2b 步，再训练索引。",
    },
    "discriminator_loaded": {
        "en": "The log loads {file}, a discriminator checkpoint: training keeps it beside the voice model and it holds"
              " other weights. For inference, load the generator G_ file of the same step (G_ instead of D_ in the"
              " name).",
        "zh": "日志加载的是 {file}，这是判别器（D）的检查点：训练时与声音模型放在一起，但里面是别的权重。推理请加载同一步的生成器"
              " G_ 文件（文件名里的 D_ 换成 G_）。",
    },
    "old_card_cu128": {
        "en": "The log shows torch {torch}+{build} and a card from before Volta ({card}): torch's CUDA 12.8 builds from"
              " 2.8 on have no code for GTX 10xx, P100/P40 and older cards. Install the CUDA 12.6 build of the same"
              " torch instead (`pip install torch torchaudio --index-url https://download.pytorch.org/whl/cu126`).",
        "zh": "日志显示 torch {torch}+{build}，显卡是 Volta 之前的（{card}）：torch 从 2.8 起的 CUDA 12.8 版没有 GTX 10 系、"
              "P100/P40 及更旧显卡的代码。请改装同一 torch 的 CUDA 12.6 版（`pip install torch torchaudio --index-url"
              " https://download.pytorch.org/whl/cu126`）。",
    },
    "gsv_api_port": {
        "en": "Port 9880 is where GPT-SoVITS's API listens: start it apart from the web UI, from GPT-SoVITS's folder,"
              " with `runtime\\python.exe api_v2.py -a 127.0.0.1 -p 9880` (Windows package) or `python api_v2.py -a"
              " 127.0.0.1 -p 9880`; the web UI's ports (9872, 9874) are no API.",
        "zh": "9880 是 GPT-SoVITS 的 API 监听的端口：要和网页界面分开启动，在 GPT-SoVITS 的文件夹里运行"
              " `runtime\\python.exe api_v2.py -a 127.0.0.1 -p 9880`（Windows 整合包）或 `python api_v2.py -a 127.0.0.1"
              " -p 9880`；网页界面的端口（9872、9874）不是 API。",
    },
    "torch_build_new": {
        "en": "The log shows torch {torch}+{build}, a build that already has code for RTX 50xx cards: reinstalling"
              " torch will not help; look at which library raised the error.",
        "zh": "日志显示 torch {torch}+{build}，这个版本已经支持 RTX 50 系显卡：重装 torch 没有用；请看是哪个库报的错。",
    },
    "cpu_torch_nvidia_card": {
        "en": "The log names an NVIDIA card ({card}): install the CUDA build of torch rather than moving to the CPU.",
        "zh": "日志中有 NVIDIA 显卡（{card}）：应安装 CUDA 版 torch，而不是改用 CPU。",
    },
    "new_card_torch": {
        "en": "The log shows an RTX 50xx card ({card}): only torch builds for CUDA 12.8 or newer (torch 2.7 and later)"
              " have its code (sm_120). In the program's Python: `{python} -m pip uninstall -y torch torchaudio`, then"
              " `{python} -m pip install torch torchaudio --index-url https://download.pytorch.org/whl/cu128`; or use"
              " the program's package built for RTX 50xx where there is one.",
        "zh": "日志显示的是 RTX 50 系显卡（{card}）：只有 CUDA 12.8 或更新的 torch（2.7 及以后）才有它的代码（sm_120）。"
              "在程序的 Python 中先 `{python} -m pip uninstall -y torch torchaudio`，再 `{python} -m pip install torch"
              " torchaudio --index-url https://download.pytorch.org/whl/cu128`；或使用程序为 50 系显卡做的整合包（如果有）。",
    },
    "cpu_build_shown": {
        "en": "The log shows torch {torch}+cpu, the CPU-only build. Install the CUDA build of the same version:"
              " `{python} -m pip uninstall -y torch torchaudio`, then `{python} -m pip install torch=={torch} torchaudio"
              " --index-url https://download.pytorch.org/whl/{cuda}` (a CUDA version your driver supports).",
        "zh": "日志显示 torch {torch}+cpu，是纯 CPU 版本。请安装同一版本的 CUDA 版：先 `{python} -m pip uninstall -y torch"
              " torchaudio`，再 `{python} -m pip install torch=={torch} torchaudio --index-url"
              " https://download.pytorch.org/whl/{cuda}`（选驱动支持的 CUDA 版本）。",
    },
    "mps_out_of_memory": {
        "en": "This is a Mac's MPS memory, shared with the whole system, not a graphics card's. Training on MPS takes"
              " much more memory than on CUDA and often runs out: train on the CPU (set the device to cpu; newer"
              " GPT-SoVITS versions train on the CPU on a Mac) or on a CUDA machine and copy the models over; a smaller"
              " batch size helps. PYTORCH_MPS_HIGH_WATERMARK_RATIO=0.0 lifts the limit, but the Mac may freeze.",
        "zh": "这是 Mac 的 MPS 内存，与整个系统共用，不是显卡显存。在 MPS 上训练比 CUDA 占用多得多，经常不够：请在 CPU 上训练"
              "（把设备设为 cpu；新版 GPT-SoVITS 在 Mac 上就用 CPU 训练），或在有 CUDA 的机器上训练后把模型拷过来；调小 batch size"
              " 也有帮助。PYTORCH_MPS_HIGH_WATERMARK_RATIO=0.0 可以取消上限，但 Mac 可能会卡死。",
    },
    "docker_gpu": {
        "en": "The log shows a container (\"{shown}\"): it sees the GPU only when started with `--gpus all`"
              " (docker run; in docker-compose, a `deploy: resources: reservations: devices` entry for the nvidia"
              " driver) on a host with the NVIDIA Container Toolkit, and the host's NVIDIA driver must support the"
              " image's CUDA version: update the host driver first (`nvidia-smi` inside the container must work).",
        "zh": "日志显示是在容器里运行（\"{shown}\"）：只有用 `--gpus all` 启动（docker run；docker-compose 中为 nvidia 驱动写"
              " `deploy: resources: reservations: devices`），并且宿主机装了 NVIDIA Container Toolkit，容器才看得到显卡；宿主机的"
              " NVIDIA 驱动还必须支持镜像的 CUDA 版本：先更新宿主机驱动（容器里 `nvidia-smi` 必须能运行）。",
    },
    "wsl_memory": {
        "en": "The log shows WSL (\"{shown}\"): under WSL2 CUDA programs get less usable GPU memory and pinned memory"
              " than on Windows itself, so a job that fits natively can run out there. Run it directly on Windows, or"
              " give WSL more memory (.wslconfig) and lower the batch size.",
        "zh": "日志显示在 WSL 中运行（\"{shown}\"）：WSL2 下 CUDA 程序可用的显存和锁页内存比直接在 Windows 上少，在 Windows 上"
              "放得下的任务在这里可能不够。请直接在 Windows 上运行，或给 WSL 更多内存（.wslconfig）并调小 batch size。",
    },
    "directml_package": {
        "en": "The log shows a DirectML package (\"{package}\"), which is made for AMD and Intel cards: with an NVIDIA"
              " card, use the program's CUDA package instead (the voice changer's win_gpu-cuda / onnxgpu-cuda"
              " release, RVC's Nvidia package).",
        "zh": "日志显示用的是 DirectML 版（\"{package}\"），它是给 AMD 和 Intel 显卡用的：如果是 NVIDIA 显卡，请改用程序的 CUDA 版"
              "（变声器的 win_gpu-cuda / onnxgpu-cuda 版，RVC 的 Nvidia 整合包）。",
    },
    "amd_rocm_arch": {
        "en": "This is an AMD card under ROCm: the ROCm build of torch has no code for its architecture (gfx...)."
              " Install the newest ROCm build pytorch.org lists (RX 9000 and Ryzen AI graphics need ROCm 6.4 or"
              " newer), or for an RX 6000 / 7000 card start with HSA_OVERRIDE_GFX_VERSION=10.3.0 / 11.0.0.",
        "zh": "这是 ROCm 下的 AMD 显卡：ROCm 版 torch 没有它这种架构（gfx...）的代码。请安装 pytorch.org 列出的最新 ROCm 版"
              "（RX 9000 和 Ryzen AI 核显需要 ROCm 6.4 或更新），RX 6000 / 7000 显卡也可以设置 HSA_OVERRIDE_GFX_VERSION=10.3.0 /"
              " 11.0.0 再启动。",
    },
    "half_already_off": {
        "en": "The log shows half precision already off (\"{shown}\"), so that setting is not the cause: the code used"
              " float16 anyway. {update}.",
        "zh": "日志显示半精度已经关闭（\"{shown}\"），所以原因不在这个设置：代码仍然用了 float16。{update}。",
    },
    "half_already_off_hook": {
        "en": "The log shows half precision already off (\"{shown}\"), so that setting is not the cause: the code used"
              " float16 anyway. {update}; the runtime hook (`gsv-doctor hook install`) covers such code.",
        "zh": "日志显示半精度已经关闭（\"{shown}\"），所以原因不在这个设置：代码仍然用了 float16。{update}；"
              "运行时钩子（`gsv-doctor hook install`）可以兜住这类代码。",
    },
    "amd_start": {
        "en": "The log shows the program started as `{line}`: {amd_start}",
        "zh": "日志显示程序是这样启动的：`{line}`。{amd_start}",
    },
    "amd_realtime": {
        "en": "Real-time conversion on an AMD card: use the converter's DirectML build (not the CUDA one, which runs"
              " on the CPU there), with the dio pitch extractor (crepe and harvest are too heavy for it), an ONNX"
              " model where it offers one, and a larger block size.",
        "zh": "在 AMD 显卡上实时变声：用变声器的 DirectML 版本（不要用 CUDA 版，它在这里只能用 CPU 跑），音高提取选 dio"
              "（crepe 和 harvest 太重），有 ONNX 模型就用 ONNX 模型，并把分块调大。",
    },
    "amd_slow": {
        "en": "Slow on an AMD card: if it ran fast before under ROCm and slowed down after an update, delete MIOpen's"
              " kernel cache (~/.config/miopen and ~/.cache/miopen) and start again; the first run then rebuilds it."
              " On Windows without ROCm (DirectML or the CPU) slow is what it is.",
        "zh": "AMD 显卡上慢：如果之前在 ROCm 下很快、更新后变慢，删除 MIOpen 的内核缓存（~/.config/miopen 和 ~/.cache/miopen）"
              "再启动，第一次运行会重新生成它。在没有 ROCm 的 Windows 上（DirectML 或 CPU），慢是正常的。",
    },
    "colab_runtime": {
        "en": "On Colab: the notebook runs on a CPU runtime. Choose Runtime > Change runtime type > a GPU (T4), then run"
              " the cells again from the start (a free account gets a GPU only while one is free).",
        "zh": "在 Colab 上：笔记本运行在 CPU 运行时上。选择 代码执行程序（Runtime）> 更改运行时类型 > GPU（T4），再从头运行各个单元格"
              "（免费账号只有在有空闲显卡时才分得到）。",
    },
    "amd_on_cpu": {
        "en": "The log shows an AMD or Intel card (\"{card}\"): this ran on the CPU because a CUDA build of torch cannot"
              " use that card. Half precision off fixes this error, and the work stays on the CPU (slow, and training"
              " scripts that need CUDA still refuse it). For the card itself: a ROCm build of torch on Linux, or the"
              " program's DirectML package where it has one (DirectML runs inference, not training).",
        "zh": "日志显示的是 AMD 或 Intel 显卡（\"{card}\"）：这一步是在 CPU 上运行的，因为 CUDA 版 torch 用不了这张卡。关闭半精度"
              "能解决这个报错，但仍然在 CPU 上运行（很慢，需要 CUDA 的训练脚本仍会拒绝）。要用上这张卡：Linux 上用 ROCm 版 torch，"
              "或使用程序的 DirectML 版（如果有；DirectML 只能推理，不能训练）。",
    },
    "weights_only_by_program": {
        "en": "This is torch's wording before 2.6, where weights_only is off unless the code asks for it: the program"
              " itself loads with weights_only=True, so an older torch or TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD does not help."
              " Install the program's previous release, or change weights_only=True to False in the torch.load call the"
              " traceback names (only for model files you trust).",
        "zh": "这是 torch 2.6 以前的报错措辞，那时只有代码主动要求才会用 weights_only：是程序自己用 weights_only=True 加载的，所以"
              "换旧版 torch 或设置 TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD 都没有用。请安装程序的上一个版本，或在回溯指出的 torch.load"
              " 调用里把 weights_only=True 改成 False（只对你信任的模型文件这样做）。",
    },
    "pyworld_build": {
        "en": "pyworld compiles where no wheel fits this Python, and that build takes numpy and Cython at their newest"
              " in pip's isolated build, which its code may not build with: install the numpy the program's"
              " requirements pin and Cython first, then build without isolation (`python -m pip install \"numpy<2\""
              " cython`, or the requirements' numpy, then `python -m pip install pyworld --no-build-isolation`), or"
              " pin a release that built for the program's users (`python -m pip install pyworld==0.3.2`).",
        "zh": "没有适合这个 Python 的预编译包时 pyworld 要现场编译，而 pip 的隔离构建会取最新的 numpy 和 Cython，它的代码可能"
              "编译不过：先装好程序依赖固定的 numpy 和 Cython，再关闭隔离构建（`python -m pip install \"numpy<2\" cython`，"
              "或依赖文件里的 numpy 版本，然后 `python -m pip install pyworld --no-build-isolation`），或者固定一个其他用户编译成功的版本"
              "（`python -m pip install pyworld==0.3.2`）。",
    },
    "bash_variable_in_cmd": {
        "en": "`{command}=...` in front of a command is how bash sets a variable for that one command; Windows' cmd"
              " reads `{command}` as the name of a program. Run the line in Git Bash or WSL, or set the variable"
              " first, to the value the line gives it (cmd: `set {command}={value}`; PowerShell:"
              " `$env:{command}=\"{value}\"`), and run the rest of the line after it.",
        "zh": "命令前面的 `{command}=...` 是 bash 为这一条命令设置变量的写法；Windows 的 cmd 会把 `{command}` 当成程序名。"
              "在 Git Bash 或 WSL 里运行这一行，或者先把变量设成这一行给它的值（cmd：`set {command}={value}`；"
              "PowerShell：`$env:{command}=\"{value}\"`），"
              "再运行这一行剩下的部分。",
    },
    "pynini_conda": {
        "en": "pynini publishes no wheels for Windows or macOS and rarely compiles there: install it from conda-forge"
              " into the program's conda environment first (`conda install -c conda-forge pynini=2.1.5`), then the"
              " rest of the requirements.",
        "zh": "pynini 没有 Windows 和 macOS 的预编译包，在那里也很难编译成功：先从 conda-forge 装进程序的 conda 环境"
              "（`conda install -c conda-forge pynini=2.1.5`），再安装其余的依赖。",
    },
    "text_over_512_tokens": {
        "en": "One of the two lengths is 512, the most tokens a BERT-style text model takes at once: the input text is"
              " longer than that. Split the text into shorter pieces (a few sentences each; under about 500"
              " characters), and restart the program if a failed run left the card's memory taken.",
        "zh": "两个长度之一是 512，即 BERT 类文本模型一次能接收的最多 token 数：输入的文本比这更长。把文本分成较短的几段（每段几句话，"
              "不超过约 500 字），如果失败的那次运行占着显存没放，重启程序。",
    },
    "torch_too_old_for": {
        "en": "torch.{name} first came with torch {version}: this torch is older than the program needs, whatever its"
              " requirements file says. Install torch {version} or newer (with the torchaudio of the same version) into"
              " the program's Python, from the index of the CUDA build your driver supports (on a Mac, from PyPI).",
        "zh": "torch.{name} 是 torch {version} 才有的：这个 torch 比程序需要的旧（不管它的依赖文件怎么写）。请给程序的 Python 安装"
              " torch {version} 或更新版本（以及同版本的 torchaudio），从驱动支持的 CUDA 版的索引安装（Mac 上从 PyPI 安装）。",
    },
    "fbgemm_libomp": {
        "en": "torch 2.4.0 for Windows shipped without libomp140.x86_64.dll, which its fbgemm.dll needs: install another"
              " torch (2.4.1 or newer, or the version the program names), or put libomp140.x86_64.dll (from Visual"
              " Studio's or LLVM's files) into torch\\lib.",
        "zh": "Windows 版 torch 2.4.0 缺少 fbgemm.dll 需要的 libomp140.x86_64.dll：换装别的 torch（2.4.1 或更新，或程序指定的版本），"
              "或把 libomp140.x86_64.dll（Visual Studio 或 LLVM 带的）放进 torch\\lib。",
    },
    "fbgemm_libomp_if_240": {
        "en": "torch 2.4.0 for Windows shipped without libomp140.x86_64.dll, which its fbgemm.dll needs. If the"
              " program's torch is 2.4.0 (`pip show torch` with the program's Python), install another torch (2.4.1"
              " or newer, or the version the program names), or put libomp140.x86_64.dll (from Visual Studio's or"
              " LLVM's files) into torch\\lib.",
        "zh": "Windows 版 torch 2.4.0 缺少 fbgemm.dll 需要的 libomp140.x86_64.dll。如果程序的 torch 是 2.4.0（用程序的 Python 运行"
              " `pip show torch` 查看），换装别的 torch（2.4.1 或更新，或程序指定的版本），或把 libomp140.x86_64.dll"
              "（Visual Studio 或 LLVM 带的）放进 torch\\lib。",
    },
    "wetext_pynini": {
        "en": "`{module}` is WeTextProcessing's text normalizer (CosyVoice and the programs built on it use it), and"
              " WeTextProcessing needs pynini, which pip cannot build on Windows or macOS: install pynini first"
              " (`conda install -c conda-forge pynini=2.1.5`, or a prebuilt pynini wheel for your Python), then"
              " `pip install WeTextProcessing --no-deps`, so that pip does not try to build pynini again.",
        "zh": "`{module}` 是 WeTextProcessing 的文本正则化模块（CosyVoice 及基于它的程序要用），而 WeTextProcessing 需要 pynini，"
              "pip 在 Windows 和 macOS 上编译不了它：先装 pynini（`conda install -c conda-forge pynini=2.1.5`，或与你的 Python"
              " 对应的预编译 pynini 安装包），再 `pip install WeTextProcessing --no-deps`，免得 pip 再去编译 pynini。",
    },
    "optional_text_normalizer": {
        "en": "ChatTTS (and ChatTTS-ui) use nemo_text_processing only to write out numbers and dates in English text,"
              " and go on without it: if audio came out, this is not the error. To install it anyway: `conda install -c"
              " conda-forge pynini=2.1.5`, then `pip install nemo_text_processing` (pip cannot build its pynini on"
              " Windows or macOS).",
        "zh": "ChatTTS（以及 ChatTTS-ui）只用 nemo_text_processing 把英文文本里的数字和日期写成单词，没有它也会继续运行：如果已经生成了"
              "音频，这就不是问题所在。仍想安装的话：先 `conda install -c conda-forge pynini=2.1.5`，再 `pip install"
              " nemo_text_processing`（在 Windows 和 macOS 上 pip 编译不了它需要的 pynini）。",
    },
    "torch_from_pytorch": {
        "en": "Many programs leave torch out of requirements.txt, and a plain `pip install torch` on Windows gets the"
              " CPU-only build: install it from pytorch.org's index into the program's Python, e.g. `python -m pip"
              " install torch torchaudio --index-url https://download.pytorch.org/whl/cu128` (cu126 for a GTX 10xx"
              " or older card; the program's README may name another version).",
        "zh": "很多程序的 requirements.txt 不包含 torch，而在 Windows 上直接 `pip install torch` 装到的是纯 CPU 版：请从 pytorch.org"
              " 的源装进程序的 Python，例如 `python -m pip install torch torchaudio --index-url"
              " https://download.pytorch.org/whl/cu128`（GTX 10 系及更旧的显卡用 cu126；程序的 README 可能指定别的版本）。",
    },
    "sndfile_message_hidden": {
        "en": "This soundfile hides libsndfile's own message, and the most common one behind it is \"System error\": no"
              " file at the path the program gave (a file deleted or moved, a wrong folder, a path with non-English"
              " letters). Check that the file exists first; `python -m pip install soundfile==0.10.3.post1` shows the"
              " real message.",
        "zh": "这个版本的 soundfile 把 libsndfile 自己的报错信息藏起来了，背后最常见的是 \"System error\"：程序给出的路径上没有"
              "文件（文件被删除或移动、文件夹不对、路径里有中文等非英文字符）。先确认文件确实存在；"
              "`python -m pip install soundfile==0.10.3.post1` 可以显示真正的报错。",
    },
    "nan_in_training": {
        "en": "A loss of NaN in training also comes from the training itself: if it comes back with half precision"
              " off, lower the learning rate (halve it) or the batch size, resume from the last checkpoint before it"
              " started, and look for broken, silent or very short clips in the dataset.",
        "zh": "训练中 loss 变成 NaN 也可能来自训练本身：关掉半精度后仍然出现的话，调低学习率（减半）或 batch size，从出现 NaN"
              " 之前的最后一个检查点继续训练，并检查训练集里有没有损坏、静音或极短的音频。",
    },
    "half_nan_card_assert": {
        "en": "The log shows a {card}, a card that computes NaN in float16: with half precision on, those NaN values"
              " reach an index or the sampling probabilities and trip this check. Turn half precision off first:"
              " {half_off_gpu}",
        "zh": "日志显示的是 {card}，这种显卡用 float16 会算出 NaN：开着半精度时，NaN 会进入索引或采样概率，触发这个检查。请先关闭半精度：{half_off_gpu}",
    },
    "real_time_devices": {
        "en": "In real-time conversion, no sound without an error is as often the audio devices: choose an input and"
              " an output of the same host API (the ones marked MME first, then WASAPI; not ASIO, whose virtual devices"
              " often stay silent), check that the output is the device you listen on, and restart the GUI after"
              " installing or removing a virtual audio device (Voicemeeter, VB-Cable).",
        "zh": "实时变声时，没有报错却没有声音，同样常见的原因是音频设备：输入和输出选同一种主机 API 的设备（先试标有 MME 的，"
              "再试 WASAPI；不要用 ASIO，它的虚拟设备常常没有声音），确认输出是你在听的设备；安装或卸载虚拟声卡"
              "（Voicemeeter、VB-Cable）后重启 GUI。",
    },
    "mac_killed": {
        "en": "On macOS a program killed as it starts (\"Killed: 9\" before any model loaded) is more often macOS refusing"
              " its files than the memory: a downloaded app or library whose code signature macOS rejects (a modified or"
              " unsigned binary). Console.app's crash report for the process names the reason (a code-signing one, or"
              " memory). For a downloaded app run `xattr -dr com.apple.quarantine FOLDER` on its folder, or use the"
              " project's complete official build.",
        "zh": "在 macOS 上，程序一启动就被杀掉（还没加载任何模型就出现 \"Killed: 9\"）更常见的原因是 macOS 拒绝了它的文件，而不是内存："
              "下载的程序或库的代码签名不被 macOS 接受（被修改过或没有签名的二进制文件）。“控制台”（Console.app）里这个进程的崩溃报告"
              "会写出原因（代码签名，或内存）。对下载的程序在它的文件夹上运行 `xattr -dr com.apple.quarantine 文件夹`，或改用项目完整的"
              "官方版本。",
    },
    "mac_metadata_file": {
        "en": "The log names \"{file}\": macOS leaves such files (._ plus a file's name beside each file it copies to a"
              " non-Mac drive, .DS_Store in each folder it opens); it is not a model or audio, only a few bytes of metadata. Delete"
              " every ._* and .DS_Store file in the program's model and data folders (show hidden files on Windows)."
              " When the file that failed to load is one of them, deleting them is the whole fix.",
        "zh": "日志里出现了 \"{file}\"：macOS 会留下这种文件（拷到非 Mac 磁盘的每个文件旁边的 ._文件名，它打开过的每个文件夹里的 .DS_Store）；"
              "它不是模型或音频，只是几个字节的元数据。删除程序模型和数据文件夹里所有 ._* 和 .DS_Store 文件"
              "（Windows 上先显示隐藏文件）。加载失败的正是这种文件时，删掉它们就解决了。",
    },
    "non_ascii_path": {
        "en": "The log's paths hold characters other than English letters (\"{path}\"): on Windows some libraries"
              " (onnxruntime's GPU provider, faiss, parts of CUDA's loader) cannot open files under such a path. Move"
              " the program and its files to a path of English letters and digits without spaces (e.g. D:\\AI\\).",
        "zh": "日志里的路径含有英文字母以外的字符（\"{path}\"）：在 Windows 上有些库（onnxruntime 的显卡组件、faiss、"
              "CUDA 加载器的一部分）打不开这种路径下的文件。请把程序和它的文件移到只含英文字母和数字、没有空格的路径"
              "（例如 D:\\AI\\）。",
    },
}

# Fixes for a machine the log shows to be unlike the entry's assumption, in place of the entry's own.
MANUALS: Dict[str, Dict[str, str]] = {
    "nan_training": {
        "en": "A loss that turns to NaN during training comes from the training itself far more often than from the"
              " precision: resume from the last checkpoint before it started, with the learning rate halved; try"
              " another batch size (a batch of 1 or 2 is unstable in some models: a larger one, if memory allows,"
              " steadies it); look for broken, silent or very short clips in the dataset. If the program trains in half"
              " or mixed precision (fp16_run, --half, amp), turn that off too and see whether it stays.",
        "zh": "训练中 loss 变成 NaN，更常见的原因是训练本身而不是精度：从出现 NaN 之前的最后一个检查点继续，把学习率减半；换一个"
              " batch size（有些模型 batch 为 1 或 2 时不稳定：显存允许的话调大一些会更稳）；检查训练集里有没有损坏、静音或极短的音频。"
              "如果程序用半精度或混合精度训练（fp16_run、--half、amp），也关掉它，看看是否还会出现。",
    },
    "libcuda_missing": {
        "en": "Here the file that is missing is not {library} itself but libcuda.so, which it loads: the NVIDIA driver's"
              " own library, which no pip package brings. On WSL 2 the Windows NVIDIA driver provides it in"
              " /usr/lib/wsl/lib: add that folder to the library path"
              " (`export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH`, also in ~/.bashrc) and run `sudo ldconfig`; its warning 'libcuda.so.1 is not a symbolic link' is"
              " harmless, and the folder is read-only from WSL, so leave its files as they are. If the folder has no"
              " libcuda.so, install or update the NVIDIA driver on Windows (do not install a Linux NVIDIA driver inside"
              " WSL). On Linux: install the NVIDIA driver; in Docker: start the container with the GPU (`--gpus all`,"
              " with the NVIDIA Container Toolkit).",
        "zh": "这里缺的不是 {library} 本身，而是它要加载的 libcuda.so：NVIDIA 驱动自己的库，任何 pip 包都不带。WSL 2 上它由 Windows"
              " 的 NVIDIA 驱动提供，位于 /usr/lib/wsl/lib：把这个文件夹加进库路径"
              "（`export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH`，也写进 ~/.bashrc），再运行 `sudo ldconfig`；它提示的 libcuda.so.1 is not a symbolic link 不影响使用，而且这个文件夹在 WSL"
              " 里是只读的，不要去改里面的文件。如果文件夹里没有 libcuda.so，就在 Windows 上安装或更新 NVIDIA 驱动（不要在 WSL 里装 Linux"
              " 版 NVIDIA 驱动）。Linux 上：安装 NVIDIA 驱动；Docker 里：启动容器时带上显卡（`--gpus all`，需要 NVIDIA Container"
              " Toolkit）。",
    },
    "pip_build_linux": {
        "en": "This is Linux (or Colab): the compile needs a C/C++ compiler and Python's own headers: `sudo apt-get"
              " install -y build-essential python3-dev` (for a conda Python: `conda install -c conda-forge gxx`), then"
              " run the install again. Better still, avoid the compile: use the Python version the program names (3.9"
              " or 3.10 for most), for which the pinned versions have wheels, or pin a version of the package that"
              " has a wheel for this Python (pip's lines above the failure name the version it tried to build).",
        "zh": "这是 Linux（或 Colab）：编译需要 C/C++ 编译器和 Python 自己的头文件：`sudo apt-get install -y build-essential"
              " python3-dev`（conda 的 Python：`conda install -c conda-forge gxx`），然后再安装一次。更好的办法是不编译：用程序指定的"
              " Python 版本（多数是 3.9 或 3.10），固定的版本都有它的安装包；或者指定一个对这个 Python 有安装包的版本（失败之前 pip"
              " 的几行写着它想编译的版本）。",
    },
    "other_card_index": {
        "en": "Both devices are NVIDIA cards ({first} and {second}): the program was pointed at a card other than the first,"
              " and part of it still goes to the first one. Let the program see only the card you want, which it then"
              " counts as card 0: start it with the environment variable CUDA_VISIBLE_DEVICES set to that card's number"
              " (Windows: `set CUDA_VISIBLE_DEVICES={card}` in the same window before starting it; Linux:"
              " `CUDA_VISIBLE_DEVICES={card} python ...`), and leave its device at cuda or cuda:0.",
        "zh": "两个设备都是 NVIDIA 显卡（{first} 和 {second}）：程序被指定到第一张以外的显卡，但有一部分仍然跑到第一张卡上。"
              "让程序只看见你要用的那张卡（它会把这张卡当作 0 号卡）：启动前把环境变量 CUDA_VISIBLE_DEVICES 设为那张卡的编号"
              "（Windows：在同一个窗口里先执行 `set CUDA_VISIBLE_DEVICES={card}` 再启动；Linux：`CUDA_VISIBLE_DEVICES={card} python ...`），"
              "程序里的设备保持为 cuda 或 cuda:0。",
    },
    "vllm_no_kernel": {
        "en": "vLLM is involved, and its compiled code is its own, built for the cards and the CUDA version of its"
              " release: a new torch does not give it code for this card. Install a vLLM release built for your card"
              " (an RTX 50xx needs one built for CUDA 12.8 or newer), or build vLLM from source against the installed"
              " torch (vLLM's installation guide: \"build from source\"); or run the program without vLLM.",
        "zh": "这里涉及 vLLM，它的编译代码是自带的，只为它那个版本所对应的显卡和 CUDA 版本编译：换新的 torch 并不能让它支持这张显卡。"
              "请安装为你的显卡编译的 vLLM 版本（RTX 50 系需要 CUDA 12.8 或更新版本编译的），或者针对已装的 torch 从源码编译 vLLM"
              "（vLLM 安装文档里的“build from source”）；或者不用 vLLM 运行程序。",
    },
    # (the entry's fix for any program: the server GPT-SoVITS's code called is another program's)
    "local_server_other": dict(catalog.BY_ID["local-server-not-running"].manual_any or {}),
    "mac_no_cuda": {
        "en": "This is a Mac: it has no NVIDIA GPU and there is no CUDA build of torch for it, so nothing may ask for"
              " cuda. Run on the CPU with half precision off: {to_cpu}; or {update} (newer versions choose the CPU on"
              " a Mac by themselves). Model files saved on a CUDA machine load with map_location=\"cpu\".",
        "zh": "这是 Mac：没有 NVIDIA 显卡，也没有适用的 CUDA 版 torch，所以任何地方都不能要求 cuda。请关闭半精度并在 CPU 上运行："
              "{to_cpu}；或者{update}（新版本在 Mac 上会自动选择 CPU）。在 CUDA 机器上保存的模型文件用 map_location=\"cpu\" 加载。",
    },
    "mac_docker": {
        "en": "This is a Mac: Docker on a Mac cannot hand any GPU to a container. Start the container without the"
              " GPU request (drop `--gpus all`, or the `deploy: resources: reservations: devices` part with"
              " `driver: nvidia` in the compose file) and with half precision off, so it runs on the CPU; or run the"
              " program outside Docker, where it can use the Mac's CPU (and MPS where it supports it).",
        "zh": "这是 Mac：Mac 上的 Docker 不能把任何显卡交给容器。启动容器时去掉显卡请求（去掉 `--gpus all`，或 compose"
              " 文件里带 `driver: nvidia` 的 `deploy: resources: reservations: devices` 部分），并关闭半精度，让它在 CPU 上运行；"
              "或者不用 Docker 直接运行程序，这样可以用 Mac 的 CPU（支持的地方也能用 MPS）。",
    },
    "mac_training": {
        "en": "This is a Mac: it has no CUDA, and this training script needs CUDA (it refuses the CPU and MPS)."
              " Newer versions of some programs train on the CPU when there is no CUDA, slowly (GPT-SoVITS since"
              " 2024-03): {update}. Or train"
              " on a machine with an NVIDIA card (a cloud GPU such as Colab or AutoDL) and copy the trained model to"
              " the Mac; inference runs on the Mac's CPU: {to_cpu}.",
        "zh": "这是 Mac：没有 CUDA，而这个训练脚本需要 CUDA（它不接受 CPU 和 MPS）。有些程序的新版本在没有 CUDA 时会用 CPU 训练"
              "（较慢；GPT-SoVITS 自 2024-03 起）：{update}。或者在有 NVIDIA 显卡的机器上训练（例如 Colab、"
              "AutoDL 等云端显卡），再把训练好的模型拷到 Mac 上；推理可以用 Mac 的 CPU：{to_cpu}。",
    },
    "jetson_torch": {
        "en": "The log shows an NVIDIA Jetson board: pytorch.org's CUDA builds of torch are for PCs and servers with a"
              " separate card, not for the board's built-in GPU: pip installs one that sees no GPU there (a conda"
              " install script brings one for another CUDA)."
              " Install the torch (and torchaudio) wheels NVIDIA publishes for the board's JetPack version (\"PyTorch"
              " for Jetson\" in NVIDIA's documentation, or the l4t-pytorch container) into the program's Python, then"
              " check that `python -c \"import torch; print(torch.cuda.is_available())\"` prints True.",
        "zh": "日志显示这是 NVIDIA Jetson 开发板：pytorch.org 的 CUDA 版 torch 面向带独立显卡的电脑和服务器，"
              "不支持开发板内置的 GPU：pip 装到的 torch 在板子上看不到显卡（conda 安装脚本装的则是别的 CUDA 版本）。请把 NVIDIA 为开发板 JetPack 版本发布的 torch"
              "（和 torchaudio）安装包（NVIDIA 文档里的 \"PyTorch for Jetson\"，或 l4t-pytorch 容器）装进程序的 Python，"
              "再确认 `python -c \"import torch; print(torch.cuda.is_available())\"` 输出 True。",
    },
    "amd_driver_library": {
        "en": "The log shows an AMD or Intel GPU: there is no NVIDIA driver to update, and {library} finds no CUDA at"
              " all. Run that step on the CPU: for faster-whisper (the ASR step) `device=\"cpu\", compute_type=\"int8\"`"
              " or the program's ASR device option; for onnxruntime its CPU package; for torch, {to_cpu}.",
        "zh": "日志显示的是 AMD 或 Intel 显卡：没有可以更新的 NVIDIA 驱动，{library} 根本找不到 CUDA。请让这一步在 CPU 上运行："
              "faster-whisper（ASR 步骤）用 `device=\"cpu\", compute_type=\"int8\"` 或程序的 ASR 设备选项；onnxruntime 用它的 CPU"
              " 版；torch 则{to_cpu}。",
    },
    "amd_no_cuda": {
        "en": "The log shows an AMD or Intel GPU: CUDA is NVIDIA's, so a CUDA build of torch cannot use it. On Linux,"
              " install the ROCm build of torch (RX 6000 cards ROCm does not list: HSA_OVERRIDE_GFX_VERSION=10.3.0;"
              " RX 7000: 11.0.0). On Windows, AMD's preview ROCm build of torch for RX 7000 / 9000 cards makes"
              " torch.cuda.is_available() True, but the program may still not use the card (it judges the card"
              " by NVIDIA's"
              " model names or CUDA capabilities, or needs what ROCm lacks): then run it under Linux or WSL 2"
              " with ROCm. Otherwise on"
              " Windows use the program's DirectML package where it has one, or run on the CPU: {to_cpu}.",
        "zh": "日志显示的是 AMD 或 Intel 显卡：CUDA 是 NVIDIA 的，CUDA 版 torch 用不了它。Linux 上安装 ROCm 版 torch"
              "（ROCm 未列出的 RX 6000 显卡设 HSA_OVERRIDE_GFX_VERSION=10.3.0；RX 7000 设 11.0.0）。Windows 上，AMD 为"
              " RX 7000 / 9000 显卡提供的预览版 ROCm torch 能让 torch.cuda.is_available() 为 True，但程序仍可能不用这张卡"
              "（它按 NVIDIA 显卡的型号名或 CUDA 算力判断显卡，或需要 ROCm 没有的功能）：那就在 Linux 或 WSL 2 的 ROCm 下运行。否则在 Windows 上使用"
              "程序的 DirectML 版（如果有），或在 CPU 上运行：{to_cpu}。",
    },
    "amd_cuda_layer": {
        "en": "The log shows an AMD or Intel card: CUDA errors on it come from a layer that runs CUDA code on it"
              " (ZLUDA, or on AMD a ROCm build) and does not support every operation. Use the program's build for AMD"
              " and Intel cards instead: Applio and RVC: the DirectML package or start option (--dml); on Linux with an"
              " AMD card, a ROCm torch. Or run on the CPU: {to_cpu}.",
        "zh": "日志显示是 AMD 或 Intel 显卡：它上面的 CUDA 错误来自把 CUDA 代码转到这张卡上运行的中间层（ZLUDA，AMD 上也可能是"
              " ROCm 版），它不支持所有运算。请改用程序给 AMD 和 Intel 显卡的版本：Applio 和 RVC 用 DirectML 版或启动参数 --dml；"
              "Linux 上的 AMD 显卡用 ROCm 版 torch。或者在 CPU 上运行：{to_cpu}。",
    },
    "amd_training": {
        "en": "The log shows an AMD or Intel GPU: CUDA is NVIDIA's, and this training script needs CUDA (it refuses"
              " the CPU). On Linux, the ROCm build of torch trains on the AMD card (torch.cuda.is_available() is True"
              " with it; RX 6000 cards ROCm does not list: HSA_OVERRIDE_GFX_VERSION=10.3.0; RX 7000: 11.0.0); so"
              " does WSL 2 with ROCm. On Windows, AMD's preview ROCm build of torch for RX 7000 / 9000 cards sees the"
              " card too, but the training script may still not take it (it judges the card by NVIDIA's model"
              " names or CUDA capabilities, or"
              " needs what ROCm lacks), and DirectML packages do not train on the GPU: train under Linux or WSL 2 with"
              " ROCm, or on a machine"
              " with an NVIDIA card (a cloud GPU such as Colab or AutoDL) and copy the trained model back.",
        "zh": "日志显示的是 AMD 或 Intel 显卡：CUDA 是 NVIDIA 的，而这个训练脚本需要 CUDA（它不接受 CPU）。Linux 上安装 ROCm 版"
              " torch 就能用 AMD 显卡训练（ROCm 版的 torch.cuda.is_available() 为 True；ROCm 未列出的 RX 6000 显卡设"
              " HSA_OVERRIDE_GFX_VERSION=10.3.0；RX 7000 设 11.0.0）；WSL 2 的 ROCm 也可以。Windows 上，AMD 为 RX 7000 / 9000"
              " 显卡提供的预览版 ROCm torch 也看得到显卡，但训练脚本仍可能不用它（它按 NVIDIA 显卡的型号名或 CUDA 算力判断显卡，或需要 ROCm 没有的功能），"
              "DirectML 版则不能用显卡训练：请在 Linux 或 WSL 2 的 ROCm 下训练，或在有 NVIDIA 显卡的机器上训练（例如 Colab、AutoDL 等云端显卡），"
              "再把训练好的模型拷回来。",
    },
}


# ------------------------------------------------------------------------ fitting an explanation to its log


@dataclass
class _Context:
    """What an explanation is fitted to: the log's program and facts, its text, the frames of the traceback
    that raised it (path and function, innermost last) and the command that started the program."""
    explanation: Explanation
    project: LogProject
    facts: logfacts.LogFacts
    frames: List[str]
    text: str
    launch: str
    traceback: Optional[Traceback] = None
    job: Optional[str] = None  # "train" or "infer" where the log says, for the entries that ask
    card: Optional[str] = None
    memory: Optional[float] = None  # the card's, in GB


_Refinement = Callable[[_Context], None]
_REFINEMENTS: List[Tuple[Callable[[Entry], bool], _Refinement]] = []


def _refines(*ids: str, kind: Optional[str] = None) -> Callable[[_Refinement], _Refinement]:
    """Register a refinement for the entries with these ids or of this kind (every entry when neither is given).
    Refinements run in the order they are registered, each on the entry the explanation is by then: one may
    turn it into another (a float16 mix of devices into device-mismatch), which the later ones then see."""
    def applies(entry: Entry) -> bool:
        return (not ids and kind is None) or entry.id in ids or entry.kind == kind

    def register(refinement: _Refinement) -> _Refinement:
        _REFINEMENTS.append((applies, refinement))
        return refinement
    return register


def _refine(explanation: Explanation, project: LogProject, facts: logfacts.LogFacts, frames: List[str],
            text: str, launch: str, traceback: Optional[Traceback] = None) -> None:
    """Fit the explanation to the project the log came from and to what the log says about the
    machine: a cause the log rules out is said to be ruled out."""
    context = _Context(explanation, project, facts, frames, text, launch, traceback)
    for applies, refinement in _REFINEMENTS:
        if applies(explanation.entry):
            refinement(context)


@_refines("dtype-input-weight", "dtype-input-bias")
def _half_on_two_devices(context: _Context) -> None:
    _device_mix(context.explanation)


@_refines("device-mismatch")
def _devices_named(context: _Context) -> None:
    _mixed_devices(context.explanation)


@_refines("cudnn-library-missing", "cuda-library-missing")
def _driver_library_missing(context: _Context) -> None:
    if "libcuda.so" in context.explanation.message:
        context.explanation.manual_key = "libcuda_missing"  # the library was found; the driver's own was not


@_refines("cuda-library-failure", kind="oom")
def _job_of_the_log(context: _Context) -> None:
    context.job = logfacts.job_of(context.frames, context.text)


@_refines("cuda-library-failure")
def _library_failure_training(context: _Context) -> None:
    status = context.explanation.params.get("status")
    if context.job == "train" and status in _MEMORY_STATUSES \
            and not (status.startswith("CUFFT") and _rtx40_old_cufft(context.facts)):
        context.explanation.notes.append(("library_failure_training", {}))


@_refines()
def _settings_of_the_project(context: _Context) -> None:
    explanation, project = context.explanation, context.project
    if not project.gsv_doctor_fixes:
        explanation.settings = _project_settings(explanation.entry, project, context.job)
        explanation.fix_commands = _family_fix(explanation.entry, explanation.params, project)


@_refines("checkpoint-keys-mismatch", "checkpoint-size-mismatch")
def _discriminator_loaded(context: _Context) -> None:
    # a training run loads its G_ and D_ checkpoints side by side; a D_ alone is one picked for inference
    text = context.text
    discriminator = _DISCRIMINATOR_FILE.search(text, 0, _WORDS_SCAN)
    if discriminator and not _GENERATOR_FILE.search(text, 0, _WORDS_SCAN) \
            and not _TRAINING_RUN.search(text, 0, _WORDS_SCAN):
        context.explanation.notes.append(("discriminator_loaded", {"file": discriminator.group(0)}))


@_refines("input-empty")
def _rvc_index_without_features(context: _Context) -> None:
    # (not another program's index: Applio keeps its features in logs/<model>/extracted, without a step 2b)
    project = context.project
    if "need at least one array" in context.explanation.message \
            and (project.id == "rvc" or project.id == "unknown" and _RVC_INDEX.search(context.text, 0, _WORDS_SCAN)):
        context.explanation.notes.append(("rvc_index_no_features", {}))


@_refines("cudnn-failure")
def _cudnn_told_in_words(context: _Context) -> None:
    context.explanation.params.setdefault("status", "cuDNN")  # RMVPE failing with cuDNN, told in words


@_refines()
def _card_of_the_log(context: _Context) -> None:
    explanation, params = context.explanation, context.explanation.params
    card = params.get("card") or context.facts.card
    if card and not params.get("card") and _LATER_GPU.search(explanation.message):
        card = None  # the error is on the second or a later card: the first card the post names may be another
    memory = _float(params.get("total"))
    context.card, context.memory = card, memory if memory is not None else context.facts.memory_gb
    explanation.texts["card_text"] = _card_text(card, context.memory, params.get("capability"))


@_refines(kind="oom")
def _out_of_memory_of_the_job(context: _Context) -> None:
    _out_of_memory(context.explanation, context.project, context.job, context.memory)
    _out_of_memory_notes(context.explanation, context.facts, context.frames, context.text)


@_refines("cuda-driver-insufficient")
def _driver_of_the_library(context: _Context) -> None:
    explanation, facts, card = context.explanation, context.facts, context.card
    _driver(explanation, context.frames, context.text)
    if (facts.amd_discrete or facts.amd and not facts.amd_card) and not facts.mac \
            and not (card and _NVIDIA_FAMILY.match(card)) and not facts.directml_on_cuda:
        # an AMD or Intel card has no NVIDIA driver to update: the library finds no CUDA at all (not a Ryzen's
        # built-in Radeon, which many laptops with an NVIDIA card have)
        explanation.manual_key = "amd_driver_library"
        explanation.settings = _no_nvidia(explanation.settings, ("nvidia.driver",))


@_refines("cuda-no-kernel-image", "cuda-capability-unsupported", "cuda-driver-insufficient")
def _card_too_old(context: _Context) -> None:
    if context.facts.card_too_old:
        context.explanation.notes.append(("card_too_old", {"card": context.facts.card}))


@_refines(*_NO_KERNEL)
def _kernels_of_which_library(context: _Context) -> None:
    explanation, facts, frames = context.explanation, context.facts, context.frames
    no_kernel_image = explanation.id == "cuda-no-kernel-image"
    if no_kernel_image and _asr_library(frames, explanation.message):
        # CTranslate2 (faster-whisper) has its own kernels: torch and the precision settings are not involved
        explanation.params["library"] = "ctranslate2"
        explanation.settings = ["asr.ctranslate2", "gpu.card"]
        explanation.fix_commands = []
        explanation.notes.append(("raised_by_ctranslate2", {}))
    elif no_kernel_image and _vllm_involved(frames, context.text):
        # vLLM's wheels carry their own CUDA kernels, built for the cards of their release: a torch build is no cure
        explanation.params["library"] = "vllm"
        explanation.settings = ["python.packages", "gpu.card"]
        explanation.fix_commands = []
        explanation.manual_key = "vllm_no_kernel"
    elif facts.cuda_build and facts.cuda_build >= 12.8 and facts.pre_volta:
        # torch 2.8's CUDA 12.8 builds dropped the cards before Volta; its CUDA 12.6 builds keep them
        explanation.notes.append(("old_card_cu128", {"card": context.card or "sm_%s" % facts.sm,
                                                      "torch": facts.torch or "?", "build": facts.build}))
    elif no_kernel_image and facts.cuda_build and facts.cuda_build >= 12.8 and not explanation.params.get("archs"):
        explanation.notes.append(("torch_build_new", {"torch": facts.torch or "?", "build": facts.build}))


@_refines("local-server-not-running")
def _which_local_server(context: _Context) -> None:
    explanation, project = context.explanation, context.project
    port = explanation.params.get("port")
    if port == "9880" and project is logprojects.UNKNOWN:
        explanation.notes.append(("gsv_api_port", {}))  # a client of GPT-SoVITS's API: the port says which server
    if project.gsv_doctor_fixes and (port or "9880") != "9880":
        # GPT-SoVITS's own code calling another server on this computer (an LLM, a translator): not its API
        explanation.manual_key = "local_server_other"


@_refines("cuda-not-compiled", "cuda-only-code")
def _cpu_torch_beside_nvidia_card(context: _Context) -> None:
    # (the program chose cpu because this torch cannot use the NVIDIA card the log names: the torch build is the fix)
    if context.card and _NVIDIA_FAMILY.match(context.card):
        context.explanation.notes.append(("cpu_torch_nvidia_card", {"card": context.card}))


@_refines(kind="half")
def _half_already_off(context: _Context) -> None:
    explanation = context.explanation
    if explanation.entry.check in (catalog.CHECK_CPU_OP, catalog.CHECK_HALF_KERNEL) and context.facts.half_shown_off:
        # the runtime hook covers such code only in the programs gsv-doctor's commands know
        key = "half_already_off_hook" if context.project.gsv_doctor_fixes else "half_already_off"
        explanation.notes.append((key, {"shown": context.facts.half_shown_off}))


@_refines("pip-build-failed")
def _build_tools_of_the_system(context: _Context) -> None:
    explanation, facts = context.explanation, context.facts
    if facts.colab or (facts.linux or facts.wsl) and not facts.mac:
        explanation.manual_key = "pip_build_linux"  # the Windows build tools are no answer there
    package = explanation.params.get("package", "").lower()
    if package == "pynini" or "_pywrapfst" in context.text[:_WORDS_SCAN]:  # (pynini's extension, named alone)
        explanation.notes.append(("pynini_conda", {}))  # no wheels for Windows or macOS: conda-forge builds it
    if package == "pyworld":
        # its build needs numpy and Cython at build time, which pip's isolated build takes at their newest
        explanation.notes.append(("pyworld_build", {}))


@_refines("command-not-found")
def _bash_variable_in_cmd(context: _Context) -> None:
    # "DOCKER_BUILDKIT=1 docker build ...": bash's variable for one command, read by cmd as a program's name
    command = context.explanation.params.get("command", "")
    setting = re.fullmatch(r"[A-Z][A-Z0-9_]{1,60}", command) and re.search(
        r"(?<![\w$])%s=(?P<value>[^\s\"'&|;]{0,100})" % re.escape(command), context.text[:_WORDS_SCAN])
    if setting:
        # the post's own value ("CUDA_VISIBLE_DEVICES=0" is not "=1")
        context.explanation.notes.append(("bash_variable_in_cmd", {"value": setting.group("value") or "..."}))


@_refines("command-not-found")
def _command_in_a_notebook(context: _Context) -> None:
    if context.explanation.params.get("command") == "nvidia-smi":  # no cell installs it: the runtime has no GPU
        if context.facts.colab:
            context.explanation.notes.append(("colab_runtime", {}))
        return
    if context.facts.colab or _in_a_notebook(context):
        context.explanation.notes.append(("notebook_command_missing", {"command": context.explanation.params.get("command", "")}))


@_refines("python-module-missing")
def _which_module_is_missing(context: _Context) -> None:
    explanation, module = context.explanation, context.explanation.params.get("module", "")
    top = module.split(".")[0]
    # ChatTTS goes on without it (a pynini only for nemo_text_processing: CosyVoice's WeTextProcessing cannot start
    # without it)
    if top == "nemo_text_processing" or top == "pynini" and "nemo_text_processing" in context.text[:_WORDS_SCAN]:
        explanation.notes.append(("optional_text_normalizer", {}))
    if top in ("tn", "itn"):
        explanation.notes.append(("wetext_pynini", {}))
    if top == "distutils":
        explanation.notes.append(("distutils_removed", {}))
    # (not on a Mac: pytorch.org's CUDA indexes hold no macOS wheels, and PyPI's torch is the Mac's own build)
    if top in ("torch", "torchaudio", "torchvision") and not context.facts.mac:
        explanation.notes.append(("torch_from_pytorch", {}))  # requirements files leave torch to pytorch.org's index
    if _own_module(module, context.project, context.frames):
        explanation.id = catalog.PROGRAM_MODULE_MISSING.id
        explanation.settings = list(catalog.PROGRAM_MODULE_MISSING.settings)
        if "." in module:
            # the import found a package of that name, one without the part asked for
            package, part = module.split(".", 1)
            explanation.notes.append(("own_package_shadowed", {"package": package, "part": part}))
        script = _script_inside_package(context.traceback, top)
        if script:
            # (`python -m` takes a module's name: not "infer-web")
            explanation.notes.append(("script_inside_package" if script["name"].isidentifier()
                                      else "script_inside_package_by_path", script))
    elif _in_a_notebook(context):
        explanation.notes.append(("notebook_kernel", {}))


def _script_inside_package(traceback: Optional[Traceback], package: str) -> Dict[str, str]:
    """Where the script that was run (the traceback's outermost frame) sits in a folder named `package`: Python
    put that folder on its path, not the one above it, so `import package` fails from any folder."""
    if traceback is None or not traceback.frames or not package:
        return {}
    path = traceback.frames[0].path
    folder, _, script = traceback.frames[0].posix.rpartition("/")
    top, _, name = folder.rpartition("/")
    if not top or name != package or not script.endswith(".py"):
        return {}
    top = path[:len(top)]  # (as the log wrote it: posix only turned its backslashes into /)
    if "\\" in path or ":" in top:
        top += "\\" if top.endswith(":") else ""  # ("C:" alone is the current folder of drive C, not its root)
        # cmd's set takes the rest of the line (its spaces too) but runs what follows & or |: then the quoted form;
        # PowerShell expands $ and ` inside "...", not inside '...' (where ' is written twice)
        cmd = 'set "PYTHONPATH=%s"' % top if re.search(r"[&|<>^]", top) else "set PYTHONPATH=%s" % top
        setting = "`%s` (cmd), `$env:PYTHONPATH='%s'` (PowerShell)" % (cmd, top.replace("'", "''"))
    else:
        setting = "`export PYTHONPATH=%s`" % shlex.quote(top)  # (a space would split it in two, $ expand)
    return {"package": package, "script": script, "name": script[:-3], "setting": setting}


def _in_a_notebook(context: _Context) -> bool:
    """Did the error come from a notebook's cell (Jupyter, Colab), or was it installed from one?"""
    frames = context.traceback.frames if context.traceback is not None else []
    return any(frame.path.startswith(("<ipython-input", "<cell In")) for frame in frames) \
        or _NOTEBOOK_INSTALL.search(context.text, 0, _WORDS_SCAN) is not None


# A package installed from a notebook's cell
_NOTEBOOK_INSTALL = re.compile(r"^\s*[!%]\s?pip3? install\b", re.MULTILINE)


@_refines("python-package-version")
def _which_name_is_missing(context: _Context) -> None:
    explanation, params = context.explanation, context.explanation.params
    if params.get("package") in context.project.own_modules and params.get("name") \
            and "has no attribute" in explanation.message:
        explanation.notes.append(("own_module_shadowed", {}))
    if params.get("name") in _TORCH_ADDED_IN and _TORCH_OWN_NAME.search(explanation.message):
        explanation.notes.append(("torch_too_old_for", {"version": _TORCH_ADDED_IN[params["name"]]}))


@_refines("tensor-size-mismatch")
def _bert_token_limit(context: _Context) -> None:
    if "512" in (context.explanation.params.get("a"), context.explanation.params.get("b")):
        context.explanation.notes.append(("text_over_512_tokens", {}))


@_refines("windows-dll-load")
def _fbgemm_of_torch_240(context: _Context) -> None:
    torch = context.facts.torch
    if "fbgemm.dll" in context.explanation.message.lower() and torch in (None, "2.4.0"):
        context.explanation.notes.append(("fbgemm_libomp" if torch else "fbgemm_libomp_if_240", {}))


@_refines("text-encoding")
def _audio_device_names(context: _Context) -> None:
    # (the GUI named in the text only where no traceback says which code raised it: a training step's file read
    # fails the same way in a log that also mentions the real-time GUI)
    explanation, frames = context.explanation, context.frames
    if explanation.params.get("codec") == "utf-8" and (
            any("sounddevice" in frame for frame in frames) or any(_REALTIME_GUI.search(frame) for frame in frames)
            or (not frames and _REALTIME_GUI.search(context.text[:_WORDS_SCAN]))):
        explanation.id = catalog.AUDIO_DEVICE_NAMES.id
        explanation.settings = list(catalog.AUDIO_DEVICE_NAMES.settings)


@_refines("native-crash")
def _crash_on_an_amd_card(context: _Context) -> None:
    # ROCm on a card it does not list crashes in its kernels: the card's own reading (HSA_OVERRIDE_GFX_VERSION)
    facts, card = context.facts, context.card
    if facts.amd and not facts.mac and not (card and _NVIDIA_FAMILY.match(card)):
        _become(context.explanation, catalog.SYMPTOMS["amd-gpu"])


@_refines(*_PATH_SENSITIVE)
def _non_ascii_path(context: _Context) -> None:
    if context.facts.non_ascii_path:
        context.explanation.notes.append(("non_ascii_path", {"path": context.facts.non_ascii_path}))


@_refines(*_NO_CUDA, "symptom-amd-gpu")
def _amd_start_script(context: _Context) -> None:
    # (not with an NVIDIA card named: the AMD_Intel package on it is the wrong package, not a missing --dml)
    project, card = context.project, context.card
    if project.amd_start_without and context.facts.amd and not (card and _NVIDIA_FAMILY.match(card)):
        start = re.search(project.amd_start_without, context.text[:200_000], re.MULTILINE)
        if start:
            context.explanation.notes.append(("amd_start", {"line": start.group(0).strip()}))


@_refines("cuda-device-assert", "nan-probability")
def _half_nan_reaches_an_index(context: _Context) -> None:
    if context.card and gpus.HALF_BROKEN_NAME.search(context.card):
        # NaN from float16 on such a card reaches an index (sampling, a lookup) and trips the assert
        context.explanation.notes.append(("half_nan_card_assert", {"card": context.card}))


@_refines("torch-weights-only")
def _weights_only_asked_by_program(context: _Context) -> None:
    words = context.text[:_WORDS_SCAN]
    if _OLD_WEIGHTS_ONLY_WORDING.search(words) and "In PyTorch 2.6" not in words \
            and "This file can still be loaded" not in words:
        context.explanation.notes.append(("weights_only_by_program", {}))  # torch before 2.6 refused only what code asked


@_refines("audio-file-unreadable")
def _sndfile_message_hidden(context: _Context) -> None:
    if "<exception str() failed>" in context.explanation.message:
        # soundfile 0.12's error hides libsndfile's own message, most often "System error": no file at that path
        context.explanation.notes.append(("sndfile_message_hidden", {}))


@_refines("symptom-nan")
def _nan_in_training(context: _Context) -> None:
    explanation, card = context.explanation, context.card
    if logfacts.job_of(context.frames, context.text) != "train":
        return
    if _HALF_SHOWN.search(context.text, 0, _WORDS_SCAN) or (card and gpus.HALF_BROKEN_NAME.search(card)):
        explanation.notes.append(("nan_in_training", {}))  # not float16's alone: the learning rate, the data
    else:
        # nothing in the post speaks of half precision: the training itself is the likelier cause
        explanation.manual_key = "nan_training"
        explanation.settings = ["any.batch", "input.files", "any.half"]
        explanation.fix_commands = []


@_refines("symptom-silent-audio")
def _silent_real_time(context: _Context) -> None:
    explanation = context.explanation
    if _REAL_TIME.search(context.text[:200_000].translate(_SIMPLIFIED)):  # ("實時" too)
        # no sound out of a real-time converter is as often where it sends the sound as what it computes
        explanation.settings = explanation.settings[:1] + ["audio.device"] + explanation.settings[1:]
        explanation.notes.append(("real_time_devices", {}))


@_refines("model-file-missing")
def _model_path_read_once(context: _Context) -> None:
    # Python's own FileNotFoundError quotes the path as its repr does ('D:\\GSV'); a path a post typed is as written
    params = context.explanation.params
    if "path" in params and _PYTHON_QUOTED_PATH.search(context.explanation.message):
        params["path"] = params["path"].replace("\\\\", "\\")


_PYTHON_QUOTED_PATH = re.compile(r"(?:\[Errno 2\] No such file or directory|\[WinError \d+\] [^'\"\n]{1,80}): ['\"]")


@_refines("path-not-found")
def _path_not_found(context: _Context) -> None:
    params = context.explanation.params
    params["path"] = params.get("path", "").replace("\\\\", "\\")  # as Python's repr printed it: 'D:\\GSV'
    frames = context.traceback.frames if context.traceback else []
    posix = any(frame.path.startswith("/") for frame in frames)
    # (frames on a drive ran on Windows, whatever other machine the post names: "works on my Mac")
    windows = any(re.match(r"[A-Za-z]:[\\/]", frame.path) for frame in frames)
    if "\\" in params["path"] and (posix or (not windows and (context.facts.linux or context.facts.mac))):
        drive = re.match(r"([A-Za-z]):\\", params["path"])
        if drive:  # (with / it would still be no path there: a folder named "D:")
            context.explanation.notes.append(("windows_drive_on_posix", {
                "drive": drive.group(1).upper() + ":", "mount": "/mnt/" + drive.group(1).lower()}))
        else:
            context.explanation.notes.append(("windows_path_on_posix", {}))


@_refines(*_FILE_READ)
def _mac_metadata_file(context: _Context) -> None:
    if context.facts.mac_metadata_file:
        context.explanation.notes.append(("mac_metadata_file", {"file": context.facts.mac_metadata_file}))


@_refines()
def _machine(context: _Context) -> None:
    _machine_of_the_log(context.explanation, context.facts, context.card, context.launch)


@_refines(*_IMPORT_ENTRIES)
def _import_shadowed(context: _Context) -> None:
    _shadowed_import(context.explanation, context.traceback)


@_refines("gsv-dataset-not-formatted")
def _dataset_all_skipped(context: _Context) -> None:
    # (an entry matches message lines, not a frame's code: the assertion after the files were there)
    if context.traceback is not None \
            and any("audiopaths_sid_text_new" in frame.code for frame in context.traceback.frames):
        _become(context.explanation, catalog.BY_ID["gsv-dataset-all-skipped"])


# ------------------------------------------------------------------ this machine, now


def _card_verdict(report: ProbeReport, device: probereport.Device) -> gpus.GpuVerdict:
    return gpus.verdict(device.name, device.capability or (0, 0), device.total_memory_gb,
                        report.torch.arch_list if report.torch else ())


def _half_nan_measured(device: probereport.Device) -> bool:
    return probereport.judge_dtype(device, "float16").outcome == probereport.NAN


def _float(value: Any) -> Optional[float]:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def machine_verdict(entry: Entry, explanation: Explanation, report: Optional[ProbeReport],
                    config: Optional[Dict[str, Any]] = None) -> MachineVerdict:
    """Would this machine, as probed now, still hit the error? `config`: the probe's reading
    of the project's config.py on this machine (is_half, infer_device), when there is one."""
    if report is None or report.torch is None:
        return MachineVerdict(UNKNOWN, "no_probe")
    torch_version = report.torch.version
    config = config or {}
    config_half_off = config.get("is_half") is False
    check = entry.check
    cuda = report.cuda_devices
    usable = [d for d in cuda if _card_verdict(report, d).status == gpus.USABLE]

    if check in (catalog.CHECK_CPU_OP, catalog.CHECK_HALF_KERNEL):
        cpu = report.device("cpu")
        ops = (cpu.ops.get(entry.dtype) or {}) if cpu else {}
        names = entry.ops or tuple(sorted(ops))
        measured = {op: ops[op] for op in names if op in ops}
        if not measured:
            return MachineVerdict(UNKNOWN, "probe_incomplete")
        failing = [op for op, result in measured.items() if result.status != "works"]
        params: Dict[str, Any] = {"torch": torch_version, "dtype": entry.dtype, "ops": ", ".join(sorted(measured))}
        if failing:
            params.update(failing=", ".join(failing), detail=measured[failing[0]].message or "")
            if config_half_off:
                return MachineVerdict(FIXED, "cpu_op_missing_config_off", params)
            if usable:
                params["card"] = usable[0].name
                return MachineVerdict(UNKNOWN, "cpu_op_missing_gpu_ok", params)
            return MachineVerdict(STILL, "cpu_op_missing", params)
        if check == catalog.CHECK_HALF_KERNEL:
            return MachineVerdict(UNKNOWN, "kernel_not_probed", dict(params, kernel=explanation.params.get("kernel", "")))
        judged = probereport.judge_dtype(cpu, entry.dtype) if cpu and entry.dtype in ("float16", "bfloat16") else None
        if judged is not None and judged.outcome == probereport.SLOW:
            params["slower"] = "%.1f" % judged.ratio
            return MachineVerdict(FIXED, "cpu_op_works_slow", params)
        return MachineVerdict(FIXED, "cpu_op_works", params)

    if check == catalog.CHECK_DTYPE_MIX:
        return MachineVerdict(UNKNOWN, "dtype_mix")

    if check == catalog.CHECK_CUDA_BUILD:
        if report.cuda_available:
            return MachineVerdict(FIXED, "cuda_ok", {"cards": ", ".join(d.name for d in cuda)})
        params = {"torch": torch_version, "build": report.torch.cuda or "CPU-only"}
        if str(config.get("infer_device") or "").startswith("cpu"):
            return MachineVerdict(FIXED, "cuda_missing_config_cpu", params)
        return MachineVerdict(STILL, "cuda_missing", params)

    if check == catalog.CHECK_CUDA_KERNEL:
        if not cuda:
            logged = explanation.params
            if logged.get("sm") and logged.get("archs"):
                sm = logged["sm"]
                capability = (int(sm[:-1] or 0), int(sm[-1]))
                has = gpus.has_kernels(capability, logged["archs"].split())
                return MachineVerdict(UNKNOWN, "log_kernels_ok" if has else "log_no_kernel",
                                      dict(logged, torch=torch_version))
            return MachineVerdict(UNKNOWN, "no_cuda_here", {"torch": torch_version})
        arch_list = report.torch.arch_list
        for device in cuda:
            if _card_verdict(report, device).status == gpus.NO_KERNEL:
                cap = device.capability or (0, 0)
                return MachineVerdict(STILL, "no_kernel", {"card": device.name, "sm": "%s%s" % cap,
                                                           "archs": " ".join(arch_list), "torch": torch_version})
        return MachineVerdict(FIXED, "kernels_ok", {"cards": ", ".join(d.name for d in cuda),
                                                    "torch": torch_version})

    if check == catalog.CHECK_CUDA_MEMORY:
        if not cuda:
            logged = _float(explanation.params.get("total"))
            if logged is not None and logged < gpus.MIN_MEMORY_GB:
                return MachineVerdict(UNKNOWN, "log_small_card", {"memory": "%g" % logged, "torch": torch_version})
            return MachineVerdict(UNKNOWN, "no_cuda_here", {"torch": torch_version})
        for device in cuda:
            memory = device.total_memory_gb
            if memory is not None and memory < gpus.MIN_MEMORY_GB:
                return MachineVerdict(STILL, "small_card", {"card": device.name, "memory": "%g" % memory})
        return MachineVerdict(UNKNOWN, "big_card", {"cards": ", ".join(d.name for d in cuda)})

    if check == catalog.CHECK_HALF_NAN:
        if not cuda:
            return MachineVerdict(UNKNOWN, "no_cuda_here", {"torch": torch_version})
        for device in cuda:
            verdict = _card_verdict(report, device)
            measured = _half_nan_measured(device)
            if verdict.status == gpus.HALF_BROKEN or measured:
                params = {"card": device.name, "how": "measured" if measured else "rule"}
                if config_half_off:
                    return MachineVerdict(FIXED, "half_nan_config_off", params)
                return MachineVerdict(STILL, "half_nan_card", params)
        return MachineVerdict(FIXED, "half_ok_cards", {"cards": ", ".join(d.name for d in cuda)})

    if check in (catalog.CHECK_MPS, catalog.CHECK_MPS_FLOAT64):
        if not report.mps_available:
            return MachineVerdict(FIXED, "no_mps_here")
        if check == catalog.CHECK_MPS_FLOAT64:
            return MachineVerdict(STILL, "mps_float64")
        if report.environment.get("PYTORCH_ENABLE_MPS_FALLBACK") == "1":
            return MachineVerdict(FIXED, "mps_fallback_set")
        return MachineVerdict(STILL, "mps_fallback_unset")

    if check == catalog.CHECK_ENV_IS_HALF:
        value = report.environment.get("is_half")
        if value is None:
            return MachineVerdict(FIXED, "env_unset")
        if value.strip() in ("True", "False"):
            return MachineVerdict(FIXED, "env_ok", {"value": value})
        return MachineVerdict(STILL, "env_bad", {"value": value})

    if check == catalog.CHECK_NONE:
        return MachineVerdict(UNKNOWN, "not_probeable")

    return MachineVerdict(UNKNOWN, "no_probe")


REASONS: Dict[str, Dict[str, str]] = {
    "no_probe": {
        "en": "not checked (no probe of this machine).",
        "zh": "未检查（没有探测本机）。",
    },
    "not_probeable": {
        "en": "unknown: Windows, the driver or the program's own files decide this, which a probe of torch cannot see.",
        "zh": "未知：这取决于 Windows、驱动或程序自己的文件，探测 torch 看不到。",
    },
    "probe_incomplete": {
        "en": "unknown: the probe did not measure these operations on the CPU.",
        "zh": "未知：探测没有在 CPU 上测到这些运算。",
    },
    "cpu_op_missing": {
        "en": "yes, it would: torch {torch} here still has no {dtype} {failing} on the CPU ({detail}).",
        "zh": "会：本机的 torch {torch} 在 CPU 上仍然没有 {dtype} 的 {failing}（{detail}）。",
    },
    "cpu_op_missing_config_off": {
        "en": "not through config.py: torch {torch} here still has no {dtype} {failing} on the CPU, but config.py now"
              " gives is_half=False on this machine. Entry points that read is_half elsewhere (tts_infer.yaml, the"
              " environment variable) can still hit it.",
        "zh": "经 config.py 启动时不会：本机 torch {torch} 在 CPU 上仍没有 {dtype} 的 {failing}，但 config.py 在本机已得出"
              " is_half=False。从别处读取 is_half 的入口（tts_infer.yaml、环境变量）仍可能出错。",
    },
    "cpu_op_missing_gpu_ok": {
        "en": "only on the CPU: torch {torch} here has no {dtype} {failing} on the CPU, but this machine has a usable"
              " NVIDIA GPU ({card}) where float16 works; it happens if the model runs on the CPU.",
        "zh": "仅在 CPU 上会：本机 torch {torch} 在 CPU 上没有 {dtype} 的 {failing}，但本机有可用的 NVIDIA 显卡（{card}）"
              "支持 float16；只有模型跑在 CPU 上时才会出错。",
    },
    "cpu_op_works_slow": {
        "en": "no, already fixed: torch {torch} here runs {dtype} {ops} on the CPU. But {dtype} on the CPU is {slower}x"
              " slower than float32 here: keep is_half off on the CPU.",
        "zh": "不会，已经解决：本机 torch {torch} 能在 CPU 上运行 {dtype} 的 {ops}。但在本机 CPU 上 {dtype} 比 float32 慢"
              " {slower} 倍：在 CPU 上仍应关闭 is_half。",
    },
    "cpu_op_works": {
        "en": "no, already fixed: torch {torch} here runs {dtype} {ops} on the CPU. Keep is_half off on the CPU anyway:"
              " whole models in {dtype} run many times slower there than in float32.",
        "zh": "不会，已经解决：本机 torch {torch} 能在 CPU 上运行 {dtype} 的 {ops}。但在 CPU 上仍应关闭 is_half："
              "整个模型用 {dtype} 在 CPU 上比 float32 慢很多倍。",
    },
    "kernel_not_probed": {
        "en": "unknown: the probe does not test {kernel}; the {dtype} operations it tests ({ops}) all work on the CPU"
              " with torch {torch}.",
        "zh": "未知：探测没有测试 {kernel}；它测试的 {dtype} 运算（{ops}）在本机 torch {torch} 的 CPU 上都能运行。",
    },
    "dtype_mix": {
        "en": "unknown: a half/float mix comes from how the settings combine, which a probe cannot see; run"
              " `gsv-doctor check --project DIR` to compare them.",
        "zh": "未知：半精度/单精度混用取决于几处设置的组合，探测看不到；"
              "运行 `gsv-doctor check --project 目录` 对比这些设置。",
    },
    "cuda_ok": {
        "en": "no, already fixed: torch sees CUDA here ({cards}).",
        "zh": "不会，已经解决：本机 torch 能使用 CUDA（{cards}）。",
    },
    "cuda_missing": {
        "en": "yes, it would: torch {torch} here ({build}) has no usable CUDA device, so anything set to cuda fails.",
        "zh": "会：本机 torch {torch}（{build}）没有可用的 CUDA 设备，任何设为 cuda 的地方都会出错。",
    },
    "cuda_missing_config_cpu": {
        "en": "not through config.py: there is no usable CUDA here (torch {torch}, {build}), but config.py now picks"
              " the CPU on this machine; check tts_infer.yaml's device and api.py's -d too.",
        "zh": "经 config.py 启动时不会：本机没有可用 CUDA（torch {torch}，{build}），但 config.py 在本机已选择 CPU；"
              "也请检查 tts_infer.yaml 的 device 和 api.py 的 -d。",
    },
    "no_cuda_here": {
        "en": "unknown: this machine has no usable CUDA card (torch {torch}), so the log probably came from another"
              " machine.",
        "zh": "未知：本机没有可用的 CUDA 显卡（torch {torch}），这份日志可能来自另一台机器。",
    },
    "no_kernel": {
        "en": "yes, it would: {card} (sm_{sm}) is not in this torch build's arch list ({archs}).",
        "zh": "会：{card}（sm_{sm}）不在本机 torch 编译支持的架构列表中（{archs}）。",
    },
    "log_no_kernel": {
        "en": "not here: this machine has no usable CUDA card (torch {torch}); but the log itself shows it: {card}"
              " (sm_{sm}) is missing from that torch build's list ({archs}), so that machine needs another torch build.",
        "zh": "本机不会：本机没有可用的 CUDA 显卡（torch {torch}）；但日志本身说明了原因：{card}（sm_{sm}）不在那台机器的"
              " torch 支持列表（{archs}）中，那台机器需要换一个 torch 版本。",
    },
    "log_kernels_ok": {
        "en": "unknown: this machine has no usable CUDA card (torch {torch}); the log's build lists {archs}, which"
              " should cover {card} (sm_{sm}).",
        "zh": "未知：本机没有可用的 CUDA 显卡（torch {torch}）；日志中的 torch 支持 {archs}，应当包括 {card}（sm_{sm}）。",
    },
    "kernels_ok": {
        "en": "no, already fixed: torch {torch} here has kernels for {cards}.",
        "zh": "不会，已经解决：本机 torch {torch} 支持 {cards}。",
    },
    "small_card": {
        # (what to do is the fix's: the CPU for inference, a bigger card for training, which refuses the CPU)
        "en": "yes, it would: {card} has {memory} GB, below the 4 GB these voice models need.",
        "zh": "会：{card} 只有 {memory} GB 显存，低于这些语音模型需要的 4 GB。",
    },
    "log_small_card": {
        "en": "not here: this machine has no usable CUDA card (torch {torch}); the log shows a {memory} GB card,"
              " below the 4 GB these voice models need.",
        "zh": "本机不会：本机没有可用的 CUDA 显卡（torch {torch}）；日志显示那张卡只有 {memory} GB 显存，低于这些语音模型"
              "需要的 4 GB。",
    },
    "big_card": {
        "en": "unknown: the cards here ({cards}) have 4 GB or more; whether it runs out depends on batch size and"
              " other programs.",
        "zh": "未知：本机显卡（{cards}）显存不少于 4 GB；是否会爆显存取决于 batch size 和其他程序。",
    },
    "half_nan_card": {
        "en": "yes, it would: {card} gives NaN in float16 (by the {how} check); float16 must be off on it.",
        "zh": "会：{card} 在 float16 下会算出 NaN（依据：{how}）；必须在这张卡上关闭 float16。",
    },
    "half_nan_config_off": {
        "en": "not through config.py: {card} gives NaN in float16, but config.py now gives is_half=False here.",
        "zh": "经 config.py 启动时不会：{card} 在 float16 下会算出 NaN，但 config.py 在本机已得出 is_half=False。",
    },
    "half_ok_cards": {
        "en": "no: the cards here ({cards}) run float16 without NaN.",
        "zh": "不会：本机显卡（{cards}）运行 float16 不会出现 NaN。",
    },
    "no_mps_here": {
        "en": "no: this machine has no Apple MPS device.",
        "zh": "不会：本机没有 Apple MPS 设备。",
    },
    "mps_float64": {
        "en": "yes, it would: this machine uses MPS, which has no float64.",
        "zh": "会：本机使用 MPS，而 MPS 不支持 float64。",
    },
    "mps_fallback_set": {
        "en": "no, already fixed: PYTORCH_ENABLE_MPS_FALLBACK=1 is set here.",
        "zh": "不会，已经解决：本机已设置 PYTORCH_ENABLE_MPS_FALLBACK=1。",
    },
    "mps_fallback_unset": {
        "en": "yes, it would: MPS is present and PYTORCH_ENABLE_MPS_FALLBACK is not 1 here.",
        "zh": "会：本机有 MPS，且 PYTORCH_ENABLE_MPS_FALLBACK 不是 1。",
    },
    "env_unset": {
        "en": "no: the is_half variable is not set in this environment.",
        "zh": "不会：当前环境没有设置 is_half 变量。",
    },
    "env_ok": {
        "en": "no, already fixed: is_half={value} here is a value eval accepts.",
        "zh": "不会，已经解决：当前 is_half={value} 是 eval 能接受的值。",
    },
    "env_bad": {
        "en": "yes, it would: is_half={value} is still set in this environment.",
        "zh": "会：当前环境中仍然设置着 is_half={value}。",
    },
}
# How a card was judged, for "half_nan_card".
HOW = {"measured": {"en": "measured by the probe", "zh": "探测实测"},
       "rule": {"en": "card rule", "zh": "显卡规则"}}


def add_machine_verdicts(explanations: List[Explanation], report: Optional[ProbeReport],
                         config: Optional[Dict[str, Any]] = None) -> None:
    for explanation in explanations:
        explanation.machine = machine_verdict(explanation.entry, explanation, report, config)


def exit_code(explanations: List[Explanation]) -> int:
    """1 while a recognised error may still happen here; 0 when none was found or all are fixed."""
    if any(e.machine is None or e.machine.status != FIXED for e in explanations):
        return EXIT_FINDINGS
    return EXIT_OK


# ------------------------------------------------------------ the settings, as they are now


UNSET = logprofile.UNSET  # an environment variable that is not set (a family's settings_now says it)


def add_current_settings(explanations: List[Explanation], values: Dict[str, str]) -> None:
    for explanation in explanations:
        explanation.now = {s: values[s] for s in explanation.settings if s in values}


# --------------------------------------------------------------------------- texts


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Dict[str, Any]) -> str:
    return template.format_map(_Missing({k: ("" if v is None else v) for k, v in params.items()}))


def _values(explanation: Explanation, lang: str) -> Dict[str, Any]:
    """The explanation's parameters, its computed texts and its project's advice, in `lang`."""
    project = logprojects.BY_ID.get(explanation.project, logprojects.UNKNOWN)
    values: Dict[str, Any] = {slot: logprojects.advice(project, slot)[lang] for slot in logprojects.SLOTS}
    values.update(explanation.params)
    values.update({name: text[lang] for name, text in explanation.texts.items()})
    return values


def meaning(explanation: Explanation, lang: str) -> str:
    return fill(explanation.entry.meaning[lang], _values(explanation, lang))


def manual(explanation: Explanation, lang: str) -> str:
    entry = explanation.entry
    gsv = logprojects.BY_ID.get(explanation.project, logprojects.UNKNOWN).gsv_doctor_fixes
    template = entry.manual if gsv or entry.manual_any is None else entry.manual_any
    if explanation.manual_key:
        template = MANUALS[explanation.manual_key]
    return fill(template[lang], _values(explanation, lang))


def notes(explanation: Explanation, lang: str) -> List[str]:
    values = _values(explanation, lang)
    return [fill(NOTES[key][lang], dict(values, **params)) for key, params in explanation.notes]


def assumed_text(explanation: Explanation, lang: str) -> str:
    if not explanation.assumed:
        return ""
    name = explanation.id
    kind = ASSUMED_KIND["symptom" if name.startswith("symptom-") else "error"][lang]
    return fill(ASSUMED[lang], {"words": explanation.assumed, "line": explanation.line,
                                "symptom": kind + " " + name.replace("symptom-", "")})


ASSUMED = {
    "en": "No error message; assumed {symptom} from the words \"{words}\" on line {line}.",
    "zh": "没有报错信息；根据第 {line} 行的 \"{words}\" 推断为{symptom}。",
}
ASSUMED_KIND = {"symptom": {"en": "symptom", "zh": "现象"}, "error": {"en": "error", "zh": "错误"}}
# The tests check every registered table (both languages, same placeholders, ASCII English).
i18n.register("explain-notes", NOTES)
i18n.register("explain-manuals", MANUALS)
i18n.register("explain-assumed", {"assumed": ASSUMED, **{"kind-" + k: v for k, v in ASSUMED_KIND.items()}})
i18n.register("explain-driver", {**{"library-" + k: v for k, v in DRIVER_LIBRARY.items()},
                                 **{"alternative-" + k: v for k, v in DRIVER_ALTERNATIVE.items()}})
i18n.register("explain-settings", catalog.SETTINGS)
i18n.register("explain-projects", {"%s:%s" % (p.id, slot): text for p in logprojects.BY_ID.values()
                                   for slot, text in p.advice.items()})


def machine_text(verdict: MachineVerdict, lang: str) -> str:
    params = dict(verdict.params)
    if "how" in params:
        params["how"] = HOW.get(params["how"], {}).get(lang, params["how"])
    return fill(REASONS[verdict.reason][lang], params)


def _setting_json(setting: str, now: Optional[str], lang: str) -> Dict[str, Any]:
    """`now`: the value here, null when unknown or unset; `unset`: known to be not set (UNSET
    is the internal mark for that and never leaves this module)."""
    return {"id": setting, "text": catalog.SETTINGS[setting][lang], "now": None if now == UNSET else now,
            "unset": now == UNSET}


def project_json(project_id: str) -> Optional[Dict[str, str]]:
    project = logprojects.BY_ID.get(project_id)
    if project is None or project is logprojects.UNKNOWN:
        return None
    return {"id": project.id, "name": project.name}


def to_json(explanations: List[Explanation], lang: str, **envelope: Any) -> Dict[str, Any]:
    """The versioned document of `explain --json`: data plus texts in the chosen language."""
    items = []
    for explanation in explanations:
        item = {
            "id": explanation.id,
            "message": explanation.message,
            "line": explanation.line,
            "count": explanation.count,
            "params": explanation.params,
            "meaning": meaning(explanation, lang),
            "location": asdict(explanation.location) if explanation.location else None,
            "settings": [_setting_json(s, explanation.now.get(s), lang) for s in explanation.settings],
            "fix": {"commands": explanation.fix_commands, "alternatives": fix_alternatives(explanation.fix_commands),
                    "manual": manual(explanation, lang)},
            "notes": [{"id": key, "params": params, "text": text}
                      for (key, params), text in zip(explanation.notes, notes(explanation, lang))],
            "project": project_json(explanation.project),
            "assumed": ({"words": explanation.assumed, "text": assumed_text(explanation, lang)}
                        if explanation.assumed else None),
            "machine": None,
        }
        if explanation.machine is not None:
            item["machine"] = {"status": explanation.machine.status, "reason": explanation.machine.reason,
                               "params": explanation.machine.params, "text": machine_text(explanation.machine, lang)}
        items.append(item)
    document = {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "language": lang}
    document.update(envelope)
    document["explanations"] = items
    return document
