package main

import (
	"os"
	"testing"

	"github.com/neuralml/labsite/tools/internal/cli"
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
// output of cmp lines in place.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
	})
}
