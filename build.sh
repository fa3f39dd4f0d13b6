#!/usr/bin/env bash
# ./build.sh test   installs what is missing (Chromium, PostgreSQL, npm packages), starts PostgreSQL,
#                   builds, runs every test project and prints "N passed, N failed, N skipped".
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

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  if [ -z "${apt_updated:-}" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_prerequisites() {
  command -v dotnet >/dev/null || { echo "Le SDK .NET 10 est requis." >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js et npm sont requis." >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "Installation de Chromium…"; apt_install chromium; }
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "Installation de PostgreSQL…"; apt_install postgresql; }
  if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then npm ci --no-audit --no-fund; fi
  dotnet tool restore >/dev/null
}

start_postgres() {
  local port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  for port in $(seq 55432 55462); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break; done
  pgdata=$(mktemp -d /tmp/plan10000-pg.XXXXXX)
  pg_run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; pg_run=(runuser -u postgres --); fi
  "${pg_run[@]}" "$pg_bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdata -c fsync=off -c full_page_writes=off" start >/dev/null
  stop_postgres() { "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
  trap stop_postgres EXIT
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL démarré sur le port $port"
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

case "${1:-test}" in
  build) ensure_prerequisites; build ;;
  bench)
    ensure_prerequisites
    dotnet run --project tests/Plan10000.Portal.Benchmarks --configuration Release -- "${BENCH_COMPANIES:-10000}" "$root/artifacts/benchmarks" ;;
  bench-mail)
    ensure_prerequisites
    dotnet run --project tests/Plan10000.Portal.Benchmarks --configuration Release -- mail "${BENCH_MAILS:-10000}" "${BENCH_BATCH:-100}" "$root/artifacts/benchmarks" ;;
  bench-http) ensure_prerequisites; start_postgres; bash scripts/bench-http.sh ;;
  test) ensure_prerequisites; start_postgres; build; run_tests ;;
  *) echo "usage: ./build.sh [build|test|bench|bench-mail|bench-http]" >&2; exit 2 ;;
esac
