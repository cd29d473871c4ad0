#pragma once
// PLACEHOLDER owned by the catalog work.
namespace dockvet::catalog {

class Catalog {
 public:
  /// The catalog compiled in from checks/catalog/*.json.
  static const Catalog& builtin();
};

}  // namespace dockvet::catalog
