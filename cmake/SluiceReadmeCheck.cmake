# cmake -DSLUICE_CLI=sluice -DPLUGIN=name -DPLUGIN_DIR=dir -DREADME=README.md -P SluiceReadmeCheck.cmake
#
# Fails unless the first table under README's "## Options" heading is
# exactly what `sluice plugins describe PLUGIN --format markdown` prints, so
# a plugin's documented options never drift from the ones it declares.
execute_process(
  COMMAND ${SLUICE_CLI} plugins describe ${PLUGIN} --format markdown --plugin-dir ${PLUGIN_DIR}
  OUTPUT_VARIABLE declared
  ERROR_VARIABLE errors
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "`sluice plugins describe ${PLUGIN}` failed (${status}):\n${errors}")
endif()

file(READ ${README} readme)
string(FIND "${readme}" "\n## Options\n" heading)
if(heading EQUAL -1)
  message(FATAL_ERROR "${README} has no \"## Options\" section; add one holding:\n\n${declared}")
endif()
math(EXPR after "${heading} + 12")
string(SUBSTRING "${readme}" ${after} -1 section)
# The table: consecutive lines starting with '|', up to the next heading.
string(FIND "${section}" "\n#" next_heading)
if(NOT next_heading EQUAL -1)
  string(SUBSTRING "${section}" 0 ${next_heading} section)
endif()
string(REGEX MATCH "\n(\\|[^\n]*\n)+" documented "\n${section}")
if(documented)
  string(SUBSTRING "${documented}" 1 -1 documented)
endif()

if(NOT documented STREQUAL declared)
  # NOTICE prints the tables as they are; FATAL_ERROR would re-wrap them.
  message(NOTICE "${README}: the options table differs from what ${PLUGIN} declares.\n\n"
                 "README.md has:\n${documented}\n"
                 "The plugin declares (`sluice plugins describe ${PLUGIN} --format markdown`):\n${declared}")
  message(FATAL_ERROR "${README}: options table out of date")
endif()
message(STATUS "${README}: options table matches ${PLUGIN}'s declared options")
