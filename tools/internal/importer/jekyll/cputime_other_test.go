//go:build !unix

package jekyll

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
