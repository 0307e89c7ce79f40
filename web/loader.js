// Bianjing 1125: loads bianjing.wasm with visible progress and starts it with Go's wasm_exec.js.
//
// Contract with the Go side and with tests, through window.bianjing:
//   state     'loading' until the game runs, then 'running'; 'error' when something failed
//             (the page says what); 'exited' when the Go program ended normally.
//   error     the message shown for 'error', else ''.
//   stage     while loading: 'waiting' (for the player's click), 'downloading', 'compiling',
//             'starting'.
//   received, total   bytes of bianjing.wasm received and expected (total 0 when unknown).
// The Go side may set window.bianjing.state = 'running' itself (on its first Update). If it does
// not, the loader sets it when Ebiten's canvas gets its real size, which Ebiten does as its game
// loop starts. The same state is mirrored in <html data-state="..."> for tools that read the DOM.
//
// URL parameters: ?click shows the "Click to start" button even outside a frame; seed, choices
// and screen are passed to the game as --seed, --choices and --screen.
'use strict';

(function () {
  const WASM = 'bianjing.wasm';
  const ARGS = ['seed', 'choices', 'screen'];

  const status = Object.assign(window.bianjing || {}, {
    state: 'loading', error: '', stage: '', received: 0, total: 0,
  });
  window.bianjing = status;

  const el = (id) => document.getElementById(id);
  const loader = el('loader');
  const rule = el('rule');
  const fill = rule.querySelector('.fill');
  const line = el('status');
  const detail = el('detail');
  const startButton = el('start');
  const retryButton = el('retry');
  const mirror = el('sr-mirror');

  let canvas = null;  // Ebiten's canvas, once it is in the page
  let begun = false;  // whether begin has run
  let output = '';    // the tail of what the Go program printed, for error reports

  // LoadError is a failure with a message for the player and, optionally, details.
  class LoadError extends Error {
    constructor(message, details) {
      super(message);
      this.details = details || '';
    }
  }

  function setState(state, error) {
    status.state = state;
    status.error = error || '';
    document.documentElement.dataset.state = state;
  }

  function say(text) {
    line.textContent = text;
  }

  function megabytes(n) {
    return (n / 1e6).toFixed(1) + ' MB';
  }

  // fail shows a problem and stops. retry says whether trying again could help.
  function fail(message, details, retry) {
    if (status.state === 'error') {
      return;
    }
    setState('error', message);
    loader.hidden = false;
    loader.classList.remove('done', 'clickable');
    loader.setAttribute('aria-busy', 'false');
    rule.hidden = true;
    startButton.hidden = true;
    line.classList.add('problem');
    say(message);
    if (details) {
      detail.textContent = details;
      detail.hidden = false;
    }
    retryButton.hidden = !retry;
  }

  // unsupported says why this browser cannot run the game, or '' when it can.
  function unsupported() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'This browser cannot run WebAssembly, which the game needs. ' +
        'Try a current Firefox, Chrome, Edge or Safari, and check that WebAssembly is not turned off.';
    }
    let gl = null;
    try {
      gl = document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      gl = null;
    }
    if (!gl) {
      return 'This browser cannot draw the game: WebGL 2 is not available. ' +
        'It may be turned off, or blocked for this graphics card; ' +
        'try turning on hardware acceleration, or another browser.';
    }
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) {
      lose.loseContext();
    }
    if (typeof Go !== 'function') {
      return 'The page is incomplete: wasm_exec.js did not load.';
    }
    return '';
  }

  // framed says whether the page runs inside another page (as on itch.io).
  function framed() {
    try {
      return window.self !== window.top;
    } catch (e) {
      return true;
    }
  }

  // expectedSize is the size of the decoded download in bytes, or 0 when it is not known. A
  // Content-Length counts the bytes on the wire, which are fewer when the server compresses.
  function expectedSize(res) {
    const header = Number(res.headers.get('X-Uncompressed-Length'));
    if (header > 0) {
      return header;
    }
    const meta = document.querySelector('meta[name="wasm-size"]');
    const built = meta ? Number(meta.content) : 0;
    if (built > 0) {
      return built;
    }
    const length = Number(res.headers.get('Content-Length'));
    if (length > 0 && !res.headers.get('Content-Encoding')) {
      return length;
    }
    return 0;
  }

  function progress(received, total) {
    status.received = received;
    status.total = total;
    if (total > 0 && received <= total) {
      const percent = Math.floor(received / total * 100);
      rule.classList.remove('indeterminate');
      rule.setAttribute('aria-valuenow', String(percent));
      fill.style.width = percent + '%';
      say('Fetching the archive… ' + megabytes(received) + ' of ' + megabytes(total));
    } else {
      // No total, or a wrong one: show only what is known.
      rule.classList.add('indeterminate');
      rule.removeAttribute('aria-valuenow');
      say('Fetching the archive… ' + megabytes(received));
    }
  }

  function busy(stage, text) {
    status.stage = stage;
    rule.classList.add('indeterminate');
    rule.removeAttribute('aria-valuenow');
    say(text);
  }

  async function download() {
    status.stage = 'downloading';
    say('Fetching the archive…');
    let res;
    try {
      res = await fetch(WASM, { cache: 'no-cache' });
    } catch (e) {
      throw new LoadError('The game could not be downloaded: the connection failed.', String(e));
    }
    if (!res.ok) {
      throw new LoadError('The game could not be downloaded (HTTP ' + res.status +
        (res.statusText ? ' ' + res.statusText : '') + ').');
    }
    const total = expectedSize(res);
    progress(0, total);
    if (!res.body || typeof res.body.getReader !== 'function') {
      busy('downloading', 'Fetching the archive…');
      return new Uint8Array(await res.arrayBuffer());
    }
    const reader = res.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      let part;
      try {
        part = await reader.read();
      } catch (e) {
        throw new LoadError('The download was interrupted after ' + megabytes(received) + '.', String(e));
      }
      if (part.done) {
        break;
      }
      chunks.push(part.value);
      received += part.value.length;
      progress(received, total);
    }
    if (received === 0) {
      throw new LoadError('The game could not be downloaded: the file was empty.');
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  // keepOutput keeps the last few thousand characters the Go program prints (wasm_exec.js sends
  // both stdout and stderr through fs.writeSync), so that a panic can be shown on the page.
  function keepOutput() {
    const fs = globalThis.fs;
    if (!fs || typeof fs.writeSync !== 'function') {
      return;
    }
    const write = fs.writeSync;
    const decoder = new TextDecoder('utf-8');
    fs.writeSync = function (fd, buf) {
      output = (output + decoder.decode(buf, { stream: true })).slice(-4000);
      return write.call(this, fd, buf);
    };
  }

  function gameArgs() {
    const args = ['bianjing'];
    const params = new URLSearchParams(window.location.search);
    for (const name of ARGS) {
      const value = params.get(name);
      if (value !== null && value !== '') {
        args.push('--' + name + '=' + value);
      }
    }
    return args;
  }

  async function start(bytes) {
    busy('compiling', 'Preparing the archive…');
    const go = new Go();
    go.argv = gameArgs();
    let exitCode = 0;
    go.exit = (code) => {
      exitCode = code;
    };
    let instance;
    try {
      instance = (await WebAssembly.instantiate(bytes, go.importObject)).instance;
    } catch (e) {
      throw new LoadError('The game could not be started: this browser refused its WebAssembly.', String(e));
    }
    bytes = null;
    busy('starting', 'Opening the court…');
    keepOutput();
    watchRunning();
    await go.run(instance);
    if (exitCode !== 0) {
      throw new LoadError('The game stopped with an error (exit code ' + exitCode + ').', output.trim());
    }
    setState('exited');
    loader.hidden = false;
    loader.classList.remove('done');
    rule.hidden = true;
    say('The game has ended. Reload the page to play again.');
  }

  function focusCanvas() {
    if (canvas && document.activeElement !== canvas) {
      canvas.focus();
    }
  }

  // watchCanvas finds the canvas Ebiten appends to the body, and focuses it when it appears.
  function watchCanvas() {
    const found = () => {
      const c = document.querySelector('body > canvas');
      if (c && c !== canvas) {
        canvas = c;
        focusCanvas();
      }
    };
    new MutationObserver(found).observe(document.body, { childList: true });
    found();
  }

  // watchRunning hides the loader once the game runs: when the Go side says so, or when Ebiten
  // has sized its canvas (it creates it 16×16 and sizes it as its game loop starts).
  function watchRunning() {
    const timer = setInterval(() => {
      if (status.state === 'error' || status.state === 'exited') {
        clearInterval(timer);
        return;
      }
      const sized = canvas && (canvas.width !== 16 || canvas.height !== 16);
      if (status.state !== 'running' && !sized) {
        return;
      }
      clearInterval(timer);
      setState('running');
      status.stage = '';
      loader.setAttribute('aria-busy', 'false');
      loader.classList.add('done');
      setTimeout(() => {
        if (status.state === 'running') {
          loader.hidden = true;
        }
      }, 700);
      focusCanvas();
    }, 100);
  }

  async function begin() {
    if (begun) {
      return;
    }
    begun = true;
    startButton.hidden = true;
    loader.classList.remove('clickable');
    loader.removeEventListener('click', begin);
    watchCanvas();
    try {
      await start(await download());
    } catch (e) {
      if (e instanceof LoadError) {
        fail(e.message, e.details, true);
      } else {
        fail('The game could not be started.', String(e && e.stack || e), true);
      }
    }
  }

  // Every click outside the screen-reader mirror gives the keyboard back to the game; so does a
  // key pressed while nothing has the focus.
  document.addEventListener('pointerdown', (e) => {
    if (status.state === 'running' && !mirror.contains(e.target)) {
      focusCanvas();
    }
  }, true);
  document.addEventListener('keydown', () => {
    if (status.state === 'running' && (document.activeElement === document.body || !document.activeElement)) {
      focusCanvas();
    }
  }, true);
  window.addEventListener('error', (e) => {
    if (status.state === 'loading') {
      fail('The game could not be started.', String(e.message || e.error || ''), true);
    }
  });
  retryButton.addEventListener('click', () => window.location.reload());

  const problem = unsupported();
  if (problem) {
    fail(problem, '', false);
    return;
  }
  // Inside a frame (itch.io) the page must not take the focus by itself, and sound and keys need
  // a gesture anyway: wait for a click, which also gives the frame the keyboard.
  if (framed() || new URLSearchParams(window.location.search).has('click')) {
    status.stage = 'waiting';
    rule.classList.remove('indeterminate');
    say('');
    startButton.hidden = false;
    loader.classList.add('clickable');
    startButton.addEventListener('click', (e) => {
      e.stopPropagation();
      begin();
    }, { once: true });
    loader.addEventListener('click', begin, { once: true });
    return;
  }
  begin();
})();
