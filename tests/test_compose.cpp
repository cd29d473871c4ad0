// The compose front end: interpolation, .env files, anchors and merge keys, extends, short and
// long volume syntax, and where each modelled word points in the file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "compose/compose.h"
#include "yaml/nodes.h"

namespace {

using dockvet::FileKind;
using dockvet::SourceFile;
using dockvet::compose::Environment;
using dockvet::compose::interpolate;
using dockvet::docker::MountKind;

/// The interpolated text with unknown variables in angle brackets.
std::string shown(std::string_view text, const Environment& environment = {}) {
  std::string out;
  for (const auto& piece : interpolate(text, environment)) {
    out += piece.literal ? piece.text : "<" + piece.text + ">";
  }
  return out;
}

struct Read {
  explicit Read(std::string yaml) : file("compose.yaml", FileKind::compose, std::move(yaml)) {}
  SourceFile file;
  dockvet::compose::Project project;
  std::vector<dockvet::FrontEndIssue> issues;
};

std::unique_ptr<Read> read(std::string yaml, const Environment& environment = {}) {
  auto result = std::make_unique<Read>(std::move(yaml));
  result->project = dockvet::compose::read_compose(result->file, environment, result->issues, "");
  return result;
}

std::string slice(const Read& read, dockvet::ByteRange range) {
  return std::string(read.file.slice(range));
}

}  // namespace

TEST_CASE("compose interpolation follows the Compose Specification", "[compose]") {
  const Environment env{{"TAG", "16"}, {"EMPTY", ""}};
  CHECK(shown("postgres:${TAG}", env) == "postgres:16");
  CHECK(shown("postgres:$TAG", env) == "postgres:16");
  CHECK(shown("postgres:${MISSING}", env) == "postgres:<${MISSING}>");
  CHECK(shown("postgres:${MISSING:-17}", env) == "postgres:17");
  CHECK(shown("postgres:${EMPTY:-17}", env) == "postgres:17");
  CHECK(shown("postgres:${EMPTY-17}", env) == "postgres:");
  CHECK(shown("${TAG:+set}-${MISSING:+set}", env) == "set-");
  CHECK(shown("${MISSING:?give a tag}", env) == "<${MISSING:?give a tag}>");
  CHECK(shown("${MISSING:-${TAG}}", env) == "16");
  CHECK(shown("cost: $$5", env) == "cost: $5");
  CHECK(shown("a $ b", env) == "a $ b");
  CHECK(shown("${unclosed", env) == "${unclosed");
}

TEST_CASE(".env files: comments, export, quotes", "[compose]") {
  const auto env = dockvet::compose::parse_env_file(
      "# versions\nexport PG=17\nDATA = ./data # here\nQUOTED=\"a b\\n\"\nSINGLE='x y'\nbad "
      "line\n");
  CHECK(env.at("PG") == "17");
  CHECK(env.at("DATA") == "./data");
  CHECK(env.at("QUOTED") == "a b\n");
  CHECK(env.at("SINGLE") == "x y");
  CHECK(env.size() == 4);
}

TEST_CASE("a compose service becomes the docker run it amounts to", "[compose]") {
  const auto r = read(
      "services:\n"
      "  db:\n"
      "    image: \"postgres:${PG:-17}\"\n"
      "    hostname: db\n"
      "    environment:\n"
      "      PGDATA: /var/lib/postgresql/data/pg\n"
      "      FROM_HOST:\n"
      "    command: postgres -c 'max_connections=200'\n"
      "    volumes:\n"
      "      - pgdata:/var/lib/postgresql/data\n"
      "      - ./init:/docker-entrypoint-initdb.d:ro\n"
      "      - /tmp/scratch\n"
      "      - type: tmpfs\n"
      "        target: /run\n"
      "      - type: volume\n"
      "        target: /anonymous\n"
      "    tmpfs: [/cache]\n"
      "    deploy:\n"
      "      replicas: 3\n"
      "  web:\n"
      "    image: nginx\n"
      "  only-config:\n"
      "    environment: [A=1]\n"
      "volumes:\n"
      "  pgdata:\n");
  REQUIRE(r->issues.empty());
  REQUIRE(r->project.services.size() == 2);
  CHECK(r->project.service_names == std::vector<std::string>{"db", "web"});
  const auto& db = r->project.services[0];
  CHECK(db.origin == dockvet::docker::Origin::compose);
  CHECK(db.image->text() == "postgres:17");
  CHECK(slice(*r, db.image->range) == "\"postgres:${PG:-17}\"");
  CHECK(db.hostname->text() == "db");
  REQUIRE(db.env.size() == 2);
  CHECK(db.env[0].name == "PGDATA");
  CHECK(db.env[0].value->text() == "/var/lib/postgresql/data/pg");
  CHECK(db.env[1].from_host);
  REQUIRE(db.command.size() == 3);
  CHECK(db.command[2].text() == "max_connections=200");
  REQUIRE(db.mounts.size() == 6);
  CHECK(db.mounts[0].kind == MountKind::named_volume);
  CHECK(slice(*r, db.mounts[0].target->range) == "/var/lib/postgresql/data");
  CHECK(db.mounts[1].kind == MountKind::bind);
  CHECK(db.mounts[2].kind == MountKind::anonymous_volume);
  CHECK(db.mounts[3].kind == MountKind::tmpfs);
  CHECK(db.mounts[4].kind == MountKind::anonymous_volume);
  CHECK(db.mounts[4].target_path == "/anonymous");
  CHECK(db.mounts[5].kind == MountKind::tmpfs);
  CHECK(db.replicas->text() == "3");
  CHECK(r->project.service_lines[0] == std::pair<std::uint32_t, std::uint32_t>{2, 19});
}

TEST_CASE("anchors, merge keys and extends", "[compose]") {
  const auto r = read(
      "x-db: &db\n"
      "  image: mariadb:11\n"
      "  volumes:\n"
      "    - db:/var/lib/mysql\n"
      "services:\n"
      "  primary:\n"
      "    <<: *db\n"
      "    hostname: primary\n"
      "  replica:\n"
      "    extends: primary\n"
      "    volumes:\n"
      "      - /backups\n"
      "  other:\n"
      "    extends:\n"
      "      file: common.yml\n"
      "      service: base\n"
      "    image: redis\n");
  REQUIRE(r->project.services.size() == 3);
  const auto& primary = r->project.services[0];
  CHECK(primary.image->text() == "mariadb:11");
  // Written under the anchor, the image is reported at the service that uses it.
  CHECK(slice(*r, primary.image->range) == "primary");
  REQUIRE(primary.mounts.size() == 1);
  const auto& replica = r->project.services[1];
  CHECK(replica.image->text() == "mariadb:11");
  CHECK(replica.hostname->text() == "primary");
  CHECK(replica.mounts.size() == 2);            // its own list, then the base's
  CHECK(r->project.services[2].unknown_flags);  // extends another file: not all of it is seen

  // An extending service's volume replaces the base's at the same target.
  const auto same_target = read(
      "services:\n"
      "  base:\n"
      "    image: mongo:8\n"
      "    volumes: [data:/data/db]\n"
      "  scratch:\n"
      "    extends: {service: base}\n"
      "    volumes: [/data/db]\n");
  REQUIRE(same_target->project.services.size() == 2);
  REQUIRE(same_target->project.services[1].mounts.size() == 1);
  CHECK(same_target->project.services[1].mounts[0].kind == MountKind::anonymous_volume);
  CHECK(same_target->project.services[0].mounts[0].kind == MountKind::named_volume);
}

TEST_CASE("labels and deploy labels are what a load balancer reads", "[compose]") {
  const auto r = read(
      "services:\n"
      "  cloud:\n"
      "    image: nextcloud:31\n"
      "    labels:\n"
      "      - traefik.enable=true\n"
      "      - traefik.http.services.cloud.loadbalancer.sticky.cookie=${STICKY:-true}\n"
      "      - bare\n"
      "    deploy:\n"
      "      labels: {com.example.team: web, traefik.http.routers.cloud.rule: \"Host(`x`)\"}\n");
  REQUIRE(r->project.services.size() == 1);
  std::vector<std::string> labels;
  for (const auto& label : r->project.services[0].routing) {
    labels.push_back(label.where + ": " + label.key + "=" + label.value);
  }
  CHECK(labels == std::vector<std::string>{
                      "labels: traefik.enable=true",
                      "labels: traefik.http.services.cloud.loadbalancer.sticky.cookie=true",
                      "labels: bare=",
                      "deploy.labels: com.example.team=web",
                      "deploy.labels: traefik.http.routers.cloud.rule=Host(`x`)",
                  });
}

TEST_CASE("deploy.mode global runs one replica on every node a placement allows", "[compose]") {
  const auto r = read(
      "x-deploy: &global {mode: global}\n"
      "services:\n"
      "  agent: {image: redis:7, deploy: {mode: global}}\n"
      "  anchored: {image: redis:7, deploy: *global}\n"
      "  counted: {image: redis:7, deploy: {mode: global, replicas: 2}}\n"
      "  pinned:\n"
      "    image: redis:7\n"
      "    deploy:\n"
      "      mode: global\n"
      "      placement: {constraints: [node.role==worker, \"node.hostname == db-1\"]}\n"
      "  labelled:\n"
      "    image: redis:7\n"
      "    deploy: {mode: global, placement: {constraints: [node.labels.db == true]}}\n"
      "  job: {image: redis:7, deploy: {mode: global-job}}\n"
      "  chosen: {image: redis:7, deploy: {mode: \"${MODE:-global}\"}}\n"
      "  unknown: {image: redis:7, deploy: {mode: \"${MODE}\"}}\n");
  REQUIRE(r->project.services.size() == 8);
  std::vector<std::string> per_node;
  for (std::size_t i = 0; i < r->project.services.size(); ++i) {
    const auto& service = r->project.services[i];
    if (!service.one_per_node()) continue;
    per_node.push_back(r->project.service_names[i] + " @ " + slice(*r, *service.every_node));
  }
  // A written count wins over the mode; a constraint on one node's name leaves one task; a
  // label may match any number of nodes.
  CHECK(per_node == std::vector<std::string>{"agent @ global", "anchored @ global",
                                             "labelled @ global", "chosen @ \"${MODE:-global}\""});
}

TEST_CASE("what is not a compose file gives nothing, and broken YAML one issue", "[compose]") {
  CHECK(read("just: a map\n")->project.services.empty());
  CHECK(read("- a\n- list\n")->project.services.empty());
  CHECK(read("")->project.services.empty());
  const auto broken = read("services:\n  db:\n    image: [postgres\n");
  REQUIRE(broken->issues.size() == 1);
  CHECK(broken->issues[0].code == dockvet::yaml::invalid_yaml_code);
  CHECK(broken->project.services.empty());
  // yaml-cpp refuses deep nesting with only "bad file"; the message says what it is.
  const auto deep =
      read("services:\n  db: " + std::string(600, '[') + std::string(600, ']') + "\n");
  REQUIRE(deep->issues.size() == 1);
  CHECK(deep->issues[0].message.find("nests deeper than the YAML parser follows") !=
        std::string::npos);
}

namespace {

namespace fs = std::filesystem;

/// A folder of compose files for one test, removed afterwards.
struct Folder {
  explicit Folder(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
  fs::path path;
};

std::unique_ptr<Read> read_in(const Folder& folder, std::string yaml,
                              const Environment& environment = {}) {
  auto result = std::make_unique<Read>(std::move(yaml));
  result->file.path = (folder.path / "compose.yaml").string();
  result->project = dockvet::compose::read_compose(result->file, environment, result->issues,
                                                   folder.path.string());
  return result;
}

std::vector<std::string> messages(const Read& read) {
  std::vector<std::string> out;
  for (const auto& issue : read.issues) {
    out.push_back(std::string(issue.code) + " at `" + slice(read, issue.range) +
                  "`: " + issue.message);
  }
  return out;
}

}  // namespace

TEST_CASE("extends takes a service from another file, merged by the spec's rules", "[compose]") {
  const Folder folder("dockvet-test-compose-extends");
  folder.write("common/services.yml",
               "services:\n"
               "  db:\n"
               "    image: ${DB_IMAGE:-postgres:17}\n"
               "    environment: {POSTGRES_DB: app, PGDATA: /var/lib/postgresql/data/pg}\n"
               "    labels: [tier=data]\n"
               "    volumes:\n"
               "      - ./pg:/var/lib/postgresql/data\n"
               "      - /var/log/postgresql\n"
               "    deploy: {replicas: 2}\n"
               "  tuned:\n"
               "    extends: db\n"
               "    command: [postgres, -c, shared_buffers=1GB]\n");
  const auto r = read_in(folder,
                         "services:\n"
                         "  main:\n"
                         "    extends:\n"
                         "      file: common/services.yml\n"
                         "      service: tuned\n"
                         "    environment:\n"
                         "      POSTGRES_DB: main\n"
                         "    volumes:\n"
                         "      - pgdata:/var/lib/postgresql/data\n"
                         "volumes:\n"
                         "  pgdata:\n",
                         {{"DB_IMAGE", "postgres:16"}});
  INFO(messages(*r).size());
  CHECK(r->issues.empty());
  REQUIRE(r->project.services.size() == 1);
  const auto& main = r->project.services[0];
  CHECK_FALSE(main.unknown_flags);
  // Interpolated with the project's variables; reported at the service's own name.
  CHECK(main.image->text() == "postgres:16");
  CHECK(slice(*r, main.image->range) == "main");
  // Mappings merge key by key, the extending service winning; sequences by the volume target.
  REQUIRE(main.find_env("POSTGRES_DB"));
  CHECK(main.find_env("POSTGRES_DB")->value->text() == "main");
  REQUIRE(main.find_env("PGDATA"));
  CHECK(main.find_env("PGDATA")->value->text() == "/var/lib/postgresql/data/pg");
  REQUIRE(main.mounts.size() == 2);
  CHECK(main.mounts[0].kind == MountKind::named_volume);
  CHECK(slice(*r, main.mounts[0].value_range) == "pgdata:/var/lib/postgresql/data");
  CHECK(main.mounts[1].kind == MountKind::anonymous_volume);
  // What came from the other file is reported at the `extends` key of this one.
  CHECK(slice(*r, main.mounts[1].value_range) == "extends");
  CHECK(slice(*r, main.mounts[1].target->range) == "extends");
  CHECK(main.mounts[1].written == "/var/log/postgresql");
  CHECK(main.mounts[1].written_in == "common/services.yml");
  CHECK(main.mounts[0].written_in.empty());
  REQUIRE(main.replicas);
  CHECK(main.replicas->text() == "2");
  CHECK(slice(*r, main.replicas->range) == "extends");
  REQUIRE(main.command.size() == 3);
  CHECK(main.command[2].text() == "shared_buffers=1GB");
  REQUIRE(main.routing.size() == 1);
  CHECK(main.routing[0].key == "tier");
}

TEST_CASE("extends and include that cannot be followed are DV032 issues", "[compose]") {
  const Folder folder("dockvet-test-compose-unresolved");
  folder.write("base.yml",
               "services:\n"
               "  web: {image: nginx}\n"
               "  loop-a: {extends: {file: base.yml, service: loop-b}}\n"
               "  loop-b: {extends: loop-a}\n");
  folder.write("broken.yml", "services: [\n");
  folder.write("a.yml", "include: [b.yml]\nservices: {}\n");
  folder.write("b.yml", "include: [a.yml]\n");
  const auto r = read_in(folder,
                         "include:\n"
                         "  - missing.yml\n"
                         "  - a.yml\n"
                         "services:\n"
                         "  one:\n"
                         "    image: mongo:8\n"
                         "    extends: {file: nowhere.yml, service: x}\n"
                         "  two:\n"
                         "    extends: {file: base.yml, service: api}\n"
                         "  three:\n"
                         "    extends: {file: broken.yml, service: db}\n"
                         "  four:\n"
                         "    extends: {file: base.yml, service: loop-a}\n"
                         "  five:\n"
                         "    extends: five\n"
                         "  six:\n"
                         "    extends: {file: /dev/zero, service: x}\n"
                         "  seven:\n"
                         "    extends: in-another-file-merged-with-f\n");
  const auto got = messages(*r);
  REQUIRE(got.size() == 8);
  CHECK(
      got[0].starts_with("DV032 at `nowhere.yml`: the file `nowhere.yml` that `extends` names "
                         "cannot be read (No such file or directory)"));
  CHECK(got[1] ==
        "DV032 at `api`: `base.yml` has no service `api` for `extends` to take: "
        "compose refuses this file");
  CHECK(
      got[2].starts_with("DV032 at `broken.yml`: the file `broken.yml` that `extends` names is not "
                         "valid YAML (line 2"));
  CHECK(got[3] ==
        "DV032 at `extends`: `extends` goes round in a circle back to the service "
        "`loop-a`: compose refuses this file");
  CHECK(got[4] ==
        "DV032 at `extends`: `extends` goes round in a circle back to the service "
        "`five`: compose refuses this file");
  CHECK(got[5] ==
        "DV032 at `/dev/zero`: the file `/dev/zero` that `extends` names is not a "
        "regular file: what it would bring in is not checked");
  CHECK(
      got[6].starts_with("DV032 at `missing.yml`: the file `missing.yml` that `include` names "
                         "cannot be read"));
  CHECK(got[7] ==
        "DV032 at `a.yml`: `include` goes round in a circle back to `a.yml`: compose "
        "refuses this file");
  // A service whose base could not be read keeps what it says itself, marked incomplete.
  REQUIRE(r->project.services.size() == 1);
  CHECK(r->project.services[0].image->text() == "mongo:8");
  CHECK(r->project.services[0].unknown_flags);
}

TEST_CASE("include adds another project's services, reported at the include entry", "[compose]") {
  const Folder folder("dockvet-test-compose-include");
  folder.write("../dockvet-test-compose-include-shared/db.yaml",
               "services:\n"
               "  db:\n"
               "    image: postgres:${PG_MAJOR}\n"
               "    volumes: [data:/var/lib/postgresql/data]\n");
  folder.write("../dockvet-test-compose-include-shared/.env", "PG_MAJOR=16\nTAG=from-included\n");
  folder.write("search/compose.yaml",
               "services:\n  search:\n    image: opensearchproject/opensearch:2\n");
  folder.write("cache.yml",
               "services:\n  web: {image: redis:7}\n  cache: {image: valkey/valkey:8}\n");
  const auto r = read_in(folder,
                         "include:\n"
                         "  - path: ../dockvet-test-compose-include-shared/db.yaml\n"
                         "  - search/compose.yaml\n"
                         "  - cache.yml\n"
                         "services:\n"
                         "  web:\n"
                         "    image: nginx:${TAG}\n",
                         {{"TAG", "1.27"}});
  CHECK(r->issues.empty());
  std::vector<std::string> services;
  for (std::size_t i = 0; i < r->project.services.size(); ++i) {
    const auto& service = r->project.services[i];
    services.push_back(r->project.service_names[i] + " " + service.image->text() + " @ " +
                       slice(*r, service.image->range));
  }
  // search/compose.yaml is linted on its own by a walk of this folder: not here. A name this
  // project already has is a conflict, not a merge.
  CHECK(services == std::vector<std::string>{
                        "web nginx:1.27 @ nginx:${TAG}",
                        "db postgres:16 @ ../dockvet-test-compose-include-shared/db.yaml",
                        "cache valkey/valkey:8 @ cache.yml",
                    });
  CHECK(r->project.service_lines.size() == 3);
  CHECK(r->project.service_lines[1] == std::pair<std::uint32_t, std::uint32_t>{2, 2});
  fs::remove_all(folder.path.parent_path() / "dockvet-test-compose-include-shared");
}

// The fuzz target reads no other file (its path is under a folder that does not exist), so the
// files that `include` and `extends` may name are tried here: each gives one clear DV032 issue
// or is read whole, and the rest of the project is still read.
TEST_CASE("hostile files named by include and extends", "[compose][hostile]") {
  const Folder folder("dockvet-test-compose-hostile");
  fs::create_directories(folder.path / "sub" / "compose.yaml");  // a folder with a file's name
  fs::create_symlink("loop-b.yml", folder.path / "loop-a.yml");
  fs::create_symlink("loop-a.yml", folder.path / "loop-b.yml");
  folder.write("one.yml", "include: [two.yml]\nservices: {one: {image: redis:7}}\n");
  folder.write("two.yml", "include: [three.yml]\nservices: {two: {image: redis:7}}\n");
  folder.write("three.yml", "include: [one.yml]\nservices: {three: {image: redis:7}}\n");
  // 50 MB: one long scalar, then the service that must still be found after it.
  constexpr std::size_t kBig = 50 * 1024 * 1024;
  folder.write("big.yml", "x-filler: " + std::string(kBig, 'a') +
                              "\nservices:\n  big:\n    image: postgres:17\n");
  const auto r = read_in(folder,
                         "include:\n"
                         "  - sub/compose.yaml\n"
                         "  - loop-a.yml\n"
                         "  - /dev/zero\n"
                         "  - big.yml\n"
                         "  - one.yml\n"
                         "services:\n"
                         "  web:\n"
                         "    image: nginx:1.27\n"
                         "  from-folder:\n"
                         "    extends: {file: sub/compose.yaml, service: db}\n"
                         "  from-loop:\n"
                         "    extends: {file: loop-a.yml, service: db}\n");
  const auto got = messages(*r);
  for (const auto& message : got) INFO(message);
  REQUIRE(got.size() == 6);
  CHECK(
      got[0].starts_with("DV032 at `sub/compose.yaml`: the file `sub/compose.yaml` that "
                         "`extends` names cannot be read (Is a directory)"));
  CHECK(
      got[1].starts_with("DV032 at `loop-a.yml`: the file `loop-a.yml` that `extends` names "
                         "cannot be read (Too many levels of symbolic links)"));
  CHECK(
      got[2].starts_with("DV032 at `sub/compose.yaml`: the file `sub/compose.yaml` that "
                         "`include` names cannot be read (Is a directory)"));
  CHECK(
      got[3].starts_with("DV032 at `loop-a.yml`: the file `loop-a.yml` that `include` names "
                         "cannot be read (Too many levels of symbolic links)"));
  CHECK(got[4] ==
        "DV032 at `/dev/zero`: the file `/dev/zero` that `include` names is not a regular "
        "file: what it would bring in is not checked");
  CHECK(got[5] ==
        "DV032 at `one.yml`: `include` goes round in a circle back to `one.yml`: compose "
        "refuses this file");
  std::vector<std::string> services;
  for (std::size_t i = 0; i < r->project.services.size(); ++i) {
    services.push_back(r->project.service_names[i] + " " + r->project.services[i].image->text() +
                       " @ " + slice(*r, r->project.services[i].image->range));
  }
  CHECK(services == std::vector<std::string>{
                        "web nginx:1.27 @ nginx:1.27",
                        "big postgres:17 @ big.yml",
                        "one redis:7 @ one.yml",
                        "two redis:7 @ one.yml",
                        "three redis:7 @ one.yml",
                    });
}
