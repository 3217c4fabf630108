// The appendix's free text (seed 000): who leads a bullet, who coordinates, as a grammar reads
// a sentence: the subject is the agency names the bullet opens with, or the names a clause
// marks "chủ trì", or those its parenthesis opens with ("(Bộ GDĐT, hạn …)"); a verb that
// happens to match a name ("Xây dựng …") is never a subject. "phối hợp với …", "chủ trì cùng
// …" give the coordinators. Part of mandate-import-seed.
#ifndef MANDATE_TOOLS_APPENDIX_READER_H
#define MANDATE_TOOLS_APPENDIX_READER_H

#include <string>
#include <string_view>
#include <vector>

#include "mandate/agency_registry.h"

namespace mandate::tools {

struct AppendixRoles {
  std::vector<std::string> lead;          // ids
  std::vector<std::string> coordinators;  // ids, the lead's own excluded
  std::vector<std::string> partners;      // enterprise ids among the coordinators
  std::string lead_text;                  // the words the lead was read from
  std::string coordinators_text;
  std::vector<std::string> related;       // "… liên quan" phrases: no fixed set, no ids
  std::vector<std::string> unresolved;    // coordinator names the registry does not know
};

AppendixRoles ReadAppendixRoles(const AgencyRegistry& reg, std::string_view text);

}  // namespace mandate::tools

#endif
