// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_MAPPED_FILE_HPP
#define CROSSCHECK_DETAIL_MAPPED_FILE_HPP

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define CROSSCHECK_DETAIL_HAS_MMAP 1
#else
#define CROSSCHECK_DETAIL_HAS_MMAP 0
#endif

namespace crosscheck::detail {

/// A whole file as read-only bytes: memory-mapped where POSIX allows it (no copy, pages come in
/// as the parser reaches them), read into a buffer otherwise.
class mapped_file {
public:
    mapped_file() = default;
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;
    ~mapped_file() { close(); }

    /// Opens `path`; on failure returns false and sets `why`.
    bool open(const std::string& path, std::string& why) {
        close();
#if CROSSCHECK_DETAIL_HAS_MMAP
        int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0) {
            why = std::strerror(errno);
            return false;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            why = std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            why = "is a directory";
            ::close(fd);
            return false;
        }
        if (S_ISREG(st.st_mode) && st.st_size > 0) {
            auto n = static_cast<std::size_t>(st.st_size);
            void* p = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                ::madvise(p, n, MADV_SEQUENTIAL);
                ::close(fd);
                map_ = p;
                size_ = n;
                data_ = static_cast<const char*>(p);
                return true;
            }
        }
        ::close(fd);
        if (S_ISREG(st.st_mode) && st.st_size == 0) {
            data_ = buffer_.data();
            size_ = 0;
            return true;
        }
#endif
        // Pipes, special files and systems without mmap: read it all.
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            why = "cannot open file";
            return false;
        }
        buffer_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) {
            why = "read error";
            return false;
        }
        data_ = buffer_.data();
        size_ = buffer_.size();
        return true;
    }

    std::string_view view() const noexcept {
        return {data_, size_};
    }
    std::size_t size() const noexcept {
        return size_;
    }

    /// Gives the whole pages of [from, upto) back to the system: a sequential reader calls this
    /// for the text it has passed, so a large file does not add its whole size to the process's
    /// resident memory. Reading there again stays correct (the pages come back from the file),
    /// only slower. Readers of disjoint ranges may call it from their own threads.
    void release(const char* from, const char* upto) const noexcept {
#if CROSSCHECK_DETAIL_HAS_MMAP
        if (!map_ || upto <= from) return;
        const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        auto lo = static_cast<std::size_t>(from < data_ ? 0 : from - data_);
        auto hi = static_cast<std::size_t>(upto - data_);
        if (hi > size_) hi = size_;
        lo = (lo + page - 1) / page * page;
        hi -= hi % page;
        if (hi > lo) ::madvise(static_cast<char*>(map_) + lo, hi - lo, MADV_DONTNEED);
#else
        (void)from;
        (void)upto;
#endif
    }

private:
    void close() noexcept {
#if CROSSCHECK_DETAIL_HAS_MMAP
        if (map_) ::munmap(map_, size_);
#endif
        map_ = nullptr;
        data_ = nullptr;
        size_ = 0;
        buffer_.clear();
    }
    void* map_ = nullptr;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::string buffer_;
};

}  // namespace crosscheck::detail

#undef CROSSCHECK_DETAIL_HAS_MMAP

#endif
