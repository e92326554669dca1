"""Does each piece of the probe's workload stand for its part of the real model?

Runs transformers' HubertModel(HubertConfig()) (HuBERT-base, random weights) on 1 s of 16 kHz
audio in each dtype, one thread, and times its parts with forward hooks (this thread's CPU
time): the feature convs 2-7, the encoder layers' attention + feed-forward, and the rest. Then
sizes gsv_doctor.probe's pieces as the probe does and prints, per dtype, each piece's weighted
time next to the part it stands for, and the ratio to float32 both give.

    python benchmarks/probe_calibration.py [--repeats N]
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gsv_doctor import probe  # noqa: E402

DTYPES = ("float32", "float16", "bfloat16")
PART_OF = {"feature_convs": "feature_convs", "feed_forward": "encoder linears"}


def model_parts(repeats: int) -> dict:
    """dtype -> {part: seconds} of HubertModel on 1 s of audio (median of `repeats` runs)."""
    from transformers import HubertConfig, HubertModel

    result = {}
    for dtype in DTYPES:
        torch.manual_seed(0)  # the same weights in every dtype (deepcopy fails on torch 2.0's weight norm)
        m = HubertModel(HubertConfig()).eval().to(getattr(torch, dtype))
        spent = collections.defaultdict(list)
        current = collections.defaultdict(float)

        def timed(part, module):
            begin = {}
            module.register_forward_pre_hook(lambda *_: begin.__setitem__("t", time.thread_time()))
            module.register_forward_hook(
                lambda *_: current.__setitem__(part, current[part] + time.thread_time() - begin["t"]))

        for layer in m.feature_extractor.conv_layers[1:]:
            timed("feature_convs", layer)
        for layer in m.encoder.layers:
            timed("encoder linears", layer.attention)
            timed("encoder linears", layer.feed_forward)
        timed("whole model", m)
        audio = torch.randn(1, 16000).to(getattr(torch, dtype))
        with torch.no_grad():
            try:
                m(audio)  # warm-up
            except RuntimeError as error:  # e.g. float16 convs on torch < 2.1
                print(f"{dtype}: the model does not run: {error}")
                continue
            for _ in range(repeats):
                current.clear()
                m(audio)
                for part, seconds in current.items():
                    spent[part].append(seconds)
        result[dtype] = {part: statistics.median(values) for part, values in spent.items()}
        result[dtype]["rest"] = result[dtype]["whole model"] - result[dtype]["feature_convs"] - result[dtype]["encoder linears"]
    return result


def piece_times(repeats: int, dtypes) -> dict:
    """dtype -> {piece: (frames, weighted seconds)} as the probe sizes and weighs them."""
    torch.set_num_threads(1)
    _, clock = probe._clock("cpu")
    result = {}
    with torch.no_grad():
        for dtype in dtypes:
            result[dtype] = {}
            for name, model_frames, start, largest, make, forward in probe._workload(torch):
                frames, tensors, _ = probe._sized(torch, "cpu", getattr(torch, dtype), clock, start, largest, make, forward,
                                                 probe.MAX_REFERENCE_CALL_S if dtype == "float32" else probe.MAX_CALL_S)
                seconds = statistics.median(probe._call(torch, "cpu", clock, forward, tensors) for _ in range(repeats))
                result[dtype][name] = (frames, seconds * model_frames / frames)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    torch.set_num_threads(1)
    parts = model_parts(options.repeats)
    dtypes = [d for d in DTYPES if d in parts]
    pieces = piece_times(options.repeats * 3, dtypes)
    print(f"{'piece (frames)':28s} " + "  ".join(f"{d:>26s}" for d in dtypes))
    for name, part in PART_OF.items():
        cells = [f"{1000 * pieces[d][name][1]:7.0f} ms ({pieces[d][name][0]:4d}) / {1000 * parts[d][part]:6.0f} ms"
                 for d in dtypes]
        print(f"{name + ' / ' + part:28s} " + "  ".join(f"{c:>26s}" for c in cells))
    print(f"{'left out (rest of model)':28s} " + "  ".join(
        f"{100 * parts[d]['rest'] / parts[d]['whole model']:25.0f}%" for d in dtypes))
    for d in dtypes[1:]:
        stand_in = sum(s for _, s in pieces[d].values()) / sum(s for _, s in pieces["float32"].values())
        covered = (parts[d]["feature_convs"] + parts[d]["encoder linears"]) / (
            parts["float32"]["feature_convs"] + parts["float32"]["encoder linears"])
        whole = parts[d]["whole model"] / parts["float32"]["whole model"]
        print(f"{d} / float32: stand-in {stand_in:.2f}, model's two parts {covered:.2f}, whole model {whole:.2f}")


if __name__ == "__main__":
    main()
