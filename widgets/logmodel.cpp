#include "logmodel.h"

#include "alarm.h"
#include "clusterpalette.h"
#include "eventtext.h"

#include <QFont>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

using raft::Index;
using raft::NodeId;

namespace widgets {

namespace {

/// roleIcon is a small disc drawn as the cluster view draws that server, so a row of
/// the grid is recognised at a glance.
QIcon roleIcon(raft::Role role, raft::NodeStatus status)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(role) * 8 + static_cast<int>(status);
    auto it = cache.find(key);
    if (it != cache.end())
        return it.value();
    QIcon icon;
    for (int side : {16, 32}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        NodeLook look;
        look.role = role;
        look.crashed = status == raft::NodeStatus::Crashed;
        look.paused = status == raft::NodeStatus::Paused;
        ClusterPalette::drawNodeDisc(painter, QPointF(side / 2.0, side / 2.0), side * 0.36, look);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return cache.insert(key, icon).value();
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LogModel::setSimulation(const raft::Simulation *simulation)
{
    beginResetModel();
    m_sim = simulation;
    m_rows = m_sim ? m_sim->size() : 0;
    m_columns = m_sim ? wantedColumns() : 0;
    m_state.assign(static_cast<std::size_t>(m_rows), RowState{});
    if (m_sim) {
        const auto leader = m_sim->leader();
        for (int row = 0; row < m_rows; ++row)
            m_state[static_cast<std::size_t>(row)] = rowState(nodeOfRow(row), leader);
    }
    endResetModel();
}

QColor LogModel::termColor(raft::Term term)
{
    // Neighbouring terms get clearly different hues (steps of ~137.5°, the golden
    // angle), light enough for dark text on them.
    const int hue = static_cast<int>((static_cast<double>(term) * 137.508) + 200.0) % 360;
    return QColor::fromHsl(hue, 150, 165);
}

int LogModel::wantedColumns() const
{
    Index longest = 0;
    for (NodeId id = 1; id <= m_sim->size(); ++id)
        longest = std::max(longest, m_sim->log(id).lastIndex());
    return static_cast<int>(longest) + 1;
}

const raft::Progress *LogModel::progressFor(NodeId id) const
{
    const auto leader = m_sim->leader();
    if (!leader || *leader == id)
        return nullptr;
    const raft::Node *node = m_sim->node(*leader);
    if (!node)
        return nullptr;
    return &node->progress(id);
}

LogModel::RowState LogModel::rowState(NodeId id, std::optional<NodeId> leader) const
{
    RowState state;
    const raft::Log &log = m_sim->log(id);
    state.lastIndex = log.lastIndex();
    state.lastPrint = log.fingerprint(log.lastIndex());
    state.snapshotIndex = log.snapshotIndex();
    state.commitIndex = m_sim->commitIndex(id);
    state.term = m_sim->term(id);
    state.role = static_cast<int>(m_sim->role(id));
    state.status = static_cast<int>(m_sim->status(id));
    if (leader && *leader != id) {
        if (const raft::Node *node = m_sim->node(*leader)) {
            state.matchIndex = node->progress(id).matchIndex;
            state.nextIndex = node->progress(id).nextIndex;
        }
    }
    return state;
}

raft::Index LogModel::snapshotIndex(int row) const
{
    if (!m_sim || row < 0 || row >= m_rows)
        return 0;
    return m_sim->log(nodeOfRow(row)).snapshotIndex();
}

void LogModel::refresh()
{
    if (!m_sim)
        return;
    if (m_sim->size() != m_rows) {
        setSimulation(m_sim);
        return;
    }
    const int wanted = wantedColumns();
    if (wanted > m_columns) {
        beginInsertColumns(QModelIndex(), m_columns, wanted - 1);
        m_columns = wanted;
        endInsertColumns();
    } else if (wanted < m_columns) {
        // A follower's conflicting suffix was truncated and nobody holds it any more.
        beginRemoveColumns(QModelIndex(), wanted, m_columns - 1);
        m_columns = wanted;
        endRemoveColumns();
    }

    const auto leader = m_sim->leader();
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows; ++row) {
        RowState state = rowState(nodeOfRow(row), leader);
        RowState &old = m_state[static_cast<std::size_t>(row)];
        if (state == old)
            continue;
        if (firstChanged < 0)
            firstChanged = row;
        lastChanged = row;
        old = state;
    }
    if (firstChanged >= 0 && m_columns > 0) {
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, m_columns - 1));
        Q_EMIT headerDataChanged(Qt::Vertical, firstChanged, lastChanged);
    }
}

void LogModel::retranslate()
{
    if (m_rows > 0)
        Q_EMIT headerDataChanged(Qt::Vertical, 0, m_rows - 1);
    if (m_columns > 0) {
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, m_columns - 1), {Qt::ToolTipRole});
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

Qt::ItemFlags LogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QString LogModel::shortCommand(const QString &command)
{
    const QStringList words = command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() == 3 && words[0] == QLatin1String("set"))
        return words[1] + QLatin1Char('=') + words[2];
    return words.join(QLatin1Char(' '));
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!m_sim || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeId id = nodeOfRow(index.row());
    if (id > m_sim->size())
        return {};
    const Index i = indexOfColumn(index.column());
    const raft::Log &log = m_sim->log(id);
    const bool inSnapshot = i <= log.snapshotIndex();
    const bool has = !inSnapshot && i <= log.lastIndex();
    const Index commit = m_sim->commitIndex(id);
    const raft::Progress *progress = nullptr;
    if (role == MatchIndexRole || role == NextIndexRole || role == Qt::ToolTipRole)
        progress = progressFor(id);

    switch (role) {
    case Qt::DisplayRole:
        if (has)
            return QString::number(log.termAt(i));
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (inSnapshot) {
            lines << tr("%1's snapshot holds entries 1 to %2 (last term %3): the log no longer has them (§7)")
                         .arg(EventText::nodeText(id))
                         .arg(log.snapshotIndex())
                         .arg(log.snapshotTerm());
            lines << tr("they are committed and applied; the state machine's contents replace them");
        } else if (has) {
            const raft::Entry &entry = log.at(i);
            lines << tr("%1, index %2, term %3").arg(EventText::nodeText(id)).arg(i).arg(entry.term);
            lines << (entry.command.empty() ? tr("no-op (a new leader's first entry, §8)")
                                            : QString::fromStdString(entry.command));
            lines << (i <= commit
                          ? tr("committed: %1's commitIndex is %2").arg(EventText::nodeText(id)).arg(commit)
                          : tr("not yet committed: %1's commitIndex is %2").arg(EventText::nodeText(id)).arg(commit));
        } else {
            lines << tr("%1 has no entry at index %2").arg(EventText::nodeText(id)).arg(i);
        }
        if (progress && progress->matchIndex == i)
            lines << tr("the leader's matchIndex for %1").arg(EventText::nodeText(id));
        if (progress && progress->nextIndex == i)
            lines << tr("the leader's nextIndex for %1: the next entry it sends").arg(EventText::nodeText(id));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    case HasEntryRole: return has;
    case TermRole: return has ? QVariant::fromValue<quint64>(log.termAt(i)) : QVariant();
    case CommandRole: return has ? QString::fromStdString(log.at(i).command) : QVariant();
    case CommittedRole: return has && i <= commit;
    case CommitIndexRole: return commit > 0 && i == commit;
    case MatchIndexRole: return progress != nullptr && progress->matchIndex == i;
    case NextIndexRole: return progress != nullptr && progress->nextIndex == i;
    case StatusRole: return static_cast<int>(m_sim->status(id));
    case ServerRoleRole: return static_cast<int>(m_sim->role(id));
    case SnapshotRole: return QVariant::fromValue<quint64>(inSnapshot ? log.snapshotIndex() : 0);
    case SnapshotTermRole: return QVariant::fromValue<quint64>(inSnapshot ? log.snapshotTerm() : 0);
    case ViolationRole: {
        // The alarm marks the entry its finding names, on each server it names.
        const raft::Violation *alarm = alarmViolation(*m_sim);
        if (!alarm || alarm->index != i)
            return false;
        const auto &nodes = alarm->nodes;
        return std::find(nodes.begin(), nodes.end(), id) != nodes.end();
    }
    default: return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_sim || section < 0)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section >= m_columns)
            return {};
        if (role == Qt::DisplayRole)
            return QString::number(indexOfColumn(section));
        if (role == Qt::ToolTipRole)
            return tr("log index %1").arg(indexOfColumn(section));
        return {};
    }
    if (section >= m_rows)
        return {};
    const NodeId id = nodeOfRow(section);
    switch (role) {
    case Qt::DisplayRole: {
        const raft::NodeStatus status = m_sim->status(id);
        const QString state = status == raft::NodeStatus::Up ? EventText::roleText(m_sim->role(id))
                                                             : EventText::statusText(status);
        return tr("%1 %2").arg(EventText::nodeText(id), state);
    }
    case Qt::ToolTipRole:
        return tr("%1: term %2, %3 entries, commitIndex %4")
            .arg(EventText::nodeText(id))
            .arg(m_sim->term(id))
            .arg(m_sim->log(id).lastIndex())
            .arg(m_sim->commitIndex(id));
    case Qt::ForegroundRole:
        if (m_sim->status(id) == raft::NodeStatus::Crashed)
            return ClusterPalette::crashedCellInk();
        return {};
    case Qt::DecorationRole: return roleIcon(m_sim->role(id), m_sim->status(id));
    case Qt::FontRole:
        if (m_sim->status(id) == raft::NodeStatus::Up && m_sim->role(id) == raft::Role::Leader) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ServerRoleRole: return static_cast<int>(m_sim->role(id));
    case StatusRole: return static_cast<int>(m_sim->status(id));
    default: return {};
    }
}

} // namespace widgets
