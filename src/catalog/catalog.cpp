// PLACEHOLDER owned by the catalog work.
#include "catalog/catalog.h"

namespace dockvet::catalog {
const Catalog& Catalog::builtin() {
  static const Catalog catalog;
  return catalog;
}
}  // namespace dockvet::catalog
