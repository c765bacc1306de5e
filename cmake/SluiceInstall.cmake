# cmake --install BUILD --prefix P lays out:
#   P/bin/sluice, P/bin/sluice-conformance
#   P/<libdir>/sluice/plugins/*.so           the built-in plugins (the CLI's default plugin dir)
#   P/<libdir>/libsluice_*.a                 sluice::host, sluice::sdk_testing, the conformance kit
#   P/include/sluice/{sdk,host,conformance}/ headers
#   P/<libdir>/cmake/SluiceSDK/              find_package(SluiceSDK): targets, sluice_add_plugin() & co.
include(CMakePackageConfigHelpers)
set(SLUICE_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/SluiceSDK)
set(SLUICE_PLUGIN_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/sluice/plugins)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/sdk/include/ ${PROJECT_SOURCE_DIR}/host/include/
                  ${PROJECT_SOURCE_DIR}/sdk/conformance/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(sluice_exported sluice_sdk sluice_host sluice_sdk_testing sluice_conformance_checks sluice)
if(TARGET sluice_conformance)
  list(APPEND sluice_exported sluice_conformance sluice_conformance_runner)
endif()
set_target_properties(sluice_sdk PROPERTIES EXPORT_NAME sdk)
set_target_properties(sluice_host PROPERTIES EXPORT_NAME host)
set_target_properties(sluice PROPERTIES EXPORT_NAME cli)
install(TARGETS ${sluice_exported}
        EXPORT SluiceSDKTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT SluiceSDKTargets NAMESPACE sluice:: DESTINATION ${SLUICE_CMAKE_INSTALL_DIR})

# The built-in plugins: the targets sluice_add_plugin() put in build/plugins
# (test fixtures go elsewhere). Read at the end of configuration, when every
# plugins/<kind>/<name>/ folder has added its target.
function(sluice_install_builtin_plugins)
  get_property(targets GLOBAL PROPERTY SLUICE_PLUGIN_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(dir ${target} LIBRARY_OUTPUT_DIRECTORY)
    if(dir STREQUAL SLUICE_PLUGIN_OUTPUT_DIR)
      install(TARGETS ${target} LIBRARY DESTINATION ${SLUICE_PLUGIN_INSTALL_DIR})
    endif()
  endforeach()
endfunction()
cmake_language(DEFER CALL sluice_install_builtin_plugins)

# The package must find every imported target the exported libraries link
# (static libraries pass their dependencies on). Collected from the targets
# themselves at the end of configuration, so the list cannot drift from
# host/CMakeLists.txt: Poco::JSON -> find_package(Poco QUIET COMPONENTS JSON ...).
function(sluice_write_package_config)
  set(packages)
  foreach(target IN LISTS sluice_exported)
    get_target_property(libs ${target} LINK_LIBRARIES)
    foreach(lib IN LISTS libs)
      if(NOT lib MATCHES "^([A-Za-z0-9_]+)::(.+)$" OR CMAKE_MATCH_1 STREQUAL "sluice")
        continue()
      endif()
      set(package ${CMAKE_MATCH_1})
      set(component ${CMAKE_MATCH_2})
      if(package STREQUAL "SQLite")
        set(package SQLite3)  # CMake's FindSQLite3 defines SQLite::SQLite3
      endif()
      list(APPEND packages ${package})
      if(package MATCHES "^(Poco|Boost)$" AND NOT component STREQUAL "headers")
        list(APPEND components_${package} ${component})
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES packages)
  set(SLUICE_FIND_DEPENDENCIES "")
  foreach(package IN LISTS packages)
    set(line "find_package(${package} QUIET")
    if(components_${package})
      list(REMOVE_DUPLICATES components_${package})
      list(JOIN components_${package} " " components)
      string(APPEND line " COMPONENTS ${components}")
    endif()
    string(APPEND SLUICE_FIND_DEPENDENCIES "${line})\n")
  endforeach()
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SluiceSDKConfig.cmake.in
    ${PROJECT_BINARY_DIR}/SluiceSDKConfig.cmake
    INSTALL_DESTINATION ${SLUICE_CMAKE_INSTALL_DIR})
endfunction()
cmake_language(DEFER CALL sluice_write_package_config)

write_basic_package_version_file(${PROJECT_BINARY_DIR}/SluiceSDKConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/SluiceSDKConfig.cmake ${PROJECT_BINARY_DIR}/SluiceSDKConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/SluicePlugin.cmake ${PROJECT_SOURCE_DIR}/cmake/SluiceReadmeCheck.cmake
        DESTINATION ${SLUICE_CMAKE_INSTALL_DIR})
