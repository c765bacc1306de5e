# The ctest fixture `postgres`: one real PostgreSQL server for the tests that
# need it, started before the first of them and stopped after the last.
#
#   include(${PROJECT_SOURCE_DIR}/tests/support/PostgresFixture.cmake)
#   sluice_require_postgres(TESTS test1 test2 ...)      # plain add_test() tests
#   sluice_add_postgres_fixture()                       # for gtest_discover_tests:
#   gtest_discover_tests(my_test PROPERTIES ${SLUICE_POSTGRES_TEST_PROPERTIES})
#   add_test(NAME x COMMAND ${SLUICE_POSTGRES_EXEC} my_program args...)
#
# What a test gets:
#  - FIXTURES_REQUIRED postgres, so `ctest -R x` starts and stops the server
#    too, and tests running in parallel (-j) share it;
#  - ENVIRONMENT SLUICE_POSTGRES_ENV=<file>: a sourceable file with PGHOST,
#    PGPORT, PGUSER, PGDATABASE and SLUICE_POSTGRES_URL (the port is only
#    known once the server runs, so it is read from the file, not baked in);
#  - SLUICE_POSTGRES_EXEC: a command prefix that exports those variables and
#    runs the rest, for programs or configs that read ${SLUICE_POSTGRES_URL}.
# Tests sharing the server use their own tables (or databases) so they can
# run in parallel; conformance.postgres writes to the table `articles` of
# the database `sluice`, so pick other names. A test that must stop the server (outage tests) starts a
# private one with tests/support/postgres_server.sh (see postgres_fixture.hpp).
# Once per directory, not globally: the variables below are directory-scoped,
# and a second directory including this file needs them too (the fixture
# tests themselves are registered once, see sluice_add_postgres_fixture).
include_guard(DIRECTORY)

set(SLUICE_POSTGRES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/postgres_server.sh)
set(SLUICE_POSTGRES_STATE_DIR ${CMAKE_BINARY_DIR}/postgres-fixture)
set(SLUICE_POSTGRES_ENV_FILE ${SLUICE_POSTGRES_STATE_DIR}/env)
set(SLUICE_POSTGRES_EXEC bash ${SLUICE_POSTGRES_SCRIPT} exec ${SLUICE_POSTGRES_STATE_DIR})
set(SLUICE_POSTGRES_TEST_PROPERTIES
    FIXTURES_REQUIRED postgres
    ENVIRONMENT SLUICE_POSTGRES_ENV=${SLUICE_POSTGRES_ENV_FILE})

# The setup and cleanup tests themselves, registered once per build tree
# from whichever directory asks first.
function(sluice_add_postgres_fixture)
  get_property(done GLOBAL PROPERTY SLUICE_POSTGRES_FIXTURE_ADDED)
  if(done)
    return()
  endif()
  set_property(GLOBAL PROPERTY SLUICE_POSTGRES_FIXTURE_ADDED TRUE)
  add_test(NAME postgres.fixture.start COMMAND bash ${SLUICE_POSTGRES_SCRIPT} start ${SLUICE_POSTGRES_STATE_DIR})
  add_test(NAME postgres.fixture.stop COMMAND bash ${SLUICE_POSTGRES_SCRIPT} stop ${SLUICE_POSTGRES_STATE_DIR})
  set_tests_properties(postgres.fixture.start PROPERTIES FIXTURES_SETUP postgres TIMEOUT 300)
  set_tests_properties(postgres.fixture.stop PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 120)
endfunction()

# sluice_require_postgres(TESTS name...): the fixture and its environment
# for tests registered with add_test() in the calling directory.
function(sluice_require_postgres)
  cmake_parse_arguments(ARG "" "" "TESTS" ${ARGN})
  sluice_add_postgres_fixture()
  if(ARG_TESTS)
    set_tests_properties(${ARG_TESTS} PROPERTIES ${SLUICE_POSTGRES_TEST_PROPERTIES})
  endif()
endfunction()
