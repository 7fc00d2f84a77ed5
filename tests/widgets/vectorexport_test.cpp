// The cluster view as a picture for slides: its SVG is made of shapes and text, with no
// embedded bitmap; it looks like the screen; and scaled up it stays sharp.
#include "app/pictureexport.h"
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterpalette.h"
#include "widgets/clusterview.h"
#include "widgets/vectorpaint.h"

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numbers>

using widgets::ClusterView;

/// kThreshold: the largest mean channel difference (0–255) between the SVG drawn back
/// and the screen's picture, both shrunk to an eighth. Measured on this scene: 0.36
/// (text laid out by QSvgRenderer, antialiasing); with the discs painted out, 5.9. The
/// threshold sits between, over five times the first and a third of the second.
constexpr double kThreshold = 2.0;
/// kSharpEdge: the widest (px) the outer edge of the leader's ring may be at 3×.
/// Measured: 1.25 drawn from the SVG; 3.25 from a bitmap of the screen enlarged 3×.
constexpr double kSharpEdge = 2.0;

namespace {

/// Svg: how many elements of each name an SVG has, and the texts of its <text>s.
struct Svg {
    std::map<QString, int> elements;
    QStringList texts;
    /// count is how many elements named `name` there are.
    int count(const char *name) const
    {
        const auto it = elements.find(QLatin1String(name));
        return it == elements.end() ? 0 : it->second;
    }
};

Svg parse(const QByteArray &svg)
{
    Svg out;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        ++out.elements[name];
        if (name == QLatin1String("text"))
            out.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return out;
}

/// draw renders an SVG into an image of `size` on white.
QImage draw(const QByteArray &svg, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QSvgRenderer renderer(svg);
    EXPECT_TRUE(renderer.isValid());
    QPainter painter(&image);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

/// bitmapSvg is an SVG that holds `image` as one embedded bitmap: what the export made
/// of the cluster view before it drew vectors (the negative control of the tests).
QByteArray bitmapSvg(const QImage &image)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(image.size());
    generator.setViewBox(QRect(QPoint(0, 0), image.size()));
    {
        QPainter painter(&generator);
        painter.drawImage(QPointF(0, 0), image);
    }
    return buffer.data();
}

/// meanDifference is the mean absolute difference of the colour channels of a and b
/// (0–255), both shrunk by `factor` (smoothly) first.
double meanDifference(const QImage &a, const QImage &b, int factor)
{
    const QSize small = a.size() / factor;
    const QImage x =
        a.convertToFormat(QImage::Format_RGB32).scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage y =
        b.convertToFormat(QImage::Format_RGB32).scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int row = 0; row < small.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < small.width(); ++col)
            sum += std::abs(qRed(p[col]) - qRed(q[col])) + std::abs(qGreen(p[col]) - qGreen(q[col]))
                + std::abs(qBlue(p[col]) - qBlue(q[col]));
    }
    return sum / (3.0 * small.width() * small.height());
}

double luminance(QRgb p)
{
    return 0.299 * qRed(p) + 0.587 * qGreen(p) + 0.114 * qBlue(p);
}

/// edgeWidth measures, in pixels, how wide the outer edge of a ring is in `image`:
/// along the ray from `centre` in direction `angle` (radians, y down), from `from` to
/// `to` pixels out, the distance between the last sample as dark as the ring (within
/// 10% of the contrast) and the first as light as what lies outside it.
double edgeWidth(const QImage &image, QPointF centre, double angle, double from, double to)
{
    const QPointF u(std::cos(angle), std::sin(angle));
    std::vector<double> profile;
    constexpr double kStep = 0.25;
    for (double d = from; d <= to; d += kStep) {
        const QPoint at = (centre + u * d).toPoint();
        profile.push_back(luminance(image.pixel(at)));
    }
    const double dark = *std::min_element(profile.begin(), profile.end());
    const double light = profile.back();
    const double tolerance = 0.1 * (light - dark);
    std::size_t lastDark = 0;
    for (std::size_t i = 0; i < profile.size(); ++i)
        if (profile[i] <= dark + tolerance)
            lastDark = i;
    std::size_t firstLight = profile.size() - 1;
    for (std::size_t i = lastDark; i < profile.size(); ++i)
        if (profile[i] >= light - tolerance) {
            firstLight = i;
            break;
        }
    return static_cast<double>(firstLight - lastDark) * kStep;
}

/// VectorExport: five servers, a leader, messages in flight, a crashed server, a
/// partition whose minority side has no quorum (hatched), the legend shown.
class VectorExport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_sim.runUntil([&] { return m_sim.leader().has_value(); }, raft::fromMs(60'000)));
        m_leader = *m_sim.leader();
        // The leader with two others; the last two apart, one of them crashed.
        std::vector<raft::NodeId> major{m_leader};
        std::vector<raft::NodeId> minor;
        for (raft::NodeId id = 1; id <= 5; ++id)
            if (id != m_leader)
                (major.size() < 3 ? major : minor).push_back(id);
        ASSERT_TRUE(m_sim.apply(raft::act::Crash{minor.front()}).isDone());
        ASSERT_TRUE(m_sim.apply(raft::act::Partition{{major, minor}}).isDone());
        (void)m_sim.request(m_leader, "set x 1");
        m_sim.runFor(raft::fromMs(650)); // heartbeats and the entry on their way
        ASSERT_GT(m_sim.network().size(), 0u);
        m_view.resize(960, 640);
        m_view.setLegendVisible(true);
        m_view.setSimulation(&m_sim);
        m_view.setDisplayTime(static_cast<double>(m_sim.now()));
        ASSERT_TRUE(m_view.clusterLayout().legendShown());
        ASSERT_TRUE(m_view.networkGeometry().isPartitioned());
        m_svg = PictureExport::svgOf(&m_view, QStringLiteral("test"));
    }

    raft::Simulation m_sim{testing_widgets::slowConfig(5)};
    raft::NodeId m_leader = raft::kNoNode;
    ClusterView m_view;
    QByteArray m_svg;
};

} // namespace

TEST_F(VectorExport, ClusterSvgHasNoBitmapAndEveryNameAsText)
{
    const Svg svg = parse(m_svg);
    EXPECT_EQ(svg.count("image"), 0);
    EXPECT_EQ(svg.count("pattern"), 0);
    EXPECT_GT(svg.count("path") + svg.count("circle") + svg.count("ellipse"), 20);
    for (raft::NodeId id = 1; id <= 5; ++id) {
        const QString name = QString::fromStdString(raft::nodeName(id));
        EXPECT_TRUE(std::any_of(svg.texts.begin(), svg.texts.end(), [&](const QString &t) { return t.contains(name); }))
            << name.toStdString();
    }
    EXPECT_TRUE(svg.texts.contains(QStringLiteral("Legend")));
    // Every text names a generic family last, so that a slide tool without the font
    // still draws it sans-serif.
    EXPECT_GT(m_svg.count("font-family=\""), 0);
    EXPECT_EQ(m_svg.count("font-family=\""), m_svg.count(", sans-serif\""));
    // The control: a bitmap export is one <image> and no text.
    const Svg bitmap = parse(bitmapSvg(PictureExport::renderImage(&m_view, 1.0)));
    EXPECT_EQ(bitmap.count("image"), 1);
    EXPECT_TRUE(bitmap.texts.isEmpty());
}

TEST_F(VectorExport, ClusterSvgLooksLikeTheScreen)
{
    // Shrunk to an eighth, text and antialiasing differ little between the SVG drawn
    // by QSvgRenderer and the screen's picture; a picture that lacks its discs differs
    // several times more.
    const QImage screen = PictureExport::renderImage(&m_view, 1.0);
    const QImage vector = draw(m_svg, m_view.size());
    const double difference = meanDifference(screen, vector, 8);
    QImage noDiscs = vector;
    {
        QPainter painter(&noDiscs);
        painter.setPen(Qt::NoPen);
        painter.setBrush(widgets::ClusterPalette::background());
        const double r = m_view.nodeRadius() * 1.25;
        for (raft::NodeId id = 1; id <= 5; ++id)
            painter.drawEllipse(m_view.nodeCenter(id), r, r);
    }
    const double withoutDiscs = meanDifference(screen, noDiscs, 8);
    RecordProperty("difference", QString::number(difference).toStdString());
    RecordProperty("withoutDiscs", QString::number(withoutDiscs).toStdString());
    EXPECT_LT(difference, kThreshold) << "without discs: " << withoutDiscs;
    EXPECT_GT(withoutDiscs, kThreshold) << "with them: " << difference;
}

TEST_F(VectorExport, ClusterSvgStaysSharpWhenScaled)
{
    // At 3×, the outer edge of the leader's ring: a vector picture drawn at 3× has an
    // edge as narrow as antialiasing makes it; a bitmap of the screen enlarged 3× has
    // its one-pixel ramp three times as wide.
    constexpr int kScale = 3;
    const QSize big = m_view.size() * kScale;
    const QPointF c = m_view.nodeCenter(m_leader) * kScale;
    const double r = m_view.nodeRadius() * kScale;
    // A direction far from the links to the peers, the label (outward) and the chip (down).
    std::vector<double> avoid{std::atan2(c.y() / kScale - m_view.clusterLayout().centre().y(),
                                         c.x() / kScale - m_view.clusterLayout().centre().x()),
                              std::numbers::pi / 2};
    for (raft::NodeId id = 1; id <= 5; ++id)
        if (id != m_leader) {
            const QPointF d = m_view.nodeCenter(id) * kScale - c;
            avoid.push_back(std::atan2(d.y(), d.x()));
        }
    double best = 0;
    double bestClearance = -1;
    for (int step = 0; step < 72; ++step) {
        const double angle = step * std::numbers::pi / 36;
        double clearance = std::numbers::pi;
        for (const double a : avoid)
            clearance = std::min(clearance, std::abs(std::remainder(angle - a, 2 * std::numbers::pi)));
        if (clearance > bestClearance) {
            bestClearance = clearance;
            best = angle;
        }
    }
    // From the ring's middle (1.17 r) to past its outer edge (1.22 r).
    const double from = widgets::ClusterPalette::ringRadius(r);
    const double to = widgets::ClusterPalette::outerRadius(r) + 0.12 * r;
    const double sharp = edgeWidth(draw(m_svg, big), c, best, from, to);
    const double blurred = edgeWidth(draw(bitmapSvg(PictureExport::renderImage(&m_view, 1.0)), big), c, best, from, to);
    RecordProperty("sharp", QString::number(sharp).toStdString());
    RecordProperty("blurred", QString::number(blurred).toStdString());
    EXPECT_LE(sharp, kSharpEdge) << "bitmap: " << blurred;
    EXPECT_GT(blurred, kSharpEdge) << "vector: " << sharp;
}

TEST(VectorPaint, FillPatternDrawsAHatchAsDenseAsTheRasterOne)
{
    // On an SVG, a hatched square is a path (not an SVG <pattern>, which QSvgRenderer
    // would not draw), and drawn back it covers about as much of the square as the
    // raster pattern does (an eighth).
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(QSize(64, 64));
    generator.setViewBox(QRect(0, 0, 64, 64));
    {
        QPainter painter(&generator);
        EXPECT_TRUE(widgets::VectorPaint::isVector(painter));
        QPainterPath square;
        square.addRect(0, 0, 64, 64);
        widgets::VectorPaint::fillPattern(painter, square, QBrush(Qt::black, Qt::BDiagPattern));
    }
    const QByteArray svg = buffer.data();
    EXPECT_EQ(parse(svg).count("image"), 0);
    EXPECT_EQ(parse(svg).count("pattern"), 0);
    const QImage drawn = draw(svg, QSize(64, 64));
    double ink = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            ink += 1.0 - luminance(drawn.pixel(x, y)) / 255.0;
    EXPECT_NEAR(ink / (64 * 64), widgets::VectorPaint::patternCoverage(Qt::BDiagPattern), 0.03);
    EXPECT_DOUBLE_EQ(widgets::VectorPaint::patternCoverage(Qt::BDiagPattern), 1.0 / 8);
    QImage image(8, 8, QImage::Format_RGB32);
    QPainter raster(&image);
    EXPECT_FALSE(widgets::VectorPaint::isVector(raster));
}
