"""Runs GPT-SoVITS's own deciding code in the probe child (the target interpreter).

Sent to the child after the probe (see gsv_doctor.target), so: standard library and torch
only (plus PyYAML, which GPT-SoVITS itself needs for tts_infer.yaml), Python 3.9 syntax,
ASCII source. Nothing here writes into the project: TTS_Config runs in a scratch folder on
a copy of tts_infer.yaml.

What runs, each in isolation so one failure does not hide the others:
- config.py, imported as GPT-SoVITS imports it (cwd = the project root);
- the class TTS_Config from GPT_SoVITS/TTS_infer_pack/TTS.py, built on the yaml;
- each script's own module-level `is_half = ...` and `device = ...` lines (the scripts that
  read the is_half variable themselves), once with the variable as it is, once as True and
  once as False (what webui.py exports to its children).
"""
import ast
import json
import os
import shutil
import sys
import tempfile
import traceback

SAFE_MODULES = ("os", "sys", "re", "copy", "typing", "math", "random", "time", "torch", "yaml", "dataclasses",
                "pathlib", "collections", "functools", "traceback", "warnings")


def _error_text(exc):
    lines = str(exc).strip().splitlines()
    return "%s: %s" % (type(exc).__name__, lines[0] if lines else "")


def _where(exc, path):
    """'config.py:32' for the innermost frame of the traceback inside `path`, or None."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == os.path.abspath(path):
            found = "%s:%d" % (os.path.basename(path), frame.lineno)
    return found


def _describe(value):
    if isinstance(value, bool) or value is None:
        return value
    return str(value)


def run_config(root, extra_env=None):
    """Import config.py as GPT-SoVITS does and read is_half / infer_device; `extra_env`: the
    variables the importing script sets first (webui.py sets `language`)."""
    import runpy

    saved = dict((key, os.environ.get(key)) for key in (extra_env or {}))
    os.environ.update(extra_env or {})

    path = os.path.join(root, "config.py")
    result = {"is_half": None, "infer_device": None, "is_half_type": None, "infer_device_type": None,
              "error": None, "where": None}
    previous_cwd = os.getcwd()
    previous_path = list(sys.path)
    previous_modules = set(sys.modules)
    try:
        os.chdir(root)
        sys.path.insert(0, root)
        namespace = runpy.run_path(path, run_name="config")
        for name in ("is_half", "infer_device"):
            if name in namespace:
                result[name] = _describe(namespace[name])
                result[name + "_type"] = type(namespace[name]).__name__
    except BaseException as exc:  # SystemExit or anything config.py raises is a result too
        result["error"] = _error_text(exc)
        result["where"] = _where(exc, path)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        os.chdir(previous_cwd)
        sys.path[:] = previous_path
        for name in set(sys.modules) - previous_modules:  # the project's own modules (tools.i18n ...)
            if name.split(".")[0] not in SAFE_MODULES:
                sys.modules.pop(name, None)
    return result


class _Stub(object):
    """Stands for a name TTS_Config's module imports but the constructor does not need
    (i18n, model classes): callable, returns its first argument or itself."""

    def __call__(self, *args, **kwargs):
        return args[0] if args else self

    def __getattr__(self, name):
        return self


def _class_namespace(tree):
    namespace = {"__name__": "gsv_doctor_tts_config", "__builtins__": __builtins__}
    for node in tree.body:
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or getattr(node, "level", 0):
            continue
        module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
        if (module or "").split(".")[0] not in SAFE_MODULES:
            continue
        try:
            exec(compile(ast.Module(body=[node], type_ignores=[]), "<TTS.py imports>", "exec"), namespace)
        except Exception:
            pass
    return namespace


def run_tts_config(root, yaml_relative):
    """Build the project's own TTS_Config on a copy of its yaml; device and is_half after it."""
    source_path = os.path.join(root, "GPT_SoVITS", "TTS_infer_pack", "TTS.py")
    result = {"device": None, "is_half": None, "error": None, "where": None, "ran": False}
    try:
        with open(source_path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=source_path)
    except (OSError, SyntaxError, ValueError) as exc:
        result["error"] = _error_text(exc)
        return result
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "TTS_Config"]
    if not classes:
        result["error"] = "no class TTS_Config in TTS.py"
        return result
    namespace = _class_namespace(tree)
    stub = _Stub()
    for node in ast.walk(classes[0]):
        if isinstance(node, ast.Name) and node.id not in namespace and not hasattr(__builtins__, node.id) \
                and not (isinstance(__builtins__, dict) and node.id in __builtins__):
            namespace[node.id] = stub
    scratch = tempfile.mkdtemp(prefix="gsv-doctor-tts-")
    previous_cwd = os.getcwd()
    previous_stdout = sys.stdout
    try:
        target = os.path.join(scratch, yaml_relative)
        os.makedirs(os.path.dirname(target))
        if os.path.isfile(os.path.join(root, yaml_relative)):
            shutil.copyfile(os.path.join(root, yaml_relative), target)
        os.chdir(scratch)
        sys.stdout = sys.stderr  # it prints its warnings
        exec(compile(ast.Module(body=[classes[0]], type_ignores=[]), source_path, "exec"), namespace)
        config = namespace["TTS_Config"](yaml_relative)
        result["device"] = _describe(getattr(config, "device", None))
        result["is_half"] = _describe(getattr(config, "is_half", None))
        result["ran"] = True
    except BaseException as exc:
        result["error"] = _error_text(exc)
        result["where"] = _where(exc, source_path)
    finally:
        sys.stdout = previous_stdout
        os.chdir(previous_cwd)
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _stored(node):
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
    return names


def _mentions(node, names):
    return any(isinstance(sub, ast.Name) and sub.id in names for sub in ast.walk(node))


def _own_lines(tree):
    """The module-level statements that set is_half or device from the environment / torch, and
    those of the first branch of a module-level `if` that does the work, its test about the data
    (the dataset scripts pick their device inside it: webui.py starts them on fresh data, so that
    branch runs); not an `if` on torch or is_half (a CUDA test, a float16 retry)."""
    picked = []
    for node in tree.body:
        names = _stored(node)
        if isinstance(node, (ast.Assign, ast.If)) and names and names <= {"is_half", "device"}:
            picked.append(node)
        elif isinstance(node, ast.If) and not _mentions(node.test, ("torch", "is_half", "device")):
            picked.extend(sub for sub in node.body if isinstance(sub, (ast.Assign, ast.If))
                          and _stored(sub) and _stored(sub) <= {"is_half", "device"})
    return picked


def run_env_reads(root, relatives, values):
    """For each script: is_half and device from its own lines, per value of the is_half variable
    (None: as set now)."""
    import torch

    results = {}
    for relative in relatives:
        path = os.path.join(root, relative)
        entry = {}
        try:
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), filename=path)
        except (OSError, SyntaxError, ValueError) as exc:
            results[relative] = {"error": _error_text(exc)}
            continue
        lines = _own_lines(tree)
        code = compile(ast.Module(body=lines, type_ignores=[]), path, "exec")
        saved = os.environ.get("is_half")
        for value in values:
            key = "now" if value is None else value
            namespace = {"os": os, "torch": torch, "sys": sys, "__builtins__": __builtins__}
            try:
                if value is not None:
                    os.environ["is_half"] = value
                exec(code, namespace)
                entry[key] = {"is_half": _describe(namespace.get("is_half")),
                              "device": _describe(namespace.get("device")), "error": None}
            except Exception as exc:
                entry[key] = {"is_half": None, "device": None, "error": _error_text(exc), "where": _where(exc, path)}
            finally:
                if saved is None:
                    os.environ.pop("is_half", None)
                else:
                    os.environ["is_half"] = saved
        results[relative] = {"values": entry, "lines": [node.lineno for node in lines]}
    return results


def main(args, out):
    root = args["root"]
    payload = {"config": run_config(root),
               "config_webui": run_config(root, args["webui_env"]) if args.get("webui_env") else None,
               "tts_config": run_tts_config(root, args["tts_infer"]) if args.get("tts_infer") else None,
               "env_reads": run_env_reads(root, args.get("env_reads") or [], [None, "True", "False"])}
    out.write(args["marker"] + json.dumps(dict(payload, section="family"), ensure_ascii=True, default=str) + "\n")
    out.flush()


if __name__ == "__gsv_doctor_family__":
    main(FAMILY_ARGS, sys.__stdout__)  # noqa: F821  (set by gsv_doctor.target)
