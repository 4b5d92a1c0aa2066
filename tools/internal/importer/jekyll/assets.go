package jekyll

import (
	"net/url"
	"path"
	"strings"
)

// Where a file of the Jekyll site goes: an image that pages only show
// goes to assets/, where Hugo reads its size and makes its WebP sizes;
// any other file (or an image a page also links to) to static/. Both keep
// the file's path, so its URL does not change.
const (
	usedAsImage = 1 << iota
	usedAsFile
)

// image is asset for an image a page shows.
func (imp *importer) image(from string, line int, ref string) (string, bool) {
	return imp.use(from, line, ref, usedAsImage)
}

// asset resolves a reference (a PDF, an image) made by the source file
// from to a file of the Jekyll site, plans its copy into the new site at
// the same path, so that its URL does not change, and returns that URL.
// ok is false for a reference to another site; a file the site does not
// have is reported.
func (imp *importer) asset(from string, line int, ref string) (string, bool) {
	return imp.use(from, line, ref, usedAsFile)
}

func (imp *importer) use(from string, line int, ref string, how int) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "tel:") || strings.ContainsRune(ref, '\uE000') {
		return ref, false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref, false
	}
	if (u.Scheme != "" || u.Host != "") && !imp.ownHost(u) {
		return ref, false
	}
	p, err := url.PathUnescape(u.Path)
	if err != nil {
		p = u.Path
	}
	var rel string
	if u.Host != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if strings.HasPrefix(p, "/") {
		rel = strings.TrimPrefix(path.Clean(p), "/")
		// A baseurl written out by hand: /lab/images/x.png.
		if b := strings.Trim(imp.cfg.BaseURL, "/"); b != "" && strings.HasPrefix(rel, b+"/") && !imp.exists(rel) {
			rel = strings.TrimPrefix(rel, b+"/")
		}
	} else {
		rel = path.Clean(path.Join(path.Dir(from), p))
		if !imp.exists(rel) {
			rel = path.Clean(p)
		}
	}
	if strings.HasPrefix(rel, "../") || rel == ".." {
		imp.report.add(from, line, Error, "asset", "%s points outside the Jekyll site; copy the file into static/ and fix the reference", ref)
		return ref, false
	}
	if !imp.exists(rel) {
		// Templates often build the folder (images/teampic/ + photo): a
		// file of the same name, found once, is the one meant.
		if found := imp.byBase[strings.ToLower(path.Base(rel))]; len(found) == 1 && path.Ext(rel) != "" {
			rel = found[0]
		} else {
			imp.report.add(from, line, Error, "asset", "%s is not in the Jekyll site: the reference was kept; put the file at static/%s", ref, rel)
			return "/" + rel, true
		}
	}
	if strings.HasPrefix(rel, "_") {
		imp.report.add(from, line, Warning, "asset", "%s is in %s, which Jekyll does not publish; copied to static/%s all the same", ref, strings.SplitN(rel, "/", 2)[0], rel)
	}
	imp.mu.Lock()
	if imp.assetUse[rel] == 0 {
		imp.report.Counts.Assets++
	}
	imp.assetUse[rel] |= how
	imp.mu.Unlock()
	return "/" + rel, true
}

// imageExts are the images Hugo can process.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".tif", ".tiff", ".bmp"}

// placeAssets decides where each file goes (see usedAsImage).
func (imp *importer) placeAssets() {
	for rel, how := range imp.assetUse {
		dir := "static"
		if how == usedAsImage && contains(imageExts, strings.ToLower(path.Ext(rel))) {
			dir = "assets"
		}
		imp.assets[path.Join(dir, rel)] = rel
	}
}

// ownHost reports whether u is on the Jekyll site's own host (its url in
// _config.yml), http or https: a link to the site's own file.
func (imp *importer) ownHost(u *url.URL) bool {
	if imp.cfg.URL == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	site, err := url.Parse(imp.cfg.URL)
	return err == nil && site.Host != "" && strings.EqualFold(site.Host, u.Host)
}

func (imp *importer) exists(rel string) bool {
	i := searchStrings(imp.files, rel)
	return i < len(imp.files) && imp.files[i] == rel
}

func searchStrings(a []string, x string) int {
	lo, hi := 0, len(a)
	for lo < hi {
		m := (lo + hi) / 2
		if a[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// pageExts are the files that are pages, not assets, when a link points
// at them.
var pageExts = []string{"", ".html", ".htm", ".md", ".markdown"}

// linkTarget rewrites a link: a link to a file of the site (a PDF, a
// slide deck) copies the file; links to pages stay, since their old URLs
// keep working (url and aliases), as do links to other sites.
func (imp *importer) linkTarget(from string, line int, href string) string {
	u, err := url.Parse(href)
	if err != nil || ((u.Scheme != "" || u.Host != "") && !imp.ownHost(u)) || strings.HasPrefix(href, "#") || strings.ContainsRune(href, '\uE000') {
		return href
	}
	if contains(pageExts, strings.ToLower(path.Ext(u.Path))) {
		return href
	}
	if p, ok := imp.asset(from, line, href); ok {
		if u.Fragment != "" {
			p += "#" + u.Fragment
		}
		return p
	}
	return href
}
