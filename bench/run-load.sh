#!/usr/bin/env bash
# HTTP load on the REST server and, in the same run, the raw PostgreSQL ceiling for the same JSON (issue "FHIR REST
# server on PostgreSQL"): creates at 1/4/16 clients, reads, 100-entry transaction Bundles of creates and of updates; single-row INSERT and
# 100-row INSERT per transaction into a bare table of the same database. bench/OpenImis.Fhir.LoadDriver/README.md
# explains the scenarios and the method.
#
# Usage: bench/run-load.sh [--quick] [--indexing-overhead | --compare "VAR=VALUE ..."] [DRIVER-OPTIONS...]
#   --quick: 2 s server warm-up, 1 s warm-up + 3 s per scenario (a smoke test, about 2 minutes); default 10 s, then
#     3 s + 15 s (about 5 minutes).
#   --indexing-overhead: also start a second server with search indexing off (Fhir__SearchIndexing=false) on its own
#     fresh database of the same cluster, and run create against both (create-unindexed right after create); unless
#     --scenarios or --clients are given, only those two at 1 and 4 clients, in 5 rounds (--rounds N to change; about
#     8 minutes). The summary gives what indexing adds to a create: p50 latency at 1 client, throughput at 4 clients,
#     the median of the rounds, against the issue's "under 30%".
#   --compare "VAR=VALUE ...": the same pairs, but the second server indexes too and runs with these environment
#     variables (a setting to try, e.g. "Fhir__GroupCommits=2"). The summary says how much more a create costs on the
#     first server (the defaults) than on the second, median of the rounds. Runs minutes apart on a shared machine
#     differ by more than most settings do; paired rounds do not.
#   Other options go to the driver, e.g. --clients 4 --scenarios create,raw-insert (see its --help).
# It starts a private PostgreSQL (fsync on, shared_buffers=1GB, a free port, data in bench/results/load/pg), the
# server from a Release build on a free port, runs the driver, stops both (also on failure or Ctrl-C) and prints
# bench/results/load/summary.md. Logs: bench/results/load/{server,driver,postgres}.log; the cluster's data is deleted
# after a successful run and kept (bench/results/load/pg) after a failed one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/results/load
pgdata=$out/pg

duration=15; warmup=3; server_warmup=10; driver_args=(); overhead=""; chosen=""; rounds=""; compare=""; comparing=""; expect=""
for arg in "$@"; do
  if [ "$expect" = compare ]; then compare=$arg; expect=""; continue; fi
  case "$arg" in
    --compare) overhead=1; comparing=1; expect=compare ;;
    --compare=*) overhead=1; comparing=1; compare=${arg#--compare=} ;;
    --quick) duration=3; warmup=1; server_warmup=2 ;;
    --indexing-overhead) overhead=1 ;;
    --scenarios|--scenarios=*|--clients|--clients=*) chosen=1; driver_args+=("$arg") ;;
    --rounds|--rounds=*) rounds=1; driver_args+=("$arg") ;;
    --server-warmup|--server-warmup=*) server_warmup=""; driver_args+=("$arg") ;;
    *) driver_args+=("$arg") ;;
  esac
done
if [ -n "$comparing" ] && [ -z "$compare" ]; then
  echo "run-load: --compare needs the settings of the second server, e.g. --compare \"Fhir__GroupCommits=2\"." >&2; exit 2
fi
if [ -n "$overhead" ] && [ -z "$chosen" ]; then driver_args+=(--scenarios create,create-unindexed --clients 1,4); fi
if [ -n "$overhead" ] && [ -z "$rounds" ]; then driver_args+=(--rounds 5); fi

script=run-load
# shellcheck source=bench/lib/local-stack.sh
. bench/lib/local-stack.sh

pg_started=""
stop_server() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in ${server_pids[@]+"${server_pids[@]}"}; do stop_server "$pid"; done
  if [ -n "$pg_started" ]; then as_postgres "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
  # The cluster holds about 1 GB after a full run: keep its log, and the data only when something failed.
  if [ -f "$pgdata/log" ]; then cp "$pgdata/log" "$out/postgres.log"; fi
  if [ "$status" = 0 ]; then rm -rf "$pgdata"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A cluster left running by an interrupted run holds the data directory: stop it before starting afresh.
if [ -f "$pgdata/postmaster.pid" ]; then as_postgres "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true; fi
rm -rf "$out"
mkdir -p "$pgdata"
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$pgdata"; fi

echo "== build (Release) =="
for project in src/OpenImis.Fhir.Server bench/OpenImis.Fhir.LoadDriver; do
  if ! dotnet build "$project" -c Release -v quiet -nologo >>"$out/build.log" 2>&1; then
    grep -E "error|warning" "$out/build.log" | sort -u >&2 || tail -n 30 "$out/build.log" >&2
    exit 1
  fi
done

echo "== PostgreSQL =="
pgport=$(free_port)
as_postgres "$pgbin/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$out/initdb.log"
# fsync stays on (the default): we measure durable commits, on both sides.
as_postgres "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w -t 60 \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200" start >/dev/null
pg_started=1
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres openimis_fhir
connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=openimis_fhir"
# The second server's database (--indexing-overhead, --compare): its own, so both start empty.
second_db=openimis_fhir_unindexed; if [ -n "$compare" ]; then second_db=openimis_fhir_compare; fi
if [ -n "$overhead" ]; then "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres "$second_db"; fi
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport, data $pgdata"

echo "== server =="
port=$(free_port)
start_server server "$port" "$connection"
if [ -n "$compare" ]; then
  # The second server: indexing on, the settings under test.
  read -ra compare_env <<<"$compare"
  second_port=$(free_port)
  start_server server-compare "$second_port" "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$second_db" "${compare_env[@]}"
  driver_args+=(--unindexed-base-url "http://127.0.0.1:$second_port/fhir" --compare "$compare")
elif [ -n "$overhead" ]; then
  second_port=$(free_port)
  start_server server-unindexed "$second_port" "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$second_db" Fhir__SearchIndexing=false
  driver_args+=(--unindexed-base-url "http://127.0.0.1:$second_port/fhir")
fi

echo "== load (${warmup} s warm-up + ${duration} s per scenario) =="
status=0
dotnet bench/OpenImis.Fhir.LoadDriver/bin/Release/net10.0/openimis-fhir-load.dll \
  --base-url "http://127.0.0.1:$port/fhir" --pg "$connection" --duration "$duration" --warmup "$warmup" ${server_warmup:+--server-warmup "$server_warmup"} --out "$out" \
  ${driver_args[@]+"${driver_args[@]}"} 2>&1 | tee "$out/driver.log" || status=$?

echo
if [ -f "$out/summary.md" ]; then cat "$out/summary.md"; fi
exit "$status"
