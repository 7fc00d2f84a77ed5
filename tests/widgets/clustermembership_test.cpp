// How the cluster view draws membership (§6): the configuration chip fits its text,
// the underscore of "C_old,new" included, and the legend explains learners and
// servers outside the configuration.
#include "widgets/clusterlegend.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clustertext.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <gtest/gtest.h>

using widgets::ClusterLegend;
using widgets::ClusterNodePainter;
using widgets::ClusterText;

TEST(ConfigurationChip, ItsRoundedBoxContainsTheTextsInkAtEverySize)
{
    for (const QString &label : {QStringLiteral("C_old,new"), QStringLiteral("C3"), QStringLiteral("Cjqy_9")}) {
        for (int pixels = 6; pixels <= 40; ++pixels) {
            SCOPED_TRACE(label.toStdString() + " at " + std::to_string(pixels) + " px");
            const QFont font = ClusterText::makeFont(pixels, false);
            const QFontMetricsF metrics(font);
            const QSizeF line(metrics.horizontalAdvance(label), metrics.height());
            const QPointF centre(100.5, 80.25);
            const ClusterNodePainter::Chip chip = ClusterNodePainter::chipGeometry(font, label, line, centre);

            // The glyphs' box, where the text is drawn (its line box centred on centre).
            const QPointF topLeft = centre - QPointF(line.width() / 2, line.height() / 2);
            const QRectF ink = metrics.boundingRect(label).translated(topLeft + QPointF(0, metrics.ascent()));
            EXPECT_EQ(chip.ink, ink);
            EXPECT_TRUE(chip.pill.contains(ink));
            // The descent (where the underscore lies) is inside, with room for the pen.
            EXPECT_GE(chip.pill.bottom(), topLeft.y() + metrics.ascent() + metrics.descent() + 1);
            // Inside the rounded ends too, not only the box around them.
            QPainterPath pill;
            pill.addRoundedRect(chip.pill, chip.corner, chip.corner);
            EXPECT_TRUE(pill.contains(ink));
        }
    }
}

TEST(ClusterLegendRows, ExplainLearnersAndServersOutsideTheConfiguration)
{
    const QStringList full = ClusterLegend::lines(1);
    EXPECT_TRUE(full.contains(QStringLiteral("Learner: hollow, catching up; no vote yet (§4.2.1)")));
    EXPECT_TRUE(full.contains(QStringLiteral("Spare or removed: greyed, outside the configuration (§6)")));
    const QStringList brief = ClusterLegend::lines(2);
    EXPECT_TRUE(brief.contains(QStringLiteral("Learner: catching up")));
    EXPECT_TRUE(brief.contains(QStringLiteral("Spare / removed")));
    // In a section of their own, before the messages.
    const auto section = full.indexOf(QStringLiteral("Membership changes (§6)"));
    ASSERT_GE(section, 0);
    EXPECT_EQ(full.indexOf(QStringLiteral("Learner: hollow, catching up; no vote yet (§4.2.1)")), section + 1);
    EXPECT_EQ(full.indexOf(QStringLiteral("Messages")), section + 3);
}
