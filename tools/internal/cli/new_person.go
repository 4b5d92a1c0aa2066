package cli

import "github.com/spf13/cobra"

func newCmdNewPerson(ios *IO, runF func(*NewEntryOptions) error) *cobra.Command {
	return newEntryCmd(ios, "person", runF, &cobra.Command{
		Use:   "person NAME",
		Short: "Add a lab member",
		Long: `Add content/people/<slug>.md: a member of the lab, listed on the people
page under their role.`,
		Example: `  labtool new person "Ada Lovelace" --role phd --position "PhD student" --email ada@example.org
  labtool new person "Rui Ponte Costa" --role pi`,
	})
}
