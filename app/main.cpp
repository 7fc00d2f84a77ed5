// raftviz: the Raft classroom. Without a window: --headless, --bench, --bench-history, --experiment (see README).
#include "app/live/livemain.h"
#include "bench/corebench.h"
#include "bench/historybench.h"
#include "cli/cli.h"

#include "guimain.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char *argv[])
{
    // A live server (--node) or the live benchmark (--bench-live): Qt Core and Network only.
    if (live::isLiveCommand(argc, argv))
        return live::liveMain(argc, argv);
    // The command-line modes need no display and no Qt.
    if (argc > 1 && std::strcmp(argv[1], "--bench-history") == 0)
        return historybench::historyBenchMain(std::vector<std::string>(argv + 2, argv + argc), std::cout, std::cerr);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "--bench") == 0
            || std::strcmp(argv[i], "--experiment") == 0)
            return raftviz::cli::cliMain(argc, argv, &corebench::benchMain);
    }
    // The window, --screenshot and --bench-render.
    return guiMain(argc, argv);
}
