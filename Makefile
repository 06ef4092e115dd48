# autofill — `make demo` runs the dry-run against the built-in simulator,
# `make test` runs every test (installing Chromium and npm packages first).
GO       ?= go
BIN      := bin/autofill
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X github.com/cscse-tools/autofill/internal/version.Version=$(VERSION)
# The race detector slows Chromium-driven tests little (the browser is not
# instrumented) and catches the engine's goroutine mistakes, so keep it on.
TESTFLAGS ?= -race -timeout 45m

.PHONY: all deps build test test-fast demo bench lint cross vendor release release-snapshot clean

all: build

deps:
	@./scripts/deps.sh

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/autofill

test: deps
	$(GO) test $(TESTFLAGS) ./...

# The fast tier for the edit-test loop: every test that needs no browser
# (-short skips the Chromium-driven ones); make test runs them all.
test-fast:
	$(GO) test -short -count=1 ./...

# The dry-run of the fictional example applicant against the built-in
# simulator: the whole flow, headless, ending with a ready draft.
demo: deps build
	@chmod 600 examples/me.yaml  # git does not keep file modes; the profile holds an ID number
	./$(BIN) --profile examples/me.yaml --dry-run

# Benchmarks, sized for two cores. Whole applications against the simulator
# (BENCHTIME each: time per application, page and field kind, CPU seconds of
# the browser and of autofill, the page's floor, peak memory); batch
# throughput and browser memory per tab at --parallel 4 over 50 applicants
# (AUTOFILL_BENCH_APPLICANTS and AUTOFILL_BENCH_PARALLEL=1,2,4 to change;
# one iteration is a whole batch, so it runs once, apart); then redaction
# and materials preparation at Go's usual benchtime.
BENCHTIME ?= 1x
bench: deps
	$(GO) test -run '^$$' -bench FullApplication -benchmem -benchtime $(BENCHTIME) -timeout 30m ./internal/portal
	$(GO) test -run '^$$' -bench Batch -benchtime 1x -timeout 3h ./internal/batch
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v -e '/internal/batch$$' -e '/internal/portal$$')

lint: cross
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Every release target compiles, and vet sees the Windows and macOS files
# (lock_windows.go, the registry lookups, console modes) that a Linux
# build never compiles.
RELEASE_TARGETS := windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64
cross:
	@set -e; for t in $(RELEASE_TARGETS); do \
	  echo "build $$t"; \
	  GOOS=$${t%/*} GOARCH=$${t#*/} CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/autofill; \
	done
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	GOOS=darwin GOARCH=arm64 $(GO) vet ./...

# The simulator's Vue and Element UI files, embedded in the binary, from
# npm ci of internal/portalsim/web/package-lock.json (commit the result).
vendor:
	@./scripts/vendor.sh

# Release archives for every target, with checksums and THIRD_PARTY_NOTICES.txt,
# in dist/ (.goreleaser.yaml). GoReleaser is installed from the Go module
# proxy when missing (a large build: several minutes the first time).
GORELEASER_VERSION ?= v2.17.0
GORELEASER ?= $(or $(shell command -v goreleaser 2>/dev/null),$(shell $(GO) env GOPATH)/bin/goreleaser)
$(GORELEASER):
	GOBIN=$(dir $@) $(GO) install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)

release-snapshot: $(GORELEASER)
	$(GORELEASER) release --snapshot --clean

release: $(GORELEASER)
	$(GORELEASER) release --clean

clean:
	rm -rf bin dist
