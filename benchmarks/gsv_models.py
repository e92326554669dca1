"""GPT-SoVITS's own model classes on the torch at hand: float32, native float16, float16 + hook.

    python benchmarks/gsv_models.py --gsv /path/to/GPT-SoVITS [--repeats 3] [--threads 1]
        [--components hubert,extract_latent,decode,t2s,vocoder_v4,cfm_v4,spectrogram,pipeline]
        [--native once|skip] [--no-rss]

Nothing of GPT-SoVITS is copied here: its modules are imported from the checkout given
(GPT_SoVITS/ on sys.path, as its own scripts do) and built with random weights from its own
config files (configs/s2.json for SoVITS v2, configs/s1longer-v2.yaml for the AR model; the v4
CFM and vocoder with the constructor arguments its TTS.py uses). CNHubert is transformers'
HubertModel(HubertConfig()), the model CNHubert wraps, with the default (base) config.

Per component it prints: error against float32 (SNR in dB for features and audio, share of
equal codes / tokens), and time ratios measured interleaved (float32, hooked, float32 with the
hook installed; one round after the other) as median and spread over the rounds. Native
float16 (no hook) runs once: it is slow or fails. The hook is installed the way the .pth
does it (install_for_this_torch: catalog, modules, this torch's op scan), and the float16
models are made with .half() after it, as in a program started with the hook. Peak RSS is
measured in child processes, one per variant, for the whole v2 pipeline.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

COMPONENTS = ("hubert", "extract_latent", "decode", "t2s", "vocoder_v4", "cfm_v4", "spectrogram", "pipeline")


def setup_gsv(gsv):
    root = os.path.abspath(gsv)
    sys.path[:0] = [os.path.join(root, "GPT_SoVITS"), root]
    os.chdir(root)


def snr_db(reference, test):
    import torch

    reference, test = reference.double().flatten(), test.double().flatten()
    n = min(reference.numel(), test.numel())
    reference, test = reference[:n], test[:n]
    if not torch.isfinite(test).all():
        return "inf/nan in %d values" % int((~torch.isfinite(test)).sum())
    noise = float(((reference - test) ** 2).sum())
    return 200.0 if noise == 0 else round(10.0 * float(torch.log10(torch.tensor(float((reference ** 2).sum()) / noise))), 1)


def agreement(reference, test):
    reference, test = reference.flatten(), test.flatten()
    n = min(reference.numel(), test.numel())
    if n == 0:
        return "0/0"
    return "%d/%d" % (int((reference[:n] == test[:n]).sum()), max(reference.numel(), test.numel()))


# -- builders: (make(dtype_half) -> model, inputs(half) -> args, call(model, args) -> output, judge) --

class Components(object):
    def __init__(self, seconds):
        import torch
        import yaml

        self.torch = torch
        self.seconds = seconds
        with open("GPT_SoVITS/configs/s2.json") as handle:
            self.s2 = json.load(handle)
        with open("GPT_SoVITS/configs/s1longer-v2.yaml") as handle:
            self.s1 = yaml.safe_load(handle)
        self.states = {}
        generator = torch.Generator().manual_seed(1)
        self.audio16k = torch.randn(1, int(16000 * seconds), generator=generator) * 0.1
        self.audio32k = (torch.randn(1, int(32000 * seconds), generator=generator) * 0.3).clamp(-1, 1)
        self.frames = int(50 * seconds)
        self.phones = torch.randint(1, 700, (1, int(12 * seconds)), generator=generator)
        self.codes = torch.randint(0, 1024, (1, 1, self.frames // 2), generator=generator)
        self.bert = torch.randn(1, 1024, self.phones.shape[1], generator=generator) * 0.1
        self.mel = torch.randn(1, 100, self.frames, generator=generator) * 0.5 - 4

    def _build(self, name, factory, half):
        torch = self.torch
        if name not in self.states:
            torch.manual_seed(0)
            model = factory().eval()
            self.states[name] = model.state_dict()
            return model.half() if half else model
        model = factory().eval()
        model.load_state_dict(self.states[name])
        return model.half() if half else model

    def hubert(self):
        import transformers

        return transformers.HubertModel(transformers.HubertConfig())

    def sovits(self):
        from module.models import SynthesizerTrn

        data, model = self.s2["data"], dict(self.s2["model"])
        model.update(version="v2", semantic_frame_rate="25hz")
        synthesizer = SynthesizerTrn(data["filter_length"] // 2 + 1,
                                     self.s2["train"]["segment_size"] // data["hop_length"],
                                     n_speakers=data["n_speakers"], **model)
        for name, buffer in synthesizer.named_buffers():
            if name.endswith("inited"):  # a trained codebook is initialised (else: k-means over a process group)
                buffer.fill_(1)
        return synthesizer

    def t2s(self):
        from AR.models.t2s_model import Text2SemanticDecoder

        return Text2SemanticDecoder(config=self.s1, top_k=self.s1["inference"]["top_k"])

    def vocoder_v4(self):
        from module.models import Generator

        model = Generator(initial_channel=100, resblock="1", resblock_kernel_sizes=[3, 7, 11],
                          resblock_dilation_sizes=[[1, 3, 5], [1, 3, 5], [1, 3, 5]], upsample_rates=[10, 6, 2, 2, 2],
                          upsample_initial_channel=512, upsample_kernel_sizes=[20, 12, 4, 4, 4], gin_channels=0,
                          is_bias=True)
        model.remove_weight_norm()  # as TTS.init_vocoder does
        return model

    def cfm_v4(self):
        from module.models import CFM
        from f5_tts.model import DiT

        return CFM(100, DiT(**dict(dim=1024, depth=22, heads=16, ff_mult=2, text_dim=512, conv_layers=4)))

    # Each: (models to build, function(models, half) -> output, kind of comparison)
    def plan(self, name):
        torch = self.torch
        h = (lambda t, half: t.half() if half else t)

        def spec(audio, half):
            from module.mel_processing import spectrogram_torch

            data = self.s2["data"]
            return spectrogram_torch(h(audio, half), data["filter_length"], data["sampling_rate"], data["hop_length"],
                                     data["win_length"], center=False)

        def features(models, half):
            return models["hubert"](h(self.audio16k, half))["last_hidden_state"].transpose(1, 2)

        def t2s_tokens(model, prompt, half):
            torch.manual_seed(3)
            y, _ = model.infer_panel(self.phones, torch.LongTensor([self.phones.shape[1]]), prompt,
                                     h(self.bert, half), top_k=15, top_p=1, early_stop_num=24, temperature=1.0)
            return y[:, prompt.shape[1]:]

        def decode(model, codes, refer, half):
            torch.manual_seed(4)
            return model.decode(codes, self.phones, refer, noise_scale=0.5)

        if name == "hubert":
            return ["hubert"], features, "snr"
        if name == "extract_latent":
            feats = None

            def run(models, half):
                nonlocal feats
                if feats is None:  # the same float32 features for every variant
                    torch.manual_seed(0)
                    with torch.no_grad():
                        feats = torch.randn(1, 768, self.frames)
                return models["sovits"].extract_latent(h(feats, half))
            return ["sovits"], run, "codes"
        if name == "decode":
            return ["sovits"], lambda models, half: decode(models["sovits"], self.codes, h(spec(self.audio32k, False), half),
                                                          half), "snr"
        if name == "t2s":
            return ["t2s"], lambda models, half: t2s_tokens(models["t2s"], self.codes[0], half), "codes"
        if name == "vocoder_v4":
            return ["vocoder_v4"], lambda models, half: models["vocoder_v4"](h(self.mel, half)), "snr"
        if name == "cfm_v4":
            def run(models, half):
                torch.manual_seed(5)
                T = self.frames
                mu = torch.randn(1, T, 512, generator=torch.Generator().manual_seed(6)) * 0.5
                prompt = torch.randn(1, 100, T // 3, generator=torch.Generator().manual_seed(7))
                return models["cfm_v4"].inference(h(mu, half), torch.LongTensor([T]), h(prompt, half), 4,
                                                  inference_cfg_rate=0)
            return ["cfm_v4"], run, "snr"
        if name == "spectrogram":
            return [], lambda models, half: spec(self.audio32k, half), "snr"
        if name == "pipeline":
            def run(models, half):
                feats = features(models, half)
                codes = models["sovits"].extract_latent(feats)
                tokens = t2s_tokens(models["t2s"], codes[0, 0, :].unsqueeze(0) if codes.dim() == 3 else codes[0],
                                    half)
                refer = h(spec(self.audio32k, False), half)
                return decode(models["sovits"], tokens.unsqueeze(0), refer, half)
            return ["hubert", "sovits", "t2s"], run, "snr"
        raise ValueError(name)

    def models(self, names, half):
        return dict((name, self._build(name, getattr(self, name), half)) for name in names)


def timed(function, *args):
    import torch

    with torch.no_grad():
        start = time.process_time()
        output = function(*args)
        return time.process_time() - start, output


def compare(kind, reference, output):
    if isinstance(output, str):
        return output
    if kind == "codes":
        return agreement(reference, output)
    return snr_db(reference.float(), output.float())


def bench(args):
    import torch
    from gsv_doctor import hook

    torch.set_num_threads(args.threads)
    parts = Components(args.seconds)
    rows = []
    for name in args.components:
        needed, run, kind = parts.plan(name)
        row = {"component": name}
        try:
            f32 = parts.models(needed, False)
            t, reference = timed(run, f32, False)
            if args.native == "once":
                hook.uninstall()
                f16 = parts.models(needed, True)
                try:
                    t16, native = timed(run, f16, True)
                    row["native_f16"] = "%s, %.1fx" % (compare(kind, reference, native), t16 / t)
                except Exception as error:
                    row["native_f16"] = "fails: %s" % str(error).splitlines()[0][:80]
                del f16
            hook.install_for_this_torch(torch)
            hooked = parts.models(needed, True)  # .half() after the hook, as under the .pth
            times = {"f32": [], "hooked": [], "f32_hook": []}
            result = None
            for _ in range(args.repeats):
                hook.uninstall()
                times["f32"].append(timed(run, f32, False)[0])
                hook.install_for_this_torch(torch)
                elapsed, result = timed(run, hooked, True)
                times["hooked"].append(elapsed)
                times["f32_hook"].append(timed(run, f32, False)[0])
            row["hooked_error"] = compare(kind, reference, result)
            row["hooked_dtype"] = str(result.dtype).replace("torch.", "")
            row["hooked/f32"] = ratio(times["hooked"], times["f32"])
            row["f32 hook/no hook"] = ratio(times["f32_hook"], times["f32"])
            row["f32_s"] = round(statistics.median(times["f32"]), 2)
            del hooked, f32
        except Exception as error:
            row["error"] = "%s: %s" % (type(error).__name__, str(error).splitlines()[0][:120])
        finally:
            hook.uninstall()
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def ratio(numerator, denominator):
    ratios = [a / b for a, b in zip(numerator, denominator)]
    return "%.2f (%.2f-%.2f)" % (statistics.median(ratios), min(ratios), max(ratios))


def rss_child(args):
    """One variant of the whole v2 pipeline in this process; prints its peak RSS (MiB)."""
    import torch
    from gsv_doctor import hook

    torch.set_num_threads(args.threads)
    parts = Components(args.seconds)
    half = args.rss_child != "float32"
    if args.rss_child == "hooked":
        hook.install_for_this_torch(torch)
    needed, run, _ = parts.plan("pipeline")
    models = parts.models(needed, half)
    with torch.no_grad():
        run(models, half)
    print(json.dumps({"variant": args.rss_child, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def rss(args):
    peaks = {"float32": [], "hooked": []}
    for _ in range(2):
        for variant in ("float32", "hooked"):
            done = subprocess.run([sys.executable, os.path.abspath(__file__), "--gsv", args.gsv, "--rss-child", variant,
                                   "--seconds", str(args.seconds), "--threads", str(args.threads)],
                                  capture_output=True, text=True)
            try:
                peaks[variant].append(json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mib"])
            except (IndexError, ValueError, KeyError):
                print("rss child failed:", done.stderr[-500:])
                return
    f32, hooked = statistics.median(peaks["float32"]), statistics.median(peaks["hooked"])
    print(json.dumps({"peak_rss_mib_float32": peaks["float32"], "peak_rss_mib_hooked": peaks["hooked"],
                      "hooked/float32": round(hooked / f32, 3)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsv", required=True, help="a GPT-SoVITS checkout (the folder holding GPT_SoVITS/)")
    parser.add_argument("--components", default=",".join(COMPONENTS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=2.0, help="length of the audio inputs")
    parser.add_argument("--native", choices=("once", "skip"), default="once")
    parser.add_argument("--no-rss", action="store_true")
    parser.add_argument("--rss-child", choices=("float32", "hooked"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.components = [c for c in args.components.split(",") if c]
    args.gsv = os.path.abspath(args.gsv)
    import warnings

    warnings.simplefilter("ignore")
    setup_gsv(args.gsv)
    if args.rss_child:
        return rss_child(args)
    import torch

    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "seconds": args.seconds,
                      "repeats": args.repeats}))
    bench(args)
    if not args.no_rss:
        rss(args)


if __name__ == "__main__":
    main()
