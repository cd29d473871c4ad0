#!/bin/sh
# Message brokers and coordination services for the event pipeline.
set -eu

# RabbitMQ names its data directory after the hostname: the docs always pass --hostname.
docker run -d --hostname my-rabbit --name some-rabbit -v rabbit_data:/var/lib/rabbitmq rabbitmq:4.1-management
# expect: DV110:71
docker run -d --name events-rabbit -v events_rabbit:/var/lib/rabbitmq rabbitmq:4.1
# Without any volume the data is in the anonymous VOLUME; the hostname does not matter then.
# expect: DV102:70
docker run -d --hostname my-rabbit --name docs-rabbit -p 15672:15672 rabbitmq:3-management
# With host networking the hostname is the host's, which does not change.
docker run -d --network host --name host-rabbit -v host_rabbit:/var/lib/rabbitmq rabbitmq:4.1
docker run -it --rm --network some-network rabbitmq:4.1 rabbitmqctl -n rabbit@my-rabbit status

# wurstmeister/kafka names its log directory after the hostname too, unless KAFKA_LOG_DIRS is set.
# expect: DV110:88
docker run -d --name old-kafka -v kafka_data:/kafka -e KAFKA_ZOOKEEPER_CONNECT=zk:2181 wurstmeister/kafka:2.13-2.8.1
docker run -d --name old-kafka2 -v kafka_data2:/kafka -e KAFKA_LOG_DIRS=/kafka/logs -e KAFKA_ZOOKEEPER_CONNECT=zk:2181 wurstmeister/kafka:2.13-2.8.1

# apache/kafka declares /var/lib/kafka/data but logs to /tmp/kraft-combined-logs.
# expect: DV107:44
docker run -d --name kafka -p 9092:9092 -v kafka_data:/var/lib/kafka/data apache/kafka:3.9.0
docker run -d --name kafka2 -p 9093:9092 -e KAFKA_LOG_DIRS=/var/lib/kafka/data -v kafka_data2:/var/lib/kafka/data apache/kafka:3.9.0
# expect: DV101:42
docker run -d --name kafka3 -p 9094:9092 apache/kafka:3.9.0

# ZooKeeper: /data and /datalog are both state.
# expect: DV102:42
docker run -d --name zk -v zk_data:/data zookeeper:3.9
docker run -d --name zk2 -v zk2_data:/data -v zk2_datalog:/datalog zookeeper:3.9
# expect: DV102:54
docker run --name some-zookeeper --restart always -d zookeeper:3.9
docker run -it --rm --link some-zookeeper:zookeeper zookeeper:3.9 zkCli.sh -server zookeeper

# NATS keeps nothing unless JetStream is on; with -sd the store is a data directory.
docker run -d --name nats -p 4222:4222 nats:2.10
docker run -d --name nats-js -v nats:/data nats:2.10 -js -sd /data
# expect: DV101:35
docker run -d --name nats-js-lost nats:2.10 -js -sd /data

# Mosquitto persists nothing with its shipped config.
docker run -d --name mqtt -p 1883:1883 eclipse-mosquitto:2.0
