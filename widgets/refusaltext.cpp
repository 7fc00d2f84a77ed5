#include "widgets/refusaltext.h"

#include "widgets/eventtext.h"

namespace widgets {

QString RefusalText::describe(const raft::Refusal &refusal)
{
    const QStringList args = {
        EventText::nodeText(refusal.node),
        EventText::nodeText(refusal.peer),
        QString::number(refusal.message),
        QCoreApplication::translate(raft::kRefusalContext, raft::actionVerb(refusal.action)),
    };
    QString text = EventText::fill(
        QCoreApplication::translate(raft::kRefusalContext, raft::refusalPattern(refusal.reason)), args);
    // A sentence in the status bar starts with a capital (the English core's does
    // not, as it follows "FAILED: crash S1: ").
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString RefusalText::describe(const raft::ActionResult &result)
{
    return result.refusal() ? describe(*result.refusal()) : QString();
}

} // namespace widgets
