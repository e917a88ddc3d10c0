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

.PHONY: all deps configure build test test-default test-core demo bench format format-check \
        package clean deps-torch2 build-torch2 test-torch2

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Both LibTorch builds; the second runs even when the first fails, and either failing fails.
test: build
	@status=0; \
	$(MAKE) --no-print-directory test-default || status=1; \
	$(MAKE) --no-print-directory test-torch2 || status=1; \
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

demo: build
	bash scripts/demo.sh $(CLI)

bench: build
	bash bench/run.sh $(BUILD_DIR)

format: configure
	cmake --build $(BUILD_DIR) --target format

format-check: configure
	cmake --build $(BUILD_DIR) --target format-check

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(TORCH2_BUILD_DIR)
