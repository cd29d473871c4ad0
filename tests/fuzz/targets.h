#pragma once
// The fuzz targets: one function per front end, fed arbitrary bytes. Each one runs the front end
// as the engine does, then checks invariants every result must keep (every range inside the
// input, begin <= end, indices that point at something) and lints the input through the engine
// with every check, checking each finding's span. A broken invariant prints what broke and
// calls abort(); an unexpected exception escapes. The libFuzzer drivers (*_fuzzer.cpp) and the
// regression test (tests/test_fuzz_regressions.cpp) call the same functions.

#include <span>
#include <string_view>

namespace dockvet::fuzz {

/// A Dockerfile: the model, its shell regions and their commands, then the whole lint.
void fuzz_dockerfile(std::string_view data);

/// The same bytes as a shell script and as a Makefile: shell regions, the tree-sitter-bash parse,
/// the commands and docker invocations in them, then the whole lint.
void fuzz_shell_extraction(std::string_view data);

/// Whitespace-separated words, one command per line (`$NAME` runs become expansions): the docker
/// invocation model on each line, and the mount, tmpfs and image-reference parsers and the path
/// functions on each word.
void fuzz_docker_cli(std::string_view data);

/// A Markdown file: its shell code blocks and console transcripts, their commands, then the
/// whole lint.
void fuzz_markdown(std::string_view data);
/// A compose file: the YAML front end, interpolation and the services it models, then a lint.
void fuzz_compose(std::string_view data);
/// A Kubernetes manifest: the YAML front end and the containers it models, then a lint.
void fuzz_kubernetes(std::string_view data);

/// A `.dockvet.yaml` and a `.hadolint.yaml`: the loader (ConfigError is an expected outcome, any
/// other exception a bug), the layered settings, the per-path globs, the user catalog merge, and
/// a small lint under those settings.
void fuzz_config(std::string_view data);

/// A language server session: LSP frames (Content-Length headers and JSON-RPC bodies) read by
/// the server as a client's stream, with every document it opens linted; what it writes back
/// must be well-formed frames of JSON-RPC objects, and its exit code 0 or 1.
void fuzz_lsp(std::string_view data);

/// A target by the name its regression folder and fuzzer carry ("dockerfile", "docker_cli").
struct Target {
  std::string_view name;
  void (*run)(std::string_view data);
};

/// Every target, in the order tests/fuzz/run.sh runs them.
std::span<const Target> targets();

}  // namespace dockvet::fuzz
