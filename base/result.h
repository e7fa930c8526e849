// Result<T>: the value of an operation that can fail, or the Error that says why.
//
// Contract: a Result holds exactly one of a T or an Error. Callers test it with
// `ok()` (or `if (result)`) before touching `value()`; reading the wrong side is
// a programming error and aborts. Errors are values, never exceptions, across
// every subsystem boundary in hdcat.
//
// Thread-safety: a Result is a plain value; distinct objects may be used from
// distinct threads freely, a shared one only for reading.
#pragma once

#include <cstdlib>
#include <utility>
#include <variant>

#include "base/error.h"

namespace hdcat {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}        // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return checked_value(); }
  const T& value() const& { return const_cast<Result*>(this)->checked_value(); }
  T&& value() && { return std::move(checked_value()); }
  T* operator->() { return &checked_value(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checked_value(); }
  T& operator*() { return checked_value(); }
  const T& operator*() const { return const_cast<Result*>(this)->checked_value(); }

  const Error& error() const {
    if (ok()) std::abort();
    return std::get<1>(state_);
  }

 private:
  T& checked_value() {
    if (!ok()) std::abort();
    return std::get<0>(state_);
  }
  std::variant<T, Error> state_;
};

// Status is a Result with no value: success, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit by design
  static Status Ok() { return Status(); }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    if (!failed_) std::abort();
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace hdcat

// Propagates the error of a Status or Result expression out of the enclosing
// function, which must return a Status or a Result.
#define HDCAT_TRY(expr)                                   \
  do {                                                    \
    auto hdcat_try_result_ = (expr);                      \
    if (!hdcat_try_result_.ok()) return hdcat_try_result_.error(); \
  } while (0)
