#!/usr/bin/env bash
# ./build.sh test   installs what is missing (Chromium, PostgreSQL, Redis, npm packages), starts PostgreSQL and
#                   Redis, builds, runs every test project and prints "N passed, N failed, N skipped".
# ./build.sh cluster  PostgreSQL, Redis, nginx (round robin) and two instances of the published build on demo data;
#                   prints the address on a line of its own; Ctrl-C stops everything (deploy/README.md).
# ./build.sh build  restores and builds only.
# ./build.sh bench  seeds 10,000 companies on a temp SQLite database (BENCH_PROVIDER=PostgreSql: on the
#                   PORTAL_TEST_POSTGRES server) and measures the public pages
#                   (BenchmarkDotNet, results under artifacts/benchmarks; not part of the test run).
# ./build.sh bench-http  publishes the portal, seeds 10,000 companies on SQLite and on PostgreSQL and measures public
#                   pages with wrk against a static file of the same run, output cache on and off (artifacts/bench-http).
# ./build.sh bench-mail  sends 10,000 newsletter mails to a local SMTP sink and compares with a bare MailKit loop.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"

# Every server started here is stopped when the script ends, whatever the way (Ctrl-C, TERM, error).
on_exit=()
at_exit() { on_exit=("$1" "${on_exit[@]}"); trap 'for action in "${on_exit[@]}"; do $action; done' EXIT; }
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local port
  for port in $(seq "$1" "$2"); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }; done
  echo "Aucun port libre entre $1 et $2" >&2; exit 1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  if [ -z "${apt_updated:-}" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_prerequisites() {
  command -v dotnet >/dev/null || { echo "Le SDK .NET 10 est requis." >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js et npm sont requis." >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "Installation de Chromium…"; apt_install chromium; }
  ensure_servers
  if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then npm ci --no-audit --no-fund; fi
  dotnet tool restore >/dev/null
}

ensure_servers() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "Installation de PostgreSQL…"; apt_install postgresql; }
  command -v redis-server >/dev/null || { echo "Installation de Redis…"; apt_install redis-server; }
}

start_postgres() {
  local port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  # PORTAL_PG_PORTS / PORTAL_REDIS_PORTS ("first last") keep concurrent runs on one machine apart.
  port=$(free_port ${PORTAL_PG_PORTS:-55432 55462})
  pgdata=$(mktemp -d "${TMPDIR:-/tmp}/plan10000-pg.XXXXXX")
  pg_run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; pg_run=(runuser -u postgres --); fi
  "${pg_run[@]}" "$pg_bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdata -c fsync=off -c full_page_writes=off" start >/dev/null
  stop_postgres() { "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
  at_exit stop_postgres
  pg_port=$port
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL démarré sur le port $port"
}

# A throw-away Redis: no disk, loopback only, stopped by its pid.
start_redis() {
  local port
  port=$(free_port ${PORTAL_REDIS_PORTS:-56379 56409})
  redis_dir=$(mktemp -d "${TMPDIR:-/tmp}/plan10000-redis.XXXXXX")
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
  for _ in $(seq 50); do [ -s "$redis_dir/redis.pid" ] && break; sleep 0.1; done
  stop_redis() { [ -s "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null; rm -rf "$redis_dir"; }
  at_exit stop_redis
  export PORTAL_TEST_REDIS="127.0.0.1:$port"
  echo "Redis démarré sur le port $port"
}

build() {
  dotnet build Plan10000.Portal.sln --configuration Release -nologo -clp:ErrorsOnly
}

run_tests() {
  rm -rf "$results"
  mkdir -p "$results"
  # The route walks (issue 16) append how many routes, pages and submissions they covered; printed with the counts.
  export PORTAL_WALK_REPORT="$results/route-walk.txt"
  # Every page the browser tests check with axe is also saved as a full-page PNG, to be looked at.
  export PORTAL_SCREENSHOTS="$results/screenshots"
  local status=0 project
  for project in tests/Plan10000.Portal.ArchitectureTests tests/Plan10000.Portal.Tests tests/Plan10000.Portal.BrowserTests; do
    echo "== $(basename "$project")"
    dotnet test "$project" --configuration Release --no-build -nologo \
      --logger "trx;LogFileName=$(basename "$project").trx" --logger "console;verbosity=minimal" \
      --results-directory "$results" || status=1
  done
  summarize
  return $status
}

# The CI reads only "N passed, N failed": sum the TRX counters of every test project.
summarize() {
  local passed=0 failed=0 skipped=0 file counters
  for file in "$results"/*.trx; do
    [ -f "$file" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$file")
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters") + $(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")))
    skipped=$((skipped + $(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")))
  done
  echo
  if [ -f "$results/route-walk.txt" ]; then cat "$results/route-walk.txt"; fi
  echo "$passed passed, $failed failed, $skipped skipped"
}

# Two published instances behind nginx on one PostgreSQL and one Redis (deploy/README.md).
cluster() {
  command -v dotnet >/dev/null || { echo "Le SDK .NET 10 est requis." >&2; exit 1; }
  ensure_servers
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "Installation de nginx…"; apt_install nginx; }
  command -v curl >/dev/null || { echo "Installation de curl…"; apt_install curl; }
  # CLUSTER_PUBLISH_DIR names a build already published (the test of this command publishes once); else publish here.
  local publish=${CLUSTER_PUBLISH_DIR:-$root/artifacts/publish}
  if [ -n "${CLUSTER_PUBLISH_DIR:-}" ] && [ -f "$publish/Plan10000.Portal.Web.dll" ]; then
    echo "Version publiée reprise de $publish"
  else
    if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then npm ci --no-audit --no-fund; fi
    echo "Publication de la version Release…"
    dotnet publish src/Plan10000.Portal.Web -c Release -o "$publish" -nologo -v q -clp:ErrorsOnly
  fi
  start_postgres
  "${pg_run[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres plan10000
  start_redis
  cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/plan10000-cluster.XXXXXX")
  at_exit "rm -rf $cluster_dir"
  local instances=() i port lb_port
  for i in 1 2; do
    port=$(free_port $((5180 + i * 10)) $((5189 + i * 10)))
    instances+=("$port")
    echo "        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;" >>"$cluster_dir/upstreams"
    mkdir -p "$cluster_dir/instance-$i"
    echo "Démarrage de l'instance $i sur le port $port (journal : $cluster_dir/instance-$i.log)…"
    # The first instance migrates and seeds before the second starts, as a rolling deployment would.
    ( cd "$publish" && exec env \
        ASPNETCORE_URLS="http://127.0.0.1:$port" \
        Portal__InstanceName="instance-$i" \
        Portal__DataDirectory="$cluster_dir/instance-$i" \
        Portal__Database__Provider=PostgreSql \
        ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=plan10000" \
        Portal__Redis__Configuration="$PORTAL_TEST_REDIS" \
        Portal__KnownProxies=127.0.0.1 \
        Portal__Seed__Demo=true \
        Portal__Security__SecureCookies=false \
        dotnet Plan10000.Portal.Web.dll ) >"$cluster_dir/instance-$i.log" 2>&1 &
    echo $! >"$cluster_dir/instance-$i.pid"
    at_exit "kill_pid_file $cluster_dir/instance-$i.pid"
    wait_for_health "$port" "$cluster_dir/instance-$i"
  done
  lb_port=$(free_port 8080 8099)
  mkdir -p "$cluster_dir/nginx"
  # nginx workers run as an unprivileged user when started as root: they need to reach their temp folders.
  chmod 755 "$cluster_dir" "$cluster_dir/nginx"
  sed -e "s#@LISTEN@#127.0.0.1:$lb_port#" -e "s#@PREFIX@#$cluster_dir/nginx#g" deploy/nginx.conf \
    | awk -v list="$cluster_dir/upstreams" '/^@UPSTREAMS@$/ { while ((getline line < list) > 0) print line; next } { print }' >"$cluster_dir/nginx/nginx.conf"
  /usr/sbin/nginx -e "$cluster_dir/nginx/error.log" -p "$cluster_dir/nginx" -c "$cluster_dir/nginx/nginx.conf" -g 'daemon off;' &
  echo $! >"$cluster_dir/nginx.pid"
  at_exit "kill_pid_file $cluster_dir/nginx.pid"
  local ready=""
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$lb_port/health" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.2; done
  [ -n "$ready" ] || { echo "nginx ne répond pas ; voir $cluster_dir/nginx/error.log" >&2; cat "$cluster_dir/nginx/error.log" >&2; exit 1; }
  echo "Grappe prête : nginx répartit entre les instances ${instances[*]} ; Ctrl-C arrête tout."
  echo "http://127.0.0.1:$lb_port"
  wait
}

# TERM, then up to 15 s for a graceful stop (the instances finish their requests), then KILL.
kill_pid_file() {
  local pid _
  [ -s "$1" ] || return 0
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

wait_for_health() {
  local _
  for _ in $(seq 600); do
    curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$2.pid")" 2>/dev/null || { echo "L'instance s'est arrêtée ; voir $2.log" >&2; tail -n 20 "$2.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "L'instance ne répond pas sur /health ; voir $2.log" >&2; exit 1
}

case "${1:-test}" in
  build) ensure_prerequisites; build ;;
  bench)
    ensure_prerequisites
    dotnet run --project tests/Plan10000.Portal.Benchmarks --configuration Release -- "${BENCH_COMPANIES:-10000}" "$root/artifacts/benchmarks" ;;
  bench-mail)
    ensure_prerequisites
    dotnet run --project tests/Plan10000.Portal.Benchmarks --configuration Release -- mail "${BENCH_MAILS:-10000}" "${BENCH_BATCH:-100}" "$root/artifacts/benchmarks" ;;
  bench-http) ensure_prerequisites; start_postgres; bash scripts/bench-http.sh ;;
  test) ensure_prerequisites; start_postgres; start_redis; build; run_tests ;;
  cluster) cluster ;;
  *) echo "usage: ./build.sh [build|test|cluster|bench|bench-mail|bench-http]" >&2; exit 2 ;;
esac
