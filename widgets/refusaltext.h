#pragma once

#include "raft/action.h"

#include <QCoreApplication>
#include <QString>

namespace widgets {

/// RefusalText words why the simulation refused a user action, in the user's
/// language: the core's pattern (raft::refusalPattern) translated and filled, so the
/// status bar says what the scenario runner says in English.
class RefusalText {
    Q_DECLARE_TR_FUNCTIONS(RefusalText)
public:
    /// describe is the refusal as a sentence, e.g. "S1 is up, not paused".
    static QString describe(const raft::Refusal &refusal);
    /// describe is the result's refusal, or an empty string when it was done.
    static QString describe(const raft::ActionResult &result);
};

} // namespace widgets
