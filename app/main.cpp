// raftviz: the Raft classroom. Without a window: --headless, --bench (see README).
#include "bench/corebench.h"
#include "raft/cli.h"

#include "guimain.h"

#include <cstring>

int main(int argc, char *argv[])
{
    // The command-line modes need no display and no Qt.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "--bench") == 0)
            return raft::cliMain(argc, argv, &corebench::benchMain);
    }
    // The window, --screenshot and --bench-render.
    return guiMain(argc, argv);
}
