#!/usr/bin/env bash
# What the trigram index of migration 0009 (search_string_trigram, for :contains) adds to a write, measured apart
# from the server's noise: pgbench inserts a Patient's string index rows per transaction into a copy of search_string
# (the indexes of migrations 0002 and 0008), with and without the trigram index, alternating, at 1 and 4 clients.
# Usage: bench/run-trigram-cost.sh [ROWS-PER-TRANSACTION (default 12)] [SECONDS (default 20)]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-12}; seconds=${2:-20}
script=run-trigram-cost
out=$PWD/bench/results/trigram-cost
mkdir -p "$out"
pgbin=${OPENIMIS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dir=$(mktemp -d); chmod 777 "$dir"
port=$((20000 + RANDOM % 40000))
cleanup() { as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
as_postgres "$pgbin/initdb" -D "$dir/pg" -A trust -U postgres >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=1GB" start >/dev/null
psql=("$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1)

# Names from syllables, as skewed as people's names: a few common, many rare.
"${psql[@]}" <<'SQL'
create extension pg_trgm;
create function name_part() returns text language sql volatile as $$
  select string_agg((array['ka','mu','to','ne','si','ra','lo','bi','ze','wa','pu','de','ngo','mba','ki','ju','ro','sa'])
         [1 + floor(power(random(), 2) * 18)::int], '') from generate_series(1, 2 + floor(random() * 3)::int) $$;
create table search_string (rid bigint not null, resource_type text not null, code text not null, normalized text not null, exact text not null);
insert into search_string select g / 12, 'Patient', (array['name','family','given','phonetic','address','address-city'])[1 + g % 6], n, n
  from (select g, name_part() as n from generate_series(1, 1200000) g) x;
create index search_string_value on search_string (resource_type, code, normalized text_pattern_ops, rid);
create index search_string_rid on search_string (rid, code, normalized text_pattern_ops) include (resource_type);
create sequence rid start 200000;
vacuum analyze search_string;
SQL
cat > "$dir/insert.sql" <<SQL
insert into search_string select nextval('rid'), 'Patient', (array['name','family','given','phonetic','address','address-city'])[1 + g % 6], n, n
  from (select g, name_part() as n from generate_series(1, $rows) g) x;
SQL
run() { # clients label
  "$pgbin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -f "$dir/insert.sql" -c "$1" -j "$1" -T "$seconds" postgres 2>/dev/null \
    | awk -v label="$2" -v c="$1" '/^tps/ {printf "%-8s clients %d: %8.1f transactions/s\n", label, c, $3} /latency average/ {printf "%-8s clients %d: latency %s ms\n", label, c, $4}'
}
{
  echo "rows per transaction: $rows; ${seconds} s per line; $(date -u +%FT%TZ)"
  for round in 1 2; do
    for clients in 1 4; do
      "${psql[@]}" -c "drop index if exists search_string_trigram"
      run "$clients" without
      "${psql[@]}" -c "create index search_string_trigram on search_string using gin (normalized gin_trgm_ops)"
      run "$clients" with
    done
  done
} | tee "$out/summary.txt"
