package cli

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/schema"
	"github.com/neuralml/labsite/tools/internal/siteio"
	"github.com/spf13/cobra"
)

// SchemaOptions are the arguments of `labtool schema`.
type SchemaOptions struct {
	IO *IO
	// Type is the content type; nil means all of them.
	Type *model.Type
	// Dir, when set, receives one <type>.schema.json file per type instead
	// of standard output.
	// Dir is relative to the site folder (Site).
	Dir   string
	Site  string
	Force bool
}

func newCmdSchema(ios *IO) *cobra.Command {
	opts := &SchemaOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "schema [TYPE]",
		Short: "Print the JSON Schema of a content type's front matter",
		Long: `Print the JSON Schema (draft 2020-12) of a content type's front matter,
derived from the content model: every field with its type, format, allowed
values and documentation, and which fields are required. Editors use it to
complete and check front matter.

TYPE is one of: ` + strings.Join(schema.Names(), ", ") + ` (or a section name:
research, people, publications). Without TYPE, one document holds every
type's schema under $defs (labsite.schema.json#/$defs/theme). With --dir,
each type's schema goes to its own file, DIR/<type>.schema.json, which is
what editor set-ups want; see docs/labtool.md for VS Code. DIR is inside
the site folder (--site): labtool writes nowhere else.`,
		Example: `  labtool schema theme
  labtool schema > labsite.schema.json
  labtool schema --dir .vscode/schemas`,
		Args:      usageArgs(cobra.MaximumNArgs(1)),
		ValidArgs: schema.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Type = schema.Lookup(args[0])
				if opts.Type == nil {
					return &UsageError{fmt.Errorf("unknown content type %q; want one of %s", args[0], strings.Join(schema.Names(), ", "))}
				}
			}
			opts.Site = siteDir(cmd)
			return schemaRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "write DIR/<type>.schema.json for each type instead of printing")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "with --dir, overwrite schema files that differ")
	_ = cmd.MarkFlagDirname("dir")
	return cmd
}

func schemaRun(opts *SchemaOptions) error {
	if opts.Dir == "" {
		s := schema.All()
		if opts.Type != nil {
			s = schema.For(opts.Type)
		}
		_, err := opts.IO.Out.Write(schema.Marshal(s))
		return err
	}
	types := model.Types
	if opts.Type != nil {
		types = []*model.Type{opts.Type}
	}
	site, err := siteio.OpenDir(opts.Site)
	if err != nil {
		return err
	}
	dir := opts.Dir
	if filepath.IsAbs(dir) {
		if dir, err = filepath.Rel(site.Root(), dir); err != nil {
			return err
		}
	}
	for _, t := range types {
		rel := path.Join(filepath.ToSlash(dir), t.Name+".schema.json")
		changed, err := site.WriteGenerated(rel, schema.Marshal(schema.For(t)), opts.Force)
		if err != nil {
			return err
		}
		verb := "wrote"
		if !changed {
			verb = "unchanged"
		}
		fmt.Fprintf(opts.IO.Out, "%s %s\n", verb, site.Path(rel))
	}
	return nil
}
