#include "example_options.hpp"

namespace sluice::scaffold {

Example example_for(std::uint32_t kind, const std::string& name) {
  switch (kind) {
    case SLUICE_KIND_SOURCE:
      return {"Generates `count` small text documents (an example source)",
              0,
              {{"count", SLUICE_OPT_INT, false, "3", "How many documents one run generates.", "10"},
               {"title", SLUICE_OPT_STRING, false, "\"Generated document\"",
                "First line of every document, followed by its number.", "\"Hello\""}}};
    case SLUICE_KIND_PARSER:
      return {
          "One article per document: the first line is the title, blank lines separate paragraphs",
          SLUICE_PLUGIN_FLAG_THREAD_SAFE,
          {{"max_bytes", SLUICE_OPT_SIZE, false, "\"1MiB\"",
            "Largest document parsed; a larger one fails with an error naming both sizes.", "\"16MiB\""}}};
    case SLUICE_KIND_ENRICHER:
      return {"Counts the words of the title and body into a field",
              SLUICE_PLUGIN_FLAG_THREAD_SAFE,
              {{"field", SLUICE_OPT_STRING, false, "\"" + name + "\"",
                "Key in the article's `fields` map that receives the word count.", "\"words\""}}};
    default:
      return {"Appends one JSON object per article per line to a file",
              0,
              {{"path", SLUICE_OPT_STRING, true, "",
                "Output file. A relative path resolves against the config file's directory; missing "
                "parent directories are created.",
                "\"out/" + name + ".jsonl\""}}};
  }
}

}  // namespace sluice::scaffold
