#include "web/export/namespaces.h"

#include <array>

namespace hdcat::web::exporting::ns {

std::span<const Prefix> StandardPrefixes() {
  static constexpr std::array<Prefix, 22> kPrefixes = {{
      {"adms", kAdms},   {"csvw", kCsvw},     {"cv", kCv},
      {"dcat", kDcat},   {"dcatap", kDcatAp}, {"dct", kDct},
      {"dpv", kDpv},     {"dpvpd", kDpvPd},   {"dqv", kDqv},
      {"eli", kEli},     {"foaf", kFoaf},     {"geodcatap", kGeoDcatAp},
      {"hdcat", kHdcat}, {"healthdcatap", kHealthDcatAp}, {"hydra", kHydra},
      {"oa", kOa},       {"prov", kProv},     {"rdf", kRdf},
      {"rdfs", kRdfs},   {"skos", kSkos},     {"vcard", kVcard},
      {"xsd", kXsd},
  }};
  return kPrefixes;
}

}  // namespace hdcat::web::exporting::ns
