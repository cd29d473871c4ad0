#include <catch2/catch.hpp>

#include "docker/invocation.h"
#include "test_docker_support.h"

using namespace dockvet;
using namespace dockvet::docker;

namespace {

struct Parsed {
  std::string line;
  std::optional<Invocation> invocation;
};

Parsed parse(std::string_view line) {
  Parsed parsed{std::string(line), std::nullopt};
  parsed.invocation = parse_invocation(test::command_line(parsed.line));
  return parsed;
}

std::string text_of(const std::optional<Word>& word) {
  return word ? word->text() : "<none>";
}

std::vector<std::string> texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) out.push_back(word.text());
  return out;
}

std::vector<std::string> option_names(const Invocation& invocation) {
  std::vector<std::string> out;
  for (const auto& option : invocation.options) out.push_back(option.name);
  return out;
}

}  // namespace

TEST_CASE("a typical docker run line", "[docker]") {
  const auto p = parse(
      "docker run -d --name db -v pgdata:/var/lib/postgresql/data -e POSTGRES_PASSWORD=x "
      "postgres:16");
  REQUIRE(p.invocation);
  const auto& inv = *p.invocation;
  CHECK(inv.tool == Tool::docker);
  CHECK(inv.subcommand == Subcommand::run);
  CHECK(test::slice(p.line, inv.subcommand_range) == "run");
  CHECK(inv.program.text() == "docker");
  CHECK(inv.range == ByteRange{0, p.line.size()});
  CHECK(text_of(inv.image) == "postgres:16");
  CHECK(inv.image_index == 9);
  CHECK(test::slice(p.line, inv.image->range) == "postgres:16");
  CHECK(inv.command.empty());
  CHECK(option_names(inv) == std::vector<std::string>{"detach", "name", "volume", "env"});
  CHECK(text_of(inv.name) == "db");
  REQUIRE(inv.mounts.size() == 1);
  const Mount& mount = inv.mounts[0];
  CHECK(mount.kind == MountKind::named_volume);
  CHECK(mount.target_path == "/var/lib/postgresql/data");
  CHECK(test::slice(p.line, mount.flag_range) == "-v");
  CHECK(test::slice(p.line, mount.value_range) == "pgdata:/var/lib/postgresql/data");
  REQUIRE(inv.env.size() == 1);
  CHECK(inv.env[0].name == "POSTGRES_PASSWORD");
  CHECK(text_of(inv.env[0].value) == "x");
  CHECK(inv.find_env("POSTGRES_PASSWORD") == &inv.env[0]);
  CHECK(inv.find_env("PGDATA") == nullptr);
  CHECK_FALSE(inv.remove);
  CHECK_FALSE(inv.unknown_flags);
  CHECK_FALSE(inv.help_only);
}

TEST_CASE("every spelling of a value flag gives the same mount", "[docker]") {
  struct Case {
    std::string_view line;
    std::string_view flag;
    std::string_view value;
  };
  const Case cases[] = {
      {"docker run --volume data:/data redis", "--volume", "data:/data"},
      {"docker run --volume=data:/data redis", "--volume", "data:/data"},
      {"docker run -v data:/data redis", "-v", "data:/data"},
      {"docker run -vdata:/data redis", "-v", "data:/data"},
      {"docker run -v=data:/data redis", "-v", "data:/data"},
      {"docker run -itv data:/data redis", "v", "data:/data"},
      {"docker run --volume='data:/data' redis", "--volume", "data:/data"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const auto p = parse(c.line);
    REQUIRE(p.invocation);
    CHECK(text_of(p.invocation->image) == "redis");
    REQUIRE(p.invocation->mounts.size() == 1);
    const Mount& mount = p.invocation->mounts[0];
    CHECK(test::slice(p.line, mount.flag_range) == c.flag);
    CHECK(test::slice(p.line, mount.value_range) == c.value);
    CHECK(mount.kind == MountKind::named_volume);
    CHECK(mount.target_path == "/data");
  }
}

TEST_CASE("combined short flags and attached values", "[docker]") {
  const auto p = parse("docker run -itd -p8080:80 -e=X=1 --rm nginx sh -c 'echo hi'");
  REQUIRE(p.invocation);
  const auto& inv = *p.invocation;
  CHECK(option_names(inv) ==
        std::vector<std::string>{"interactive", "tty", "detach", "publish", "env", "rm"});
  CHECK(test::slice(p.line, inv.options[0].flag_range) == "-i");
  CHECK(test::slice(p.line, inv.options[1].flag_range) == "t");
  CHECK(test::slice(p.line, inv.options[2].flag_range) == "d");
  CHECK(inv.options[2].spelling == "-d");
  CHECK(text_of(inv.options[3].value) == "8080:80");
  CHECK(test::slice(p.line, inv.options[3].range) == "-p8080:80");
  REQUIRE(inv.env.size() == 1);
  CHECK(inv.env[0].name == "X");
  CHECK(text_of(inv.env[0].value) == "1");
  CHECK(inv.remove);
  CHECK(text_of(inv.image) == "nginx");
  CHECK(texts(inv.command) == std::vector<std::string>{"sh", "-c", "echo hi"});
}

TEST_CASE("a value flag ending a group takes the next word", "[docker]") {
  const auto p = parse("docker run -dp 5432:5432 postgres");
  REQUIRE(p.invocation);
  CHECK(option_names(*p.invocation) == std::vector<std::string>{"detach", "publish"});
  CHECK(text_of(p.invocation->options[1].value) == "5432:5432");
  CHECK(test::slice(p.line, p.invocation->options[1].range) == "p 5432:5432");
  CHECK(text_of(p.invocation->image) == "postgres");
}

TEST_CASE("docker option -- ends the options", "[docker]") {
  const auto p = parse("docker run --rm -- -odd-image --flag x");
  REQUIRE(p.invocation);
  CHECK(text_of(p.invocation->image) == "-odd-image");
  CHECK(p.invocation->image_index == 4);
  CHECK(texts(p.invocation->command) == std::vector<std::string>{"--flag", "x"});
}

TEST_CASE("arguments after the image belong to the container", "[docker]") {
  const auto p = parse("docker run -it --rm postgres psql -h db -U postgres --help");
  REQUIRE(p.invocation);
  CHECK(text_of(p.invocation->image) == "postgres");
  CHECK(texts(p.invocation->command) ==
        std::vector<std::string>{"psql", "-h", "db", "-U", "postgres", "--help"});
  CHECK_FALSE(p.invocation->help_only);
  CHECK_FALSE(p.invocation->hostname);
}

TEST_CASE("global options before the subcommand are skipped", "[docker]") {
  const auto p = parse(
      "docker -H tcp://10.0.0.1:2375 --context=prod -D --log-level debug --tlsverify "
      "--config /etc/docker container run -v /a:/b alpine true");
  REQUIRE(p.invocation);
  const auto& inv = *p.invocation;
  CHECK(inv.subcommand == Subcommand::run);
  CHECK(test::slice(p.line, inv.subcommand_range) == "container run");
  REQUIRE(inv.global_options.size() == 6);
  CHECK(inv.global_options[0].name == "host");
  CHECK(text_of(inv.global_options[0].value) == "tcp://10.0.0.1:2375");
  CHECK(text_of(inv.global_options[1].value) == "prod");
  CHECK(inv.global_options[2].name == "debug");
  CHECK(text_of(inv.global_options[3].value) == "debug");
  CHECK(inv.global_options[4].name == "tlsverify");
  CHECK(text_of(inv.global_options[5].value) == "/etc/docker");
  CHECK(text_of(inv.image) == "alpine");
  CHECK(texts(inv.command) == std::vector<std::string>{"true"});

  const auto short_globals = parse("docker -c ci -l error create --name x mysql");
  REQUIRE(short_globals.invocation);
  CHECK(short_globals.invocation->subcommand == Subcommand::create);
  CHECK(text_of(short_globals.invocation->image) == "mysql");
}

TEST_CASE("podman and nerdctl lines", "[docker]") {
  const auto podman = parse(
      "podman --remote --connection c1 --root /r --storage-driver overlay run --image-volume "
      "ignore -v data:/var/lib/pgsql/data:O --tls-verify=false -h db quay.io/x/pg:16");
  REQUIRE(podman.invocation);
  const auto& inv = *podman.invocation;
  CHECK(inv.tool == Tool::podman);
  CHECK(inv.global_options.size() == 4);
  CHECK(text_of(inv.image_volume) == "ignore");
  CHECK(text_of(inv.hostname) == "db");
  REQUIRE(inv.mounts.size() == 1);
  CHECK(inv.mounts[0].overlay);
  CHECK_FALSE(inv.mounts[0].persistent());
  CHECK(text_of(inv.image) == "quay.io/x/pg:16");
  CHECK_FALSE(inv.unknown_flags);

  const auto container_create = parse("podman container create --rmi --env-host mariadb");
  REQUIRE(container_create.invocation);
  CHECK(container_create.invocation->subcommand == Subcommand::create);
  CHECK(container_create.invocation->remove);
  CHECK(container_create.invocation->env_partly_unknown());

  const auto nerdctl = parse("nerdctl -n k8s.io --snapshotter=stargz run -d --name m mysql:8");
  REQUIRE(nerdctl.invocation);
  CHECK(nerdctl.invocation->tool == Tool::nerdctl);
  CHECK(text_of(nerdctl.invocation->image) == "mysql:8");

  const auto path = parse("/usr/local/bin/docker create -v /x mongo");
  REQUIRE(path.invocation);
  CHECK(path.invocation->tool == Tool::docker);
  CHECK(path.invocation->subcommand == Subcommand::create);
  CHECK(path.invocation->mounts.at(0).kind == MountKind::anonymous_volume);
}

TEST_CASE("service create with --mount and --replicas", "[docker]") {
  const auto p = parse(
      "docker service create --name db --mount type=volume,source=pgdata,target=/var/lib/"
      "postgresql/data --replicas 3 -e POSTGRES_PASSWORD_FILE=/run/secrets/pw --secret pw "
      "postgres:17");
  REQUIRE(p.invocation);
  const auto& inv = *p.invocation;
  CHECK(inv.subcommand == Subcommand::service_create);
  CHECK(test::slice(p.line, inv.subcommand_range) == "service create");
  CHECK(text_of(inv.replicas) == "3");
  CHECK(text_of(inv.name) == "db");
  REQUIRE(inv.mounts.size() == 1);
  CHECK(inv.mounts[0].kind == MountKind::named_volume);
  CHECK(inv.mounts[0].target_path == "/var/lib/postgresql/data");
  CHECK(test::slice(p.line, inv.mounts[0].flag_range) == "--mount");
  CHECK(text_of(inv.image) == "postgres:17");
  CHECK(inv.find_option("secret") != nullptr);

  const auto help = parse("docker service create -h");
  REQUIRE(help.invocation);
  CHECK(help.invocation->help_only);
  CHECK_FALSE(help.invocation->image);
}

TEST_CASE("docker option -h is the hostname for run and create", "[docker]") {
  const auto p = parse("docker run -d -h rabbit1 --hostname=rabbit2 rabbitmq:3");
  REQUIRE(p.invocation);
  CHECK(text_of(p.invocation->hostname) == "rabbit2");
  CHECK(text_of(p.invocation->image) == "rabbitmq:3");
  CHECK(p.invocation->options[1].name == "hostname");
  CHECK(text_of(p.invocation->options[1].value) == "rabbit1");
}

TEST_CASE("other docker commands are not invocations", "[docker]") {
  for (const auto* line :
       {"docker ps -a", "docker build -t x .", "docker", "docker compose run db", "docker -H x",
        "dockerd run x", "docker container ls", "docker service ls", "podman pod create",
        "docker exec -it db psql", "$DOCKER run postgres"}) {
    INFO(line);
    CHECK_FALSE(parse(line).invocation);
  }
}

TEST_CASE("docker option --help before the image only prints usage", "[docker]") {
  const auto p = parse("docker run --help");
  REQUIRE(p.invocation);
  CHECK(p.invocation->help_only);
  const auto global = parse("docker --help run");
  REQUIRE(global.invocation);
  CHECK(global.invocation->help_only);
}

TEST_CASE("env, env-file, rm, entrypoint, volumes-from, tmpfs, read-only", "[docker]") {
  const auto p = parse(
      "docker create -e PGDATA=/var/lib/postgresql/data/pgdata -e HOST_VAR --env-file .env "
      "--rm=false --entrypoint=cat --volumes-from store:ro --volumes-from other "
      "--tmpfs /run:size=1m --read-only --mount type=tmpfs,dst=/tmp postgres");
  REQUIRE(p.invocation);
  const auto& inv = *p.invocation;
  REQUIRE(inv.env.size() == 2);
  CHECK(text_of(inv.find_env("PGDATA")->value) == "/var/lib/postgresql/data/pgdata");
  CHECK(inv.env[1].from_host);
  CHECK_FALSE(inv.env[1].value);
  CHECK(inv.env_file_present);
  CHECK(inv.env_partly_unknown());
  CHECK_FALSE(inv.remove);
  CHECK(text_of(inv.entrypoint) == "cat");
  REQUIRE(inv.volumes_from.size() == 2);
  CHECK(inv.volumes_from[0].container.text() == "store");
  CHECK(inv.volumes_from[0].readonly);
  CHECK(inv.volumes_from[1].container.text() == "other");
  CHECK(inv.volumes_from[1].mode.empty());
  CHECK(inv.read_only);
  REQUIRE(inv.mounts.size() == 2);
  CHECK(inv.mounts[0].syntax == MountSyntax::tmpfs_flag);
  CHECK(inv.mounts[0].target_path == "/run");
  CHECK(inv.mounts[1].kind == MountKind::tmpfs);
  CHECK(text_of(inv.image) == "postgres");
}

TEST_CASE("an env name with an expansion leaves the environment partly unknown", "[docker]") {
  const auto p = parse("docker run -e \"$NAME=1\" redis");
  REQUIRE(p.invocation);
  REQUIRE(p.invocation->env.size() == 1);
  CHECK_FALSE(p.invocation->env[0].name_known);
  CHECK(p.invocation->env_partly_unknown());
}

TEST_CASE("unknown flags are assumed boolean and remembered", "[docker]") {
  const auto p = parse("docker run --frobnicate --speed=3 -Z postgres");
  REQUIRE(p.invocation);
  CHECK(p.invocation->unknown_flags);
  CHECK(text_of(p.invocation->image) == "postgres");
  CHECK_FALSE(p.invocation->options[0].known);
  CHECK(text_of(p.invocation->options[1].value) == "3");

  const auto opts = parse("docker run -d $DOCKER_OPTS ${EXTRA_ARGS[@]} postgres");
  REQUIRE(opts.invocation);
  CHECK(opts.invocation->unknown_flags);
  CHECK(text_of(opts.invocation->image) == "postgres");

  const auto image_var = parse("docker run -d $IMAGE --port 1");
  REQUIRE(image_var.invocation);
  CHECK(text_of(image_var.invocation->image) == "$IMAGE");
  CHECK_FALSE(image_var.invocation->image->known());
  CHECK(texts(image_var.invocation->command) == std::vector<std::string>{"--port", "1"});
}

TEST_CASE("garbage never crashes: typo dashes, placeholders, dangling flags", "[docker]") {
  const auto en_dash = parse("docker run \xE2\x80\x93name c1 -d convertigo");
  REQUIRE(en_dash.invocation);
  CHECK(text_of(en_dash.invocation->name) == "c1");
  CHECK(en_dash.invocation->dash_typos);
  CHECK(text_of(en_dash.invocation->image) == "convertigo");

  const auto single_dash = parse("docker run -name db -rm mysql");
  REQUIRE(single_dash.invocation);
  CHECK(text_of(single_dash.invocation->name) == "db");
  CHECK(single_dash.invocation->remove);
  CHECK(single_dash.invocation->dash_typos);
  CHECK(text_of(single_dash.invocation->image) == "mysql");

  const auto elided = parse("docker run --name some-wordpress ... -d wordpress");
  REQUIRE(elided.invocation);
  CHECK(elided.invocation->elided_options);
  CHECK(text_of(elided.invocation->image) == "wordpress");

  const auto usage = parse("docker run [OPTIONS] -v data:/data <options> postgres");
  REQUIRE(usage.invocation);
  CHECK(usage.invocation->elided_options);
  CHECK(text_of(usage.invocation->image) == "postgres");
  CHECK(usage.invocation->mounts.size() == 1);

  const auto dangling = parse("docker run -v");
  REQUIRE(dangling.invocation);
  CHECK_FALSE(dangling.invocation->image);
  REQUIRE(dangling.invocation->options.size() == 1);
  CHECK(dangling.invocation->options[0].missing_value);
  CHECK(dangling.invocation->mounts.empty());

  const auto empty_value = parse("docker run -v '' --mount= -e '' x");
  REQUIRE(empty_value.invocation);
  CHECK(empty_value.invocation->mounts.empty());
  CHECK(text_of(empty_value.invocation->image) == "x");

  for (const auto* line : {"docker run ''", "docker run -", "docker run --", "docker run -e=",
                           "docker run --=x", "docker run -\xE2\x80\x93", "docker run \xE2\x80\x93",
                           "docker run -v :", "docker run --mount ,,,=,", "docker run -v ::::"}) {
    INFO(line);
    CHECK_NOTHROW(parse(line));
  }
  CHECK(text_of(parse("docker run ''").invocation->image) == "");
}

namespace {

// One word as the shell front end builds it: a single literal segment whose source (quotes or
// escapes included) is longer than its text.
Word merged_literal(std::string_view line, std::string_view source, std::string text) {
  const auto begin = line.find(source);
  const ByteRange range{begin, begin + source.size()};
  Word word;
  word.range = range;
  word.segments.push_back(WordSegment{std::move(text), true, range});
  return word;
}

}  // namespace

TEST_CASE("with the file text, ranges inside quoted and escaped words are exact", "[docker]") {
  const std::string line = R"(docker run --volume="data:/var/lib/mysql" -v /my\ data:/srv mysql)";
  auto command = test::command_line("docker run");
  command.range = {0, line.size()};
  command.words.push_back(
      merged_literal(line, R"(--volume="data:/var/lib/mysql")", "--volume=data:/var/lib/mysql"));
  command.words.push_back(merged_literal(line, "-v", "-v"));
  command.words.push_back(merged_literal(line, R"(/my\ data:/srv)", "/my data:/srv"));
  command.words.push_back(merged_literal(line, "mysql", "mysql"));

  const auto invocation = parse_invocation(command, line);
  REQUIRE(invocation);
  REQUIRE(invocation->mounts.size() == 2);
  const Mount& quoted = invocation->mounts[0];
  CHECK(test::slice(line, quoted.flag_range) == "--volume");
  CHECK(test::slice(line, quoted.value_range) == "data:/var/lib/mysql");
  CHECK(test::slice(line, quoted.source->range) == "data");
  CHECK(test::slice(line, quoted.target->range) == "/var/lib/mysql");
  const Mount& escaped = invocation->mounts[1];
  CHECK(escaped.kind == MountKind::bind);
  CHECK(escaped.source->text() == "/my data");
  CHECK(test::slice(line, escaped.source->range) == R"(/my\ data)");
  CHECK(test::slice(line, escaped.target->range) == "/srv");
  CHECK(text_of(invocation->image) == "mysql");

  CHECK_FALSE(parse_invocation(test::command_line("ls -la"), "ls -la"));
}
