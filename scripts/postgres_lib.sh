# Shared by scripts/postgres.sh (the regression suite) and bench/postgres.sh (the benchmark):
# packages, the build and install of libmandate.so + the extension, and a throw-away server.
# Source it from bash with `set -euo pipefail`; ROOT must be set.

PGBIN=/usr/lib/postgresql/15/bin
PG_CONFIG=$PGBIN/pg_config
EXT=$ROOT/bindings/postgresql
BUILD=${MANDATE_PG_BUILD:-$ROOT/build-pg}
MANDATE=$BUILD/bin/mandate
PGUSER_OS=mandate_pg

say() { printf '== %s: %s\n' "$(basename "$0")" "$*"; }

# The Debian packages (apt-get, as root) when missing: PostgreSQL 15 with its server headers
# and PGXS, and what the library, the command and the workload generator build with.
pg_ensure_packages() {
  local packages=(postgresql-15 postgresql-server-dev-15 make gcc g++ cmake ninja-build
                  pkg-config python3 libabsl-dev libhowardhinnant-date-dev nlohmann-json3-dev
                  libbenchmark-dev)
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "these packages are needed; run as root:" >&2
      echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
      exit 2
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [[ ! -x $PGBIN/initdb || ! -f $($PG_CONFIG --pgxs) ]]; then
    echo "PostgreSQL 15 is not where Debian puts it ($PGBIN)" >&2
    exit 2
  fi
}

# libmandate.so, the `mandate` command, the workload generator and the extension; installs the
# extension into PostgreSQL 15 with libmandate.so next to it (rpath $ORIGIN).
pg_build_install() {
  say "building libmandate.so, mandate and mandate_benchtool ($BUILD)"
  # An existing build directory (MANDATE_PG_BUILD=build in CI, after the test command) is
  # reused as configured; a new one gets only what the extension and its suite need.
  if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DMANDATE_BUILD_TESTS=OFF -DMANDATE_BUILD_BENCH=ON \
      -DMANDATE_BUILD_EXAMPLES=OFF >/dev/null
  fi
  # The workload generator (bench/generate.h) is a benchmark tool, built in the same directory.
  cmake --build "$BUILD" --target mandate mandate_cli mandate_benchtool
  say "building and installing the extension"
  local mk=(make -s -C "$EXT" MANDATE_BUILD="$BUILD" PG_CONFIG="$PG_CONFIG")
  "${mk[@]}" clean >/dev/null
  "${mk[@]}"
  "${mk[@]}" install
  cp -P "$BUILD"/lib/libmandate.so* "$($PG_CONFIG --pkglibdir)"/
  "${mk[@]}" clean >/dev/null
}

# A temporary directory owned by the unprivileged server user, removed on exit (the server is
# stopped first). Sets TMP, DATA, SOCK, SHARE (files the server reads).
pg_make_tmp() {
  if ! id "$PGUSER_OS" >/dev/null 2>&1; then
    say "creating the unprivileged user $PGUSER_OS"
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$PGUSER_OS"
  fi
  TMP=$(mktemp -d /tmp/mandate-pg.XXXXXX)
  chmod 755 "$TMP"
  DATA=$TMP/data
  SOCK=$TMP/sock
  SHARE=$TMP/share
  mkdir -p "$SOCK" "$SHARE"
  trap pg_cleanup EXIT INT TERM
}

as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }

pg_cleanup() {
  local rc=$?
  if [[ -f ${DATA:-/nonexistent}/postmaster.pid ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ ${MANDATE_PG_KEEP:-0} == 1 ]]; then
    echo "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit $rc
}

# initdb as the unprivileged user, Unix socket in $SOCK only, then start.
pg_start_server() {
  say "starting a throw-away PostgreSQL 15 in $TMP"
  chown -R "$PGUSER_OS" "$TMP"
  as_pg "$PGBIN/initdb" -D "$DATA" -U "$PGUSER_OS" -E UTF8 --locale=C.UTF-8 --auth=trust >/dev/null
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$SOCK'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_worker_processes = 8
max_parallel_workers = 8
shared_buffers = 256MB
CONF
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$TMP/server.log" -w start >/dev/null
}

# psql on the throw-away server.
pg_psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p 5432 -U "$PGUSER_OS" "$@"; }
