// `sluice version` / `sluice --version`: what a bug report needs to say
// which build it was — release, SDK ABI the host speaks, build type, the git
// revision it was built from and the toolchain tag plugins must match.
#include <iostream>

#include "commands.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/toolchain.h"

namespace sluice::cli {

VerbSpec version_spec() {
  return {"sluice version | sluice --version",
          "Prints the release, the SDK ABI version the host speaks (plugins must match its major),\n"
          "the build type, the git revision it was built from and the compiler and toolchain tag.",
          {}};
}

int cmd_version(int argc, char** argv) {
  if (parse_args(version_spec(), argc, argv, 2).help) {
    std::cout << help_text(version_spec());
    return kExitOk;
  }
  std::cout << "sluice " << SLUICE_VERSION << "\n"
            << "sdk abi     " << SLUICE_SDK_ABI_MAJOR << "." << SLUICE_SDK_ABI_MINOR << "\n"
            << "build type  " << SLUICE_BUILD_TYPE << "\n"
            << "git         " << SLUICE_GIT_REVISION << "\n"
            << "compiler    " << __VERSION__ << " (C++ " << __cplusplus << ")\n"
            << "toolchain   " << SLUICE_TOOLCHAIN_TAG << "\n";
  return kExitOk;
}

}  // namespace sluice::cli
