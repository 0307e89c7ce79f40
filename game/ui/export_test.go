//go:build display

package ui

import "testing"

// FakePage stands for the browser page in tests of the bridge: it records what the bridge
// writes and sends what a test queues.
type FakePage struct {
	Started  bool
	States   []string // the screen of each state written
	Mirrors  int      // how many times the mirror was written
	Gen      int      // the mirror's contents' number
	Lines    []ReaderLine
	Messages []string
	Codes    []string // the code of each code box shown ("" for hidden or import)
	Focused  int      // focusMirror calls
	Queue    []pageEvent
}

func (f *FakePage) started() { f.Started = true }
func (f *FakePage) next() (pageEvent, bool) {
	if len(f.Queue) == 0 {
		return pageEvent{}, false
	}
	ev := f.Queue[0]
	f.Queue = f.Queue[1:]
	return ev, true
}
func (f *FakePage) focusMirror()                     { f.Focused++ }
func (f *FakePage) writeState(st webState, hist int) { f.States = append(f.States, st.screen) }
func (f *FakePage) writeMirror(gen int, lines []ReaderLine) {
	f.Mirrors++
	f.Gen = gen
	f.Lines = append(f.Lines[:0], lines...)
}
func (f *FakePage) writeMessage(note string)             { f.Messages = append(f.Messages, note) }
func (f *FakePage) showCode(kind codePanel, code string) { f.Codes = append(f.Codes, code) }

// Pick queues a mirror button's pick from the mirror's contents gen.
func (f *FakePage) Pick(id string, gen int) { f.Queue = append(f.Queue, pageEvent{pick: id, gen: gen}) }

// Import queues a save code, as the page's Load button or window.bianjing.importCode does.
func (f *FakePage) Import(code string) {
	f.Queue = append(f.Queue, pageEvent{code: code, isCode: true})
}

// Attach makes f the App's page, as the browser build's first Update does with the real one.
func (f *FakePage) Attach(a *App) {
	a.web = webBridge{opened: true, page: f}
	f.started()
}

// StepWithPage runs one tick as Update does in the browser: the bridge before and after it.
func StepWithPage(a *App, in Input) error {
	a.web.before(a, &in)
	err := a.step(&in)
	a.web.after(a)
	return err
}

// BridgeAllocs reports how many allocations a steady frame of the bridge makes.
func BridgeAllocs(a *App) float64 {
	var in Input
	return testing.AllocsPerRun(100, func() {
		a.web.before(a, &in)
		a.web.after(a)
	})
}
