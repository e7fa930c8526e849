#include "harvesters/mapping/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>

#include "base/utf8.h"

namespace hdcat::harvesters::mapping {
namespace {

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

Result<DecodedText> ToUtf8(std::string_view bytes, bool try_cp932) {
  std::size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return DecodedText{std::string(bytes), false};
  Error error = InvalidInput("the file is not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")");
  error.expected = "UTF-8 text";
  error.suggestion = "saving the file as UTF-8 (CSV UTF-8 in spreadsheet software)";
  if (!try_cp932) return error;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterDeleter> cp932(ucnv_open("windows-31j", &status));
  if (U_FAILURE(status)) return error;
  ucnv_setToUCallBack(cp932.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::unique_ptr<UConverter, ConverterDeleter> utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return error;
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8.get(), cp932.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) {
    error.message = "the file is neither UTF-8 nor Shift_JIS (CP932) (first bad UTF-8 byte at offset " +
                    std::to_string(bad) + ")";
    return error;
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return DecodedText{std::move(out), true};
}

}  // namespace hdcat::harvesters::mapping
