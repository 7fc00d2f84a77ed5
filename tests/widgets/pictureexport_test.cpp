// Pictures for slides: the SVG export parses and names every server and message it
// shows; an animation is an APNG with the expected number of frames; errors name the file.
#include "app/guioptions.h"
#include "app/pictureexport.h"
#include "widgets/clusterview.h"
#include "widgets/spacetimeview.h"
#include "windowfixture.h"

#include <QDockWidget>
#include <QFile>
#include <QImageReader>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <map>

namespace {

/// countClasses counts the elements of each class in an SVG (which must parse).
std::map<QString, int> countClasses(const QByteArray &svg)
{
    std::map<QString, int> counts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            const QString cls = xml.attributes().value(QStringLiteral("class")).toString();
            if (!cls.isEmpty())
                ++counts[cls];
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_TRUE(QSvgRenderer(svg).isValid());
    return counts;
}

std::uint32_t be32(const QByteArray &bytes, qsizetype at)
{
    std::uint32_t v = 0;
    for (qsizetype i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<std::uint8_t>(bytes[at + i]);
    return v;
}

/// Chunks of a PNG file: type -> how many, and the acTL's frame count.
struct PngChunks {
    std::map<QByteArray, int> count;
    std::uint32_t actlFrames = 0;
};

PngChunks chunksOf(const QByteArray &png)
{
    PngChunks out;
    EXPECT_TRUE(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    qsizetype at = 8;
    while (at + 12 <= png.size()) {
        const auto length = static_cast<qsizetype>(be32(png, at));
        const QByteArray type = png.mid(at + 4, 4);
        ++out.count[type];
        if (type == "acTL")
            out.actlFrames = be32(png, at + 8);
        at += 12 + length;
    }
    EXPECT_EQ(at, png.size());
    return out;
}

class PictureExportTest : public WindowFixture {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        controller().runTo(raft::fromMs(3000));
        QApplication::processEvents();
    }
};

TEST_F(PictureExportTest, SpaceTimeSvgParsesWithOneElementPerServerAndMessage)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("spacetime.svg"));
    m_window->spaceTimeDock()->show();
    m_window->spaceTimeDock()->raise();
    QApplication::processEvents();
    widgets::SpaceTimeView *view = m_window->spaceTimeView();
    view->setVisibleRange(raft::fromMs(1000), raft::fromMs(1500));
    ASSERT_EQ(m_window->exportPictureFile(PictureExport::View::SpaceTime, path), QString());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const std::map<QString, int> counts = countClasses(file.readAll());
    EXPECT_EQ(counts.at(QStringLiteral("raftviz-server")), sim().size());
    ASSERT_FALSE(view->arrows().empty());
    EXPECT_EQ(counts.at(QStringLiteral("raftviz-message")), static_cast<int>(view->arrows().size()));
}

TEST_F(PictureExportTest, ClusterSvgNamesEveryServerAndMessageInFlight)
{
    const QByteArray svg = PictureExport::svgOf(m_window->clusterView(), QStringLiteral("test"));
    const std::map<QString, int> counts = countClasses(svg);
    EXPECT_EQ(counts.at(QStringLiteral("raftviz-server")), sim().size());
    ASSERT_GT(sim().network().size(), 0u);
    EXPECT_EQ(counts.at(QStringLiteral("raftviz-message")), static_cast<int>(sim().network().size()));
    EXPECT_TRUE(svg.contains("id=\"server-S1\""));
}

TEST_F(PictureExportTest, LogAndSpaceTimeSvgsHaveNoBitmap)
{
    // A crashed server and a paused one: their lanes are hatched and dotted, as shapes
    // (an SVG <pattern>, which QSvgRenderer does not draw, would leave them blank).
    controller().crash(2);
    controller().pauseNode(3);
    controller().runTo(raft::fromMs(4500));
    m_window->spaceTimeDock()->show();
    m_window->spaceTimeDock()->raise();
    QApplication::processEvents();
    m_window->spaceTimeView()->setVisibleRange(raft::fromMs(2500), raft::fromMs(4500));
    for (const PictureExport::View view : {PictureExport::View::Log, PictureExport::View::SpaceTime}) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("picture.svg"));
        ASSERT_EQ(m_window->exportPictureFile(view, path), QString());
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        EXPECT_FALSE(svg.contains("<image")) << static_cast<int>(view);
        EXPECT_FALSE(svg.contains("<pattern")) << static_cast<int>(view);
        EXPECT_TRUE(svg.contains("<text")) << static_cast<int>(view);
    }
}

TEST_F(PictureExportTest, PngAtTwiceTheSize)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cluster.png"));
    ASSERT_EQ(m_window->exportPictureFile(PictureExport::View::Cluster, path, 2.0), QString());
    QImageReader reader(path);
    EXPECT_EQ(reader.size(), m_window->clusterView()->size() * 2);
}

TEST_F(PictureExportTest, AnimationHasTheExpectedFrameCount)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("election.png"));
    const raft::Time back = sim().now();
    // 1 s of the run at a quarter of real time, 5 frames a second: 4 s, 21 frames.
    const int frames = MainWindow::animationFrameCount(raft::fromMs(500), raft::fromMs(1500), 0.25, 5);
    EXPECT_EQ(frames, 21);
    ASSERT_EQ(m_window->exportAnimationFile(PictureExport::View::Cluster, path, raft::fromMs(500), raft::fromMs(1500),
                                            0.25, 5),
              QString());
    EXPECT_EQ(sim().now(), back); // the run is put back where it was
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const PngChunks chunks = chunksOf(file.readAll());
    EXPECT_EQ(chunks.actlFrames, 21u);
    EXPECT_EQ(chunks.count.at("fcTL"), 21);
    EXPECT_EQ(chunks.count.at("IHDR"), 1);
    EXPECT_GE(chunks.count.at("IDAT"), 1);
    EXPECT_GE(chunks.count.at("fdAT"), 20);
    // A reader that knows no animation still sees a PNG: the first frame.
    QImageReader reader(path);
    EXPECT_EQ(reader.size(), m_window->clusterView()->size());
}

TEST_F(PictureExportTest, ErrorsNameTheFile)
{
    const QString path = QStringLiteral("/nonexistent-dir/picture.svg");
    const QString error = m_window->exportPictureFile(PictureExport::View::Cluster, path);
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    const QString animation = m_window->exportAnimationFile(
        PictureExport::View::Cluster, QStringLiteral("/nonexistent-dir/a.png"), 0, raft::fromMs(100), 1, 10);
    EXPECT_TRUE(animation.contains(QStringLiteral("/nonexistent-dir/a.png"))) << animation.toStdString();
}

TEST(Apng, ChunksCarryTheirCrcAndTheFirstFrameDecodes)
{
    // Every chunk ends in the CRC-32 of its type and data: an empty IEND's is the
    // constant every PNG ends with, and a PNG decoder, which checks the CRCs, reads the
    // first frame back pixel for pixel.
    QImage first(6, 4, QImage::Format_RGB32);
    first.fill(QColor(200, 30, 40));
    first.setPixelColor(2, 1, Qt::white);
    QImage second(6, 4, QImage::Format_RGB32);
    second.fill(Qt::black);
    QString error;
    const QByteArray apng = PictureExport::encodeApng({first, second}, 10, &error);
    ASSERT_FALSE(apng.isEmpty()) << error.toStdString();
    EXPECT_TRUE(apng.endsWith(QByteArray("\0\0\0\0IEND\xAE\x42\x60\x82", 12)));
    EXPECT_EQ(chunksOf(apng).actlFrames, 2u);
    const QImage decoded = QImage::fromData(apng, "PNG").convertToFormat(QImage::Format_RGB32);
    EXPECT_EQ(decoded, first);
}

TEST(GuiOptionsView, ScreenshotTakesAViewAndRefusesAnUnknownOne)
{
    QString error;
    const auto options = GuiOptions::parse({QStringLiteral("--screenshot"), QStringLiteral("a.svg"),
                                            QStringLiteral("--view"), QStringLiteral("spacetime")},
                                           &error);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    EXPECT_EQ(options->view, QStringLiteral("spacetime"));
    EXPECT_FALSE(GuiOptions::parse({QStringLiteral("--view"), QStringLiteral("ring")}, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("ring")));
}

} // namespace
