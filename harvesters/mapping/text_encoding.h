// Text encoding for harvested files that are not UTF-8.
//
// Japanese data dictionaries are still often saved as Shift_JIS (Windows
// code page 932) by spreadsheet software. ToUtf8 returns UTF-8 input
// unchanged; otherwise, when `try_cp932` is set, it converts from CP932 with
// ICU, failing on any byte sequence that is not valid CP932 either. The
// error names the offset of the first bad byte and suggests saving as UTF-8.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace hdcat::harvesters::mapping {

struct DecodedText {
  std::string utf8;
  bool converted_from_cp932 = false;
};

Result<DecodedText> ToUtf8(std::string_view bytes, bool try_cp932);

}  // namespace hdcat::harvesters::mapping
