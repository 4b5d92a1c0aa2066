//go:build !unix

package validate

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
