package sitecheck

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// HugoSources asks Hugo which content file produced each page of the site
// in dir, with `hugo list all` (Hugo's own mapping, so that permalinks,
// slugs, url front matter and page bundles all count as Hugo counts them).
// It returns the content files, relative to dir with forward slashes, by
// the page's HTML file relative to the public folder (research/index.html).
// Pages that no file produced (from a content adapter, or a taxonomy) are
// left out.
func HugoSources(hugo, dir string) (map[string]string, error) {
	cmd := exec.Command(hugo, "list", "all", "--source", dir, "--noBuildLock", "--logLevel", "error")
	// Permalinks under a base URL with no path, whatever the site's
	// configuration or the -b of its build, are the pages' paths in public/.
	cmd.Env = append(os.Environ(), "HUGO_BASEURL="+listBaseURL)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s list all: %v\n%s", hugo, err, strings.TrimSpace(stderr.String()))
	}
	return parseList(out, dir)
}

const listBaseURL = "http://labtool.invalid/"

// parseList reads the CSV that `hugo list all` prints.
func parseList(out []byte, dir string) (map[string]string, error) {
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading hugo list all: %v", err)
	}
	if len(rows) == 0 {
		return map[string]string{}, nil
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	pathCol, okPath := col["path"]
	linkCol, okLink := col["permalink"]
	if !okPath || !okLink {
		return nil, fmt.Errorf("hugo list all: unexpected columns %q", rows[0])
	}
	sources := map[string]string{}
	for _, row := range rows[1:] {
		u, err := url.Parse(row[linkCol])
		if err != nil {
			continue
		}
		rel := strings.TrimPrefix(u.Path, "/")
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		src := filepath.ToSlash(row[pathCol])
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(src))); err != nil || fi.IsDir() {
			continue
		}
		sources[rel] = src
	}
	return sources, nil
}

// AttachSources sets each problem's Source from sources (as HugoSources
// returns them), with the line and column where the content file in site
// writes the reference, when it does.
func AttachSources(r *Report, site string, sources map[string]string) {
	texts := map[string][]byte{}
	base, _ := url.Parse(r.BaseURL)
	for i := range r.Problems {
		p := &r.Problems[i]
		src, ok := sources[p.Page]
		if !ok {
			continue
		}
		text, ok := texts[src]
		if !ok {
			text, _ = os.ReadFile(filepath.Join(site, filepath.FromSlash(src)))
			texts[src] = text
		}
		p.Source = &Source{Path: src}
		for _, needle := range needles(p.URL, base) {
			if at := bytes.Index(text, []byte(needle)); at >= 0 {
				before := text[:at]
				p.Source.Line = bytes.Count(before, []byte{'\n'}) + 1
				p.Source.Col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
				break
			}
		}
	}
}

// needles returns the ways a content file may write a reference: as the
// page has it, and without the base path that Hugo added.
func needles(ref string, base *url.URL) []string {
	list := []string{ref}
	if base != nil && base.Path != "/" {
		if rest, ok := strings.CutPrefix(ref, base.Path); ok {
			list = append(list, "/"+rest)
		}
		if rest, ok := strings.CutPrefix(ref, strings.TrimSuffix(base.String(), "/")); ok && base.Host != "" {
			list = append(list, rest)
		}
	}
	return list
}
