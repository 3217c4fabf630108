#!/usr/bin/env bash
# Runs a reference command and a command under test; fails unless their outputs are equal.
# Usage: compare.sh "REFERENCE CMD..." "TESTED CMD..."
set -euo pipefail
want=$(eval "$1")
got=$(eval "$2")
if [ "$want" != "$got" ]; then
  echo "reference ($1):"; echo "$want"; echo "tested ($2):"; echo "$got"
  exit 1
fi
echo "$got"
