#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/bench_models.cpp written against Python torch (Debian's python3-torch, the same
LibTorch 1.13 the C++ core links), so the two can be timed side by side.

Every module below mirrors its C++ counterpart in core/model layer by layer: same submodule and
parameter names, same shapes, same ops in the same order (including the LibTorch 1.13 matmul
attention path of detail::attention). The bench prints the parameter count and a digest of the
sorted "name:shape" list; bench/run.sh fails if they differ from the C++ ones.

Rows, sizes, thread settings, timing (median of R after W warm-ups), memory figures and the JSON
layout are those of bench_models.cpp; run `bench_models.py --help`.

Run with /usr/bin/python3 (the `python3` on PATH may be an interpreter without torch).
"""

import argparse
import ctypes
import dataclasses
import json
import math
import re
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

NUM_CLASSES = 4
FLOW_TIME_SCALE = 1000.0  # kFlowTimeScale (diffusion/DenoiseFn.h)


# --- configs (model/VAEConfig.cpp, model/DenoiserConfig.cpp) -----------------------------------


@dataclasses.dataclass
class VAEConfig:
    in_channels: int = 3
    out_channels: int = 3
    base_channels: int = 16
    channel_multipliers: tuple = (1, 2, 2)
    res_blocks: int = 1
    latent_channels: int = 4
    mid_attention: bool = False
    encoder_norm: str = "group"
    decoder_norm: str = "group"
    norm_groups: int = 8
    logvar_min: float = -30.0
    logvar_max: float = 20.0
    decoder_temporal: bool = False

    def downsample_factor(self):
        return 1 << (len(self.channel_multipliers) - 1)

    @staticmethod
    def preset(name):
        c = VAEConfig()
        if name == "demo":
            return c
        if name == "small":
            c.base_channels = 32
            c.norm_groups = 8
            c.channel_multipliers = (1, 2, 2)
            c.res_blocks = 2
            c.latent_channels = 8
            return c
        if name == "base":
            c.base_channels = 128
            c.channel_multipliers = (1, 2, 4, 4)
            c.res_blocks = 2
            c.latent_channels = 8
            c.mid_attention = True
            c.norm_groups = 32
            c.decoder_temporal = True
            return c
        raise ValueError(f"vae preset: '{name}' is not demo, small or base")


@dataclasses.dataclass
class DenoiserConfig:
    latent_channels: int = 4
    base_channels: int = 32
    channel_multipliers: tuple = (1, 2)
    res_blocks: int = 1
    attention_levels: tuple = ()
    temporal_attention: bool = True
    heads: int = 4
    num_classes: int = 0
    label_dropout: float = 0.1
    dropout: float = 0.0
    norm_groups: int = 8

    @staticmethod
    def preset(name):
        c = DenoiserConfig()
        if name == "demo":
            return c
        if name == "small":
            c.base_channels = 64
            c.channel_multipliers = (1, 2, 2)
            c.res_blocks = 2
            c.attention_levels = (2,)
            return c
        if name == "base":
            c.latent_channels = 8
            c.base_channels = 128
            c.channel_multipliers = (1, 2, 3, 4)
            c.res_blocks = 2
            c.attention_levels = (2, 3)
            c.heads = 8
            c.norm_groups = 32
            return c
        raise ValueError(f"denoiser preset: '{name}' is not demo, small or base")


# --- helpers (model/detail/Frames.cpp, model/detail/Attention.cpp) -----------------------------


def fold_frames(x):
    """[B,C,T,H,W] -> [B*T,C,H,W]"""
    s = x.shape
    return x.permute(0, 2, 1, 3, 4).reshape(s[0] * s[2], s[1], s[3], s[4])


def unfold_frames(x, batch):
    """[B*T,C,H,W] -> [B,C,T,H,W]"""
    s = x.shape
    return x.view(batch, s[0] // batch, s[1], s[2], s[3]).permute(0, 2, 1, 3, 4)


def attention(q, k, v):
    # The LibTorch 1.13 branch of detail::attention (no fused kernel before 2.0).
    scale = 1.0 / math.sqrt(float(q.size(-1)))
    w = torch.softmax(torch.matmul(q * scale, k.transpose(-2, -1)), -1)
    return torch.matmul(w, v)


def sinusoidal_embedding(positions, dim, max_period=10000.0):
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=torch.float32,
                                                           device=positions.device) / float(half))
    args = positions.to(torch.float32).unsqueeze(1) * freqs.unsqueeze(0)
    emb = torch.cat([torch.cos(args), torch.sin(args)], 1)
    if dim % 2 == 1:
        emb = torch.cat([emb, torch.zeros(emb.size(0), 1, dtype=torch.float32,
                                          device=positions.device)], 1)
    return emb


# --- layers (model/*.cpp) ----------------------------------------------------------------------


class NormLayer(nn.Module):
    """model/NormLayer: GroupNorm, channel RMS norm with a gain, or identity."""

    def __init__(self, kind, channels, groups=8, eps=1e-6):
        super().__init__()
        if kind == "group" and (groups <= 0 or channels % groups != 0):
            raise ValueError(f"norm_groups: {groups} does not divide {channels} channels")
        self.kind = kind
        self.channels = channels
        self.groups = groups
        self.eps = eps
        if kind != "none":
            self.weight = nn.Parameter(torch.ones(channels))
        if kind == "group":
            self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        if self.kind == "group":
            return F.group_norm(x, self.groups, self.weight, self.bias, self.eps)
        if self.kind == "channel":
            shape = [1] * x.dim()
            shape[1] = self.channels
            rms = torch.rsqrt(x.pow(2).mean(1, True) + self.eps)
            return x * rms * self.weight.view(shape)
        return x


class ResBlock2d(nn.Module):
    """model/ResBlock2d: norm1, conv1, emb_proj, norm2, dropout, conv2, skip."""

    def __init__(self, in_ch, out_ch, norm="group", groups=8, embedding_dim=0, dropout=0.0,
                 zero_init_out=False):
        super().__init__()
        self.norm1 = NormLayer(norm, in_ch, groups)
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.emb_proj = nn.Linear(embedding_dim, 2 * out_ch) if embedding_dim > 0 else None
        self.norm2 = NormLayer(norm, out_ch, groups)
        self.dropout = nn.Dropout(dropout)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1)
        if zero_init_out:
            with torch.no_grad():
                self.conv2.weight.zero_()
                self.conv2.bias.zero_()
        self.skip = nn.Conv2d(in_ch, out_ch, 1) if in_ch != out_ch else None

    def forward(self, x, emb=None):
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.norm2(h)
        if self.emb_proj is not None and emb is not None:
            ss = self.emb_proj(F.silu(emb)).unsqueeze(-1).unsqueeze(-1).chunk(2, 1)
            h = h * (1 + ss[0]) + ss[1]
        h = self.conv2(self.dropout(F.silu(h)))
        return (self.skip(x) if self.skip is not None else x) + h


class Downsample2d(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, stride=2, padding=1)

    def forward(self, x):
        return self.conv(x)


class Upsample2d(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=(2.0, 2.0), mode="nearest"))


class SpatialAttention(nn.Module):
    """model/SpatialAttention: norm, qkv (1x1 conv), proj_out (1x1 conv)."""

    def __init__(self, channels, heads, norm, groups, zero_init_out):
        super().__init__()
        if heads <= 0 or channels % heads != 0:
            raise ValueError(f"heads: {heads} does not divide {channels} channels")
        self.heads = heads
        self.norm = NormLayer(norm, channels, groups)
        self.qkv = nn.Conv2d(channels, 3 * channels, 1)
        self.proj_out = nn.Conv2d(channels, channels, 1)
        if zero_init_out:
            with torch.no_grad():
                self.proj_out.weight.zero_()
                self.proj_out.bias.zero_()

    def forward(self, x):
        n, c, h, w = x.shape
        d = c // self.heads
        qkv = self.qkv(self.norm(x)).view(n, 3, self.heads, d, h * w).transpose(-2, -1).unbind(1)
        out = attention(qkv[0], qkv[1], qkv[2])
        return x + self.proj_out(out.transpose(-2, -1).reshape(n, c, h, w))


class TemporalConv(nn.Module):
    """model/TemporalConv: x + conv_(3,1)(SiLU(norm(x))) along frames, replicate padding."""

    def __init__(self, channels, norm, groups, causal):
        super().__init__()
        self.causal = causal
        self.norm = NormLayer(norm, channels, groups)
        self.conv = nn.Conv2d(channels, channels, (3, 1))
        with torch.no_grad():
            self.conv.weight.zero_()
            self.conv.bias.zero_()

    def forward(self, x):
        b, c, t, h, w = x.shape
        y = F.silu(self.norm(x))
        first = y.narrow(2, 0, 1)
        last = y.narrow(2, t - 1, 1)
        y = torch.cat([first, first, y], 2) if self.causal else torch.cat([first, y, last], 2)
        y = self.conv(y.reshape(b, c, t + 2, h * w))
        return x + y.view(b, c, t, h, w)


class TemporalAttention(nn.Module):
    """model/TemporalAttention: norm (GroupNorm), qkv (Linear), proj_out (Linear)."""

    def __init__(self, channels, heads, groups):
        super().__init__()
        if heads <= 0 or channels % heads != 0:
            raise ValueError(f"heads: {heads} does not divide {channels} channels")
        self.heads = heads
        self.norm = nn.GroupNorm(groups, channels, eps=1e-6)
        self.qkv = nn.Linear(channels, 3 * channels)
        self.proj_out = nn.Linear(channels, channels)
        with torch.no_grad():
            self.proj_out.weight.zero_()
            self.proj_out.bias.zero_()

    def forward(self, x):
        b, c, t, h, w = x.shape
        d = c // self.heads
        y = self.norm(x).permute(0, 3, 4, 2, 1).reshape(b * h * w, t, c)
        y = y + sinusoidal_embedding(torch.arange(t, dtype=x.dtype, device=x.device),
                                     c).to(y.dtype)
        qkv = self.qkv(y).view(b * h * w, t, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        out = attention(qkv[0], qkv[1], qkv[2])
        out = self.proj_out(out.transpose(1, 2).reshape(b * h * w, t, c))
        return x + out.view(b, h, w, t, c).permute(0, 4, 3, 1, 2)


class TimestepEmbedding(nn.Module):
    def __init__(self, frequency_dim, embedding_dim):
        super().__init__()
        self.frequency_dim = frequency_dim
        self.linear_1 = nn.Linear(frequency_dim, embedding_dim)
        self.linear_2 = nn.Linear(embedding_dim, embedding_dim)

    def forward(self, t):
        freqs = sinusoidal_embedding(t, self.frequency_dim)
        return self.linear_2(F.silu(self.linear_1(freqs.to(self.linear_1.weight.dtype))))


class SpaceTimeBlock(nn.Module):
    """model/SpaceTimeBlock: res, temporal_conv, spatial_attn, temporal_attn."""

    def __init__(self, in_ch, out_ch, embedding_dim, groups, heads, dropout, spatial_attention,
                 temporal_attention):
        super().__init__()
        self.res = ResBlock2d(in_ch, out_ch, "group", groups, embedding_dim, dropout, True)
        self.temporal_conv = TemporalConv(out_ch, "group", groups, False)
        self.spatial_attn = (SpatialAttention(out_ch, heads, "group", groups, True)
                             if spatial_attention else None)
        self.temporal_attn = (TemporalAttention(out_ch, heads, groups)
                              if temporal_attention else None)

    def forward(self, x, emb, batch):
        h = self.res(x, emb)
        clip = self.temporal_conv(unfold_frames(h, batch))
        if self.spatial_attn is not None:
            h = self.spatial_attn(fold_frames(clip))
            clip = unfold_frames(h, batch)
        if self.temporal_attn is not None:
            clip = self.temporal_attn(clip)
        return fold_frames(clip)


# --- VAE (model/VAEEncoder.cpp, model/VAEDecoder.cpp, model/VAE.cpp, model/LatentNorm.cpp) ------


class VAEEncoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        norm = c.encoder_norm
        ch = c.base_channels
        self.conv_in = nn.Conv2d(c.in_channels, ch, 3, padding=1)
        self.down_blocks = nn.ModuleList()
        self.downsamplers = nn.ModuleList()
        self.levels = []  # plain list: views into down_blocks, not registered twice
        n = len(c.channel_multipliers)
        for i in range(n):
            out = c.base_channels * c.channel_multipliers[i]
            level = []
            for _ in range(c.res_blocks):
                block = ResBlock2d(ch, out, norm, c.norm_groups)
                self.down_blocks.append(block)
                level.append(block)
                ch = out
            self.levels.append(level)
            if i + 1 < n:
                self.downsamplers.append(Downsample2d(ch))
        self.mid_block_1 = ResBlock2d(ch, ch, norm, c.norm_groups)
        self.mid_attn = (SpatialAttention(ch, 1, norm, c.norm_groups, False)
                         if c.mid_attention else None)
        self.mid_block_2 = ResBlock2d(ch, ch, norm, c.norm_groups)
        self.norm_out = NormLayer(norm, ch, c.norm_groups)
        self.conv_out = nn.Conv2d(ch, 2 * c.latent_channels, 3, padding=1)

    def forward(self, frames):
        h = self.conv_in(frames)
        for i, level in enumerate(self.levels):
            for block in level:
                h = block(h)
            if i < len(self.downsamplers):
                h = self.downsamplers[i](h)
        h = self.mid_block_1(h)
        if self.mid_attn is not None:
            h = self.mid_attn(h)
        h = self.mid_block_2(h)
        return self.conv_out(F.silu(self.norm_out(h)))


class VAEDecoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        norm = c.decoder_norm
        levels = len(c.channel_multipliers)
        ch = c.base_channels * c.channel_multipliers[-1]
        self.conv_in = nn.Conv2d(c.latent_channels, ch, 3, padding=1)
        self.mid_block_1 = ResBlock2d(ch, ch, norm, c.norm_groups)
        self.mid_attn = (SpatialAttention(ch, 1, norm, c.norm_groups, False)
                         if c.mid_attention else None)
        self.mid_block_2 = ResBlock2d(ch, ch, norm, c.norm_groups)
        self.mid_temporal = (TemporalConv(ch, norm, c.norm_groups, True)
                             if c.decoder_temporal else None)
        self.up_blocks = nn.ModuleList()
        self.up_temporal = nn.ModuleList()
        self.upsamplers = nn.ModuleList()
        self.levels = []  # deepest first
        for i in range(levels - 1, -1, -1):
            out = c.base_channels * c.channel_multipliers[i]
            level = []
            for _ in range(c.res_blocks + 1):
                block = ResBlock2d(ch, out, norm, c.norm_groups)
                self.up_blocks.append(block)
                level.append(block)
                ch = out
            self.levels.append(level)
            if c.decoder_temporal:
                self.up_temporal.append(TemporalConv(ch, norm, c.norm_groups, True))
            if i > 0:
                self.upsamplers.append(Upsample2d(ch))
        self.norm_out = NormLayer(norm, ch, c.norm_groups)
        self.conv_out = nn.Conv2d(ch, c.out_channels, 3, padding=1)

    def forward(self, z):
        batch = z.size(0)

        def temporal(layer, h):
            return fold_frames(layer(unfold_frames(h, batch)))

        h = self.conv_in(fold_frames(z))
        h = self.mid_block_1(h)
        if self.mid_attn is not None:
            h = self.mid_attn(h)
        h = self.mid_block_2(h)
        if self.mid_temporal is not None:
            h = temporal(self.mid_temporal, h)
        for i, level in enumerate(self.levels):
            for block in level:
                h = block(h)
            if i < len(self.up_temporal):
                h = temporal(self.up_temporal[i], h)
            if i < len(self.upsamplers):
                h = self.upsamplers[i](h)
        h = self.conv_out(F.silu(self.norm_out(h)))
        return unfold_frames(h, batch)


class LatentNorm(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.register_buffer("mean", torch.zeros(channels))
        self.register_buffer("std", torch.ones(channels))


class VAE(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.encoder = VAEEncoder(c)
        self.decoder = VAEDecoder(c)
        self.latent_norm = LatentNorm(c.latent_channels)

    def encode(self, x):
        f = self.config.downsample_factor()
        if x.dim() != 5 or x.size(1) != self.config.in_channels or x.size(3) % f or x.size(4) % f:
            raise ValueError(f"VAE.encode: bad shape {tuple(x.shape)}")
        moments = unfold_frames(self.encoder(fold_frames(x)), x.size(0))
        mean, logvar = moments.chunk(2, 1)
        return mean, logvar.clamp(self.config.logvar_min, self.config.logvar_max)

    @staticmethod
    def sample(mean, logvar, generator):
        eps = torch.randn(mean.shape, generator=generator, dtype=torch.float32).to(mean.dtype)
        return mean + torch.exp(0.5 * logvar) * eps

    def decode(self, z):
        if z.dim() != 5 or z.size(1) != self.config.latent_channels:
            raise ValueError(f"VAE.decode: bad shape {tuple(z.shape)}")
        return self.decoder(z)

    def forward(self, x, sample_posterior, generator):
        mean, logvar = self.encode(x)
        z = VAE.sample(mean, logvar, generator) if sample_posterior else mean
        return {"reconstruction": self.decode(z), "mean": mean, "logvar": logvar, "z": z}


def vae_loss(x, out, step, l1_weight=1.0, mse_weight=0.0, kl_weight=1e-4, kl_warmup_steps=500):
    """model/VAELoss with its default VAELossConfig."""
    ramp = min(1.0, max(step, 0) / kl_warmup_steps) if kl_warmup_steps > 0 else 1.0
    beta = kl_weight * ramp
    diff = out["reconstruction"].to(torch.float32) - x.to(torch.float32)
    l1 = diff.abs().mean()
    mse = diff.pow(2).mean()
    mean = out["mean"].to(torch.float32)
    logvar = out["logvar"].to(torch.float32)
    kl = 0.5 * (mean.pow(2) + torch.exp(logvar) - 1.0 - logvar).mean()
    total = l1_weight * l1 + mse_weight * mse + beta * kl
    values = torch.stack([l1, mse, kl, total]).detach().to("cpu", torch.float64).tolist()
    return total, values


# --- denoiser (model/Denoiser.cpp) -------------------------------------------------------------


class Denoiser(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        base = c.base_channels
        self.embedding_dim = 4 * base
        self.time_embed = TimestepEmbedding(base, self.embedding_dim)
        self.label_embed = (nn.Embedding(c.num_classes + 1, self.embedding_dim)
                            if c.num_classes > 0 else None)
        self.conv_in = nn.Conv2d(c.latent_channels, base, 3, padding=1)

        def block(in_ch, out_ch, attn):
            return SpaceTimeBlock(in_ch, out_ch, self.embedding_dim, c.norm_groups, c.heads,
                                  c.dropout, attn, attn and c.temporal_attention)

        levels = len(c.channel_multipliers)
        self.down_blocks = nn.ModuleList()
        self.downsamplers = nn.ModuleList()
        self.down_level = []
        skip_channels = [base]
        ch = base
        for i in range(levels):
            out = base * c.channel_multipliers[i]
            for _ in range(c.res_blocks):
                self.down_blocks.append(block(ch, out, i in c.attention_levels))
                self.down_level.append(i)
                ch = out
                skip_channels.append(ch)
            if i + 1 < levels:
                self.downsamplers.append(Downsample2d(ch))
                skip_channels.append(ch)
        self.mid_block_1 = block(ch, ch, True)
        self.mid_block_2 = block(ch, ch, False)
        self.up_blocks = nn.ModuleList()
        self.upsamplers = nn.ModuleList()
        self.up_level = []
        for i in range(levels - 1, -1, -1):
            out = base * c.channel_multipliers[i]
            for _ in range(c.res_blocks + 1):
                skip = skip_channels.pop()
                self.up_blocks.append(block(ch + skip, out, i in c.attention_levels))
                self.up_level.append(i)
                ch = out
            if i > 0:
                self.upsamplers.append(Upsample2d(ch))
        self.norm_out = NormLayer("group", ch, c.norm_groups)
        self.conv_out = nn.Conv2d(ch, c.latent_channels, 3, padding=1)
        with torch.no_grad():
            self.conv_out.weight.zero_()
            self.conv_out.bias.zero_()

    def drop_labels(self, labels, generator):
        c = self.config
        if c.num_classes == 0 or labels is None or c.label_dropout <= 0.0:
            return labels
        u = torch.rand(labels.size(0), generator=generator, dtype=torch.float32)
        drop = (u < c.label_dropout).to(labels.device)
        return torch.where(drop, torch.full_like(labels, -1), labels)

    def forward(self, x, t, labels=None):
        c = self.config
        batch, frames = x.size(0), x.size(2)
        f = 1 << (len(c.channel_multipliers) - 1)
        if x.dim() != 5 or x.size(1) != c.latent_channels or x.size(3) % f or x.size(4) % f:
            raise ValueError(f"Denoiser: bad shape {tuple(x.shape)}")
        if t is None or t.dim() != 1 or t.size(0) != batch:
            raise ValueError("Denoiser: timesteps must be a [B] tensor")
        emb = self.time_embed(t.to(x.device))
        if self.label_embed is not None:
            idx = (labels.to(x.device, torch.long) if labels is not None
                   else torch.full((batch,), -1, dtype=torch.long, device=x.device))
            idx = torch.where((idx < 0) | (idx >= c.num_classes),
                              torch.full_like(idx, c.num_classes), idx)
            emb = emb + self.label_embed(idx)
        emb = emb.repeat_interleave(frames, 0)
        h = self.conv_in(fold_frames(x))
        skips = [h]
        down = 0
        n_down = len(self.down_blocks)
        for i in range(n_down):
            h = self.down_blocks[i](h, emb, batch)
            skips.append(h)
            last_of_level = i + 1 == n_down or self.down_level[i + 1] != self.down_level[i]
            if last_of_level and down < len(self.downsamplers):
                h = self.downsamplers[down](h)
                down += 1
                skips.append(h)
        h = self.mid_block_1(h, emb, batch)
        h = self.mid_block_2(h, emb, batch)
        up = 0
        n_up = len(self.up_blocks)
        for i in range(n_up):
            h = self.up_blocks[i](torch.cat([h, skips[-1]], 1), emb, batch)
            skips.pop()
            last_of_level = i + 1 == n_up or self.up_level[i + 1] != self.up_level[i]
            if last_of_level and up < len(self.upsamplers):
                h = self.upsamplers[up](h)
                up += 1
        h = self.conv_out(F.silu(self.norm_out(h)))
        return unfold_frames(h, batch)


# --- diffusion (diffusion/DiffusionObjective.cpp, EulerSampler.cpp, Guidance.cpp) --------------


def flow_loss(model, x0, labels, generator, logit_mean=0.0, logit_std=1.0):
    """DiffusionObjective::loss(Denoiser&, ...) with the default (flow) DiffusionConfig."""
    dropped = model.drop_labels(labels, generator)
    batch = x0.size(0)
    n = torch.randn(batch, generator=generator, dtype=torch.float32)
    model_time = (torch.sigmoid(logit_mean + logit_std * n) * FLOW_TIME_SCALE).to(x0.device)
    noise = torch.randn(x0.shape, generator=generator, dtype=torch.float32).to(x0.device,
                                                                               x0.dtype)
    shape = [1] * x0.dim()
    shape[0] = batch
    t = (model_time / FLOW_TIME_SCALE).to(x0.device, x0.dtype).view(shape)
    xt = (1.0 - t) * x0 + t * noise
    target = noise - x0
    weight = torch.ones(batch, dtype=x0.dtype, device=x0.device)
    out = model(xt, model_time, dropped)
    per_sample = (out.to(torch.float32) - target.to(torch.float32)).pow(2).flatten(1).mean(1)
    return (weight.to(torch.float32) * per_sample).mean()


def guided_output(model, x, t, labels, scale):
    if scale == 1.0 or labels is None or bool((labels < 0).all().item()):
        return model(x, t, labels)
    null_labels = torch.full_like(labels, -1)
    out = model(torch.cat([x, x], 0), torch.cat([t, t], 0), torch.cat([labels, null_labels], 0))
    cond, uncond = out.chunk(2, 0)
    return uncond + scale * (cond - uncond)


def flow_times(steps, shift):
    out = []
    for i in range(steps + 1):
        t = 1.0 - i / steps
        out.append(shift * t / (1.0 + (shift - 1.0) * t))
    return out


def euler_sample(model, shape, labels, scale, steps, generator, shift=1.0):
    """Sampler::sample + EulerSampler::denoise (no callbacks)."""
    x = torch.randn(shape, generator=generator, dtype=torch.float32)
    with torch.no_grad():
        total = max(1, steps)
        times = flow_times(total, shift)
        for i in range(total):
            t, nxt = times[i], times[i + 1]
            tt = torch.full((x.size(0),), t * FLOW_TIME_SCALE, dtype=torch.float32,
                            device=x.device)
            v = guided_output(model, x, tt, labels, scale)
            _x0 = x - t * v
            x = x + (nxt - t) * v
    return x


# --- bench ---------------------------------------------------------------------------------------


def default_sizes(preset):
    # Same table as defaultSizes() in bench_models.cpp.
    if preset == "small":
        return dict(size=128, frames=16, vae_frames=2, batch=1, repeat=3, warmup=1)
    if preset == "base":
        return dict(size=256, frames=16, vae_frames=2, batch=1, repeat=2, warmup=1)
    return dict(size=64, frames=8, vae_frames=8, batch=8, repeat=5, warmup=2)


def current_rss_mb():
    with open("/proc/self/statm") as f:
        resident = int(f.read().split()[1])
    return resident * resource.getpagesize() / 1048576.0


def max_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


class Blas:
    """OpenBLAS, as loaded by torch (dlopen of an already loaded library returns it)."""

    def __init__(self):
        self.lib = None
        for name in ("libopenblas.so.0", "libopenblas.so"):
            try:
                self.lib = ctypes.CDLL(name)
                break
            except OSError:
                pass
        if self.lib is not None:
            self.lib.openblas_get_config.restype = ctypes.c_char_p

    def set_threads(self, n):
        if self.lib is not None:
            self.lib.openblas_set_num_threads(int(n))

    def threads(self):
        return int(self.lib.openblas_get_num_threads()) if self.lib is not None else -1

    def config(self):
        return self.lib.openblas_get_config().decode() if self.lib is not None \
            else "OpenBLAS not found"


def tune_malloc():
    """tuneMalloc() of bench_models.cpp: mallopt(M_MMAP_THRESHOLD, 32 MB) and
    mallopt(M_TRIM_THRESHOLD, 256 MB), so freed activations stay in the heap."""
    libc = ctypes.CDLL("libc.so.6")
    m_trim_threshold, m_mmap_threshold = -1, -3  # <malloc.h>
    return (libc.mallopt(m_mmap_threshold, 32 << 20) == 1
            and libc.mallopt(m_trim_threshold, 256 << 20) == 1)


def parameter_shapes(module):
    return sorted(f"{name}:" + "x".join(str(s) for s in p.shape)
                  for name, p in module.named_parameters())


def digest(shapes):
    """FNV-1a 64 of the shapes joined by ';' (digest() in bench_models.cpp)."""
    h = 1469598103934665603
    for b in ";".join(shapes).encode():
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


# --check-forward: fixed weights and inputs, output sums to compare with bench_models.cpp.


def fill_deterministic(module):
    with torch.no_grad():
        for i, (_, p) in enumerate(sorted(module.named_parameters(), key=lambda kv: kv[0])):
            p.copy_((torch.sin(torch.arange(p.numel(), dtype=torch.float32) * 0.37 + float(i))
                     * 0.2).view(p.shape))


def deterministic_input(*sizes):
    return torch.sin(torch.arange(math.prod(sizes), dtype=torch.float32) * 0.11).view(sizes)


def forward_check(vae, denoiser, gen):
    fill_deterministic(vae)
    fill_deterministic(denoiser)
    vae.eval()
    denoiser.eval()
    with torch.no_grad():
        recon = vae(deterministic_input(1, 3, 2, 32, 32), False, gen)["reconstruction"].double()
        c = denoiser.config.latent_channels
        out = denoiser(deterministic_input(2, c, 4, 8, 8), torch.tensor([250.0, 750.0]),
                       torch.tensor([1, -1], dtype=torch.long)).double()
    return dict(vae_sum=recon.sum().item(), vae_abs=recon.abs().sum().item(),
                denoiser_sum=out.sum().item(), denoiser_abs=out.abs().sum().item())


def profile_step(step):
    """profileStep() of bench_models.cpp: calls and self time per op name, and the time inside
    top-level ATen ops, for one step under the (legacy) autograd profiler."""
    with torch.autograd.profiler.profile(use_kineto=False) as prof:
        start = time.perf_counter()
        step()
        wall_us = (time.perf_counter() - start) * 1e6
    ops = {}
    aten_top_us = 0.0
    for ev in prof.function_events:
        op = ops.setdefault(ev.name, [0, 0.0])
        op[0] += 1
        op[1] += ev.self_cpu_time_total
        if ev.name.startswith("aten::"):
            parent = ev.cpu_parent
            while parent is not None and not parent.name.startswith("aten::"):
                parent = parent.cpu_parent
            if parent is None:
                aten_top_us += ev.cpu_time_total
    return dict(wall_us=wall_us, aten_top_us=aten_top_us, ops=ops)


def time_steps(warmup, repeat, step):
    """(median, min, max) wall ms and the median process CPU ms (all threads) per step."""
    for _ in range(warmup):
        step()
    ms = []
    cpu_ms = []
    for _ in range(repeat):
        cpu_start = time.process_time()
        start = time.perf_counter()
        step()
        ms.append((time.perf_counter() - start) * 1000.0)
        cpu_ms.append((time.process_time() - cpu_start) * 1000.0)
    ms.sort()
    cpu_ms.sort()
    return ms[len(ms) // 2], ms[0], ms[-1], cpu_ms[len(cpu_ms) // 2]


def shape_string(shape):
    return "[" + ",".join(str(s) for s in shape) + "]"


def run_preset(preset, args, blas, peak):
    sz = default_sizes(preset)
    for key in ("size", "frames", "batch", "repeat"):
        if getattr(args, key) > 0:
            sz[key] = getattr(args, key)
    if args.vae_frames > 0:
        sz["vae_frames"] = max(2, args.vae_frames)
    if args.warmup >= 0:
        sz["warmup"] = args.warmup

    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    rss_start = current_rss_mb()

    vae_config = VAEConfig.preset(preset)
    vae = VAE(vae_config)
    vae_opt = torch.optim.AdamW(vae.parameters(), lr=1e-4)
    latent_size = sz["size"] // vae_config.downsample_factor()
    video = torch.rand(sz["vae_frames"] // 2, 3, 2, sz["size"], sz["size"]) * 2 - 1
    clip = torch.rand(1, 3, sz["frames"], sz["size"], sz["size"]) * 2 - 1

    den_config = DenoiserConfig.preset(preset)
    den_config.latent_channels = vae_config.latent_channels
    den_config.num_classes = NUM_CLASSES
    denoiser = Denoiser(den_config)
    den_opt = torch.optim.AdamW(denoiser.parameters(), lr=1e-4)
    latents = torch.randn(sz["batch"], den_config.latent_channels, sz["frames"], latent_size,
                          latent_size)
    labels = torch.randint(0, NUM_CLASSES, (sz["batch"],), dtype=torch.long)
    sample_shape = (1, den_config.latent_channels, sz["frames"], latent_size, latent_size)
    rss_models = current_rss_mb()

    vae_shapes = parameter_shapes(vae)
    den_shapes = parameter_shapes(denoiser)
    if args.dump_params:
        for s in vae_shapes:
            print("vae", s)
        for s in den_shapes:
            print("denoiser", s)

    def vae_train():
        vae_opt.zero_grad()
        total, _ = vae_loss(video, vae(video, True, gen), 0)
        total.backward()
        vae_opt.step()

    def vae_recon():
        with torch.no_grad():
            vae.decode(vae.encode(clip)[0])

    def denoiser_train():
        den_opt.zero_grad()
        flow_loss(denoiser, latents, labels, gen).backward()
        den_opt.step()

    def sampler(cfg):
        def step():
            euler_sample(denoiser, sample_shape, torch.tensor([1], dtype=torch.long),
                         3.0 if cfg else 1.0, 1, gen)
        return step

    rows = [
        ("vae_train", f"VAE train step, {sz['vae_frames']} frames {shape_string(video.shape)}",
         lambda: vae.train(), vae_train),
        ("vae_recon", f"VAE encode+decode, no grad, 1 clip {shape_string(clip.shape)}",
         lambda: vae.eval(), vae_recon),
        ("denoiser_train", f"denoiser train step (flow) {shape_string(latents.shape)}",
         lambda: denoiser.train(), denoiser_train),
        ("sampler", f"sampler step, 1 clip {shape_string(sample_shape)}, cfg 1.0",
         lambda: denoiser.eval(), sampler(False)),
        ("sampler_cfg", f"sampler step, 1 clip {shape_string(sample_shape)}, cfg 3.0",
         lambda: denoiser.eval(), sampler(True)),
    ]

    vae_params = sum(p.numel() for p in vae.parameters())
    den_params = sum(p.numel() for p in denoiser.parameters())
    table = sys.stderr if args.json else sys.stdout
    print(f"\n[python] preset {preset}: VAE {vae_params} parameters, denoiser {den_params} "
          f"parameters; median of {sz['repeat']} steps after {sz['warmup']} warm-up (ms)",
          file=table)
    print(f"{'step':<58}" + "".join(f" {'threads=' + str(n):>10}" for n in args.threads)
          + f" {'row peak MB':>12}", file=table)
    jrows = []
    profiles = {}
    if args.params_only:
        rows = []
    if args.rows:
        keep = args.rows.split(",")
        rows = [r for r in rows if r[0] in keep]
    for key, label, setup, step in rows:
        print(f"{label:<58}", end="", file=table)
        row_peak = 0.0
        for n in args.threads:
            # vd::configureThreads(ThreadSettings{n, n}): torch intra-op and OpenBLAS threads.
            torch.set_num_threads(n)
            blas.set_threads(n)
            setup()
            peak[0] = max(peak[0], max_rss_mb())
            rss_before = current_rss_mb()
            reset = reset_peak_rss()
            med, lo, hi, cpu = time_steps(sz["warmup"], sz["repeat"], step)
            row_max = max_rss_mb()
            peak[0] = max(peak[0], row_max)
            row_peak = max(row_peak, row_max)
            print(f" {med:10.1f}", end="", file=table, flush=True)
            jrows.append(dict(key=key, label=label, threads=n,
                              torch_threads=torch.get_num_threads(), blas_threads=blas.threads(),
                              ms=med, ms_min=lo, ms_max=hi, cpu_ms=cpu, repeat=sz["repeat"],
                              warmup=sz["warmup"], rss_before_mb=rss_before, row_peak_mb=row_max,
                              row_peak_is_since_reset=reset, row_growth_mb=row_max - rss_before))
        print(f" {row_peak:12.0f}", file=table)
        if args.profile_ops:
            profiles[key] = profile_step(step)
    peak[0] = max(peak[0], max_rss_mb())

    forward = forward_check(vae, denoiser, gen) if args.check_forward else None
    return dict(
        impl="python", preset=preset, torch_version=torch.__version__,
        blas_config=blas.config(),
        sizes=dict(size=sz["size"], frames=sz["frames"], vae_frames=sz["vae_frames"],
                   batch=sz["batch"], latent_size=latent_size,
                   latent_channels=den_config.latent_channels, num_classes=NUM_CLASSES),
        params=dict(vae=vae_params, denoiser=den_params, vae_tensors=len(vae_shapes),
                    denoiser_tensors=len(den_shapes), vae_digest=digest(vae_shapes),
                    denoiser_digest=digest(den_shapes)),
        rss_start_mb=rss_start, rss_models_mb=rss_models, forward=forward,
        profiles=profiles, rows=jrows)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--preset", default="demo", help="comma-separated: demo,small,base")
    p.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    p.add_argument("--repeat", type=int, default=-1)
    p.add_argument("--warmup", type=int, default=-1)
    p.add_argument("--size", type=int, default=-1)
    p.add_argument("--frames", type=int, default=-1)
    p.add_argument("--batch", type=int, default=-1)
    p.add_argument("--vae-frames", type=int, default=-1)
    p.add_argument("--json", action="store_true")
    p.add_argument("--dump-params", action="store_true")
    p.add_argument("--rows", default="",
                   help="row keys to run (vae_train,vae_recon,denoiser_train,sampler,sampler_cfg)")
    p.add_argument("--malloc-tuned", action="store_true",
                   help="keep freed activations in the heap (mallopt, see tune_malloc)")
    p.add_argument("--profile-ops", action="store_true",
                   help="profile one step per row (op counts and self times)")
    p.add_argument("--check-forward", action="store_true",
                   help="report output sums for fixed weights and inputs")
    p.add_argument("--params-only", action="store_true",
                   help="build the models, report their parameters, time nothing")
    args = p.parse_args()
    presets = [s for s in args.preset.split(",") if s]
    args.threads = [int(s) for s in args.threads.split(",") if s]
    if not presets or not args.threads:
        p.error("need at least one preset and one thread count")

    if args.malloc_tuned and not tune_malloc():
        print("bench_models.py: mallopt failed", file=sys.stderr)
        return 4
    blas = Blas()
    peak = [max_rss_mb()]
    out = [run_preset(preset, args, blas, peak) for preset in presets]
    peak[0] = max(peak[0], max_rss_mb())
    table = sys.stderr if args.json else sys.stdout
    print(f"\n[python] peak RSS of the process: {peak[0]:.0f} MB (ru_maxrss); {blas.config()}",
          file=table)
    if args.json:
        for o in out:
            o["peak_rss_mb"] = peak[0]
            o["malloc_tuned"] = args.malloc_tuned
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
