// SPDX-License-Identifier: GPL-3.0-or-later
// A run's preview clips on disk: names that carry step, kind, index and label; the latest
// step's previews found again (other steps and stray files ignored); frames read back at their
// training size with their colours.
#include "train/PreviewArchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdlib>

using namespace vd;

namespace {

/// 6 frames of 16x12: frame t is a solid colour with a white square at (t, t).
PreviewClip makeClip(int64_t step, const std::string& kind, int label)
{
    PreviewClip clip;
    clip.step = step;
    clip.kind = kind;
    clip.label = label;
    clip.frames.frames = 6;
    clip.frames.width = 16;
    clip.frames.height = 12;
    clip.frames.data.resize(6 * 16 * 12 * 3);
    for (int t = 0; t < 6; ++t) {
        uint8_t* f = clip.frames.frame(t);
        for (int y = 0; y < 12; ++y) {
            for (int x = 0; x < 16; ++x) {
                uint8_t* p = f + (y * 16 + x) * 3;
                const bool square = x >= t && x < t + 3 && y >= t && y < t + 3;
                p[0] = square ? 255 : static_cast<uint8_t>(40 * t);
                p[1] = square ? 255 : static_cast<uint8_t>(200 - 30 * t);
                p[2] = square ? 255 : 90;
            }
        }
    }
    return clip;
}

} // namespace

class tst_PreviewArchive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesCarryStepKindIndexAndLabel();
    void latestFindsOnlyTheNewestStep();
    void readGivesTheFramesBackAtTrainingSize();
    void missingOrStrangeFilesAreIgnored();
};

void tst_PreviewArchive::namesCarryStepKindIndexAndLabel()
{
    QTemporaryDir dir;
    PreviewArchive archive(dir.filePath("samples").toStdString());
    const auto name = [](const std::string& path) {
        return QFileInfo(QString::fromStdString(path)).fileName();
    };
    QCOMPARE(name(archive.write(makeClip(500, "reconstruction", -1))),
             QString("step-000500-reconstruction-0.gif"));
    QCOMPARE(name(archive.write(makeClip(500, "reconstruction", -1))),
             QString("step-000500-reconstruction-1.gif"));
    QCOMPARE(name(archive.write(makeClip(500, "sample", 3))),
             QString("step-000500-sample-0-class3.gif"));
    // The index counts per step: a new step starts again at 0.
    QCOMPARE(name(archive.write(makeClip(600, "reconstruction", -1))),
             QString("step-000600-reconstruction-0.gif"));
}

void tst_PreviewArchive::latestFindsOnlyTheNewestStep()
{
    QTemporaryDir dir;
    const std::string samples = dir.filePath("samples").toStdString();
    {
        PreviewArchive archive(samples);
        archive.write(makeClip(100, "sample", 1));
        archive.write(makeClip(100, "sample", 2));
        archive.write(makeClip(1200, "sample", 2));
        archive.write(makeClip(1200, "reconstruction", -1));
        archive.write(makeClip(1200, "sample", 0));
    }
    // A fresh archive (the next session) sees what the last one wrote.
    const std::vector<SavedPreview> latest = PreviewArchive(samples).latest();
    QCOMPARE(latest.size(), size_t(3));
    QCOMPARE(latest[0].kind, std::string("reconstruction"));
    QCOMPARE(latest[0].label, -1);
    QCOMPARE(latest[1].kind, std::string("sample"));
    QCOMPARE(latest[1].index, 0);
    QCOMPARE(latest[1].label, 2);
    QCOMPARE(latest[2].index, 1);
    QCOMPARE(latest[2].label, 0);
    for (const SavedPreview& p : latest) {
        QCOMPARE(p.step, int64_t(1200));
        QVERIFY(QFile::exists(QString::fromStdString(p.path)));
    }
}

void tst_PreviewArchive::readGivesTheFramesBackAtTrainingSize()
{
    QTemporaryDir dir;
    PreviewArchive archive(dir.filePath("samples").toStdString());
    const PreviewClip clip = makeClip(7, "sample", -1);
    archive.write(clip);
    const std::vector<SavedPreview> latest = archive.latest();
    QCOMPARE(latest.size(), size_t(1));
    const FrameStack back = PreviewArchive::read(latest[0]);
    QCOMPARE(back.frames, clip.frames.frames);
    QCOMPARE(back.width, clip.frames.width);
    QCOMPARE(back.height, clip.frames.height);
    // GIF keeps few colours exactly (a palette per file); allow a small palette error.
    int worst = 0;
    for (size_t i = 0; i < back.data.size(); ++i) {
        worst = std::max(worst, std::abs(int(back.data[i]) - int(clip.frames.data[i])));
    }
    QVERIFY2(worst <= 12, qPrintable(QString("largest channel error %1").arg(worst)));
}

void tst_PreviewArchive::missingOrStrangeFilesAreIgnored()
{
    QVERIFY(PreviewArchive("/nonexistent/vdstudio/samples").latest().empty());
    QTemporaryDir dir;
    for (const char* name :
         {"notes.txt", "step-abc-sample-0.gif", "step-000010-other-0.gif", "contact-sheet.png"}) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    QVERIFY(PreviewArchive(dir.path().toStdString()).latest().empty());
}

QTEST_GUILESS_MAIN(tst_PreviewArchive)
#include "tst_PreviewArchive.moc"
