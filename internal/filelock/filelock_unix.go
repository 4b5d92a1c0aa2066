//go:build unix

// Package filelock serialises work that test binaries of several packages
// would otherwise do at the same time (npm ci, compiling Hugo).
package filelock

import (
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock on the file, creating it if need
// be, and waits for it.
func Lock(name string) (unlock func(), err error) {
	f, err := os.OpenFile(name, os.O_RDONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
