// Package scaffold writes new labsite content from the content model: a
// whole site, and research themes, people, publications and news items,
// through the site writer (siteio).
package scaffold

// NameError is returned for a title or slug that gives no usable file name.
// It is the caller's mistake, like a bad flag.
type NameError struct{ Msg string }

func (e *NameError) Error() string { return e.Msg }

// ValueError is returned for a value that its field does not accept. It is
// the caller's mistake, like a bad flag.
type ValueError struct {
	// Field is the front-matter field, which is also the name of the flag
	// that sets it.
	Field string
	Err   error
}

func (e *ValueError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *ValueError) Unwrap() error { return e.Err }
