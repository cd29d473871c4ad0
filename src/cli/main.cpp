// Temporary entry point while the reporters land; replaced by the real CLI.
#include <cstdio>
int main() {
  std::fputs("dockvet: the command line is being assembled\n", stderr);
  return 2;
}
