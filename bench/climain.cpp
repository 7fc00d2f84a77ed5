// raftviz_cli: raftviz's command line without Qt: --headless and --bench only.
#include "bench/corebench.h"
#include "raft/cli.h"

int main(int argc, char *argv[])
{
    return raft::cliMain(argc, argv, &corebench::benchMain);
}
