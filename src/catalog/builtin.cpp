// Catalog::builtin() lives apart from the catalog model because it needs the compiled catalog,
// which the catalog compiler (built from the model) generates.
#include "catalog/catalog.h"

namespace dockvet::catalog {

const Catalog& Catalog::builtin() {
  // Function-local static: C++ guarantees one thread-safe initialisation. It is never destroyed:
  // freeing a few thousand strings at exit is a tenth of a small file's run, for nothing.
  static const Catalog& compiled = *new Catalog(compiled_builtin_catalog());
  return compiled;
}

}  // namespace dockvet::catalog
