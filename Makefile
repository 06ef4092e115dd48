# autofill — `make demo` runs the dry-run against the built-in simulator,
# `make test` runs every test (installing Chromium and npm packages first).
GO       ?= go
BIN      := bin/autofill
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X github.com/cscse-tools/autofill/internal/version.Version=$(VERSION)
# The race detector slows Chromium-driven tests little (the browser is not
# instrumented) and catches the engine's goroutine mistakes, so keep it on.
TESTFLAGS ?= -race -timeout 45m

.PHONY: all deps build test demo bench lint clean

all: build

deps:
	@./scripts/deps.sh

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/autofill

test: deps
	$(GO) test $(TESTFLAGS) ./...

# The dry-run of the fictional example applicant against the built-in
# simulator: the whole flow, headless, ending with a ready draft.
demo: deps build
	@chmod 600 examples/me.yaml  # git does not keep file modes; the profile holds an ID number
	./$(BIN) --profile examples/me.yaml --dry-run

# Benchmarks: the full application against the simulator (time per page,
# peak memory), batch throughput, redaction, materials preparation.
# The batch benchmark fills 50 drafts per parallelism (AUTOFILL_BENCH_APPLICANTS
# for fewer): one iteration is a whole batch, so it runs once, apart.
BENCHTIME ?= 3x
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) $$($(GO) list ./... | grep -v '/internal/batch$$')
	$(GO) test -run '^$$' -bench Batch -benchtime 1x -timeout 3h ./internal/batch

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin
