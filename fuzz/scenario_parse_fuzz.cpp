// scenario_parse_fuzz: libFuzzer target for the scenario language's parser
// (raft/scenario.h). Whatever text a lesson file holds, Scenario::parse must return a
// scenario or its errors — never crash, hang or allocate without bound — and every
// error must name the file and a line ("FILE:LINE: problem").
#include "raft/runfile.h"
#include "raft/scenario.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const raft::Scenario scenario = raft::Scenario::parse(text, "fuzz.scenario");
    check(scenario.isValid() == scenario.errors().empty());
    for (const std::string &error : scenario.errors())
        check(error.rfind("fuzz.scenario:", 0) == 0);
    if (scenario.isValid())
        check(scenario.config().validate().empty());
    (void)raft::isRunFileText(text);
    return 0;
}
