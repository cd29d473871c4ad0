// libFuzzer driver for fuzz_kubernetes (targets.h).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dockvet::fuzz::fuzz_kubernetes(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
