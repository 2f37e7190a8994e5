#!/bin/sh
# Refresh the Qt translation of the app: collect every tr() string from the widgets
# (pyside6-lupdate -> resources/translations/clubhouse_zh_CN.ts), then compile the .qm the app
# loads (pyside6-lrelease).  Fill in new entries in the .ts (Qt Linguist or a text editor)
# and run this again.  `make translations` calls it.  Plain POSIX sh: make runs it with sh.
set -eu
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
TS=resources/translations/clubhouse_zh_CN.ts
QM=resources/translations/clubhouse_zh_CN.qm
# Every widget module, sub-packages included (desktop/ui/members/...), and the app bootstrap.
# The paths hold no spaces, so the unquoted list splits into one argument per file.
SOURCES=$(find desktop/ui -name '*.py' | sort)
# shellcheck disable=SC2086
"$BIN/pyside6-lupdate" -no-obsolete -locations relative $SOURCES desktop/app.py -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
if grep -q 'type="unfinished"' "$TS"; then
    echo "warning: $TS has unfinished entries; translate them and run this again" >&2
fi
