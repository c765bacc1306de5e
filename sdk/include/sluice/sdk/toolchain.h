/* The toolchain tag: the facts about a C++ build that decide whether C++
 * objects (std::string, std::vector, exceptions, vtables) can cross between
 * the host and a plugin. Both sides compute it from the same macros; the
 * host compares its own tag with the plugin's before calling any C++ code.
 *
 * Format: "<family>;<stdlib>;cxx11abi=<0|1>;debug=<0|1>;std=<__cplusplus>"
 * The host requires stdlib, cxx11abi and debug to be equal and std to be at
 * least C++20. The compiler family is informative (gcc and clang share the
 * Itanium C++ ABI when both use libstdc++).
 */
#ifndef SLUICE_SDK_TOOLCHAIN_H
#define SLUICE_SDK_TOOLCHAIN_H

/* Pull in a standard header so the library's configuration macros exist. */
#ifdef __cplusplus
#include <cstddef>
#endif

#define SLUICE_STR_(x) #x
#define SLUICE_STR(x) SLUICE_STR_(x)

#if defined(__clang__)
#define SLUICE_TC_FAMILY "clang"
#elif defined(__GNUC__)
#define SLUICE_TC_FAMILY "gcc"
#else
#define SLUICE_TC_FAMILY "other"
#endif

#if defined(_LIBCPP_VERSION)
#define SLUICE_TC_STDLIB "libc++"
#elif defined(__GLIBCXX__)
#define SLUICE_TC_STDLIB "libstdc++"
#else
#define SLUICE_TC_STDLIB "unknown"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define SLUICE_TC_CXX11ABI "1"
#else
#define SLUICE_TC_CXX11ABI "0"
#endif

#if defined(_GLIBCXX_DEBUG)
#define SLUICE_TC_DEBUG "1"
#else
#define SLUICE_TC_DEBUG "0"
#endif

#ifdef __cplusplus
#define SLUICE_TC_STD SLUICE_STR(__cplusplus)
#else
#define SLUICE_TC_STD "0"
#endif

#define SLUICE_TOOLCHAIN_TAG                                                 \
  SLUICE_TC_FAMILY ";" SLUICE_TC_STDLIB ";cxx11abi=" SLUICE_TC_CXX11ABI      \
                   ";debug=" SLUICE_TC_DEBUG ";std=" SLUICE_TC_STD

#endif /* SLUICE_SDK_TOOLCHAIN_H */
