# pg_copy DEST: copy the PostgreSQL installation that PG_CONFIG names
# (server, share and include folders) to DEST, keeping their relative
# layout, so that the copy finds its own files.  Prints the copy's
# pg_config.  A test installs a differently built tokcost there, such as
# the fuzzing build, without touching the installation others use.
#
# Source this file with bash after test/lib.sh.
pg_copy() {
    local dest=$1 bindir root version
    bindir=$("$PG_CONFIG" --bindir)
    root=$(cd "$bindir/../../../.." && pwd)         # .../usr
    version=$(basename "$(dirname "$bindir")")      # 15
    mkdir -p "$dest/usr/lib/postgresql" "$dest/usr/share/postgresql" "$dest/usr/include"
    cp -a "$root/lib/postgresql/$version" "$dest/usr/lib/postgresql/"
    cp -a "$root/share/postgresql/$version" "$dest/usr/share/postgresql/"
    cp -a "$root/include/postgresql" "$dest/usr/include/"
    echo "$dest/usr/lib/postgresql/$version/bin/pg_config"
}
