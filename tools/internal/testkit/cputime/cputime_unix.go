//go:build unix

// Package cputime measures the CPU time of the process, for benchmarks that
// report it beside wall time (a machine shared with other work inflates
// wall time far more than CPU time).
package cputime

import (
	"syscall"
	"time"
)

// Process returns the CPU time (user and system) the process has used.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
