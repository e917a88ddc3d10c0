// SPDX-License-Identifier: GPL-3.0-or-later
// The names of the figures in metrics.jsonl that more than one part writes or reads: the
// Trainer, the tasks and the sample judge write them; the CLI, the sweep tables and the studio's
// plots read them. One spelling here, so a renamed figure cannot leave a reader behind. Plain
// strings, no torch: ui/ includes this header.
#pragma once

namespace vd::metric {

// Every logged step (Trainer).
inline constexpr const char* kStep = "step";
inline constexpr const char* kStage = "stage";
inline constexpr const char* kLoss = "loss";
inline constexpr const char* kLearningRate = "lr";
inline constexpr const char* kGradNorm = "grad_norm";
inline constexpr const char* kStepMs = "step_ms";
inline constexpr const char* kWaitMs = "wait_ms";
inline constexpr const char* kSkipped = "skipped";
inline constexpr const char* kTimeS = "time_s";

// VAE previews (VAETask).
inline constexpr const char* kProbePsnr = "probe_psnr";
inline constexpr const char* kBlobScoreMax = "blob_score_max";
inline constexpr const char* kBlobScoreChannelPrefix = "blob_score_c"; ///< + channel index
inline constexpr const char* kLatentPrefix = "latent_";                ///< latent health figures
inline constexpr const char* kLatentMaxAbsZ = "latent_max_abs_z";
inline constexpr const char* kLatentKurtosisMax = "latent_kurtosis_max";

// Diffusion previews with the live sample judge (judgeMetrics).
inline constexpr const char* kJudgePrefix = "judge_";
inline constexpr const char* kJudgeAcc = "judge_acc";
inline constexpr const char* kJudgeAccClassPrefix = "judge_acc_"; ///< + class name
inline constexpr const char* kJudgeRecognisableAcc = "judge_recognisable_acc";
inline constexpr const char* kJudgeHeldAcc = "judge_held_acc";
inline constexpr const char* kJudgeHeldAccFloor = "judge_held_acc_floor";
inline constexpr const char* kJudgeDriftRatio = "judge_drift_ratio";
inline constexpr const char* kJudgePrecision = "judge_precision";
inline constexpr const char* kJudgeRecall = "judge_recall";
inline constexpr const char* kJudgePrecisionFloor = "judge_precision_floor";
inline constexpr const char* kJudgeRecallFloor = "judge_recall_floor";
inline constexpr const char* kJudgeFd = "judge_fd";
inline constexpr const char* kJudgeFdFloor = "judge_fd_floor";
inline constexpr const char* kJudgeChangeRatio = "judge_change_ratio";
inline constexpr const char* kJudgeFlickerRatio = "judge_flicker_ratio";
inline constexpr const char* kJudgeDiversityRatio = "judge_diversity_ratio";

} // namespace vd::metric
