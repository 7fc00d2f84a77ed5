// jsoncheck.h: a small strict JSON reader for the fuzz targets, so that what the
// writers produce can be read back and compared (raft/ itself only writes JSON).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fuzzjson {

/// Value is one JSON value: null, a boolean, a number (its text), a string (decoded),
/// an array or an object.
struct Value {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool flag = false;
    std::string text; // Number: as written; String: decoded
    /// items: an array's values, or an object's member values (names in keys).
    std::vector<Value> items;
    std::vector<std::string> keys;

    const Value *member(std::string_view name) const
    {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == name)
                return &items[i];
        return nullptr;
    }
};

/// Reader parses exactly one JSON text; parse() returns nullopt for anything else.
class Reader {
public:
    static std::optional<Value> parse(std::string_view text)
    {
        Reader r(text);
        Value v;
        if (!r.value(v, 0))
            return std::nullopt;
        r.space();
        if (r.m_pos != r.m_text.size())
            return std::nullopt;
        return v;
    }

private:
    explicit Reader(std::string_view text)
        : m_text(text)
    { }
    void space()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool eat(char c)
    {
        space();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }
    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    bool string(std::string &out)
    {
        if (!eat('"'))
            return false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return false; // control characters must be escaped
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                if (m_pos + 4 > m_text.size())
                    return false;
                int code = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hex(m_text[m_pos++]);
                    if (h < 0)
                        return false;
                    code = code * 16 + h;
                }
                if (code >= 0x80)
                    return false; // the writers escape only control characters
                out += static_cast<char>(code);
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    bool number(std::string &out)
    {
        const std::size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        const auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        const std::size_t first = m_pos;
        const std::size_t whole = digits();
        if (whole == 0 || (whole > 1 && m_text[first] == '0'))
            return false;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0)
                return false;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                return false;
        }
        out.assign(m_text.substr(start, m_pos - start));
        return true;
    }
    bool value(Value &v, int depth)
    {
        if (depth > 64)
            return false;
        space();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            v.type = Value::Type::Object;
            if (eat('}'))
                return true;
            do {
                std::string key;
                Value member;
                if (!string(key) || !eat(':') || !value(member, depth + 1))
                    return false;
                v.keys.push_back(std::move(key));
                v.items.push_back(std::move(member));
            } while (eat(','));
            return eat('}');
        }
        if (c == '[') {
            ++m_pos;
            v.type = Value::Type::Array;
            if (eat(']'))
                return true;
            do {
                Value item;
                if (!value(item, depth + 1))
                    return false;
                v.items.push_back(std::move(item));
            } while (eat(','));
            return eat(']');
        }
        if (c == '"') {
            v.type = Value::Type::String;
            return string(v.text);
        }
        if (literal("null")) {
            v.type = Value::Type::Null;
            return true;
        }
        if (literal("true") || literal("false")) {
            v.type = Value::Type::Bool;
            v.flag = m_text[m_pos - 1] == 'e' && m_text[m_pos - 2] == 'u';
            return true;
        }
        v.type = Value::Type::Number;
        return number(v.text);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace fuzzjson
