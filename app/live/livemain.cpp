#include "livemain.h"

#include "livebench.h"
#include "livenode.h"

#include <QCoreApplication>

#include <cstring>
#include <string>
#include <vector>

namespace live {

bool isLiveCommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--node") == 0 || std::strcmp(argv[i], "--bench-live") == 0)
            return true;
    return false;
}

int liveMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<std::string> args;
    bool bench = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--bench-live") == 0)
            bench = true;
        else
            args.emplace_back(argv[i]);
    }
    return bench ? runBenchLive(args) : runNode(args);
}

} // namespace live
