// trace_json_fuzz: libFuzzer target for the trace's JSON and English writers
// (raft/trace.h) and the JsonWriter (raft/json.h), read back with a strict JSON
// reader (jsoncheck.h). Whatever the fields of an event and whatever bytes its text
// holds, Trace::toJson must write one valid JSON object whose t, step, kind and text
// read back as written, and describe() must word it; a JsonWriter array of random
// strings and numbers must read back value for value (doubles exactly).
#include "jsoncheck.h"
#include "raft/json.h"
#include "raft/trace.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

/// validUtf8 tells whether text is UTF-8 (the writers pass UTF-8 through untouched;
/// other bytes cannot be read back as the same JSON string).
bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
        if (n < 0 || i + static_cast<std::size_t>(n) >= s.size())
            return false;
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 0x2)
                return false;
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

void traceEvents(FuzzedDataProvider &in)
{
    raft::Trace trace;
    const int count = in.ConsumeIntegralInRange(1, 4);
    for (int k = 0; k < count; ++k) {
        raft::TraceEvent e;
        e.t = in.ConsumeIntegral<raft::Time>();
        e.step = in.ConsumeIntegral<std::uint64_t>();
        e.kind = static_cast<raft::EventKind>(in.ConsumeIntegral<std::uint8_t>());
        e.reason = static_cast<raft::Reason>(in.ConsumeIntegral<std::uint8_t>());
        e.node = in.ConsumeIntegralInRange<raft::NodeId>(-2, 12);
        e.peer = in.ConsumeIntegralInRange<raft::NodeId>(-2, 12);
        e.term = in.ConsumeIntegral<raft::Term>();
        e.term2 = in.ConsumeIntegral<raft::Term>();
        e.index = in.ConsumeIntegral<raft::Index>();
        e.index2 = in.ConsumeIntegral<raft::Index>();
        e.value = in.ConsumeIntegral<std::int64_t>();
        raft::TraceEvent &added = trace.add(e);
        if (in.ConsumeBool())
            added.text = trace.addText(in.ConsumeRandomLengthString(256));
    }
    for (const raft::TraceEvent &e : trace.events()) {
        const std::string json = trace.toJson(e);
        (void)trace.describe(e);
        const std::string_view text = trace.textOf(e);
        if (!validUtf8(text) || !validUtf8(trace.describe(e)))
            continue; // bytes that are not UTF-8 pass through as they are
        const auto value = fuzzjson::Reader::parse(json);
        check(value && value->type == fuzzjson::Value::Type::Object);
        const fuzzjson::Value *t = value->member("t");
        check(t && t->type == fuzzjson::Value::Type::Number && t->text == raft::formatMs(e.t)); // milliseconds
        const fuzzjson::Value *step = value->member("step");
        check(step && step->text == std::to_string(e.step));
        const fuzzjson::Value *kind = value->member("kind");
        check(kind && kind->type == fuzzjson::Value::Type::String && kind->text == raft::eventKindName(e.kind));
        if (e.text >= 0) {
            const fuzzjson::Value *written = value->member("text");
            check(written && written->type == fuzzjson::Value::Type::String && written->text == text);
        }
    }
}

void writerValues(FuzzedDataProvider &in)
{
    raft::JsonWriter w;
    struct Expected {
        int type; // 0 string, 1 signed, 2 unsigned, 3 double, 4 bool
        std::string s;
        long long i = 0;
        unsigned long long u = 0;
        double d = 0;
        bool b = false;
    };
    std::vector<Expected> expected;
    w.beginArray();
    const int count = in.ConsumeIntegralInRange(0, 16);
    for (int k = 0; k < count; ++k) {
        Expected x;
        x.type = in.ConsumeIntegralInRange(0, 4);
        switch (x.type) {
        case 0:
            x.s = in.ConsumeRandomLengthString(64);
            if (!validUtf8(x.s))
                x.s = "?";
            w.value(x.s);
            break;
        case 1: w.value(x.i = in.ConsumeIntegral<long long>()); break;
        case 2: w.value(x.u = in.ConsumeIntegral<unsigned long long>()); break;
        case 3: {
            const auto bits = in.ConsumeIntegral<std::uint64_t>();
            std::memcpy(&x.d, &bits, sizeof bits);
            w.value(x.d);
            break;
        }
        default: w.value(x.b = in.ConsumeBool()); break;
        }
        expected.push_back(std::move(x));
    }
    w.endArray();
    const auto value = fuzzjson::Reader::parse(w.str());
    check(value && value->type == fuzzjson::Value::Type::Array && value->items.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const Expected &x = expected[k];
        const fuzzjson::Value &v = value->items[k];
        switch (x.type) {
        case 0: check(v.type == fuzzjson::Value::Type::String && v.text == x.s); break;
        case 1: check(v.type == fuzzjson::Value::Type::Number && v.text == std::to_string(x.i)); break;
        case 2: check(v.type == fuzzjson::Value::Type::Number && v.text == std::to_string(x.u)); break;
        case 3:
            if (!std::isfinite(x.d)) {
                check(v.type == fuzzjson::Value::Type::Null);
            } else {
                check(v.type == fuzzjson::Value::Type::Number);
                double back = 0;
                const auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), back);
                check(ec == std::errc() && end == v.text.data() + v.text.size() && back == x.d);
            }
            break;
        default: check(v.type == fuzzjson::Value::Type::Bool && v.flag == x.b); break;
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    if (in.ConsumeBool())
        traceEvents(in);
    else
        writerValues(in);
    return 0;
}
