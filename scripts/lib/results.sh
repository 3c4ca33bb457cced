# Shared helpers for the test-suite runners (sourced, not run).
# Every suite writes its counts to build/results/<suite> as "PASSED FAILED";
# scripts/check-all sums them into the final "N passed, N failed" line.

bb_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bb_results=$bb_top/build/results

# results_write SUITE PASSED FAILED
results_write() {
	mkdir -p "$bb_results"
	echo "$2 $3" > "$bb_results/$1"
	echo "$1: $2 passed, $3 failed"
}

# tap_count FILE -> prints "PASSED FAILED" from a TAP stream (bats --tap).
# A plan ("1..N") with fewer results than planned counts the missing ones
# as failed, so a suite that dies half-way cannot look green.
tap_count() {
	awk '
		/^1\.\.[0-9]+/ { split($0, p, "."); plan = p[3] + 0 }
		/^ok / { pass++ }
		/^not ok / { fail++ }
		END {
			if (plan > pass + fail) fail += plan - pass - fail
			printf "%d %d\n", pass, fail
		}' "$1"
}
