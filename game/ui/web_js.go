//go:build js

package ui

import (
	"html"
	"strconv"
	"strings"
	"syscall/js"
)

// What the code panel says in the browser, where the page's code box holds the code.
const (
	codeWhere    = "It is also in the Save code box below the game, to copy."
	codeTypeHint = "Paste the code into the Save code box below the game and press Load, or type it here: spaces and line breaks in it do not matter."
)

// jsPage is the page the game runs in (web/index.html, web/loader.js):
//
//   - window.bianjing tells tests and tools what the game shows: state ("running" from the
//     first Update), firstUpdate (performance.now() then), screen, event (the id of the
//     decision waiting, or ""), ending (its id, or ""), awaits (a decision waits for the
//     player's counsel), historical (the number of the option history took, 0 when none waits),
//     page (the chronicle index of the page shown), choices (how many the game has taken),
//     revealed (the scene's text is all shown), focus (the id of the focused menu item),
//     message (the note at the foot of the screen, or ""), saveCode (the last code exported),
//     mirrorGen (the number of the mirror's contents) and changes (a count of the updates of
//     all these, to wait on).
//   - #sr-mirror, a live region for screen readers, holds the screen as text: a heading for a
//     title, a paragraph per paragraph, a button per choice or menu item open now, the closed
//     ones as text with their reason, and the note at the foot. Activating a button chooses, in
//     the next Update; F2 gives the keyboard to the mirror's first button (the canvas swallows
//     Tab) and Escape there gives it back to the game.
//   - #save-code-panel, made on first use, holds the code box: the code exported, to copy, or
//     a code to paste and load; window.bianjing.importCode(code) loads a code as its Load
//     button does, and returns whether it was taken.
//
// A JavaScript callback never calls into the game: it queues what the page asked, and the
// bridge takes it in Update.
type jsPage struct {
	status  js.Value // window.bianjing
	mirror  js.Value // #sr-mirror
	content js.Value // the mirror's part for the screen
	message js.Value // the mirror's part for the note at the foot
	events  chan pageEvent
	funcs   []js.Func // kept for the life of the page
	changes int

	panel   js.Value // #save-code-panel, made on first use
	area    js.Value // its textarea, #save-code
	loadBtn js.Value
	copyBtn js.Value
}

// openPage finds the page's elements and installs the callbacks.
func openPage() pageView {
	p := &jsPage{events: make(chan pageEvent, 16)}
	global := js.Global()
	p.status = global.Get("bianjing")
	if p.status.Type() != js.TypeObject {
		p.status = global.Get("Object").New()
		global.Set("bianjing", p.status)
	}
	p.status.Set("saveCode", "")
	p.status.Set("message", "")
	p.status.Set("changes", 0)
	p.status.Set("importCode", p.fn(func(this js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return false
		}
		return p.queue(pageEvent{code: args[0].String(), isCode: true})
	}))
	doc := global.Get("document")
	p.mirror = doc.Call("getElementById", "sr-mirror")
	if !p.mirror.Truthy() {
		p.mirror = doc.Call("createElement", "div")
		p.mirror.Set("id", "sr-mirror")
		p.mirror.Call("setAttribute", "aria-live", "polite")
		p.mirror.Call("setAttribute", "class", "visually-hidden")
		doc.Get("body").Call("appendChild", p.mirror)
	}
	p.mirror.Set("innerHTML", `<div class="sr-content"></div><p class="sr-message" role="status"></p>`)
	p.content = p.mirror.Call("querySelector", ".sr-content")
	p.message = p.mirror.Call("querySelector", ".sr-message")
	p.mirror.Call("addEventListener", "click", p.fn(func(this js.Value, args []js.Value) any {
		btn := args[0].Get("target").Call("closest", "button[data-pick]")
		if btn.Truthy() {
			gen, _ := strconv.Atoi(btn.Call("getAttribute", "data-gen").String())
			p.queue(pageEvent{pick: btn.Call("getAttribute", "data-pick").String(), gen: gen})
		}
		return nil
	}))
	p.mirror.Call("addEventListener", "keydown", p.fn(func(this js.Value, args []js.Value) any {
		if args[0].Get("key").String() == "Escape" {
			args[0].Call("preventDefault")
			focusCanvas()
		}
		return nil
	}))
	return p
}

func (p *jsPage) fn(f func(this js.Value, args []js.Value) any) js.Func {
	jf := js.FuncOf(f)
	p.funcs = append(p.funcs, jf)
	return jf
}

// queue keeps what the page asked for the next Update; a flood beyond the queue is dropped.
func (p *jsPage) queue(ev pageEvent) bool {
	select {
	case p.events <- ev:
		return true
	default:
		return false
	}
}

func (p *jsPage) next() (pageEvent, bool) {
	select {
	case ev := <-p.events:
		return ev, true
	default:
		return pageEvent{}, false
	}
}

func (p *jsPage) started() {
	p.status.Set("firstUpdate", js.Global().Get("performance").Call("now"))
	p.status.Set("state", "running")
}

func (p *jsPage) bump() {
	p.changes++
	p.status.Set("changes", p.changes)
}

func (p *jsPage) writeState(st webState, historical int) {
	event, ending := "", ""
	if st.event != nil && st.ending == nil {
		event = st.event.ID
	}
	if st.ending != nil {
		ending = st.ending.ID
	}
	s := p.status
	s.Set("screen", st.screen)
	s.Set("event", event)
	s.Set("ending", ending)
	s.Set("awaits", st.awaits)
	s.Set("historical", historical)
	s.Set("page", st.page)
	s.Set("choices", st.choices)
	s.Set("revealed", st.revealed)
	s.Set("focus", st.focus)
	p.bump()
}

// writeMirror writes the lines into the mirror. When the keyboard was in the mirror, it goes to
// the new first button, so that a screen-reader user stays there.
func (p *jsPage) writeMirror(gen int, lines []ReaderLine) {
	var h strings.Builder
	g := strconv.Itoa(gen)
	for _, l := range lines {
		text := html.EscapeString(l.Text)
		switch l.Kind {
		case ReaderHeading:
			h.WriteString("<h2>" + text + "</h2>")
		case ReaderAction:
			h.WriteString(`<button type="button" data-gen="` + g + `" data-pick="` + html.EscapeString(l.ID) + `">` + text + "</button>")
		default:
			h.WriteString("<p>" + text + "</p>")
		}
	}
	active := js.Global().Get("document").Get("activeElement")
	inside := active.Truthy() && p.mirror.Call("contains", active).Bool()
	p.content.Set("innerHTML", h.String())
	if inside {
		p.focusMirror()
	}
	p.status.Set("mirrorGen", gen)
	p.bump()
}

func (p *jsPage) writeMessage(note string) {
	p.message.Set("textContent", note)
	p.status.Set("message", note)
	p.bump()
}

// focusMirror moves the keyboard to the mirror's first button, or to the mirror itself.
func (p *jsPage) focusMirror() {
	target := p.content.Call("querySelector", "button")
	if !target.Truthy() {
		p.mirror.Call("setAttribute", "tabindex", "-1")
		target = p.mirror
	}
	target.Call("focus")
}

// focusCanvas gives the keyboard back to the game.
func focusCanvas() {
	if c := js.Global().Get("document").Call("querySelector", "body > canvas"); c.Truthy() {
		c.Call("focus")
	}
}

// showCode shows the code box while the saves screen shows its code panel.
func (p *jsPage) showCode(kind codePanel, code string) {
	if kind == noPanel {
		if p.panel.Truthy() {
			p.panel.Set("hidden", true)
		}
		return
	}
	p.makePanel()
	p.panel.Set("hidden", false)
	switch kind {
	case exportPanel:
		p.area.Set("value", code)
		p.area.Set("readOnly", true)
		p.copyBtn.Set("hidden", false)
		p.loadBtn.Set("hidden", true)
		p.status.Set("saveCode", code)
	case importPanel:
		p.area.Set("value", "")
		p.area.Set("readOnly", false)
		p.copyBtn.Set("hidden", true)
		p.loadBtn.Set("hidden", false)
		p.area.Call("focus")
	}
	p.bump()
}

// makePanel makes the code box over the foot of the game, once.
func (p *jsPage) makePanel() {
	if p.panel.Truthy() {
		return
	}
	doc := js.Global().Get("document")
	panel := doc.Call("createElement", "section")
	panel.Set("id", "save-code-panel")
	panel.Call("setAttribute", "aria-label", "Save code")
	panel.Call("setAttribute", "style", "position:fixed;left:50%;bottom:16px;transform:translateX(-50%);"+
		"width:min(92vw,760px);box-sizing:border-box;padding:12px 14px;z-index:20;"+
		"background:#f2e8d5;color:#2b2118;border:2px solid #2b2118;border-left:6px solid #a8322a;"+
		"font:15px/1.4 Georgia,serif;box-shadow:0 4px 18px rgba(0,0,0,.35)")
	panel.Set("innerHTML", `<label for="save-code" style="display:block;font-weight:bold;margin-bottom:6px">Save code</label>`+
		`<textarea id="save-code" rows="4" spellcheck="false" autocomplete="off" `+
		`style="width:100%;box-sizing:border-box;font:13px/1.35 monospace;background:#fbf6ea;color:#2b2118;border:1px solid #7a6a55;padding:6px;word-break:break-all"></textarea>`+
		`<div style="margin-top:8px;display:flex;gap:8px;justify-content:flex-end">`+
		`<button type="button" id="save-code-copy">Copy</button>`+
		`<button type="button" id="save-code-load">Load this code</button>`+
		`<button type="button" id="save-code-close">Close</button></div>`)
	doc.Get("body").Call("appendChild", panel)
	p.panel = panel
	p.area = panel.Call("querySelector", "#save-code")
	p.copyBtn = panel.Call("querySelector", "#save-code-copy")
	p.loadBtn = panel.Call("querySelector", "#save-code-load")
	closePanel := func() {
		p.queue(pageEvent{pick: closePanelID})
		focusCanvas()
	}
	panel.Call("addEventListener", "click", p.fn(func(this js.Value, args []js.Value) any {
		switch args[0].Get("target").Get("id").String() {
		case "save-code-copy":
			p.copy()
		case "save-code-load":
			p.queue(pageEvent{code: p.area.Get("value").String(), isCode: true})
		case "save-code-close":
			closePanel()
		}
		return nil
	}))
	p.area.Call("addEventListener", "keydown", p.fn(func(this js.Value, args []js.Value) any {
		e := args[0]
		switch e.Get("key").String() {
		case "Escape":
			e.Call("preventDefault")
			closePanel()
		case "Enter":
			if !e.Get("shiftKey").Bool() && !p.area.Get("readOnly").Bool() {
				e.Call("preventDefault")
				p.queue(pageEvent{code: p.area.Get("value").String(), isCode: true})
			}
		}
		return nil
	}))
}

// copy puts the code on the clipboard and selects it, for Ctrl+C where the browser refuses.
func (p *jsPage) copy() {
	p.area.Call("focus")
	p.area.Call("select")
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return
	}
	var done js.Func
	done = js.FuncOf(func(this js.Value, args []js.Value) any {
		done.Release()
		return nil
	})
	clip.Call("writeText", p.area.Get("value")).Call("then", done, done)
}
