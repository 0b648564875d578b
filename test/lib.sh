# Shell helpers shared by test/run, sample/demo and the benchmark: Debian
# packages, building and installing tokcost, and throwaway PostgreSQL
# clusters that listen on 127.0.0.1 only.
#
# Source this file with bash; it sets no shell options of its own.

PG_CONFIG=${PG_CONFIG:-pg_config}
TOKCOST_ROOT=${TOKCOST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# Debian packages that the build, the tests and the demo need.
TOKCOST_PACKAGES="make gcc postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap
libtap-parser-sourcehandler-pgtap-perl postgresql-15-cron
clang libclang-rt-14-dev sqlsmith valgrind"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "'$*' needs root, and sudo is not installed; run this script as root"
    fi
}

# Install whichever of the given Debian packages are missing.
install_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build tokcost and install it into the server's extension directory.
build_and_install() {
    log "building tokcost"
    make -C "$TOKCOST_ROOT" -s PG_CONFIG="$PG_CONFIG" >/dev/null
    log "installing tokcost into $("$PG_CONFIG" --sharedir)/extension"
    as_root make -C "$TOKCOST_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# PostgreSQL will not start as root, so a root caller runs the server as the
# postgres account that Debian's server package creates.
server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        echo postgres
    else
        id -un
    fi
}

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Print a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port found on 127.0.0.1"
}

# cluster_start DIR [PORT]: initdb a cluster in DIR and start it on
# 127.0.0.1.  Sets PGHOST, PGPORT, PGUSER and PGDATABASE for the clients.
# Extra server settings can be passed in TOKCOST_SERVER_OPTIONS.
cluster_start() {
    local dir=$1 port=${2:-$(free_port)} bindir
    bindir=$("$PG_CONFIG" --bindir)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$(server_user)" "$dir"
    as_server_user "$bindir/initdb" -D "$dir/data" -U postgres -A trust \
        -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_worker_processes = 16
max_parallel_workers = 8
fsync = off
synchronous_commit = off
full_page_writes = off
shared_preload_libraries = '${TOKCOST_PRELOAD:-}'
${TOKCOST_SERVER_OPTIONS:-}
EOF
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; die "the server in $dir did not start"; }
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
}

# cluster_stop DIR: stop the cluster in DIR, if it runs.
cluster_stop() {
    local dir=$1 bindir
    bindir=$("$PG_CONFIG" --bindir)
    [ -f "$dir/data/postmaster.pid" ] || return 0
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# make_scratch_dir NAME: a fresh directory that the server user can write.
make_scratch_dir() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/tokcost-$1.XXXXXX")
    chmod 755 "$dir"
    echo "$dir"
}
