#!/usr/bin/env bash
# ./build.sh bench-http: the published build in Production at real scale, measured with wrk against a static file
# served by the same process in the same run (absolute figures vary from machine to machine; ratios less so).
#   BENCH_COMPANIES   companies seeded (default 10000)
#   BENCH_PROVIDERS   "Sqlite PostgreSql" (default; PostgreSql needs PORTAL_TEST_POSTGRES, which build.sh sets)
#   BENCH_DURATION    seconds per measure (default 10), BENCH_CONNECTIONS (default 16), BENCH_THREADS (default 2)
#   BENCH_ROUNDS      rounds over every line (default 3): each line reports its median round by requests/s, so that a
#                     pause of the machine during one round does not decide a ratio (two 8 s runs differed by 40 %)
# Writes artifacts/bench-http/results.md and prints it. Called by build.sh after start_postgres.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts/bench-http"
companies=${BENCH_COMPANIES:-10000}
providers=${BENCH_PROVIDERS:-Sqlite PostgreSql}
duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
rounds=${BENCH_ROUNDS:-3}
mkdir -p "$out"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

echo "Publication du portail (Release)…"
rm -rf "$out/publish"
dotnet publish "$root/src/Plan10000.Portal.Web" --configuration Release -nologo -v q -o "$out/publish" >/dev/null

# wrk prints p50/p95/p99 (ms) and requests/s on one line through this script (its --latency table has no p95).
cat >"$out/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
LUA

port=$(( 56100 + RANDOM % 500 ))
base="http://127.0.0.1:$port"
pid=""
stop_portal() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop_portal EXIT

# $1 provider, $2 data directory, $3 connection string, $4 output cache on/off
start_portal() {
  local admin_password
  admin_password=$(head -c 24 /dev/urandom | base64)
  (cd "$out/publish" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    Portal__DataDirectory="$2" Portal__Database__Provider="$1" ConnectionStrings__Portal="$3" \
    Portal__Seed__ScaleCompanies="$companies" Portal__Seed__Demo=false \
    Portal__Modules__Indicators__Enabled=false Portal__Modules__Conventions__Enabled=false \
    Portal__OutputCache__Enabled="$4" Portal__Api__RequestsPerMinute=0 \
    Portal__Admin__Email=bench@exemple.gouv.fr Portal__Admin__Password="$admin_password" \
    Logging__LogLevel__Default=Warning \
    dotnet Plan10000.Portal.Web.dll >"$2/portal.log" 2>&1) &
  pid=$!
  local started=$SECONDS
  until curl -sf "$base/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "Le portail s'est arrêté ; voir $2/portal.log" >&2; tail -20 "$2/portal.log" >&2; exit 1; }
    sleep 1
  done
  echo "  portail prêt en $((SECONDS - started)) s (cache de sortie : $4)"
}

# $1 label, $2 path, $3 connections
measure() {
  local line load
  wrk -t1 -c"$3" -d2s "$base$2" >/dev/null 2>&1 || true
  load=$(cut -d' ' -f1 /proc/loadavg)
  line=$(wrk -t"$(( $3 < threads ? $3 : threads ))" -c"$3" -d"${duration}s" -s "$out/report.lua" "$base$2" | grep '^RESULT' || echo "RESULT 0 0 0 0 -1")
  read -r _ rps p50 p95 p99 errors <<<"$line"
  echo "$1|$2|$3|$rps|$p50|$p95|$p99|$errors|$load"
}

# Lines of every round on stdin; per label, in first-seen order, the round with the median requests/s, then the
# lowest and highest requests/s of its rounds.
median_rows() {
  local all label runs
  all=$(cat)
  while IFS= read -r label; do
    runs=$(awk -F'|' -v l="$label" '$1 == l' <<<"$all" | sort -t'|' -k4,4g)
    echo "$(sed -n "$(( ($(wc -l <<<"$runs") + 1) / 2 ))p" <<<"$runs")|$(head -n 1 <<<"$runs" | cut -d'|' -f4)–$(tail -n 1 <<<"$runs" | cut -d'|' -f4)"
  done < <(cut -d'|' -f1 <<<"$all" | awk '!seen[$0]++')
}

{
  echo "# bench-http — $(date -u '+%d/%m/%Y %H:%M') UTC"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $companies companies (Indicators and Conventions off); wrk $threads threads, ${duration} s per line;"
  echo "$rounds rounds over all the lines of a block, each line showing its median round by requests/s and the range of its rounds."
  echo "Ratio = requests/s of the page ÷ requests/s of the fingerprinted DSFR stylesheet in the same block (the issue's"
  echo "baseline, uncompressed since wrk sends no Accept-Encoding); a small fingerprinted file of the theme is measured too."
} >"$out/results.md"

for provider in $providers; do
  data=$(mktemp -d /tmp/plan10000-bench.XXXXXX)
  case "$provider" in
    Sqlite) connection="Data Source=$data/portal.db" ;;
    PostgreSql)
      : "${PORTAL_TEST_POSTGRES:?PORTAL_TEST_POSTGRES manquant (lancez ./build.sh bench-http)}"
      pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PORTAL_TEST_POSTGRES")
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench_http" -c "CREATE DATABASE bench_http" >/dev/null
      connection="${PORTAL_TEST_POSTGRES/Database=postgres/Database=bench_http}" ;;
    *) echo "Fournisseur inconnu : $provider" >&2; exit 2 ;;
  esac
  for cache in true false; do
    echo "== $provider, cache de sortie $cache"
    start_portal "$provider" "$data" "$connection" "$cache"
    home=$(curl -sf "$base/")
    static=$(grep -oE '/_content/[^"]+/dsfr\.min\.[a-z0-9]+\.css' <<<"$home" | head -n 1)
    small=$(grep -oE '/_content/[^"]+\.(css|js)' <<<"$home" | grep -v '/dsfr\.' | head -n 1)
    slug=$(curl -sf "$base/api/v1/entreprises?taillePage=1" | grep -oE '"slug": ?"[^"]+"' | head -n 1 | sed -E 's/.*"([^"]+)"$/\1/')
    measured=$(for _ in $(seq "$rounds"); do
      measure "fichier statique" "$static" "$connections"
      measure "petit fichier statique" "$small" "$connections"
      measure "accueil" "/" "$connections"
      measure "vitrine filtrée" "/entreprises-engagees?departement=44&page=3" "$connections"
      measure "vitrine cherchée" "/entreprises-engagees?q=stage&page=2" "$connections"
      measure "vitrine page 1" "/entreprises-engagees" "$connections"
      measure "vitrine page 400" "/entreprises-engagees?page=400" "$connections"
      measure "page d'entreprise" "/entreprises-engagees/$slug" "$connections"
      measure "API page 1" "/api/v1/entreprises" "$connections"
      measure "API page 400" "/api/v1/entreprises?page=400" "$connections"
      if [ "$cache" = false ]; then measure "vitrine filtrée, 1 client" "/entreprises-engagees?departement=44&page=3" 1; fi
    done)
    rows=$(median_rows <<<"$measured")
    stop_portal
    static_rps=$(head -n 1 <<<"$rows" | cut -d'|' -f4)
    {
      echo
      echo "## $provider — output cache $([ "$cache" = true ] && echo on || echo off)"
      echo
      echo "| page | path | connections | req/s | range | ratio | p50 ms | p95 ms | p99 ms | errors | load |"
      echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      while IFS='|' read -r label path conns rps p50 p95 p99 errors load range; do
        ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf (b > 0 ? "%.2f" : "–"), a / b }')
        echo "| $label | \`$path\` | $conns | $rps | $range | $ratio | $p50 | $p95 | $p99 | $errors | $load |"
      done <<<"$rows"
    } >>"$out/results.md"
  done
  rm -rf "$data"
done

cat "$out/results.md"
