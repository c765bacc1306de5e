# Everything for plugin authors beyond the SDK headers (docs/writing-plugins.md):
# sluice::sdk_testing, the conformance kit, `sluice new-plugin` and
# `sluice plugins check` in the CLI, and `cmake --install` with the
# SluiceSDK package. Included from the top-level CMakeLists.txt once the
# host and the built-in plugins are defined.
add_subdirectory(${PROJECT_SOURCE_DIR}/sdk/testing ${PROJECT_BINARY_DIR}/sdk/testing)
add_subdirectory(${PROJECT_SOURCE_DIR}/sdk/conformance ${PROJECT_BINARY_DIR}/sdk/conformance)
add_subdirectory(${PROJECT_SOURCE_DIR}/host/cli/scaffold ${PROJECT_BINARY_DIR}/host/cli/scaffold)

# The CLI's new-plugin and `plugins check` verbs (host/cli/cmd_*.cpp).
target_link_libraries(sluice PRIVATE sluice_scaffold sluice_conformance_checks)
target_compile_definitions(sluice PRIVATE SLUICE_INSTALL_LIBDIR="${CMAKE_INSTALL_LIBDIR}")
# The name an installed package gives the CLI, so sluice_add_readme_test()
# reads the same in the tree and out of it.
add_executable(sluice::cli ALIAS sluice)

include(SluiceInstall)
