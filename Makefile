# Bianjing 1125: the commands a developer and CI run. `make test` is the whole test suite.
GO          ?= go
WASMPATH    := $(shell $(GO) env GOROOT)/lib/wasm
FUZZTIME    ?= 15s
SHARED      ?= ../shared
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
XVFB        := xvfb-run -a -s "-screen 0 1280x800x24"
SHOT_CHOICES := sign_congratulation,four_commanders,guo_can_hold,file_petition,run_them_down,inquiry_at_mozhou,leave_for_banquet,reports_to_register,copy_garrison_memorial,on_to_taiyuan,brief_as_written,prince_letter_only,refer_to_court,counsel_go,papers_as_written,back_li_ye,urge_abdication,drive_out_root_out,send_all_to_liang,memorial_wait,stay_at_post,hold_with_li_gang,stand_with_li_gang,rear_army_on_fanjia,guard_granary,water_gate_with_li_gang,send_li_zhuo

.PHONY: test setup lint unit ui wasm fuzz contract autoplay graph e2e bench measure play run screenshots validate

## test: everything CI runs
test: lint unit ui wasm fuzz contract autoplay e2e

## setup: install what building and testing the game needs on Debian (as root)
setup:
	apt-get update
	apt-get -o DPkg::Lock::Timeout=300 install -y gcc libc6-dev pkg-config libgl1-mesa-dev \
	  libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	  xvfb xauth nodejs python3 git make chromium

## lint: gofmt, go vet and staticcheck, the window's display-only tests included
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags display ./game/ui
	$(GO) vet -tags browser ./e2e
	GOOS=js GOARCH=wasm $(GO) vet ./game/ui ./cmd/bianjing
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags display ./game/ui
	$(GO) run $(STATICCHECK) -tags browser ./e2e

## unit: the Go tests that need no display
unit:
	$(GO) test -count=1 ./...

## ui: the window's tests (golden screens, play by input, monkey), under Xvfb
ui:
	$(XVFB) $(GO) test -tags display -count=1 ./game/ui

## wasm: the engine's packages compiled to WebAssembly and tested under Node
wasm:
	PATH="$(WASMPATH):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./game/calendar ./game/scenario ./game/sim ./game/save ./game/store ./game/transcript ./scenarios

## fuzz: each fuzz target for a short time, from its checked-in corpus
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./game/scenario
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./game/save
	$(GO) test -run '^$$' -fuzz '^FuzzFromCode$$' -fuzztime $(FUZZTIME) ./game/save
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./game/calendar

## contract: cmd/scenario's command-line contract, checked by the shared tool
contract:
	$(SHARED)/tools/check-contract scenarios

## autoplay: ten thousand seeded games of the shipped campaign, none of which may err, and a
## systematic exploration that must reach every event, choice and ending
autoplay:
	$(GO) run ./cmd/scenario autoplay --runs 10000 --seed 1 --strategy random
	$(GO) run ./cmd/scenario autoplay --runs 1000 --seed 1 --strategy historical
	$(GO) run ./cmd/scenario explore --budget 6000 --seeds 4

## graph: the story as an SVG in docs/ (needs Graphviz's dot; not part of the tests)
graph:
	$(GO) run ./cmd/scenario graph --budget 6000 --seeds 4 | dot -Tsvg -o docs/story-graph.svg

## e2e: the browser build played in headless Chromium (Debian's chromium package)
e2e:
	$(GO) test -tags browser -count=1 -v ./e2e

## bench: the benchmarks, with allocations
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## measure: time to first frame, Update+Draw time and allocations per frame in the real loop
measure:
	$(GO) build -o bin/bianjing ./cmd/bianjing
	$(XVFB) bin/bianjing --seed 1 --measure 600

## run: the game in a window
run:
	$(GO) run ./cmd/bianjing

## play: the game in the terminal
play:
	$(GO) run ./cmd/scenario play

## screenshots: the README's pictures, made by the game's --screenshot flag
screenshots:
	$(GO) build -o bin/bianjing ./cmd/bianjing
	for s in title audience map codex; do $(XVFB) bin/bianjing --seed 1 --choices "$(SHOT_CHOICES)" --screen $$s --screenshot docs/screenshots/$$s.png; done

## validate: check the scenario files
validate:
	$(GO) run ./cmd/scenario validate scenarios
