package needs

import (
	"fmt"
	"testing"
)

// recorder is a TB that records how the test would have ended.
type recorder struct{ skipped, failed string }

func (r *recorder) Helper()                        {}
func (r *recorder) Skipf(format string, a ...any)  { r.skipped = fmt.Sprintf(format, a...) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }

// Under CI=true a missing tool fails the test; elsewhere it skips it.
func TestMissingFailsUnderCI(t *testing.T) {
	for _, tc := range []struct {
		ci   string
		fail bool
	}{
		{"true", true}, {"1", true}, {"TRUE", true},
		{"", false}, {"false", false}, {"0", false},
	} {
		t.Run("CI="+tc.ci, func(t *testing.T) {
			t.Setenv("CI", tc.ci)
			var r recorder
			Missing(&r, "chromium not installed: apt-get install -y %s", "chromium")
			switch {
			case tc.fail && (r.failed == "" || r.skipped != ""):
				t.Errorf("skipped %q, failed %q: want a failure", r.skipped, r.failed)
			case !tc.fail && (r.skipped == "" || r.failed != ""):
				t.Errorf("skipped %q, failed %q: want a skip", r.skipped, r.failed)
			}
			if msg := r.failed + r.skipped; msg[:len("chromium not installed: apt-get install -y chromium")] != "chromium not installed: apt-get install -y chromium" {
				t.Errorf("message %q does not say what is missing", msg)
			}
		})
	}
}
