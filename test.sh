#!/usr/bin/env bash
# Runs every test: unit, API integration (SQLite and PostgreSQL), bunit and Playwright end-to-end.
# Installs missing prerequisites with apt when run as root, and starts a throwaway PostgreSQL on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
artifacts="$root/.test-artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
# Offline voice for the copilot: text to speech (pt-BR and en voices) and English speech recognition with its model.
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v pocketsphinx_continuous >/dev/null || missing+=(pocketsphinx)
[ -d /usr/share/pocketsphinx/model/en-us ] || missing+=(pocketsphinx-en-us)
# Scale-out tests (issue 17): Redis for the bus, the SignalR backplane and the shared rate limits; Node runs s3rver.
command -v redis-server >/dev/null || missing+=(redis-server)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
fi

# A throwaway PostgreSQL cluster on a free loopback port, removed on exit.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}
PGBIN=$(pg_bin)
pgdir=$(mktemp -d /tmp/salescrm-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; as_pg=(runuser -u postgres --); fi
redis_pid=""; s3_pid=""
cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true
  [ -z "$s3_pid" ] || kill "$s3_pid" 2>/dev/null || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
pgport=$(free_port)
"${as_pg[@]}" "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync -E UTF8 >"$artifacts/initdb.log" 2>&1
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export SALESCRM_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=unused;Pooling=true;Maximum Pool Size=20"
echo "PostgreSQL test server on 127.0.0.1:$pgport"

# A throwaway Redis (no persistence) on another free loopback port, for the scale-out tests.
redisport=$(free_port)
redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --dir "$pgdir" \
  >"$artifacts/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$redisport") 2>/dev/null && break; sleep 0.1; done
export SALESCRM_TEST_REDIS="127.0.0.1:$redisport"
echo "Redis test server on $SALESCRM_TEST_REDIS"

# An S3-compatible server (s3rver from npm, tools/s3rver) with the bucket the shared-storage tests use.
npm ci --prefix tools/s3rver --no-audit --no-fund --loglevel=error >/dev/null
s3port=$(free_port)
mkdir -p "$pgdir/s3"
tools/s3rver/node_modules/.bin/s3rver --address 127.0.0.1 --port "$s3port" --directory "$pgdir/s3" --silent \
  --configure-bucket salescrm-test >"$artifacts/s3rver.log" 2>&1 &
s3_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$s3port") 2>/dev/null && break; sleep 0.1; done
export SALESCRM_TEST_S3="http://127.0.0.1:$s3port"
echo "S3-compatible test server on $SALESCRM_TEST_S3 (bucket salescrm-test)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build SalesCrm.sln -nologo -v quiet -clp:ErrorsOnly

# Each provider's migrations must match the model.
for provider in Sqlite Postgres; do
  dotnet ef migrations has-pending-model-changes --no-build \
    --project "src/SalesCrm.Migrations.$provider" --startup-project "src/SalesCrm.Migrations.$provider" >/dev/null \
    || { echo "Pending model changes for $provider: run scripts/add-migration.sh <Name>" >&2; exit 1; }
done

status=0
# npm packages the e2e suite uses (node_modules is not committed): the official PostgREST client it drives /rest/v1
# with, and axe-core, the accessibility engine it runs on every page.
npm ci --prefix e2e/postgrest-client --no-audit --no-fund --loglevel=error >/dev/null
npm ci --prefix e2e/axe --no-audit --no-fund --loglevel=error >/dev/null

for project in tests/SalesCrm.Core.Tests tests/SalesCrm.Web.Tests e2e/SalesCrm.E2E; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$artifacts" \
    2>&1 | tee "$artifacts/$name.log" \
    | awk '/^  Error Message:/ { show = 25 } /^  Stack Trace:/ { show = 0 }
           /^(Passed!|Failed!|  Failed |Test Run Aborted)|error/ || show > 0 { print; if (show > 0) show-- }' || true
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
done

# One closing line for the whole run.
passed=0; failed=0; skipped=0
for log in "$artifacts"/*.log; do
  line=$(grep -E "^(Passed|Failed)!" "$log" | tail -n 1 || true)
  [ -n "$line" ] || continue
  passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
  skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ] || exit 1
