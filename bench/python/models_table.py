#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tables for bench/run.sh from the JSON of bench_models (C++) and bench_models.py (Python).

  models_table.py check CPP.json PYTHON.json     same models? exit 1 if not
  models_table.py table [--noise-pct P] FILE...  side-by-side timing table (markdown)
  models_table.py ops CPP.json PYTHON.json [--top N]
                                                 op profiles (--profile-ops) side by side
"""

import argparse
import json
import statistics
import sys

ROW_ORDER = ["vae_train", "vae_recon", "denoiser_train", "sampler", "sampler_cfg"]
ROW_NAMES = {
    "vae_train": "VAE train step",
    "vae_recon": "VAE encode+decode (no grad)",
    "denoiser_train": "denoiser train step (flow)",
    "sampler": "sampler step, cfg 1",
    "sampler_cfg": "sampler step, cfg 3",
}
PARAM_KEYS = ["vae", "denoiser", "vae_tensors", "denoiser_tensors", "vae_digest",
              "denoiser_digest"]


def load(path):
    with open(path) as f:
        return json.load(f)


def close(a, b, rel=1e-5):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def check(cpp_path, py_path):
    cpp = {p["preset"]: p for p in load(cpp_path)}
    py = {p["preset"]: p for p in load(py_path)}
    ok = True
    print("| preset | VAE params C++ | VAE params Python | denoiser params C++ "
          "| denoiser params Python | names+shapes | outputs (fixed weights) | match |")
    print("|---|--:|--:|--:|--:|---|---|---|")
    for preset in cpp:
        c, p = cpp[preset], py.get(preset)
        if p is None:
            print(f"| {preset} | missing in Python output |||||| no |")
            ok = False
            continue
        counts = all(c["params"][k] == p["params"][k] for k in ("vae", "denoiser"))
        shapes = all(c["params"][k] == p["params"][k] for k in PARAM_KEYS)
        fc, fp = c.get("forward"), p.get("forward")
        if fc and fp:
            outputs = all(close(fc[k], fp[k]) for k in fc)
            worst = max(abs(fc[k] - fp[k]) / max(1.0, abs(fc[k])) for k in fc)
            out_text = f"{'equal' if outputs else 'DIFFER'} (max rel. diff {worst:.1e})"
        else:
            outputs, out_text = True, "not checked"
        match = counts and shapes and outputs
        ok = ok and match
        print(f"| {preset} | {c['params']['vae']:,} | {p['params']['vae']:,} "
              f"| {c['params']['denoiser']:,} | {p['params']['denoiser']:,} "
              f"| {'same' if shapes else 'DIFFER'} ({c['params']['vae_tensors']}+"
              f"{c['params']['denoiser_tensors']} tensors) | {out_text} "
              f"| {'yes' if match else '**NO**'} |")
    if not ok:
        print("\nmodels_table: the C++ and Python models differ; run both with --dump-params "
              "and diff the lists", file=sys.stderr)
    return 0 if ok else 1


def fmt_ms(ms):
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}"


def table(paths, noise_pct):
    # (preset, threads, key) -> impl -> list of process results
    runs = {}
    info = {}
    tuned = set()
    for path in paths:
        for preset in load(path):
            for row in preset["rows"]:
                k = (preset["preset"], row["threads"], row["key"])
                runs.setdefault(k, {}).setdefault(preset["impl"], []).append(
                    dict(ms=row["ms"], cpu=row.get("cpu_ms", float("nan")), peak=preset["peak_rss_mb"], growth=row["row_growth_mb"],
                         params=preset["params"], label=row["label"], repeat=row["repeat"],
                         warmup=row["warmup"], blas=row["blas_threads"],
                         torch=row["torch_threads"]))
                info[preset["impl"]] = (preset["torch_version"], preset["blas_config"])
                tuned.add(bool(preset.get("malloc_tuned", False)))

    def order(k):
        preset_rank = {"demo": 0, "small": 1, "base": 2}.get(k[0], 9)
        return (preset_rank, k[1], ROW_ORDER.index(k[2]) if k[2] in ROW_ORDER else 99)

    print("| preset | step | threads | C++ ms | Python ms | C++ / Python | best round C++ / Python "
          "| C++ CPU ms | Python CPU ms | params match | peak RSS MB C++ / Python "
          "| row growth MB C++ / Python |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|")
    slower = []
    shapes = {}
    for k in sorted(runs, key=order):
        impls = runs[k]
        c, p = impls.get("cpp", []), impls.get("python", [])
        if not c or not p:
            continue
        cms = statistics.median(r["ms"] for r in c)
        pms = statistics.median(r["ms"] for r in p)
        ccpu = statistics.median(r["cpu"] for r in c)
        pcpu = statistics.median(r["cpu"] for r in p)
        ratio = cms / pms
        best_ratio = min(r["ms"] for r in c) / min(r["ms"] for r in p)
        match = all(r["params"] == c[0]["params"] for r in c + p)
        flag = ""
        if ratio > 1.0 + noise_pct / 100.0:
            flag = " **slower**"
            slower.append((k, ratio, best_ratio))
        shapes[k[:1] + k[2:]] = c[0]["label"]
        print(f"| {k[0]} | {ROW_NAMES.get(k[2], k[2])} | {k[1]} | {fmt_ms(cms)} | {fmt_ms(pms)} "
              f"| {ratio:.2f}{flag} | {best_ratio:.2f} | {fmt_ms(ccpu)} | {fmt_ms(pcpu)} "
              f"| {'yes' if match else '**NO**'} "
              f"| {max(r['peak'] for r in c):.0f} / {max(r['peak'] for r in p):.0f} "
              f"| {max(r['growth'] for r in c):.0f} / {max(r['growth'] for r in p):.0f} |")
    print()
    print("Shapes (batch of the VAE in frames, of the denoiser in latent clips):")
    for (preset, key), label in sorted(shapes.items(), key=lambda kv: order((kv[0][0], 0,
                                                                             kv[0][1]))):
        print(f"- {preset}: {label}")
    first = next(iter(runs.values()))["cpp"][0]
    print()
    print(f"Each figure: median of R timed steps after W warm-ups in one process (demo R = "
          f"{_repeat(runs, 'demo')}, small R = {_repeat(runs, 'small')}); the median over rounds "
          f"when ROUNDS > 1. Threads: torch intra-op = OpenBLAS = the threads column "
          f"(checked in each process: {first['torch']} torch / {first['blas']} BLAS in the first). "
          f"Best round: the fastest round of each side. CPU ms: process CPU time (all threads) per "
          f"step, median. glibc malloc: "
          f"{'tuned (--malloc-tuned)' if tuned == {True} else 'default' if tuned == {False} else 'mixed'}.")
    for impl, (version, blas) in sorted(info.items()):
        print(f"- {impl}: torch {version}; {blas}")
    if slower:
        print()
        print(f"C++ slower than Python (wall) by more than {noise_pct:g} % in: "
              + ", ".join(f"{p}/{key}/threads={n} (median {r:.2f}, best round {br:.2f})"
                          for (p, n, key), r, br in slower))
    return 0


def ops(cpp_path, py_path, top):
    cpp = {p["preset"]: p for p in load(cpp_path)}
    py = {p["preset"]: p for p in load(py_path)}
    for preset, c in cpp.items():
        p = py.get(preset)
        if p is None:
            continue
        for key, cp in c.get("profiles", {}).items():
            pp = p.get("profiles", {}).get(key)
            if pp is None:
                continue
            print(f"\n### {preset} / {ROW_NAMES.get(key, key)} (one profiled step)\n")
            print("| | C++ | Python |")
            print("|---|--:|--:|")
            print(f"| wall ms (profiled) | {cp['wall_us'] / 1e3:.1f} | {pp['wall_us'] / 1e3:.1f} |")
            print(f"| inside top-level ATen ops, ms | {cp['aten_top_us'] / 1e3:.1f} "
                  f"| {pp['aten_top_us'] / 1e3:.1f} |")
            print(f"| outside (framework + autograd bookkeeping), ms "
                  f"| {(cp['wall_us'] - cp['aten_top_us']) / 1e3:.1f} "
                  f"| {(pp['wall_us'] - pp['aten_top_us']) / 1e3:.1f} |")
            aten_c = {n: v for n, v in cp["ops"].items() if n.startswith("aten::")}
            aten_p = {n: v for n, v in pp["ops"].items() if n.startswith("aten::")}
            print(f"| ATen op calls | {sum(v[0] for v in aten_c.values())} "
                  f"| {sum(v[0] for v in aten_p.values())} |")
            diff = sorted(n for n in set(aten_c) | set(aten_p)
                          if aten_c.get(n, [0])[0] != aten_p.get(n, [0])[0])
            if diff:
                print("\nATen ops called a different number of times (C++ / Python): "
                      + ", ".join(f"{n} {aten_c.get(n, [0])[0]} / {aten_p.get(n, [0])[0]}"
                                  for n in diff))
            else:
                print("\nEvery ATen op is called the same number of times in both.")
            print("\n(Self times of nested sub-microsecond view ops such as aten::select, "
                  "aten::as_strided and aten::resolve_conj are split differently by the two "
                  "profiler front-ends, whose totals agree; compare kernels and the rows above.)")
            names = sorted(set(aten_c) | set(aten_p),
                           key=lambda n: -max(aten_c.get(n, [0, 0])[1], aten_p.get(n, [0, 0])[1]))
            print(f"\n| op (top {top} by self time) | calls C++ | calls Python "
                  f"| self ms C++ | self ms Python |")
            print("|---|--:|--:|--:|--:|")
            for n in names[:top]:
                a, b = aten_c.get(n, [0, 0.0]), aten_p.get(n, [0, 0.0])
                print(f"| {n} | {a[0]} | {b[0]} | {a[1] / 1e3:.1f} | {b[1] / 1e3:.1f} |")
    return 0


def _repeat(runs, preset):
    for (p, _, _), impls in runs.items():
        if p == preset and impls.get("cpp"):
            r = impls["cpp"][0]
            return f"{r['repeat']}, W = {r['warmup']}"
    return "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("cpp")
    c.add_argument("python")
    t = sub.add_parser("table")
    t.add_argument("--noise-pct", type=float, default=5.0)
    t.add_argument("files", nargs="+")
    o = sub.add_parser("ops")
    o.add_argument("cpp")
    o.add_argument("python")
    o.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    if args.cmd == "ops":
        return ops(args.cpp, args.python, args.top)
    if args.cmd == "check":
        return check(args.cpp, args.python)
    return table(args.files, args.noise_pct)


if __name__ == "__main__":
    sys.exit(main())
