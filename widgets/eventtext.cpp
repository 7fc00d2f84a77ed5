#include "eventtext.h"

#include "raft/eventcatalog.h"
#include "raft/eventwording.h"

using raft::EventKind;
using raft::Reason;
using raft::TraceEvent;

namespace widgets {

namespace {

QString quoted(const QString &text)
{
    return EventText::tr("\"%1\"").arg(text);
}

} // namespace

QString EventText::nodeText(raft::NodeId id)
{
    if (id == raft::kNoNode)
        return tr("-");
    return tr("S%1").arg(id);
}

QString EventText::roleText(raft::Role role)
{
    switch (role) {
    case raft::Role::Follower: return tr("follower");
    case raft::Role::Candidate: return tr("candidate");
    case raft::Role::Leader: return tr("leader");
    }
    return {};
}

QString EventText::statusText(raft::NodeStatus status)
{
    switch (status) {
    case raft::NodeStatus::Up: return tr("up");
    case raft::NodeStatus::Crashed: return tr("crashed");
    case raft::NodeStatus::Paused: return tr("paused");
    }
    return {};
}

QString EventText::messageTypeText(raft::MessageType type)
{
    return QCoreApplication::translate(raft::kWordingContext, raft::infoOf(type).name);
}

QString EventText::timeText(double time)
{
    return tr("%1 s").arg(time / static_cast<double>(raft::fromSeconds(1)), 0, 'f', 3);
}

QString EventText::msText(raft::Time time)
{
    return QString::fromStdString(raft::formatMs(time));
}

QString EventText::commandText(const std::string &command)
{
    if (command.empty())
        return tr("no-op");
    return QString::fromStdString(command);
}

QString EventText::section(const TraceEvent &event)
{
    return QString::fromUtf8(raft::sectionOf(event));
}

QList<raft::NodeId> EventText::nodesOf(const TraceEvent &event)
{
    // The node first, then every other server the kind's fields name (peer, votedFor).
    QList<raft::NodeId> nodes;
    for (const raft::FieldUse &use : raft::infoOf(event.kind).fields) {
        if (use.type != raft::FieldType::Node || !use.appliesTo(event))
            continue;
        const auto id = static_cast<raft::NodeId>(raft::fieldValue(event, use.field));
        if (id != raft::kNoNode && !nodes.contains(id))
            nodes.append(id);
    }
    return nodes;
}

bool EventText::isRoutine(const TraceEvent &event)
{
    return raft::isRoutine(event);
}

QString EventText::kindTitle(EventKind kind)
{
    return QCoreApplication::translate(raft::kWordingContext, raft::infoOf(kind).title);
}

QString EventText::reasonText(raft::Reason reason)
{
    return QCoreApplication::translate(raft::kWordingContext, raft::infoOf(reason).meaning);
}

QString EventText::fieldsText(const raft::Trace &trace, const TraceEvent &event)
{
    // The kind's own fields under their JSON names, the paper's vocabulary
    // ("prevLogIndex 7"): the same facts as the sentence, for those who want them.
    QStringList parts;
    for (const raft::FieldUse &use : raft::infoOf(event.kind).fields) {
        if (!use.appliesTo(event) || use.field == raft::Field::Text || use.field == raft::Field::Reason)
            continue;
        const std::int64_t value = raft::fieldValue(event, use.field);
        QString shown;
        switch (use.type) {
        case raft::FieldType::Node: shown = nodeText(static_cast<raft::NodeId>(value)); break;
        case raft::FieldType::Flag: shown = value != 0 ? tr("yes") : tr("no"); break;
        case raft::FieldType::Message: shown = messageTypeText(static_cast<raft::MessageType>(value)); break;
        case raft::FieldType::Role: shown = roleText(static_cast<raft::Role>(value)); break;
        case raft::FieldType::Text: shown = QString::fromStdString(std::string(trace.textOf(event))); break;
        case raft::FieldType::Number:
        case raft::FieldType::Reason: shown = QString::number(value); break;
        case raft::FieldType::Ticks: shown = msText(value); break;
        }
        if (use.field == raft::Field::Peer && value == raft::kNoNode)
            continue;
        parts << tr("%1 %2", "a field's name, then its value")
                     .arg(QString::fromUtf8(use.json.data(), qsizetype(use.json.size())), shown);
    }
    return parts.join(QStringLiteral(" \u00B7 "));
}

QString EventText::describe(const raft::Trace &trace, const TraceEvent &event)
{
    const QString text = sentence(trace, event);
    const QString sec = section(event);
    if (sec.isEmpty())
        return text;
    return tr("%1 (%2)").arg(text, sec);
}

QString EventText::sentence(const raft::Trace &trace, const TraceEvent &e)
{
    // The core chooses the sentence and its values (raft::wordingOf, the same as
    // raft::Trace::describe()); this words it in the user's language.
    const raft::Wording wording = raft::wordingOf(e);
    const QString text = QString::fromStdString(std::string(trace.textOf(e)));
    QStringList args;
    for (std::size_t i = 0; i < wording.count; ++i)
        args << argText(wording.args[i], text);
    return fill(QCoreApplication::translate(raft::kWordingContext, wording.pattern), args);
}

QString EventText::argText(const raft::WordArg &arg, const QString &text)
{
    using Type = raft::WordArg::Type;
    switch (arg.type) {
    case Type::Number: return QString::number(arg.value);
    case Type::Millis: return msText(static_cast<raft::Time>(arg.value));
    case Type::Node: return nodeText(static_cast<raft::NodeId>(arg.value));
    case Type::Role: return roleText(static_cast<raft::Role>(arg.value));
    case Type::Message: return messageTypeText(static_cast<raft::MessageType>(arg.value));
    case Type::ReasonName: return QString::fromLatin1(raft::reasonName(static_cast<raft::Reason>(arg.value)));
    case Type::Text: return text;
    case Type::Quoted: return quoted(text);
    case Type::Command: return text.isEmpty() ? commandText(std::string()) : quoted(text);
    case Type::Nodes: {
        QStringList names;
        for (raft::NodeId id = 1; id <= raft::kMaxNodes; ++id)
            if ((arg.value >> id) & 1u)
                names << nodeText(id);
        return names.join(QLatin1Char(' '));
    }
    }
    return {};
}

QString EventText::fill(const QString &pattern, const QStringList &args)
{
    // As raft::fillPattern: each %1..%9 once, so that a value holding "%1" stays as it is.
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size()) {
            const int arg = pattern.at(i + 1).digitValue() - 1;
            if (arg >= 0 && arg < args.size()) {
                out += args.at(arg);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace widgets
