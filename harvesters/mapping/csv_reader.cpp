#include "harvesters/mapping/csv_reader.h"

namespace hdcat::harvesters::mapping {

Result<CsvTable> ParseCsv(std::string_view text, const CsvLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  CsvRow row;
  std::string field;
  std::size_t line = 1;
  std::size_t row_line = 1;
  std::size_t quote_line = 0;
  bool in_quotes = false;
  bool after_quote = false;  // a quoted field just closed
  bool row_started = false;

  auto end_field = [&]() -> Status {
    if (row.size() >= limits.max_fields) {
      return InvalidInput("CSV line " + std::to_string(row_line) + " has more than " +
                          std::to_string(limits.max_fields) + " fields");
    }
    row.push_back(std::move(field));
    field.clear();
    after_quote = false;
    return Status::Ok();
  };
  auto end_row = [&]() -> Status {
    HDCAT_TRY(end_field());
    // A blank line is not a record.
    if (!(row.size() == 1 && row[0].empty())) {
      if (table.rows.size() >= limits.max_rows) {
        return InvalidInput("CSV has more than " + std::to_string(limits.max_rows) + " rows");
      }
      table.rows.push_back(std::move(row));
      table.lines.push_back(row_line);
    }
    row.clear();
    row_started = false;
    return Status::Ok();
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!row_started) {
      row_started = true;
      row_line = line;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || after_quote) {
        return InvalidInput("CSV line " + std::to_string(line) + ": a quote inside an unquoted field (quote the whole field and double the quote)");
      }
      in_quotes = true;
      quote_line = line;
    } else if (c == ',') {
      HDCAT_TRY(end_field());
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      HDCAT_TRY(end_row());
      ++line;
    } else {
      if (after_quote) {
        return InvalidInput("CSV line " + std::to_string(line) + ": text after a closing quote");
      }
      field += c;
    }
  }
  if (in_quotes) {
    return InvalidInput("CSV quote opened on line " + std::to_string(quote_line) + " is never closed");
  }
  if (row_started) HDCAT_TRY(end_row());
  return table;
}

}  // namespace hdcat::harvesters::mapping
