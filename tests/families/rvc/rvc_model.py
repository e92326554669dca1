"""A small model shaped like RVC's inference path, random weights: HuBERT-style features
(conv feature extractor + transformer layer) into the synthesizer's text encoder (attention
through bmm/softmax), a residual coupling flow of gated dilated convolutions (WaveNet) and an
upsampling generator (transposed convolutions, residual blocks) with a sine source.

Standard library and torch only, Python 3.9 syntax: it also runs in Debian's torch 1.13
as a child script (`python rvc_model.py [hook]`), printing one JSON line."""
import json
import math
import sys

import torch
from torch import nn
from torch.nn import functional as F


class EncoderLayer(nn.Module):
    """fairseq's TransformerSentenceEncoderLayer calls F.multi_head_attention_forward (not
    nn.TransformerEncoderLayer, whose fused fast path is one native op)."""

    def __init__(self, dim, heads=4):
        super().__init__()
        self.heads = heads
        self.in_proj = nn.Linear(dim, dim * 3)
        self.out_proj = nn.Linear(dim, dim)
        self.norm1 = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, dim * 2)
        self.fc2 = nn.Linear(dim * 2, dim)
        self.norm2 = nn.LayerNorm(dim)

    def forward(self, x):  # x: (B, T, C)
        t = x.transpose(0, 1)
        attn, _ = F.multi_head_attention_forward(
            t, t, t, t.shape[-1], self.heads, self.in_proj.weight, self.in_proj.bias, None, None, False, 0.0,
            self.out_proj.weight, self.out_proj.bias, training=False, need_weights=False)
        x = self.norm1(x + attn.transpose(0, 1))
        return self.norm2(x + self.fc2(F.gelu(self.fc1(x))))


class FeatureExtractor(nn.Module):  # HuBERT: conv stack, then a transformer layer
    def __init__(self, dim=64):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(1, 32, 10, 5), nn.Conv1d(32, 32, 3, 2), nn.Conv1d(32, 32, 2, 2)])
        self.norm = nn.GroupNorm(32, 32)
        self.project = nn.Linear(32, dim)
        self.layer = EncoderLayer(dim)
        self.final = nn.LayerNorm(dim)

    def forward(self, wav):
        x = wav.unsqueeze(1)
        for i, conv in enumerate(self.convs):
            x = conv(x)
            x = F.gelu(self.norm(x) if i == 0 else x)
        x = self.project(x.transpose(1, 2))
        return self.final(self.layer(x))


class Attention(nn.Module):
    def __init__(self, dim, heads=2):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Conv1d(dim, dim * 3, 1)
        self.out = nn.Conv1d(dim, dim, 1)

    def forward(self, x):  # x: (B, C, T)
        b, c, t = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=1)
        shape = (b * self.heads, c // self.heads, t)
        q, k, v = (y.reshape(shape) for y in (q, k, v))
        scores = torch.bmm(q.transpose(1, 2), k) / math.sqrt(c // self.heads)
        weights = torch.softmax(scores, dim=-1)
        return self.out(torch.bmm(v, weights.transpose(1, 2)).reshape(b, c, t))


class TextEncoder(nn.Module):
    def __init__(self, feature_dim=64, hidden=48):
        super().__init__()
        self.emb = nn.Linear(feature_dim, hidden)
        self.pitch = nn.Embedding(256, hidden)
        self.attn = Attention(hidden)
        self.norm1 = nn.LayerNorm(hidden)
        self.ffn = nn.Sequential(nn.Conv1d(hidden, hidden * 2, 3, padding=1), nn.ReLU(),
                                 nn.Conv1d(hidden * 2, hidden, 3, padding=1))
        self.norm2 = nn.LayerNorm(hidden)
        self.proj = nn.Conv1d(hidden, hidden * 2, 1)

    def forward(self, feats, pitch):
        x = (self.emb(feats) + self.pitch(pitch)).transpose(1, 2)
        x = self.norm1((x + self.attn(x)).transpose(1, 2)).transpose(1, 2)
        x = self.norm2((x + self.ffn(x)).transpose(1, 2)).transpose(1, 2)
        m, logs = self.proj(x).chunk(2, dim=1)
        return m, logs


class WN(nn.Module):  # gated dilated convolutions, as in the flow's coupling layers
    def __init__(self, hidden, layers=3):
        super().__init__()
        self.ins = nn.ModuleList([nn.Conv1d(hidden, hidden * 2, 5, dilation=2 ** i, padding=2 * 2 ** i)
                                  for i in range(layers)])
        self.res = nn.ModuleList([nn.Conv1d(hidden, hidden * 2, 1) for _ in range(layers)])

    def forward(self, x):
        out = torch.zeros_like(x)
        for conv, res in zip(self.ins, self.res):
            a, b = conv(x).chunk(2, dim=1)
            acts = torch.tanh(a) * torch.sigmoid(b)
            skip, residual = res(acts).chunk(2, dim=1)
            x = x + residual
            out = out + skip
        return out


class Coupling(nn.Module):
    def __init__(self, channels):
        super().__init__()
        half = channels // 2
        self.pre = nn.Conv1d(half, half, 1)
        self.enc = WN(half)
        self.post = nn.Conv1d(half, half, 1)

    def forward(self, x):
        x0, x1 = x.chunk(2, dim=1)
        m = self.post(self.enc(self.pre(x0)))
        return torch.cat([x0, x1 - m], dim=1).flip(1)  # the reverse pass, as inference runs it


class Generator(nn.Module):
    def __init__(self, channels, sample_rate=16000):
        super().__init__()
        self.sample_rate = sample_rate
        self.pre = nn.Conv1d(channels, 64, 7, padding=3)
        self.ups = nn.ModuleList([nn.ConvTranspose1d(64, 32, 8, 4, padding=2),
                                  nn.ConvTranspose1d(32, 16, 8, 4, padding=2)])
        self.noise = nn.ModuleList([nn.Conv1d(1, 32, 8, 4, padding=2), nn.Conv1d(1, 16, 1)])
        self.blocks = nn.ModuleList([nn.Conv1d(32, 32, 3, padding=1), nn.Conv1d(16, 16, 3, padding=1)])
        self.post = nn.Conv1d(16, 1, 7, padding=3)
        self.source = nn.Linear(1, 1)

    def forward(self, x, f0):
        upp = 16
        f0_up = F.interpolate(f0.unsqueeze(1), scale_factor=upp, mode="nearest")  # (B, 1, T*upp)
        phase = torch.cumsum(f0_up / self.sample_rate, dim=2)
        sine = torch.sin(2 * math.pi * phase) * 0.1
        har = torch.tanh(self.source(sine.transpose(1, 2))).transpose(1, 2)
        x = self.pre(x)
        for up, noise, block in zip(self.ups, self.noise, self.blocks):
            x = up(F.leaky_relu(x, 0.1))
            x = x + noise(har)
            x = x + block(F.leaky_relu(x, 0.1))
        return torch.tanh(self.post(F.leaky_relu(x)))


class RvcShaped(nn.Module):
    def __init__(self):
        super().__init__()
        self.hubert = FeatureExtractor()
        self.enc = TextEncoder()
        self.flow = nn.ModuleList([Coupling(48), Coupling(48)])
        self.dec = Generator(48)

    def forward(self, wav, pitch, f0):
        feats = self.hubert(wav)
        feats = F.interpolate(feats.transpose(1, 2), scale_factor=2).transpose(1, 2)  # as RVC does
        t = min(feats.shape[1], pitch.shape[1])
        m, logs = self.enc(feats[:, :t], pitch[:, :t])
        z = m + torch.exp(logs) * 0.0  # noise scale 0: deterministic
        for layer in self.flow:
            z = layer(z)
        return self.dec(z, f0[:, :t])


def inputs(dtype=torch.float32):
    g = torch.Generator().manual_seed(0)
    wav = (torch.randn(1, 3200, generator=g) * 0.1).to(dtype)
    pitch = torch.randint(1, 255, (1, 40), generator=g)
    f0 = (torch.rand(1, 40, generator=g) * 200 + 100).to(dtype)
    return wav, pitch, f0


def build():
    torch.manual_seed(0)
    return RvcShaped().eval()


def run(half):
    model = build()
    if half:
        model = model.half()
    with torch.no_grad():
        return model(*inputs(torch.float16 if half else torch.float32))


def compare():
    """(max error of float16 against float32, relative to the output's scale, or the error)."""
    reference = run(False)
    try:
        out = run(True)
    except RuntimeError as error:
        return {"error": str(error)}
    scale = max(1.0, float(reference.abs().max()))
    return {"dtype": str(out.dtype), "max_err": float((out.float() - reference).abs().max()) / scale,
            "finite": bool(torch.isfinite(out).all()), "shape": list(out.shape)}


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "hook":
        sys.path.insert(0, sys.argv[2])
        import hook  # gsv_doctor/hook.py, self-contained, loaded by path
        hook.install(source="test")
    print(json.dumps({"torch": torch.__version__, "result": compare()}))
