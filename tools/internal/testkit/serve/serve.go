package serve

import (
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"
)

// Handler serves the files of the folder public with the rules' headers:
//   - a path that names a folder serves the folder's index.html, and a
//     folder path without its trailing slash is redirected to it (301);
//   - a path that does not exist, or tries to leave the folder, gets
//     public/404.html with status 404 (a plain 404 without that file);
//   - every response, the 404 included, carries the headers that the rules
//     give the requested path.
//
// Only GET and HEAD are allowed. Files are read at request time, so the
// folder may be filled after the handler is made.
func Handler(public string, rules Rules) http.Handler {
	return &handler{public: public, rules: rules}
}

type handler struct {
	public string
	rules  Rules
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range h.rules.For(r.URL.Path) {
		w.Header()[k] = v
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	root, err := os.OpenRoot(h.public)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer root.Close()

	// os.Root refuses names that leave the folder (.., symlinks out).
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	f, info, err := open(root, name)
	if err == nil && info.IsDir() {
		f.Close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		f, info, err = open(root, name)
	}
	if err != nil {
		h.notFound(w, r, root)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, info.Name(), info.ModTime(), f)
}

func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	f, info, err := open(root, "404.html")
	if err != nil || info.IsDir() {
		if err == nil {
			f.Close()
		}
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	// An error here means the client went away: nothing more to send.
	_, _ = io.Copy(w, f)
}

// Listen reserves an address on 127.0.0.1 for Start, so that a test can
// build the site for that address (Hugo's --baseURL) before serving it.
func Listen(t testing.TB) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on loopback: %v", err)
	}
	return l
}

// Start serves public with the rules on the listener l (from Listen) and
// closes the server when the test ends. Its URL is "http://" + l's address.
func Start(t testing.TB, l net.Listener, public string, rules Rules) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(Handler(public, rules))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}
