#include "eventmodel.h"

#include "clusterpalette.h"
#include "eventtext.h"
#include "raft/eventcatalog.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace widgets {

using raft::EventKind;

namespace {
/// tint is the background of a highlighted row in a tone, or none.
QVariant tint(raft::Tone tone)
{
    const QColor colour = ClusterPalette::toneTint(tone);
    return colour.isValid() ? QVariant(colour) : QVariant();
}
} // namespace

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventModel::setSimulation(const raft::Simulation *simulation)
{
    beginResetModel();
    m_sim = simulation;
    m_trace = nullptr;
    m_visible = std::numeric_limits<std::size_t>::max();
    m_scanned = 0;
    m_routine.clear();
    m_lastAck = {};
    scan();
    m_shown = m_scanned;
    rebuildRows();
    endResetModel();
}

void EventModel::setTrace(const raft::Trace *trace, std::size_t visible, std::uint64_t generation)
{
    beginResetModel();
    m_sim = nullptr;
    m_trace = trace;
    m_visible = visible;
    m_generation = generation;
    m_scanned = 0;
    m_routine.clear();
    m_lastAck = {};
    scan();
    m_shown = std::min(m_scanned, m_visible);
    rebuildRows();
    endResetModel();
}

void EventModel::setVisibleCount(std::size_t visible, std::uint64_t generation)
{
    if (m_trace && generation != m_generation) {
        // The history branched: its events after the branch point were replaced.
        setTrace(m_trace, visible, generation);
        return;
    }
    m_visible = visible;
    refresh();
}

void EventModel::rebuildRows()
{
    m_rows.clear();
    for (std::size_t i = 0; i < m_shown; ++i)
        if (m_showRoutine || !isRoutine(i))
            m_rows.push_back(static_cast<std::uint32_t>(i));
}

raft::TraceEvent EventModel::event(int row) const
{
    return trace()->events()[traceIndex(row)];
}

void EventModel::scan()
{
    if (!trace())
        return;
    const auto &events = trace()->events();
    if (events.size() < m_scanned) {
        // The trace was replaced: start again (callers reset the model around this).
        m_scanned = 0;
        m_routine.clear();
        m_rows.clear();
        m_lastAck = {};
    }
    m_routine.resize(events.size());
    for (std::size_t i = m_scanned; i < events.size(); ++i) {
        const raft::TraceEvent &e = events[i];
        bool routine = raft::isRoutine(e);
        if (e.kind == EventKind::ReplicationAcked && e.node >= 1 && e.peer >= 1) {
            raft::Index &last = m_lastAck[static_cast<std::size_t>(e.node)][static_cast<std::size_t>(e.peer)];
            routine = e.index == last;
            last = e.index;
        } else if (e.kind == EventKind::BecameLeader && e.node >= 1) {
            // A new leader starts with matchIndex 0 for everyone.
            m_lastAck[static_cast<std::size_t>(e.node)] = {};
        }
        m_routine[i] = routine ? 1 : 0;
    }
    m_scanned = events.size();
}

void EventModel::refresh()
{
    if (!trace())
        return;
    const std::size_t size = trace()->size();
    if (size < m_scanned) {
        // The trace was cut back (a new branch): read it again.
        if (m_trace)
            setTrace(m_trace, m_visible, m_generation);
        else
            setSimulation(m_sim);
        return;
    }
    scan();
    const std::size_t end = std::min(size, m_visible);
    if (end < m_shown) {
        // Stepped back: the rows of the events after the live step go.
        const auto first = std::lower_bound(m_rows.begin(), m_rows.end(), end);
        const auto row = static_cast<int>(first - m_rows.begin());
        m_shown = end;
        if (first == m_rows.end())
            return;
        beginRemoveRows(QModelIndex(), row, static_cast<int>(m_rows.size()) - 1);
        m_rows.erase(first, m_rows.end());
        endRemoveRows();
        return;
    }
    if (end == m_shown)
        return;
    const std::size_t from = m_shown;
    m_shown = end;
    std::vector<std::uint32_t> added;
    for (std::size_t i = from; i < end; ++i)
        if (m_showRoutine || !isRoutine(i))
            added.push_back(static_cast<std::uint32_t>(i));
    if (added.empty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
}

void EventModel::setShowRoutine(bool show)
{
    if (show == m_showRoutine)
        return;
    beginResetModel();
    m_showRoutine = show;
    rebuildRows();
    endResetModel();
}

void EventModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!trace() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const raft::TraceEvent &e = event(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return EventText::timeText(static_cast<double>(e.t));
        case NodeColumn: return e.node == raft::kNoNode ? QString() : EventText::nodeText(e.node);
        case EventColumn: return EventText::describe(*trace(), e);
        default: return {};
        }
    case Qt::ToolTipRole: {
        QString tip = tr("%1 — %2 (event %3)\n%4")
                          .arg(EventText::timeText(static_cast<double>(e.t)), EventText::kindTitle(e.kind))
                          .arg(e.step)
                          .arg(EventText::describe(*trace(), e));
        const QString fields = EventText::fieldsText(*trace(), e);
        if (!fields.isEmpty())
            tip += QLatin1Char('\n') + fields;
        if (e.reason != raft::Reason::None)
            tip += QLatin1Char('\n') + tr("Rule: %1").arg(EventText::reasonText(e.reason));
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (raft::infoOf(e.kind).tone == raft::Tone::Alarm)
            return QColor(Qt::white);
        if (index.column() == TimeColumn || isRoutine(traceIndex(index.row())))
            return ClusterPalette::mutedInk();
        return {};
    case Qt::BackgroundRole:
        // Key events and headlines stand out in their tone's tint.
        if (raft::importanceOf(e) < raft::Importance::Key)
            return {};
        return tint(raft::infoOf(e.kind).tone);
    case Qt::FontRole:
        if (raft::importanceOf(e) == raft::Importance::Headline) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case TraceIndexRole: return QVariant::fromValue<qulonglong>(traceIndex(index.row()));
    case NodesRole: {
        QList<int> nodes;
        for (raft::NodeId id : EventText::nodesOf(e))
            nodes.append(id);
        return QVariant::fromValue(nodes);
    }
    case KindRole: return static_cast<int>(e.kind);
    default: return {};
    }
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case NodeColumn: return tr("Server");
    case EventColumn: return tr("What happened, and why");
    default: return {};
    }
}

} // namespace widgets
