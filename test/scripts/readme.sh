#!/usr/bin/env bash
# Check that every psql transcript in README.md is true: run the ```psql
# blocks in order, in one session on a fresh database, from the top folder, and compare psql's
# echoed input and output with the transcripts, prompts removed.  Prints TAP.
set -uo pipefail

readme="$TOKCOST_ROOT/README.md"
work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"

# Expected output: the block contents with the prompts taken off, each
# block followed by a marker line.
awk '
    /^```psql$/ { inblock = 1; next }
    /^```$/ && inblock { inblock = 0; print "@@ BLOCK"; next }
    inblock { sub(/^tokcost[=(\x27-]# /, ""); sub(/[ \t]+$/, ""); print }
' "$readme" >"$work/expected"

# Input: only the prompted lines, with a marker after each block.
awk '
    /^```psql$/ { inblock = 1; next }
    /^```$/ && inblock { inblock = 0; print "\\echo \x27@@\x27 \x27BLOCK\x27"; next }
    inblock && /^tokcost[=(\x27-]# / { sub(/^tokcost[=(\x27-]# /, ""); print }
' "$readme" >"$work/input"

dropdb --if-exists tokcost_readme >/dev/null 2>&1
createdb tokcost_readme
# the transcripts name files such as sample/focus_cloud.csv from the top folder
cd "$TOKCOST_ROOT" || exit 1
psql -X -q -a -d tokcost_readme <"$work/input" 2>&1 |
    grep -v "^\\\\echo '@@' 'BLOCK'$" |
    sed -e 's/[ \t]*$//' |
    awk '
        # drop the blank line that ends each block of output, as the
        # transcripts do
        /^@@ BLOCK$/ { if (held) { held = 0 } print; next }
        { if (held) print ""; held = 0 }
        /^$/ { held = 1; next }
        { print }
    ' >"$work/actual"
dropdb tokcost_readme

blocks=$(grep -c '^@@ BLOCK$' "$work/expected")
echo "1..2"
if diff -u "$work/expected" "$work/actual" >"$work/diff"; then
    echo "ok 1 - all $blocks README transcripts match a real psql session"
else
    echo "not ok 1 - a README transcript differs from a real psql session"
    sed 's/^/# /' "$work/diff"
fi
if [ "$blocks" -ge 5 ]; then
    echo "ok 2 - README has $blocks transcripts to check"
else
    echo "not ok 2 - README has only $blocks psql transcripts"
fi
