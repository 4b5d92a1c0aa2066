// Package sitecheck checks a built site (Hugo's public/ folder) for
// references that lead nowhere: links to pages that do not exist, #fragments
// with no element of that id, and images, srcset candidates, stylesheets,
// feeds and other resources that are missing.
//
// Check walks the folder once to know every file, then tokenizes every HTML
// page with golang.org/x/net/html on a pool of workers. A reference is
// resolved the way a browser resolves it, against the page's URL under the
// site's base URL, so a site built for a sub-path (hugo -b
// https://example.org/lab/) is checked as it will be served. Links to other
// hosts are not followed.
//
// Sources maps each page back to the content file that produced it, through
// Hugo's own `hugo list all`, so that a problem can be reported where the
// user can fix it.
package sitecheck

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Rules, one per kind of reference.
const (
	RuleLink       = "link"       // a[href], area[href], link rel=canonical/alternate/prev/next
	RuleFragment   = "fragment"   // #name with no element of that id on the target page
	RuleImage      = "image"      // img[src], video[poster], og:image
	RuleSrcset     = "srcset"     // a candidate of img[srcset] or source[srcset]
	RuleStylesheet = "stylesheet" // link rel=stylesheet
	RuleFeed       = "feed"       // link rel=alternate with a feed type
	RuleResource   = "resource"   // scripts, icons, media, iframes, objects
	RuleBasePath   = "base-path"  // an internal reference outside the site's base path
)

// Problem is one reference that leads nowhere.
type Problem struct {
	// Page is the HTML file, relative to the public folder, with forward
	// slashes (research/index.html).
	Page string `json:"page"`
	// Line and Col locate the element in the HTML file (1-based; Col counts
	// bytes, as minified HTML is one long line).
	Line int `json:"line"`
	Col  int `json:"col"`
	// Rule is the kind of reference, such as "link" or "image".
	Rule string `json:"rule"`
	// URL is the reference as the page writes it.
	URL     string `json:"url"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// Source is the content file that produced the page, when known.
	Source *Source `json:"source,omitempty"`

	offset int // byte offset of the element's tag in Page
}

// Source is a place in a content file.
type Source struct {
	// Path is relative to the site's root, with forward slashes
	// (content/research/_index.md).
	Path string `json:"path"`
	// Line and Col are where the reference is written, 0 when it is not
	// written as such (a shortcode or a template made it).
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
}

// Report is the outcome of checking a site.
type Report struct {
	// BaseURL is the base URL the site was checked against.
	BaseURL string
	// Pages is the number of HTML files checked, Files the number of files
	// in the folder, and References the number of internal references
	// followed.
	Pages, Files, References int
	// Problems are sorted by page, offset and rule.
	Problems []Problem
}

// Options tune Check.
type Options struct {
	// BaseURL is the URL the site is published at (https://example.org/lab/).
	// Empty: read from the home page's canonical link (see DetectBaseURL).
	BaseURL string
	// Workers is the number of pages tokenized at once; 0 means GOMAXPROCS.
	Workers int
}

// ErrNoSite is returned when the folder has no index.html: not a built site.
var ErrNoSite = errors.New("no index.html")

// Check checks every HTML page of the built site in public.
func Check(public string, opts Options) (*Report, error) {
	files, err := listFiles(public)
	if err != nil {
		return nil, err
	}
	if _, ok := files["index.html"]; !ok {
		return nil, fmt.Errorf("%s: %w: is it a built site (hugo's public/ folder)?", public, ErrNoSite)
	}
	base := opts.BaseURL
	if base == "" {
		base = DetectBaseURL(public, files)
	}
	baseURL, err := url.Parse(base)
	if err != nil || (baseURL.Scheme != "" && baseURL.Host == "") {
		return nil, fmt.Errorf("base URL %q is not a URL", base)
	}
	if !strings.HasSuffix(baseURL.Path, "/") {
		baseURL.Path += "/"
	}
	c := &checker{public: public, files: files, base: baseURL, pages: map[string]*page{}}
	var htmlFiles []string
	for f := range files {
		if strings.HasSuffix(f, ".html") {
			htmlFiles = append(htmlFiles, f)
		}
	}
	slices.Sort(htmlFiles)
	if err := c.run(htmlFiles, cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))); err != nil {
		return nil, err
	}
	r := &Report{BaseURL: baseURL.String(), Pages: len(htmlFiles), Files: len(files)}
	for _, p := range c.pages {
		r.References += p.refs
		r.Problems = append(r.Problems, p.problems...)
	}
	c.checkFragments(r)
	if err := locate(public, r.Problems); err != nil {
		return nil, err
	}
	slices.SortFunc(r.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.offset, b.offset),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.URL, b.URL))
	})
	return r, nil
}

// listFiles returns the set of every file under public, by slash-separated
// relative path.
func listFiles(public string) (map[string]struct{}, error) {
	fi, err := os.Stat(public)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", public)
	}
	files := map[string]struct{}{}
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(public, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = struct{}{}
		return nil
	})
	return files, err
}

// checker holds what every worker reads, and the pages they produce.
type checker struct {
	public string
	files  map[string]struct{}
	base   *url.URL

	mu    sync.Mutex
	pages map[string]*page
}

// page is what one HTML file holds that the check needs.
type page struct {
	ids       map[string]struct{}
	refs      int
	problems  []Problem
	fragments []fragmentRef // references to #fragments of other pages
}

// fragmentRef is a reference to an element of another page, checked once
// every page is read.
type fragmentRef struct {
	target   string // HTML file
	fragment string
	problem  Problem // the problem to report if the element is missing
}

func (c *checker) run(htmlFiles []string, workers int) error {
	jobs := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache := map[string]resolved{}
			var buf bytes.Buffer
			for f := range jobs {
				buf.Reset()
				fh, err := os.Open(filepath.Join(c.public, filepath.FromSlash(f)))
				if err == nil {
					_, err = buf.ReadFrom(fh)
					fh.Close()
				}
				if err != nil {
					errs <- err
					continue
				}
				p := c.checkPage(f, buf.Bytes(), cache)
				c.mu.Lock()
				c.pages[f] = p
				c.mu.Unlock()
			}
		}()
	}
	for _, f := range htmlFiles {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

// checkFragments checks references to #fragments of other pages, now that
// every page's ids are known.
func (c *checker) checkFragments(r *Report) {
	for _, p := range c.pages {
		for _, fr := range p.fragments {
			target := c.pages[fr.target]
			if target == nil || hasID(target.ids, fr.fragment) {
				continue
			}
			r.Problems = append(r.Problems, fr.problem)
		}
	}
}

// hasID reports whether a fragment names an element of a page. An empty
// fragment and "top" (when no element has that id) scroll to the top of the
// page, as the HTML standard says.
func hasID(ids map[string]struct{}, fragment string) bool {
	if fragment == "" || strings.EqualFold(fragment, "top") {
		return true
	}
	_, ok := ids[fragment]
	return ok
}

// pageURL returns the URL a page is served at: the folder for index.html.
func (c *checker) pageURL(file string) *url.URL {
	u := *c.base
	dir, name := path.Split(file)
	if name == "index.html" {
		name = ""
	}
	u.Path = c.base.Path + dir + name
	u.RawPath = ""
	return &u
}

// locate turns the problems' byte offsets into lines and columns, reading
// each page with a problem once.
func locate(public string, problems []Problem) error {
	byPage := map[string][]int{}
	for i, p := range problems {
		byPage[p.Page] = append(byPage[p.Page], i)
	}
	for f, idx := range byPage {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		for _, i := range idx {
			problems[i].Line, problems[i].Col = lineCol(data, problems[i].offset)
		}
	}
	return nil
}

// lineCol returns the 1-based line and byte column of offset in data.
func lineCol(data []byte, offset int) (int, int) {
	offset = min(offset, len(data))
	before := data[:offset]
	line := bytes.Count(before, []byte{'\n'}) + 1
	return line, offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
}
