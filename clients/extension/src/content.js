// Tells the extension that the person used this page (at most once a second per kind of input): activity is
// measured in seconds with input. Never which key, where, or what: only "key" or "mouse".
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;
  const last = { key: 0, mouse: 0 };
  const seen = (kind) => () => {
    const t = Date.now();
    if (t - last[kind] < 1000) return;
    last[kind] = t;
    try {
      ext.runtime.sendMessage({ type: "input", kind }).catch(() => undefined);
    } catch {
      // the extension was updated or reloaded: this page's script is orphaned until it reloads
    }
  };
  const opts = { capture: true, passive: true };
  addEventListener("keydown", seen("key"), opts);
  for (const type of ["mousedown", "mousemove", "wheel", "touchstart"]) addEventListener(type, seen("mouse"), opts);
})();
