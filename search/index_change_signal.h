// IndexChangeSignal: how a writer in this process tells the searchers that
// the index has a new revision, so they reopen at once instead of at their
// next periodic check. The writer calls Notify() after each commit; a
// searcher compares generation() with the one it last saw.
//
// Thread-safety: thread-safe (one atomic counter); share it by shared_ptr.
#pragma once

#include <atomic>
#include <cstdint>

namespace hdcat::search {

class IndexChangeSignal {
 public:
  void Notify() { generation_.fetch_add(1, std::memory_order_release); }
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace hdcat::search
