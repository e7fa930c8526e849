#include "harvesters/rdf/rdf_parser.h"

#include <raptor2.h>

#include <optional>

#include "base/utf8.h"

namespace hdcat::harvesters::rdf {
namespace {

std::string UriString(raptor_uri* uri) {
  size_t len = 0;
  unsigned char* text = raptor_uri_as_counted_string(uri, &len);
  return std::string(reinterpret_cast<const char*>(text), len);
}

std::optional<Term> ToTerm(const raptor_term* term) {
  if (!term) return std::nullopt;
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::Iri(UriString(term->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
      return Term::Blank(std::string(reinterpret_cast<const char*>(term->value.blank.string),
                                     term->value.blank.string_len));
    case RAPTOR_TERM_TYPE_LITERAL: {
      const auto& lit = term->value.literal;
      std::string lexical(reinterpret_cast<const char*>(lit.string), lit.string_len);
      std::string language = lit.language ? std::string(reinterpret_cast<const char*>(lit.language),
                                                        lit.language_len)
                                          : std::string();
      std::string datatype = lit.datatype ? UriString(lit.datatype) : std::string();
      return Term::Literal(std::move(lexical), std::move(language), std::move(datatype));
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return std::nullopt;
}

}  // namespace

struct RdfParser::State {
  raptor_world* world = nullptr;
  raptor_parser* parser = nullptr;
  raptor_uri* base = nullptr;
  Graph graph;
  std::optional<Error> error;
  bool started = false;
  std::string syntax_name;
  std::string base_iri;

  static void OnStatement(void* user, raptor_statement* statement) {
    auto* s = static_cast<State*>(user);
    auto subject = ToTerm(statement->subject);
    auto predicate = ToTerm(statement->predicate);
    auto object = ToTerm(statement->object);
    if (!subject || !predicate || !object) return;
    if (object->is_literal() && !IsValidUtf8(object->value)) {
      if (!s->error) s->error = InvalidInput(s->syntax_name + " literal is not valid UTF-8");
      return;
    }
    s->graph.Add(Triple{std::move(*subject), std::move(*predicate), std::move(*object)});
  }

  static void OnLog(void* user, raptor_log_message* message) {
    auto* s = static_cast<State*>(user);
    if (message->level < RAPTOR_LOG_LEVEL_ERROR || s->error) return;
    std::string text = "malformed " + s->syntax_name;
    if (message->locator && message->locator->line >= 0) {
      text += " at line " + std::to_string(message->locator->line);
    }
    text += ": ";
    text += message->text ? message->text : "parse error";
    Error error = InvalidInput(std::move(text));
    error.expected = s->syntax_name + " document";
    s->error = std::move(error);
  }
};

RdfParser::RdfParser(RdfSyntax syntax, std::string base_iri) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.syntax_name = syntax == RdfSyntax::kTurtle ? "Turtle" : "RDF/XML";
  s.base_iri = base_iri.empty() ? "urn:hdcat:base" : std::move(base_iri);
  s.world = raptor_new_world();
  if (!s.world || raptor_world_open(s.world) != 0) {
    s.error = Internal("cannot initialise raptor");
    return;
  }
  raptor_world_set_log_handler(s.world, &s, &State::OnLog);
  s.parser = raptor_new_parser(s.world, syntax == RdfSyntax::kTurtle ? "turtle" : "rdfxml");
  if (!s.parser) {
    s.error = Internal("raptor has no " + s.syntax_name + " parser");
    return;
  }
  raptor_parser_set_option(s.parser, RAPTOR_OPTION_NO_NET, nullptr, 1);
  raptor_parser_set_option(s.parser, RAPTOR_OPTION_NO_FILE, nullptr, 1);
  raptor_parser_set_option(s.parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nullptr, 0);
  raptor_parser_set_statement_handler(s.parser, &s, &State::OnStatement);
  s.base = raptor_new_uri(s.world, reinterpret_cast<const unsigned char*>(s.base_iri.c_str()));
}

RdfParser::~RdfParser() {
  if (state_->base) raptor_free_uri(state_->base);
  if (state_->parser) raptor_free_parser(state_->parser);
  if (state_->world) raptor_free_world(state_->world);
}

Status RdfParser::Feed(std::string_view chunk) {
  State& s = *state_;
  if (s.error) return *s.error;
  if (!s.started) {
    if (raptor_parser_parse_start(s.parser, s.base) != 0 && !s.error) s.error = Internal("raptor parse start failed");
    s.started = true;
    if (s.error) return *s.error;
  }
  if (!chunk.empty()) {
    int rc = raptor_parser_parse_chunk(s.parser, reinterpret_cast<const unsigned char*>(chunk.data()),
                                       chunk.size(), 0);
    if (rc != 0 && !s.error) s.error = InvalidInput("malformed " + s.syntax_name);
  }
  if (s.error) return *s.error;
  return Status::Ok();
}

Result<Graph> RdfParser::Finish() {
  State& s = *state_;
  HDCAT_TRY(Feed({}));
  int rc = raptor_parser_parse_chunk(s.parser, nullptr, 0, 1);
  if (rc != 0 && !s.error) s.error = InvalidInput("malformed " + s.syntax_name);
  if (s.error) return *s.error;
  return std::move(s.graph);
}

Result<Graph> ParseRdf(std::string_view text, RdfSyntax syntax, const std::string& base_iri) {
  RdfParser parser(syntax, base_iri);
  HDCAT_TRY(parser.Feed(text));
  return parser.Finish();
}

}  // namespace hdcat::harvesters::rdf
