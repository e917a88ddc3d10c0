// SPDX-License-Identifier: GPL-3.0-or-later
// <qcustomplot.h> under the project's QT_NO_KEYWORDS: QCustomPlot's header uses the bare
// `signals` and `foreach` keywords, which QT_NO_KEYWORDS (needed for LibTorch) leaves undefined.
// Include this instead of <qcustomplot.h>.
#pragma once

#ifndef signals
#define signals Q_SIGNALS
#define VD_QCUSTOMPLOT_DEFINED_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define VD_QCUSTOMPLOT_DEFINED_FOREACH
#endif

#include <qcustomplot.h>

#ifdef VD_QCUSTOMPLOT_DEFINED_SIGNALS
#undef signals
#undef VD_QCUSTOMPLOT_DEFINED_SIGNALS
#endif
#ifdef VD_QCUSTOMPLOT_DEFINED_FOREACH
#undef foreach
#undef VD_QCUSTOMPLOT_DEFINED_FOREACH
#endif
