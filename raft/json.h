#pragma once

#include "types.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

/// jsonEscape returns text as a JSON string literal, quotes included: control
/// characters, quotes and backslashes escaped; UTF-8 passes through unchanged.
std::string jsonEscape(std::string_view text);

/// JsonWriter builds one compact JSON text (no spaces, no newlines) by appending
/// values in order; it places the commas itself.
///
///     JsonWriter w;
///     w.beginObject();
///     w.key("leader").value("S1");
///     w.key("terms").beginArray().value(1).value(2).endArray();
///     w.endObject();
///     w.str() == R"({"leader":"S1","terms":[1,2]})"
///
/// Invariant: inside an object, key() and a value alternate; misuse is a
/// programming error (checked with assert).
class JsonWriter {
public:
    /// beginObject opens "{", endObject closes it.
    JsonWriter &beginObject();
    JsonWriter &endObject();
    /// beginArray opens "[", endArray closes it.
    JsonWriter &beginArray();
    JsonWriter &endArray();
    /// key writes an object member's name; the next call writes its value.
    JsonWriter &key(std::string_view name);

    JsonWriter &value(std::string_view text);
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(const std::string &text) { return value(std::string_view(text)); }
    JsonWriter &value(bool flag);
    JsonWriter &value(int number) { return writeSigned(number); }
    JsonWriter &value(long number) { return writeSigned(number); }
    JsonWriter &value(long long number) { return writeSigned(number); }
    JsonWriter &value(unsigned number) { return writeUnsigned(number); }
    JsonWriter &value(unsigned long number) { return writeUnsigned(number); }
    JsonWriter &value(unsigned long long number) { return writeUnsigned(number); }
    /// value(double) writes a finite number in the shortest form that reads back
    /// exactly; NaN and infinities become null (JSON has neither).
    JsonWriter &value(double number);
    /// milliseconds writes a virtual time as a number of milliseconds, with a decimal
    /// part only when it is not whole (formatMs).
    JsonWriter &milliseconds(Time t);
    /// null writes the literal null.
    JsonWriter &null();
    /// raw inserts an already-encoded JSON value (e.g. from Trace::toJson).
    JsonWriter &raw(std::string_view json);

    /// str is the text written so far.
    const std::string &str() const { return m_out; }
    /// take moves the text out and resets the writer.
    std::string take();

private:
    JsonWriter &writeSigned(long long number);
    JsonWriter &writeUnsigned(unsigned long long number);
    void separate();

    std::string m_out;
    /// m_first: for each open container, whether nothing has been written in it yet.
    std::vector<bool> m_first;
    bool m_afterKey = false;
};

} // namespace raft
