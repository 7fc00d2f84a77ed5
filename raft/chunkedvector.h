#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace raft {

/// ChunkedVector is a growing array of trivially copyable records (the trace's events
/// and message records) kept in fixed blocks of kBlock elements instead of one buffer.
///
/// Why not std::vector: a trace grows by hundreds of thousands of records per virtual
/// minute. A vector that doubles copies every record it holds into fresh memory each
/// time, and fresh memory costs a page fault per 4 KiB on first touch (with the
/// kernel zeroing the page). Blocks never move, so each record is written once, and
/// pointers to records stay valid while the vector grows. Blocks a vector gives back
/// (clear, truncation, destruction) go to a small per-thread pool that the next
/// vector of the same kind takes first: a window that starts a new cluster, a branch
/// that truncates history, or a benchmark that runs many short simulations reuses
/// warm memory instead of faulting in new pages.
template <typename T> class ChunkedVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "ChunkedVector holds plain records");

public:
    static constexpr std::size_t kShift = 9;
    static constexpr std::size_t kBlock = std::size_t{1} << kShift; ///< elements per block
    static constexpr std::size_t kMask = kBlock - 1;

    template <bool Const> class Iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = std::conditional_t<Const, const T *, T *>;
        using reference = std::conditional_t<Const, const T &, T &>;
        using Owner = std::conditional_t<Const, const ChunkedVector, ChunkedVector>;

        Iterator() = default;
        Iterator(Owner *owner, std::size_t at)
            : m_owner(owner)
            , m_at(at)
        { }
        operator Iterator<true>() const { return Iterator<true>(m_owner, m_at); }

        reference operator*() const { return (*m_owner)[m_at]; }
        pointer operator->() const { return &(*m_owner)[m_at]; }
        reference operator[](difference_type n) const { return (*m_owner)[m_at + n]; }
        Iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator old = *this;
            ++m_at;
            return old;
        }
        Iterator &operator--()
        {
            --m_at;
            return *this;
        }
        Iterator operator--(int)
        {
            Iterator old = *this;
            --m_at;
            return old;
        }
        Iterator &operator+=(difference_type n)
        {
            m_at += n;
            return *this;
        }
        Iterator &operator-=(difference_type n)
        {
            m_at -= n;
            return *this;
        }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator &a, const Iterator &b)
        {
            return static_cast<difference_type>(a.m_at) - static_cast<difference_type>(b.m_at);
        }
        friend bool operator==(const Iterator &a, const Iterator &b) { return a.m_at == b.m_at; }
        friend auto operator<=>(const Iterator &a, const Iterator &b) { return a.m_at <=> b.m_at; }

    private:
        Owner *m_owner = nullptr;
        std::size_t m_at = 0;
    };
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;
    using reverse_iterator = std::reverse_iterator<iterator>;
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;
    using value_type = T;

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector &other) { *this = other; }
    ChunkedVector(ChunkedVector &&other) noexcept
        : m_blocks(std::move(other.m_blocks))
        , m_size(std::exchange(other.m_size, 0))
    {
        other.m_blocks.clear();
    }
    ChunkedVector &operator=(const ChunkedVector &other)
    {
        if (this == &other)
            return *this;
        clear();
        reserveBlocks(other.m_blocks.size());
        for (std::size_t b = 0; b < other.m_blocks.size(); ++b) {
            const std::size_t n = std::min(kBlock, other.m_size - b * kBlock);
            std::copy_n(other.m_blocks[b], n, m_blocks[b]);
        }
        m_size = other.m_size;
        return *this;
    }
    ChunkedVector &operator=(ChunkedVector &&other) noexcept
    {
        if (this != &other) {
            release(0);
            m_blocks = std::move(other.m_blocks);
            m_size = std::exchange(other.m_size, 0);
            other.m_blocks.clear();
        }
        return *this;
    }
    ~ChunkedVector() { release(0); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T &operator[](std::size_t i) { return m_blocks[i >> kShift][i & kMask]; }
    const T &operator[](std::size_t i) const { return m_blocks[i >> kShift][i & kMask]; }
    T &front() { return (*this)[0]; }
    const T &front() const { return (*this)[0]; }
    T &back() { return (*this)[m_size - 1]; }
    const T &back() const { return (*this)[m_size - 1]; }
    iterator begin() { return iterator(this, 0); }
    iterator end() { return iterator(this, m_size); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, m_size); }
    reverse_iterator rbegin() { return reverse_iterator(end()); }
    reverse_iterator rend() { return reverse_iterator(begin()); }
    const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
    const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

    T &push_back(const T &value) { return emplace_back(value); }
    template <typename... Args> T &emplace_back(Args &&...args)
    {
        if ((m_size & kMask) == 0 && (m_size >> kShift) == m_blocks.size())
            m_blocks.push_back(takeBlock());
        T *slot = &m_blocks[m_size >> kShift][m_size & kMask];
        ::new (static_cast<void *>(slot)) T{std::forward<Args>(args)...};
        ++m_size;
        return *slot;
    }
    void pop_back() { resize(m_size - 1); }
    /// resize shrinks to n elements (giving back the blocks no longer used) or grows
    /// with value-initialised ones.
    void resize(std::size_t n)
    {
        while (m_size < n)
            emplace_back();
        m_size = n;
        release((n + kMask) >> kShift);
    }
    void clear() { resize(0); }
    /// capacity: the elements the blocks held can take.
    std::size_t capacity() const { return m_blocks.size() * kBlock; }

    friend bool operator==(const ChunkedVector &a, const ChunkedVector &b)
    {
        return a.m_size == b.m_size && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    /// Pool: the blocks this thread's vectors of T gave back, at most kPoolBlocks.
    struct Pool {
        std::vector<T *> blocks;
        ~Pool()
        {
            for (T *block : blocks)
                std::allocator<T>().deallocate(block, kBlock);
        }
    };
    static constexpr std::size_t kPoolBytes = std::size_t{64} << 20;
    static constexpr std::size_t kPoolBlocks = kPoolBytes / (kBlock * sizeof(T));
    static Pool &pool()
    {
        static thread_local Pool p;
        return p;
    }
    static T *takeBlock()
    {
        Pool &p = pool();
        if (p.blocks.empty())
            return std::allocator<T>().allocate(kBlock);
        T *block = p.blocks.back();
        p.blocks.pop_back();
        return block;
    }
    void reserveBlocks(std::size_t count)
    {
        while (m_blocks.size() < count)
            m_blocks.push_back(takeBlock());
    }
    /// release gives every block from `keep` on back to the pool (or frees it).
    void release(std::size_t keep)
    {
        if (m_blocks.size() <= keep)
            return;
        Pool &p = pool();
        for (std::size_t b = keep; b < m_blocks.size(); ++b) {
            if (p.blocks.size() < kPoolBlocks)
                p.blocks.push_back(m_blocks[b]);
            else
                std::allocator<T>().deallocate(m_blocks[b], kBlock);
        }
        m_blocks.resize(keep);
    }

    std::vector<T *> m_blocks;
    std::size_t m_size = 0;
};

} // namespace raft
