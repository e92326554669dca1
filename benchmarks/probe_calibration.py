"""How the probe's workload weights were found: each piece of gsv_doctor.probe's workload
against the part of HuBERT-base (1 s of 16 kHz audio) it stands for, at the model's real
shapes, in one thread, per dtype. A piece's weight should be (model part time) / (piece time),
and the same in every dtype; the last columns show how far apart the dtypes put it.

    python benchmarks/probe_calibration.py [--rounds N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gsv_doctor import probe  # noqa: E402

F = torch.nn.functional
DTYPES = ("float32", "float16", "bfloat16")


def model_parts():
    """name -> (float32 tensors, forward) for the real HuBERT-base shapes of each piece."""
    g = torch.Generator().manual_seed(1)

    def r(*shape):
        return torch.randn(*shape, generator=g)

    hidden = 768

    def conv1(t):
        return F.gelu(F.group_norm(F.conv1d(t["x"], t["w"], stride=5), 512, t["g"], t["b"]))

    def convs(t):
        h = t["x"]
        for index in range(6):
            h = F.gelu(F.conv1d(h, t["w%d" % index], stride=2))
        return h

    def pos(t):
        return F.gelu(F.conv1d(t["x"], t["w"], t["b"], padding=64, groups=16))

    def linears(t):
        x = t["x"]
        for _ in range(12):
            for name in ("q", "k", "v", "o"):
                F.linear(x, t[name])
            F.linear(F.linear(x, t["f1"]), t["f2"])
        return x

    def rest(t):
        for _ in range(12):
            def split(y):
                return y.reshape(1, 49, 12, 64).transpose(1, 2)

            a = F.softmax(torch.matmul(split(t["q"]), split(t["q"]).transpose(-1, -2)) * 0.125, dim=-1)
            h = torch.matmul(a, split(t["q"])).transpose(1, 2).reshape(1, 49, hidden)
            h = F.layer_norm(h + t["q"], (hidden,), t["g"], t["b"])
            F.layer_norm(h + F.gelu(t["ff"])[..., :hidden], (hidden,), t["g"], t["b"])
        return h

    k3 = {"w%d" % i: r(512, 512, 3) * 0.03 for i in range(4)}
    k2 = {"w%d" % i: r(512, 512, 2) * 0.03 for i in (4, 5)}
    del rest  # not a piece: under 3% of the model in every dtype (measured with it here before)
    return {
        "feature_conv1": ({"x": r(1, 1, 16000), "w": r(512, 1, 10) * 0.3, "g": r(512), "b": r(512)}, conv1),
        "feature_convs": (dict(x=r(1, 512, 3199), **k3, **k2), convs),
        "pos_conv": ({"x": r(1, hidden, 49), "w": r(hidden, 48, 128) * 0.01, "b": r(hidden)}, pos),
        "encoder_linear": ({"x": r(1, 49, hidden), "q": r(hidden, hidden), "k": r(hidden, hidden),
                            "v": r(hidden, hidden), "o": r(hidden, hidden), "f1": r(3072, hidden) * 0.03,
                            "f2": r(hidden, 3072) * 0.03}, linears),
    }


def timed(forward, tensors):
    start = time.perf_counter()
    forward(tensors)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    torch.set_num_threads(1)
    parts = model_parts()
    pieces = {name: (weight, tensors, forward) for name, weight, tensors, forward in probe._workload(torch)}
    print(f"{'piece':15s} {'weight':>7s}   " + "   ".join(f"{d + ' model/piece':>22s}" for d in DTYPES))
    with torch.no_grad():
        for name, (tensors, forward) in parts.items():
            weight, piece_tensors, piece_forward = pieces[name]
            cells = []
            for dtype in DTYPES:
                cast = {k: v.to(getattr(torch, dtype)) for k, v in tensors.items()}
                piece = {k: v.to(getattr(torch, dtype)) for k, v in piece_tensors.items()}
                forward(cast)
                piece_forward(piece)
                model_times, piece_times = [], []
                for _ in range(options.rounds):  # interleaved
                    model_times.append(timed(forward, cast))
                    piece_times.append(statistics.median(timed(piece_forward, piece) for _ in range(3)))
                model_s, piece_s = statistics.median(model_times), statistics.median(piece_times)
                cells.append(f"{model_s:7.3f}s/{piece_s * 1000:7.2f}ms={model_s / piece_s:6.1f}")
            print(f"{name:15s} {weight:7.1f}   " + "   ".join(cells))


if __name__ == "__main__":
    main()
