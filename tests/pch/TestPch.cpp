// SPDX-License-Identifier: GPL-3.0-or-later
// Owner of the precompiled header that the core tests reuse (see tests/CMakeLists.txt).
