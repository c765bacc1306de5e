// The attacker of plugin_swap_race_test: run as an unprivileged user, it
// swaps two files in a directory it may write, as fast as it can, with
// renameat2(RENAME_EXCHANGE) (atomic: both names always exist), until a stop
// file appears. Prints how many swaps it made, so the test knows it raced.
//
//   swap_attacker DIR NAME_A NAME_B STOP_FILE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: swap_attacker DIR NAME_A NAME_B STOP_FILE\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::string a = dir + "/" + argv[2], b = dir + "/" + argv[3];
  long swaps = 0, failures = 0;
  for (;;) {
    for (int i = 0; i < 200; ++i) {
      if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0)
        ++swaps;
      else
        ++failures;
    }
    if (::access(argv[4], F_OK) == 0) break;
  }
  std::printf("swaps %ld failures %ld\n", swaps, failures);
  return 0;
}
