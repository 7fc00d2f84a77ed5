#include "livemain.h"

#include "livenode.h"

#include <QCoreApplication>

#include <cstring>
#include <string>
#include <vector>

namespace live {

bool isLiveCommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--node") == 0)
            return true;
    return false;
}

int liveMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return runNode(std::vector<std::string>(argv + 1, argv + argc));
}

} // namespace live
