# sluice_add_plugin(NAME KIND <source|parser|enricher|sink> SOURCES ...)
#
# Builds one plugin as a MODULE library named <NAME>.so with hidden
# visibility, so the descriptor is the only exported symbol. Used in the
# source tree and, once installed, by out-of-tree plugin projects.
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
