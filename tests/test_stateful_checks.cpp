// The DV101-DV110 checks end to end on small scripts: exact codes, spans, messages and fixes.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "core/check.h"
#include "core/engine.h"

namespace {

std::vector<dockvet::Diagnostic> lint(const std::string& text,
                                      dockvet::FileKind kind = dockvet::FileKind::shell) {
  const dockvet::SourceFile file("test.sh", kind, text);
  std::vector<dockvet::Diagnostic> found;
  for (auto& diagnostic : dockvet::lint_source(file, {}).diagnostics) {
    if (diagnostic.code.rfind("DV1", 0) == 0) found.push_back(std::move(diagnostic));
  }
  return found;
}

std::string spanned(const std::string& text, const dockvet::Diagnostic& d) {
  return text.substr(d.range.begin, d.range.size());
}

}  // namespace

TEST_CASE("DV101 names the path, the image word and inserts the docs mount", "[stateful]") {
  const std::string text = "docker run -d elasticsearch:8.15.0\n";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV101");
  CHECK(found[0].severity == dockvet::Severity::error);
  CHECK(spanned(text, found[0]) == "elasticsearch:8.15.0");
  CHECK(found[0].message ==
        "elasticsearch:8.15.0 (version 8.15.0) keeps its data in /usr/share/elasticsearch/data, "
        "which this command mounts nowhere and the image declares no VOLUME for: it stays in the "
        "container's writable layer and is lost on `docker rm` or a Compose re-create; add "
        "`-v esdata:/usr/share/elasticsearch/data`");
  REQUIRE(found[0].fix);
  CHECK(found[0].fix->edits.at(0).range.begin == 14);
  CHECK(found[0].fix->edits.at(0).range.end == 14);
  CHECK(found[0].fix->edits.at(0).replacement == "-v esdata:/usr/share/elasticsearch/data ");
}

TEST_CASE("DV102 on postgres latest suggests the 18 layout", "[stateful]") {
  const std::string text = "docker run --name some-postgres -e POSTGRES_PASSWORD=x -d postgres\n";
  const auto found = lint(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV102");
  CHECK(found[0].severity == dockvet::Severity::warning);
  CHECK(found[0].start.column == 59);
  CHECK(found[0].message ==
        "postgres (latest = 18) keeps its data in /var/lib/postgresql/18/docker, which only "
        "the anonymous volume of the image's VOLUME /var/lib/postgresql holds: a re-created "
        "container (docker rm + run, compose down + up) starts empty; add "
        "`-v pgdata:/var/lib/postgresql`");
}

TEST_CASE("DV107 rewrites the legacy target and DV106 points at the VOLUME", "[stateful]") {
  const std::string legacy = "docker run -d -v pg:/var/lib/postgresql/data postgres:18\n";
  auto found = lint(legacy);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV107");
  CHECK(spanned(legacy, found[0]) == "pg:/var/lib/postgresql/data");
  REQUIRE(found[0].fix);
  CHECK(legacy.substr(found[0].fix->edits.at(0).range.begin,
                      found[0].fix->edits.at(0).range.size()) == "/var/lib/postgresql/data");
  CHECK(found[0].fix->edits.at(0).replacement == "/var/lib/postgresql");

  const std::string parent = "docker run -d -v pg:/var/lib/postgresql postgres:17\n";
  found = lint(parent);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV106");
  REQUIRE(found[0].fix);
  CHECK(found[0].fix->edits.at(0).replacement == "/var/lib/postgresql/data");
}

TEST_CASE("DV103 sits on --rm, DV104 replaces the tmpfs, DV108 on the knob value", "[stateful]") {
  const std::string rm = "docker run --rm -d postgres:17\n";
  auto found = lint(rm);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV103");
  CHECK(spanned(rm, found[0]) == "--rm");

  const std::string tmpfs = "docker run -d --tmpfs /var/lib/mysql mysql:8.4\n";
  found = lint(tmpfs);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV104");
  CHECK(spanned(tmpfs, found[0]) == "/var/lib/mysql");
  REQUIRE(found[0].fix);
  CHECK(tmpfs.substr(found[0].fix->edits.at(0).range.begin,
                     found[0].fix->edits.at(0).range.size()) == "--tmpfs /var/lib/mysql");
  CHECK(found[0].fix->edits.at(0).replacement == "-v mysql_data:/var/lib/mysql");

  const std::string moved =
      "docker run -d -e PGDATA=/srv/pg -v v1:/var/lib/postgresql/data postgres:16\n";
  found = lint(moved);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV108");
  CHECK(spanned(moved, found[0]) == "/srv/pg");
  CHECK(found[0].message ==
        "`PGDATA=/srv/pg` moves the data of postgres:16 (version 16) from /var/lib/postgresql/data "
        "to /srv/pg, which no mount covers: it stays in the container's writable layer and is lost "
        "on `docker rm`; add `-v pgdata:/srv/pg`");
}

TEST_CASE("DV109 and DV110 stay quiet when the fact is missing", "[stateful]") {
  CHECK(lint("docker service create --replicas 1 --mount source=m,target=/data/db mongo:8\n")
            .empty());
  const auto replicas =
      lint("docker service create --replicas 2 --mount source=mg,target=/data/db mongo:8\n");
  REQUIRE(replicas.size() == 1);
  CHECK(replicas[0].code == "DV109");
  CHECK(lint("docker run -d -h rabbit -v rq:/var/lib/rabbitmq rabbitmq:4\n").empty());
  const auto hostless = lint("docker run -d -v rq:/var/lib/rabbitmq rabbitmq:4\n");
  REQUIRE(hostless.size() == 1);
  CHECK(hostless[0].code == "DV110");
  REQUIRE(hostless[0].fix);
  CHECK(hostless[0].fix->edits.at(0).replacement == "--hostname my-rabbit ");
}

TEST_CASE("clients and correct mounts report nothing", "[stateful]") {
  CHECK(lint("docker run -it --rm postgres psql -h db\n").empty());
  CHECK(lint("docker run --rm mysql mysqldump -h db app > app.sql\n").empty());
  CHECK(lint("docker run --rm -it redis redis-cli -h cache\n").empty());
  CHECK(lint("docker run -d -v pgdata:/var/lib/postgresql/data postgres:16\n").empty());
  CHECK(
      lint(
          "docker run -d -e PGDATA=/var/lib/postgresql/data/pgdata -v vol:/var/lib/postgresql/data "
          "postgres:16\n")
          .empty());
  CHECK(lint("docker run --rm -v pgdata:/var/lib/postgresql/data postgres:17\n").empty());
  CHECK(lint("docker run -d nginx\n").empty());
  CHECK(lint("docker run -d memcached\n").empty());
}

TEST_CASE("each DV1xx check's own bad example fires it and its good example does not",
          "[stateful]") {
  int checked = 0;
  for (const auto& check : dockvet::Registry::instance().checks()) {
    const auto& meta = check->meta();
    const std::string code(meta.code);
    if (code < "DV101" || code > "DV119") continue;
    ++checked;
    INFO(code);
    // Run-line rules show a command line; the scaled-service rules a compose file, the
    // Kubernetes-only rules a manifest.
    const bool yaml = meta.example_language == "yaml";
    CHECK((meta.example_language == "sh" || yaml));
    const auto kind = !yaml                                         ? dockvet::FileKind::shell
                      : meta.bad_example.starts_with("apiVersion:") ? dockvet::FileKind::kubernetes
                                                                    : dockvet::FileKind::compose;
    // DV115 loses logins, not data.
    CHECK(meta.data_loss == (code != "DV115"));
    const auto codes = [&](std::string_view example) {
      std::vector<std::string> out;
      for (const auto& d : lint(std::string(example), kind)) {
        out.push_back(d.code);
      }
      return out;
    };
    // A scaled service with nowhere to keep its data is also DV101/DV102's finding.
    auto bad = codes(meta.bad_example);
    if (code == "DV112") std::erase_if(bad, [](const std::string& c) { return c == "DV102"; });
    CHECK(bad == std::vector<std::string>{code});
    CHECK(codes(meta.good_example).empty());
  }
  CHECK(checked == 15);
}

TEST_CASE("DV115 reads where sessions live from the catalog, a user's entry included",
          "[stateful]") {
  const std::string text =
      "services:\n"
      "  api:\n"
      "    image: tomcat:11\n"
      "    deploy:\n"
      "      replicas: 3\n";
  // Built in, tomcat's sessions are the application's choice: nothing is reported.
  CHECK(lint(text, dockvet::FileKind::compose).empty());

  dockvet::catalog::Catalog catalog = dockvet::catalog::Catalog::builtin();
  const auto errors = catalog.merge(nlohmann::json::parse(R"({"images": [
      {"name": "tomcat", "sessions": {"store": "memory", "source": "our app keeps HttpSession",
                                      "fix": "use the Redis session manager"}}]})"),
                                    ".dockvet.yaml");
  REQUIRE(errors.empty());
  dockvet::LintPolicy policy;
  policy.catalog = &catalog;
  const dockvet::SourceFile file("compose.yaml", dockvet::FileKind::compose, text);
  std::vector<dockvet::Diagnostic> found;
  for (auto& d : dockvet::lint_source(file, policy).diagnostics) {
    if (d.code == "DV115") found.push_back(std::move(d));
  }
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == dockvet::Severity::warning);
  CHECK(spanned(text, found[0]) == "3");
  CHECK(found[0].message ==
        "this service starts 3 replicas of tomcat:11, and each keeps its users' login sessions "
        "in its own memory, with no session affinity in this file: a request that reaches "
        "another replica finds no session and the user is logged out; use the Redis session "
        "manager, or give the service a sticky cookie in its load balancer "
        "(`traefik.http.services.<name>.loadbalancer.sticky.cookie=true`)");
}
