// Tests of raft::Invariants, the safety checker: hand-built server states that break
// each property of §5.4 (Figure 3) must be reported; legal histories and real runs
// must report nothing.
#include "nodeharness.h"

#include "raft/invariants.h"
#include "raft/simulation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace raft {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::StartsWith;

Log logOf(std::initializer_list<Entry> entries)
{
    Log log;
    for (const Entry &e : entries)
        log.append(e);
    return log;
}

/// Servers holds the state of n hand-built servers and the checker watching them.
/// Every server starts up, a follower of term 0 with an empty log.
class Servers {
public:
    explicit Servers(int n)
        : m_invariants(n)
        , m_logs(static_cast<std::size_t>(n))
        , m_views(static_cast<std::size_t>(n))
    {
        for (NodeId id = 1; id <= n; ++id) {
            ServerView &v = view(id);
            v.id = id;
            v.up = true;
            v.log = &m_logs[id - 1];
        }
    }

    ServerView &view(NodeId id) { return m_views[id - 1]; }
    Log &log(NodeId id) { return m_logs[id - 1]; }

    /// setMatch gives leader `id` a Progress table (as the simulation does for a
    /// leader) and sets its matchIndex for `peer`.
    void setMatch(NodeId id, NodeId peer, Index match)
    {
        auto &table = m_progress[static_cast<std::size_t>(id - 1)];
        table.resize(m_views.size());
        table[static_cast<std::size_t>(peer - 1)].matchIndex = match;
        table[static_cast<std::size_t>(peer - 1)].nextIndex = match + 1;
        view(id).progress = table.data();
    }

    /// set changes one server's role, term, log and commitIndex (lastApplied follows).
    void set(NodeId id, Role role, Term term, Log log, Index commit = 0)
    {
        ServerView &v = view(id);
        v.role = role;
        v.term = term;
        m_logs[id - 1] = std::move(log);
        v.commitIndex = commit;
        v.lastApplied = commit;
    }

    /// check runs the checker once (one "event") and returns what it found.
    std::vector<std::string> check()
    {
        std::vector<std::string> found;
        const bool ok = m_invariants.check(m_views, found);
        EXPECT_EQ(ok, found.empty());
        return found;
    }

    const Invariants &invariants() const { return m_invariants; }

private:
    Invariants m_invariants;
    std::vector<Log> m_logs;
    std::vector<ServerView> m_views;
    std::vector<std::vector<Progress>> m_progress{9};
};

// Reference: §5.2, Figure 3 — Election Safety: at most one leader per term.
TEST(Invariants, TwoLeadersInOneTermAreDetected)
{
    Servers s(3);
    s.set(1, Role::Leader, 2, {});
    s.set(2, Role::Leader, 2, {});
    s.set(3, Role::Follower, 2, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Election Safety")));
}

TEST(Invariants, TwoLeadersOfOneTermAtDifferentTimesAreDetected)
{
    Servers s(3);
    s.set(1, Role::Leader, 2, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Follower, 3, {});
    s.set(2, Role::Leader, 2, {}); // S2 claims term 2 after S1 led it
    EXPECT_THAT(s.check(), Contains(StartsWith("Election Safety")));
}

TEST(Invariants, TheSameLeaderAgainIsFine)
{
    Servers s(3);
    s.set(1, Role::Leader, 2, logOf({{2, ""}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 2, logOf({{2, ""}, {2, "set x 1"}}));
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: Figure 3 — Leader Append-Only: a leader never deletes entries.
TEST(Invariants, LeaderWhoseLogShrinksIsDetected)
{
    Servers s(3);
    s.set(1, Role::Leader, 2, logOf({{1, "set a 1"}, {2, "set b 2"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 2, logOf({{1, "set a 1"}}));
    EXPECT_THAT(s.check(), Contains(StartsWith("Leader Append-Only")));
}

// Reference: Figure 3 — Leader Append-Only: nor overwrites them.
TEST(Invariants, LeaderWhoOverwritesAnEntryIsDetected)
{
    Servers s(3);
    s.set(1, Role::Leader, 2, logOf({{1, "set a 1"}, {2, "set b 2"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 2, logOf({{1, "set a 1"}, {2, "set b 3"}}));
    EXPECT_THAT(s.check(), Contains(StartsWith("Leader Append-Only")));
}

// Reference: §5.3 — followers may lose entries; a new leadership may start afresh.
TEST(Invariants, FollowerTruncationIsLegal)
{
    Servers s(3);
    s.set(2, Role::Follower, 1, logOf({{1, "set a 1"}, {1, "set b 2"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Follower, 2, logOf({{1, "set a 1"}, {2, ""}}));
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: §5.3, Figure 3 — Log Matching: entries with the same index and term have
// identical prefixes.
TEST(Invariants, BrokenLogMatchingIsDetected)
{
    Servers s(3);
    s.set(1, Role::Follower, 2, logOf({{1, "set a 1"}, {2, "set b 2"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Follower, 2, logOf({{1, "set a 9"}, {2, "set b 2"}}));
    EXPECT_THAT(s.check(), Contains(StartsWith("Log Matching")));
}

TEST(Invariants, LogMatchingRemembersEntriesThatAreGone)
{
    Servers s(3);
    s.set(1, Role::Follower, 1, logOf({{1, "set a 1"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Follower, 1, {});
    ASSERT_THAT(s.check(), IsEmpty());
    // Entry (1, term 1) once was "set a 1"; another entry (1, term 1) is a second
    // entry created by one leader at one index.
    s.set(3, Role::Follower, 1, logOf({{1, "set a 2"}}));
    EXPECT_THAT(s.check(), Contains(StartsWith("Log Matching")));
}

// Reference: §5.4, Figure 3 — Leader Completeness: a leader holds every entry
// committed in earlier terms.
TEST(Invariants, NewLeaderMissingACommittedEntryIsDetected)
{
    Servers s(3);
    const Log full = logOf({{1, "set a 1"}, {1, "set b 2"}});
    s.set(1, Role::Leader, 1, full, 2);
    s.set(2, Role::Follower, 1, full);
    s.set(3, Role::Follower, 1, logOf({{1, "set a 1"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(3, Role::Leader, 2, logOf({{1, "set a 1"}}));
    EXPECT_THAT(s.check(), Contains(StartsWith("Leader Completeness")));
}

TEST(Invariants, NewLeaderHoldingEveryCommittedEntryIsFine)
{
    Servers s(3);
    const Log full = logOf({{1, "set a 1"}, {1, "set b 2"}});
    s.set(1, Role::Leader, 1, full, 2);
    s.set(2, Role::Follower, 1, full);
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Follower, 2, full, 2);
    s.set(2, Role::Leader, 2, logOf({{1, "set a 1"}, {1, "set b 2"}, {2, ""}}));
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: §5.4.3, Figure 3 — State Machine Safety: no two servers commit (and so
// apply) different entries at one index.
TEST(Invariants, TwoServersCommittingDifferentEntriesAtOneIndexAreDetected)
{
    Servers s(5);
    const Log a = logOf({{1, "set x 1"}});
    const Log b = logOf({{2, "set x 2"}});
    s.set(1, Role::Leader, 1, a, 1);
    s.set(2, Role::Follower, 1, a);
    s.set(3, Role::Follower, 1, a);
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(4, Role::Follower, 2, b, 1);
    EXPECT_THAT(s.check(), Contains(StartsWith("State Machine Safety")));
}

TEST(Invariants, CommitIndexPastTheEndOfTheLogIsDetected)
{
    Servers s(3);
    s.set(2, Role::Follower, 1, logOf({{1, "set x 1"}}), 3);
    EXPECT_THAT(s.check(), Contains(StartsWith("State Machine Safety")));
}

// Reference: §5.1 — a server's currentTerm never decreases.
TEST(Invariants, DecreasingTermIsDetected)
{
    Servers s(3);
    s.set(1, Role::Follower, 3, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Follower, 2, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Term monotonicity")));
}

// Reference: Figure 2 — currentTerm is on stable storage: it survives a crash.
TEST(Invariants, TermLostInACrashIsDetected)
{
    Servers s(3);
    s.set(2, Role::Follower, 5, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.view(2).up = false;
    ASSERT_THAT(s.check(), IsEmpty());
    s.view(2).up = true;
    s.view(2).incarnation = 1;
    s.set(2, Role::Follower, 0, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Term monotonicity")));
}

// Reference: §5.4 — a committed entry is never lost: it stays on a majority.
TEST(Invariants, CommittedEntryOnFewerThanAMajorityIsDetected)
{
    Servers s(5);
    const Log a = logOf({{1, "set x 1"}});
    s.set(1, Role::Leader, 1, a, 1);
    s.set(2, Role::Follower, 1, a);
    s.set(3, Role::Follower, 1, a);
    ASSERT_THAT(s.check(), IsEmpty());
    EXPECT_EQ(s.invariants().committedLength(), 1u);
    s.set(2, Role::Follower, 1, {});
    s.set(3, Role::Follower, 1, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Committed entries are durable")));
}

TEST(Invariants, CrashedServersStorageCountsForDurability)
{
    Servers s(5);
    const Log a = logOf({{1, "set x 1"}});
    s.set(1, Role::Leader, 1, a, 1);
    s.set(2, Role::Follower, 1, a);
    s.set(3, Role::Follower, 1, a);
    ASSERT_THAT(s.check(), IsEmpty());
    // S2 and S3 crash: their logs are on stable storage and still count.
    s.view(2).up = false;
    s.view(3).up = false;
    s.view(2).commitIndex = 0;
    s.view(3).commitIndex = 0;
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: §5.2, Figure 2 — one vote per term, and votedFor is on stable storage:
// a server that forgets its vote in a crash could vote twice.
TEST(Invariants, VoteForgottenInACrashIsDetected)
{
    Servers s(3);
    s.set(2, Role::Follower, 3, {});
    s.view(2).votedFor = 1;
    ASSERT_THAT(s.check(), IsEmpty());
    s.view(2).up = false; // its storage says it voted for nobody in term 3
    s.view(2).votedFor = kNoNode;
    EXPECT_THAT(s.check(), Contains(StartsWith("One vote per term")));
}

TEST(Invariants, SecondVoteInOneTermIsDetected)
{
    Servers s(3);
    s.set(2, Role::Follower, 3, {});
    s.view(2).votedFor = 1;
    ASSERT_THAT(s.check(), IsEmpty());
    s.view(2).votedFor = 3;
    EXPECT_THAT(s.check(), Contains(StartsWith("One vote per term")));
    s.set(2, Role::Follower, 4, {}); // a new term: a new vote
    s.view(2).votedFor = 1;
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: Figure 4 — a follower becomes candidate by starting a new term, and only
// a candidate becomes leader.
TEST(Invariants, FollowerBecomingLeaderWithoutAnElectionIsDetected)
{
    Servers s(3);
    s.set(1, Role::Follower, 2, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 2, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Figure 4")));
}

TEST(Invariants, CandidateWithoutANewTermIsDetected)
{
    Servers s(3);
    s.set(1, Role::Follower, 2, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Candidate, 2, {});
    EXPECT_THAT(s.check(), Contains(StartsWith("Figure 4")));
}

TEST(Invariants, FigureFourArrowsAreFine)
{
    Servers s(3);
    s.set(1, Role::Candidate, 1, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Candidate, 2, {}); // split vote: a new election
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 2, {});
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Follower, 2, {}); // CheckQuorum: steps down in its term
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 4, {}); // campaigned and won within one event (one server)
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: §5.4.2, Figure 8 — a leader commits by counting replicas only entries of
// its own term.
TEST(Invariants, LeaderCommittingAnOldTermEntryByCountingIsDetected)
{
    Servers s(3);
    const Log log = logOf({{1, "set a 1"}, {2, "set b 2"}});
    s.set(1, Role::Leader, 3, log);
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 3, log, 2);
    EXPECT_THAT(s.check(), Contains(StartsWith("Leader commit rule")));
}

TEST(Invariants, LeaderCommittingItsOwnTermsEntryIsFine)
{
    Servers s(3);
    const Log log = logOf({{1, "set a 1"}, {2, "set b 2"}, {3, ""}});
    s.set(1, Role::Leader, 3, log);
    s.set(2, Role::Follower, 3, log);
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 3, log, 3);
    EXPECT_THAT(s.check(), IsEmpty());
}

// Reference: §5.3 — a follower commits min(leaderCommit, index of the last new entry):
// an entry past what the AppendEntries matched may be a stale one.
TEST(Invariants, FollowerCommittingBeyondWhatTheLeaderProvedIsDetected)
{
    Servers s(3);
    s.set(1, Role::Leader, 3, logOf({{1, "set a 1"}, {3, "set c 3"}}), 2);
    s.set(3, Role::Follower, 3, logOf({{1, "set a 1"}, {3, "set c 3"}}));
    s.set(2, Role::Follower, 3, logOf({{1, "set a 1"}, {2, "set b 2"}}));
    ASSERT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Follower, 3, logOf({{1, "set a 1"}, {2, "set b 2"}}), 2);
    EXPECT_THAT(s.check(), Contains(StartsWith("Follower commit")));
}

// Reference: Figure 2 — matchIndex grows monotonically while a leader leads.
TEST(Invariants, MatchIndexGoingDownIsDetected)
{
    Servers s(3);
    const Log log = logOf({{1, ""}, {1, "set a 1"}});
    s.set(1, Role::Leader, 1, log);
    s.set(2, Role::Follower, 1, log);
    s.setMatch(1, 2, 2);
    ASSERT_THAT(s.check(), IsEmpty());
    s.setMatch(1, 2, 1);
    EXPECT_THAT(s.check(), Contains(StartsWith("matchIndex")));
}

// Reference: Figure 2 — matchIndex is reinitialized to 0 on election: a peer that has
// not even heard of the leader's term has acknowledged nothing in it.
TEST(Invariants, MatchIndexForAPeerInAnOlderTermIsDetected)
{
    Servers s(3);
    const Log log = logOf({{1, ""}, {1, "set a 1"}});
    s.set(1, Role::Leader, 4, log);
    s.set(2, Role::Follower, 2, log);
    s.setMatch(1, 2, 2);
    EXPECT_THAT(s.check(), Contains(StartsWith("matchIndex")));
}

// A legal history, step by step, reports nothing: election, replication, commit,
// a crash and a new leader of a higher term.
TEST(Invariants, LegalHistoryReportsNothing)
{
    Servers s(3);
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Candidate, 1, {});
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 1, logOf({{1, ""}}));
    s.set(2, Role::Follower, 1, {});
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 1, logOf({{1, ""}, {1, "set x 1"}}));
    s.set(2, Role::Follower, 1, logOf({{1, ""}, {1, "set x 1"}}));
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(1, Role::Leader, 1, logOf({{1, ""}, {1, "set x 1"}}), 2);
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Follower, 1, logOf({{1, ""}, {1, "set x 1"}}), 2);
    s.set(3, Role::Follower, 1, logOf({{1, ""}, {1, "set x 1"}, {1, "set y 1"}}));
    EXPECT_THAT(s.check(), IsEmpty());
    s.view(1).up = false; // S1 crashes
    s.view(1).role = Role::Follower;
    s.view(1).commitIndex = 0;
    s.view(1).lastApplied = 0;
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Leader, 2, logOf({{1, ""}, {1, "set x 1"}, {2, ""}}), 2);
    s.set(3, Role::Follower, 2, logOf({{1, ""}, {1, "set x 1"}, {2, ""}}));
    EXPECT_THAT(s.check(), IsEmpty());
    s.set(2, Role::Leader, 2, logOf({{1, ""}, {1, "set x 1"}, {2, ""}}), 3);
    EXPECT_THAT(s.check(), IsEmpty());
    EXPECT_EQ(s.invariants().committedLength(), 3u);
}

// Real runs, with faults, report nothing.
TEST(Invariants, NormalRunsReportNoViolations)
{
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        ClusterConfig c;
        c.nodes = 3 + static_cast<int>(seed % 3);
        c.seed = seed;
        c.network.loss = 0.05;
        c.network.duplicate = 0.05;
        Simulation sim(c);
        for (int round = 0; round < 10; ++round) {
            sim.runFor(raft::fromMs(300));
            if (const auto leader = sim.leader()) {
                EXPECT_TRUE(sim.request(*leader, "set k" + std::to_string(round) + " " + std::to_string(seed)));
            }
            if (round == 4) {
                EXPECT_TRUE(sim.crash(static_cast<NodeId>(1 + seed % c.nodes)));
            }
            if (round == 6) {
                EXPECT_TRUE(sim.restart(static_cast<NodeId>(1 + seed % c.nodes)));
            }
        }
        EXPECT_TRUE(sim.violations().empty()) << "seed " << seed << ": " << sim.violations().front().what;
        EXPECT_TRUE(sim.checkInvariantsNow());
    }
}

TEST(Invariants, CheckInvariantsNowWorksWithTheOptionOff)
{
    ClusterConfig c;
    c.checkInvariants = false;
    Simulation sim(c);
    sim.runFor(raft::fromMs(3000));
    EXPECT_TRUE(sim.checkInvariantsNow());
    EXPECT_TRUE(sim.violations().empty());
}

} // namespace
} // namespace raft
