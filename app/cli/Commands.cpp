// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Commands.h"

#include <unistd.h>

namespace vd::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {"probe", "print what FFmpeg sees in video files (one JSON object per line)",
         "probe FILE...\n"
         "  Prints one JSON object per file: path, ok, error, error_code, container, codec,\n"
         "  pixel_format, width, height, rotation, fps {num, den, value}, frames,\n"
         "  frames_counted, duration_s. Exit 3 if any file could not be read.",
         &runProbe},
        {"scan", "index a dataset folder: clips, labels, captions, skipped files",
         "scan DIR [--json] [--threads N] [--no-cache]\n"
         "  Scans DIR for videos and animated GIFs. Labels come from first-level subfolders,\n"
         "  captions from a sidecar .txt with the same stem. Keeps .vdstudio-index.json in DIR\n"
         "  so a second scan re-probes only changed files.\n"
         "  --json       print the full index as JSON instead of a report\n"
         "  --threads N  probe threads (default: all cores)\n"
         "  --no-cache   ignore and do not write the index file",
         &runScan},
        {"make-demo-dataset", "write the built-in labelled demo dataset as real video files",
         "make-demo-dataset DIR [--kind shapes|fashion] [--backgrounds all|plain] [--no-spin]\n"
         "                  [--object-scale F] [--clips N] [--size S] [--frames T] [--fps F]\n"
         "                  [--seed K]\n"
         "  shapes:  shapes of three or more classes moving and bouncing over varied backgrounds\n"
         "  fashion: Fashion-MNIST items moving over backgrounds (package dataset-fashion-mnist)\n"
         "  --backgrounds plain: flat colours and gradients only (all: also stripes and noise)\n"
         "  --no-spin: shapes keep their orientation as they move\n"
         "  --object-scale F: shapes F times the usual size (0.25-1.25; at 1 a shape's radius is\n"
         "            26-38 % of the frame)\n"
         "  Defaults: --kind shapes --backgrounds all --object-scale 1 --clips 300 --size 64\n"
         "            --frames 16 --fps 8 --seed 1",
         &runMakeDemoDataset},
        {"bench-decode", "measure decoded frames per second of one file",
         "bench-decode FILE [--size S] [--threads N]\n"
         "  Decodes every frame of FILE scaled to SxS RGB (default 64) with N decoder threads\n"
         "  (default 0 = FFmpeg's choice) and prints frames, seconds and frames per second.",
         &runBenchDecode},
        {"new-project", "write a project file for a dataset from a preset",
         "new-project FILE --data DIR [--preset demo|small|base] [--name NAME] [--force]\n"
         "  Scans DIR, then writes FILE (JSON, .vdproj) with every setting of both stages from\n"
         "  the preset (default demo); the dataset path is stored relative to FILE.",
         &runNewProject},
        {"train-vae", "train the project's VAE stage",
         "train-vae PROJECT [--steps N] [--minutes M] [--batch B] [--resume]\n"
         "          [--device auto|cpu|cuda[:N]] [--threads N] [--procs N]\n"
         "  Trains into <runs>/vae: config.json, metrics.jsonl, checkpoints/step-N. At the end\n"
         "  measures the latent normalization and writes the latent cache. Ctrl-C stops after\n"
         "  the current step and saves a checkpoint; --resume continues from the newest one.\n"
         "  --steps N overrides vae.train.steps (the total, also when resuming).\n"
         "  --minutes M sets a time budget (vae.train.max_minutes): the step count is planned\n"
         "  from measured step and preview times to end within M minutes (at most the steps).\n"
         "  --batch B overrides vae.train.batch_size, the batch of one process.\n"
         "  --procs N trains as N data-parallel processes on this machine (torch.distributed,\n"
         "  Gloo; batch_size is per process: --procs 2 --batch 4 trains on the batch of 8 that\n"
         "  one process of batch 8 sees, on both cores). Launched by torchrun or with RANK, "
         "WORLD_SIZE,\n"
         "  MASTER_ADDR and MASTER_PORT set, it trains as that rank (docs/distributed.md).",
         &runTrainVAE},
        {"train-diffusion", "cache latents with the trained VAE, train the denoiser",
         "train-diffusion PROJECT [--steps N] [--minutes M] [--batch B] [--resume] [--device D]\n"
         "                [--threads N] [--procs N]\n"
         "  Uses the newest VAE checkpoint (EMA weights), reuses <runs>/vae/latents.safetensors\n"
         "  when it matches the VAE and the data (else rebuilds it), and trains into\n"
         "  <runs>/diffusion. Flags as for train-vae.",
         &runTrainDiffusion},
        {"sample", "generate clips with the trained models",
         "sample PROJECT --out DIR [--num N] [--steps K] [--sampler S] [--cfg G]\n"
         "       [--cfg-interval FROM,TO] [--autoguidance W] [--eta E] [--label L] [--seed X]\n"
         "       [--format mp4,gif]\n"
         "       [--fps F] [--scale K] [--device D] [--contact-sheet PNG]\n"
         "  Writes N clips per class (or of class L, a name or index) as <label>-<i>.<ext>, and\n"
         "  samples.json with each clip's per-frame std and frame-to-frame change;\n"
         "  --contact-sheet writes one row of frames per clip into a PNG.\n"
         "  Samplers: auto, ddpm, ddim, dpmpp_2m (eps/v models), euler, heun (flow models).\n"
         "  --cfg-interval: guidance only between these noise levels (0 data, 1 noise; e.g.\n"
         "  0,0.8), the conditional prediction elsewhere.\n"
         "  --autoguidance W: add W x (model - guide), the guide being the run's early\n"
         "  checkpoint that diffusion.guide_at keeps (0 = off; the same noise levels as --cfg).\n"
         "  --eta: share of fresh noise per ddim or euler step (0 deterministic, 1 ancestral).\n"
         "  Defaults from the project's sampling settings; --num 2, --fps 8, --scale 1.",
         &runSample},
        {"export", "write a clip to mp4, webm, gif or a png sequence",
         "export INPUT --out FILE [--format mp4|webm|gif|png] [--fps F] [--scale K]\n"
         "       [--start N] [--count N]\n"
         "  Re-encodes INPUT (any video FFmpeg reads, or a PNG folder); the format follows\n"
         "  FILE's extension unless --format is given; --scale enlarges by nearest neighbour.",
         &runExport},
        {"eval-vae", "reconstruction PSNR/SSIM of the trained VAE on held-out clips",
         "eval-vae PROJECT [--data DIR] [--clips N] [--json] [--report FILE] [--raw] [--device D]\n"
         "  Reconstructs (posterior mean) the project's held-out clips, or every clip of DIR,\n"
         "  at the training size and prints mean PSNR (dB) and SSIM; --json prints the report\n"
         "  as JSON with per-clip figures, --report FILE writes it there as well. At most N\n"
         "  clips (default 64). --raw: the raw weights, not the EMA ones.",
         &runEvalVAE},
        {"eval-samples",
         "judge generated clips: class accuracy, Frechet distance, motion, diversity",
         "eval-samples PROJECT [--per-class N] [--steps K] [--sampler S] [--cfg G]\n"
         "             [--cfg-interval FROM,TO] [--autoguidance W] [--eta E]\n"
         "             [--seed X] [--judge-steps N] [--json] [--report FILE] [--device D]\n"
         "             [--threads N] [--prepare]\n"
         "  Trains (or loads from <runs>/judge) a small classifier on the project's training\n"
         "  clips and prints its accuracy on the held-out clips first (--prepare: only that,\n"
         "  no trained model needed). Then generates N clips per class (default 16) with the\n"
         "  newest denoiser and reports: class accuracy per class, recognisable accuracy (the\n"
         "  class asked for and on the k-NN manifold of its real clips), k-NN precision and\n"
         "  recall and the Frechet distance to real clips in the classifier's features, each\n"
         "  next to its real-vs-real floor, mean frame change and flicker index against real\n"
         "  clips, and diversity within a class.\n"
         "  Unlabelled data: rotation features, no class accuracy.\n"
         "  --json prints the report as JSON; --report FILE writes it there as well.\n"
         "  See docs/judge.md. Sampling flags as for sample.",
         &runEvalSamples},
        {"sweep", "train a grid of settings as runs side by side and tabulate them",
         "sweep PROJECT --stage vae|diffusion --set KEY=V1,V2 [--set KEY=...] [--steps N]\n"
         "      [--minutes M] [--parallel K] [--name NAME] [--device D] [--threads N]\n"
         "      [--no-eval] [--eval-clips N] [--per-class N]\n"
         "sweep PROJECT --stage vae|diffusion --scale model=0.5,1,2,4|data=0.25,0.5,1\n"
         "      [--match steps|compute] [--set KEY=V] [other flags as above]\n"
         "  Trains one ordinary run per point of the grid (every combination of the --set\n"
         "  values) in <runs>/sweeps/NAME/<variant>/ (e.g. kl_weight=1e-6__base_channels=32):\n"
         "  project.vdproj (the variant's settings), config.json, metrics.jsonl, checkpoints.\n"
         "  KEY is a dotted key of the project file (vae.loss.kl_weight); every variant is\n"
         "  checked like a loaded project file before anything runs. A vae sweep varies vae.*,\n"
         "  dataset.* and inspect.*; a diffusion sweep varies diffusion.* and sampling.* and uses\n"
         "  the project's trained VAE, as train-diffusion does. Values are JSON (1e-6, true,\n"
         "  [4,8]) or words (group).\n"
         "  Run again with the same arguments, it skips the variants sweep.json marks finished\n"
         "  and resumes the others from their newest checkpoint.\n"
         "  --steps N, --minutes M: per variant, as for train-vae.\n"
         "  --parallel K: K variants at once, each a process with 1 thread (output in its\n"
         "  sweep.log). Default on a CPU: one variant per core (at most 8), the largest\n"
         "  first; on a GPU, or with --threads N alone, one after another.\n"
         "  --name: the sweep's folder (default <stage>-<last part of each key>).\n"
         "  Each finished variant is measured: parameters, estimated FLOPs per step, held-out\n"
         "  PSNR/SSIM and blob score (as eval-vae; at most --eval-clips, default 64) or the\n"
         "  sample judge's class accuracy and Frechet distance (as eval-samples; --per-class,\n"
         "  default 8); --no-eval skips the held-out figures. The table goes to stdout and to\n"
         "  results.csv and results.json in the sweep's folder (docs/experiments.md).\n"
         "  Scaling study: --scale model=F,... multiplies the stage model's base_channels\n"
         "  (rounded to a multiple of norm_groups, for the denoiser of lcm(norm_groups, heads),\n"
         "  at least one); --scale data=S,... trains on that share of the training clips (a\n"
         "  subset fixed by the stage's seed; the held-out clips stay). --match steps (default)\n"
         "  trains every variant --steps; --match compute scales the steps so that steps x\n"
         "  FLOPs per step equals the variant nearest factor 1's. Fits held-out loss = a x^-b\n"
         "  against parameters or training clips (log-log least squares, 3 points or more),\n"
         "  prints b and its standard error, adds \"scaling\" to results.json and draws\n"
         "  scaling.png.",
         &runSweep},
        {"sweep-variant", "train and measure one variant of a sweep (started by sweep)",
         "sweep-variant VARIANT_DIR --stage vae|diffusion [--steps N] [--minutes M] [--device D]\n"
         "              [--threads N] [--no-eval] [--eval-clips N] [--per-class N]\n"
         "              [--data-share S]\n"
         "  What sweep --parallel runs in each child process: trains VARIANT_DIR's project\n"
         "  (resuming from its newest checkpoint) and writes its result.json.",
         &runSweepVariant, true},
        {"inspect", "latent channel statistics, blob report and heatmaps of one clip",
         "inspect PROJECT --input VIDEO --out DIR [--frames N] [--start S] [--checkpoint DIR]\n"
         "        [--reference K] [--json] [--device D] [--threads N]\n"
         "  Encodes N frames (default dataset.frames) of VIDEO from frame S (default 0), shaped\n"
         "  like training clips, with the trained VAE (newest checkpoint, EMA weights; or the\n"
         "  step-N folder DIR), decodes the posterior mean and writes to DIR: report.json\n"
         "  (schema vdstudio-inspect/1), input.png, reconstruction.png, error.png,\n"
         "  channel-<c>.png per latent channel and channels.png. Prints the verdict (clean,\n"
         "  suspicious, blobs) and one line per channel, or with --json the report.\n"
         "  --reference K: the temporal figures of K dataset clips (default 16, 0: none) go\n"
         "  into the report as temporal.dataset, to compare the clip's motion with.\n"
         "  See docs/blobs.md. Exit 3 for an unreadable VIDEO or no trained VAE.",
         &runInspect},
        {"plot-metrics", "draw a run's loss curves from metrics.jsonl as a PNG",
         "plot-metrics RUN_DIR_OR_METRICS_JSONL --out PNG [--keys loss,l1,kl] [--smooth W]\n"
         "             [--linear] [--width PX] [--height PX] [--title TEXT]\n"
         "  Plots the numeric keys (default: loss) against step: raw curve thin, EMA-smoothed\n"
         "  curve thick (--smooth 0..0.999, default 0.9; 0 = raw only), log-scale y unless\n"
         "  --linear. Default size 960x540, title = the run folder's name.\n"
         "  Keys the file lacks are left out with a warning; exit 3 if the file is missing,\n"
         "  empty or has none of the keys.",
         &runPlotMetrics},
    };
    return list;
}

bool stdoutIsTerminal()
{
    return isatty(STDOUT_FILENO) != 0;
}

} // namespace vd::cli
