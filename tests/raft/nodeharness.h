#pragma once

// Helpers for the unit-level tests of raft::Node: a harness that drives one node the
// way the Simulation does (save, then send, then apply), and builders for messages
// and logs. The harness checks the Ready contract on every output it takes.

#include "raft/kvstore.h"
#include "raft/log.h"
#include "raft/message.h"
#include "raft/node.h"
#include "raft/trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace raft::testing {

/// commandFor is the command the test logs carry at index i: "set k<i> <i>".
inline std::string commandFor(Index i)
{
    return "set k" + std::to_string(i) + " " + std::to_string(i);
}

/// makeLog builds a log whose entry i has terms[i-1] and commandFor(i).
inline Log makeLog(std::initializer_list<Term> terms)
{
    Log log;
    Index i = 0;
    for (Term t : terms)
        log.append(Entry{t, commandFor(++i)});
    return log;
}

/// makeEntries builds the entries a leader would send after prevLogIndex `after`.
inline std::vector<Entry> makeEntries(Index after, std::initializer_list<Term> terms)
{
    std::vector<Entry> entries;
    Index i = after;
    for (Term t : terms)
        entries.push_back(Entry{t, commandFor(++i)});
    return entries;
}

/// termsOf lists the terms of a log's entries, index 1 first.
inline std::vector<Term> termsOf(const Log &log)
{
    std::vector<Term> terms;
    for (const Entry &e : log.entries())
        terms.push_back(e.term);
    return terms;
}

inline Message requestVote(NodeId from, NodeId to, Term term, Index lastLogIndex, Term lastLogTerm)
{
    Message m;
    m.type = MessageType::RequestVote;
    m.from = from;
    m.to = to;
    m.term = term;
    m.lastLogIndex = lastLogIndex;
    m.lastLogTerm = lastLogTerm;
    return m;
}

inline Message preVote(NodeId from, NodeId to, Term term, Index lastLogIndex, Term lastLogTerm)
{
    Message m = requestVote(from, to, term, lastLogIndex, lastLogTerm);
    m.type = MessageType::PreVote;
    return m;
}

inline Message preVoteReply(NodeId from, NodeId to, Term term, bool granted)
{
    Message m;
    m.type = MessageType::PreVoteReply;
    m.from = from;
    m.to = to;
    m.term = term;
    m.voteGranted = granted;
    return m;
}

inline Message voteReply(NodeId from, NodeId to, Term term, bool granted)
{
    Message m;
    m.type = MessageType::RequestVoteReply;
    m.from = from;
    m.to = to;
    m.term = term;
    m.voteGranted = granted;
    return m;
}

inline Message appendEntries(NodeId from, NodeId to, Term term, Index prevLogIndex, Term prevLogTerm,
                             std::vector<Entry> entries, Index leaderCommit)
{
    Message m;
    m.type = MessageType::AppendEntries;
    m.from = from;
    m.to = to;
    m.term = term;
    m.prevLogIndex = prevLogIndex;
    m.prevLogTerm = prevLogTerm;
    m.entries = std::move(entries);
    m.leaderCommit = leaderCommit;
    return m;
}

inline Message appendAccepted(NodeId from, NodeId to, Term term, Index matchIndex)
{
    Message m;
    m.type = MessageType::AppendEntriesReply;
    m.from = from;
    m.to = to;
    m.term = term;
    m.success = true;
    m.matchIndex = matchIndex;
    return m;
}

inline Message appendRejected(NodeId from, NodeId to, Term term, Index rejectedIndex, Term conflictTerm,
                              Index conflictIndex)
{
    Message m;
    m.type = MessageType::AppendEntriesReply;
    m.from = from;
    m.to = to;
    m.term = term;
    m.success = false;
    m.rejectedIndex = rejectedIndex;
    m.conflictTerm = conflictTerm;
    m.conflictIndex = conflictIndex;
    return m;
}

/// NodeHarness runs one Node and does what the Simulation does with its Ready: it
/// keeps a stable-storage copy updated only through hardStateChanged/persistFrom,
/// collects the messages and events, and applies committed entries to a KvStore.
/// After every input it checks the Ready contract:
///  - the storage copy, updated only as the Ready says, equals the node's persistent
///    state (so nothing that a message depends on is left unsaved);
///  - committed entries come in order, without gaps, and never beyond commitIndex.
class NodeHarness {
public:
    explicit NodeHarness(NodeConfig config, PersistentState stored = {}, Time now = 0)
        : m_config(config)
        , m_storage(stored)
        , m_now(now)
        , m_node(config, stored, now)
    {
        // §7: a restart begins from the snapshot's state machine.
        m_kv.decode(stored.snapshot.data);
        m_applied = stored.snapshot.index;
        take();
    }

    Node &node() { return m_node; }
    const Node &node() const { return m_node; }
    Time now() const { return m_now; }
    const PersistentState &storage() const { return m_storage; }
    const KvStore &kv() const { return m_kv; }
    Index applied() const { return m_applied; }
    /// last is the Ready taken after the most recent input.
    const Ready &last() const { return m_last; }

    void tick(Time now)
    {
        m_now = now;
        m_node.tick(now);
        take();
    }
    /// fireElectionTimer ticks exactly at the election deadline.
    void fireElectionTimer() { tick(m_node.electionDeadline()); }
    void fireHeartbeat() { tick(m_node.heartbeatDeadline()); }
    void step(const Message &m, Time now)
    {
        m_now = now;
        m_node.step(m, now);
        take();
    }
    void step(const Message &m) { step(m, m_now); }
    ProposeResult propose(const std::string &command)
    {
        ProposeResult r = m_node.propose(command, m_now);
        take();
        return r;
    }
    void timeoutNow()
    {
        m_node.timeoutNow(m_now);
        take();
    }
    /// compact snapshots the state machine up to `index` (§7), as the application does.
    bool compact(Index index, bool forced = true)
    {
        const bool done = m_node.compact(index, m_kv.encode(), forced);
        take();
        return done;
    }

    /// sent returns the messages of the last Ready, optionally of one type.
    std::vector<Message> sent() const { return m_last.messages; }
    std::vector<Message> sent(MessageType type) const
    {
        std::vector<Message> out;
        for (const Message &m : m_last.messages)
            if (m.type == type)
                out.push_back(m);
        return out;
    }
    /// sentTo returns the last Ready's messages of `type` addressed to `peer`.
    std::vector<Message> sentTo(NodeId peer, MessageType type) const
    {
        std::vector<Message> out;
        for (const Message &m : m_last.messages)
            if (m.type == type && m.to == peer)
                out.push_back(m);
        return out;
    }
    /// onlyReply returns the single message of the last Ready, failing if there is not
    /// exactly one.
    Message onlyReply() const
    {
        EXPECT_EQ(m_last.messages.size(), 1u);
        return m_last.messages.empty() ? Message{} : m_last.messages.front();
    }

    /// events returns the trace events of the last Ready of one kind.
    std::vector<TraceEvent> events(EventKind kind) const
    {
        std::vector<TraceEvent> out;
        for (const TraceEvent &e : m_last.events)
            if (e.kind == kind)
                out.push_back(e);
        return out;
    }
    /// allEvents returns every event since the harness started, of one kind.
    std::vector<TraceEvent> allEvents(EventKind kind) const
    {
        std::vector<TraceEvent> out;
        for (const TraceEvent &e : m_events)
            if (e.kind == kind)
                out.push_back(e);
        return out;
    }

    /// becomeLeader fires the election timer and grants the votes of just enough peers
    /// (the lowest ids) for a majority. Returns the term won.
    Term becomeLeader()
    {
        fireElectionTimer();
        EXPECT_EQ(m_node.role(), Role::Candidate);
        const Term term = m_node.term();
        NodeId peer = 1;
        while (m_node.role() == Role::Candidate && peer <= m_config.clusterSize) {
            if (peer != m_config.id)
                step(voteReply(peer, m_config.id, term, true));
            ++peer;
        }
        EXPECT_EQ(m_node.role(), Role::Leader);
        return term;
    }

private:
    void take()
    {
        Ready r;
        m_node.takeReady(r);
        m_last = r;
        // 1. Save, as the Ready says, and nothing else.
        if (r.hardStateChanged) {
            m_storage.currentTerm = m_node.term();
            m_storage.votedFor = m_node.votedFor();
        }
        if (r.snapshotChanged) {
            m_storage.snapshot = m_node.snapshot();
            m_storage.log = m_node.log();
        } else if (r.persistFrom != 0) {
            const Log &log = m_node.log();
            m_storage.log.truncateAfter(r.persistFrom - 1);
            for (Index i = r.persistFrom; i <= log.lastIndex(); ++i)
                m_storage.log.append(log.at(i));
        }
        EXPECT_EQ(m_storage.currentTerm, m_node.term()) << "currentTerm changed without Ready::hardStateChanged";
        EXPECT_EQ(m_storage.votedFor, m_node.votedFor()) << "votedFor changed without Ready::hardStateChanged";
        EXPECT_TRUE(m_storage.log == m_node.log()) << "the log changed without Ready::persistFrom covering it";
        EXPECT_TRUE(m_storage.snapshot == m_node.snapshot()) << "the snapshot changed without Ready::snapshotChanged";
        EXPECT_EQ(m_node.log().snapshotIndex(), m_node.snapshot().index);
        // 2. Every message carries the sender's saved term; a PreVote the term it
        //    would campaign in, a granted PreVoteReply the PreVote's (§9.6).
        for (const Message &m : r.messages) {
            EXPECT_EQ(m.from, m_config.id);
            EXPECT_NE(m.to, m_config.id);
            if (m.type == MessageType::PreVote)
                EXPECT_EQ(m.term, m_storage.currentTerm + 1);
            else if (m.type == MessageType::PreVoteReply && m.voteGranted)
                EXPECT_GE(m.term, m_storage.currentTerm);
            else
                EXPECT_EQ(m.term, m_storage.currentTerm);
        }
        // 3. An installed snapshot replaces the state machine (Figure 13 step 8); then
        //    apply (applyFrom, applyTo] in order.
        if (r.snapshotRestored) {
            EXPECT_TRUE(m_kv.decode(m_node.snapshot().data));
            m_applied = m_node.snapshot().index;
        }
        if (r.applyTo > r.applyFrom) {
            EXPECT_EQ(r.applyFrom, m_applied) << "entries applied out of order or twice";
            EXPECT_LE(r.applyTo, m_node.commitIndex()) << "an entry was applied before it was committed";
            for (Index i = r.applyFrom + 1; i <= r.applyTo; ++i)
                m_kv.apply(m_node.log().at(i).command);
            m_applied = r.applyTo;
        }
        EXPECT_EQ(m_node.lastApplied(), m_applied);
        m_events.insert(m_events.end(), r.events.begin(), r.events.end());
    }

    NodeConfig m_config;
    PersistentState m_storage;
    Time m_now;
    Node m_node;
    Ready m_last;
    KvStore m_kv;
    Index m_applied = 0;
    std::vector<TraceEvent> m_events;
};

/// config returns a NodeConfig for server `id` of a cluster of `size`.
inline NodeConfig config(NodeId id, int size, bool noop = true, std::uint64_t seed = 7)
{
    NodeConfig c;
    c.id = id;
    c.clusterSize = size;
    c.noop = noop;
    c.seed = seed;
    return c;
}

/// stored returns a PersistentState with the given term, vote and log.
inline PersistentState stored(Term term, NodeId votedFor = kNoNode, Log log = {})
{
    PersistentState s;
    s.currentTerm = term;
    s.votedFor = votedFor;
    s.log = std::move(log);
    return s;
}

} // namespace raft::testing
