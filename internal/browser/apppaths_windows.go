//go:build windows

package browser

import "golang.org/x/sys/windows/registry"

// registryAppPaths reads App Paths from the registry: the per-user key
// first (per-user Chrome installs register there), then the machine's.
type registryAppPaths struct{}

const appPathsKey = `SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\`

func systemAppPaths() AppPaths { return registryAppPaths{} }

func (registryAppPaths) Lookup(exe string) (string, bool) {
	for _, root := range []registry.Key{registry.CURRENT_USER, registry.LOCAL_MACHINE} {
		k, err := registry.OpenKey(root, appPathsKey+exe, registry.QUERY_VALUE)
		if err != nil {
			continue
		}
		p, _, err := k.GetStringValue("") // the key's default value is the path
		k.Close()
		if err == nil && p != "" {
			return p, true
		}
	}
	return "", false
}
