// Command labtool scaffolds, validates and imports the content of a labsite
// research-group website. Run `labtool help` for the commands.
package main

import (
	"os"

	"github.com/neuralml/labsite/tools/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
