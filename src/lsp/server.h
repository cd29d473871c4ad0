#pragma once
// `dockvet lsp`: a Language Server Protocol 3.17 session over a byte stream pair. It keeps the
// open documents in memory (incremental sync), lints a document when the client pauses, publishes
// the findings as diagnostics, and offers each finding's fix and an ignore pragma as code
// actions. Configuration is read as the CLI reads it (`.dockvet.yaml`, else `.hadolint.yaml`,
// found from each document's folder) and read again when the client says it changed.

#include <optional>
#include <string>

#include "lsp/protocol.h"

namespace dockvet::lsp {

struct ServerOptions {
  std::optional<std::string> config_path;  // `dockvet lsp --config FILE`: one file for all
  std::string version;                     // reported in serverInfo
};

/// Runs one session until `exit` or the end of input. Returns the exit code LSP specifies:
/// 0 when `shutdown` came first, 1 otherwise. Never throws for anything the client sends.
int serve(ByteSource& input, ByteSink& output, const ServerOptions& options = {});

}  // namespace dockvet::lsp
