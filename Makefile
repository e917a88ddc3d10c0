# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper over CMake presets. `make demo` and `make test` install their own dependencies.

BUILD_DIR ?= build
PRESET    ?= release
JOBS      ?= $(shell nproc)
CLI       := $(BUILD_DIR)/app/vdstudio-cli
# Each ctest process runs single-threaded torch; ctest runs suites side by side.
CTEST_JOBS ?= $(JOBS)
# The second build: core, CLI and core tests against the torch wheel's LibTorch 2.x (CUDA),
# installed once into a venv outside the clone (scripts/install-torch2.sh; README.md).
TORCH2_BUILD_DIR ?= build-torch2
TORCH2_VENV      ?= $(or $(VD_TORCH2_VENV),$(HOME)/.cache/vdstudio/torch2-venv)
TORCH2_CTEST     ?= -L core
# Sanitizer builds (clang; docs/fuzzing-and-sanitizers.md): ASan + UBSan with the fuzz targets,
# and ThreadSanitizer. make sanitize runs SANITIZE_CTEST there; make fuzz runs each fuzz target
# for FUZZ_SECONDS (FUZZ_TARGETS: a subset, e.g. "Project MetricsLog").
SAN_BUILD_DIR    ?= build-san
TSAN_BUILD_DIR   ?= build-tsan
SANITIZE_CTEST   ?= -L core -LE slow
TSAN_CTEST       ?= -R 'core\.(ClipLoader|Trainer|DemoDataset)$$'
FUZZ_SECONDS     ?= 60
FUZZ_TARGETS     ?=
# What CI adds to make test (bench/RESULTS.md, "Build times: the sanitizer build"): the fuzz
# targets for CI_FUZZ_SECONDS each (findings already reported set aside: tests/fuzz/pending),
# the fuzz regressions, the CLI pipeline and the suites of the readers under ASan + UBSan;
# building only what that needs keeps it under 20 minutes cold.
CI_FUZZ_SECONDS  ?= 30
CI_SANITIZE_TESTS := JsonParse Safetensors Project MetricsLog Checkpoint MediaBadInput DatasetIndex ClipLoader
empty :=
CI_SANITIZE_REGEX := ^(fuzz\..*|sanitize\.CliPipeline|core\.($(subst $(empty) $(empty),|,$(CI_SANITIZE_TESTS))))$$

.PHONY: all deps configure build test test-default test-core demo demo-small bench format format-check \
        package clean deps-torch2 build-torch2 test-torch2 configure-sanitize sanitize fuzz tsan \
        test-sanitize-ci

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Both LibTorch builds and the sanitizer checks; each runs even when one before it fails, and
# any failing fails.
test: build
	@status=0; \
	$(MAKE) --no-print-directory test-default || status=1; \
	$(MAKE) --no-print-directory test-torch2 || status=1; \
	$(MAKE) --no-print-directory test-sanitize-ci || status=1; \
	exit $$status

test-default: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS)

test-core: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) -L core

deps-torch2: deps
	VD_TORCH2_VENV=$(TORCH2_VENV) bash scripts/install-torch2.sh

build-torch2: deps-torch2
	@if [ ! -f $(TORCH2_BUILD_DIR)/build.ninja ]; then \
		cmake --preset torch2 -B $(TORCH2_BUILD_DIR) -DVDSTUDIO_TORCH_PYTHON=$(TORCH2_VENV)/bin/python; \
	fi
	cmake --build $(TORCH2_BUILD_DIR) -j $(JOBS)

test-torch2: build-torch2
	cd $(TORCH2_BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) $(TORCH2_CTEST)

configure-sanitize: deps
	@if [ ! -f $(SAN_BUILD_DIR)/build.ninja ]; then cmake --preset sanitize -B $(SAN_BUILD_DIR); fi

# The core suites (slow ones left out: SANITIZE_CTEST='-L core' runs them too) and the CLI
# pipeline (sanitize.CliPipeline) under AddressSanitizer + UBSan.
sanitize: configure-sanitize
	cmake --build $(SAN_BUILD_DIR) -j $(JOBS)
	cd $(SAN_BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) $(SANITIZE_CTEST)

fuzz: configure-sanitize
	cmake --build $(SAN_BUILD_DIR) -j $(JOBS) --target fuzzers
	bash scripts/fuzz.sh $(SAN_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-sanitize-ci: configure-sanitize
	cmake --build $(SAN_BUILD_DIR) -j $(JOBS) --target fuzzers vdstudio-cli \
		$(foreach t,Safetensors Project MetricsLog DatasetIndex VideoReader,fuzz_$(t)_replay) \
		$(foreach t,$(CI_SANITIZE_TESTS),tst_$(t))
	@status=0; \
	VD_SANITIZER_OPTIONS=tests/fuzz/pending/options.txt \
		bash scripts/fuzz.sh $(SAN_BUILD_DIR) $(CI_FUZZ_SECONDS) || status=1; \
	cd $(SAN_BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) \
		-R '$(CI_SANITIZE_REGEX)' \
		|| status=1; \
	exit $$status

tsan: deps
	@if [ ! -f $(TSAN_BUILD_DIR)/build.ninja ]; then cmake --preset tsan -B $(TSAN_BUILD_DIR); fi
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS)
	cd $(TSAN_BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) $(TSAN_CTEST)

demo: build
	bash scripts/demo.sh $(CLI)

# The same pipeline with the small preset: 128x128 clips of 16 frames, an hour on a 2-core CPU.
demo-small: build
	VD_DEMO_PRESET=small VD_DEMO_OUT=$${VD_DEMO_OUT:-demo-small-output} bash scripts/demo.sh $(CLI)

bench: build
	bash bench/run.sh $(BUILD_DIR)

format: configure
	cmake --build $(BUILD_DIR) --target format

format-check: configure
	cmake --build $(BUILD_DIR) --target format-check

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(TORCH2_BUILD_DIR) $(SAN_BUILD_DIR) $(TSAN_BUILD_DIR)
