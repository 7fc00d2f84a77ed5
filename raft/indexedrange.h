#pragma once
// raft/indexedrange.h: the random-access iteration the trace's record stores
// (packedrecords.h) and SharedChunks (sharedchunks.h) share. A container that gives
// size() and operator[] derives from IndexedRange and gets iterators, reverse
// iterators, front, back and empty. Its operator[] may return a reference or, for a
// packed store that unpacks records, a value.

#include <cstddef>
#include <iterator>
#include <type_traits>

namespace raft {

/// IndexIterator walks an Owner by index; Ref is what Owner::operator[] returns.
template <typename Owner, typename T, typename Ref> class IndexIterator {
public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using reference = Ref;
    /// Arrow holds a record read by value, for `it->field`.
    struct Arrow {
        T value;
        const T *operator->() const { return &value; }
    };
    using pointer = std::conditional_t<std::is_reference_v<Ref>, const T *, Arrow>;

    IndexIterator() = default;
    IndexIterator(const Owner *owner, std::size_t at)
        : m_owner(owner)
        , m_at(at)
    { }

    Ref operator*() const { return (*m_owner)[m_at]; }
    pointer operator->() const
    {
        if constexpr (std::is_reference_v<Ref>)
            return &(*m_owner)[m_at];
        else
            return Arrow{(*m_owner)[m_at]};
    }
    Ref operator[](difference_type n) const { return *(*this + n); }
    /// index is the position in the owner.
    std::size_t index() const { return m_at; }
    IndexIterator &operator++()
    {
        ++m_at;
        return *this;
    }
    IndexIterator operator++(int)
    {
        IndexIterator old = *this;
        ++m_at;
        return old;
    }
    IndexIterator &operator--()
    {
        --m_at;
        return *this;
    }
    IndexIterator operator--(int)
    {
        IndexIterator old = *this;
        --m_at;
        return old;
    }
    IndexIterator &operator+=(difference_type n)
    {
        m_at = static_cast<std::size_t>(static_cast<difference_type>(m_at) + n);
        return *this;
    }
    IndexIterator &operator-=(difference_type n) { return *this += -n; }
    friend IndexIterator operator+(IndexIterator it, difference_type n) { return it += n; }
    friend IndexIterator operator+(difference_type n, IndexIterator it) { return it += n; }
    friend IndexIterator operator-(IndexIterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const IndexIterator &a, const IndexIterator &b)
    {
        return static_cast<difference_type>(a.m_at) - static_cast<difference_type>(b.m_at);
    }
    friend bool operator==(const IndexIterator &a, const IndexIterator &b) { return a.m_at == b.m_at; }
    friend auto operator<=>(const IndexIterator &a, const IndexIterator &b) { return a.m_at <=> b.m_at; }

private:
    const Owner *m_owner = nullptr;
    std::size_t m_at = 0;
};

/// IndexedRange gives a Derived with size() and operator[] (returning Ref) the rest
/// of a read-only random-access container.
template <typename Derived, typename T, typename Ref> class IndexedRange {
public:
    using value_type = T;
    using const_iterator = IndexIterator<Derived, T, Ref>;
    using iterator = const_iterator;
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;
    using reverse_iterator = const_reverse_iterator;

    bool empty() const { return self().size() == 0; }
    Ref front() const { return self()[0]; }
    Ref back() const { return self()[self().size() - 1]; }
    const_iterator begin() const { return {&self(), 0}; }
    const_iterator end() const { return {&self(), self().size()}; }
    const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
    const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

private:
    const Derived &self() const { return static_cast<const Derived &>(*this); }
};

} // namespace raft
