// Catalog::builtin() lives apart from the catalog model because it needs the compiled catalog,
// which the catalog compiler (built from the model) generates.
#include "catalog/catalog.h"

namespace dockvet::catalog {

const Catalog& Catalog::builtin() {
  // Function-local static: C++ guarantees one thread-safe initialisation. It is never destroyed:
  // freeing its thousands of strings at exit was 15% of a small file's instructions, for nothing.
  static const Catalog& compiled = *new Catalog(compiled_builtin_catalog());
  return compiled;
}

}  // namespace dockvet::catalog
