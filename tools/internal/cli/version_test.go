package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	suffix := " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{nil, false, "labtool (devel)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "labtool (devel)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, true, "labtool v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "385538b0123456789abcdef"}, {Key: "vcs.modified", Value: "true"},
		}}, true, "labtool (devel) (385538b01234, modified)"},
	} {
		if got := versionLine(tc.info, tc.ok); got != tc.want+suffix {
			t.Errorf("got %q, want %q", got, tc.want+suffix)
		}
	}
}
