#pragma once

namespace live {

/// isLiveCommand tells whether the command line asks for the live cluster: a server
/// process (--node) or the live benchmark (--bench-live).
bool isLiveCommand(int argc, char **argv);

/// liveMain runs that command (with a QCoreApplication, no window) and returns its
/// exit code.
int liveMain(int argc, char **argv);

} // namespace live
