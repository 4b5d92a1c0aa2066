package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/neuralml/labsite/tools/internal/cli"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run labtool as a real command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"labtool": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs every tools/testdata/script/*.txtar: the CLI as a user
// runs it, with its exact output. Run with -update to rewrite the expected
// output of cmp lines in place. The pinned Hugo is on the scripts' PATH as
// hugo (labtool check asks it which content file made a page), and $THEME
// is this repository's theme folder.
func TestScripts(t *testing.T) {
	hugo := hugotest.Hugo(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", filepath.Dir(hugo)+string(os.PathListSeparator)+env.Getenv("PATH"))
			env.Setenv("THEME", hugotest.ThemeDir)
			return nil
		},
	})
}
