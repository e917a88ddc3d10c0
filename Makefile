# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper over CMake presets. `make demo` and `make test` install their own dependencies.

BUILD_DIR ?= build
PRESET    ?= release
JOBS      ?= $(shell nproc)
CLI       := $(BUILD_DIR)/app/vdstudio-cli
# Each ctest process runs single-threaded torch; ctest runs suites side by side.
CTEST_JOBS ?= $(JOBS)

.PHONY: all deps configure build test test-core demo bench format format-check package clean

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS)

test-core: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(CTEST_JOBS) -L core

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
	rm -rf $(BUILD_DIR)
