#include "widgets/clusterquickbuttons.h"

#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/refusaltext.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace widgets {

namespace {

/// kGap: the space between two buttons, and between the buttons and the disc's
/// outermost ring, as a fraction of a button's radius.
constexpr qreal kGap = 0.35;

} // namespace

bool ClusterQuickButtons::Button::contains(QPointF pos) const
{
    const QPointF d = pos - centre;
    return d.x() * d.x() + d.y() * d.y() <= radius * radius;
}

qreal ClusterQuickButtons::buttonRadius(const ClusterLayout &layout)
{
    // Big enough to hit with a finger on a whiteboard when the disc is big, never
    // smaller than the label's small text.
    return std::max(layout.radius() * 0.24, layout.labelMetrics().smallPixels * 0.9);
}

qreal ClusterQuickButtons::reach(const ClusterLayout &layout)
{
    const qreal b = buttonRadius(layout);
    return layout.outer() + b * (2 + 2 * kGap);
}

raft::Action ClusterQuickButtons::actionOf(const raft::Simulation &sim, raft::NodeId id, Kind kind)
{
    const raft::NodeStatus status = sim.status(id);
    switch (kind) {
    case Kind::PauseResume:
        if (status == raft::NodeStatus::Paused)
            return raft::act::Resume{id};
        return raft::act::Pause{id};
    case Kind::CrashRestart:
        if (status == raft::NodeStatus::Crashed)
            return raft::act::Restart{id};
        return raft::act::Crash{id};
    case Kind::Timeout: return raft::act::Timeout{id};
    case Kind::Request: return raft::act::Request{id, sim.nextClientCommand()};
    }
    return raft::act::Pause{id};
}

QString ClusterQuickButtons::text(const raft::Simulation &sim, raft::NodeId id, Kind kind)
{
    const QString name = EventText::nodeText(id);
    const raft::NodeStatus status = sim.status(id);
    switch (kind) {
    case Kind::PauseResume:
        return status == raft::NodeStatus::Paused ? tr("Resume %1").arg(name) : tr("Pause %1").arg(name);
    case Kind::CrashRestart:
        return status == raft::NodeStatus::Crashed ? tr("Restart %1").arg(name) : tr("Crash %1").arg(name);
    case Kind::Timeout: return tr("Time out %1 now: it starts an election").arg(name);
    case Kind::Request:
        return tr("Send the client's next command to %1: “%2”")
            .arg(name, QString::fromStdString(sim.nextClientCommand()));
    }
    return {};
}

std::vector<ClusterQuickButtons::Button> ClusterQuickButtons::place(const raft::Simulation &sim,
                                                                    const ClusterLayout &layout, raft::NodeId id,
                                                                    const std::vector<QRectF> &avoid)
{
    std::vector<Button> buttons;
    if (!layout.contains(id) || id > sim.size())
        return buttons;
    const QPointF c = layout.nodeCentre(id);
    // The label lies outward: start from the side facing the ring's centre.
    const QPointF out = layout.outward(id);
    const qreal inward = layout.nodes() <= 1 ? std::numbers::pi / 2 : std::atan2(-out.y(), -out.x());
    const std::size_t count = std::size(kKinds);
    const QRectF view = layout.bounds();
    auto clear = [&](QPointF p, qreal b) {
        const QRectF box(p - QPointF(b, b), QSizeF(2 * b, 2 * b));
        if (!view.contains(box))
            return false;
        return std::none_of(avoid.begin(), avoid.end(), [&](const QRectF &keep) { return keep.intersects(box); });
    };
    // Slots around the disc, nearest the inward side first, turning both ways; each
    // button takes the first clear slot far enough from those taken. Crowded (large
    // text, many servers), the buttons shrink a little before they give up.
    constexpr int kSlots = 72; // every 5°
    struct Slot {
        qreal angle;
        QPointF centre;
    };
    std::vector<Slot> chosen;
    qreal b = buttonRadius(layout);
    for (int attempt = 0; attempt < 3 && chosen.size() < count; ++attempt, b *= 0.82) {
        chosen.clear();
        const qreal orbit = layout.outer() + b * (1 + kGap);
        for (int k = 0; k < kSlots && chosen.size() < count; ++k) {
            const int turn = (k + 1) / 2 * (k % 2 == 0 ? 1 : -1);
            const qreal angle = inward + turn * (2 * std::numbers::pi / kSlots);
            const QPointF p = c + QPointF(std::cos(angle), std::sin(angle)) * orbit;
            const bool apart = std::all_of(chosen.begin(), chosen.end(), [&](const Slot &s) {
                return std::hypot(s.centre.x() - p.x(), s.centre.y() - p.y()) >= 2 * b * (1 + kGap / 2);
            });
            if (apart && clear(p, b))
                chosen.push_back({static_cast<qreal>(turn), p});
        }
    }
    if (chosen.size() < count) {
        // Nowhere clear: side by side on the inward side.
        chosen.clear();
        b = buttonRadius(layout);
        const qreal orbit = layout.outer() + b * (1 + kGap);
        const qreal step = 2 * std::asin(std::min<qreal>(1, b * (1 + kGap / 2) / orbit));
        for (std::size_t i = 0; i < count; ++i) {
            const qreal angle = inward + (static_cast<qreal>(i) - (count - 1) / 2.0) * step;
            chosen.push_back({angle, c + QPointF(std::cos(angle), std::sin(angle)) * orbit});
        }
    }
    // Always in the same order around the disc.
    std::sort(chosen.begin(), chosen.end(), [](const Slot &x, const Slot &y) { return x.angle < y.angle; });
    for (std::size_t i = 0; i < count; ++i) {
        Button button;
        button.kind = kKinds[i];
        button.action = actionOf(sim, id, button.kind);
        button.centre = chosen[i].centre;
        button.radius = b;
        const raft::ActionResult check = sim.check(button.action);
        button.enabled = check.isDone();
        const QString does = text(sim, id, button.kind);
        button.toolTip = button.enabled ? does : tr("%1 — refused: %2").arg(does, RefusalText::describe(check));
        buttons.push_back(std::move(button));
    }
    return buttons;
}

int ClusterQuickButtons::at(const std::vector<Button> &buttons, QPointF pos)
{
    for (std::size_t i = 0; i < buttons.size(); ++i)
        if (buttons[i].contains(pos))
            return static_cast<int>(i);
    return -1;
}

void ClusterQuickButtons::paint(QPainter &painter, const std::vector<Button> &buttons, qreal opacity, int hovered)
{
    if (buttons.empty() || opacity <= 0)
        return;
    painter.save();
    painter.setOpacity(painter.opacity() * opacity);
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        const Button &button = buttons[i];
        const bool lit = button.enabled && static_cast<int>(i) == hovered;
        const QColor ink = !button.enabled ? ClusterPalette::quickButtonDisabled()
            : lit                          ? ClusterPalette::quickButtonHover()
                                           : ClusterPalette::quickButtonInk();
        QPen edge(ink, std::max<qreal>(1.0, button.radius * (lit ? 0.16 : 0.1)));
        if (!button.enabled)
            edge.setStyle(Qt::DashLine);
        painter.setPen(edge);
        painter.setBrush(ClusterPalette::quickButtonFill());
        painter.drawEllipse(button.centre, button.radius, button.radius);
        paintGlyph(painter, button, ink);
    }
    painter.restore();
}

void ClusterQuickButtons::paintGlyph(QPainter &painter, const Button &button, const QColor &ink)
{
    const qreal s = button.radius * 0.5;
    const QPointF c = button.centre;
    painter.save();
    painter.translate(c);
    QPen line(ink, std::max<qreal>(1.0, button.radius * 0.14), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    const bool resume = std::holds_alternative<raft::act::Resume>(button.action);
    const bool restart = std::holds_alternative<raft::act::Restart>(button.action);
    switch (button.kind) {
    case Kind::PauseResume:
        if (resume) {
            painter.drawPolygon(QPolygonF({QPointF(-0.6 * s, -0.8 * s), QPointF(0.8 * s, 0), QPointF(-0.6 * s, 0.8 * s)}));
        } else {
            painter.drawRect(QRectF(-0.7 * s, -0.8 * s, 0.5 * s, 1.6 * s));
            painter.drawRect(QRectF(0.2 * s, -0.8 * s, 0.5 * s, 1.6 * s));
        }
        break;
    case Kind::CrashRestart:
        if (restart) {
            // A circular arrow: three quarters of a circle and its head.
            painter.setPen(line);
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(QRectF(-0.75 * s, -0.75 * s, 1.5 * s, 1.5 * s), 90 * 16, 270 * 16);
            painter.setPen(Qt::NoPen);
            painter.setBrush(ink);
            painter.drawPolygon(
                QPolygonF({QPointF(-0.1 * s, -1.15 * s), QPointF(0.55 * s, -0.75 * s), QPointF(-0.1 * s, -0.35 * s)}));
        } else {
            // The lightning bolt of a crash.
            painter.drawPolygon(QPolygonF({QPointF(0.2 * s, -1.0 * s), QPointF(-0.55 * s, 0.12 * s),
                                           QPointF(-0.03 * s, 0.12 * s), QPointF(-0.2 * s, 1.0 * s),
                                           QPointF(0.55 * s, -0.17 * s), QPointF(0.03 * s, -0.17 * s)}));
        }
        break;
    case Kind::Timeout:
        // A clock whose hand has run out.
        painter.setPen(line);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(0, 0), 0.85 * s, 0.85 * s);
        painter.drawLine(QPointF(0, 0), QPointF(0, -0.55 * s));
        painter.drawLine(QPointF(0, 0), QPointF(0.4 * s, 0.2 * s));
        break;
    case Kind::Request:
        // The client's command: an envelope, as AppendEntries carries entries.
        painter.setPen(line);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(-0.85 * s, -0.6 * s, 1.7 * s, 1.2 * s));
        painter.drawPolyline(QPolygonF({QPointF(-0.85 * s, -0.6 * s), QPointF(0, 0.1 * s), QPointF(0.85 * s, -0.6 * s)}));
        break;
    }
    painter.restore();
}

} // namespace widgets
