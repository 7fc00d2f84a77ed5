// raftviz_cli: raftviz's command line without Qt: --headless, --bench and --bench-history.
#include "bench/corebench.h"
#include "bench/historybench.h"
#include "cli/cli.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--bench-history") == 0)
        return historybench::historyBenchMain(std::vector<std::string>(argv + 2, argv + argc), std::cout, std::cerr);
    return raftviz::cli::cliMain(argc, argv, &corebench::benchMain);
}
