# Building and testing sluice plugins. Included by the sluice source tree and,
# once installed, by find_package(SluiceSDK) in out-of-tree plugin projects;
# the same functions work in both.
#
# sluice_add_plugin(NAME KIND <source|parser|enricher|sink> SOURCES ...
#                   [LIBRARIES ...] [OUTPUT_DIRECTORY dir])
#   Builds target sluice_plugin_<NAME>: a MODULE library <NAME>.so with
#   hidden visibility, so the descriptor SLUICE_PLUGIN(...) defines is the
#   only exported symbol.
#
# sluice_add_conformance_test(NAME [TARGET t] [SAMPLE sample.toml] [TIMEOUT s])
#   Test conformance.<NAME>: the conformance kit against the built plugin.
#
# sluice_add_readme_test(NAME README README.md [TARGET t])
#   Test readme.<NAME>: the README's "## Options" table must equal
#   `sluice plugins describe NAME --format markdown`.
set(_SLUICE_PLUGIN_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR})

function(sluice_add_plugin NAME)
  cmake_parse_arguments(ARG "" "KIND;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_KIND MATCHES "^(source|parser|enricher|sink)$")
    message(FATAL_ERROR "sluice_add_plugin(${NAME}): KIND must be source, parser, enricher or sink")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "sluice_add_plugin(${NAME}): SOURCES is required")
  endif()
  set(target sluice_plugin_${NAME})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE sluice::sdk ${ARG_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${NAME}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  elseif(DEFINED SLUICE_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${SLUICE_PLUGIN_OUTPUT_DIR})
  endif()
  # GNU-unique symbols (libstdc++ inline statics) would be a second export
  # and pin the library in memory; plain weak symbols suffice here.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -fno-gnu-unique)
  endif()
  # Refuse undefined symbols at link time rather than at dlopen time.
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  set_property(GLOBAL APPEND PROPERTY SLUICE_PLUGIN_TARGETS ${target})
endfunction()

function(sluice_add_conformance_test NAME)
  cmake_parse_arguments(ARG "" "TARGET;SAMPLE;TIMEOUT" "" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET sluice_plugin_${NAME})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 900)
  endif()
  set(sample)
  if(ARG_SAMPLE)
    set(sample --sample ${ARG_SAMPLE})
  endif()
  add_test(NAME conformance.${NAME}
           COMMAND $<TARGET_FILE:sluice::conformance_runner> $<TARGET_FILE:${ARG_TARGET}> ${sample})
  set_tests_properties(conformance.${NAME} PROPERTIES LABELS conformance TIMEOUT ${ARG_TIMEOUT})
  # Lets a loop over every plugin skip the ones that registered themselves.
  set_property(GLOBAL APPEND PROPERTY SLUICE_CONFORMANCE_TESTED ${ARG_TARGET})
endfunction()

function(sluice_add_readme_test NAME)
  cmake_parse_arguments(ARG "" "TARGET;README" "" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET sluice_plugin_${NAME})
  endif()
  if(NOT ARG_README)
    message(FATAL_ERROR "sluice_add_readme_test(${NAME}): README is required")
  endif()
  add_test(NAME readme.${NAME}
           COMMAND ${CMAKE_COMMAND} -DSLUICE_CLI=$<TARGET_FILE:sluice::cli> -DPLUGIN=${NAME}
                   -DPLUGIN_DIR=$<TARGET_FILE_DIR:${ARG_TARGET}> -DREADME=${ARG_README}
                   -P ${_SLUICE_PLUGIN_CMAKE_DIR}/SluiceReadmeCheck.cmake)
  set_tests_properties(readme.${NAME} PROPERTIES LABELS readme)
  set_property(GLOBAL APPEND PROPERTY SLUICE_README_TESTED ${ARG_TARGET})
endfunction()
