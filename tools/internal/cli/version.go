package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newCmdVersion(ios *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print labtool's version and the Go version it was built with",
		Long: `Print labtool's module version ("(devel)" for a build from a checkout),
the commit it was built from when known, and the Go version and platform.`,
		Example: `  labtool version
  go install github.com/neuralml/labsite/tools/labtool@latest && labtool version`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(ios.Out, versionLine(debug.ReadBuildInfo()))
			return nil
		},
	}
}

// versionLine is "labtool VERSION[ (COMMIT)] GOVERSION OS/ARCH".
func versionLine(info *debug.BuildInfo, ok bool) string {
	version := "(devel)"
	commit := ""
	if ok {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		var revision, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if len(revision) > 12 {
			revision = revision[:12]
		}
		if revision != "" {
			commit = " (" + revision
			if modified == "true" {
				commit += ", modified"
			}
			commit += ")"
		}
	}
	return fmt.Sprintf("labtool %s%s %s %s/%s", version, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
