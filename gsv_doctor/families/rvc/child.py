"""Runs in the target interpreter (standard library and torch only, torch 1.13 and up, Python
3.9 syntax, ASCII): RVC's own `Config()` in a throw-away copy of the project, and what it gave.

In check it runs after the probe, in the probe child (gsv_doctor.target sets FAMILY_ARGS:
{"root", "files" (relative paths to copy), "module", "entry", "marker"}); it copies the files
into a temporary folder, runs there, deletes the folder and prints one marker line with
section "family". Standalone (the tests, benchmarks/verify_rvc_history.py) the job arrives as
JSON on stdin: {"folder": the copy, "module": "configs.config" or
"config", "entry": the argv[0] to pretend, "machine": null or {"gpus": [{"name",
"capability", "memory"}], "mps": bool}}. A machine replaces what torch.cuda /
torch.backends.mps report (a saved probe report from another computer, or a test); null
runs on this machine as it is. One line "@@gsv-doctor-rvc@@{json}" on stdout is the answer."""
import importlib
import json
import os
import sys
import traceback
import types

MARKER = "@@gsv-doctor-rvc@@"


def _index(torch, i):
    if i is None:
        return 0
    if isinstance(i, int):
        return i
    return getattr(torch.device(i), "index", 0) or 0


def fake_machine(torch, machine):
    gpus = machine.get("gpus") or []
    if gpus:
        def props(i=None):
            g = gpus[_index(torch, i)]
            return types.SimpleNamespace(name=g["name"], total_memory=int(g["memory"]), major=g["capability"][0],
                                         minor=g["capability"][1], multi_processor_count=40)
        torch.cuda.is_available = lambda: True
        torch.cuda.device_count = lambda: len(gpus)
        torch.cuda.get_device_name = lambda i=None: gpus[_index(torch, i)]["name"]
        torch.cuda.get_device_capability = lambda i=None: tuple(gpus[_index(torch, i)]["capability"])
        torch.cuda.get_device_properties = props
        torch.cuda.current_device = lambda: 0
        torch.cuda.mem_get_info = lambda i=None: (int(gpus[_index(torch, i)]["memory"]),) * 2
        torch.cuda.set_device = lambda i=None: None
    else:
        torch.cuda.is_available = lambda: False
        torch.cuda.device_count = lambda: 0
    mps = getattr(torch.backends, "mps", None)
    if machine.get("mps"):
        if mps is not None:
            mps.is_available = lambda: True
            mps.is_built = lambda: True
        torch.has_mps = True
        sys.platform = "darwin"
        real_to = torch.Tensor.to

        def to(self, *args, **kwargs):
            target = args[0] if args else kwargs.get("device")
            if str(target).startswith("mps"):
                return self
            return real_to(self, *args, **kwargs)
        torch.Tensor.to = to
    elif mps is not None:
        mps.is_available = lambda: False


def _fp16_runs(config, folder):
    """fp16_run of every model json after the start-up: Config's own copy in memory where it
    keeps one (json_config), else the files as the start-up left them."""
    found = {}
    memory = getattr(config, "json_config", None)
    if isinstance(memory, dict):
        for name, data in memory.items():
            try:
                found["memory:" + name] = bool(data["train"]["fp16_run"])
            except (KeyError, TypeError):
                pass
    for base, _dirs, files in os.walk(os.path.join(folder, "configs")):
        for name in files:
            if not name.endswith(".json"):
                continue
            path = os.path.join(base, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            try:
                with open(path, encoding="utf-8") as handle:
                    data = json.load(handle)
                found[relative] = bool(data["train"]["fp16_run"])
            except (ValueError, KeyError, TypeError):
                found[relative] = None  # unreadable (the r+ versions leave two documents in one file)
            except OSError:
                pass
    return found


def _where(exc, folder):
    """file:line of the deepest frame inside the project copy."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(folder + os.sep):
            found = "%s:%d" % (os.path.relpath(path, folder).replace(os.sep, "/"), frame.lineno)
    return found


def run(job):
    folder = os.path.abspath(job["folder"])
    os.chdir(folder)
    sys.path.insert(0, folder)
    sys.argv = [job.get("entry") or "infer-web.py"]
    import torch
    if job.get("machine") is not None:
        fake_machine(torch, job["machine"])
    result = {"torch": torch.__version__}
    config = None
    try:
        module = importlib.import_module(job["module"])
        factory = getattr(module, "Config", None)
        if factory is not None:
            config = factory()
            device, is_half = config.device, config.is_half
        else:
            device, is_half = module.device, module.is_half
        result["device"] = str(device)
        result["is_half"] = is_half is True or is_half == "True"
        result["is_half_raw"] = repr(is_half)
    except BaseException as exc:  # SystemExit from argparse too: it is what the user would see
        text = str(exc) if not isinstance(exc, SystemExit) else "exit code %s" % (exc.code,)
        result["error"] = ("%s: %s" % (type(exc).__name__, text))[:400]
        result["where"] = _where(exc, folder)
    result["fp16_run"] = _fp16_runs(config, folder)
    return result


def run_in_copy(args):
    """Copy the files Config() needs out of the project, run it there, delete the copy."""
    import shutil
    import tempfile

    home = os.getcwd()
    folder = tempfile.mkdtemp(prefix="gsv-doctor-rvc-")
    saved_argv, saved_path = list(sys.argv), list(sys.path)
    try:
        for relative in args["files"]:
            target = os.path.join(folder, *relative.split("/"))
            if not os.path.isdir(os.path.dirname(target)):
                os.makedirs(os.path.dirname(target))
            shutil.copy2(os.path.join(args["root"], *relative.split("/")), target)
        return run({"folder": folder, "module": args["module"], "entry": args["entry"], "machine": None})
    except BaseException as exc:
        return {"error": None, "failed": "%s: %s" % (type(exc).__name__, exc)}
    finally:
        os.chdir(home)
        sys.argv, sys.path[:] = saved_argv, saved_path
        shutil.rmtree(folder, ignore_errors=True)


def main():
    job = json.loads(sys.stdin.read())
    out = sys.stdout
    sys.stdout = sys.stderr  # the project prints; stdout carries only our line
    result = run(job)
    out.write("\n" + MARKER + json.dumps(result) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
elif __name__ == "__gsv_doctor_family__":
    _result = run_in_copy(FAMILY_ARGS)  # noqa: F821  (set by gsv_doctor.target)
    _result["section"] = "family"
    sys.__stdout__.write("\n" + FAMILY_ARGS["marker"] + json.dumps(_result, default=str) + "\n")  # noqa: F821
    sys.__stdout__.flush()
