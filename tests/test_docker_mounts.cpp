#include <catch2/catch.hpp>

#include "docker/mounts.h"
#include "docker/paths.h"
#include "docker/words.h"
#include "test_docker_support.h"

using namespace dockvet;
using namespace dockvet::docker;

namespace {

// The value word of `-v VALUE` written at offset 3 of "-v VALUE".
struct Spec {
  std::string line;
  Word word;
};

Spec spec(std::string_view value) {
  Spec s{"-v " + std::string(value), {}};
  s.word = test::command_line(s.line).words.at(1);
  return s;
}

std::string text_of(const std::optional<Word>& word) {
  return word ? word->text() : "<none>";
}

}  // namespace

TEST_CASE("docker option -v with only a destination is an anonymous volume", "[docker]") {
  const auto s = spec("/var/lib/mysql/");
  const Mount mount = parse_volume_spec(s.word);
  CHECK(mount.kind == MountKind::anonymous_volume);
  CHECK_FALSE(mount.source);
  CHECK(mount.target_path == "/var/lib/mysql");
  CHECK(mount.target_known);
  CHECK_FALSE(mount.persistent());
  CHECK(test::slice(s.line, mount.value_range) == "/var/lib/mysql/");
}

TEST_CASE("docker option -v sources classify as named volume, bind or unknown", "[docker]") {
  struct Case {
    std::string_view value;
    MountKind kind;
    std::string_view source;
    std::string_view target;
    bool low_confidence;
  };
  const Case cases[] = {
      {"pgdata:/var/lib/postgresql/data", MountKind::named_volume, "pgdata",
       "/var/lib/postgresql/data", false},
      {"my.vol_1-x:/x", MountKind::named_volume, "my.vol_1-x", "/x", false},
      {"/srv/pg:/var/lib/postgresql/data", MountKind::bind, "/srv/pg", "/var/lib/postgresql/data",
       false},
      {"./data:/data", MountKind::bind, "./data", "/data", false},
      {"../data:/data", MountKind::bind, "../data", "/data", false},
      {".:/app", MountKind::bind, ".", "/app", false},
      {"~/neo4j/data:/data", MountKind::bind, "~/neo4j/data", "/data", false},
      {"$PWD/data:/data", MountKind::bind, "$PWD/data", "/data", false},
      {"${PWD}:/data", MountKind::bind, "${PWD}", "/data", false},
      {"$(pwd)/data:/data", MountKind::bind, "$(pwd)/data", "/data", false},
      {"`pwd`:/data", MountKind::bind, "`pwd`", "/data", false},
      {"$HOME/x:/data", MountKind::bind, "$HOME/x", "/data", false},
      {"${DATA:-/srv/data}:/data", MountKind::bind, "${DATA:-/srv/data}", "/data", false},
      {"\"$PWD\"/data:/data", MountKind::bind, "$PWD/data", "/data", false},
      {"$DATA:/data", MountKind::host_or_volume, "$DATA", "/data", true},
      {"${PROJECT}_db:/data", MountKind::host_or_volume, "${PROJECT}_db", "/data", true},
      {"db_${ENV}:/data", MountKind::named_volume, "db_${ENV}", "/data", false},
      {":/data", MountKind::unknown, "", "/data", true},
      {"...:/var/lib/mysql", MountKind::unknown, "...", "/var/lib/mysql", false},
      {"C:\\data:/var/lib/mysql", MountKind::bind, "C:\\data", "/var/lib/mysql", false},
      {"C:/data:/x", MountKind::bind, "C:/data", "/x", false},
      {"c:\\x:C:\\data\\db", MountKind::bind, "c:\\x", "C:\\data\\db", false},
      {"//c/Users/x:/x", MountKind::bind, "//c/Users/x", "/x", false},
      {"/c/Users/x:/x", MountKind::bind, "/c/Users/x", "/x", false},
      {"\\\\wsl$\\Ubuntu\\data:/x", MountKind::bind, "\\\\wsl$\\Ubuntu\\data", "/x", false},
      {"%cd%/data:/x", MountKind::bind, "%cd%/data", "/x", false},
      {"\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine", MountKind::npipe,
       "\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine", false},
  };
  for (const auto& c : cases) {
    INFO(c.value);
    const auto s = spec(c.value);
    const Mount mount = parse_volume_spec(s.word);
    CHECK(mount.kind == c.kind);
    CHECK(text_of(mount.source) == c.source);
    CHECK(text_of(mount.target) == c.target);
    CHECK(mount.low_confidence == c.low_confidence);
  }
}

TEST_CASE("docker option -v keeps exact ranges of source and target", "[docker]") {
  const auto s = spec("${DATA:-/srv}:/var/lib/mysql:ro");
  const Mount mount = parse_volume_spec(s.word);
  REQUIRE(mount.source);
  REQUIRE(mount.target);
  CHECK(test::slice(s.line, mount.source->range) == "${DATA:-/srv}");
  CHECK(test::slice(s.line, mount.target->range) == "/var/lib/mysql");
  CHECK_FALSE(mount.source_known);
  CHECK(mount.target_known);
  CHECK(mount.readonly);
  CHECK(mount.options == std::vector<std::string>{"ro"});
}

TEST_CASE("docker option -v options: modes, podman overlay, Windows targets", "[docker]") {
  const Mount ro = parse_volume_spec(spec("/etc/x:/etc/x:ro,z").word);
  CHECK(ro.readonly);
  CHECK(ro.options == std::vector<std::string>{"ro", "z"});
  CHECK(ro.persistent());

  const Mount overlay = parse_volume_spec(spec("data:/var/lib/pgsql:O").word);
  CHECK(overlay.kind == MountKind::named_volume);
  CHECK(overlay.overlay);
  CHECK_FALSE(overlay.persistent());

  const Mount mode_only = parse_volume_spec(spec("/data:ro").word);
  CHECK(mode_only.kind == MountKind::anonymous_volume);
  CHECK(mode_only.target_path == "/data");
  CHECK(mode_only.readonly);

  const Mount windows = parse_volume_spec(spec("c:\\x:C:\\data\\db\\:rw").word);
  CHECK(windows.windows_target);
  CHECK(windows.target_path == "C:/data/db");
  CHECK(windows.options == std::vector<std::string>{"rw"});

  const Mount expanded_target = parse_volume_spec(spec("data:$TARGET").word);
  CHECK_FALSE(expanded_target.target_known);
  CHECK(expanded_target.target_path == "$TARGET");
}

TEST_CASE("docker option --mount fields in any order, quoted, with defaults", "[docker]") {
  const auto bind = parse_mount_spec(spec("type=bind,source=/a,target=/b/,readonly").word);
  CHECK(bind.kind == MountKind::bind);
  CHECK(text_of(bind.source) == "/a");
  CHECK(bind.target_path == "/b");
  CHECK(bind.readonly);
  CHECK(bind.syntax == MountSyntax::mount_flag);

  const auto reordered =
      parse_mount_spec(spec("dst=/d,volume-driver=local,src=v,type=volume").word);
  CHECK(reordered.kind == MountKind::named_volume);
  CHECK(text_of(reordered.source) == "v");
  CHECK(reordered.target_path == "/d");
  CHECK(reordered.options == std::vector<std::string>{"volume-driver=local"});

  const auto anonymous = parse_mount_spec(spec("target=/var/lib/mysql").word);
  CHECK(anonymous.kind == MountKind::anonymous_volume);

  const auto quoted = spec("'\"type=bind\",\"source=/a,b\",destination=/c,ro=false'");
  const auto csv = parse_mount_spec(quoted.word);
  CHECK(csv.kind == MountKind::bind);
  CHECK(text_of(csv.source) == "/a,b");
  CHECK(csv.target_path == "/c");
  CHECK_FALSE(csv.readonly);

  const auto placeholder = parse_mount_spec(spec("type=...,source=...,target=/var/www/html").word);
  CHECK(placeholder.kind == MountKind::unknown);
  CHECK(placeholder.target_known);

  const auto expanded_type = parse_mount_spec(spec("type=$T,target=/x").word);
  CHECK(expanded_type.kind == MountKind::unknown);

  const auto tmpfs = parse_mount_spec(spec("type=tmpfs,destination=/t,tmpfs-size=64m").word);
  CHECK(tmpfs.kind == MountKind::tmpfs);
  CHECK_FALSE(tmpfs.persistent());

  const auto with_range = spec("type=volume,source=pg,target=/var/lib/postgresql/data");
  const auto ranged = parse_mount_spec(with_range.word);
  REQUIRE(ranged.target);
  CHECK(test::slice(with_range.line, ranged.target->range) == "/var/lib/postgresql/data");
  CHECK(test::slice(with_range.line, ranged.source->range) == "pg");
}

TEST_CASE("docker option --tmpfs target and options", "[docker]") {
  const auto s = spec("/var/lib/postgresql/data:rw,size=64m");
  const auto mount = parse_tmpfs_spec(s.word);
  CHECK(mount.kind == MountKind::tmpfs);
  CHECK(mount.target_path == "/var/lib/postgresql/data");
  CHECK(mount.options == std::vector<std::string>{"rw", "size=64m"});
  CHECK(test::slice(s.line, mount.target->range) == "/var/lib/postgresql/data");
}

TEST_CASE("container paths normalise and compare", "[docker]") {
  CHECK(normalize_container_path("/var//lib/./mysql/") == "/var/lib/mysql");
  CHECK(normalize_container_path("/") == "/");
  CHECK(normalize_container_path("/data/.") == "/data");
  CHECK(normalize_container_path("C:\\Data\\DB\\") == "C:/Data/DB");
  CHECK(relate_paths("/var/lib/postgresql", "/var/lib/postgresql/data") == PathRelation::ancestor);
  CHECK(relate_paths("/var/lib/postgresql/data/", "/var/lib/postgresql") ==
        PathRelation::descendant);
  CHECK(relate_paths("/var/lib/postgres", "/var/lib/postgresql") == PathRelation::unrelated);
  CHECK(relate_paths("/", "/data") == PathRelation::ancestor);
  CHECK(same_path("C:\\data\\db", "c:/DATA/db/"));
  CHECK_FALSE(same_path("/Data", "/data"));
  CHECK(is_ancestor_path("C:\\data", "c:\\data\\db"));
  CHECK(covers_path("/data", "/data/"));
  CHECK_FALSE(is_ancestor_path("/data", "/data"));
}

TEST_CASE("slice_word never splits an expansion", "[docker]") {
  const auto command = test::command_line("x ab${C:-d}ef");
  const Word& word = command.words.at(1);
  const Word middle = slice_word(word, 1, 10);
  CHECK(middle.text() == "b${C:-d}e");
  CHECK(middle.range == ByteRange{3, 12});
  CHECK_FALSE(middle.known());
  const Word cut_inside = slice_word(word, 1, 5);  // ends inside the expansion: keeps all of it
  CHECK(cut_inside.text() == "b${C:-d}");
  CHECK(cut_inside.range == ByteRange{3, 11});
  const auto pieces = split_word(word, ':');
  CHECK(pieces.size() == 1);
}
