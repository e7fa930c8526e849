#include "bench/search/pg_baseline.h"

#include <libpq-fe.h>

#include <algorithm>
#include <map>

#include "catalog/pg/pg_error.h"
#include "search/document_builder.h"
#include "search/text_normalizer.h"
#include "search/text_runs.h"

namespace hdcat::bench {
namespace {

constexpr const char* kSchema = R"SQL(
DROP TABLE IF EXISTS bench_variables;
DROP TABLE IF EXISTS bench_datasets;
CREATE TABLE bench_datasets (
  id integer PRIMARY KEY,
  public_id text NOT NULL,
  holder text NOT NULL,
  holder_type text,
  access_rights text,
  update_frequency text,
  quality_grade text,
  data_types text[],
  health_categories text[],
  access_routes text[],
  processing_levels text[],
  languages text[],
  coding_systems text[],
  codes text[],
  title_ja text,
  title_en text,
  last_updated date,
  tsv tsvector NOT NULL
);
CREATE TABLE bench_variables (
  dataset_id integer NOT NULL,
  table_name text NOT NULL,
  name text NOT NULL,
  title_ja text,
  title_en text,
  coding_system text,
  codes text[],
  tsv tsvector NOT NULL
);
)SQL";

constexpr const char* kIndexes = R"SQL(
SET maintenance_work_mem = '512MB';
CREATE INDEX bench_datasets_tsv ON bench_datasets USING gin (tsv);
CREATE INDEX bench_datasets_codes ON bench_datasets USING gin (codes);
CREATE INDEX bench_datasets_holder ON bench_datasets (holder);
CREATE INDEX bench_datasets_access_rights ON bench_datasets (access_rights);
CREATE INDEX bench_datasets_data_types ON bench_datasets USING gin (data_types);
CREATE INDEX bench_datasets_health_categories ON bench_datasets USING gin (health_categories);
CREATE INDEX bench_datasets_access_routes ON bench_datasets USING gin (access_routes);
CREATE INDEX bench_datasets_coding_systems ON bench_datasets USING gin (coding_systems);
CREATE INDEX bench_datasets_languages ON bench_datasets USING gin (languages);
CREATE INDEX bench_variables_tsv ON bench_variables USING gin (tsv);
CREATE INDEX bench_variables_codes ON bench_variables USING gin (codes);
CREATE INDEX bench_variables_dataset ON bench_variables (dataset_id);
ANALYZE bench_datasets;
ANALYZE bench_variables;
)SQL";

struct FacetColumn {
  std::string_view facet;
  std::string_view column;
  bool array;
};
constexpr FacetColumn kFacetColumns[] = {
    {"holder", "holder", false},           {"holder_type", "holder_type", false},
    {"data_type", "data_types", true},     {"health_category", "health_categories", true},
    {"access_rights", "access_rights", false}, {"access_route", "access_routes", true},
    {"coding_system", "coding_systems", true}, {"language", "languages", true},
};

const FacetColumn* ColumnOf(std::string_view facet) {
  for (const FacetColumn& column : kFacetColumns) {
    if (column.facet == facet) return &column;
  }
  return nullptr;
}

// COPY text format: backslash, tab and line breaks are escaped.
std::string CopyField(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A PostgreSQL array literal with every element quoted.
std::string ArrayLiteral(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& value : values) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('"');
    for (char c : value) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out + "}";
}

std::string Quoted(const std::string& lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  return out + "'";
}

// A tsvector in its input form, each field's tokens with the field's weight.
class TsVectorText {
 public:
  void Add(std::string_view text, char weight) {
    for (const std::string& token : BaselineTokens(text)) {
      if (!out_.empty()) out_.push_back(' ');
      out_ += Quoted(token) + ":" + std::to_string(position_) + weight;
      position_ = std::min(position_ + 1, 16383);  // tsvector's largest position
    }
  }
  void AddLang(const Json& lang_text, char weight) {
    if (lang_text.is_string()) Add(lang_text.get<std::string>(), weight);
    if (!lang_text.is_object()) return;
    for (const auto& [lang, text] : lang_text.items()) {
      if (text.is_string()) Add(text.get<std::string>(), weight);
    }
  }
  void AddWords(const Json& lang_words, char weight) {
    if (!lang_words.is_object()) return;
    for (const auto& [lang, words] : lang_words.items()) {
      for (const Json& word : words) {
        if (word.is_string()) Add(word.get<std::string>(), weight);
      }
    }
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
  int position_ = 1;
};

std::vector<std::string> Strings(const Json& values) {
  std::vector<std::string> out;
  if (!values.is_array()) return out;
  for (const Json& value : values) {
    if (value.is_string()) out.push_back(value.get<std::string>());
  }
  return out;
}

std::string TextOf(const Json& object, const char* lang) {
  if (!object.is_object()) return "";
  auto found = object.find(lang);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Normalised codes with the prefixes hdcat indexes for hierarchical systems.
void AddCodes(const search::CodingSystemTable& systems, const std::string& system, const std::string& code,
              std::vector<std::string>& out) {
  std::string normalized = search::NormalizeCode(code);
  if (normalized.empty()) return;
  out.push_back(normalized);
  if (!systems.IsHierarchical(system)) return;
  for (std::size_t length = 3; length < normalized.size(); ++length) out.push_back(normalized.substr(0, length));
}

void Unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

class CopyStream {
 public:
  CopyStream(pg::Connection& connection, std::string_view sql) : connection_(connection), sql_(sql) {}

  Status Begin() {
    PGresult* result = PQexec(connection_.raw(), sql_.c_str());
    bool ok = PQresultStatus(result) == PGRES_COPY_IN;
    Error error = ok ? Error(ErrorKind::kInternal, "") : pg::ErrorFromResult(connection_.raw(), result);
    PQclear(result);
    if (!ok) return error;
    return Status::Ok();
  }
  Status Row(const std::string& line) {
    buffer_ += line;
    buffer_.push_back('\n');
    if (buffer_.size() >= (1 << 20)) return Flush();
    return Status::Ok();
  }
  Status End() {
    HDCAT_TRY(Flush());
    if (PQputCopyEnd(connection_.raw(), nullptr) != 1) return Unavailable(PQerrorMessage(connection_.raw()));
    PGresult* result = PQgetResult(connection_.raw());
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    Error error = ok ? Error(ErrorKind::kInternal, "") : pg::ErrorFromResult(connection_.raw(), result);
    PQclear(result);
    while ((result = PQgetResult(connection_.raw())) != nullptr) PQclear(result);
    if (!ok) return error;
    return Status::Ok();
  }

 private:
  Status Flush() {
    if (buffer_.empty()) return Status::Ok();
    if (PQputCopyData(connection_.raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      return Unavailable(std::string("COPY failed: ") + PQerrorMessage(connection_.raw()));
    }
    buffer_.clear();
    return Status::Ok();
  }

  pg::Connection& connection_;
  std::string sql_;
  std::string buffer_;
};

std::string TsQuery(const std::string& text) {
  std::string out;
  for (const std::string& token : BaselineTokens(text)) out += (out.empty() ? "" : " & ") + Quoted(token);
  return out;
}

}  // namespace

std::vector<std::string> BaselineTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const search::TextRun& run : search::SplitRuns(search::NormalizeText(text))) {
    if (!run.cjk) {
      out.push_back(run.text);
      continue;
    }
    std::vector<std::string> chars = search::CjkCharacters(run.text);
    if (chars.size() == 1) out.push_back(chars[0]);
    for (std::size_t i = 0; i + 1 < chars.size(); ++i) out.push_back(chars[i] + chars[i + 1]);
  }
  return out;
}

Status PgBaseline::Load(const SyntheticCatalog& catalog) {
  HDCAT_TRY(connection_->ExecScript(kSchema));
  std::vector<Json> holders;
  for (int h = 0; h < catalog.shape().holders; ++h) holders.push_back(catalog.Holder(h));

  // Batches of datasets: each batch's datasets go through one COPY and its
  // variables through a second, so memory holds one batch, never the catalog.
  constexpr std::int64_t kBatch = 2000;
  for (std::int64_t first = 0; first < catalog.shape().datasets; first += kBatch) {
    std::int64_t last = std::min(catalog.shape().datasets, first + kBatch);
    std::vector<std::string> variable_rows;
    CopyStream datasets(*connection_,
                        "COPY bench_datasets (id, public_id, holder, holder_type, access_rights, update_frequency, "
                        "quality_grade, data_types, health_categories, access_routes, processing_levels, languages, "
                        "coding_systems, codes, title_ja, title_en, last_updated, tsv) FROM STDIN");
    HDCAT_TRY(datasets.Begin());
    for (std::int64_t index = first; index < last; ++index) {
      Json dataset = catalog.Dataset(index);
      const Json& holder = holders[static_cast<std::size_t>(catalog.HolderOf(index))];
      auto public_id = search::DatasetPublicId(dataset);
      if (!public_id.ok()) return public_id.error();
      TsVectorText tsv;
      tsv.AddLang(dataset["title"], 'A');
      for (const Json& alternative : dataset.value("alternative_titles", Json::array())) tsv.AddLang(alternative, 'B');
      tsv.AddLang(holder["name"], 'B');
      tsv.AddWords(dataset.value("keywords", Json::object()), 'B');
      std::vector<std::string> codes;
      for (const Json& code : dataset.value("code_values", Json::array())) {
        tsv.AddLang(code.value("label", Json::object()), 'C');
        AddCodes(coding_systems_, code.value("system", ""), code.value("code", ""), codes);
      }
      for (const Json& table : dataset["variables"]) {
        tsv.AddLang(table["title"], 'C');
        for (const Json& variable : table["variables"]) {
          tsv.Add(variable.value("name", ""), 'C');
          tsv.AddLang(variable["title"], 'C');
          std::string system = variable.value("coding_system", "");
          std::vector<std::string> variable_codes;
          for (const std::string& code : Strings(variable.value("example_codes", Json::array()))) {
            AddCodes(coding_systems_, system, code, variable_codes);
          }
          Unique(variable_codes);
          TsVectorText variable_tsv;
          variable_tsv.Add(variable.value("name", ""), 'A');
          variable_tsv.AddLang(variable["title"], 'A');
          variable_tsv.AddLang(variable.value("description", Json::object()), 'D');
          variable_tsv.AddLang(table["title"], 'D');
          variable_rows.push_back(std::to_string(index) + "\t" + CopyField(table.value("name", "")) + "\t" +
                                  CopyField(variable.value("name", "")) + "\t" +
                                  CopyField(TextOf(variable["title"], "ja")) + "\t" +
                                  CopyField(TextOf(variable["title"], "en")) + "\t" +
                                  (system.empty() ? "\\N" : CopyField(system)) + "\t" +
                                  CopyField(ArrayLiteral(variable_codes)) + "\t" + CopyField(variable_tsv.text()));
        }
      }
      tsv.AddLang(dataset["description"], 'D');
      tsv.AddLang(dataset.value("population", Json::object()).value("coverage", Json::object()), 'D');
      Unique(codes);
      std::vector<std::string> routes;
      for (const Json& route : dataset["access"]["routes"]) routes.push_back(route.value("type", ""));
      std::string row = std::to_string(index);
      for (const std::string& field :
           {*public_id, dataset["holder"].get<std::string>(), holder.value("holder_type", ""),
            dataset.value("access_rights", ""), dataset["update"].value("frequency", ""),
            catalog.QualityGradeOf(index), ArrayLiteral(Strings(dataset["data_types"])),
            ArrayLiteral(Strings(dataset["health_categories"])), ArrayLiteral(routes),
            ArrayLiteral(Strings(dataset["access"].value("processing_levels", Json::array()))),
            ArrayLiteral(Strings(dataset.value("languages", Json::array()))),
            ArrayLiteral(Strings(dataset.value("coding_systems", Json::array()))), ArrayLiteral(codes),
            TextOf(dataset["title"], "ja"), TextOf(dataset["title"], "en"),
            dataset["update"].value("last_updated", ""), tsv.text()}) {
        row += "\t" + CopyField(field);
      }
      HDCAT_TRY(datasets.Row(row));
    }
    HDCAT_TRY(datasets.End());
    CopyStream variables(*connection_,
                         "COPY bench_variables (dataset_id, table_name, name, title_ja, title_en, coding_system, codes, "
                         "tsv) FROM STDIN");
    HDCAT_TRY(variables.Begin());
    for (const std::string& row : variable_rows) HDCAT_TRY(variables.Row(row));
    HDCAT_TRY(variables.End());
  }
  return Status::Ok();
}

Status PgBaseline::BuildIndexes() { return connection_->ExecScript(kIndexes); }

Result<PgSizes> PgBaseline::Sizes() {
  auto result = connection_->Exec(
      "SELECT sum(pg_table_size(c))::bigint, sum(pg_indexes_size(c))::bigint "
      "FROM unnest(ARRAY['bench_datasets'::regclass, 'bench_variables'::regclass]) AS c");
  if (!result.ok()) return result.error();
  PgSizes sizes;
  sizes.table_bytes = std::stoll(std::string(result->Text(0, 0)));
  sizes.index_bytes = std::stoll(std::string(result->Text(0, 1)));
  return sizes;
}

Result<PgAnswer> PgBaseline::Search(const BenchQuery& query, int limit) {
  PgAnswer answer;
  std::vector<pg::Param> params;
  std::string limit_text = std::to_string(limit);
  if (query.is_code()) {
    params.emplace_back(search::NormalizeCode(query.text));
    auto result = connection_->Exec(
        "SELECT public_id, count(*) OVER () FROM bench_datasets WHERE id IN ("
        "SELECT dataset_id FROM bench_variables WHERE codes @> ARRAY[$1::text] "
        "UNION SELECT id FROM bench_datasets WHERE codes @> ARRAY[$1::text]) "
        "ORDER BY last_updated DESC, id LIMIT " + limit_text,
        params);
    if (!result.ok()) return result.error();
    answer.hits = result->rows();
    if (answer.hits > 0) answer.total = std::stoll(std::string(result->Text(0, 1)));
    return answer;
  }

  // Conditions: the words, then one per filtered facet.
  std::string text_condition = "TRUE";
  std::string rank = "0::real";
  if (!query.text.empty()) {
    params.emplace_back(TsQuery(query.text));
    text_condition = "tsv @@ $1::tsquery";
    rank = "ts_rank(tsv, $1::tsquery)";
  }
  std::map<std::string, std::string> filter_conditions;
  for (const auto& [facet, values] : query.filters) {
    const FacetColumn* column = ColumnOf(facet);
    if (column == nullptr) return InvalidInput("the baseline has no column for facet " + facet);
    params.emplace_back(ArrayLiteral(values));
    std::string param = "$" + std::to_string(params.size()) + "::text[]";
    filter_conditions[facet] = std::string(column->column) + (column->array ? " && " : " = ANY(") + param +
                               (column->array ? "" : ")");
  }
  auto conditions_except = [&](std::string_view skip) {
    std::string out;
    for (const auto& [facet, condition] : filter_conditions) {
      if (facet != skip) out += " AND " + condition;
    }
    return out;
  };

  auto hits = connection_->Exec("SELECT public_id, " + rank + " AS rank, count(*) OVER () FROM bench_datasets WHERE " +
                                    text_condition + conditions_except("") +
                                    " ORDER BY rank DESC, last_updated DESC, id LIMIT " + limit_text,
                                params);
  if (!hits.ok()) return hits.error();
  answer.hits = hits->rows();
  if (answer.hits > 0) answer.total = std::stoll(std::string(hits->Text(0, 2)));
  if (!query.counts_facets()) return answer;

  // One statement for every facet count; with words the matching rows are
  // found once (MATERIALIZED), without them each count uses the filter indexes.
  std::string sql = std::string("WITH m AS ") + (query.text.empty() ? "NOT MATERIALIZED" : "MATERIALIZED") +
                    " (SELECT * FROM bench_datasets WHERE " + text_condition + ") ";
  bool first = true;
  for (std::string_view facet : kCountedFacets) {
    const FacetColumn* column = ColumnOf(facet);
    if (column == nullptr) return Internal("no column for counted facet " + std::string(facet));
    sql += first ? "" : " UNION ALL ";
    first = false;
    std::string value = column->array ? "v" : std::string(column->column);
    sql += "SELECT '" + std::string(facet) + "', " + value + ", count(*) FROM m" +
           (column->array ? ", unnest(m." + std::string(column->column) + ") AS v" : "") + " WHERE TRUE" +
           conditions_except(facet) + " GROUP BY " + value;
  }
  auto counts = connection_->Exec(sql, params);
  if (!counts.ok()) return counts.error();
  return answer;
}

}  // namespace hdcat::bench
