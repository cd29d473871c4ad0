#include "lsp/server.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "catalog/catalog.h"
#include "config/config.h"
#include "config/settings.h"
#include "core/discovery.h"
#include "core/engine.h"
#include "kubernetes/manifests.h"
#include "lsp/text.h"

namespace dockvet::lsp {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A client that never pauses (a long paste arriving as many changes, a flood of requests) still
// gets diagnostics this long after its first unlinted change.
constexpr auto kLongestLintDelay = std::chrono::milliseconds(200);
// Each "disable for this line" action is checked by linting the file with the pragma in place;
// a request over a large selection offers the pragma for this many findings at most.
constexpr std::size_t kMostPragmaActions = 16;

// ---------------------------------------------------------------------------------------------
// Fixes

/// One text edit of a fix, in the bytes of the linted text.
struct FixEdit {
  ByteRange range;
  std::string replacement;
};

/// A finding's fix as a code action offers it.
struct OfferedFix {
  std::string title;
  std::vector<FixEdit> edits;
  bool safe = true;  // an unsafe fix (it changes what runs) is offered but not preferred
};

/// The one place that reads Diagnostic::fix, so that a change of its shape changes only this.
std::optional<OfferedFix> offered_fix(const Diagnostic& finding) {
  if (!finding.fix || finding.fix->edits.empty()) return std::nullopt;
  OfferedFix offered{finding.fix->description, {}, finding.fix->safe};
  for (const Edit& edit : finding.fix->edits) {
    offered.edits.push_back({edit.range, edit.replacement});
  }
  return offered;
}

// ---------------------------------------------------------------------------------------------
// Documents and their kinds

struct Document {
  std::string uri;
  std::string path;  // the local path, or the URI's own path for other schemes
  bool on_disk = false;
  std::string language_id;
  json version;
  std::string text;
  bool dirty = true;                 // changed since the last lint
  Clock::time_point dirty_since;     // the first unlinted change
  std::vector<Diagnostic> findings;  // of the last lint, positions in `text`
};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(
      suffix.begin(), suffix.end(), text.end() - static_cast<long>(suffix.size()),
      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

bool has_top_level_key(std::string_view text, std::string_view key) {
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    if ((at == 0 || text[at - 1] == '\n') && at + key.size() < text.size() &&
        text[at + key.size()] == ':') {
      return true;
    }
  }
  return false;
}

/// The front end for a document: by file name as discovery decides, then by the client's
/// languageId, then by content; unknown means the document is not linted.
FileKind kind_of(const Document& document) {
  const std::string name = std::filesystem::path(document.path).filename().string();
  FileKind kind = kind_from_name(name);
  if (kind != FileKind::unknown) return kind;
  const std::string_view head = std::string_view(document.text).substr(0, 4096);
  const bool yaml = ends_with_ignoring_case(name, ".yaml") ||
                    ends_with_ignoring_case(name, ".yml") || document.language_id == "yaml";
  if (yaml && kubernetes::looks_like_manifest(head)) return FileKind::kubernetes;
  const std::string& language = document.language_id;
  if (language == "dockerfile") return FileKind::dockerfile;
  if (language == "shellscript" || language == "sh" || language == "bash") return FileKind::shell;
  if (language == "dockercompose") return FileKind::compose;
  if (language == "yaml") {
    // Like discovery, a YAML file that is neither a manifest nor a compose file is left alone.
    return has_top_level_key(document.text, "services") ? FileKind::compose : FileKind::unknown;
  }
  if (language == "markdown") return FileKind::markdown;
  if (language == "makefile" || language == "make") return FileKind::makefile;
  return kind_from_content(head);
}

// ---------------------------------------------------------------------------------------------
// JSON shapes

json to_json(TextPosition position) {
  return {{"line", position.line}, {"character", position.character}};
}

TextPosition position_from_json(const json& position) {
  return {position.at("line").get<std::uint32_t>(), position.at("character").get<std::uint32_t>()};
}

TextPosition start_of(const Diagnostic& finding) {
  return {finding.start.line - 1, finding.start.column - 1};
}
TextPosition end_of(const Diagnostic& finding) {
  return {finding.end.line - 1, finding.end.column - 1};
}

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::info: return 3;
    case Severity::style: return 4;  // Hint
  }
  return 2;
}

json to_json(const Diagnostic& finding) {
  return {{"range", {{"start", to_json(start_of(finding))}, {"end", to_json(end_of(finding))}}},
          {"severity", lsp_severity(finding.severity)},
          {"code", finding.code},
          {"source", "dockvet"},
          {"message", finding.message}};
}

/// A value deep in a client's JSON, or null when any step is missing.
json find_path(const json& value, std::initializer_list<std::string_view> keys) {
  const json* at = &value;
  for (const std::string_view key : keys) {
    if (!at->is_object()) return nullptr;
    const auto found = at->find(key);
    if (found == at->end()) return nullptr;
    at = &*found;
  }
  return *at;
}

bool is_config_file(std::string_view name) {
  return name == ".dockvet.yaml" || name == ".dockvet.yml" || name == ".hadolint.yaml" ||
         name == ".hadolint.yml";
}

// ---------------------------------------------------------------------------------------------
// The session

/// The configuration that applies under one folder, as the CLI would resolve it there.
struct LoadedConfig {
  config::Settings settings;
  std::optional<catalog::Catalog> catalog;  // set when the config adds catalog entries
};

class Server {
 public:
  Server(ByteSource& input, ByteSink& output, const ServerOptions& options)
      : reader_(input), output_(output), options_(options), config_path_(options.config_path) {}

  int run();

 private:
  void handle(const std::string& body);
  void handle_request(const json& id, const std::string& method, const json& params);
  void handle_notification(const std::string& method, const json& params);

  json initialize(const json& params);
  void register_file_watchers();
  void did_open(const json& params);
  void did_change(const json& params);
  void did_close(const json& params);
  void did_change_watched_files(const json& params);
  void take_client_settings(const json& settings);
  void reload_configuration();
  json code_actions(const json& params);
  std::optional<json> ignore_pragma_edit(const Document& document, const Diagnostic& finding);

  void lint_pending();
  void lint(Document& document);
  std::vector<Diagnostic> lint_text(const Document& document, std::string text);
  void publish(const Document& document);
  const LoadedConfig& config_for(const Document& document);

  void send(const json& message) { output_.write(frame(message)); }
  void show_error(const std::string& message);
  Document* find_document(const json& params);

  FrameReader reader_;
  ByteSink& output_;
  const ServerOptions& options_;
  std::optional<std::string> config_path_;  // from the command line or the client's settings
  std::filesystem::path workspace_root_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  bool watch_files_dynamically_ = false;
  std::map<std::string, Document, std::less<>> documents_;
  std::map<std::string, std::unique_ptr<LoadedConfig>, std::less<>> configs_;  // by folder
  std::set<std::string, std::less<>> errors_shown_;
};

int Server::run() {
  while (!exit_) {
    lint_pending();
    Frame next = reader_.next();
    switch (next.status) {
      case Frame::Status::end: exit_ = true; break;
      case Frame::Status::malformed:
        send(error_response(nullptr, error_code::kParseError,
                            "cannot read the message frame: " + next.error));
        break;
      case Frame::Status::message: handle(next.body); break;
    }
  }
  return shutdown_ ? 0 : 1;
}

void Server::handle(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    send(error_response(nullptr, error_code::kParseError, "the message is not valid JSON"));
    return;
  }
  if (!message.is_object()) {
    send(error_response(nullptr, error_code::kInvalidRequest, "a message is a JSON object"));
    return;
  }
  const auto id = message.find("id");
  const bool has_id = id != message.end();
  if (has_id && !id->is_string() && !id->is_number_integer()) {
    send(error_response(nullptr, error_code::kInvalidRequest, "an id is an integer or a string"));
    return;
  }
  const auto method = message.find("method");
  if (method == message.end() || !method->is_string()) {
    // A response to the one request the server sends (client/registerCapability) needs nothing.
    if (has_id && (message.contains("result") || message.contains("error"))) return;
    send(error_response(has_id ? *id : json(nullptr), error_code::kInvalidRequest,
                        "a request or notification needs a method"));
    return;
  }
  const auto params = message.find("params");
  const json no_params = json::object();
  const json& arguments = params == message.end() ? no_params : *params;
  if (has_id) {
    handle_request(*id, method->get<std::string>(), arguments);
  } else {
    handle_notification(method->get<std::string>(), arguments);
  }
}

void Server::handle_request(const json& id, const std::string& method, const json& params) {
  try {
    json result;
    if (shutdown_) {
      send(error_response(id, error_code::kInvalidRequest, "the server is shutting down"));
      return;
    }
    if (!initialized_ && method != "initialize") {
      send(error_response(id, error_code::kServerNotInitialized, "initialize comes first"));
      return;
    }
    if (method == "initialize") {
      if (initialized_) {
        send(error_response(id, error_code::kInvalidRequest, "initialize was already received"));
        return;
      }
      result = initialize(params);
    } else if (method == "shutdown") {
      shutdown_ = true;
    } else if (method == "textDocument/codeAction") {
      result = code_actions(params);
    } else {
      send(error_response(id, error_code::kMethodNotFound, "unsupported method " + method));
      return;
    }
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
  } catch (const json::exception& error) {
    send(error_response(id, error_code::kInvalidParams, error.what()));
  } catch (const std::exception& error) {
    send(error_response(id, error_code::kInternalError, error.what()));
  }
}

void Server::handle_notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // the protocol says to drop them
  try {
    if (method == "initialized") {
      register_file_watchers();
    } else if (method == "textDocument/didOpen") {
      did_open(params);
    } else if (method == "textDocument/didChange") {
      did_change(params);
    } else if (method == "textDocument/didClose") {
      did_close(params);
    } else if (method == "textDocument/didSave") {
      // The text is already here; linting it again picks up files it reads beside it
      // (.dockerignore, a compose file's .env) that may have been saved with it.
      if (Document* document = find_document(params)) {
        document->dirty = true;
        document->dirty_since = Clock::now();
      }
    } else if (method == "workspace/didChangeConfiguration") {
      take_client_settings(find_path(params, {"settings"}));
      reload_configuration();
    } else if (method == "workspace/didChangeWatchedFiles") {
      did_change_watched_files(params);
    }
    // Anything else, $/cancelRequest and $/setTrace included, needs no answer: requests are
    // answered in order and fast, so there is nothing to cancel.
  } catch (const std::exception& error) {
    send({{"jsonrpc", "2.0"},
          {"method", "window/logMessage"},
          {"params", {{"type", 1}, {"message", "dockvet: " + method + ": " + error.what()}}}});
  }
}

json Server::initialize(const json& params) {
  std::optional<std::string> root;
  if (const json uri = find_path(params, {"rootUri"}); uri.is_string()) {
    root = path_from_uri(uri.get<std::string>());
  }
  if (const json path = find_path(params, {"rootPath"}); !root && path.is_string()) {
    root = path.get<std::string>();
  }
  if (const json folders = find_path(params, {"workspaceFolders"});
      !root && folders.is_array() && !folders.empty() && folders[0].is_object()) {
    if (const json uri = find_path(folders[0], {"uri"}); uri.is_string()) {
      root = path_from_uri(uri.get<std::string>());
    }
  }
  std::error_code ignored;
  workspace_root_ = root ? std::filesystem::path(*root) : std::filesystem::current_path(ignored);
  watch_files_dynamically_ =
      find_path(params, {"capabilities", "workspace", "didChangeWatchedFiles",
                         "dynamicRegistration"}) == json(true);
  take_client_settings(find_path(params, {"initializationOptions"}));
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync",
             {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
          {"serverInfo", {{"name", "dockvet"}, {"version", options_.version}}}};
}

void Server::register_file_watchers() {
  if (!watch_files_dynamically_) return;
  const json watchers = json::array({{{"globPattern", "**/.dockvet.{yaml,yml}"}},
                                     {{"globPattern", "**/.hadolint.{yaml,yml}"}},
                                     {{"globPattern", "**/{.dockerignore,*.dockerignore}"}}});
  send({{"jsonrpc", "2.0"},
        {"id", "dockvet-watch-configuration"},
        {"method", "client/registerCapability"},
        {"params",
         {{"registrations",
           {{{"id", "dockvet-configuration-files"},
             {"method", "workspace/didChangeWatchedFiles"},
             {"registerOptions", {{"watchers", watchers}}}}}}}}});
}

// A config path the client gives, as `{"dockvet": {"config": PATH}}` or `{"config": PATH}`; null
// or no such key leaves the current one.
void Server::take_client_settings(const json& settings) {
  json path = find_path(settings, {"dockvet", "config"});
  if (path.is_null()) path = find_path(settings, {"config"});
  if (path.is_string()) {
    config_path_ = path.get<std::string>();
    if (config_path_->empty()) config_path_ = options_.config_path;
  }
}

void Server::reload_configuration() {
  configs_.clear();
  errors_shown_.clear();
  for (auto& [uri, document] : documents_) {
    document.dirty = true;
    document.dirty_since = Clock::now();
  }
}

Document* Server::find_document(const json& params) {
  const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
  const auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  Document document;
  document.uri = item.at("uri").get<std::string>();
  if (auto path = path_from_uri(document.uri)) {
    document.path = std::move(*path);
    document.on_disk = true;
  } else {
    // untitled:Untitled-1 and the like: the name still says the kind when it has one.
    const std::size_t colon = document.uri.find(':');
    document.path = colon == std::string::npos ? document.uri : document.uri.substr(colon + 1);
  }
  document.language_id = item.value("languageId", "");
  document.version = item.value("version", json(nullptr));
  document.text = item.at("text").get<std::string>();
  document.dirty_since = Clock::now();
  const std::string uri = document.uri;
  documents_.insert_or_assign(uri, std::move(document));
}

void Server::did_change(const json& params) {
  Document* document = find_document(params);
  if (!document) throw std::runtime_error("a change to a document that is not open");
  document->version = params.at("textDocument").value("version", json(nullptr));
  for (const json& change : params.at("contentChanges")) {
    const std::string& text = change.at("text").get_ref<const std::string&>();
    if (const auto range = change.find("range"); range != change.end() && !range->is_null()) {
      apply_edit(document->text, position_from_json(range->at("start")),
                 position_from_json(range->at("end")), text);
    } else {
      document->text = text;
    }
  }
  if (!document->dirty) document->dirty_since = Clock::now();
  document->dirty = true;
}

void Server::did_close(const json& params) {
  Document* document = find_document(params);
  if (!document) return;
  document->findings.clear();
  document->version = nullptr;
  publish(*document);
  const std::string uri = document->uri;
  documents_.erase(uri);
}

void Server::did_change_watched_files(const json& params) {
  for (const json& change : params.at("changes")) {
    const std::string& uri = change.at("uri").get_ref<const std::string&>();
    const std::string name = std::filesystem::path(path_from_uri(uri).value_or(uri)).filename();
    if (is_config_file(name) || name == ".dockerignore" ||
        ends_with_ignoring_case(name, ".dockerignore")) {
      reload_configuration();
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Linting

void Server::lint_pending() {
  // Debounce: while more messages wait (a burst of keystrokes), lint nothing yet, unless a
  // change has waited too long.
  const bool client_busy = reader_.pending();
  const auto now = Clock::now();
  for (auto& [uri, document] : documents_) {
    if (!document.dirty) continue;
    if (client_busy && now - document.dirty_since < kLongestLintDelay) continue;
    try {
      lint(document);
    } catch (const std::exception& error) {
      // A bug in a front end must cost this document its diagnostics, not the session.
      document.findings.clear();
      send({{"jsonrpc", "2.0"},
            {"method", "window/logMessage"},
            {"params", {{"type", 1}, {"message", "dockvet: " + uri + ": " + error.what()}}}});
    }
    publish(document);
  }
}

const LoadedConfig& Server::config_for(const Document& document) {
  std::filesystem::path folder = workspace_root_;
  if (document.on_disk) folder = std::filesystem::path(document.path).parent_path();
  const std::string key = folder.string();
  if (const auto found = configs_.find(key); found != configs_.end()) return *found->second;

  auto loaded = std::make_unique<LoadedConfig>();
  config::CliSettings cli;
  cli.config_path = config_path_;
  try {
    const config::Environment environment = config::Environment::from_process();
    loaded->settings =
        config::resolve(cli, config::load_selected_config(cli, environment, folder), environment);
    if (!loaded->settings.catalog.empty()) {
      loaded->catalog = catalog::Catalog::builtin();
      const json& entries = loaded->settings.catalog;
      const json document = entries.is_array() ? json{{"images", entries}} : entries;
      const auto errors =
          loaded->catalog->merge(document, loaded->settings.config_path.value_or("config"));
      for (const auto& error : errors) {
        show_error(error.origin + ": catalog entry " + error.entry + ": " + error.message);
      }
    }
  } catch (const std::exception& error) {
    // Lint with the defaults rather than not at all, and say why once.
    show_error(error.what());
    loaded = std::make_unique<LoadedConfig>();
  }
  return *configs_.emplace(key, std::move(loaded)).first->second;
}

void Server::show_error(const std::string& message) {
  if (!errors_shown_.insert(message).second) return;
  send({{"jsonrpc", "2.0"},
        {"method", "window/showMessage"},
        {"params", {{"type", 1}, {"message", "dockvet: " + message}}}});
}

std::vector<Diagnostic> Server::lint_text(const Document& document, std::string text) {
  const FileKind kind = kind_of(document);
  if (kind == FileKind::unknown) return {};
  const LoadedConfig& config = config_for(document);
  LintPolicy policy;
  policy.settings = &config.settings;
  policy.catalog = config.catalog ? &*config.catalog : nullptr;
  const SourceFile file(document.path, kind, std::move(text));
  return lint_source(file, policy).diagnostics;
}

void Server::lint(Document& document) {
  document.dirty = false;
  document.findings = lint_text(document, document.text);
}

void Server::publish(const Document& document) {
  json diagnostics = json::array();
  for (const Diagnostic& finding : document.findings) diagnostics.push_back(to_json(finding));
  json params = {{"uri", document.uri}, {"diagnostics", std::move(diagnostics)}};
  if (!document.version.is_null()) params["version"] = document.version;
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", std::move(params)}});
}

// ---------------------------------------------------------------------------------------------
// Code actions

json text_edit(TextPosition start, TextPosition end, std::string new_text) {
  return {{"range", {{"start", to_json(start)}, {"end", to_json(end)}}},
          {"newText", std::move(new_text)}};
}

// The first line (0-based) of the logical line that holds `line`: lines continued with "\".
std::uint32_t logical_line_start(std::string_view text, std::uint32_t line) {
  while (line > 0) {
    const std::size_t previous_end = offset_of(text, {line - 1, UINT32_MAX});
    std::size_t last = offset_of(text, {line - 1, 0});
    for (std::size_t i = last; i < previous_end; ++i) {
      if (text[i] != ' ' && text[i] != '\t') last = i + 1;
    }
    if (last == offset_of(text, {line - 1, 0}) || text[last - 1] != '\\') break;
    --line;
  }
  return line;
}

// Whether linting `after` (the text with one line inserted before 0-based line `inserted`) found
// nothing that linting the text before did not: an inserted comment that breaks a command or a
// document shows up as a new finding.
bool adds_no_finding(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
                     std::uint32_t inserted) {
  using Key = std::tuple<std::string_view, std::string_view, std::uint32_t, std::uint32_t>;
  std::vector<Key> known;
  for (const Diagnostic& finding : before) {
    const bool moved = finding.start.line - 1 >= inserted;
    known.emplace_back(finding.code, finding.message, finding.start.line + (moved ? 1 : 0),
                       finding.start.column);
  }
  std::sort(known.begin(), known.end());
  for (const Diagnostic& finding : after) {
    const Key key{finding.code, finding.message, finding.start.line, finding.start.column};
    const auto found = std::lower_bound(known.begin(), known.end(), key);
    if (found == known.end() || *found != key) return false;
    known.erase(found);
  }
  return true;
}

// `# dockvet ignore=CODE` on a line of its own above the first line of the finding's logical
// line (a command or instruction continued with "\"), with that line's indentation. It is
// offered only when linting the text with it in place shows that it silences the finding and
// adds none: the pragma rules differ between kinds (Markdown outside code blocks, a shell
// command whose later lines a pragma does not cover), and an action that does nothing, or breaks
// the file, would be worse than none.
std::optional<json> Server::ignore_pragma_edit(const Document& document,
                                               const Diagnostic& finding) {
  const std::uint32_t line = logical_line_start(document.text, finding.start.line - 1);
  const std::size_t line_start = offset_of(document.text, {line, 0});
  std::size_t indent_end = line_start;
  while (indent_end < document.text.size() &&
         (document.text[indent_end] == ' ' || document.text[indent_end] == '\t')) {
    ++indent_end;
  }
  const std::size_t line_end = offset_of(document.text, {line, UINT32_MAX});
  const bool crlf = line_end < document.text.size() && document.text[line_end] == '\r';
  const std::string pragma = document.text.substr(line_start, indent_end - line_start) +
                             "# dockvet ignore=" + finding.code + (crlf ? "\r\n" : "\n");
  std::string with_pragma = document.text;
  with_pragma.insert(line_start, pragma);
  const auto after = lint_text(document, std::move(with_pragma));
  const bool silenced = std::none_of(after.begin(), after.end(), [&](const Diagnostic& other) {
    return other.code == finding.code && other.message == finding.message &&
           other.start.line == finding.start.line + 1;
  });
  if (!silenced || !adds_no_finding(document.findings, after, line)) return std::nullopt;
  return text_edit({line, 0}, {line, 0}, pragma);
}

json Server::code_actions(const json& params) {
  json actions = json::array();
  Document* document = find_document(params);
  if (!document) return actions;
  if (const json only = find_path(params, {"context", "only"}); only.is_array()) {
    const bool wants_quickfix = std::any_of(only.begin(), only.end(), [](const json& kind) {
      return kind == "quickfix" || kind == "";
    });
    if (!wants_quickfix) return actions;
  }
  if (document->dirty) {
    lint(*document);
    publish(*document);
  }
  const TextPosition first = position_from_json(params.at("range").at("start"));
  const TextPosition last = position_from_json(params.at("range").at("end"));
  const LineIndex lines(document->text);
  std::size_t pragma_actions = 0;
  for (const Diagnostic& finding : document->findings) {
    if (end_of(finding) < first || last < start_of(finding)) continue;
    const json diagnostic = to_json(finding);
    if (const auto fix = offered_fix(finding)) {
      json edits = json::array();
      for (const FixEdit& edit : fix->edits) {
        edits.push_back(text_edit(position_of(lines, edit.range.begin),
                                  position_of(lines, edit.range.end), edit.replacement));
      }
      const std::string title = fix->title.empty() ? "Fix " + finding.code : fix->title;
      actions.push_back({{"title", finding.code + ": " + title},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"isPreferred", fix->safe},
                         {"edit", {{"changes", {{document->uri, std::move(edits)}}}}}});
    }
    if (pragma_actions == kMostPragmaActions) continue;
    ++pragma_actions;
    if (auto pragma = ignore_pragma_edit(*document, finding)) {
      actions.push_back({{"title", "Disable " + finding.code + " for this line"},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"edit", {{"changes", {{document->uri, {std::move(*pragma)}}}}}}});
    }
  }
  return actions;
}

}  // namespace

int serve(ByteSource& input, ByteSink& output, const ServerOptions& options) {
  Server server(input, output, options);
  return server.run();
}

}  // namespace dockvet::lsp
