# sluice_builtin_plugin(NAME KIND <kind> ENTRY plugin.cpp
#                       IMPL a.cpp ... LIBRARIES ... TESTS a_test.cpp ...)
#
# In-tree convenience around sluice_add_plugin(): the stage logic (IMPL) is
# compiled once into a static library that both the plugin .so and the
# plugin's own GoogleTest executable link, so unit tests exercise exactly the
# code that ships. ENTRY holds the SLUICE_PLUGIN(...) descriptor; the tests
# get it too, compiled with SLUICE_PLUGIN_STATIC, so they can build options
# and stages from the real descriptor with sluice::sdk_testing.
function(sluice_builtin_plugin NAME)
  cmake_parse_arguments(ARG "" "KIND;ENTRY" "IMPL;LIBRARIES;TESTS" ${ARGN})
  set(impl sluice_${NAME}_impl)
  add_library(${impl} STATIC ${ARG_IMPL})
  target_link_libraries(${impl} PUBLIC sluice::sdk ${ARG_LIBRARIES})
  target_include_directories(${impl} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  set_target_properties(${impl} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${impl} PRIVATE -fno-gnu-unique)
  endif()
  sluice_add_plugin(${NAME} KIND ${ARG_KIND} SOURCES ${ARG_ENTRY} LIBRARIES ${impl})

  if(SLUICE_BUILD_TESTS AND ARG_TESTS)
    add_executable(${NAME}_plugin_test ${ARG_TESTS} ${ARG_ENTRY})
    target_link_libraries(${NAME}_plugin_test PRIVATE ${impl} sluice::sdk_testing GTest::gtest GTest::gtest_main)
    target_compile_definitions(${NAME}_plugin_test PRIVATE
      SLUICE_PLUGIN_STATIC
      SLUICE_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
      SLUICE_PLUGIN_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    gtest_discover_tests(${NAME}_plugin_test
      TEST_PREFIX "${NAME}."
      WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
