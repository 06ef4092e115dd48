package accountstate

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/appdir"
)

// Dir is the folder of the account login on the portal at baseURL, under
// root (appdir.State() when root is empty). An account belongs to one
// portal: the same login on a dry-run simulator is another account. The
// name is a hash, so no phone or ID number shows in a path.
func Dir(root, baseURL, login string) (string, error) {
	if root == "" {
		var err error
		if root, err = appdir.State(); err != nil {
			return "", err
		}
	}
	return filepath.Join(root, "accounts", Key(baseURL, login)), nil
}

// Key names an account without revealing its login: the first 16 hex digits
// of the SHA-256 of the portal's host and the trimmed, lower-cased login.
func Key(baseURL, login string) string {
	host := baseURL
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		host = u.Scheme + "://" + u.Host
	}
	sum := sha256.Sum256([]byte(strings.ToLower(host + "\x00" + strings.TrimSpace(login))))
	return hex.EncodeToString(sum[:8])
}
