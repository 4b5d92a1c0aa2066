package cli

import (
	"github.com/neuralml/labsite/tools/internal/model"
	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/spf13/cobra"
)

// NewPersonOptions are the arguments of `labtool new person`.
type NewPersonOptions struct {
	IO   *IO
	Site string
	scaffold.PersonOptions
}

func newCmdNewPerson(ios *IO, runF func(*NewPersonOptions) error) *cobra.Command {
	opts := &NewPersonOptions{IO: ios}
	var common commonNewFlags
	cmd := &cobra.Command{
		Use:   "person NAME",
		Short: "Add a lab member",
		Long: `Add content/people/<slug>.md: a member of the lab, listed on the people
page under their role.`,
		Example: `  labtool new person "Ada Lovelace" --role phd --position "PhD student" --email ada@example.org
  labtool new person "Rui Ponte Costa" --role pi`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = siteDir(cmd)
			opts.Name = args[0]
			opts.Slug, opts.Force = common.Slug, common.Force
			if runF != nil {
				return runF(opts)
			}
			return newPersonRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Role, "role", "", "the person's role, which groups the people page: "+joinEnum(model.Roles))
	cmd.Flags().StringVar(&opts.Position, "position", "", `the person's job title, in full ("PhD student")`)
	cmd.Flags().StringVar(&opts.Email, "email", "", "a contact e-mail address")
	common.register(cmd)
	completeEnum(cmd, "role", model.Roles)
	return cmd
}

func newPersonRun(opts *NewPersonOptions) error {
	return writeNew(opts.IO, opts.Site, func(site *scaffold.Site) (scaffold.Result, string, error) {
		res, err := scaffold.NewPerson(site, opts.PersonOptions)
		return res, "", err
	})
}
