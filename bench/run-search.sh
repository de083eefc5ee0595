#!/usr/bin/env bash
# The search latency catalogue (issue 5 "FHIR search") on a data set of the openIMIS generator: p50/p95/p99 per query
# shape against its target, and the EXPLAIN of the SQL of each shape. bench/OpenImis.Fhir.LoadDriver/README.md
# ("Search catalogue") explains the shapes and the method.
#
# Usage: bench/run-search.sh [--size N] [--data DIR] [--reuse] [DRIVER-OPTIONS...]
#   --size N    resources to generate and load (default 20000, a smoke run of about 2 minutes; 1000000 for issue 5)
#   --data DIR  where the loaded PostgreSQL cluster is kept (default bench/results/search-data/N)
#   --reuse     use DIR as it is when it holds a completed load of N resources: no initdb, no load (a 1M load takes
#               about 20 minutes; the catalogue can then be rerun in a few)
#   Other options go to the driver's search command, e.g. --requests 500 --clients 4 --shapes patient-id,claim-identifier
#   (openimis-fhir-load search --help).
# It starts a private PostgreSQL (fsync on, shared_buffers=1GB, a free port; as user postgres when run as root) on DIR,
# the server from a Release build on a free port, loads N resources with bench/OpenImis.Fhir.DataGenerator unless
# reused, runs VACUUM ANALYZE, reads the database into the OS page cache (pg_prewarm), runs the catalogue and prints
# bench/results/search/summary.md. Both are stopped at the end, also on failure or Ctrl-C. DIR is kept for --reuse; delete it when done (a 1M load takes about 5 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/results/search

size=20000; data=""; reuse=""; driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=${2:?--size needs a number}; shift 2 ;;
    --data) data=${2:?--data needs a directory}; shift 2 ;;
    --reuse) reuse=1; shift ;;
    *) driver_args+=("$1"); shift ;;
  esac
done
case "$size" in ''|*[!0-9]*) echo "run-search: --size '$size' is not a whole number." >&2; exit 2 ;; esac
data=$(realpath -m "${data:-$root/bench/results/search-data/$size}")
pgdata=$data/pg
marker=$data/loaded   # written after a load that completed: holds the number of resources

script=run-search
# shellcheck source=bench/lib/local-stack.sh
. bench/lib/local-stack.sh

pg_started=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in ${server_pids[@]+"${server_pids[@]}"}; do stop_server "$pid"; done
  if [ -n "$pg_started" ]; then as_postgres "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ -f "$pgdata/log" ]; then cp "$pgdata/log" "$out/postgres.log" 2>/dev/null || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

loaded=""
if [ -n "$reuse" ] && [ -f "$marker" ]; then
  if [ "$(cat "$marker")" != "$size" ]; then
    echo "run-search: $data holds a load of $(cat "$marker") resources, not $size: give --size $(cat "$marker"), another --data, or no --reuse." >&2
    exit 2
  fi
  loaded=1
elif [ -n "$reuse" ]; then
  echo "run-search: --reuse: no completed load in $data; loading one."
fi
# DIR is deleted before a fresh load: refuse one that holds something else than a cluster of ours.
if [ -z "$loaded" ] && [ -d "$data" ] && [ -n "$(ls -A "$data")" ] && [ ! -d "$pgdata" ] && [ ! -f "$marker" ]; then
  echo "run-search: $data is not empty and holds no cluster of this script: give another --data." >&2
  exit 2
fi

rm -rf "$out"
mkdir -p "$out"
# A cluster left running by an interrupted run holds the data directory: stop it first.
if [ -f "$pgdata/postmaster.pid" ]; then as_postgres "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true; fi

echo "== build (Release) =="
for project in src/OpenImis.Fhir.Server bench/OpenImis.Fhir.LoadDriver bench/OpenImis.Fhir.DataGenerator; do
  if ! dotnet build "$project" -c Release -v quiet -nologo >>"$out/build.log" 2>&1; then
    grep -E "error|warning" "$out/build.log" | sort -u >&2 || tail -n 30 "$out/build.log" >&2
    exit 1
  fi
done

echo "== PostgreSQL =="
pgport=$(free_port)
if [ -z "$loaded" ]; then
  rm -rf "$data"
  mkdir -p "$pgdata"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$pgdata"; fi
  as_postgres "$pgbin/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$out/initdb.log"
fi
as_postgres "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w -t 120 \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200" start >/dev/null
pg_started=1
if [ -z "$loaded" ]; then "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres openimis_fhir; fi
connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=openimis_fhir"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport, data $pgdata"

echo "== server =="
port=$(free_port)
start_server server "$port" "$connection"

if [ -z "$loaded" ]; then
  echo "== load $size resources (bench/OpenImis.Fhir.DataGenerator) =="
  dotnet bench/OpenImis.Fhir.DataGenerator/bin/Release/net10.0/openimis-fhir-datagen.dll \
    --base-url "http://127.0.0.1:$port/fhir" --resources "$size" --clients 4 2>&1 | tee "$out/load.log"
  echo "$size" >"$marker"
else
  echo "== reusing the load of $size resources in $data =="
fi

# Statistics for the planner and the visibility map for index-only scans, as on a database that has settled.
echo "== VACUUM ANALYZE =="
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d openimis_fhir -q -c "vacuum analyze"
# The database's files in the OS page cache, as on a server that has run a while (a 1M database is about 6 GB, this
# machine has 24 GB): a load or a restart leaves part of them on disk, and the catalogue's values are drawn at random
# over all of it, so without this its latencies are those of a cold disk. pg_prewarm ships with PostgreSQL.
echo "== prewarm (pg_prewarm, OS page cache) =="
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d openimis_fhir -q -At -c "create extension if not exists pg_prewarm" \
  -c "select pg_size_pretty(8192 * sum(pg_prewarm(c.oid::regclass, 'read'))) || ' read' from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'i', 't', 'm')"

echo "== search catalogue =="
status=0
dotnet bench/OpenImis.Fhir.LoadDriver/bin/Release/net10.0/openimis-fhir-load.dll search \
  --base-url "http://127.0.0.1:$port/fhir" --pg "$connection" --out "$out" \
  ${driver_args[@]+"${driver_args[@]}"} 2>&1 | tee "$out/driver.log" || status=$?

echo
if [ -f "$out/summary.md" ]; then cat "$out/summary.md"; fi
exit "$status"
