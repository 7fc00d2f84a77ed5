#pragma once

#include "raft/action.h"
#include "raft/simulation.h"
#include "raft/types.h"
#include "widgets/clusterlayout.h"

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

/// ClusterQuickButtons are the small round buttons that ring a hovered server in the
/// cluster view: pause/resume, crash/restart, time out (start an election now) and a
/// client request. Each carries the typed action a click asks for (the one the
/// server's context menu asks for), and whether the simulation would refuse it: a
/// refused button is drawn disabled and its tool tip says why, worded by RefusalText
/// as the status bar words it.
///
/// Geometry apart from painting: place() is pure (layout, simulation, the boxes to keep
/// clear), paint() only paints what place() decided.
class ClusterQuickButtons {
    Q_DECLARE_TR_FUNCTIONS(ClusterQuickButtons)
public:
    /// Kind is what a button does; its action depends on the server's state.
    enum class Kind { PauseResume, CrashRestart, Timeout, Request };
    /// kKinds lists the buttons in their order around the disc.
    static constexpr Kind kKinds[] = {Kind::PauseResume, Kind::CrashRestart, Kind::Timeout, Kind::Request};

    /// Button is one quick button: where it is and what a click asks for.
    struct Button {
        Kind kind = Kind::PauseResume;
        raft::Action action;
        QPointF centre;
        qreal radius = 0;
        /// enabled: the simulation would do the action now (Simulation::check).
        bool enabled = false;
        /// toolTip says what the button does or, when disabled, why it is refused.
        QString toolTip;
        /// contains tells whether pos falls on the button (its disc).
        bool contains(QPointF pos) const;
        QRectF rect() const { return {centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)}; }
    };

    /// buttonRadius is the radius of a quick button beside a disc of this layout: it
    /// grows with the zoom (the disc) and with the text scale (the small font).
    static qreal buttonRadius(const ClusterLayout &layout);
    /// actionOf is the action a button of this kind asks of server id as it is now.
    static raft::Action actionOf(const raft::Simulation &sim, raft::NodeId id, Kind kind);
    /// place puts the buttons of server id around its disc, on the first arc (from the
    /// side facing the ring's centre, turning both ways) where none touches a box of
    /// `avoid` (the other servers' discs and labels, its own label) and all lie in the
    /// view; if no arc is clear, on the inward side.
    static std::vector<Button> place(const raft::Simulation &sim, const ClusterLayout &layout, raft::NodeId id,
                                     const std::vector<QRectF> &avoid);
    /// reach is how far from server id's centre its buttons can lie (hovering inside
    /// it keeps them shown).
    static qreal reach(const ClusterLayout &layout);
    /// at is the index of the button under pos, or -1.
    static int at(const std::vector<Button> &buttons, QPointF pos);
    /// paint draws the buttons at `opacity` (their fade), `hovered` (an index, or -1)
    /// lit.
    static void paint(QPainter &painter, const std::vector<Button> &buttons, qreal opacity, int hovered);

private:
    static QString text(const raft::Simulation &sim, raft::NodeId id, Kind kind);
    static void paintGlyph(QPainter &painter, const Button &button, const QColor &ink);
};

} // namespace widgets
