# cmake --install BUILD --prefix P lays out:
#   P/bin/sluice, P/bin/sluice-conformance
#   P/<libdir>/sluice/plugins/*.so           the built-in plugins (the CLI's default plugin dir)
#   P/<libdir>/libsluice_*.a                 sluice::host (.so with SLUICE_HOST_SHARED), sluice::sdk_testing,
#                                            the conformance kit
#   P/include/sluice/{sdk,host,conformance}/ headers
#   P/<libdir>/cmake/SluiceSDK/              find_package(SluiceSDK [COMPONENTS host ...]): targets,
#                                            SluiceSDK_PLUGIN_DIR, sluice_add_plugin() & co.
#   P/<libdir>/pkgconfig/sluice.pc           pkg-config --cflags --libs sluice
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
# (static libraries pass their private dependencies on as $<LINK_ONLY:...>).
# Collected per component from the targets themselves at the end of
# configuration, so the lists cannot drift from host/CMakeLists.txt.
# Each component's list becomes _sluice_deps_<component> in the config
# file: one find_dependency() argument string per package.
set(SLUICE_PACKAGE_COMPONENTS sdk host testing conformance cli)
set(sluice_component_targets_sdk sluice_sdk)
set(sluice_component_targets_host sluice_host)
set(sluice_component_targets_testing sluice_sdk_testing)
set(sluice_component_targets_conformance sluice_conformance_checks)
if(TARGET sluice_conformance)
  list(APPEND sluice_component_targets_conformance sluice_conformance sluice_conformance_runner)
endif()
set(sluice_component_targets_cli sluice)

# Packages (with Poco/Boost components) that `target` needs its consumers to
# find, following the sluice targets it links. Appends to the caller's
# `packages` and `components_<package>`.
function(sluice_collect_dependencies target)
  get_target_property(libs ${target} INTERFACE_LINK_LIBRARIES)
  if(NOT libs)
    return()
  endif()
  foreach(lib IN LISTS libs)
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
    if(lib MATCHES "^sluice::(.+)$")
      set(inner sluice_${CMAKE_MATCH_1})
      if(TARGET ${inner})
        sluice_collect_dependencies(${inner})
      endif()
      continue()
    endif()
    if(NOT lib MATCHES "^([A-Za-z0-9_]+)::(.+)$")
      continue()  # a plain library (dl): the linker finds it
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
  set(packages ${packages} PARENT_SCOPE)
  foreach(package IN LISTS packages)  # including what nested calls found
    set(components_${package} ${components_${package}} PARENT_SCOPE)
  endforeach()
endfunction()

function(sluice_write_package_config)
  set(SLUICE_COMPONENT_DEPENDENCIES "")
  foreach(component IN LISTS SLUICE_PACKAGE_COMPONENTS)
    set(packages)
    foreach(package Poco Boost)
      set(components_${package})
    endforeach()
    foreach(target IN LISTS sluice_component_targets_${component})
      get_target_property(type ${target} TYPE)
      if(NOT type STREQUAL "EXECUTABLE")
        sluice_collect_dependencies(${target})
      endif()
    endforeach()
    list(REMOVE_DUPLICATES packages)
    set(entries)
    foreach(package IN LISTS packages)
      set(entry "${package}")
      if(package STREQUAL "date")
        string(APPEND entry " CONFIG")
      endif()
      if(components_${package})
        list(REMOVE_DUPLICATES components_${package})
        list(JOIN components_${package} " " list)
        string(APPEND entry " COMPONENTS ${list}")
      endif()
      list(APPEND entries "\"${entry}\"")
    endforeach()
    list(JOIN entries " " entries)
    string(APPEND SLUICE_COMPONENT_DEPENDENCIES "set(_sluice_deps_${component} ${entries})\n")
  endforeach()
  set(SLUICE_PACKAGE_COMPONENT_LIST "${SLUICE_PACKAGE_COMPONENTS}")
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SluiceSDKConfig.cmake.in
    ${PROJECT_BINARY_DIR}/SluiceSDKConfig.cmake
    INSTALL_DESTINATION ${SLUICE_CMAKE_INSTALL_DIR}
    PATH_VARS SLUICE_PLUGIN_INSTALL_DIR)
  sluice_write_pkg_config()
endfunction()
cmake_language(DEFER CALL sluice_write_package_config)

# sluice.pc for programs built without CMake:
#   c++ -std=c++20 app.cpp $(pkg-config --cflags --libs sluice)
# The plugin directory is a variable (pkg-config --variable=plugindir
# sluice), not a -D flag: pkg-config re-escapes the quotes a string macro
# needs, so the flag would not survive $(...).
# A static host needs its dependencies on every link line, so they go in
# Libs; a shared one carries them itself (Libs.private).
function(sluice_write_pkg_config)
  get_target_property(host_type sluice_host TYPE)
  set(deps "-lPocoNet -lPocoJSON -lPocoFoundation -lboost_filesystem -ldate-tz -lsqlite3 -ltomlplusplus ${CMAKE_DL_LIBS_FLAG} -pthread")
  if(host_type STREQUAL "STATIC_LIBRARY")
    set(SLUICE_PC_LIBS "-lsluice_host ${deps}")
    set(SLUICE_PC_LIBS_PRIVATE "")
  else()
    set(SLUICE_PC_LIBS "-lsluice_host -pthread")
    set(SLUICE_PC_LIBS_PRIVATE "${deps}")
  endif()
  # Relative to the .pc file, so `cmake --install --prefix P` anywhere works.
  file(RELATIVE_PATH SLUICE_PC_PREFIX_FROM_PCFILEDIR /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
  string(REGEX REPLACE "/$" "" SLUICE_PC_PREFIX_FROM_PCFILEDIR "${SLUICE_PC_PREFIX_FROM_PCFILEDIR}")
  configure_file(${PROJECT_SOURCE_DIR}/cmake/sluice.pc.in ${PROJECT_BINARY_DIR}/sluice.pc @ONLY)
endfunction()
set(CMAKE_DL_LIBS_FLAG "-l${CMAKE_DL_LIBS}")
install(FILES ${PROJECT_BINARY_DIR}/sluice.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

write_basic_package_version_file(${PROJECT_BINARY_DIR}/SluiceSDKConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/SluiceSDKConfig.cmake ${PROJECT_BINARY_DIR}/SluiceSDKConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/SluicePlugin.cmake ${PROJECT_SOURCE_DIR}/cmake/SluiceReadmeCheck.cmake
        DESTINATION ${SLUICE_CMAKE_INSTALL_DIR})
