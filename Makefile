# Bianjing 1125: the commands a developer and CI run. `make test` is the whole test suite.
GO       ?= go
WASMPATH := $(shell $(GO) env GOROOT)/lib/wasm
FUZZTIME ?= 15s
SHARED   ?= ../shared
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: test lint unit wasm fuzz contract bench play validate

## test: everything CI runs (no display needed)
test: lint unit wasm fuzz contract

## lint: gofmt, go vet and staticcheck
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## unit: the Go tests
unit:
	$(GO) test -count=1 ./...

## wasm: the engine's packages compiled to WebAssembly and tested under Node
wasm:
	PATH="$(WASMPATH):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./game/... ./scenarios/...

## fuzz: each fuzz target for a short time, from its checked-in corpus
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./game/scenario
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./game/save
	$(GO) test -run '^$$' -fuzz '^FuzzFromCode$$' -fuzztime $(FUZZTIME) ./game/save
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./game/calendar

## contract: cmd/scenario's command-line contract, checked by the shared tool
contract:
	$(SHARED)/tools/check-contract scenarios

## bench: the benchmarks, with allocations
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## play: play the campaign in the terminal
play:
	$(GO) run ./cmd/scenario play

## validate: check the scenario files
validate:
	$(GO) run ./cmd/scenario validate scenarios
