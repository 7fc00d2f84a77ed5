// The shipped lessons (resources/scenarios and their translations): every language of
// a lesson has the same lines apart from its words (the window matches narration
// lines by position, so a switch of language mid-lesson shows the same line), and
// every lesson passes headless whatever the class answers.
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace raft {
namespace {

namespace fs = std::filesystem;

const fs::path kLessons = fs::path(RAFTVIZ_SOURCE_DIR) / "resources" / "scenarios";

Scenario load(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return Scenario::parse(text.str(), path.filename().string());
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
            const Scenario scenario = load(file);
            ScenarioRunner runner(scenario, answer);
            runner.run();
            if (scenario.config().membership != MembershipRules{}) {
                // A lesson that switches a rule of membership changes off shows what
                // goes wrong: the alarm must go off (Figure 10: two leaders in a term).
                EXPECT_TRUE(runner.failures().empty()) << file;
                bool twoLeaders = false;
                for (const Violation &v : runner.simulation().violations())
                    twoLeaders = twoLeaders || v.what.starts_with("Election Safety");
                EXPECT_TRUE(twoLeaders) << file << " answer " << answer + 1;
                continue;
            }
            EXPECT_TRUE(runner.succeeded()) << file << " answer " << answer + 1;
        }
    }
}

} // namespace
} // namespace raft
