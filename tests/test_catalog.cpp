#include <catch2/catch.hpp>
#include <set>

#include "catalog/catalog.h"

using dockvet::catalog::Catalog;
using dockvet::catalog::CatalogError;
using dockvet::catalog::ImageClass;
using dockvet::catalog::Knob;
using dockvet::catalog::parse_image_ref;
using dockvet::catalog::Resolved;
using dockvet::catalog::VersionBasis;
using Strings = std::vector<std::string>;

namespace {

Resolved resolve(const Catalog& catalog, std::string_view text, bool fully_known = true) {
  auto resolved = catalog.lookup(parse_image_ref(text, fully_known));
  INFO(text);
  REQUIRE(resolved);
  return *resolved;
}

Resolved resolve(std::string_view text, bool fully_known = true) {
  return resolve(Catalog::builtin(), text, fully_known);
}

std::string describe(const std::vector<CatalogError>& errors) {
  std::string out;
  for (const auto& error : errors) {
    out += error.origin + " [" + error.entry + "] " + error.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the compiled built-in catalog equals the parse of its JSON documents", "[catalog]") {
  const Catalog parsed = Catalog::parse_builtin_documents();
  const Catalog& compiled = Catalog::builtin();
  REQUIRE(compiled.entries().size() == parsed.entries().size());
  for (std::size_t i = 0; i < parsed.entries().size(); ++i) {
    INFO(parsed.entries()[i].name);
    CHECK(compiled.entries()[i] == parsed.entries()[i]);
  }
  CHECK(compiled.client_commands() == parsed.client_commands());
  CHECK(compiled.help_args() == parsed.help_args());
  // Lookups go through the index that from_compiled rebuilds.
  REQUIRE(compiled.find("postgres"));
  CHECK(compiled.find("postgres")->name == "postgres");
  CHECK(compiled.find_image(parse_image_ref("postgres").key())->name == "postgres");
}

TEST_CASE("a config merge into the compiled catalog overrides one field and keeps the rest",
          "[catalog]") {
  Catalog catalog = Catalog::builtin();
  const auto errors = catalog.merge(
      nlohmann::json::parse(R"({"images": [{"name": "postgres", "latest": "17"}]})"), "test");
  INFO(describe(errors));
  REQUIRE(errors.empty());
  const auto* postgres = catalog.find("postgres");
  REQUIRE(postgres);
  CHECK(postgres->latest == "17");
  CHECK(postgres->variants == Catalog::builtin().find("postgres")->variants);
  CHECK(catalog.entries().size() == Catalog::builtin().entries().size());
}

TEST_CASE("the built-in catalog loads without errors", "[catalog]") {
  INFO(describe(Catalog::builtin_errors()));
  CHECK(Catalog::builtin_errors().empty());
  const Catalog& catalog = Catalog::builtin();
  CHECK(&catalog == &Catalog::builtin());
  CHECK(catalog.entries().size() >= 80);
  // Every entry cites the reference and no image key is claimed twice.
  std::set<std::string> keys;
  for (const auto& entry : catalog.entries()) {
    INFO(entry.name);
    CHECK_FALSE(entry.source.empty());
    CHECK(entry.origin.rfind("builtin:", 0) == 0);
    for (const auto& image : entry.images) CHECK(keys.insert(image).second);
    for (const auto& variant : entry.variants) {
      if (entry.image_class != ImageClass::stateless && !variant.data_paths.empty()) {
        CHECK_FALSE(variant.fix_mount.empty());
      }
    }
  }
}

TEST_CASE("every image of the reference tables has an entry", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  for (const char* image : {"postgres",
                            "postgis/postgis",
                            "timescale/timescaledb",
                            "timescale/timescaledb-ha",
                            "bitnami/postgresql",
                            "percona/percona-distribution-postgresql",
                            "mysql",
                            "mariadb",
                            "percona",
                            "percona/percona-server",
                            "percona/percona-xtradb-cluster",
                            "bitnami/mysql",
                            "bitnami/mariadb",
                            "mcr.microsoft.com/mssql/server",
                            "gvenzl/oracle-free",
                            "gvenzl/oracle-xe",
                            "mongo",
                            "percona/percona-server-mongodb",
                            "cassandra",
                            "couchdb",
                            "apache/couchdb",
                            "couchbase",
                            "neo4j",
                            "arangodb",
                            "orientdb",
                            "rethinkdb",
                            "crate",
                            "aerospike",
                            "influxdb",
                            "clickhouse",
                            "clickhouse/clickhouse-server",
                            "chronograf",
                            "kapacitor",
                            "prom/prometheus",
                            "quay.io/prometheus/prometheus",
                            "gcr.io/etcd-development/etcd",
                            "quay.io/coreos/etcd",
                            "minio/minio",
                            "quay.io/minio/minio",
                            "elasticsearch",
                            "docker.elastic.co/elasticsearch/elasticsearch",
                            "solr",
                            "redis",
                            "memcached",
                            "rabbitmq",
                            "zookeeper",
                            "apache/kafka",
                            "apache/kafka-native",
                            "bitnami/kafka",
                            "nats",
                            "eclipse-mosquitto",
                            "emqx",
                            "wordpress",
                            "drupal",
                            "joomla",
                            "ghost",
                            "nextcloud",
                            "mediawiki",
                            "matomo",
                            "owncloud",
                            "owncloud/server",
                            "friendica",
                            "monica",
                            "redmine",
                            "odoo",
                            "xwiki",
                            "geonetwork",
                            "silverpeas",
                            "rocket.chat",
                            "teamspeak",
                            "znc",
                            "bonita",
                            "caddy",
                            "jenkins/jenkins",
                            "sonarqube",
                            "sonatype/nexus3",
                            "registry",
                            "gitlab/gitlab-ce",
                            "gitlab/gitlab-ee",
                            "grafana/grafana",
                            "grafana/grafana-oss",
                            "docker",
                            "nginx",
                            "httpd",
                            "tomcat",
                            "mongo-express",
                            "adminer",
                            "phpmyadmin",
                            "telegraf",
                            "traefik",
                            "haproxy",
                            "varnish",
                            "kibana",
                            "valkey/valkey",
                            "redis/redis-stack-server",
                            "redis/redis-stack",
                            "mcr.microsoft.com/azure-sql-edge",
                            "opensearchproject/opensearch",
                            "gitea/gitea",
                            "gogs/gogs",
                            "qdrant/qdrant",
                            "getmeili/meilisearch",
                            "cockroachdb/cockroach",
                            "docker.dragonflydb.io/dragonflydb/dragonfly",
                            "wurstmeister/kafka",
                            "bitnami/zookeeper",
                            "bitnami/cassandra",
                            "bitnami/redis",
                            "bitnami/mongodb",
                            "pgvector/pgvector",
                            "perconalab/percona-xtradb-cluster",
                            "rocketchat/rocket.chat",
                            "quay.io/mariadb-foundation/mariadb-debug",
                            "emqx/emqx"}) {
    INFO(image);
    CHECK(catalog.find_image(parse_image_ref(image).key()) != nullptr);
  }
}

TEST_CASE("postgres resolves by major, latest is 18", "[catalog]") {
  Resolved pg17 = resolve("postgres:17");
  CHECK(pg17.entry->name == "postgres");
  CHECK(pg17.entry->image_class == ImageClass::database);
  CHECK(pg17.assumed_version == "17");
  CHECK(pg17.basis == VersionBasis::tag);
  CHECK(pg17.data_paths == Strings{"/var/lib/postgresql/data"});
  CHECK(pg17.volumes == Strings{"/var/lib/postgresql/data"});
  CHECK(pg17.variant->fix_mount == "-v pgdata:/var/lib/postgresql/data");
  CHECK(pg17.variant->volume_name == "pgdata");
  REQUIRE(pg17.knobs.size() == 1);
  CHECK(pg17.knobs[0].kind == Knob::Kind::env);
  CHECK(pg17.knobs[0].name == "PGDATA");
  CHECK(pg17.knobs[0].moves == "/var/lib/postgresql/data");

  Resolved pg18 = resolve("postgres:18");
  CHECK(pg18.data_paths == Strings{"/var/lib/postgresql/18/docker"});
  CHECK(pg18.volumes == Strings{"/var/lib/postgresql"});
  CHECK(pg18.variant->wrong_paths == Strings{"/var/lib/postgresql/data"});
  CHECK(pg18.variant->fix_mount == "-v pgdata:/var/lib/postgresql");
  REQUIRE(pg18.knobs.size() == 1);
  CHECK(pg18.knobs[0].moves == "/var/lib/postgresql/18/docker");

  // Entry notes and leads come first, then the variant's.
  REQUIRE(pg18.notes.size() == 3);
  CHECK(pg18.notes[0].rfind("With the default PGDATA, a mount at the old path", 0) == 0);
  REQUIRE(pg18.unverified.size() == 3);
  CHECK(pg18.unverified[0].rfind("clients pg_dumpall", 0) == 0);
  CHECK(pg18.unverified[2] ==
        "how the 2025 /var/lib/postgresql/data symlink behaved with a mount on it");
  CHECK(pg17.unverified.size() == 2);
  CHECK(pg17.variant->unverified.empty());

  Resolved latest = resolve("postgres");
  CHECK(latest.basis == VersionBasis::no_tag);
  CHECK(latest.assumed_version == "18 (latest)");
  CHECK(latest.data_paths == Strings{"/var/lib/postgresql/18/docker"});
  CHECK(resolve("postgres:latest").assumed_version == "18 (latest)");
  Resolved alpine = resolve("postgres:alpine");
  CHECK(alpine.basis == VersionBasis::latest);
  CHECK(alpine.assumed_version == "18 (tag alpine follows latest)");

  CHECK(resolve("postgres:16-alpine").data_paths == Strings{"/var/lib/postgresql/data"});
  CHECK(resolve("postgres:17.2-bookworm").volumes == Strings{"/var/lib/postgresql/data"});
  Resolved beta = resolve("postgres:19beta3-trixie");
  CHECK(beta.assumed_version == "19beta3");
  CHECK(beta.data_paths == Strings{"/var/lib/postgresql/19/docker"});
  CHECK(resolve("docker.io/library/postgres:9.6").data_paths ==
        Strings{"/var/lib/postgresql/data"});
  CHECK(resolve("mirror.gcr.io/library/postgres:18").volumes == Strings{"/var/lib/postgresql"});
}

TEST_CASE("unknown tags and digests say the layout depends on the tag", "[catalog]") {
  Resolved unknown = resolve("postgres:$TAG", false);
  CHECK(unknown.basis == VersionBasis::unknown_tag);
  CHECK(unknown.assumed_version == "unknown (tag $TAG)");
  CHECK(unknown.depends_on_tag);
  CHECK(resolve("postgres@$DIGEST", false).assumed_version == "unknown (digest $DIGEST)");
  Resolved placeholder = resolve("postgres:[version]");
  CHECK(placeholder.basis == VersionBasis::unknown_tag);
  CHECK(placeholder.depends_on_tag);
  Resolved digest =
      resolve("postgres@sha256:4b8d5b1a0c7e3f2d9a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f");
  CHECK(digest.basis == VersionBasis::digest_only);
  CHECK(digest.depends_on_tag);
  // One layout for every mysql: an unknown tag changes nothing.
  Resolved mysql = resolve("mysql:${MYSQL_VERSION}", false);
  CHECK_FALSE(mysql.depends_on_tag);
  CHECK(mysql.data_paths == Strings{"/var/lib/mysql"});
  CHECK_FALSE(Catalog::builtin().lookup(parse_image_ref("${IMAGE}", false)));
  CHECK_FALSE(Catalog::builtin().lookup(parse_image_ref("Postgres:16")));
}

TEST_CASE("derived postgres images read the postgres major from their tag", "[catalog]") {
  CHECK(resolve("postgis/postgis:18-3.6").volumes == Strings{"/var/lib/postgresql"});
  CHECK(resolve("postgis/postgis:17-3.5-alpine").volumes == Strings{"/var/lib/postgresql/data"});
  Resolved ts16 = resolve("timescale/timescaledb:2.17.2-pg16");
  CHECK(ts16.assumed_version == "16");
  CHECK(ts16.data_paths == Strings{"/var/lib/postgresql/data"});
  CHECK(resolve("timescale/timescaledb:latest-pg18").data_paths ==
        Strings{"/var/lib/postgresql/18/docker"});
  // No PG major anywhere: the reference does not say which one, so the tag decides.
  Resolved bare = resolve("timescale/timescaledb:latest");
  CHECK_FALSE(bare.version);
  CHECK(bare.depends_on_tag);
  Resolved ha = resolve("timescale/timescaledb-ha:pg17");
  CHECK(ha.volumes.empty());
  CHECK(ha.data_paths == Strings{"/home/postgres/pgdata/data"});
  CHECK(ha.variant->wrong_paths == Strings{"/var/lib/postgresql/data"});
}

TEST_CASE("key facts of the database entries", "[catalog]") {
  Resolved mysql = resolve("mysql:8.0.36-debian");
  CHECK(mysql.data_paths == Strings{"/var/lib/mysql"});
  CHECK(mysql.volumes == Strings{"/var/lib/mysql"});
  REQUIRE(mysql.knobs.size() == 2);
  CHECK(mysql.knobs[0].kind == Knob::Kind::arg);
  CHECK(mysql.knobs[0].name == "--datadir");
  CHECK(mysql.knobs[1].kind == Knob::Kind::config);

  Resolved bitnami_mysql = resolve("bitnami/mysql:8.4");
  CHECK(bitnami_mysql.volumes.empty());
  CHECK(bitnami_mysql.data_paths == Strings{"/bitnami/mysql/data"});
  CHECK(bitnami_mysql.knobs.empty());

  Resolved legacy = resolve("bitnamilegacy/postgresql:17");
  CHECK(legacy.entry->name == "bitnami-postgresql");
  CHECK(legacy.data_paths == Strings{"/bitnami/postgresql/data"});
  CHECK(resolve("docker.io/bitnamisecure/postgresql").entry->name == "bitnami-postgresql");

  Resolved mongo = resolve("mongo");
  CHECK(mongo.assumed_version == "latest");
  CHECK(mongo.data_paths == Strings{"/data/db"});
  CHECK(mongo.volumes == Strings{"/data/db", "/data/configdb"});
  CHECK_FALSE(mongo.depends_on_tag);
  REQUIRE_FALSE(mongo.knobs.empty());
  CHECK(mongo.knobs[0].name == "--dbpath");
  CHECK(resolve("mongo:8.0-windowsservercore-ltsc2022").data_paths == Strings{"C:\\data\\db"});

  CHECK(resolve("neo4j:2026.06.0").variant->path_aliases.at("/var/lib/neo4j/data") == "/data");
  CHECK(resolve("neo4j:2.3").volumes == Strings{"/data"});
  CHECK(resolve("influxdb:1.12").volumes == Strings{"/var/lib/influxdb"});
  CHECK(resolve("influxdb:2.8").volumes == Strings{"/var/lib/influxdb2", "/etc/influxdb2"});
  Resolved influx3 = resolve("influxdb");
  CHECK(influx3.assumed_version == "3 (latest)");
  CHECK(influx3.volumes.empty());
  CHECK(resolve("influxdb:3-core").volumes.empty());

  Resolved minio = resolve("quay.io/minio/minio");
  REQUIRE(minio.knobs.size() == 1);
  CHECK(minio.knobs[0].form == Knob::Form::positional);
  CHECK(minio.knobs[0].name == "server");
  CHECK(resolve("elasticsearch:8.15.0").knobs.at(1).form == Knob::Form::prefix);
}

TEST_CASE("traps are recorded as data", "[catalog]") {
  Resolved kafka = resolve("apache/kafka:3.9.0");
  CHECK(kafka.data_paths == Strings{"/tmp/kraft-combined-logs"});
  CHECK(kafka.variant->unused_volumes == Strings{"/var/lib/kafka/data"});
  CHECK(resolve("rabbitmq:4.2-management").variant->hostname_bound);
  CHECK(resolve("wurstmeister/kafka").variant->hostname_bound);
  CHECK(resolve("eclipse-mosquitto:2.0").variant->unused_volumes == Strings{"/mosquitto/data"});
  CHECK(resolve("teamspeak").volumes == Strings{"/var/ts3server"});  // trailing slash normalised
  Resolved drupal = resolve("drupal:11.3");
  CHECK(drupal.volumes.empty());
  CHECK(drupal.variant->path_aliases.at("/var/www/html") == "/opt/drupal/web");
  CHECK(resolve("solr:7.7").volumes.empty());
  CHECK(resolve("solr:9.10-slim").volumes == Strings{"/var/solr"});
  CHECK(resolve("ghost:0.11").data_paths == Strings{"/var/lib/ghost"});
  CHECK(resolve("ghost:6").data_paths == Strings{"/var/lib/ghost/content"});
  CHECK(resolve("gitea/gitea:1.22-rootless").data_paths == Strings{"/var/lib/gitea"});
  CHECK(resolve("gitea/gitea:1.22").data_paths == Strings{"/data"});
  CHECK(resolve("docker:dind").volumes == Strings{"/var/lib/docker"});
  CHECK(resolve("docker").assumed_version == "29 (latest)");
  CHECK(resolve("docker:29-dind-rootless").volumes ==
        Strings{"/home/rootless/.local/share/docker"});
  CHECK(resolve("docker:cli").data_paths.empty());
}

TEST_CASE("stateless controls and classes", "[catalog]") {
  CHECK(resolve("nginx:1.27").entry->image_class == ImageClass::stateless);
  CHECK(resolve("nginx").data_paths.empty());
  CHECK(resolve("memcached").entry->image_class == ImageClass::stateless);
  CHECK(resolve("kibana:8.15.0").entry->image_class == ImageClass::stateless);
  CHECK(resolve("redis:7").entry->image_class == ImageClass::cache);
  CHECK(resolve("redis:7").volumes == Strings{"/data"});
  CHECK(resolve("rabbitmq").entry->image_class == ImageClass::broker);
  CHECK(resolve("wordpress").entry->image_class == ImageClass::cms);
  CHECK(resolve("jenkins/jenkins:lts").entry->image_class == ImageClass::ci);
  CHECK(resolve("elasticsearch").entry->image_class == ImageClass::search);
  CHECK(resolve("alpine:3.20").entry->image_class == ImageClass::stateless);
  CHECK_FALSE(Catalog::builtin().lookup(parse_image_ref("example/in-house-tool:3.20")));
  CHECK_FALSE(Catalog::builtin().lookup(parse_image_ref("localhost:5000/postgres")));
}

TEST_CASE("clients, utilities and help arguments", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  const auto* postgres = catalog.find("postgres");
  REQUIRE(postgres);
  CHECK(catalog.runs_client(postgres, "psql"));
  CHECK(catalog.runs_client(postgres, "/usr/bin/pg_dump"));
  CHECK(catalog.runs_client(postgres, "bash"));
  CHECK(catalog.runs_client(postgres, "true"));
  CHECK_FALSE(catalog.runs_client(postgres, "postgres"));
  CHECK_FALSE(catalog.runs_client(postgres, "-c"));
  CHECK(catalog.runs_client(catalog.find("orientdb"), "/orientdb/bin/console.sh"));
  CHECK(catalog.runs_client(catalog.find("redis"), "redis-cli"));
  CHECK(catalog.runs_client(catalog.find("mysql"), "my_print_defaults"));
  CHECK(catalog.runs_client(nullptr, "sh"));
  CHECK_FALSE(catalog.runs_client(catalog.find("mysql"), "mysqld"));
  CHECK(catalog.is_help_argument(postgres, "--help"));
  CHECK(catalog.is_help_argument(postgres, "-?"));
  CHECK(catalog.is_help_argument(postgres, "--version"));
  CHECK_FALSE(catalog.is_help_argument(postgres, "-h"));
  CHECK(catalog.is_help_argument(catalog.find("memcached"), "-h"));
}

TEST_CASE("OS packages find their database", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  auto check_package = [&](std::string_view package, std::string_view entry,
                           std::string_view data_path) {
    INFO(package);
    auto found = catalog.find_package(package);
    REQUIRE(found);
    CHECK(found->first->name == entry);
    CHECK(found->second->data_path == data_path);
    CHECK_FALSE(found->second->verified);
  };
  check_package("postgresql", "postgres", "/var/lib/postgresql");
  check_package("postgresql-16", "postgres", "/var/lib/postgresql");
  check_package("postgresql16", "postgres", "/var/lib/postgresql");
  check_package("postgresql-16=16.2-1.pgdg120+1", "postgres", "/var/lib/postgresql");
  check_package("mysql-server", "mysql", "/var/lib/mysql");
  check_package("mysql-server-8.0", "mysql", "/var/lib/mysql");
  check_package("mariadb-server", "mariadb", "/var/lib/mysql");
  check_package("redis-server", "redis", "/var/lib/redis");
  check_package("redis=7.2.4-r0", "redis", "/var/lib/redis");
  check_package("mongodb-org", "mongo", "/var/lib/mongodb");
  check_package("mongodb", "mongo", "/var/lib/mongodb");
  for (const char* client : {"postgresql-client", "postgresql-client-16", "postgresql16-client",
                             "mysql-client", "mariadb-client", "redis-tools", "curl"}) {
    INFO(client);
    CHECK_FALSE(catalog.find_package(client));
  }
}

TEST_CASE("package stems are the literal starts of the package patterns", "[catalog]") {
  const auto& stems = Catalog::builtin().package_stems();
  // "postgresql-#" and "postgresql-server" start with "postgresql"; "redis-server" with "redis".
  CHECK(std::count(stems.begin(), stems.end(), "postgresql") == 1);
  CHECK(std::count(stems.begin(), stems.end(), "redis") == 1);
  for (const auto& stem : stems) {
    INFO(stem);
    CHECK_FALSE(stem.empty());
    CHECK(stem.find_first_of("*?#[") == std::string::npos);
    CHECK(stem.find("postgresql-") == std::string::npos);
    CHECK(stem.find("redis-") == std::string::npos);
  }
  Catalog catalog = Catalog::builtin();
  auto errors = catalog.merge(nlohmann::json::parse(R"({"images": [
      {"name": "acme-db", "images": ["acme/db"], "class": "database", "data_paths": ["/srv/db"],
       "source": "local", "packages": [{"pattern": "acmedb#", "data_path": "/srv/db"},
                                       {"pattern": "*-acme", "data_path": "/srv/db"}]}]})"),
                              "config");
  INFO(describe(errors));
  CHECK(errors.empty());
  // A pattern that starts with a glob leaves nothing to search for but the empty text.
  CHECK(catalog.package_stems() == std::vector<std::string>{""});
}

TEST_CASE("config documents override and extend entries", "[catalog]") {
  Catalog catalog = Catalog::builtin();
  auto errors = catalog.merge(nlohmann::json::parse(R"({
    "images": [
      {"name": "postgres", "latest": "17"},
      {"name": "acme-db", "images": ["registry.acme.io/db", "acme/db"], "class": "database",
       "data_paths": ["/srv/db/"], "volumes": ["/srv/db"], "fix_mount": "-v acme:/srv/db",
       "source": "acme ops wiki"}
    ]
  })"),
                              ".dockvet.yaml");
  INFO(describe(errors));
  CHECK(errors.empty());
  Resolved pg = resolve(catalog, "postgres");
  CHECK(pg.assumed_version == "17 (latest)");
  CHECK(pg.data_paths == Strings{"/var/lib/postgresql/data"});
  CHECK(pg.entry->origin == ".dockvet.yaml");
  CHECK(pg.entry->variants.size() == 2);  // untouched fields keep their built-in value
  Resolved acme = resolve(catalog, "registry.acme.io/db:3");
  CHECK(acme.entry->name == "acme-db");
  CHECK(acme.data_paths == Strings{"/srv/db"});
  CHECK(resolve(catalog, "docker.io/acme/db").entry->name == "acme-db");
  // The built-in catalog itself is unchanged.
  CHECK(resolve("postgres").assumed_version == "18 (latest)");
}

TEST_CASE("a new entry can take an image over from a built-in one", "[catalog]") {
  Catalog catalog = Catalog::builtin();
  auto errors = catalog.merge(nlohmann::json::parse(R"({"images": [
      {"name": "our-nginx", "images": ["nginx"], "class": "cms",
       "data_paths": ["/usr/share/nginx/html/uploads"], "source": "local"}]})"),
                              "config");
  CHECK(errors.empty());
  CHECK(resolve(catalog, "nginx").entry->name == "our-nginx");
  CHECK(catalog.find("nginx") != nullptr);
}

TEST_CASE("broken config entries are reported and skipped", "[catalog]") {
  Catalog catalog = Catalog::builtin();
  auto errors = catalog.merge(nlohmann::json::parse(R"({
    "images": [
      {"name": "postgres", "variants": [{"versions": ">=x"}]},
      {"name": "mysql", "class": "databse"},
      {"images": ["nameless"]},
      {"name": "typo", "images": ["typo"], "class": "app", "data_path": ["/x"]},
      {"name": "badimage", "images": ["Bad/Image"], "class": "app"},
      {"name": "tagged", "images": ["app:1"], "class": "app"},
      {"name": "knob", "images": ["knob"], "class": "app", "knobs": [{"env": "A", "arg": "-b"}]},
      {"name": "paths", "images": ["paths"], "class": "app", "data_paths": "/x"},
      {"name": "package", "images": ["pkg"], "class": "app", "packages": [{"data_path": "/x"}]},
      "not an object",
      {"name": "fine", "images": ["fine/app"], "class": "app", "data_paths": ["/data"]}
    ],
    "help_args": "--help",
    "extra": 1
  })"),
                              "config.yml");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& error : errors) {
    CHECK(error.origin == "config.yml");
    got.emplace_back(error.entry, error.message);
  }
  std::vector<std::pair<std::string, std::string>> expected = {
      {"", "unknown top-level field 'extra'"},
      {"", "help_args: expected an array of strings, found a string"},
      {"postgres", "variants[0]: versions: '>=x' is not a version range: 'x' is not a version"},
      {"mysql",
       "class: 'databse' is not one of database, cache, broker, search, cms, ci, app, stateless"},
      {"#3", "every entry needs a non-empty \"name\" string"},
      {"typo", "unknown field 'data_path'"},
      {"badimage",
       "images: 'Bad/Image' is not an image name without tag (repository name 'Image' must be "
       "lowercase)"},
      {"tagged", "images: 'app:1' is not an image name without tag"},
      {"knob", "knobs[0]: needs exactly one of 'env', 'arg', 'config'"},
      {"paths", "data_paths: expected an array of strings, found a string"},
      {"package", "packages[0]: pattern: missing or empty"},
      {"#10", "every entry needs a non-empty \"name\" string"},
  };
  CHECK(got == expected);
  // The broken overrides left the built-in entries as they were; the good entry merged.
  CHECK(resolve(catalog, "postgres:18").volumes == Strings{"/var/lib/postgresql"});
  CHECK(resolve(catalog, "mysql").entry->image_class == ImageClass::database);
  CHECK(catalog.find("fine") != nullptr);
  CHECK(catalog.find("typo") == nullptr);

  CHECK(catalog.merge(nlohmann::json::array(), "x").at(0).message ==
        "the catalog document must be an object with an \"images\" array, found an array");
}

TEST_CASE("where images keep login sessions is data", "[catalog]") {
  using dockvet::catalog::Sessions;
  const Resolved nextcloud = resolve("nextcloud:31");
  CHECK(nextcloud.entry->sessions.store == Sessions::Store::files);
  CHECK(nextcloud.entry->sessions.path == "/tmp");
  CHECK(nextcloud.entry->sessions.moved_by_env == Strings{"REDIS_HOST"});
  CHECK(nextcloud.entry->sessions.moved_by_mount == Strings{"/usr/local/etc/php"});
  CHECK(nextcloud.entry->sessions.per_container());
  CHECK(resolve("phpmyadmin/phpmyadmin").entry->sessions.path == "/sessions");
  CHECK(resolve("drupal").entry->sessions.store == Sessions::Store::database);
  CHECK_FALSE(resolve("drupal").entry->sessions.per_container());
  CHECK(resolve("tomcat:11").entry->sessions.application_decides);
  CHECK(resolve("postgres").entry->sessions.store == Sessions::Store::unknown);

  Catalog catalog = Catalog::builtin();
  auto errors = catalog.merge(nlohmann::json::parse(R"({"images": [
      {"name": "tomcat", "sessions": {"store": "memory", "source": "our app uses HttpSession"}},
      {"name": "a", "images": ["a"], "class": "app", "sessions": {"store": "disk", "source": "x"}},
      {"name": "b", "images": ["b"], "class": "app", "sessions": {"store": "files", "source": "x"}},
      {"name": "c", "images": ["c"], "class": "app", "sessions": {"store": "memory", "path": "/x",
                                                                  "source": "x"}},
      {"name": "d", "images": ["d"], "class": "app", "sessions": {"store": "memory"}},
      {"name": "e", "images": ["e"], "class": "app", "sessions": {"store": "memory", "env": [],
                                                                  "source": "x"}}
  ]})"),
                              "config");
  std::vector<std::string> messages;
  for (const auto& error : errors) messages.push_back(error.entry + ": " + error.message);
  CHECK(messages == Strings{
                        "a: sessions: store: 'disk' is not one of files, memory, database, cookie",
                        "b: sessions: path: files need the directory they are written to",
                        "c: sessions: path: only a files store has one",
                        "d: sessions: source: where the facts were read is needed",
                        "e: sessions: unknown field 'env'",
                    });
  // A user who knows their Tomcat application keeps sessions can say so.
  const Resolved tomcat = resolve(catalog, "tomcat:11");
  CHECK(tomcat.entry->sessions.store == Sessions::Store::memory);
  CHECK_FALSE(tomcat.entry->sessions.application_decides);
}
