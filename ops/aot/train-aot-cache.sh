#!/usr/bin/env bash
# Writes the bridge's AOT cache (JDK 25+, JEP 483/514/515) from a training run that is a real start: a
# throwaway single-node Kafka broker on loopback, the bridge started against it until its readiness probe
# answers 200, left running a few seconds (consumers assigned, state restored), then stopped with SIGTERM as
# an orchestrator stops it; the JVM writes the cache as it exits. A run that stops at the context's refresh
# (spring.context.exit=onRefresh) leaves out everything that starts after it (the Kafka clients' protocol,
# both web servers, the consumers), about 2,500 classes, which every start then loads, verifies and links
# from the jars again (README, "Start-up").
#
# Usage: train-aot-cache.sh JAVA APP_JAR CACHE BROKER_CLASSPATH [JVM_OPTION ...]
#   JAVA              the java launcher of the JVM that will run the cache (the same build)
#   APP_JAR           the bridge as it will run (Boot's extracted app.jar, the same path at run time)
#   CACHE             the AOT cache to write
#   BROKER_CLASSPATH  the broker's jars ("DIR/*"), see ops/aot/broker-pom.xml
#   JVM_OPTION        more options for the bridge's JVM, as it will run (e.g. -Dspring.aot.enabled=true)
# Ports (loopback only): TRAINING_PORT_BASE (default 19090) .. +3. Nothing is sent anywhere else: the
# Fivetran base URL is a closed loopback port; no command is sent, so none is called.
set -euo pipefail

if [ "$#" -lt 4 ]; then
	sed -n '10,18p' "$0" >&2
	exit 2
fi
java=$1 app=$2 cache=$3 broker_classpath=$4
shift 4
base=${TRAINING_PORT_BASE:-19090}
kafka_port=$base controller_port=$((base + 1)) server_port=$((base + 2)) management_port=$((base + 3))
linger=${TRAINING_LINGER_SECONDS:-5}
work=$(mktemp -d)
broker='' bridge=''

finish() {
	status=$?
	[ -n "$bridge" ] && kill -9 "$bridge" 2>/dev/null || true
	if [ -n "$broker" ]; then
		kill "$broker" 2>/dev/null || true
		wait "$broker" 2>/dev/null || true
	fi
	if [ "$status" -ne 0 ]; then
		echo "AOT training failed; the bridge's log, then the broker's:" >&2
		tail -n 40 "$work/bridge.log" >&2 2>/dev/null || true
		tail -n 20 "$work/broker.log" >&2 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap finish EXIT

# answers PORT [PATH]: the port accepts a connection; with PATH, a GET of it answers 200
answers() {
	(
		exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
		[ -z "${2:-}" ] && exit 0
		printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
		head -n 1 <&3 | grep -q ' 200 '
	) 2>/dev/null
}

# await SECONDS PID WHAT CHECK...: until CHECK succeeds; fails if PID exits or time runs out
await() {
	local deadline=$((SECONDS + $1)) pid=$2 what=$3
	shift 3
	until "$@"; do
		kill -0 "$pid" 2>/dev/null || { echo "$what exited" >&2; return 1; }
		[ "$SECONDS" -lt "$deadline" ] || { echo "$what: not ready in time" >&2; return 1; }
		sleep 0.5
	done
}

cat > "$work/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$work/data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
"$java" -Xmx512m -cp "$broker_classpath" kafka.tools.StorageTool format -t MkU3OEVBNTcwNTJENDM2Qk \
	-c "$work/server.properties" > "$work/broker.log" 2>&1
"$java" -Xmx512m -cp "$broker_classpath" kafka.Kafka "$work/server.properties" >> "$work/broker.log" 2>&1 &
broker=$!
await 120 "$broker" "the training broker" answers "$kafka_port"

# The bridge as it runs, with its readiness as the benchmark measures it (the fivetran checks would wait
# for an API that is not there). Topics are created on the throwaway broker; temporary files (Tomcat's)
# go to the work directory, which is removed.
"$java" "-XX:AOTCacheOutput=$cache" "$@" "-Djava.io.tmpdir=$work" -jar "$app" \
	"--spring.kafka.bootstrap-servers=127.0.0.1:$kafka_port" "--server.port=$server_port" \
	"--management.server.port=$management_port" --management.endpoint.health.probes.enabled=true \
	--management.endpoint.health.group.readiness.include=readinessState,kafka \
	--ftbridge.fivetran.api-key=training --ftbridge.fivetran.api-secret=training \
	--ftbridge.fivetran.base-url=http://127.0.0.1:9 > "$work/bridge.log" 2>&1 &
bridge=$!
await 180 "$bridge" "the bridge" answers "$management_port" /actuator/health/readiness
sleep "$linger"
kill -TERM "$bridge"
# SIGTERM ends the JVM with 143 after its shutdown; the cache is written on the way out
wait "$bridge" || [ "$?" -eq 143 ]
bridge=''
[ -s "$cache" ] || { echo "no AOT cache written at $cache" >&2; exit 1; }
echo "AOT cache written: $cache ($(wc -c < "$cache") bytes)"
