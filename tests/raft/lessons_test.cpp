// The shipped lessons (resources/scenarios and their translations): every language of
// a lesson has the same lines apart from its words (the window matches narration
// lines by position, so a switch of language mid-lesson shows the same line), and
// every lesson passes headless whatever the class answers.
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace raft {
namespace {

namespace fs = std::filesystem;

const fs::path kLessons = fs::path(RAFTVIZ_SOURCE_DIR) / "resources" / "scenarios";

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Scenario load(const fs::path &path)
{
    return Scenario::parse(readText(path), path.filename().string());
}

/// withSeed is a lesson's text with its seed line replaced by (or, without one,
/// preceded by) "seed N".
std::string withSeed(const std::string &text, std::uint64_t seed)
{
    static const std::regex kSeedLine(R"((^|\n)[ \t]*seed[ \t]+[0-9]+[ \t]*(?=\r?\n|$))");
    const std::string line = "seed " + std::to_string(seed);
    if (std::regex_search(text, kSeedLine))
        return std::regex_replace(text, kSeedLine, "$1" + line, std::regex_constants::format_first_only);
    return line + "\n" + text;
}

/// wordless is a command without the words a translation changes.
ScenarioCommand wordless(ScenarioCommand command)
{
    command.line = 0;
    command.text.clear();
    if (command.kind == CommandKind::Say || command.kind == CommandKind::Ask || command.kind == CommandKind::Answer
        || command.kind == CommandKind::Wait)
        command.argument.clear();
    return command;
}

std::vector<fs::path> lessonFiles(const fs::path &folder)
{
    std::vector<fs::path> files;
    for (const fs::directory_entry &entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".scenario")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(Lessons, EveryTranslationHasTheSameLinesApartFromItsWords)
{
    const std::vector<fs::path> english = lessonFiles(kLessons);
    ASSERT_GE(english.size(), 9u);
    for (const fs::directory_entry &language : fs::directory_iterator(kLessons)) {
        if (!language.is_directory())
            continue;
        for (const fs::path &source : english) {
            const fs::path translated = language.path() / source.filename();
            ASSERT_TRUE(fs::exists(translated)) << translated;
            const Scenario a = load(source);
            const Scenario b = load(translated);
            ASSERT_TRUE(a.isValid() && b.isValid()) << translated;
            EXPECT_EQ(a.config(), b.config()) << translated;
            EXPECT_EQ(a.pace(), b.pace()) << translated;
            ASSERT_EQ(a.commands().size(), b.commands().size()) << translated;
            for (std::size_t i = 0; i < a.commands().size(); ++i)
                EXPECT_EQ(wordless(a.commands()[i]), wordless(b.commands()[i]))
                    << translated << ": line " << b.commands()[i].line << " differs from " << source.filename()
                    << " line " << a.commands()[i].line;
        }
    }
}

TEST(Lessons, EveryLessonPassesHeadlessWhateverTheClassAnswers)
{
    for (const fs::path &file : lessonFiles(kLessons)) {
        for (std::size_t answer = 0; answer < 3; ++answer) {
            ScenarioRunner runner(load(file), answer);
            runner.run();
            EXPECT_TRUE(runner.succeeded()) << file << " answer " << answer + 1;
        }
    }
}

// The issue's promise to the class: a lesson teaches what it says whatever the seed
// of the random timers and latencies, or it stages explicitly what it needs. Every
// lesson is run with seeds 1..100 in place of its own; at least 95 must pass.
TEST(Lessons, EveryLessonHoldsForAtLeast95Of100Seeds)
{
    constexpr std::uint64_t kSeeds = 100;
    constexpr std::uint64_t kNeeded = 95;
    for (const fs::path &file : lessonFiles(kLessons)) {
        const std::string text = readText(file);
        std::uint64_t passed = 0;
        std::string failedSeeds;
        for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
            const Scenario scenario = Scenario::parse(withSeed(text, seed), file.filename().string());
            ASSERT_TRUE(scenario.isValid()) << file;
            ASSERT_EQ(scenario.config().seed, seed) << file;
            ScenarioRunner runner(scenario, 0, HistoryOptions{.checkpointEvery = HistoryOptions::kNever});
            runner.run();
            if (runner.succeeded())
                ++passed;
            else
                failedSeeds += " " + std::to_string(seed);
        }
        EXPECT_GE(passed, kNeeded) << file.filename() << " failed with seeds" << failedSeeds;
    }
}

// Every shipped lesson lets the class act or answer at least once (a `wait until`
// or an `ask`): a lesson is taught, not only shown.
TEST(Lessons, EveryLessonWaitsForTheClassOrAsksAtLeastOnce)
{
    for (const fs::path &file : lessonFiles(kLessons)) {
        const Scenario scenario = load(file);
        ASSERT_TRUE(scenario.isValid()) << file;
        const bool involves = std::any_of(
            scenario.commands().begin(), scenario.commands().end(), [](const ScenarioCommand &command) {
                return command.kind == CommandKind::Wait || command.kind == CommandKind::Ask;
            });
        EXPECT_TRUE(involves) << file.filename() << " has no `wait until` and no `ask`";
    }
}

} // namespace
} // namespace raft
