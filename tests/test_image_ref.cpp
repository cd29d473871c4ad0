#include <catch2/catch.hpp>

#include "catalog/image_ref.h"
#include "catalog/version.h"

using dockvet::Word;
using dockvet::WordSegment;
using dockvet::catalog::ImageRef;
using dockvet::catalog::leading_version;
using dockvet::catalog::marked_version;
using dockvet::catalog::parse_image_ref;
using dockvet::catalog::parse_version;
using dockvet::catalog::VersionRange;

namespace {

struct Expected {
  std::string registry, namespace_, repository, tag, digest, key;
};

void check_parts(const ImageRef& ref, const Expected& expected) {
  INFO(ref.text);
  CHECK(ref.valid);
  CHECK(ref.error.empty());
  CHECK(ref.name_known);
  CHECK(ref.tag_known);
  CHECK(ref.registry == expected.registry);
  CHECK(ref.namespace_ == expected.namespace_);
  CHECK(ref.repository == expected.repository);
  CHECK(ref.tag == expected.tag);
  CHECK(ref.digest == expected.digest);
  CHECK(ref.key() == expected.key);
}

const std::string kDigest =
    "sha256:4b8d5b1a0c7e3f2d9a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f";

}  // namespace

TEST_CASE("every Docker Hub spelling of postgres has the same parts", "[catalog]") {
  for (const char* text : {"postgres", "library/postgres", "docker.io/postgres",
                           "docker.io/library/postgres", "index.docker.io/library/postgres",
                           "registry-1.docker.io/library/postgres", "index.docker.io/postgres"}) {
    check_parts(parse_image_ref(text), {"docker.io", "library", "postgres", "", "", "postgres"});
  }
  ImageRef ref = parse_image_ref("postgres");
  CHECK(ref.full_name() == "docker.io/library/postgres");
  CHECK(ref.rewritten_from.empty());
  CHECK_FALSE(ref.has_tag());
}

TEST_CASE("tags and digests are split off", "[catalog]") {
  check_parts(parse_image_ref("postgres:17"),
              {"docker.io", "library", "postgres", "17", "", "postgres"});
  check_parts(parse_image_ref("docker.io/library/postgres:16-alpine"),
              {"docker.io", "library", "postgres", "16-alpine", "", "postgres"});
  check_parts(parse_image_ref("postgres@" + kDigest),
              {"docker.io", "library", "postgres", "", kDigest, "postgres"});
  check_parts(parse_image_ref("index.docker.io/library/postgres:18@" + kDigest),
              {"docker.io", "library", "postgres", "18", kDigest, "postgres"});
}

TEST_CASE("registries with ports and deeper paths keep their host", "[catalog]") {
  check_parts(parse_image_ref("localhost:5000/x:1"),
              {"localhost:5000", "", "x", "1", "", "localhost:5000/x"});
  check_parts(parse_image_ref("localhost/app"), {"localhost", "", "app", "", "", "localhost/app"});
  check_parts(parse_image_ref("mcr.microsoft.com/mssql/server:2022-latest"),
              {"mcr.microsoft.com", "mssql", "server", "2022-latest", "",
               "mcr.microsoft.com/mssql/server"});
  check_parts(
      parse_image_ref("quay.io/prometheus/prometheus:v3.0.0"),
      {"quay.io", "prometheus", "prometheus", "v3.0.0", "", "quay.io/prometheus/prometheus"});
  check_parts(parse_image_ref("docker.elastic.co/elasticsearch/elasticsearch:8.15.0"),
              {"docker.elastic.co", "elasticsearch", "elasticsearch", "8.15.0", "",
               "docker.elastic.co/elasticsearch/elasticsearch"});
  check_parts(parse_image_ref("registry.example.com:8443/team/sub/app:2"),
              {"registry.example.com:8443", "team/sub", "app", "2", "",
               "registry.example.com:8443/team/sub/app"});
}

TEST_CASE("Docker Hub namespaces and the bitnami family", "[catalog]") {
  check_parts(parse_image_ref("prom/prometheus"),
              {"docker.io", "prom", "prometheus", "", "", "prom/prometheus"});
  check_parts(parse_image_ref("bitnami/postgresql:17"),
              {"docker.io", "bitnami", "postgresql", "17", "", "bitnami/postgresql"});
  check_parts(parse_image_ref("docker.io/bitnamilegacy/postgresql:17"),
              {"docker.io", "bitnamilegacy", "postgresql", "17", "", "bitnami/postgresql"});
  check_parts(parse_image_ref("bitnamisecure/mysql"),
              {"docker.io", "bitnamisecure", "mysql", "", "", "bitnami/mysql"});
}

TEST_CASE("mirrors and architecture namespaces map to the library image", "[catalog]") {
  ImageRef gcr = parse_image_ref("mirror.gcr.io/library/postgres:17");
  check_parts(gcr, {"docker.io", "library", "postgres", "17", "", "postgres"});
  CHECK(gcr.rewritten_from == "mirror.gcr.io");
  ImageRef ecr = parse_image_ref("public.ecr.aws/docker/library/mysql:8.4");
  check_parts(ecr, {"docker.io", "library", "mysql", "8.4", "", "mysql"});
  CHECK(ecr.rewritten_from == "public.ecr.aws");
  ImageRef arm = parse_image_ref("arm64v8/redis:7");
  check_parts(arm, {"docker.io", "library", "redis", "7", "", "redis"});
  CHECK(arm.rewritten_from == "arm64v8");
  // Another ECR namespace is its own image.
  CHECK(parse_image_ref("public.ecr.aws/bitnami/postgresql").key() ==
        "public.ecr.aws/bitnami/postgresql");
}

TEST_CASE("invalid references are marked, never thrown", "[catalog]") {
  ImageRef upper = parse_image_ref("Postgres:16");
  CHECK_FALSE(upper.valid);
  CHECK(upper.error == "repository name 'Postgres' must be lowercase");
  ImageRef path_upper = parse_image_ref("docker.io/Library/Postgres");
  CHECK_FALSE(path_upper.valid);
  CHECK(path_upper.error == "repository name 'Library/Postgres' must be lowercase");
  ImageRef empty = parse_image_ref("");
  CHECK_FALSE(empty.valid);
  CHECK(empty.error == "the image name is empty");
  ImageRef empty_tag = parse_image_ref("postgres:");
  CHECK_FALSE(empty_tag.valid);
  CHECK(empty_tag.error == "the tag after ':' is empty");
  ImageRef bad_digest = parse_image_ref("postgres@sha256:xyz");
  CHECK_FALSE(bad_digest.valid);
  CHECK(bad_digest.error == "'sha256:xyz' is not a digest (algorithm:hex)");
  ImageRef bad_component = parse_image_ref("my__-app/x");
  CHECK_FALSE(bad_component.valid);
  for (const char* text : {"/", ":", "@", "a//b", "::::", "-x", "x:-1", "\xff\xfe"}) {
    INFO(text);
    CHECK_FALSE(parse_image_ref(text).valid);
  }
}

TEST_CASE("variables and placeholders make parts unknown", "[catalog]") {
  ImageRef tag_var = parse_image_ref("postgres:$TAG", false);
  CHECK(tag_var.name_known);
  CHECK_FALSE(tag_var.tag_known);
  CHECK(tag_var.valid);
  CHECK(tag_var.key() == "postgres");
  CHECK(tag_var.tag == "$TAG");

  ImageRef image_var = parse_image_ref("${IMAGE}", false);
  CHECK_FALSE(image_var.name_known);
  CHECK_FALSE(image_var.tag_known);

  ImageRef default_var = parse_image_ref("${IMAGE:-postgres:16}", false);
  CHECK_FALSE(default_var.name_known);
  CHECK(default_var.tag.empty());

  ImageRef registry_var = parse_image_ref("$REGISTRY/team/app:1", false);
  CHECK_FALSE(registry_var.name_known);

  ImageRef braced = parse_image_ref("bitnami/postgresql:${PG_VERSION:-17}", false);
  CHECK(braced.name_known);
  CHECK_FALSE(braced.tag_known);
  CHECK(braced.tag == "${PG_VERSION:-17}");
  CHECK(braced.key() == "bitnami/postgresql");

  for (const char* text :
       {"mysql:tag", "postgres:[version]", "postgres:<version>", "redis:TAG", "mongo:{version}"}) {
    INFO(text);
    ImageRef ref = parse_image_ref(text);
    CHECK(ref.name_known);
    CHECK_FALSE(ref.tag_known);
    CHECK(ref.valid);
  }
  CHECK_FALSE(parse_image_ref("<image>").name_known);
  CHECK_FALSE(parse_image_ref("[image]:latest").name_known);

  // Unknown, but the variable cannot be found in the text: nothing is trusted.
  ImageRef opaque = parse_image_ref("postgres:16", false);
  CHECK_FALSE(opaque.name_known);
  CHECK_FALSE(opaque.tag_known);
}

TEST_CASE("a shell word's expansions are the unknown parts", "[catalog]") {
  Word word;
  word.segments = {WordSegment{"postgres:", true, {}}, WordSegment{"$PG", false, {}},
                   WordSegment{"-alpine", true, {}}};
  ImageRef ref = parse_image_ref(word);
  CHECK(ref.name_known);
  CHECK_FALSE(ref.tag_known);
  CHECK(ref.tag == "$PG-alpine");
  CHECK(ref.text == "postgres:$PG-alpine");

  Word literal;
  literal.segments = {WordSegment{"mysql:8.4", true, {}}};
  ImageRef known = parse_image_ref(literal);
  CHECK(known.tag_known);
  CHECK(known.tag == "8.4");

  Word whole;
  whole.segments = {WordSegment{"$(cat image.txt)", false, {}}};
  CHECK_FALSE(parse_image_ref(whole).name_known);
}

TEST_CASE("versions are read from tags", "[catalog]") {
  auto text_of = [](std::optional<dockvet::catalog::Version> version) {
    return version ? version->text : std::string("none");
  };
  CHECK(text_of(leading_version("16-alpine")) == "16");
  CHECK(leading_version("16-alpine")->numbers == std::vector<int>{16});
  CHECK(text_of(leading_version("8.0.36-debian")) == "8.0.36");
  CHECK(leading_version("8.0.36-debian")->numbers == std::vector<int>{8, 0, 36});
  CHECK(text_of(leading_version("17.2-bookworm")) == "17.2");
  auto beta = leading_version("19beta3-trixie");
  REQUIRE(beta);
  CHECK(beta->major() == 19);
  CHECK(beta->prerelease == "beta3");
  CHECK(beta->text == "19beta3");
  CHECK(leading_version("2026.06.0")->numbers == std::vector<int>{2026, 6, 0});
  CHECK(text_of(leading_version("18-3.6")) == "18");
  CHECK(text_of(leading_version("3-core")) == "3");
  CHECK(text_of(leading_version("alpine")) == "none");
  CHECK(text_of(leading_version("latest")) == "none");
  CHECK(text_of(leading_version("16alpine")) == "none");
  CHECK(text_of(leading_version("v3.0.0")) == "none");
  CHECK(text_of(marked_version("2.17.2-pg16", "pg")) == "16");
  CHECK(text_of(marked_version("latest-pg16", "pg")) == "16");
  CHECK(text_of(marked_version("pg17", "pg")) == "17");
  CHECK(text_of(marked_version("2.17.2-pg16.4-oss", "pg")) == "16.4");
  CHECK(text_of(marked_version("2.17.2", "pg")) == "none");
  CHECK(text_of(marked_version("2.17.2-apg16", "pg")) == "none");
}

TEST_CASE("version ranges compare on the parts they name", "[catalog]") {
  auto contains = [](std::string_view range, std::string_view version) {
    auto parsed = VersionRange::parse(range);
    REQUIRE(parsed);
    return parsed->contains(*parse_version(version));
  };
  CHECK(contains(">=18", "18"));
  CHECK(contains(">=18", "19beta3"));
  CHECK_FALSE(contains(">=18", "17.2"));
  CHECK(contains("<=17", "17.2"));
  CHECK(contains("<18", "9.6"));
  CHECK(contains("=2", "2.8"));
  CHECK_FALSE(contains("=2", "3"));
  CHECK(contains("14-17", "16.4"));
  CHECK_FALSE(contains("14-17", "18"));
  CHECK(contains(">=2 <3", "2.9"));
  CHECK(contains("*", "1"));
  std::string error;
  CHECK_FALSE(VersionRange::parse(">=x", &error));
  CHECK(error == "'>=x' is not a version range: 'x' is not a version");
  CHECK_FALSE(VersionRange::parse("", &error));
  CHECK(error == "'' is not a version range: it is empty (use \"*\" for every version)");
}
