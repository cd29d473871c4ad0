// The shared data-persistence analysis (src/stateful): server or client, effective data paths
// and exactly one verdict per path, on single docker/podman command lines.

#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "docker/invocation.h"
#include "stateful/analysis.h"
#include "stateful/server.h"
#include "stateful/similarity.h"
#include "test_docker_support.h"

namespace {

using dockvet::stateful::Verdict;

/// "path=verdict" for every data path, or "client" when the line starts no stateful server.
std::vector<std::string> verdicts(const std::string& line) {
  const auto command = dockvet::docker::test::command_line(line);
  const auto invocation = dockvet::docker::parse_invocation(command, line);
  REQUIRE(invocation);
  const auto run = dockvet::stateful::analyze(*invocation, dockvet::catalog::Catalog::builtin());
  if (!run) return {"client"};
  std::vector<std::string> out;
  for (const auto& path : run->paths) {
    out.push_back(path.data_path + "=" + std::string(dockvet::stateful::to_string(path.verdict)));
  }
  return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("postgres data paths follow the major version", "[stateful]") {
  CHECK(verdicts("docker run -d postgres:16") == List{"/var/lib/postgresql/data=anonymous_volume"});
  CHECK(verdicts("docker run -d postgres") ==
        List{"/var/lib/postgresql/18/docker=anonymous_volume"});
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql/data postgres:16") ==
        List{"/var/lib/postgresql/data=persistent"});
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql postgres:18") ==
        List{"/var/lib/postgresql/18/docker=persistent"});
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql/18/docker postgres:18") ==
        List{"/var/lib/postgresql/18/docker=persistent"});
}

TEST_CASE("the traps of rules 9 and 10 get their own verdicts", "[stateful]") {
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql postgres:17") ==
        List{"/var/lib/postgresql/data=hidden_by_volume"});
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql/data postgres:18") ==
        List{"/var/lib/postgresql/18/docker=wrong_path"});
  CHECK(verdicts("docker run -d -v pgdata:/var/lib/postgresql/data postgres") ==
        List{"/var/lib/postgresql/18/docker=wrong_path"});
  CHECK(verdicts("docker run -d -v pg:/var/lib/postgresql/data timescale/timescaledb-ha:pg16") ==
        List{"/home/postgres/pgdata/data=wrong_path"});
  CHECK(verdicts("docker run -d -v kafka:/var/lib/kafka/data apache/kafka:3.8.0") ==
        List{"/tmp/kraft-combined-logs=wrong_path"});
}

TEST_CASE("tmpfs, overlays and --rm lose the data", "[stateful]") {
  CHECK(verdicts("docker run --tmpfs /var/lib/mysql mysql:8.4") ==
        List{"/var/lib/mysql=throwaway_mount"});
  CHECK(verdicts("docker run --mount type=tmpfs,target=/data redis:7") ==
        List{"/data=throwaway_mount"});
  CHECK(verdicts("podman run -v ./db:/var/lib/mysql:O mysql:8.4") ==
        List{"/var/lib/mysql=throwaway_mount"});
  CHECK(verdicts("docker run --rm -d postgres:17") ==
        List{"/var/lib/postgresql/data=removed_on_exit"});
  CHECK(verdicts("docker run --rm -d -v pgdata:/var/lib/postgresql/data postgres:17") ==
        List{"/var/lib/postgresql/data=persistent"});
  CHECK(verdicts("docker run --rm -v /var/lib/mysql mysql") ==
        List{"/var/lib/mysql=removed_on_exit"});
}

TEST_CASE("images without a VOLUME keep unmounted data in the layer", "[stateful]") {
  CHECK(verdicts("docker run -d elasticsearch:8.15.0") ==
        List{"/usr/share/elasticsearch/data=container_layer"});
  CHECK(verdicts("docker run -d -v /srv/bitnami:/bitnami/mysql bitnami/mysql:8.4") ==
        List{"/bitnami/mysql/data=persistent"});
  CHECK(verdicts("docker run -d -v /var/lib/mysql mysql:8.4") ==
        List{"/var/lib/mysql=anonymous_volume"});
}

TEST_CASE("knobs move the data and the verdict follows it", "[stateful]") {
  CHECK(verdicts(
            "docker run -e PGDATA=/var/lib/postgresql/data/pgdata -v vol:/var/lib/postgresql/data "
            "postgres:16") == List{"/var/lib/postgresql/data/pgdata=persistent"});
  CHECK(verdicts("docker run -e PGDATA=/srv/pg -v vol:/var/lib/postgresql/data postgres:16") ==
        List{"/srv/pg=relocated_outside"});
  CHECK(verdicts("docker run -v mongo:/data mongo:8 --dbpath /srv/mongo") ==
        List{"/srv/mongo=relocated_outside"});
  CHECK(verdicts("docker run -v minio:/data minio/minio server /data") == List{"/data=persistent"});
  CHECK(verdicts("docker run minio/minio server /tmp/minio") ==
        List{"/tmp/minio=relocated_outside"});
  CHECK(verdicts("docker run -e PGDATA=$DIR -v pgvol:/srv postgres:16") ==
        List{"/var/lib/postgresql/data=unknown"});
  CHECK(verdicts("docker run --env-file db.env -v pgvol:/srv postgres:16") ==
        List{"/var/lib/postgresql/data=unknown"});
  CHECK(verdicts("docker run --env-file db.env --rm postgres:16") ==
        List{"/var/lib/postgresql/data=removed_on_exit"});
  // A config may move a database's data, but only a mount could keep it: with none but the
  // config's own, the data is lost wherever it went.
  CHECK(verdicts("docker run -v ./my.cnf:/etc/mysql/conf.d/my.cnf mysql:8.4") ==
        List{"/var/lib/mysql=anonymous_volume"});
  CHECK(verdicts("docker run -v ./my.cnf:/etc/mysql/conf.d/my.cnf -v db:/srv/db mysql:8.4") ==
        List{"/var/lib/mysql=unknown"});
  CHECK(verdicts("docker run --env-file db.env postgres:16") ==
        List{"/var/lib/postgresql/data=anonymous_volume"});
  CHECK(verdicts("docker run -e PGDATA -v $VOL:/srv postgres:16") ==
        List{"/var/lib/postgresql/data=unknown"});
  // A cache's config may turn persistence off altogether.
  CHECK(verdicts("docker run -v ./conf:/usr/local/etc/redis redis redis-server "
                 "/usr/local/etc/redis/redis.conf") == List{"/data=unknown"});
  CHECK(verdicts("docker run -d nats -js -sd /data") == List{"/data=container_layer"});
  // A knob set to the default path moves nothing.
  CHECK(verdicts("docker run mongo:8 --dbpath /data/db") == List{"/data/db=anonymous_volume"});
  CHECK(verdicts("docker run -e PGDATA=/var/lib/postgresql/data/ postgres:16") ==
        List{"/var/lib/postgresql/data=anonymous_volume"});
  CHECK(verdicts("docker run -v cfg:/data/configdb mongo:8 --configsvr --replSet cfg") ==
        List{"/data/db=unknown"});
}

TEST_CASE("near-miss mounts are recognised conservatively", "[stateful]") {
  CHECK(verdicts("docker run -v pg:/var/lib/postgres/data postgres:17") ==
        List{"/var/lib/postgresql/data=near_miss"});
  CHECK(verdicts("docker run -v db:/var/lib/mysql-data mysql:8.4") ==
        List{"/var/lib/mysql=near_miss"});
  CHECK(verdicts("docker run -v db:/srv/data mysql:8.4") ==
        List{"/var/lib/mysql=anonymous_volume"});
  CHECK(verdicts("docker run -v ./init:/docker-entrypoint-initdb.d mysql:8.4") ==
        List{"/var/lib/mysql=anonymous_volume"});
  CHECK(dockvet::stateful::is_near_miss("/var/lib/postgres", "/var/lib/postgresql"));
  CHECK(dockvet::stateful::is_near_miss("/data2", "/data"));
  CHECK(dockvet::stateful::is_near_miss("/var/lib/mysql_data", "/var/lib/mysql"));
  CHECK_FALSE(dockvet::stateful::is_near_miss("/var/lib/mysql-files", "/var/lib/mysql"));
  CHECK_FALSE(dockvet::stateful::is_near_miss("/data/configdb", "/data/db"));
  CHECK_FALSE(dockvet::stateful::is_near_miss("/var/lib/postgresql/data", "/var/lib/postgresql"));
}

TEST_CASE("symlinks and trailing slashes do not fool the comparison", "[stateful]") {
  CHECK(verdicts("docker run -v neo4j:/var/lib/neo4j/data neo4j:5") == List{"/data=persistent"});
  CHECK(verdicts("docker run -v ts:/var/ts3server/ teamspeak") ==
        List{"/var/ts3server=persistent"});
  CHECK(verdicts("docker run -v sites:/opt/drupal/web/sites -v modules:/var/www/html/modules "
                 "-v profiles:/var/www/html/profiles -v themes:/var/www/html/themes drupal:11") ==
        List{"/var/www/html/modules=persistent", "/var/www/html/profiles=persistent",
             "/var/www/html/themes=persistent", "/var/www/html/sites=persistent"});
}

TEST_CASE("what the command line hides gives unknown, never a guess", "[stateful]") {
  CHECK(verdicts("docker run --volumes-from store postgres:16") ==
        List{"/var/lib/postgresql/data=unknown"});
  CHECK(verdicts("docker run -v pg:$TARGET postgres:16") ==
        List{"/var/lib/postgresql/data=unknown"});
  // The tag decides the layout: a verdict stands only when every version loses the data.
  CHECK(verdicts("docker run postgres:$PG_VERSION") ==
        List{"/var/lib/postgresql/18/docker=anonymous_volume"});
  CHECK(verdicts("docker run -v pg:/var/lib/postgresql/data postgres:$PG_VERSION") ==
        List{"/var/lib/postgresql/18/docker=unknown"});
  CHECK(verdicts("docker run -v pg:/var/lib/postgresql postgres:tag") ==
        List{"/var/lib/postgresql/18/docker=unknown"});
  CHECK(verdicts("docker run -v pg:/var/lib/postgresql/18/docker postgres:[version]") ==
        List{"/var/lib/postgresql/18/docker=unknown"});
  CHECK(verdicts("docker run $OPTS postgres:16") == List{"/var/lib/postgresql/data=unknown"});
  CHECK(verdicts("docker run $IMAGE") == List{"client"});
  CHECK(verdicts("docker run mysql:$TAG") == List{"/var/lib/mysql=anonymous_volume"});
}

TEST_CASE("placeholders in docs neither mount nor unmount anything", "[stateful]") {
  // Every version of mongo keeps its data in /data/db; the Windows flavour needs a tag that
  // names it, which a placeholder does not.
  CHECK(verdicts("docker run --name some-mongo -d mongo:tag") == List{"/data/db=anonymous_volume"});
  CHECK(verdicts("docker run -d couchdb:tag") == List{"/opt/couchdb/data=anonymous_volume"});
  CHECK(verdicts("docker run -d aerospike:ee-[version]") ==
        List{"/opt/aerospike/data=container_layer"});
  CHECK(verdicts("docker run ... -d wordpress:tag") == List{"/var/www/html=anonymous_volume"});
  CHECK(verdicts("docker run [OPTIONS] -d nextcloud") == List{"/var/www/html=anonymous_volume"});
  CHECK(verdicts("docker run ... -v wp:/var/www/html wordpress:tag") ==
        List{"/var/www/html=persistent"});
  // --configsvr moves the data to /data/configdb, another anonymous VOLUME: lost either way.
  CHECK(verdicts("docker run -d mongo:tag --configsvr") == List{"/data/db=anonymous_volume"});
}

TEST_CASE("settings and subcommands that start no data-keeping server", "[stateful]") {
  CHECK(verdicts("docker run -e TS3SERVER_LICENSE=view teamspeak") == List{"client"});
  CHECK(verdicts("docker run -e TS3SERVER_LICENSE=accept teamspeak") ==
        List{"/var/ts3server=anonymous_volume"});
  CHECK(verdicts("docker run --link=zeo -e ZEO_ADDRESS=zeo:8080 plone") == List{"client"});
  CHECK(verdicts("docker run -p 8080:8080 plone") == List{"/data=anonymous_volume"});
  CHECK(verdicts("docker run --rm kapacitor kapacitord config") == List{"client"});
  CHECK(verdicts("docker run --rm -v cfg:/orientdb/config orientdb /orientdb/bin/oetl.sh x.json") ==
        List{"client"});
}

TEST_CASE("flags that change nothing about storage hide nothing, however spelt", "[stateful]") {
  for (const char* line :
       {"docker run -t mongo", "docker run -it --rm=false mongo", "docker run -dit mongo",
        "docker run --name=db -e=A=1 -p3000:3000 mongo", "docker run --ulimit nofile=1024 mongo",
        "docker run --cap-add SYS_ADMIN --cap-add=NET_ADMIN mongo",
        "docker run --platform linux/amd64 --platform=linux/arm64 mongo",
        "docker run --net=host --network foo --network=bar mongo",
        "podman run --net host -it mongo", "docker container run -ti --init mongo"}) {
    INFO(line);
    CHECK(verdicts(line) == List{"/data/db=anonymous_volume"});
  }
}

TEST_CASE("clients, help and stateless images are not servers", "[stateful]") {
  CHECK(verdicts("docker run -it --rm postgres psql -h db -U postgres") == List{"client"});
  CHECK(verdicts("docker run --rm mysql mysqldump -h db app") == List{"client"});
  CHECK(verdicts("docker run -it --rm redis redis-cli -h cache") == List{"client"});
  CHECK(verdicts("docker run --rm --entrypoint cat postgres:16 /etc/os-release") == List{"client"});
  CHECK(verdicts("docker create --name store postgres:16 true") == List{"client"});
  CHECK(verdicts("docker run --rm mysql:8.4 mysqld --verbose --help") == List{"client"});
  CHECK(verdicts("docker run -d nginx") == List{"client"});
  CHECK(verdicts("docker run -d memcached") == List{"client"});
  CHECK(verdicts("docker run -d minio/minio") == List{"client"});
  CHECK(verdicts("docker run -d redis redis-server --save '' --appendonly no") == List{"client"});
  CHECK(verdicts("docker run -d postgres -c shared_buffers=256MB") ==
        List{"/var/lib/postgresql/18/docker=anonymous_volume"});
  CHECK(verdicts("docker run -d mariadb:11 --port 3808") ==
        List{"/var/lib/mysql=anonymous_volume"});
}

TEST_CASE("the suggested flag follows the docs unless the data moved", "[stateful]") {
  const std::string line = "docker run -d postgres";
  const auto command = dockvet::docker::test::command_line(line);
  const auto invocation = dockvet::docker::parse_invocation(command, line);
  const auto run = dockvet::stateful::analyze(*invocation, dockvet::catalog::Catalog::builtin());
  REQUIRE(run);
  CHECK(run->described == "postgres (latest = 18)");
  CHECK(dockvet::stateful::suggested_flag(*run, run->paths[0]) == "-v pgdata:/var/lib/postgresql");
  const auto fix = dockvet::stateful::insert_flags_fix(*run, "-v pgdata:/var/lib/postgresql");
  REQUIRE(fix);
  CHECK(fix->edits.at(0).range.begin == 14);
  CHECK(fix->edits.at(0).range.end == 14);
  CHECK(fix->edits.at(0).replacement == "-v pgdata:/var/lib/postgresql ");
}

TEST_CASE("config-looking paths", "[stateful]") {
  CHECK(dockvet::stateful::looks_like_config("/etc/mysql/conf.d"));
  CHECK(dockvet::stateful::looks_like_config("/usr/local/etc/redis/redis.conf"));
  CHECK_FALSE(dockvet::stateful::looks_like_config("/var/lib/mysql"));
  CHECK_FALSE(dockvet::stateful::looks_like_config("/configdb"));
}
