// The RDF namespaces hdcat's exports use, each written down exactly once.
//
// HealthDCAT-AP's namespace is still provisional (the R8 shapes say it "will
// change"), so it lives only in kHealthDcatAp; everything else builds IRIs from
// these constants. kHdcat is hdcat's own extension namespace: it carries what
// HealthDCAT-AP has no property for (Japanese coding systems, access routes,
// fees, processing levels, quality checks …) so an export loses nothing. Its
// terms are listed in web/export/README.md.
//
// Thread-safety: constants only.
#pragma once

#include <span>
#include <string_view>

namespace hdcat::web::exporting::ns {

inline constexpr std::string_view kHealthDcatAp = "http://healthdataportal.eu/ns/health#";
inline constexpr std::string_view kHdcat = "https://hdcat.jp/ns#";

inline constexpr std::string_view kAdms = "http://www.w3.org/ns/adms#";
inline constexpr std::string_view kCsvw = "http://www.w3.org/ns/csvw#";
inline constexpr std::string_view kCv = "http://data.europa.eu/m8g/";
inline constexpr std::string_view kDcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view kDcatAp = "http://data.europa.eu/r5r/";
inline constexpr std::string_view kDct = "http://purl.org/dc/terms/";
inline constexpr std::string_view kDpv = "https://w3id.org/dpv#";
inline constexpr std::string_view kDpvPd = "https://w3id.org/dpv/dpv-pd#";
inline constexpr std::string_view kDqv = "http://www.w3.org/ns/dqv#";
inline constexpr std::string_view kEli = "http://data.europa.eu/eli/ontology#";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view kGeoDcatAp = "http://data.europa.eu/930/";
inline constexpr std::string_view kHydra = "http://www.w3.org/ns/hydra/core#";
inline constexpr std::string_view kOa = "http://www.w3.org/ns/oa#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kVcard = "http://www.w3.org/2006/vcard/ns#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// EU controlled vocabularies (Publications Office NALs and DG SANTE health NALs).
inline constexpr std::string_view kEuAuthority = "http://publications.europa.eu/resource/authority/";
inline constexpr std::string_view kHealthAuthority = "https://hdeu-dcat.data.health.europa.eu/resource/authority/";
inline constexpr std::string_view kIanaMediaTypes = "http://www.iana.org/assignments/media-types/";

// Regulation (EU) 2025/327 (EHDS): every export names it as applicable legislation.
inline constexpr std::string_view kEhdsEli = "http://data.europa.eu/eli/reg/2025/327/oj";

struct Prefix {
  std::string_view prefix;
  std::string_view iri;
};

// The prefixes the Turtle, JSON-LD and RDF/XML writers declare, in output order.
std::span<const Prefix> StandardPrefixes();

}  // namespace hdcat::web::exporting::ns
