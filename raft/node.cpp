#include "node.h"

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>

namespace raft {

namespace {

/// committedInTerm: commitIndex names an entry of `term` (§6.4 step 1 done). has(): a
/// bug switch can leave commitIndex past the log's end (Raft itself never does).
bool committedInTerm(const Log &log, Index commitIndex, Term term)
{
    return log.has(commitIndex) && log.termAt(commitIndex) == term;
}

} // namespace

const char *readModeName(ReadMode mode)
{
    switch (mode) {
    case ReadMode::ReadIndex: return "readindex";
    case ReadMode::Lease: return "lease";
    case ReadMode::Local: return "local";
    }
    return "?";
}

void Ready::clear()
{
    hardStateChanged = false;
    persistFrom = 0;
    snapshotChanged = false;
    snapshotRestored = false;
    messages.clear();
    reads.clear();
    applyFrom = 0;
    applyTo = 0;
    events.clear();
}

bool Ready::empty() const
{
    return !hardStateChanged && persistFrom == 0 && !snapshotChanged && !snapshotRestored && messages.empty()
        && applyTo == applyFrom && reads.empty() && events.empty();
}

Node::Node(const NodeConfig &config, const PersistentState &stored, Time now)
    : m_config(config)
    , m_rng(config.seed)
    , m_now(now)
    , m_state(stored)
    , m_commitIndex(stored.snapshot.index)
    , m_lastApplied(stored.snapshot.index)
    , m_heardFrom(static_cast<std::size_t>(kMaxNodes), now)
    , m_progress(static_cast<std::size_t>(kMaxNodes))
    , m_acked(static_cast<std::size_t>(kMaxNodes), 0)
    , m_base(config.spare ? Configuration() : Configuration::first(config.clusterSize))
{
    // Figure 2: every server starts as a follower; commitIndex and lastApplied are
    // volatile and start at 0, even after a crash. The state machine is rebuilt from
    // the log once the server learns the commit index again. §7: with a snapshot they
    // start at its index instead: it holds only committed entries, and the state
    // machine starts from its contents.
    if (m_config.bugs.forgetVoteOnRestart) {
        // Bug switch: votedFor is treated as volatile. Figure 2 keeps it on stable
        // storage so that a server that crashes and restarts cannot vote twice in one
        // term (which could elect two leaders, §5.2).
        m_state.votedFor = kNoNode;
    }
    if (m_config.readMode == ReadMode::Lease && now > 0) {
        // A restarted server forgot whom it heard from; it may have answered a leader's
        // lease round just before the crash. It keeps the lease's promise anyway.
        m_leaderContact = now;
    }
    // §7: a snapshot carries the configuration at its last included index; entries
    // after it may hold newer ones.
    // §4.1: the configuration in force is the newest in the log, committed or not.
    auto [membership, index] = configurationBefore(m_state.log.lastIndex());
    m_membership = std::move(membership);
    m_membershipIndex = index;
    if (index > 0)
        m_wasVoter = configurationBefore(index - 1).first.isVoter(m_config.id);
    updatePeers();
    resetElectionTimer();
}

// --- membership (paper §6, dissertation §4) -------------------------------------

std::pair<Configuration, Index> Node::configurationBefore(Index limit) const
{
    const Log &log = m_state.log;
    for (Index i = std::min(limit, log.lastIndex()); i > log.snapshotIndex(); --i)
        if (Configuration::isConfigCommand(log.at(i).command))
            if (std::optional<Configuration> c = Configuration::decode(log.at(i).command))
                return {std::move(*c), i};
    // §7: below the log, the snapshot holds the configuration at its last included
    // index (and where its entry was); without a snapshot, the first configuration.
    if (!m_state.snapshot.empty())
        return {m_state.snapshot.config, m_state.snapshot.configIndex};
    return {m_base, 0};
}

void Node::updatePeers()
{
    m_selfVoter = m_membership.isVoter(m_config.id);
    std::uint32_t mask = 0;
    for (NodeId id : m_membership.members())
        mask |= 1u << id;
    for (NodeId id : m_leaving)
        mask |= 1u << id;
    mask &= ~(1u << m_config.id);
    std::uint32_t before = 0;
    for (NodeId id : m_peers)
        before |= 1u << id;
    m_peers.clear();
    for (NodeId id = 1; id <= kMaxNodes; ++id) {
        if (!((mask >> id) & 1u))
            continue;
        m_peers.push_back(id);
        if (m_role == Role::Leader && !((before >> id) & 1u)) {
            // A server new to the leader: its position is unknown (Figure 2). One that
            // left and comes back in the same term keeps its matchIndex: what it
            // acknowledged in this term it still holds.
            Progress &p = m_progress[id - 1];
            const Index match = p.matchIndex;
            p = Progress{};
            p.becomeProbe();
            p.matchIndex = match;
            p.nextIndex = m_state.log.lastIndex() + 1;
            m_heardFrom[id - 1] = m_now;
        }
    }
}

void Node::setMembership(Configuration c, Index index, Reason why)
{
    // A leader keeps the learners it is catching up; they are not in any entry.
    c.learners = m_role == Role::Leader ? m_membership.learners : std::vector<NodeId>{};
    if (index == m_membershipIndex && c == m_membership)
        return;
    const bool wasVoter = canCampaign();
    m_wasVoter = m_membership.isVoter(m_config.id);
    m_membership = std::move(c);
    if (m_membership.contains(m_config.id))
        m_removedReported = false;
    m_membershipIndex = index;
    updatePeers();
    // A server that just became a voter may campaign from now on: give it a whole
    // election timeout first.
    if (!wasVoter && canCampaign() && m_role != Role::Leader)
        resetElectionTimer();
    TraceEvent &e = addEvent(EventKind::ConfigurationInForce, why);
    e.index = index;
    std::uint32_t voters = 0, old = 0;
    for (NodeId id : m_membership.voters)
        voters |= 1u << id;
    for (NodeId id : m_membership.old)
        old |= 1u << id;
    e.value = voters;
    e.index2 = old;
}

void Node::refreshMembership(Reason why)
{
    const Index limit = !m_config.bugs.committedConfig ? m_state.log.lastIndex()
                                                       : std::min(m_commitIndex, m_state.log.lastIndex());
    auto [membership, index] = configurationBefore(limit);
    setMembership(std::move(membership), index, why);
}

bool Node::isChangePending() const
{
    return !m_target.empty() || m_membershipIndex > m_commitIndex || m_membership.isJoint();
}

ChangeRefusal Node::checkChange(const std::vector<NodeId> &voters) const
{
    if (m_role != Role::Leader)
        return ChangeRefusal::NotLeader;
    // §4.1: one change at a time. A second change before the first commits could
    // leave two configurations whose majorities do not overlap (Figure 10). A catch-up
    // under way is one change even when the rule is switched off.
    if (!m_target.empty() || (!m_config.bugs.twoAtOnce && isChangePending()))
        return ChangeRefusal::ChangePending;
    // The 2015 correction: until the leader has committed an entry of its own term, an
    // earlier leader's uncommitted configuration may still be in some logs; a change
    // on top of the wrong one could elect two leaders and lose committed entries.
    if (!m_config.bugs.changeBeforeCommit && m_state.log.termAt(m_commitIndex) != m_state.currentTerm)
        return ChangeRefusal::NoCommitInTerm;
    if (voters.empty())
        return ChangeRefusal::NoVoters;
    if (voters == m_membership.voters && !m_membership.isJoint())
        return ChangeRefusal::NothingToChange;
    return ChangeRefusal::None;
}

ChangeRefusal Node::changeMembership(const std::vector<NodeId> &voters, bool joint, Time now)
{
    m_now = now;
    const ChangeRefusal refusal = checkChange(voters);
    if (refusal != ChangeRefusal::None)
        return refusal;
    m_target = voters;
    m_joint = joint && !m_config.bugs.twoAtOnce;
    // §4.2.1: servers that join start with empty logs. Had they votes at once, the
    // cluster could not commit until they caught up; so they first receive the log
    // as learners, which do not vote and are not counted.
    std::vector<NodeId> learners;
    for (NodeId id : voters)
        if (!m_membership.isVoter(id))
            learners.push_back(id);
    m_membership.learners = learners;
    m_catchUpRound = 1;
    m_catchUpEnd = m_state.log.lastIndex();
    m_catchUpStart = now;
    if (learners.empty()) {
        checkCatchUp();
        return ChangeRefusal::None;
    }
    updatePeers();
    TraceEvent &e = addEvent(EventKind::MembershipCatchUp);
    e.peer = learners.front();
    e.index = 0;
    e.index2 = m_catchUpEnd;
    e.value = m_catchUpRound;
    for (NodeId id : learners)
        sendAppend(id, false);
    return ChangeRefusal::None;
}

void Node::checkCatchUp()
{
    if (m_target.empty())
        return;
    Index least = m_state.log.lastIndex();
    NodeId slowest = kNoNode;
    for (NodeId id : m_membership.learners)
        if (m_progress[id - 1].matchIndex < least || slowest == kNoNode) {
            least = std::min(least, m_progress[id - 1].matchIndex);
            slowest = id;
        }
    if (least < m_catchUpEnd)
        return;
    // §4.2.1: replication to the learners goes in rounds; each round sends what the
    // leader had when it began. A round shorter than an election timeout means the
    // learners are within one round of the leader's log: adding them now cannot stall
    // the cluster for long.
    const bool caughtUp = least == m_state.log.lastIndex() || m_now - m_catchUpStart < m_config.electionTimeoutMin;
    if (!caughtUp) {
        if (m_catchUpRound >= 10) {
            abortChange();
            return;
        }
        ++m_catchUpRound;
        m_catchUpEnd = m_state.log.lastIndex();
        m_catchUpStart = m_now;
        TraceEvent &e = addEvent(EventKind::MembershipCatchUp);
        e.peer = slowest;
        e.index = least;
        e.index2 = m_catchUpEnd;
        e.value = m_catchUpRound;
        return;
    }
    Configuration next;
    next.voters = m_target;
    std::vector<NodeId> current = m_membership.voters;
    // §6: a change of more than one server goes through C_old,new (majorities of both)
    // first; one server at a time needs no joint step (§4.1, any two majorities of
    // configurations one server apart overlap).
    if (m_joint)
        next.old = current;
    m_membership.learners.clear();
    m_target.clear();
    m_joint = false;
    m_catchUpRound = 0;
    m_catchUpEnd = 0;
    appendConfiguration(next);
}

void Node::abortChange()
{
    // §4.2.1: a new server that is unavailable or too slow would hold every other
    // change back: the leader gives the change up.
    TraceEvent &e = addEvent(EventKind::MembershipCatchUp, Reason::TooSlow);
    e.peer = m_membership.learners.empty() ? kNoNode : m_membership.learners.front();
    e.index = m_membership.learners.empty() ? 0 : m_progress[m_membership.learners.front() - 1].matchIndex;
    e.index2 = m_catchUpEnd;
    e.value = m_catchUpRound;
    m_membership.learners.clear();
    m_target.clear();
    m_joint = false;
    m_catchUpRound = 0;
    m_catchUpEnd = 0;
    updatePeers();
}

void Node::appendConfiguration(const Configuration &c)
{
    // Servers the new configuration leaves out still hear from the leader until it
    // commits, so that they learn of their removal (dissertation §4.2.2).
    for (NodeId id : m_membership.members())
        if (id != m_config.id && !c.contains(id)
            && std::find(m_leaving.begin(), m_leaving.end(), id) == m_leaving.end())
            m_leaving.push_back(id);
    std::sort(m_leaving.begin(), m_leaving.end());
    appendEntry(Entry{m_state.currentTerm, c.encode()});
    broadcastAppendEntries(false);
    maybeAdvanceCommit();
}

void Node::afterCommit()
{
    if (m_membershipIndex == 0 || m_membershipIndex > m_commitIndex)
        return;
    if (m_role != Role::Leader) {
        // Dissertation §4.2.2: a server that learns that a committed configuration
        // leaves it out is removed: it will never campaign again.
        // (A learner catching up also reads configurations without it: only a server
        // that was a member of the configuration before is told it is removed.)
        if (isRemoved() && !m_removedReported
            && configurationBefore(m_membershipIndex - 1).first.contains(m_config.id)) {
            m_removedReported = true;
            addEvent(EventKind::ServerRemoved).index = m_membershipIndex;
        }
        return;
    }
    if (m_membership.isJoint()) {
        // §6: once C_old,new is committed, the leader appends C_new.
        Configuration next;
        next.voters = m_membership.voters;
        appendConfiguration(next);
        return;
    }
    releaseLeaving();
    if (!m_membership.isVoter(m_config.id)) {
        // Dissertation §4.2.2: a leader removed from the cluster managed it until C_new
        // was committed; now it steps down (telling the others the commit first) and stops.
        broadcastAppendEntries(true);
        becomeFollower(m_state.currentTerm, kNoNode, Reason::NotInConfiguration, kNoNode);
        m_removedReported = true;
        addEvent(EventKind::ServerRemoved).index = m_membershipIndex;
    }
}

void Node::releaseLeaving()
{
    // Once the configuration that leaves them out is committed, a leaving server that
    // holds its entry gets a last heartbeat with the commit index, so that it learns
    // of its removal and stops; the leader then forgets it. One that lags is sent the
    // log on for at most the minimum election timeout (a reply on its way may be
    // late); after that the leader no longer talks to it, as the dissertation's leader
    // talks only to C_new (§4.2.2), and the rule that servers disregard RequestVote
    // while they hear from a leader keeps it from disrupting the cluster (§6).
    if (m_leaving.empty() || m_membershipIndex > m_commitIndex || m_membership.isJoint())
        return;
    if (m_leavingSince == 0)
        m_leavingSince = m_now;
    const bool late = m_now - m_leavingSince >= m_config.electionTimeoutMin;
    const auto before = m_leaving.size();
    std::erase_if(m_leaving, [this, late](NodeId id) {
        const Index match = m_progress[id - 1].matchIndex;
        if (match < m_membershipIndex)
            return late;
        // Its matchIndex is known to match (unless compacted into our snapshot, §7:
        // then 0, which every log matches).
        sendAppendEntries(id, m_state.log.has(match) ? match : 0, 0);
        return true;
    });
    if (m_leaving.size() != before)
        updatePeers();
    if (m_leaving.empty())
        m_leavingSince = 0;
}

std::uint32_t Node::grantedMask() const
{
    std::uint32_t mask = 0;
    for (NodeId id = 1; id <= kMaxNodes; ++id)
        if (m_progress[id - 1].vote == VoteState::Granted)
            mask |= 1u << id;
    return mask;
}

TraceEvent &Node::addEvent(EventKind kind, Reason reason)
{
    TraceEvent &e = m_ready.events.emplace_back();
    e.t = m_now;
    e.kind = kind;
    e.reason = reason;
    e.node = m_config.id;
    e.term = m_state.currentTerm;
    return e;
}

void Node::resetElectionTimer()
{
    // §5.2: a random timeout in [min, max] makes split votes rare and short. (Bug
    // switch: every server waits the same time, and split votes can repeat forever.)
    m_electionTimeout = m_config.bugs.sameTimeouts
        ? m_config.electionTimeoutMin
        : m_rng.uniformTime(m_config.electionTimeoutMin, m_config.electionTimeoutMax, m_config.wholeMsClock);
    m_electionDeadline = m_now + m_electionTimeout;
}

void Node::setHardState(Term term, NodeId votedFor)
{
    if (term == m_state.currentTerm && votedFor == m_state.votedFor)
        return;
    m_state.currentTerm = term;
    m_state.votedFor = votedFor;
    m_ready.hardStateChanged = true;
}

void Node::appendEntry(Entry entry)
{
    const bool config = Configuration::isConfigCommand(entry.command);
    m_state.log.append(std::move(entry));
    const Index index = m_state.log.lastIndex();
    if (m_ready.persistFrom == 0 || index < m_ready.persistFrom)
        m_ready.persistFrom = index;
    // §4.1: a configuration takes effect as soon as it is in the log, before it commits.
    if (config && !m_config.bugs.committedConfig)
        if (std::optional<Configuration> c = Configuration::decode(m_state.log.at(index).command))
            setMembership(std::move(*c), index, Reason::None);
}

void Node::truncateAfter(Index index)
{
    m_state.log.truncateAfter(index);
    if (m_ready.persistFrom == 0 || index + 1 < m_ready.persistFrom)
        m_ready.persistFrom = index + 1;
    // §4.1: a configuration entry removed from the log stops being in force: the
    // server falls back to the newest one left.
    if (m_membershipIndex > index)
        refreshMembership(Reason::TermMismatch);
}

void Node::ignore(const Message &m, Reason why)
{
    TraceEvent &e = addEvent(EventKind::StaleIgnored, why);
    e.peer = m.from;
    e.term2 = m.term;
    e.value = static_cast<std::int64_t>(m.type);
}

Message Node::reply(const Message &to, MessageType type) const
{
    Message r;
    r.type = type;
    r.from = m_config.id;
    r.to = to.from;
    r.term = m_state.currentTerm;
    return r;
}

bool Node::hasRecentLeader() const
{
    if (m_role == Role::Leader)
        return true;
    // With leases (§6.4.1) the promise is about time, not about whom: a server that
    // heard from any leader, or restarted, less than a minimum election timeout ago
    // may have answered a lease round, and must not help elect another leader yet.
    const bool known = m_leader != kNoNode || (m_config.readMode == ReadMode::Lease && m_leaderContact > 0);
    return known && m_now - m_leaderContact < m_config.electionTimeoutMin;
}

bool Node::hasQuorumContact() const
{
    std::uint32_t heard = 1u << m_config.id;
    for (NodeId peer : m_peers)
        if (m_now - m_heardFrom[peer - 1] < m_config.electionTimeoutMax)
            heard |= 1u << peer;
    return m_membership.hasQuorum(heard);
}

int Node::votes() const
{
    int n = 0;
    for (const Progress &p : m_progress)
        n += p.vote == VoteState::Granted ? 1 : 0;
    return n;
}

// --- timers -------------------------------------------------------------------

void Node::tick(Time now)
{
    m_now = now;
    if (m_role == Role::Leader) {
        if (!m_target.empty() && now - m_catchUpStart > 10 * m_config.electionTimeoutMax)
            abortChange(); // §4.2.1: a learner that makes no progress holds changes back
        if (!m_leaving.empty())
            releaseLeaving();

        if (m_transferTarget != kNoNode && now >= m_transferDeadline) {
            // §3.10: the handover did not complete within an election timeout (the
            // target may be down or cut off): the leader takes requests again.
            TraceEvent &e = addEvent(EventKind::TransferAborted);
            e.peer = m_transferTarget;
            endTransfer();
        }
        if (now >= m_heartbeatDeadline && m_config.checkQuorum && !hasQuorumContact()) {
            // §6.2: a leader that has not heard from a majority for an election timeout
            // may have been replaced on the other side of a partition: it steps down,
            // and its clients go looking for the real leader.
            becomeFollower(m_state.currentTerm, kNoNode, Reason::QuorumLost, kNoNode);
            return;
        }
        if (now >= m_heartbeatDeadline) {
            // §5.2: the leader sends periodic heartbeats (AppendEntries, empty when
            // the follower is up to date) to keep its authority.
            addEvent(EventKind::HeartbeatTimeout);
            if (m_config.readMode == ReadMode::Lease)
                startRound(); // every heartbeat renews the lease (§6.4.1)
            broadcastAppendEntries(true);
            m_heartbeatDeadline = now + m_config.heartbeatInterval;
        }
        return;
    }
    if (now < m_electionDeadline)
        return;
    if (!canCampaign()) {
        // §4.2.1, §4.2.2: a server that is not a voter of its configuration (a learner,
        // a spare, a server removed) never starts an election.
        resetElectionTimer();
        return;
    }
    campaign(Reason::None);
}

void Node::timeoutNow(Time now)
{
    m_now = now;
    if (m_role != Role::Leader && canCampaign())
        campaign(Reason::Forced);
}

void Node::campaign(Reason why)
{
    if (m_config.preVote)
        becomePreCandidate(why);
    else
        becomeCandidate(why);
}

void Node::shiftTimers(Time delta)
{
    m_electionDeadline += delta;
    m_heartbeatDeadline += delta;
}

void Node::setElectionDeadline(Time at, Time now)
{
    m_now = now;
    m_electionDeadline = at;
    m_electionTimeout = at - now;
}

// --- role changes -----------------------------------------------------------

void Node::becomeFollower(Term term, NodeId leader, Reason why, NodeId cause)
{
    const Term oldTerm = m_state.currentTerm;
    const Role oldRole = m_role;
    if (term > m_state.currentTerm)
        setHardState(term, kNoNode); // a new term: no vote cast in it yet
    m_role = Role::Follower;
    m_leader = leader;
    m_preCandidate = false;
    endTransfer();
    failReads();
    for (Progress &p : m_progress)
        p.vote = VoteState::None;
    // A server that was leading or campaigning needs its election timer again.
    // A follower that only learns a higher term keeps its timer, so that a candidate
    // with a stale log cannot hold everyone back by bumping terms (§5.2).
    if (oldRole != Role::Follower)
        resetElectionTimer();
    if (oldRole != Role::Follower || oldTerm != term || why == Reason::QuorumLost) {
        TraceEvent &e = addEvent(EventKind::BecameFollower, why);
        e.term2 = oldTerm;
        e.value = static_cast<std::int64_t>(oldRole);
        e.peer = cause;
    }
}

void Node::becomeCandidate(Reason why)
{
    // §5.2: increment currentTerm, vote for self, reset the election timer, and send
    // RequestVote to every other server.
    setHardState(m_state.currentTerm + 1, m_config.id);
    m_role = Role::Candidate;
    m_leader = kNoNode;
    m_preCandidate = false;
    for (Progress &p : m_progress)
        p.vote = VoteState::Requested;
    m_progress[m_config.id - 1].vote = VoteState::Granted;
    resetElectionTimer();
    TraceEvent &e = addEvent(EventKind::ElectionTimeout, why);
    e.index = m_state.log.lastIndex();
    e.term2 = m_state.log.lastTerm();

    if (m_membership.hasQuorum(grantedMask())) { // a cluster of one elects itself
        becomeLeader();
        return;
    }
    // §6: votes are asked of every voter of the configuration in force (of both
    // C_old and C_new while joint); learners do not vote.
    for (NodeId peer : m_peers) {
        if (!m_membership.isVoter(peer))
            continue;
        Message &m = m_ready.messages.emplace_back();
        m.type = MessageType::RequestVote;
        m.from = m_config.id;
        m.to = peer;
        m.term = m_state.currentTerm;
        m.lastLogIndex = m_state.log.lastIndex();
        m.lastLogTerm = m_state.log.lastTerm();
        m.transfer = why == Reason::Transfer;
    }
}

void Node::becomePreCandidate(Reason why)
{
    // §9.6 (PreVote): first ask whether a majority would vote for us in the next term,
    // and change nothing while asking: no new term, no vote cast. A server cut off
    // from the cluster then keeps its term low, and cannot force a new term on a
    // healthy cluster when it comes back. Campaigning means giving up on the leader.
    m_role = Role::Follower;
    m_leader = kNoNode;
    m_preCandidate = true;
    for (Progress &p : m_progress)
        p.vote = VoteState::Requested;
    m_progress[m_config.id - 1].vote = VoteState::Granted;
    resetElectionTimer(); // no majority by then: ask again
    TraceEvent &e = addEvent(EventKind::PreVoteStarted, why);
    e.index = m_state.log.lastIndex();
    e.term2 = m_state.log.lastTerm();

    if (m_membership.hasQuorum(grantedMask())) { // a cluster of one needs nobody's word
        becomeCandidate(Reason::PreVote);
        return;
    }
    for (NodeId peer : m_peers) {
        if (!m_membership.isVoter(peer))
            continue;
        Message &m = m_ready.messages.emplace_back();
        m.type = MessageType::PreVote;
        m.from = m_config.id;
        m.to = peer;
        m.term = m_state.currentTerm + 1; // the term it would campaign in
        m.lastLogIndex = m_state.log.lastIndex();
        m.lastLogTerm = m_state.log.lastTerm();
    }
}

void Node::becomeLeader()
{
    m_role = Role::Leader;
    m_leader = m_config.id;
    m_preCandidate = false;
    endTransfer();
    TraceEvent &e = addEvent(EventKind::BecameLeader, Reason::Majority);
    e.index = static_cast<Index>(votes());
    e.index2 = static_cast<Index>(m_membership.voters.size());
    // §6.2: the count of who answered starts afresh: everyone gets a whole timeout.
    std::fill(m_heardFrom.begin(), m_heardFrom.end(), m_now);
    // Figure 2: nextIndex starts just after the leader's last entry, matchIndex at 0.
    // Flow control: every follower starts in Probe, its position unknown.
    for (Progress &p : m_progress) {
        p.matchIndex = 0;
        p.becomeProbe();
        p.nextIndex = m_state.log.lastIndex() + 1;
    }
    m_deferredReported = 0;
    // Reads start afresh: no round of this term has been answered, no lease held.
    m_round = 0;
    std::fill(m_acked.begin(), m_acked.end(), 0);
    m_roundStart.clear();
    m_leaseUntil = 0;
    if (m_config.readMode == ReadMode::Lease)
        startRound();
    // §8: a no-op entry of the new term lets entries of earlier terms commit at once
    // (a leader only counts replicas of its own term's entries, §5.4.2).
    if (m_config.noop)
        appendEntry(Entry{m_state.currentTerm, std::string()});
    broadcastAppendEntries(true);
    m_heartbeatDeadline = m_now + m_config.heartbeatInterval;
    maybeAdvanceCommit();
}

// --- inputs -----------------------------------------------------------------

void Node::step(const Message &m, Time now)
{
    m_now = now;
    // §9.6: a PreVote changes no term, neither the asker's nor the voter's. A denial
    // carrying a newer term is news, though: the asker adopts it.
    if (m.type == MessageType::PreVote) {
        handlePreVote(m);
        return;
    }
    if (m.type == MessageType::PreVoteReply && (m.voteGranted || m.term <= m_state.currentTerm)) {
        handlePreVoteReply(m);
        return;
    }
    const bool sticky = m_config.checkQuorum || (!m_config.bugs.votesDisrupt && m_membershipIndex > 0);
    if (m.term > m_state.currentTerm && m.type == MessageType::RequestVote && sticky && !m.transfer
        && hasRecentLeader()) {
        // §6, §4.2.3 (with CheckQuorum, and whenever the membership has changed): a
        // server that heard from its leader less than the minimum election timeout ago
        // ignores a RequestVote, term and all. A removed or cut-off server then cannot
        // depose a leader that a majority still hears, and a leader's lease (§6.4)
        // stays sound.
        ignore(m, Reason::LeaderAlive);
        return;
    }
    if (m.term > m_state.currentTerm) {
        // §5.1: a server that sees a higher term adopts it and becomes a follower.
        const NodeId leader = m.type == MessageType::AppendEntries || m.type == MessageType::InstallSnapshot ? m.from
                                                                                                             : kNoNode;
        becomeFollower(m.term, leader, Reason::HigherTerm, m.from);
        if (isReply(m.type))
            return; // the reply was for a term that is over
    }
    switch (m.type) {
    case MessageType::RequestVote: handleRequestVote(m); break;
    case MessageType::RequestVoteReply: handleRequestVoteReply(m); break;
    case MessageType::AppendEntries: handleAppendEntries(m); break;
    case MessageType::AppendEntriesReply: handleAppendEntriesReply(m); break;
    case MessageType::PreVote: handlePreVote(m); break;
    case MessageType::PreVoteReply: break; // a denial of a newer term: the step down above was all
    case MessageType::TimeoutNow: handleTimeoutNow(m); break;
    case MessageType::InstallSnapshot: handleInstallSnapshot(m); break;
    case MessageType::InstallSnapshotReply: handleInstallSnapshotReply(m); break;
    }
}

ProposeResult Node::propose(const std::string &command, Time now)
{
    m_now = now;
    ProposeResult result;
    if (m_role != Role::Leader) {
        // §8: only the leader takes client requests; others point to the leader they know.
        // A server outside its configuration (removed, §4.2.2, or spare) hears from no
        // leader any more: what it knows is stale, so it points nowhere.
        result.leaderHint = m_membership.contains(m_config.id) ? m_leader : kNoNode;
        return result;
    }
    if (m_transferTarget != kNoNode) {
        // §3.10: while handing over, the leader takes no requests, so that the target
        // can catch up with a log that stops growing.
        result.transferring = true;
        result.leaderHint = m_transferTarget;
        return result;
    }
    appendEntry(Entry{m_state.currentTerm, command});
    result.accepted = true;
    result.index = m_state.log.lastIndex();
    result.term = m_state.currentTerm;
    broadcastAppendEntries(false);
    maybeAdvanceCommit(); // a cluster of one commits alone
    return result;
}

// --- RequestVote ------------------------------------------------------------

TraceEvent &Node::voteDenied(EventKind kind, const Message &m, Reason why)
{
    // A denied (pre-)vote names both logs' ends, so the reader sees the §5.4.1 check.
    TraceEvent &e = addEvent(kind, why);
    e.peer = m.from;
    e.index = m.lastLogIndex;
    e.term2 = m.lastLogTerm;
    e.index2 = m_state.log.lastIndex();
    e.value = static_cast<std::int64_t>(m_state.log.lastTerm());
    return e;
}

void Node::handleRequestVote(const Message &m)
{
    Message r = reply(m, MessageType::RequestVoteReply);
    const Log &log = m_state.log;
    auto deny = [&](Reason why) -> TraceEvent & { return voteDenied(EventKind::VoteDenied, m, why); };
    if (m.term < m_state.currentTerm) {
        // §5.1: a request from an older term is rejected; the reply carries our term
        // so the stale candidate steps down.
        deny(Reason::StaleTerm).term2 = m.term;
    } else if (m_state.votedFor != kNoNode && m_state.votedFor != m.from) {
        // §5.2: at most one vote per term, first come first served.
        deny(Reason::AlreadyVoted).value = m_state.votedFor;
    } else if (!m_config.bugs.voteWithoutLogCheck && !log.isUpToDate(m.lastLogIndex, m.lastLogTerm)) {
        // §5.4.1: never vote for a candidate whose log is less up-to-date than ours;
        // otherwise it could win and overwrite committed entries. (Bug switch
        // voteWithoutLogCheck skips this check.)
        deny(m.lastLogTerm < log.lastTerm() ? Reason::LogTermOlder : Reason::LogShorter);
    } else {
        setHardState(m_state.currentTerm, m.from); // saved before the reply leaves
        r.voteGranted = true;
        // §5.2: granting a vote resets the election timer.
        resetElectionTimer();
        TraceEvent &e = addEvent(EventKind::VoteGranted, Reason::UpToDate);
        e.peer = m.from;
        e.index = m.lastLogIndex;
        e.term2 = m.lastLogTerm;
    }
    r.term = m_state.currentTerm;
    m_ready.messages.push_back(std::move(r));
}

void Node::handleRequestVoteReply(const Message &m)
{
    if (m.term < m_state.currentTerm || m_role != Role::Candidate) {
        ignore(m, m.term < m_state.currentTerm ? Reason::StaleTerm : Reason::OutdatedReply);
        return;
    }
    m_progress[m.from - 1].vote = m.voteGranted ? VoteState::Granted : VoteState::Denied;
    TraceEvent &e = addEvent(EventKind::VoteReceived);
    e.peer = m.from;
    e.value = m.voteGranted ? 1 : 0;
    e.index = static_cast<Index>(votes());
    e.index2 = static_cast<Index>(quorum());
    // §5.2: a candidate that has votes from a majority becomes leader (§6: of C_old
    // and of C_new while joint).
    if (m_membership.hasQuorum(grantedMask()))
        becomeLeader();
}

// --- leadership transfer (§3.10) ----------------------------------------------

bool Node::transferLeadership(NodeId target, Time now)
{
    m_now = now;
    if (m_role != Role::Leader || target < 1 || target > kMaxNodes || target == m_config.id
        || !m_membership.isVoter(target))
        return false;
    // §3.10: 1. stop taking requests; 2. bring the target's log up to date; 3. send it
    // TimeoutNow. If no new leader shows up within an election timeout, lead on.
    m_transferTarget = target;
    m_transferDeadline = now + m_config.electionTimeoutMax;
    const Progress &p = m_progress[target - 1];
    TraceEvent &e = addEvent(EventKind::TransferStarted);
    e.peer = target;
    e.index = p.matchIndex;
    e.index2 = m_state.log.lastIndex();
    if (p.matchIndex == m_state.log.lastIndex())
        sendTimeoutNow(target);
    else
        sendAppend(target, false);
    return true;
}

void Node::sendTimeoutNow(NodeId peer)
{
    Message &m = m_ready.messages.emplace_back();
    m.type = MessageType::TimeoutNow;
    m.from = m_config.id;
    m.to = peer;
    m.term = m_state.currentTerm;
}

void Node::endTransfer()
{
    m_transferTarget = kNoNode;
    m_transferDeadline = 0;
}

void Node::handleTimeoutNow(const Message &m)
{
    if (m.term < m_state.currentTerm || m_role == Role::Leader || !canCampaign()) {
        ignore(m, m.term < m_state.currentTerm ? Reason::StaleTerm : Reason::OutdatedReply);
        return;
    }
    // §3.10: the leader says our log is up to date: campaign at once, without waiting
    // for the timer and without a pre-vote (the leader asked for this election).
    becomeCandidate(Reason::Transfer);
    for (auto e = m_ready.events.rbegin(); e != m_ready.events.rend(); ++e)
        if (e->kind == EventKind::ElectionTimeout) {
            e->peer = m.from;
            break;
        }
}

// --- PreVote (§9.6) -----------------------------------------------------------

void Node::handlePreVote(const Message &m)
{
    Message r = reply(m, MessageType::PreVoteReply);
    const Log &log = m_state.log;
    auto deny = [&](Reason why) -> TraceEvent & { return voteDenied(EventKind::PreVoteDenied, m, why); };
    // The voter answers as it would answer the RequestVote that would follow, plus
    // one rule (§9.6): while it hears from a leader it wants no election at all.
    if (m.term < m_state.currentTerm) {
        deny(Reason::StaleTerm).term2 = m.term;
    } else if (hasRecentLeader()) {
        deny(Reason::LeaderAlive);
    } else if (m.term == m_state.currentTerm && m_state.votedFor != kNoNode && m_state.votedFor != m.from) {
        deny(Reason::AlreadyVoted).value = m_state.votedFor;
    } else if (!log.isUpToDate(m.lastLogIndex, m.lastLogTerm)) {
        deny(m.lastLogTerm < log.lastTerm() ? Reason::LogTermOlder : Reason::LogShorter);
    } else {
        // Granted: nothing is saved and the timer keeps running; the reply carries the
        // PreVote's term so that the asker can tell it from an old round's answer.
        r.voteGranted = true;
        r.term = m.term;
        TraceEvent &e = addEvent(EventKind::PreVoteGranted, Reason::UpToDate);
        e.peer = m.from;
        e.index = m.lastLogIndex;
        e.term2 = m.lastLogTerm;
    }
    m_ready.messages.push_back(std::move(r));
}

void Node::handlePreVoteReply(const Message &m)
{
    // Only an answer to this round counts: granted ones carry the term we ask for.
    const bool current = m_preCandidate && m_progress[m.from - 1].vote == VoteState::Requested
        && (m.voteGranted ? m.term == m_state.currentTerm + 1 : m.term <= m_state.currentTerm);
    if (!current) {
        ignore(m, Reason::OutdatedReply);
        return;
    }
    m_progress[m.from - 1].vote = m.voteGranted ? VoteState::Granted : VoteState::Denied;
    TraceEvent &e = addEvent(EventKind::VoteReceived, Reason::PreVote);
    e.peer = m.from;
    e.value = m.voteGranted ? 1 : 0;
    e.index = static_cast<Index>(votes());
    e.index2 = static_cast<Index>(quorum());
    // §9.6: a majority would vote for us: now start the real election.
    if (m_membership.hasQuorum(grantedMask()))
        becomeCandidate(Reason::PreVote);
}

// --- AppendEntries ----------------------------------------------------------

Index Node::sendAppendEntries(NodeId peer, Index prev, Index count)
{
    const Log &log = m_state.log;
    Message &m = m_ready.messages.emplace_back();
    m.type = MessageType::AppendEntries;
    m.from = m_config.id;
    m.to = peer;
    m.term = m_state.currentTerm;
    m.prevLogIndex = prev;
    m.prevLogTerm = log.termAt(prev);
    m.leaderCommit = m_commitIndex;
    m.round = m_round;
    const Index last = std::min<Index>(log.lastIndex(), prev + count);
    if (last > prev) {
        m.entries.reserve(last - prev);
        for (Index i = prev + 1; i <= last; ++i)
            m.entries.push_back(log.at(i));
    }
    return std::max(last, prev);
}

void Node::sendAppend(NodeId peer, bool heartbeat)
{
    Progress &p = m_progress[peer - 1];
    const Index limit = static_cast<Index>(m_config.maxEntriesPerMessage);
    const Log &log = m_state.log;
    // A heartbeat's prevLogIndex: the last index known to match, if the log still
    // has its term; else 0, which every log matches.
    const Index heartbeatPrev = log.has(p.matchIndex) ? p.matchIndex : 0;
    if (heartbeat) {
        // An AppendEntries unanswered for an election timeout is presumed lost (the
        // network may lose messages, §5.1): find the follower's position again.
        const Time oldest = p.oldestUnanswered();
        if (oldest >= 0 && m_now - oldest >= m_config.electionTimeoutMin) {
            if (p.state == FlowState::Replicate)
                p.becomeProbe();
            else if (p.state == FlowState::Probe)
                p.probeSent = false; // send the probe again, with its entries
            else
                p.snapshotSent = false; // send the chunk again
        }
    }
    if (p.state != FlowState::Snapshot && p.nextIndex <= log.snapshotIndex()) {
        // §7: the entries this follower needs next are compacted away; only the
        // snapshot can bring it up to date. Send it, chunk by chunk (Figure 13).
        p.becomeSnapshot(log.snapshotIndex());
        TraceEvent &e = addEvent(EventKind::SnapshotSent);
        e.peer = peer;
        e.index = log.snapshotIndex();
        e.term2 = log.snapshotTerm();
        e.index2 = p.nextIndex;
        const std::uint64_t size = m_state.snapshot.data.size();
        const std::uint64_t chunk = m_config.snapshotChunk == 0 ? size : m_config.snapshotChunk;
        e.value = static_cast<std::int64_t>(chunk == 0 ? 1 : (size + chunk - 1) / chunk);
    }
    if (p.state == FlowState::Snapshot) {
        if (p.pendingSnapshot != log.snapshotIndex())
            p.becomeSnapshot(log.snapshotIndex()); // we took a newer one: send that
        if (!p.snapshotSent)
            sendSnapshotChunk(peer);
        else if (heartbeat)
            sendAppendEntries(peer, heartbeatPrev, 0); // keeps its election timer quiet (§5.2)
        return;
    }
    if (p.state == FlowState::Replicate) {
        // The follower's position is known: send what it lacks, in large batches,
        // within the window of messages in flight (raft/progress.h says why).
        if (!p.isPaused() && p.nextIndex <= m_state.log.lastIndex()) {
            p.sentEntries(sendAppendEntries(peer, p.nextIndex - 1, limit * Progress::kReplicateBatch), m_now);
        } else if (heartbeat) {
            // A heartbeat from the last index known to match: it always passes the
            // consistency check and carries no entry already on its way (§5.2).
            sendAppendEntries(peer, heartbeatPrev, 0);
        }
        return;
    }
    // Probe: one AppendEntries at a time until an answer tells where the logs match.
    if (!p.probeSent) {
        sendAppendEntries(peer, p.nextIndex - 1, limit);
        p.sentProbe(m_now);
    } else if (heartbeat) {
        sendAppendEntries(peer, p.nextIndex - 1, 0); // probes again, without entries
    }
}

void Node::broadcastAppendEntries(bool heartbeat)
{
    for (NodeId peer : m_peers)
        sendAppend(peer, heartbeat);
}

void Node::handleAppendEntries(const Message &m)
{
    Message r = reply(m, MessageType::AppendEntriesReply);
    r.round = m.round;
    if (m.term < m_state.currentTerm) {
        // §5.1: reject a leader of an older term; our term in the reply makes it step down.
        TraceEvent &e = addEvent(EventKind::AppendRejected, Reason::StaleTerm);
        e.peer = m.from;
        e.term2 = m.term;
        r.rejectedIndex = m.prevLogIndex;
        m_ready.messages.push_back(std::move(r));
        return;
    }
    if (m_role == Role::Candidate) {
        // §5.2: a candidate that hears from the leader of its own term steps down.
        becomeFollower(m.term, m.from, Reason::LeaderOfTerm, m.from);
    } else if (m_role == Role::Leader) {
        // Two leaders in one term cannot happen (Election Safety); ignore it if it
        // does, and let the invariant checker report it.
        ignore(m, Reason::None);
        return;
    }
    m_leader = m.from;
    m_leaderContact = m_now;
    m_preCandidate = false; // a pre-vote round ends when the leader is heard from (§9.6)
    resetElectionTimer(); // the leader is alive: no election for now (§5.2)

    Log &log = m_state.log;
    r.rejectedIndex = m.prevLogIndex;
    Index prev = m.prevLogIndex;
    std::size_t first = 0;
    if (prev < log.snapshotIndex()) {
        // §7: our snapshot holds only committed entries, and committed entries are in
        // every later leader's log at the same index (§5.4.3): they match. Check the
        // rest from the snapshot's last entry on.
        first = static_cast<std::size_t>(std::min<Index>(m.entries.size(), log.snapshotIndex() - prev));
        prev = log.snapshotIndex();
    }
    const Term prevTerm = prev == m.prevLogIndex ? m.prevLogTerm : log.termAt(prev);
    if (prev > log.lastIndex()) {
        // §5.3 consistency check: we have no entry at prevLogIndex. Hint: our log ends here.
        TraceEvent &e = addEvent(EventKind::AppendRejected, Reason::MissingEntry);
        e.peer = m.from;
        e.index = m.prevLogIndex;
        e.index2 = log.lastIndex();
        r.conflictTerm = 0;
        r.conflictIndex = log.lastIndex() + 1;
        m_ready.messages.push_back(std::move(r));
        return;
    }
    if (log.termAt(prev) != prevTerm) {
        // §5.3 consistency check: our entry at prevLogIndex has another term. Hint: the
        // first index of that term, so the leader can skip the whole term at once.
        const Term ours = log.termAt(prev);
        TraceEvent &e = addEvent(EventKind::AppendRejected, Reason::TermMismatch);
        e.peer = m.from;
        e.index = m.prevLogIndex;
        e.term2 = m.prevLogTerm;
        e.value = static_cast<std::int64_t>(ours);
        r.conflictTerm = ours;
        r.conflictIndex = log.firstIndexOfTerm(m.prevLogIndex);
        m_ready.messages.push_back(std::move(r));
        return;
    }

    // §5.3: an existing entry that conflicts with a new one (same index, different
    // term) is deleted with all that follow it; entries already present are kept, so
    // a delayed or duplicated AppendEntries never truncates what a later one added.
    Index index = prev;
    for (std::size_t k = first; k < m.entries.size(); ++k) {
        const Entry &entry = m.entries[k];
        ++index;
        if (index <= log.lastIndex()) {
            if (log.termAt(index) == entry.term)
                continue;
            TraceEvent &e = addEvent(EventKind::LogTruncated, Reason::TermMismatch);
            e.peer = m.from;
            e.index = index - 1;
            e.index2 = log.lastIndex() - (index - 1);
            e.term2 = entry.term;
            truncateAfter(index - 1);
        }
        appendEntry(entry);
    }
    const Index lastNew = prev + (m.entries.size() - first);
    if (m_config.bugs.truncateOnStaleAppend && log.lastIndex() > lastNew) {
        // Bug switch: drop everything after the message's entries although nothing
        // conflicts. A delayed or reordered AppendEntries then deletes newer entries,
        // committed ones included (§5.3 deletes only on a conflict).
        TraceEvent &t = addEvent(EventKind::LogTruncated, Reason::None);
        t.peer = m.from;
        t.index = lastNew;
        t.index2 = log.lastIndex() - lastNew;
        truncateAfter(lastNew);
    }

    TraceEvent &e = addEvent(EventKind::AppendAccepted, m.entries.empty() ? Reason::Heartbeat : Reason::None);
    e.peer = m.from;
    e.index = m.prevLogIndex;
    e.index2 = m.entries.size();
    e.value = static_cast<std::int64_t>(lastNew);

    // §5.3: commitIndex = min(leaderCommit, index of last new entry). Not the end of
    // our log: entries past lastNew were not checked against the leader's.
    const Index commit = std::min(m.leaderCommit, lastNew);
    if (commit > m_commitIndex)
        setCommitIndex(commit, Reason::LeaderCommit);
    if (m_config.bugs.applyBeforeCommit) {
        // Bug switch: apply what was just stored, committed or not. Figure 2 applies
        // only up to commitIndex: an uncommitted entry may still be overwritten.
        applyThrough(lastNew);
    }

    r.success = true;
    r.matchIndex = lastNew;
    m_ready.messages.push_back(std::move(r));
}

void Node::handleAppendEntriesReply(const Message &m)
{
    if (m.term < m_state.currentTerm || m_role != Role::Leader) {
        ignore(m, m.term < m_state.currentTerm ? Reason::StaleTerm : Reason::OutdatedReply);
        return;
    }
    m_heardFrom[m.from - 1] = m_now; // it answered in our term (§6.2)
    if (m.round > m_acked[m.from - 1]) {
        // Any answer in our term, success or not, says the follower still took us for
        // its leader when the round's AppendEntries arrived (§6.4).
        m_acked[m.from - 1] = m.round;
        roundAcked();
    }
    Progress &p = m_progress[m.from - 1];
    if (m.success) {
        const bool advanced = p.acknowledge(m.matchIndex);
        TraceEvent &e = addEvent(EventKind::ReplicationAcked);
        e.peer = m.from;
        e.index = p.matchIndex;
        e.index2 = p.nextIndex;
        // §3.10: the transfer target has caught up: tell it to campaign now.
        if (m.from == m_transferTarget && p.matchIndex == m_state.log.lastIndex())
            sendTimeoutNow(m.from);
        if (advanced)
            maybeAdvanceCommit();
        if (advanced && m_membership.isLearner(m.from))
            checkCatchUp();
        if (advanced && !m_leaving.empty())
            releaseLeaving();
        // Keep a lagging follower coming: send the next batch at once, if the window
        // has room.
        if (p.nextIndex <= m_state.log.lastIndex() && !p.isPaused())
            sendAppend(m.from, false);
        return;
    }
    if (p.state == FlowState::Replicate) {
        if (m.rejectedIndex <= p.matchIndex) {
            // A rejection of an attempt from before the match we know of.
            ignore(m, Reason::OutdatedReply);
            return;
        }
        // Entries in flight were lost or overtaken: the follower's log has a gap.
        // Stop streaming and probe from the last index known to match.
        TraceEvent &e = addEvent(EventKind::ReplicationBackoff, Reason::MissingEntry);
        e.peer = m.from;
        e.index = p.matchIndex + 1;
        e.index2 = p.nextIndex;
        p.becomeProbe();
        sendAppend(m.from, false);
        return;
    }
    if (m.rejectedIndex + 1 != p.nextIndex || m.rejectedIndex <= p.matchIndex) {
        // A rejection of an older attempt; nextIndex has moved since. Or one at or
        // below matchIndex, which this follower acknowledged in our term and so still
        // holds (only a bug switch makes it lose them): nextIndex cannot go back past
        // matchIndex, so the answer tells nothing new. Answering it with another probe
        // would let every duplicated rejection release two probes, and the messages
        // in flight would grow without bound; the probe in flight stays the only one
        // (Progress: one in flight in Probe) until a heartbeat finds it lost.
        ignore(m, Reason::OutdatedReply);
        return;
    }
    // §5.3: after a rejection the leader decrements nextIndex and retries. With the
    // follower's hint it skips a whole conflicting term at once: to just after our
    // last entry of that term, or to the follower's first entry of it.
    Index next = m.conflictIndex;
    if (m.conflictTerm != 0) {
        const Index ours = m_state.log.lastIndexOfTerm(m.conflictTerm);
        if (ours != 0)
            next = ours + 1;
    }
    next = std::min(next, m.rejectedIndex); // always move back
    next = std::max(next, p.matchIndex + 1); // never below what is known to match
    next = std::max<Index>(next, 1);
    TraceEvent &e = addEvent(EventKind::ReplicationBackoff,
                             m.conflictTerm != 0 ? Reason::TermMismatch : Reason::MissingEntry);
    e.peer = m.from;
    e.index = next;
    e.index2 = p.nextIndex;
    p.nextIndex = next;
    p.probeSent = false; // the answer came: the next probe may go
    sendAppend(m.from, false);
}

// --- snapshots (§7, Figure 13) --------------------------------------------------------

bool Node::compact(Index index, std::string data, bool forced)
{
    // §7: a server snapshots only what it has applied (so only committed entries),
    // and only ahead of the snapshot it has.
    // (A bug switch can leave applied entries no longer in the log: nothing to keep.)
    if (index <= m_state.snapshot.index || index > m_lastApplied || index > m_state.log.lastIndex())
        return false;
    Log &log = m_state.log;
    Snapshot snapshot;
    snapshot.index = index;
    snapshot.term = log.termAt(index);
    // The configuration at `index` (entries after it may hold newer ones, §4.1).
    std::tie(snapshot.config, snapshot.configIndex) = configurationBefore(index);
    snapshot.config.learners.clear();
    snapshot.data = std::move(data);
    snapshot.print = log.fingerprint(index);
    const Index discarded = index - log.snapshotIndex();
    log.compact(index);
    m_state.snapshot = std::move(snapshot);
    m_ready.snapshotChanged = true;
    if (m_incoming.index != 0 && m_incoming.index <= index)
        m_incoming = Snapshot(); // Figure 13 step 5: a partial one with a smaller index goes
    TraceEvent &e = addEvent(EventKind::SnapshotTaken, forced ? Reason::Forced : Reason::None);
    e.index = index;
    e.term2 = m_state.snapshot.term;
    e.index2 = discarded;
    e.value = static_cast<std::int64_t>(m_state.snapshot.data.size());
    return true;
}

void Node::sendSnapshotChunk(NodeId peer)
{
    Progress &p = m_progress[peer - 1];
    const Snapshot &snapshot = m_state.snapshot;
    if (p.pendingSnapshot != snapshot.index)
        p.becomeSnapshot(snapshot.index); // we took a newer one since: send that, from its start
    const std::uint64_t size = snapshot.data.size();
    const std::uint64_t offset = std::min<std::uint64_t>(p.snapshotOffset, size);
    const std::uint64_t chunk = m_config.snapshotChunk == 0 ? size : m_config.snapshotChunk;
    Message &m = m_ready.messages.emplace_back();
    m.type = MessageType::InstallSnapshot;
    m.from = m_config.id;
    m.to = peer;
    m.term = m_state.currentTerm;
    m.leaderCommit = m_commitIndex;
    m.lastIncludedIndex = snapshot.index;
    m.lastIncludedTerm = snapshot.term;
    m.snapshotOffset = offset;
    SnapshotChunk c;
    c.data = snapshot.data.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(chunk));
    c.done = offset + c.data.size() >= size;
    c.snapshotSize = size;
    c.config = snapshot.config;
    c.configIndex = snapshot.configIndex;
    c.print = snapshot.print;
    m.chunk = Boxed<SnapshotChunk>(std::move(c));
    p.sentSnapshotChunk(m_now);
}

void Node::handleInstallSnapshot(const Message &m)
{
    // The receiver's rules of Figure 13, in its order. Replies carry the snapshot's
    // index and how many of its bytes we hold, so the leader knows what to send next.
    Message r = reply(m, MessageType::InstallSnapshotReply);
    r.lastIncludedIndex = m.lastIncludedIndex;
    const auto answer = [&](EventKind kind, Reason why) {
        TraceEvent &e = addEvent(kind, why);
        e.peer = m.from;
        e.index = m.lastIncludedIndex;
        e.term2 = m.lastIncludedTerm;
        e.index2 = r.snapshotOffset;
        e.value = static_cast<std::int64_t>(m.chunk->snapshotSize);
        m_ready.messages.push_back(std::move(r));
    };
    // Figure 13 step 1: reply immediately if term < currentTerm.
    if (m.term < m_state.currentTerm) {
        answer(EventKind::SnapshotIgnored, Reason::StaleTerm);
        return;
    }
    // As for AppendEntries (§5.2): the leader of our term is alive.
    if (m_role == Role::Candidate) {
        becomeFollower(m.term, m.from, Reason::LeaderOfTerm, m.from);
    } else if (m_role == Role::Leader) {
        ignore(m, Reason::None); // two leaders in one term: the checker reports it
        return;
    }
    m_leader = m.from;
    m_leaderContact = m_now;
    m_preCandidate = false;
    resetElectionTimer();
    if (m.lastIncludedIndex <= m_commitIndex) {
        // A stale or duplicated snapshot: we already hold every entry it covers, and
        // they are committed. Installing it would move our state machine back (and
        // discard entries after it), so it is only acknowledged.
        r.success = true;
        r.matchIndex = m_commitIndex;
        r.snapshotOffset = m.chunk->snapshotSize;
        answer(EventKind::SnapshotIgnored, Reason::SnapshotCovered);
        return;
    }
    if (m.snapshotOffset == 0) {
        // Figure 13 step 2: create a new snapshot file if this is the first chunk
        // (a partial one of another snapshot is dropped).
        m_incoming = Snapshot();
        m_incoming.index = m.lastIncludedIndex;
        m_incoming.term = m.lastIncludedTerm;
        m_incoming.config = m.chunk->config;
        m_incoming.configIndex = m.chunk->configIndex;
        m_incoming.print = m.chunk->print;
    } else if (m_incoming.index != m.lastIncludedIndex || m_incoming.term != m.lastIncludedTerm
               || m.snapshotOffset != m_incoming.data.size()) {
        // Step 3 writes at the chunk's offset; a chunk that does not continue what we
        // hold (an earlier one was lost, or this one is a duplicate) is not written. The
        // reply says how much we hold, and the leader goes on from there.
        const bool same = m_incoming.index == m.lastIncludedIndex && m_incoming.term == m.lastIncludedTerm;
        r.snapshotOffset = same ? m_incoming.data.size() : 0;
        answer(EventKind::SnapshotIgnored, Reason::ChunkOutOfOrder);
        return;
    }
    // Figure 13 step 3: write data into the snapshot file at the given offset.
    m_incoming.data += m.chunk->data;
    r.snapshotOffset = m_incoming.data.size();
    if (!m.chunk->done) {
        // Figure 13 step 4: reply and wait for more data chunks if done is false.
        answer(EventKind::SnapshotChunkReceived, Reason::None);
        return;
    }
    installSnapshot(m.from);
    r.success = true;
    r.matchIndex = m_state.snapshot.index;
    m_ready.messages.push_back(std::move(r));
}

void Node::installSnapshot(NodeId leader)
{
    // Figure 13 step 5: save the snapshot file, discard any existing or partial
    // snapshot with a smaller index (ours is older: its index <= commitIndex < this one).
    Snapshot snapshot = std::move(m_incoming);
    m_incoming = Snapshot();
    Log &log = m_state.log;
    const Index index = snapshot.index;
    const bool match = index <= log.lastIndex() && log.has(index) && log.termAt(index) == snapshot.term;
    const Index kept = match ? log.lastIndex() - index : 0;
    if (match) {
        // Step 6: an existing entry has the same index and term as the snapshot's last
        // included entry: retain the log entries following it.
        log.compact(index);
    } else {
        // Step 7: discard the entire log.
        log.resetTo(index, snapshot.term, snapshot.print);
    }
    const std::uint64_t bytes = snapshot.data.size();
    m_state.snapshot = std::move(snapshot);
    // Step 8: reset the state machine using the snapshot's contents (and load its
    // configuration). Everything in it is committed and now applied.
    m_commitIndex = index;
    m_lastApplied = index;
    m_ready.snapshotChanged = true;
    m_ready.snapshotRestored = true;
    m_ready.applyFrom = index;
    m_ready.applyTo = index;
    TraceEvent &e = addEvent(EventKind::SnapshotInstalled, match ? Reason::SnapshotMatch : Reason::SnapshotReplace);
    e.peer = leader;
    e.index = index;
    e.term2 = m_state.snapshot.term;
    e.index2 = kept;
    e.value = static_cast<std::int64_t>(bytes);
    // The configuration in force is the newest of the entries kept, else the
    // snapshot's (§4.1, §7).
    refreshMembership(Reason::None);
}

void Node::acknowledged(NodeId from, bool advanced, Reason reason)
{
    const Progress &p = m_progress[from - 1];
    TraceEvent &e = addEvent(EventKind::ReplicationAcked, reason);
    e.peer = from;
    e.index = p.matchIndex;
    e.index2 = p.nextIndex;
    // §3.10: the transfer target has caught up: tell it to campaign now.
    if (from == m_transferTarget && p.matchIndex == m_state.log.lastIndex())
        sendTimeoutNow(from);
    if (advanced)
        maybeAdvanceCommit();
    // §4.2.1: a learner's progress may end a catch-up round; §4.2.2: a server leaving
    // hears on until it has the entry that removes it.
    if (advanced && m_role == Role::Leader && m_membership.isLearner(from))
        checkCatchUp();
    if (advanced && m_role == Role::Leader && !m_leaving.empty())
        releaseLeaving();
    // Keep a lagging follower coming: send the next batch at once, if the window
    // has room.
    if (m_role == Role::Leader && p.nextIndex <= m_state.log.lastIndex() && !p.isPaused())
        sendAppend(from, false);
}

void Node::handleInstallSnapshotReply(const Message &m)
{
    if (m.term < m_state.currentTerm || m_role != Role::Leader) {
        ignore(m, m.term < m_state.currentTerm ? Reason::StaleTerm : Reason::OutdatedReply);
        return;
    }
    m_heardFrom[m.from - 1] = m_now; // it answered in our term (§6.2)
    Progress &p = m_progress[m.from - 1];
    const bool current = p.state == FlowState::Snapshot && m.lastIncludedIndex == p.pendingSnapshot;
    if (m.success) {
        // Installed (or not needed): the follower's log matches ours up to matchIndex.
        if (m.matchIndex <= p.matchIndex && !current) {
            ignore(m, Reason::OutdatedReply);
            return;
        }
        const bool advanced = p.acknowledge(m.matchIndex);
        if (p.state == FlowState::Snapshot && p.matchIndex >= p.pendingSnapshot)
            p.becomeReplicate();
        acknowledged(m.from, advanced, Reason::SnapshotMatch);
        return;
    }
    if (!current) {
        ignore(m, Reason::OutdatedReply);
        return;
    }
    // A chunk arrived (or one was missing): go on from what the follower holds.
    p.snapshotOffset = std::min<std::uint64_t>(m.snapshotOffset, m_state.snapshot.data.size());
    p.snapshotSent = false;
    sendSnapshotChunk(m.from);
}

// --- commitment ---------------------------------------------------------------

void Node::maybeAdvanceCommit()
{
    // The highest index stored on a majority: the quorum-th largest matchIndex,
    // counting the leader's own log.
    // §6: in the configuration in force; while joint, on majorities of both. A leader
    // that is not a voter of it (it is removing itself) does not count itself (§4.2.2).
    // Capped at the leader's own log: a matchIndex past it is impossible in Raft, but a
    // bug switch (commit-old-terms) can leave one behind once a committed entry is lost.
    const Index majority = std::min(
        m_membership.committedIndex(
            [this](NodeId id) { return id == m_config.id ? m_state.log.lastIndex() : m_progress[id - 1].matchIndex; }),
        m_state.log.lastIndex());
    if (majority <= m_commitIndex)
        return;
    if (m_state.log.termAt(majority) == m_state.currentTerm || m_config.bugs.commitOldTerms) {
        // (Bug switch commitOldTerms counts replicas of any term: Figure 8's danger.)
        setCommitIndex(majority, Reason::Majority);
        return;
    }
    // §5.4.2 (Figure 8): an entry of an earlier term is never committed by counting
    // replicas; it commits when an entry of the current term above it does.
    if (majority != m_deferredReported) {
        m_deferredReported = majority;
        TraceEvent &e = addEvent(EventKind::CommitDeferred, Reason::Majority);
        e.index = majority;
        e.term2 = m_state.log.termAt(majority);
    }
}

// --- reads (dissertation §6.4) -----------------------------------------------------

ReadResult Node::read(std::uint64_t id, Time now)
{
    m_now = now;
    ReadResult result;
    if (m_role != Role::Leader || m_transferTarget != kNoNode) {
        // §6.4: only the leader can tell what is committed; a follower points the
        // client to the leader it knows. A leader handing over takes no reads either.
        result.leaderHint = m_role == Role::Leader ? m_transferTarget : m_leader;
        TraceEvent &e = addEvent(EventKind::ReadRefused,
                                 m_role == Role::Leader ? Reason::Transferring : Reason::NotLeader);
        e.peer = result.leaderHint;
        e.value = static_cast<std::int64_t>(id);
        return result;
    }
    result.accepted = true;
    PendingRead read;
    read.id = id;
    if (!committedInTerm(m_state.log, m_commitIndex, m_state.currentTerm)
        && m_state.log.lastTerm() != m_state.currentTerm) {
        // §6.4 step 1: a new leader does not know which entries are committed until
        // an entry of its own term is: it appends an empty one (as the no-op of §8).
        appendEntry(Entry{m_state.currentTerm, std::string()});
        broadcastAppendEntries(false);
        maybeAdvanceCommit();
    }
    const bool lease = m_config.readMode == ReadMode::Lease && m_now < m_leaseUntil;
    TraceEvent &e = addEvent(EventKind::ReadStarted, lease ? Reason::LeaderAlive : Reason::None);
    e.value = static_cast<std::int64_t>(id);
    e.index = m_commitIndex;
    e.index2 = lease ? static_cast<Index>(m_leaseUntil) : 0;
    if (lease) {
        // §6.4.1: within the lease no other server can have been elected (followers
        // that answered ignore RequestVote for a minimum election timeout), so the
        // commitIndex is current without a round of heartbeats.
        read.round = 0;
    } else {
        // §6.4 steps 2–3: confirm leadership with a fresh round of heartbeats.
        startRound();
        read.round = m_round;
        broadcastAppendEntries(true);
    }
    m_reads.push_back(read);
    confirmReads();
    return result;
}

void Node::startRound()
{
    ++m_round;
    if (m_config.readMode == ReadMode::Lease)
        m_roundStart.emplace_back(m_round, m_now);
    m_acked[m_config.id - 1] = m_round;
}

std::uint64_t Node::confirmedRound() const
{
    // The highest round a majority of the voters in force answered (of both majorities
    // while joint, §6); this server counts only if it is a voter.
    return m_membership.committedIndex([this](NodeId id) { return m_acked[id - 1]; });
}

void Node::roundAcked()
{
    if (m_config.readMode == ReadMode::Lease && !m_roundStart.empty()) {
        // The round a majority (this server included) has answered: its followers
        // heard from us no earlier than its start, and ignore candidates for a
        // minimum election timeout after that (§4.2.3).
        const std::uint64_t confirmed = confirmedRound();
        auto it = m_roundStart.begin();
        while (it != m_roundStart.end() && it->first < confirmed)
            ++it;
        if (it != m_roundStart.end() && it->first == confirmed)
            m_leaseUntil = std::max(m_leaseUntil, it->second + m_config.electionTimeoutMin);
        m_roundStart.erase(m_roundStart.begin(), it);
    }
    if (!m_reads.empty())
        confirmReads();
}

void Node::confirmReads()
{
    const bool termCommitted = committedInTerm(m_state.log, m_commitIndex, m_state.currentTerm);
    if (!termCommitted)
        return; // step 1 first: an entry of this term must commit
    const std::uint64_t confirmed = confirmedRound();
    std::size_t kept = 0;
    for (PendingRead &read : m_reads) {
        if (!read.noted) {
            read.index = m_commitIndex; // §6.4 step 1: the readIndex
            read.noted = true;
        }
        if (read.round > confirmed) {
            m_reads[kept++] = read;
            continue;
        }
        // §6.4 step 4: confirmed; the answer waits until the state machine has
        // applied readIndex (here it already has: entries apply as they commit).
        m_ready.reads.push_back(ReadState{read.id, read.index, true});
        TraceEvent &e = addEvent(EventKind::ReadConfirmed, read.round == 0 ? Reason::LeaderAlive : Reason::Majority);
        e.value = static_cast<std::int64_t>(read.id);
        e.index = read.index;
    }
    m_reads.resize(kept);
}

void Node::failReads()
{
    for (const PendingRead &read : m_reads)
        m_ready.reads.push_back(ReadState{read.id, 0, false});
    m_reads.clear();
    m_leaseUntil = 0;
}

void Node::setCommitIndex(Index index, Reason why)
{
    TraceEvent &e = addEvent(EventKind::CommitAdvanced, why);
    e.index = index;
    e.index2 = m_commitIndex;
    if (m_role != Role::Leader)
        e.peer = m_leader;
    m_commitIndex = index;
    // Figure 2: apply committed entries in order.
    applyThrough(m_commitIndex);
    if (m_config.bugs.committedConfig)
        refreshMembership(Reason::Majority);
    afterCommit();
    if (!m_reads.empty())
        confirmReads(); // reads waiting for an entry of this term to commit
}

void Node::applyThrough(Index index)
{
    // The caller applies (applyFrom, applyTo] to the state machine when it takes the Ready.
    if (index <= m_lastApplied)
        return;
    if (m_ready.applyTo == m_ready.applyFrom)
        m_ready.applyFrom = m_lastApplied;
    m_ready.applyTo = index;
    m_lastApplied = index;
}

void Node::takeReady(Ready &into)
{
    into.clear();
    std::swap(into, m_ready);
}

} // namespace raft
