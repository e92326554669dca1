"""A float16 model of every layer type GPT-SoVITS uses, run on the torch of the Python that runs this.

    python tests/real_torch_layers.py      (prints one JSON line)

Run by tests/test_hook_real_torch.py in a child, with Debian's torch 1.13.1 (/usr/bin/python3).
Three runs of the same weights and inputs: float32 (the reference), float16 without the hook
(its error, if any), float16 with the hook installed the way the .pth installs it (catalog,
module layer, and the op scan of this torch build). Half of the work happens inside module
forwards, half outside them (as GPT-SoVITS's decode and infer_panel do), including a weight
used raw with F.linear.
"""
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def weight_norm(module):
    return nn.utils.weight_norm(module)  # the old-style hook, as GPT-SoVITS's vocoders use it


class Block(nn.Module):
    """Convolutions with weight norm, norms, activations, attention, recurrent layers."""

    def __init__(self, channels=32):
        super().__init__()
        self.pre = weight_norm(nn.Conv1d(channels, channels, 5, padding=2))
        self.conv2d = weight_norm(nn.Conv2d(1, 2, 3, padding=1))
        self.up = weight_norm(nn.ConvTranspose1d(channels, channels, 4, stride=2, padding=1))
        self.norm = nn.LayerNorm(channels)
        self.group = nn.GroupNorm(4, channels)
        self.attention = nn.MultiheadAttention(channels, 4, batch_first=True)
        self.lstm = nn.LSTM(channels, channels // 2, batch_first=True, bidirectional=True)
        self.gru = nn.GRU(channels, channels, batch_first=True)
        self.acts = nn.ModuleList([nn.GELU(), nn.LeakyReLU(0.1), nn.Softplus(), nn.Tanh(), nn.Sigmoid(),
                                   nn.SiLU(), nn.Mish()])

    def forward(self, x):  # x: (batch, channels, time)
        h = self.pre(F.pad(x, (3, 3), mode="reflect"))[..., 3:-3]
        h = h + self.conv2d(h.unsqueeze(1)).mean(1)
        h = self.group(h)
        for act in self.acts:
            h = h + 0.1 * act(h)
        t = self.norm(h.transpose(1, 2))
        a, _ = self.attention(t, t, t, need_weights=False)
        t = t + a
        r, _ = self.lstm(t)
        g, _ = self.gru(r)
        h = (t + g).transpose(1, 2).clamp(-4.0, 4.0)
        return self.up(h)[..., ::2]


class Model(nn.Module):
    def __init__(self, vocab=40, channels=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab, channels)
        self.block = Block(channels)
        self.proj = nn.Linear(channels, vocab)
        self.register_buffer("window", torch.hann_window(64))


def run(model, tokens, audio):
    """What GPT-SoVITS does outside module forwards: free ops between submodule calls."""
    dtype = next(model.parameters()).dtype
    x = model.embedding(tokens).transpose(1, 2)  # (1, channels, time)
    h = model.block(x)
    h = F.interpolate(h, scale_factor=2.0, mode="nearest")
    h = torch.tanh(h) * torch.sigmoid(h) + F.softplus(h) - F.leaky_relu(h, 0.2)
    h = torch.exp(-h.abs()) + h.cumsum(-1) * 0.01
    logits = F.linear(h.transpose(1, 2), model.proj.weight, model.proj.bias)  # a weight used raw
    logits = logits.clamp(min=-20.0)
    log_probs = F.log_softmax(logits, dim=-1)
    probs = torch.softmax(logits / 0.8, dim=-1)
    top_values, top_index = torch.topk(logits[0, -1], 5)
    torch.manual_seed(0)
    sample = torch.multinomial(F.softmax(top_values.float() if dtype is torch.float32 else top_values, dim=-1), 1)
    window = model.window
    spectrum = torch.stft(audio, 64, hop_length=16, window=window, return_complex=True, pad_mode="reflect")
    magnitude = torch.sqrt(torch.view_as_real(spectrum).pow(2).sum(-1) + 1e-6)
    back = torch.istft(spectrum, 64, hop_length=16, window=window, length=audio.shape[-1])
    return {"hidden": h, "log_probs": log_probs, "probs": probs, "top": top_index, "sample": top_index[sample],
            "magnitude": magnitude, "istft": back}


def snr_db(reference, test):
    reference, test = reference.double(), test.double()
    noise = float(((reference - test) ** 2).sum())
    signal = float((reference ** 2).sum())
    if not torch.isfinite(test).all():
        return -1.0
    return 200.0 if noise == 0 else 10.0 * float(torch.log10(torch.tensor(signal / noise)))


def main():
    torch.manual_seed(0)
    model = Model().eval()
    tokens = torch.randint(0, 40, (1, 48))
    audio = torch.randn(1, 2048) * 0.3
    result = {"torch": torch.__version__}
    with torch.no_grad():
        reference = run(model, tokens, audio)
    half_model = Model().eval()
    half_model.load_state_dict(model.state_dict())
    half_model.half()
    try:
        with torch.no_grad():
            run(half_model, tokens, audio.half())
        result["unhooked"] = "ran"
    except Exception as error:
        result["unhooked"] = "%s: %s" % (type(error).__name__, str(error).splitlines()[0])

    from gsv_doctor import hook

    state = hook.install_for_this_torch(torch)
    result["hook_ops"] = len(state["ops"])
    result["scan"] = state["scan"]
    with torch.no_grad():
        hooked = run(half_model, tokens, audio.half())
    result["dtypes"] = dict((key, str(value.dtype)) for key, value in hooked.items())
    result["snr_db"] = dict((key, snr_db(reference[key].float(), hooked[key].float()))
                            for key in ("hidden", "log_probs", "probs", "magnitude", "istft"))
    result["top_equal"] = bool(torch.equal(reference["top"], hooked["top"]))
    result["sample_equal"] = bool(torch.equal(reference["sample"], hooked["sample"]))
    result["half_weights_left"] = sum(1 for p in half_model.parameters() if p.dtype is torch.float16)
    # A model made float16 after the hook is in place (the .pth case): .half() keeps float32.
    late = Model().eval()
    late.load_state_dict(model.state_dict())
    late.half()
    with torch.no_grad():
        kept = run(late, tokens, audio.half())
    result["late_snr_db"] = dict((key, snr_db(reference[key].float(), kept[key].float()))
                                 for key in ("hidden", "log_probs", "probs", "magnitude", "istft"))
    result["late_top_equal"] = bool(torch.equal(reference["top"], kept["top"]))
    result["late_half_weights"] = sum(1 for p in late.parameters() if p.dtype is torch.float16)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
