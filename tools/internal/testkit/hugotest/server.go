package hugotest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// serverTimeout bounds how long a test waits for hugo server to start or to
// finish a rebuild, so that a server that never answers fails the test
// instead of hanging the run.
const serverTimeout = 90 * time.Second

// Server is the pinned Hugo's development server (`hugo server`) running on
// a site folder, on a loopback port, as a user previews a site: it watches
// the folder and rebuilds when a file changes.
type Server struct {
	// URL is the server's root, http://127.0.0.1:PORT/.
	URL string

	mu       sync.Mutex
	builds   int // builds finished
	log      strings.Builder
	changed  chan struct{}
	finished chan struct{} // closed when the process has exited
}

// Serve starts `hugo server` on the site in src, offline, with live reload
// off (the test reloads the page itself), and returns once the first build
// is served. The server is stopped when the test ends.
func Serve(t testing.TB, src string) *Server {
	t.Helper()
	port := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, Hugo(t), "server",
		"--source", src,
		"--bind", "127.0.0.1", "--port", fmt.Sprint(port),
		"--baseURL", fmt.Sprintf("http://127.0.0.1:%d/", port),
		"--appendPort=false",
		"--disableLiveReload",
		"--destination", filepath.Join(t.TempDir(), "public"),
		"--cacheDir", filepath.Join(t.TempDir(), "cache"),
		"--noBuildLock",
	)
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOPROXY=off", "HUGO_RESOURCEDIR="+filepath.Join(t.TempDir(), "resources"))
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting hugo server: %v", err)
	}
	s := &Server{
		URL:      fmt.Sprintf("http://127.0.0.1:%d/", port),
		changed:  make(chan struct{}, 1),
		finished: make(chan struct{}),
	}
	go s.read(out)
	go func() {
		cmd.Wait()
		close(s.finished)
	}()
	t.Cleanup(func() {
		cancel()
		<-s.finished
		if t.Failed() {
			t.Logf("hugo server's output:\n%s", s.Log())
		}
	})
	s.waitFor(t, "the first build", func() bool {
		return s.builds >= 1 && strings.Contains(s.log.String(), "Web Server is available")
	})
	return s
}

// read records the server's output and counts its finished builds.
func (s *Server) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		s.mu.Lock()
		s.log.WriteString(line + "\n")
		// The first build ends with "Built in 27 ms", a rebuild with
		// "Total in 11 ms".
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "Built in ") || strings.HasPrefix(l, "Total in ") {
			s.builds++
		}
		s.mu.Unlock()
		select {
		case s.changed <- struct{}{}:
		default:
		}
	}
}

// Log is everything the server printed so far.
func (s *Server) Log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// Builds is the number of builds the server has finished: the first one,
// then one per rebuild.
func (s *Server) Builds() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds
}

// WaitRebuild waits until the server has finished more than after builds
// (Builds before the change), failing the test after serverTimeout.
func (s *Server) WaitRebuild(t testing.TB, after int) {
	t.Helper()
	s.waitFor(t, "a rebuild", func() bool { return s.builds > after })
}

func (s *Server) waitFor(t testing.TB, what string, done func() bool) {
	t.Helper()
	deadline := time.NewTimer(serverTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok := done()
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-s.changed:
		case <-s.finished:
			t.Fatalf("hugo server exited while waiting for %s:\n%s", what, s.Log())
		case <-deadline.C:
			t.Fatalf("hugo server: no %s after %v:\n%s", what, serverTimeout, s.Log())
		}
	}
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
