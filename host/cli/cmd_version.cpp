// `sluice version` / `sluice --version`: what a bug report needs to say
// which build it was — release, SDK ABI the host speaks, build type, the git
// revision it was built from and the toolchain tag plugins must match.
#include <iostream>

#include "commands.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/toolchain.h"

namespace sluice::cli {

int cmd_version(int, char**) {
  std::cout << "sluice " << SLUICE_VERSION << "\n"
            << "sdk abi     " << SLUICE_SDK_ABI_MAJOR << "." << SLUICE_SDK_ABI_MINOR << "\n"
            << "build type  " << SLUICE_BUILD_TYPE << "\n"
            << "git         " << SLUICE_GIT_REVISION << "\n"
            << "compiler    " << __VERSION__ << " (C++ " << __cplusplus << ")\n"
            << "toolchain   " << SLUICE_TOOLCHAIN_TAG << "\n";
  return kExitOk;
}

}  // namespace sluice::cli
