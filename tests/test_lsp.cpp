// The language server (`dockvet lsp`, src/lsp/): its frame reader, its UTF-16 positions, and
// whole editor sessions with real JSON-RPC frames, both against the dockvet binary through pipes
// and in-process through the same byte-stream interface.

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>

#include "lsp/protocol.h"
#include "lsp/server.h"
#include "lsp/text.h"

namespace fs = std::filesystem;
using dockvet::lsp::Frame;
using dockvet::lsp::FrameReader;
using dockvet::lsp::MemorySource;
using dockvet::lsp::TextPosition;
using nlohmann::json;

namespace {

// A descriptor read with a deadline, so that a server that stops answering fails the test
// instead of hanging it: a read that waits longer than this reports the end of input.
class TimedSource final : public dockvet::lsp::ByteSource {
 public:
  explicit TimedSource(int fd) : fd_(fd) {}
  std::size_t read_some(char* buffer, std::size_t size) override {
    pollfd descriptor{fd_, POLLIN, 0};
    if (::poll(&descriptor, 1, 20000) <= 0) return 0;
    const ssize_t got = ::read(fd_, buffer, size);
    return got > 0 ? static_cast<std::size_t>(got) : 0;
  }
  bool ready() override { return false; }

 private:
  int fd_;
};

// A folder with a `.git`, so that no configuration above it applies.
struct Workspace {
  fs::path root;
  Workspace() {
    root = fs::temp_directory_path() / ("dockvet-lsp-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root / ".git");
  }
  ~Workspace() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root / name, std::ios::binary) << text;
  }
  std::string uri(const std::string& name) const {
    return dockvet::lsp::uri_from_path((root / name).string());
  }
};

// The client's end of a session: frames out to the server, frames back from it.
class Client {
 public:
  // Runs `dockvet lsp` as a child process on two pipes.
  static Client spawn_binary() {
    int to_server[2];
    int from_server[2];
    REQUIRE(::pipe(to_server) == 0);
    REQUIRE(::pipe(from_server) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::dup2(to_server[0], STDIN_FILENO);
      ::dup2(from_server[1], STDOUT_FILENO);
      for (const int fd : {to_server[0], to_server[1], from_server[0], from_server[1]}) ::close(fd);
      ::execl(DOCKVET_BINARY, DOCKVET_BINARY, "lsp", "--stdio", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_server[0]);
    ::close(from_server[1]);
    Client client(to_server[1], from_server[0]);
    client.child_ = child;
    return client;
  }

  // Runs dockvet::lsp::serve on a thread of this process, on two pipes.
  static Client in_process() {
    // A server thread writing to a pipe the test has closed must get EPIPE, not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    int to_server[2];
    int from_server[2];
    REQUIRE(::pipe(to_server) == 0);
    REQUIRE(::pipe(from_server) == 0);
    Client client(to_server[1], from_server[0]);
    client.thread_ = std::make_unique<std::thread>(
        [in = to_server[0], out = from_server[1], code = client.thread_exit_code_] {
          dockvet::lsp::FdSource source(in);
          dockvet::lsp::FdSink sink(out);
          *code = dockvet::lsp::serve(source, sink, {std::nullopt, "test"});
          ::close(in);
          ::close(out);
        });
    return client;
  }

  Client(Client&& other) noexcept
      : to_server_(std::exchange(other.to_server_, -1)),
        from_server_(std::exchange(other.from_server_, -1)),
        child_(std::exchange(other.child_, -1)),
        source_(std::move(other.source_)),
        reader_(std::move(other.reader_)),
        thread_(std::move(other.thread_)),
        thread_exit_code_(std::move(other.thread_exit_code_)) {}
  Client& operator=(Client&&) = delete;
  ~Client() {
    // After a failed check the server may still be talking: closing both ends lets it finish.
    if (to_server_ >= 0) ::close(to_server_);
    if (from_server_ >= 0) ::close(from_server_);
    from_server_ = -1;
    if (thread_ && thread_->joinable()) thread_->join();
    if (child_ > 0) ::waitpid(child_, nullptr, 0);
    if (from_server_ >= 0) ::close(from_server_);
  }

  void send_raw(const std::string& bytes) const {
    REQUIRE(::write(to_server_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  }
  void send(const json& message) const { send_raw(dockvet::lsp::frame(message)); }
  void request(int id, const std::string& method, const json& params) const {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  }
  void notify(const std::string& method, const json& params) const {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }

  // The next message from the server; a null json when it ended or went silent.
  json receive() {
    const Frame frame = reader_->next();
    if (frame.status != Frame::Status::message) return nullptr;
    return json::parse(frame.body);
  }
  // The next message, which must be the answer to request `id`.
  json response(int id) {
    const json message = receive();
    INFO(message.dump());
    REQUIRE(message.is_object());
    REQUIRE(message.value("id", json()) == id);
    return message;
  }
  // The next message, which must be a notification or request of `method`.
  json expect(const std::string& method) {
    const json message = receive();
    INFO(message.dump());
    REQUIRE(message.is_object());
    REQUIRE(message.value("method", "") == method);
    return message;
  }

  // Closes the server's input and returns its exit code.
  int finish() {
    ::close(to_server_);
    to_server_ = -1;
    CHECK(receive().is_null());  // nothing more was said
    if (thread_) {
      thread_->join();
      return *thread_exit_code_;
    }
    int status = 0;
    REQUIRE(::waitpid(child_, &status, 0) == child_);
    child_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  Client(int to_server, int from_server)
      : to_server_(to_server),
        from_server_(from_server),
        source_(std::make_unique<TimedSource>(from_server)),
        reader_(std::make_unique<FrameReader>(*source_)) {}

  int to_server_ = -1;
  int from_server_ = -1;
  pid_t child_ = -1;
  std::unique_ptr<TimedSource> source_;
  std::unique_ptr<FrameReader> reader_;
  std::unique_ptr<std::thread> thread_;
  std::shared_ptr<int> thread_exit_code_ = std::make_shared<int>(-1);
};

json initialize_params(const Workspace& workspace) {
  return {{"processId", nullptr},
          {"rootUri", dockvet::lsp::uri_from_path(workspace.root.string())},
          {"capabilities",
           {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}};
}

json range(std::uint32_t line, std::uint32_t character, std::uint32_t end_line,
           std::uint32_t end_character) {
  return {{"start", {{"line", line}, {"character", character}}},
          {"end", {{"line", end_line}, {"character", end_character}}}};
}

// The findings of a publishDiagnostics with `code`.
std::vector<json> with_code(const json& published, const std::string& code) {
  std::vector<json> found;
  for (const json& diagnostic : published["params"]["diagnostics"]) {
    if (diagnostic["code"] == code) found.push_back(diagnostic);
  }
  return found;
}

// `text` with LSP text edits applied, as an editor applies a code action's edit.
std::string apply_edits(std::string text, const json& edits) {
  // Later edits first, so earlier offsets stay valid.
  std::vector<json> ordered(edits.begin(), edits.end());
  std::sort(ordered.begin(), ordered.end(), [](const json& a, const json& b) {
    return std::make_pair(a["range"]["start"]["line"], a["range"]["start"]["character"]) >
           std::make_pair(b["range"]["start"]["line"], b["range"]["start"]["character"]);
  });
  for (const json& edit : ordered) {
    const json& at = edit["range"];
    dockvet::lsp::apply_edit(text, {at["start"]["line"], at["start"]["character"]},
                             {at["end"]["line"], at["end"]["character"]},
                             edit["newText"].get<std::string>());
  }
  return text;
}

}  // namespace

TEST_CASE("LSP positions count UTF-16 code units, whatever the bytes", "[lsp]") {
  // "é" is 2 bytes and 1 unit, "☕" 3 bytes and 1 unit, "😀" 4 bytes and 2 units.
  const std::string text = "ab\né☕😀x\r\nlast";
  using dockvet::lsp::offset_of;
  CHECK(offset_of(text, {0, 0}) == 0);
  CHECK(offset_of(text, {0, 2}) == 2);
  CHECK(offset_of(text, {0, 99}) == 2);  // past the end of the line: the line's end
  CHECK(offset_of(text, {1, 0}) == 3);
  CHECK(offset_of(text, {1, 1}) == 5);   // after é
  CHECK(offset_of(text, {1, 2}) == 8);   // after ☕
  CHECK(offset_of(text, {1, 3}) == 8);   // inside 😀's surrogate pair: its start
  CHECK(offset_of(text, {1, 4}) == 12);  // after 😀
  CHECK(offset_of(text, {1, 5}) == 13);  // after x
  CHECK(offset_of(text, {1, 6}) == 13);  // the "\r\n" is the line break, not a column
  CHECK(offset_of(text, {2, 4}) == text.size());
  CHECK(offset_of(text, {7, 0}) == text.size());  // past the last line

  // Every offset that starts a character maps back through LineIndex to itself.
  const dockvet::LineIndex lines(text);
  for (const std::size_t offset : {0u, 2u, 3u, 5u, 8u, 12u, 13u, 16u}) {
    INFO("offset " << offset);
    CHECK(offset_of(text, dockvet::lsp::position_of(lines, offset)) == offset);
  }
  // Invalid UTF-8 counts one unit a byte, as in reports.
  CHECK(offset_of("\xff\xfe"
                  "a",
                  {0, 2}) == 2);
}

TEST_CASE("incremental edits land on the UTF-16 positions the editor meant", "[lsp]") {
  std::string text = "LABEL note=\"café 😀 ok\"\nRUN true\n";
  // Replace "😀" (units 17-19 of line 0) by "smile".
  dockvet::lsp::apply_edit(text, {0, 17}, {0, 19}, "smile");
  CHECK(text == "LABEL note=\"café smile ok\"\nRUN true\n");
  // Insert across a line break, and delete a whole line.
  dockvet::lsp::apply_edit(text, {0, 26}, {1, 3}, "\nCMD");
  CHECK(text == "LABEL note=\"café smile ok\"\nCMD true\n");
  dockvet::lsp::apply_edit(text, {1, 0}, {2, 0}, "");
  CHECK(text == "LABEL note=\"café smile ok\"\n");
}

TEST_CASE("file URIs decode to paths and back", "[lsp]") {
  CHECK(dockvet::lsp::path_from_uri("file:///home/me/My%20App/Dockerfile") ==
        "/home/me/My App/Dockerfile");
  CHECK(dockvet::lsp::path_from_uri("file://localhost/srv/Dockerfile") == "/srv/Dockerfile");
  CHECK(!dockvet::lsp::path_from_uri("untitled:Untitled-1"));
  CHECK(!dockvet::lsp::path_from_uri("file://server/share/x"));
  CHECK(dockvet::lsp::uri_from_path("/a b/é") == "file:///a%20b/%C3%A9");
  CHECK(dockvet::lsp::path_from_uri(dockvet::lsp::uri_from_path("/a b/é#1")) == "/a b/é#1");
}

TEST_CASE("the frame reader splits frames, reports bad headers and finds the next frame", "[lsp]") {
  const std::string stream =
      "Content-Length: 2\r\n\r\n{}"
      "content-length:3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]"
      "X-Nothing: 1\r\n\r\n"                 // no Content-Length
      "Content-Length: 2\r\n\r\n{}"          // found again after the bad block
      "Content-Length: twelve\r\n\r\n"       // not a number
      "Content-Length: 99999999999\r\n\r\n"  // over the limit
      "Content-Length: 4\r\n\r\nnull"
      "Content-Length: 10\r\n\r\ncut";  // the input ends inside the body
  MemorySource source(stream);
  FrameReader reader(source);
  std::vector<std::string> seen;
  for (;;) {
    const Frame frame = reader.next();
    if (frame.status == Frame::Status::end) break;
    seen.push_back(frame.status == Frame::Status::message ? frame.body : "!" + frame.error);
  }
  CHECK(seen == std::vector<std::string>{"{}", "[1]", "!a header block without Content-Length",
                                         "{}", "!Content-Length is not a number",
                                         "!Content-Length exceeds the 64 MiB limit", "null"});

  // Eight kilobytes of junk without a header end is refused, not buffered forever.
  const std::string junk = std::string(20000, 'x') + "Content-Length: 2\r\n\r\n{}";
  MemorySource junk_source(junk);
  FrameReader junk_reader(junk_source);
  CHECK(junk_reader.next().status == Frame::Status::malformed);
  Frame after = junk_reader.next();
  while (after.status == Frame::Status::malformed) after = junk_reader.next();
  CHECK(after.status == Frame::Status::message);
  CHECK(after.body == "{}");
}

TEST_CASE("an editor session: diagnostics as the user types, a fix, a pragma, bad frames",
          "[lsp]") {
  Workspace workspace;
  Client client = Client::spawn_binary();
  const std::string uri = workspace.uri("Dockerfile");

  client.request(1, "initialize", initialize_params(workspace));
  const json initialized = client.response(1);
  CHECK(initialized["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  CHECK(initialized["result"]["capabilities"]["codeActionProvider"].is_object());
  CHECK(initialized["result"]["serverInfo"]["name"] == "dockvet");
  client.notify("initialized", json::object());
  // The client said it can watch files: the server asks to hear of config changes.
  const json registration = client.expect("client/registerCapability");
  CHECK(registration["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
  client.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});

  // Line 1 has non-ASCII text before the finding, so its column is in UTF-16 units.
  const std::string text =
      "FROM alpine:3.19\n"
      "RUN echo \"café ☕😀\" && apk add curl=8.5.0-r0\n"
      "ADD app.py /app/\n";
  client.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "dockerfile"}, {"version", 1}, {"text", text}}}});
  json published = client.expect("textDocument/publishDiagnostics");
  CHECK(published["params"]["uri"] == uri);
  CHECK(published["params"]["version"] == 1);
  const auto add = with_code(published, "DL3020");
  REQUIRE(add.size() == 1);
  CHECK(add[0]["range"] == range(2, 0, 2, 3));  // the ADD keyword
  CHECK(add[0]["source"] == "dockvet");
  const auto cache = with_code(published, "DL3019");
  REQUIRE(cache.size() == 1);
  // "RUN echo \"café ☕😀\" && " is 23 UTF-16 units and 28 bytes.
  CHECK(cache[0]["range"] == range(1, 23, 1, 30));

  // The code actions on the ADD line: the fix, and the pragma that silences it.
  client.request(2, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}},
                  {"range", range(2, 1, 2, 1)},
                  {"context", {{"diagnostics", json::array()}}}});
  const json actions = client.response(2)["result"];
  REQUIRE(actions.is_array());
  json fix;
  json pragma;
  for (const json& action : actions) {
    CHECK(action["kind"] == "quickfix");
    CHECK(action["diagnostics"][0]["code"] == "DL3020");
    if (action.value("isPreferred", false)) fix = action;
    if (action["title"] == "Disable DL3020 for this line") pragma = action;
  }
  REQUIRE(fix.is_object());
  REQUIRE(pragma.is_object());
  CHECK(apply_edits(text, fix["edit"]["changes"][uri]) ==
        "FROM alpine:3.19\nRUN echo \"café ☕😀\" && apk add curl=8.5.0-r0\nCOPY app.py /app/\n");
  CHECK(apply_edits(text, pragma["edit"]["changes"][uri]) ==
        "FROM alpine:3.19\nRUN echo \"café ☕😀\" && apk add curl=8.5.0-r0\n"
        "# dockvet ignore=DL3020\nADD app.py /app/\n");

  // The editor applies the fix as one incremental change: the next diagnostics lack it.
  const json& fix_edit = fix["edit"]["changes"][uri][0];
  client.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges", {{{"range", fix_edit["range"]}, {"text", fix_edit["newText"]}}}}});
  published = client.expect("textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 2);
  CHECK(with_code(published, "DL3020").empty());
  CHECK(with_code(published, "DL3019").size() == 1);

  // An edit after the non-ASCII text, positioned in UTF-16 units: "apk add" becomes
  // "apk add --no-cache", which clears DL3019 only if the insertion lands right.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", {{{"range", range(1, 30, 1, 30)}, {"text", " --no-cache"}}}}});
  published = client.expect("textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 3);
  CHECK(published["params"]["diagnostics"] == json::array());

  // Broken input gets an error and the session goes on.
  client.send_raw("Content-Length: 8\r\n\r\n{broken}");
  json error = client.receive();
  CHECK(error["error"]["code"] == -32700);
  CHECK(error["id"].is_null());
  client.send_raw("Content-Lenght: 2\r\n\r\n{}");
  error = client.receive();
  CHECK(error["error"]["code"] == -32700);
  client.send_raw("Content-Length: 2\r\n\r\n[]");
  CHECK(client.receive()["error"]["code"] == -32600);
  client.request(3, "textDocument/hover", {{"textDocument", {{"uri", uri}}}});
  CHECK(client.response(3)["error"]["code"] == -32601);
  client.request(4, "textDocument/codeAction", {{"textDocument", 7}});
  CHECK(client.response(4)["error"]["code"] == -32602);
  client.notify("$/cancelRequest", {{"id", 2}});
  client.notify("workspace/somethingNew", json::object());

  // Still alive: a change brings a finding back.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 4}}},
                 {"contentChanges", {{{"range", range(2, 0, 2, 4)}, {"text", "ADD"}}}}});
  published = client.expect("textDocument/publishDiagnostics");
  CHECK(with_code(published, "DL3020").size() == 1);

  client.request(5, "shutdown", nullptr);
  CHECK(client.response(5)["result"].is_null());
  client.request(6, "textDocument/codeAction", {{"textDocument", {{"uri", uri}}}});
  CHECK(client.response(6)["error"]["code"] == -32600);  // after shutdown
  client.notify("exit", nullptr);
  CHECK(client.finish() == 0);
}

TEST_CASE("the server exits 1 on exit without shutdown and when its input ends", "[lsp]") {
  {
    Client client = Client::spawn_binary();
    client.request(1, "textDocument/codeAction", json::object());
    CHECK(client.response(1)["error"]["code"] == -32002);  // not initialized
    client.notify("exit", nullptr);
    CHECK(client.finish() == 1);
  }
  {
    Client client = Client::in_process();
    Workspace workspace;
    client.request(1, "initialize", initialize_params(workspace));
    client.response(1);
    client.send_raw("Content-Length: 50\r\n\r\n{\"jsonrpc\":");  // cut off by the end of input
    CHECK(client.finish() == 1);
  }
  {
    Client client = Client::in_process();
    Workspace workspace;
    client.request(1, "initialize", initialize_params(workspace));
    client.response(1);
    client.request(2, "shutdown", nullptr);
    client.response(2);
    CHECK(client.finish() == 0);  // the input closed after shutdown
  }
}

TEST_CASE("a changed configuration file is read again and the open documents relinted", "[lsp]") {
  Workspace workspace;
  Client client = Client::in_process();
  client.request(1, "initialize", initialize_params(workspace));
  client.response(1);
  const std::string uri = workspace.uri("Dockerfile");
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", uri},
                                           {"languageId", "dockerfile"},
                                           {"version", 1},
                                           {"text", "FROM alpine:3.19\nADD app.py /app/\n"}}}});
  CHECK(with_code(client.expect("textDocument/publishDiagnostics"), "DL3020").size() == 1);

  workspace.write(".dockvet.yaml", "ignore: [DL3020]\n");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", workspace.uri(".dockvet.yaml")}, {"type", 1}}}}});
  CHECK(with_code(client.expect("textDocument/publishDiagnostics"), "DL3020").empty());

  // A broken file is shown to the user, and linting goes on with the defaults.
  workspace.write(".dockvet.yaml", "ignroe: [DL3020]\n");
  client.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  const json shown = client.expect("window/showMessage");
  CHECK(shown["params"]["message"].get<std::string>().find("ignroe") != std::string::npos);
  CHECK(with_code(client.expect("textDocument/publishDiagnostics"), "DL3020").size() == 1);

  // Closing a document clears its diagnostics.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  CHECK(client.expect("textDocument/publishDiagnostics")["params"]["diagnostics"] == json::array());
  client.request(2, "shutdown", nullptr);
  client.response(2);
  client.notify("exit", nullptr);
  CHECK(client.finish() == 0);
}

TEST_CASE("the document kind comes from the file name, else from the language id", "[lsp]") {
  Workspace workspace;
  Client client = Client::in_process();
  client.request(1, "initialize", initialize_params(workspace));
  client.response(1);
  // A name that says nothing, a languageId that does.
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", "untitled:Untitled-1"},
                                           {"languageId", "shellscript"},
                                           {"version", 1},
                                           {"text", "docker run -d postgres:16\n"}}}});
  const json published = client.expect("textDocument/publishDiagnostics");
  CHECK(!with_code(published, "DV102").empty());
  // Plain text is not linted at all.
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", workspace.uri("notes.txt")},
                                           {"languageId", "plaintext"},
                                           {"version", 1},
                                           {"text", "docker run -d postgres:16\n"}}}});
  CHECK(client.expect("textDocument/publishDiagnostics")["params"]["diagnostics"] == json::array());
  client.request(2, "shutdown", nullptr);
  client.response(2);
  client.notify("exit", nullptr);
  CHECK(client.finish() == 0);
}

TEST_CASE(
    "the disable action silences a finding in compose, Kubernetes and Markdown files and in "
    "a continued shell command",
    "[lsp]") {
  Workspace workspace;
  Client client = Client::in_process();
  client.request(1, "initialize", initialize_params(workspace));
  client.response(1);
  struct Case {
    std::string name;
    std::string language;
    std::string text;
    bool offered;
  };
  const std::vector<Case> cases = {
      {"compose.yaml", "dockercompose", "services:\n  db:\n    image: postgres:16\n", true},
      {"pod.yaml", "yaml",
       "apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n    - name: db\n"
       "      image: postgres:16\n      volumeMounts:\n        - name: data\n"
       "          mountPath: /var/lib/postgresql/data\n  volumes:\n    - name: data\n"
       "      emptyDir: {}\n",
       true},
      {"README.md", "markdown", "# Run it\n\n```sh\ndocker run -d postgres:16\n```\n", true},
      {"Dockerfile", "dockerfile",
       "FROM alpine:3.19\r\nRUN apk add --no-cache curl=8.5.0-r0 \\\r\n    "
       "postgresql16=16.3-r0\r\n",
       true},
      // A pragma above `docker run \` covers the image on a later line of the command.
      {"run.sh", "shellscript", "#!/bin/sh\ndocker run -d \\\n  --name db \\\n  postgres:16\n",
       true},
  };
  int id = 10;
  for (const Case& test : cases) {
    INFO(test.name);
    const std::string uri = workspace.uri(test.name);
    client.notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", uri}, {"languageId", test.language}, {"version", 1}, {"text", test.text}}}});
    const json published = client.expect("textDocument/publishDiagnostics");
    REQUIRE(!published["params"]["diagnostics"].empty());
    const json finding = published["params"]["diagnostics"].back();
    const std::string code = finding["code"];
    client.request(++id, "textDocument/codeAction",
                   {{"textDocument", {{"uri", uri}}},
                    {"range", finding["range"]},
                    {"context", {{"diagnostics", {finding}}}}});
    json disable;
    const json actions = client.response(id)["result"];
    for (const json& action : actions) {
      if (action["title"] == "Disable " + code + " for this line") disable = action;
    }
    CHECK(disable.is_object() == test.offered);
    if (!disable.is_object()) continue;
    const std::string fixed = apply_edits(test.text, disable["edit"]["changes"][uri]);
    CHECK(fixed.find("# dockvet ignore=" + code) != std::string::npos);
    // The editor sends the whole new text; the finding is gone and nothing else changed.
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                             {"contentChanges", {{{"text", fixed}}}}});
    const json after = client.expect("textDocument/publishDiagnostics");
    CHECK(with_code(after, code).size() < with_code(published, code).size());
    CHECK(after["params"]["diagnostics"].size() < published["params"]["diagnostics"].size());
  }
  client.request(2, "shutdown", nullptr);
  client.response(2);
  client.notify("exit", nullptr);
  CHECK(client.finish() == 0);
}
