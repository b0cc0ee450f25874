#!/usr/bin/env bash
# Creates the bridge's topics on a Kafka cluster, as topics.yaml defines them, with Kafka's
# own kafka-topics.sh. Idempotent: a topic that exists already is left as it is, its
# configuration included (change that with kafka-configs.sh --alter).
#
# usage: create-topics.sh [--bootstrap-server HOST:PORT] [--replication-factor N]
#                         [--command-config FILE] [--file TOPICS_YAML] [--dry-run]
#
# Each option may come from the environment instead: KAFKA_BOOTSTRAP_SERVERS,
# REPLICATION_FACTOR, KAFKA_COMMAND_CONFIG (client properties for TLS/SASL), TOPICS_FILE.
# KAFKA_TOPICS names the kafka-topics.sh to run (default: kafka-topics.sh on the PATH, else
# /opt/kafka/bin/kafka-topics.sh, as in the apache/kafka image). Needs only bash and a POSIX
# awk (mawk, gawk and busybox awk all do).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-}
replication=${REPLICATION_FACTOR:-}
command_config=${KAFKA_COMMAND_CONFIG:-}
file=${TOPICS_FILE:-$here/topics.yaml}
dry_run=false

die() {
  echo "create-topics: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --bootstrap-server) bootstrap=${2:?--bootstrap-server needs a value}; shift 2 ;;
    --replication-factor) replication=${2:?--replication-factor needs a value}; shift 2 ;;
    --command-config) command_config=${2:?--command-config needs a value}; shift 2 ;;
    --file) file=${2:?--file needs a value}; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -n "$bootstrap" ] || die "no bootstrap server: pass --bootstrap-server or set KAFKA_BOOTSTRAP_SERVERS"
[ -r "$file" ] || die "cannot read $file"

if [ -n "${KAFKA_TOPICS:-}" ]; then
  kafka_topics=$KAFKA_TOPICS
elif command -v kafka-topics.sh > /dev/null 2>&1; then
  kafka_topics=kafka-topics.sh
elif [ -x /opt/kafka/bin/kafka-topics.sh ]; then
  kafka_topics=/opt/kafka/bin/kafka-topics.sh
elif [ "$dry_run" = true ]; then
  kafka_topics=kafka-topics.sh
else
  die "kafka-topics.sh not found: put it on the PATH or set KAFKA_TOPICS"
fi

# Reads the flat subset of YAML that topics.yaml uses and prints one tab-separated line per
# setting: "replication-factor <n>", then "topic <name> <partitions> <key=value ...>".
parse() {
  awk '
    function clean(v) {
      sub(/[ \t]+#.*$/, "", v)
      sub(/^[ \t]+/, "", v)
      sub(/[ \t]+$/, "", v)
      if (v ~ /^".*"$/ || v ~ /^\047.*\047$/) v = substr(v, 2, length(v) - 2)
      return v
    }
    function flush() {
      if (name != "") {
        if (partitions !~ /^[0-9]+$/) { print "topic " name " has no numeric partitions" > "/dev/stderr"; failed = 1 }
        printf "topic\t%s\t%s\t%s\n", name, partitions, configs
      }
      name = ""; partitions = ""; configs = ""; in_config = 0
    }
    {
      line = $0
      sub(/\r$/, "", line)
      if (line ~ /^[ \t]*(#|$)/) next
      indent = match(line, /[^ ]/) - 1
      text = substr(line, indent + 1)
      if (text ~ /^- /) { flush(); text = substr(text, 3); indent += 2; in_item = 1 }
      colon = index(text, ":")
      if (colon == 0) next
      key = substr(text, 1, colon - 1)
      value = clean(substr(text, colon + 1))
      if (indent == 0) {
        flush(); in_item = 0
        if (key == "replication-factor") printf "replication-factor\t%s\n", value
        next
      }
      if (!in_item) next
      if (in_config && indent > config_indent) { configs = configs (configs == "" ? "" : " ") key "=" value; next }
      in_config = 0
      if (key == "name") name = value
      else if (key == "partitions") partitions = value
      else if (key == "config") { in_config = 1; config_indent = indent }
    }
    END { flush(); exit failed }
  ' "$file"
}

definitions=$(parse) || die "cannot parse $file"
if [ -z "$replication" ]; then
  replication=$(printf '%s\n' "$definitions" | awk -F '\t' '$1 == "replication-factor" { print $2 }')
fi
case "$replication" in
  '' | *[!0-9]* | 0) die "replication factor must be a positive number, got '$replication'" ;;
esac

run() {
  if [ "$dry_run" = true ]; then
    printf '%q ' "$@"
    echo
  else
    "$@"
  fi
}

count=0
while IFS=$'\t' read -r kind name partitions configs; do
  [ "$kind" = topic ] || continue
  args=(--bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name"
    --partitions "$partitions" --replication-factor "$replication")
  [ -n "$command_config" ] && args+=(--command-config "$command_config")
  for config in $configs; do
    key=${config%%=*}
    value=${config#*=}
    # min.insync.replicas above the replication factor would refuse every acks=all write.
    if [ "$key" = min.insync.replicas ] && [ "$value" -gt "$replication" ]; then
      value=$replication
    fi
    args+=(--config "$key=$value")
  done
  echo "create-topics: $name ($partitions partitions, replication factor $replication)" >&2
  run "$kafka_topics" "${args[@]}"
  count=$((count + 1))
done <<< "$definitions"

[ "$count" -gt 0 ] || die "no topic defined in $file"
echo "create-topics: $count topics present on $bootstrap" >&2
