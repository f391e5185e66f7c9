#!/usr/bin/env bash
# Build the Linux desktop bundle (PyInstaller, one folder) and run its self-test.
#
#   build_spec/build_linux.sh [--working-tree] [--out DIR] [--archive] [--keep]
#
# By default the bundle is built from a clean checkout: `git clone` of this repository's
# committed HEAD into a temporary folder, so only what is committed goes in. --working-tree
# builds from the files as they are now instead (tracked and untracked, minus what
# .gitignore leaves out), for trying out changes before they are committed.
#
# Steps: a fresh venv under /tmp; pip install the project (not editable) and PyInstaller;
# pyinstaller build_spec/fieldapp.spec; then dist/fieldapp/fieldapp --self-test with
# QT_QPA_PLATFORM=offscreen and an emptied environment (no venv, no PYTHONPATH), so the
# bundle proves it needs no Python. Prints the bundle's size and the build and self-test
# times. Needs python3 (3.11+) with venv, git, and PyPI (or a pip cache/mirror).
#
#   --out DIR   put the finished bundle in DIR/fieldapp (default: dist/fieldapp in this
#               repository, which .gitignore leaves out)
#   --archive   also write fieldapp-<version>-linux-<arch>.tar.gz beside it
#   --keep      keep the temporary folder (venv, build files) and print where it is
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
PYINSTALLER=${PYINSTALLER:-"pyinstaller>=6.10,<7"}
FROM_WORKING_TREE=0
OUT="$REPO/dist"
ARCHIVE=0
KEEP=0

while [ $# -gt 0 ]; do
    case "$1" in
        --working-tree) FROM_WORKING_TREE=1 ;;
        --out) OUT=$2; shift ;;
        --archive) ARCHIVE=1 ;;
        --keep) KEEP=1 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "build_linux.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

WORK=$(mktemp -d /tmp/fieldapp-build.XXXXXX)
cleanup() {
    if [ "$KEEP" = 1 ]; then
        echo "kept the build folder: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

started=$(now)
SRC="$WORK/src"
if [ "$FROM_WORKING_TREE" = 1 ]; then
    echo "== source: the working tree of $REPO (uncommitted changes included)"
    mkdir -p "$SRC"
    if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
            | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$SRC"
    else  # not a git checkout (e.g. an unpacked archive): copy all but build leftovers
        (cd "$REPO" && tar --exclude=./.venv --exclude=./dist --exclude=./build \
            --exclude=./demo-workspace --exclude='*/__pycache__' -cf - .) | tar -xf - -C "$SRC"
    fi
else
    echo "== source: a clean checkout of $REPO ($(git -C "$REPO" rev-parse --short HEAD))"
    if [ -n "$(git -C "$REPO" status --porcelain)" ]; then
        echo "   (the working tree has uncommitted changes; they are NOT in this build —"
        echo "    use --working-tree to include them)"
    fi
    git clone --quiet "$REPO" "$SRC"
fi
if [ ! -f "$SRC/build_spec/fieldapp.spec" ]; then
    echo "build_linux.sh: build_spec/fieldapp.spec is not in this source; commit it, or" \
         "build from the working tree with --working-tree" >&2
    exit 1
fi

echo "== venv and install ($("$PYTHON" --version))"
"$PYTHON" -m venv "$WORK/venv"
PIP=("$WORK/venv/bin/python" -m pip --disable-pip-version-check)
"${PIP[@]}" install --quiet --upgrade pip
"${PIP[@]}" install --quiet "$SRC" "$PYINSTALLER"
installed=$(now)
echo "   $("$WORK/venv/bin/pyinstaller" --version | sed 's/^/PyInstaller /'),"\
     "$("$WORK/venv/bin/python" -c 'import fieldapp; print("fieldapp", fieldapp.__version__)')"

echo "== pyinstaller build_spec/fieldapp.spec"
(cd "$SRC" && "$WORK/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/build" build_spec/fieldapp.spec)
built=$(now)

BUNDLE="$WORK/dist/fieldapp"
echo "== self-test of the bundle (no Python environment, QT_QPA_PLATFORM=offscreen)"
test_started=$(now)
env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    TMPDIR="$WORK" "$BUNDLE/fieldapp" --self-test
test_done=$(now)
env -i PATH=/usr/bin:/bin HOME="$WORK/home" "$BUNDLE/fieldapp" --version

mkdir -p "$OUT"
rm -rf "$OUT/fieldapp"
mv "$BUNDLE" "$OUT/fieldapp"
size_mb=$(du -sm "$OUT/fieldapp" | cut -f1)
files=$(find "$OUT/fieldapp" -type f | wc -l)
if [ "$ARCHIVE" = 1 ]; then
    version=$("$OUT/fieldapp/fieldapp" --version | awk '{print $2}')
    tarball="$OUT/fieldapp-$version-linux-$(uname -m).tar.gz"
    tar -C "$OUT" -czf "$tarball" fieldapp
    echo "archive: $tarball ($(du -sm "$tarball" | cut -f1) MB)"
fi

echo "== done"
echo "bundle:    $OUT/fieldapp  ($size_mb MB, $files files)"
echo "build:     $(seconds "$started" "$built") s  (checkout + venv + pip install" \
     "$(seconds "$started" "$installed") s, pyinstaller $(seconds "$installed" "$built") s)"
echo "self-test: $(seconds "$test_started" "$test_done") s  (the bundle's first start included)"
