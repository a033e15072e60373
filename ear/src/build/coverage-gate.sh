#!/usr/bin/env bash
# Fails the build when the tests ran less than the minimum share of our Java lines, and prints each module's share.
#   coverage-gate.sh JACOCO_CSV MINIMUM SKIPPED [SELECTED]
# JACOCO_CSV is the aggregate report (unit and Arquillian tests of every module). SKIPPED holds "true" when the tests
# or JaCoCo were skipped, and SELECTED the integration tests chosen with -Dit.test (Maven passes "${it.test}" unresolved when
# none was): a run of some of the tests has nothing to check.
set -euo pipefail
csv="$1" minimum="$2" skipped="$3" selected="${4:-}"
if [[ "$skipped" == *true* ]]; then
  echo "coverage gate: tests skipped, nothing to check"
  exit 0
fi
if [[ -n "$selected" && "$selected" != '${it.test}' ]]; then
  echo "coverage gate: only $selected ran, nothing to check"
  exit 0
fi
[[ -f "$csv" ]] || { echo "coverage gate: no coverage report at $csv" >&2; exit 1; }
# Columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, -v minimum="$minimum" '
  NR > 1 { missed[$1] += $8; covered[$1] += $9; total_missed += $8; total_covered += $9 }
  END {
    for (group in missed) {
      printf "coverage gate: %-14s %6.1f %% of %d lines\n", group, 100 * covered[group] / (missed[group] + covered[group]), missed[group] + covered[group]
    }
    share = total_covered / (total_missed + total_covered)
    printf "coverage gate: all modules   %6.1f %% of %d lines (minimum %.1f %%)\n", 100 * share, total_missed + total_covered, 100 * minimum
    exit share + 1e-12 < minimum ? 1 : 0
  }' "$csv"
