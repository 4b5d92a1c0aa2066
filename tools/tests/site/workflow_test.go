package site

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/neuralml/labsite/tools/internal/scaffold"
	"github.com/neuralml/labsite/tools/internal/testkit/hugotest"
	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow the test reads.
type workflow struct {
	Jobs map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Steps  []step
	}
}

type step struct {
	Name string
	Uses string
	With map[string]string
	Run  string
}

// TestNewSiteWorkflowRuns runs the GitHub Actions workflow that labtool new
// site writes, step by step as Actions would (bash -eo pipefail, $GITHUB_PATH
// between steps), on a fresh site. Only the downloads are stood in for:
// curl serves the pinned Hugo (and fails for any URL but the release of
// the version netlify.toml names), and go install serves the labtool of
// this checkout. Then a broken link is added to the site and the check
// step must fail with an annotation on the content file.
func TestNewSiteWorkflowRuns(t *testing.T) {
	tmp := t.TempDir()
	site := filepath.Join(tmp, "mylab")
	if _, err := scaffold.NewSite(site, scaffold.SiteOptions{Title: "Test Lab", ThemePath: hugotest.ThemeDir}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(site, ".github", "workflows", "site.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("site.yml: %v", err)
	}
	job, ok := wf.Jobs["check"]
	if !ok || job.RunsOn != "ubuntu-latest" {
		t.Fatalf("site.yml has no check job on ubuntu-latest: %+v", wf)
	}
	var uses, runs []string
	for _, s := range job.Steps {
		if s.Uses != "" {
			uses = append(uses, s.Uses)
		}
		if s.Run != "" {
			runs = append(runs, s.Name)
		}
	}
	if fmt.Sprint(uses) != "[actions/checkout@v4 actions/setup-go@v5]" || job.Steps[1].With["go-version"] != scaffold.GoVersion {
		t.Errorf("actions %q, setup-go with %v", uses, job.Steps[1].With)
	}

	env := fakeRunner(t, tmp)
	out, failed := runSteps(t, site, env, job.Steps)
	if failed != "" {
		t.Fatalf("step %q failed:\n%s", failed, out)
	}
	for _, want := range []string{
		`(?m)^hugo v` + regexp.QuoteMeta(scaffold.HugoVersion) + ` `, // the Hugo netlify.toml names
		`(?m)^no problems in \d+ files$`,                             // validate
		`(?m)^no problems in \d+ pages \(\d+ references checked\)$`,  // check
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("the workflow's output lacks %s:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("the workflow built no site: %v", err)
	}

	// A broken link fails the check step, annotated on the content file.
	home := filepath.Join(site, "content", "_index.md")
	text, _ := os.ReadFile(home)
	if err := os.WriteFile(home, append(text, "\nSee [our research](/reserch/).\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, failed = runSteps(t, site, env, job.Steps)
	if !strings.HasPrefix(failed, "Check links") {
		t.Fatalf("with a broken link, the failed step is %q, want the check:\n%s", failed, out)
	}
	if !strings.Contains(out, "::error file=content/_index.md,line=") || !strings.Contains(out, `broken link "/reserch/"`) {
		t.Errorf("no annotation on content/_index.md:\n%s", out)
	}
}

// fakeRunner sets up a runner's environment in dir: a PATH with the
// standard tools, a curl that serves the pinned Hugo, a go whose install
// of labtool copies this checkout's build, and RUNNER_TEMP and GOPATH.
func fakeRunner(t *testing.T, dir string) []string {
	t.Helper()
	bin := filepath.Join(dir, "bin")
	gopath := filepath.Join(dir, "gopath")
	for _, d := range []string{bin, gopath, filepath.Join(dir, "runner")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	labtool := filepath.Join(dir, "labtool-build")
	build := exec.Command("go", "build", "-o", labtool, "./tools/labtool")
	build.Dir = hugotest.Root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build labtool: %v\n%s", err, out)
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	// The release archive holds one file, hugo: here a script that runs
	// the pinned Hugo.
	var tgz bytes.Buffer
	gz := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(gz)
	script := fmt.Sprintf("#!/bin/sh\nexec %q \"$@\"\n", hugotest.Hugo(t))
	if err := tw.WriteHeader(&tar.Header{Name: "hugo", Mode: 0o755, Size: int64(len(script))}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte(script))
	tw.Close()
	gz.Close()
	archive := filepath.Join(dir, "hugo.tar.gz")
	write := func(name, text string, mode os.FileMode) {
		if err := os.WriteFile(name, []byte(text), mode); err != nil {
			t.Fatal(err)
		}
	}
	write(archive, tgz.String(), 0o644)
	url := fmt.Sprintf("https://github.com/gohugoio/hugo/releases/download/v%[1]s/hugo_%[1]s_linux-amd64.tar.gz", scaffold.HugoVersion)
	write(filepath.Join(bin, "curl"), fmt.Sprintf(`#!/bin/sh
for a in "$@"; do url=$a; done
if [ "$url" != %q ]; then echo "curl: (22) 404 for $url" >&2; exit 22; fi
cat %q
`, url, archive), 0o755)
	write(filepath.Join(bin, "go"), fmt.Sprintf(`#!/bin/sh
case "$1 $2" in
"install github.com/neuralml/labsite/tools/labtool@"*) mkdir -p "$GOPATH/bin" && cp %q "$GOPATH/bin/labtool"; exit;;
"env GOPATH") echo "$GOPATH"; exit;;
esac
exec %q "$@"
`, labtool, realGo), 0o755)
	return []string{
		"PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin",
		"HOME=" + os.Getenv("HOME"),
		"GOPATH=" + gopath,
		"GOCACHE=" + os.Getenv("GOCACHE"),
		"GOPROXY=off",
		"RUNNER_TEMP=" + filepath.Join(dir, "runner"),
		"HUGO_CACHEDIR=" + filepath.Join(dir, "hugo-cache"),
		"GITHUB_ACTIONS=true",
	}
}

// runSteps runs the run: steps in site as Actions does, with a fresh
// $GITHUB_PATH, and returns their output and the name of the step that
// failed ("" when none did).
func runSteps(t *testing.T, site string, env []string, steps []step) (string, string) {
	t.Helper()
	ghPath := filepath.Join(t.TempDir(), "github_path")
	if err := os.WriteFile(ghPath, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, s := range steps {
		if s.Run == "" {
			continue
		}
		// Directories added to $GITHUB_PATH come first in later steps.
		added, _ := os.ReadFile(ghPath)
		stepEnv := append([]string{}, env...)
		for _, dir := range strings.Fields(string(added)) {
			for i, kv := range stepEnv {
				if strings.HasPrefix(kv, "PATH=") {
					stepEnv[i] = "PATH=" + dir + ":" + strings.TrimPrefix(kv, "PATH=")
				}
			}
		}
		stepEnv = append(stepEnv, "GITHUB_PATH="+ghPath)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		cmd.Dir = site
		cmd.Env = stepEnv
		res, err := cmd.CombinedOutput()
		fmt.Fprintf(&out, "--- %s\n%s", s.Name, res)
		if err != nil {
			return out.String(), s.Name
		}
	}
	return out.String(), ""
}
