// SPDX-License-Identifier: GPL-3.0-or-later
// sweep (and its hidden per-variant worker sweep-variant): a grid of ordinary runs.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"
#include "cli/ConsoleObserver.h"
#include "cli/StopSignals.h"

#include "experiment/ModelCost.h"
#include "experiment/ScalingStudy.h"
#include "experiment/SweepManifest.h"
#include "experiment/SweepPlan.h"
#include "experiment/SweepResults.h"
#include "experiment/SweepSchedule.h"
#include "experiment/SweepVariantRun.h"
#include "project/ClipJudge.h"
#include "project/Project.h"
#include "util/Device.h"
#include "util/Error.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

/// The flags `sweep` passes on to `sweep-variant` unchanged.
const std::set<std::string> kVariantFlags = {"steps", "minutes", "device", "eval-clips",
                                             "per-class"};

Stage stageFlag(const CliArgs& args, const char* command)
{
    const std::string stage = args.get("stage", "");
    if (stage == "vae") {
        return Stage::VAE;
    }
    if (stage == "diffusion") {
        return Stage::Diffusion;
    }
    throw Error(ErrorKind::Usage,
                std::string(command) + ": --stage must be vae or diffusion" +
                    (stage.empty() ? "" : " (not '" + stage + "')"),
                ErrorCode::InvalidValue);
}

SweepVariantOptions variantOptions(const CliArgs& args)
{
    SweepVariantOptions o;
    if (args.has("steps")) {
        o.steps = args.getInt("steps", 0, 1, 1 << 30);
    }
    if (args.has("minutes")) {
        o.minutes = args.getDouble("minutes", 0.0, 0.01, 1e6);
    }
    o.device = args.get("device", "");
    o.evaluate = !args.has("no-eval");
    o.evalClips = args.getInt("eval-clips", o.evalClips, 1, 1 << 20);
    o.perClass = args.getInt("per-class", o.perClass, 2, 10000);
    if (args.has("data-share")) {
        o.dataShare = args.getDouble("data-share", 1.0, 1e-6, 1.0);
    }
    return o;
}

/// Takes every `--FLAG X` / `--FLAG=X` out of `argv` (CliArgs keeps one value per flag).
std::vector<std::string> takeRepeatedFlag(std::vector<std::string>& argv, const std::string& flag,
                                          const char* expected)
{
    std::vector<std::string> sets;
    std::vector<std::string> rest;
    const std::string name = "--" + flag;
    for (size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] == name) {
            if (i + 1 >= argv.size()) {
                throw Error(ErrorKind::Usage, name + " needs " + expected, ErrorCode::InvalidValue);
            }
            sets.push_back(argv[++i]);
        } else if (argv[i].rfind(name + "=", 0) == 0) {
            sets.push_back(argv[i].substr(name.size() + 1));
        } else {
            rest.push_back(argv[i]);
        }
    }
    argv = std::move(rest);
    return sets;
}

/// Runs the pending variants as child processes, `parallel` at a time, each
/// `vdstudio-cli sweep-variant DIR --stage S --threads 1 ...` with its output in DIR/sweep.log.
/// Marks each variant that ends with status 0 finished in the manifest (saved at once).
/// SIGINT/SIGTERM are passed on to the running children once and no new one starts. Returns
/// the names of the variants that failed, with their status; sets `stopped` on a signal.
std::map<std::string, int>
runChildren(const SweepPlan& plan, SweepManifest& manifest,
            const std::vector<const SweepVariant*>& pending, int parallel,
            const std::vector<std::string>& passOn,
            const std::map<std::string, std::vector<std::string>>& perVariant, bool& stopped)
{
    const StopSignals signals;

    std::map<pid_t, const SweepVariant*> running;
    std::map<std::string, int> failed;
    size_t next = 0;
    int forwarded = 0;
    while (next < pending.size() || !running.empty()) {
        if (StopSignals::received() != 0 && StopSignals::received() != forwarded) {
            forwarded = StopSignals::received();
            stopped = true;
            for (const auto& [pid, v] : running) {
                ::kill(pid, forwarded);
            }
        }
        while (!stopped && next < pending.size() && static_cast<int>(running.size()) < parallel) {
            const SweepVariant& v = *pending[next++];
            const std::string dir = plan.variantDir(v);
            std::vector<std::string> argvText{
                "vdstudio-cli",          "sweep-variant", dir, "--stage",
                stageName(plan.stage()), "--threads",     "1"};
            argvText.insert(argvText.end(), passOn.begin(), passOn.end());
            if (const auto it = perVariant.find(v.name); it != perVariant.end()) {
                argvText.insert(argvText.end(), it->second.begin(), it->second.end());
            }
            std::vector<char*> argvPtrs;
            for (std::string& a : argvText) {
                argvPtrs.push_back(a.data());
            }
            argvPtrs.push_back(nullptr);
            const std::string logPath = (fs::path(dir) / "sweep.log").string();
            manifest.markStarted(v.name);
            manifest.save();
            std::fflush(stdout);
            std::fflush(stderr);
            const pid_t pid = ::fork();
            if (pid < 0) {
                throw Error(ErrorKind::Runtime, "sweep: could not start a process for " + v.name);
            }
            if (pid == 0) {
                signals.prepareChild();
                const int fd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
                if (fd >= 0) {
                    ::dup2(fd, STDOUT_FILENO);
                    ::dup2(fd, STDERR_FILENO);
                    ::close(fd);
                }
                ::execv("/proc/self/exe", argvPtrs.data());
                std::fprintf(stderr, "vdstudio-cli: sweep: cannot start /proc/self/exe\n");
                std::_Exit(127);
            }
            running[pid] = &v;
            std::printf("sweep: started %s (log %s)\n", v.name.c_str(), logPath.c_str());
            std::fflush(stdout);
        }
        int status = 0;
        const pid_t done = ::waitpid(-1, &status, WNOHANG);
        if (done > 0 && running.count(done) != 0) {
            const SweepVariant& v = *running[done];
            running.erase(done);
            const int code = WIFEXITED(status)     ? WEXITSTATUS(status)
                             : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                                   : 1;
            if (code == 0) {
                manifest.markFinished(v.name);
                manifest.save();
                std::printf("sweep: finished %s\n", v.name.c_str());
            } else if (code == 130 || stopped) {
                std::printf("sweep: stopped %s (resumes from its last checkpoint)\n",
                            v.name.c_str());
            } else {
                failed[v.name] = code;
                std::printf("sweep: %s failed with status %d (see %s/sweep.log)\n", v.name.c_str(),
                            code, plan.variantDir(v).c_str());
            }
            std::fflush(stdout);
            continue;
        }
        // A reaping poll, as for --procs: waitpid cannot also wait for a forwarded signal.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stopped = stopped || StopSignals::received() != 0;
    return failed;
}

SweepVariantRun* g_current = nullptr; ///< the variant training in this process, for signals
bool g_stopping = false;

} // namespace

int runSweep(const std::vector<std::string>& argvIn)
{
    std::vector<std::string> argv = argvIn;
    const std::vector<std::string> sets = takeRepeatedFlag(argv, "set", "KEY=V1,V2");
    const std::vector<std::string> scales =
        takeRepeatedFlag(argv, "scale", "model=F1,F2,... or data=S1,S2,...");
    const CliArgs args(argv,
                       {"stage", "steps", "minutes", "parallel", "name", "device", "threads",
                        "eval-clips", "per-class", "match"},
                       {"no-eval"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    const Project project = Project::load(args.positional()[0]);
    const Stage stage = stageFlag(args, "sweep");
    const SweepVariantOptions options = variantOptions(args);
    std::vector<SweepAxis> axes;
    for (const std::string& s : sets) {
        axes.push_back(SweepAxis::parse(s));
    }
    for (const std::string& s : scales) {
        axes.push_back(SweepAxis::parseScale(s));
    }
    if (args.has("match") && scales.empty()) {
        throw Error(ErrorKind::Usage, "--match is for a scaling study: give --scale too",
                    ErrorCode::InvalidValue);
    }
    const ScaleMatch match = parseScaleMatch(args.get("match", "steps"));
    const SweepPlan plan(project, stage, std::move(axes), args.get("name", ""));
    SweepRunSettings runSettings;
    runSettings.steps = options.steps;
    runSettings.minutes = options.minutes;
    runSettings.match = scaleMatchName(match);
    // Refuses another sweep under this name before anything is measured or written.
    SweepManifest manifest = SweepManifest::openFor(plan, runSettings);
    // A scaling study's variants: their share of the clips and, compute-matched, their steps.
    std::map<std::string, SweepVariantOptions> variantOptionsOf;
    std::map<std::string, std::vector<std::string>> variantFlags;
    if (const SweepAxis* scale = plan.scaleAxis()) {
        const TrainConfig& train =
            stage == Stage::VAE ? project.vae.train : project.diffusion.train;
        const int64_t reference = options.steps > 0 ? options.steps : train.steps;
        const std::vector<int64_t> steps = matchedSteps(plan, match, reference);
        for (size_t i = 0; i < plan.variants().size(); ++i) {
            const SweepVariant& v = plan.variants()[i];
            SweepVariantOptions o = options;
            std::vector<std::string>& flags = variantFlags[v.name];
            if (match == ScaleMatch::Compute) {
                o.steps = steps[i];
                flags.insert(flags.end(), {"--steps", std::to_string(steps[i])});
            }
            if (v.dataShare < 1.0) {
                o.dataShare = v.dataShare;
                char share[32];
                std::snprintf(share, sizeof share, "%.17g", v.dataShare);
                flags.insert(flags.end(), {"--data-share", share});
            }
            variantOptionsOf[v.name] = o;
        }
        std::printf(
            "scaling study: %s, %s-matched (%s)\n", scale->key.c_str(), scaleMatchName(match),
            match == ScaleMatch::Compute ? "steps x FLOPs per step equal to the reference variant's"
                                         : (options.steps > 0 ? "--steps" : "the project's steps"));
        for (size_t i = 0; i < plan.variants().size(); ++i) {
            const SweepVariant& v = plan.variants()[i];
            const int width = stage == Stage::VAE ? v.project.vae.model.baseChannels
                                                  : v.project.diffusion.model.baseChannels;
            if (scale->scale == "model") {
                std::printf("  %s: base_channels %d, %lld steps\n", v.name.c_str(), width,
                            static_cast<long long>(steps[i]));
            } else {
                std::printf("  %s: %g of the training clips, %lld steps\n", v.name.c_str(),
                            v.dataShare, static_cast<long long>(steps[i]));
            }
        }
    }
    const auto optionsFor = [&](const SweepVariant& v) {
        const auto it = variantOptionsOf.find(v.name);
        return it == variantOptionsOf.end() ? options : it->second;
    };
    plan.writeVariantProjects();
    manifest.save();

    std::vector<const SweepVariant*> pending;
    for (const SweepVariant& v : plan.variants()) {
        if (manifest.finished(v.name)) {
            std::printf("sweep: %s finished earlier, skipped\n", v.name.c_str());
        } else {
            pending.push_back(&v);
        }
    }
    const TrainConfig& stageTrain =
        stage == Stage::VAE ? project.vae.train : project.diffusion.train;
    int parallel = 1;
    if (args.has("parallel")) {
        parallel = args.getInt("parallel", 1, 1, 256);
    } else if (!args.has("threads")) { // --threads alone asks for one after another
        const std::string device = options.device.empty() ? stageTrain.device : options.device;
        parallel = defaultSweepParallel(pending.size(), resolveDevice(device, "--device").is_cuda(),
                                        std::thread::hardware_concurrency());
    }
    if (parallel > 1 && pending.size() > static_cast<size_t>(parallel) && options.minutes <= 0.0) {
        // Largest first, so that a large variant does not run alone at the end.
        std::vector<double> costs;
        for (const SweepVariant* v : pending) {
            const TrainConfig& train =
                stage == Stage::VAE ? v->project.vae.train : v->project.diffusion.train;
            const int64_t steps = optionsFor(*v).steps > 0 ? optionsFor(*v).steps : train.steps;
            costs.push_back(measureModelCost(v->project, stage).flopsPerStep *
                            static_cast<double>(steps));
        }
        std::vector<const SweepVariant*> ordered;
        for (size_t i : largestFirst(costs)) {
            ordered.push_back(pending[i]);
        }
        pending = std::move(ordered);
    }
    std::printf("sweep %s: %zu variant(s) of the %s stage in %s, %zu to run, %s\n",
                plan.name().c_str(), plan.variants().size(), stageName(stage), plan.dir().c_str(),
                pending.size(),
                parallel > 1 ? (std::to_string(parallel) + " at a time, 1 thread each").c_str()
                             : "one after another");
    std::fflush(stdout);

    bool stopped = false;
    std::map<std::string, int> failed;
    if (!pending.empty() && parallel > 1) {
        applyThreadsFlag(args);
        if (stage == Stage::Diffusion && options.evaluate) {
            // The variants share the project's judge: trained once here, not by each at once.
            const ClipJudge judge(
                project, options.device.empty() ? project.diffusion.train.device : options.device,
                [](const std::string& line) {
                    std::printf("%s\n", line.c_str());
                    std::fflush(stdout);
                });
        }
        std::vector<std::string> passOn;
        for (const std::string& flag : kVariantFlags) {
            if (flag == "steps" && match == ScaleMatch::Compute) {
                continue; // each variant's own, in variantFlags
            }
            if (args.has(flag)) {
                passOn.push_back("--" + flag);
                passOn.push_back(args.get(flag, ""));
            }
        }
        if (args.has("no-eval")) {
            passOn.push_back("--no-eval");
        }
        failed = runChildren(plan, manifest, pending, parallel, passOn, variantFlags, stopped);
    } else if (!pending.empty()) {
        applyThreadsFlag(args);
        StopOnSignal stopOnSignal(
            [](void*) {
                g_stopping = true;
                if (g_current) {
                    g_current->requestStop();
                }
            },
            nullptr);
        for (const SweepVariant* v : pending) {
            if (g_stopping) {
                stopped = true;
                break;
            }
            std::printf("sweep: %s\n", v->name.c_str());
            std::fflush(stdout);
            const TrainConfig& train =
                stage == Stage::VAE ? v->project.vae.train : v->project.diffusion.train;
            ConsoleObserver observer(v->name, stdoutIsTerminal(), train.logEvery);
            SweepVariantRun run(plan.variantDir(*v), stage, optionsFor(*v), &observer);
            manifest.markStarted(v->name);
            manifest.save();
            g_current = &run;
            struct Forget {
                ~Forget() { g_current = nullptr; }
            } forget;
            if (!run.run()) {
                stopped = true;
                break;
            }
            manifest.markFinished(v->name);
            manifest.save();
        }
    }

    SweepResults results = SweepResults::collect(plan, manifest, scaleMatchName(match));
    std::string scaling;
    if (plan.scaleAxis()) {
        const ScalingStudy study = ScalingStudy::analyse(plan, results, match);
        results.setExtra("scaling", study.toJson());
        const std::string png = (fs::path(plan.dir()) / ScalingStudy::kPlotFile).string();
        study.writePlot(png,
                        plan.name() + ": " +
                            (study.yColumn == "heldout_loss" ? "held-out loss" : study.yColumn) +
                            " vs " + study.xColumn);
        scaling = study.summary() + "wrote " + png + "\n";
    }
    results.write(plan.dir());
    std::printf("\n%s\nwrote %s/%s and %s\n%s", results.toText().c_str(), plan.dir().c_str(),
                SweepResults::kCsvFile, SweepResults::kJsonFile, scaling.c_str());
    if (stopped) {
        std::printf("sweep stopped; run the same command again to continue it\n");
        return 130;
    }
    if (!failed.empty()) {
        std::string names;
        for (const auto& [name, code] : failed) {
            names += (names.empty() ? "" : ", ") + name + " (status " + std::to_string(code) + ")";
        }
        throw Error(ErrorKind::Runtime,
                    "sweep: " + std::to_string(failed.size()) + " variant(s) failed: " + names +
                        "; see their sweep.log; run the same command again to retry them");
    }
    return 0;
}

int runSweepVariant(const std::vector<std::string>& argv)
{
    const CliArgs args(
        argv,
        {"stage", "steps", "minutes", "device", "threads", "eval-clips", "per-class", "data-share"},
        {"no-eval"});
    args.requirePositional(1, 1, "VARIANT_DIR (a sweep's variant folder)");
    const Stage stage = stageFlag(args, "sweep-variant");
    applyThreadsFlag(args);
    const std::string dir = args.positional()[0];
    const Project project = SweepPlan::loadVariantProject(dir, stage);
    const TrainConfig& train = stage == Stage::VAE ? project.vae.train : project.diffusion.train;
    ConsoleObserver observer(fs::path(dir).filename().string(), false, train.logEvery);
    SweepVariantRun variant(dir, stage, variantOptions(args), &observer);
    StopOnSignal stopOnSignal([](void* r) { static_cast<SweepVariantRun*>(r)->requestStop(); },
                              &variant);
    return variant.run() ? 0 : 130;
}

} // namespace vd::cli
