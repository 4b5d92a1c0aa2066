//go:build !unix

// Package cputime measures the CPU time of the process, for benchmarks that
// report it beside wall time (a machine shared with other work inflates
// wall time far more than CPU time).
package cputime

import "time"

// Process returns 0: the CPU time is not measured here.
func Process() time.Duration { return 0 }
