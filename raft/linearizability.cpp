#include "linearizability.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <unordered_set>

namespace raft {

namespace {

using State = std::optional<std::string>;

/// Event is a call or a return of one operation, linked in time order. Lifting an
/// operation out of the list (once it is placed) unlinks its call and its return.
struct Event {
    bool call = true;
    std::size_t op = 0;
    std::int64_t time = 0;
    int prev = -1;
    int next = -1;
    /// match: for a call, the index of its return event.
    int match = -1;
};

/// apply runs op on state: false if a Get's answer does not fit the state.
bool apply(const KvOperation &op, State &state)
{
    switch (op.kind) {
    case KvOperation::Kind::Put: state = op.value; return true;
    case KvOperation::Kind::Delete: state.reset(); return true;
    case KvOperation::Kind::Get: return op.found ? (state && *state == op.value) : !state;
    }
    return false;
}

struct KeyResult {
    bool linearizable = true;
    bool conclusive = true;
    std::uint64_t steps = 0;
    /// stuck: the first operation left unplaced in the deepest attempt.
    std::size_t stuck = 0;
};

KeyResult checkKey(const std::vector<const KvOperation *> &ops, std::uint64_t maxSteps)
{
    KeyResult result;
    const std::size_t n = ops.size();
    constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    // Events in time order; a call sorts before a return at the same instant, so that
    // operations that merely touch count as concurrent (the permissive reading).
    std::vector<Event> events;
    events.reserve(2 * n + 1);
    events.push_back(Event{}); // the head sentinel
    for (std::size_t i = 0; i < n; ++i) {
        const KvOperation &op = *ops[i];
        events.push_back(Event{true, i, op.invoke});
        events.push_back(Event{false, i, op.outcome == KvOperation::Outcome::Unknown ? kNever : op.complete});
    }
    std::vector<int> order(events.size() - 1);
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i + 1);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Event &x = events[static_cast<std::size_t>(a)];
        const Event &y = events[static_cast<std::size_t>(b)];
        return x.time != y.time ? x.time < y.time : (x.call && !y.call);
    });
    std::vector<int> callOf(n, -1);
    int prev = 0;
    for (const int e : order) {
        events[static_cast<std::size_t>(prev)].next = e;
        events[static_cast<std::size_t>(e)].prev = prev;
        prev = e;
        Event &ev = events[static_cast<std::size_t>(e)];
        if (ev.call)
            callOf[ev.op] = e;
        else
            events[static_cast<std::size_t>(callOf[ev.op])].match = e;
    }
    auto unlink = [&](int e) {
        Event &ev = events[static_cast<std::size_t>(e)];
        events[static_cast<std::size_t>(ev.prev)].next = ev.next;
        if (ev.next >= 0)
            events[static_cast<std::size_t>(ev.next)].prev = ev.prev;
    };
    auto relink = [&](int e) {
        Event &ev = events[static_cast<std::size_t>(e)];
        events[static_cast<std::size_t>(ev.prev)].next = e;
        if (ev.next >= 0)
            events[static_cast<std::size_t>(ev.next)].prev = e;
    };

    std::vector<std::uint64_t> placed((n + 63) / 64, 0);
    std::unordered_set<std::string> seen;
    auto memoKey = [&](const State &s) {
        std::string key(reinterpret_cast<const char *>(placed.data()), placed.size() * sizeof(std::uint64_t));
        key.push_back(s ? '=' : '-');
        if (s)
            key += *s;
        return key;
    };
    struct Frame {
        int call;
        State before;
    };
    std::vector<Frame> stack;
    State state;
    std::size_t deepest = 0;
    result.stuck = n;
    int e = events[0].next;
    while (events[0].next >= 0) {
        if (++result.steps > maxSteps) {
            result.conclusive = false;
            return result;
        }
        if (e < 0) {
            e = events[0].next;
            continue;
        }
        const Event &ev = events[static_cast<std::size_t>(e)];
        if (ev.call) {
            State next = state;
            const std::size_t op = ev.op;
            if (apply(*ops[op], next)) {
                placed[op / 64] |= std::uint64_t{1} << (op % 64);
                if (seen.insert(memoKey(next)).second) {
                    stack.push_back(Frame{e, std::move(state)});
                    state = std::move(next);
                    unlink(e);
                    unlink(ev.match);
                    e = events[0].next;
                    continue;
                }
                placed[op / 64] &= ~(std::uint64_t{1} << (op % 64));
            }
            e = ev.next;
            continue;
        }
        // A return whose operation is not placed yet: everything placed so far must
        // be undone, since this operation had to happen before what follows.
        if (stack.size() >= deepest) {
            deepest = stack.size();
            result.stuck = ev.op;
        }
        if (stack.empty()) {
            result.linearizable = false;
            return result;
        }
        Frame frame = std::move(stack.back());
        stack.pop_back();
        const Event &call = events[static_cast<std::size_t>(frame.call)];
        relink(call.match);
        relink(frame.call);
        placed[call.op / 64] &= ~(std::uint64_t{1} << (call.op % 64));
        state = std::move(frame.before);
        e = call.next;
    }
    return result;
}

} // namespace

std::string describeOperation(const KvOperation &op)
{
    std::string s = "client " + std::to_string(op.client) + " ";
    switch (op.kind) {
    case KvOperation::Kind::Put: s += "put " + op.key + "=\"" + op.value + "\""; break;
    case KvOperation::Kind::Delete: s += "delete " + op.key; break;
    case KvOperation::Kind::Get:
        s += "get " + op.key + " -> " + (op.found ? "\"" + op.value + "\"" : std::string("(absent)"));
        break;
    }
    s += " [" + std::to_string(op.invoke) + ", ";
    s += op.outcome == KvOperation::Outcome::Unknown ? std::string("no answer") : std::to_string(op.complete);
    s += op.outcome == KvOperation::Outcome::Failed ? ", failed]" : "]";
    return s;
}

LinearizabilityResult checkLinearizable(const std::vector<KvOperation> &history, std::uint64_t maxStepsPerKey)
{
    LinearizabilityResult result;
    // std::map: keys are checked, and a violation reported, in a fixed order.
    std::map<std::string, std::vector<const KvOperation *>> byKey;
    for (const KvOperation &op : history) {
        if (op.outcome == KvOperation::Outcome::Failed)
            continue;
        if (op.outcome == KvOperation::Outcome::Unknown && op.kind == KvOperation::Kind::Get)
            continue;
        byKey[op.key].push_back(&op);
    }
    for (const auto &[key, ops] : byKey) {
        const KeyResult r = checkKey(ops, maxStepsPerKey);
        result.steps += r.steps;
        if (!r.conclusive) {
            result.conclusive = false;
            continue;
        }
        if (!r.linearizable) {
            result.linearizable = false;
            result.explanation = "key " + key + ": the " + std::to_string(ops.size())
                + " operations on it have no legal order; this one cannot be placed: "
                + describeOperation(*ops[r.stuck]);
            return result;
        }
    }
    return result;
}

} // namespace raft
