// libFuzzer driver for fuzz_lsp (targets.h).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dockvet::fuzz::fuzz_lsp(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
