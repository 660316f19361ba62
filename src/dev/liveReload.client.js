// Live reload for `pamphlet dev`: reloads the page after a rebuild and shows content errors on top
// of the page. Served as a file (no inline script), and only by the dev server.
(() => {
  if (matchMedia("print").matches) return; // printing a brochure: nothing to reload
  // When this page asked for its HTML, by the clock the dev server shares (both on this machine): a build
  // swapped in after that, whose "reload" this page missed while loading, reloads it as soon as it connects.
  const navigation = performance.getEntriesByType("navigation")[0];
  const asked = Math.floor(performance.timeOrigin + (navigation?.requestStart ?? 0));
  const events = new EventSource(`/__pamphlet/events?since=${asked}`);
  let overlay;
  let connected = false;
  // A second "open" means the dev server restarted (its TypeScript changed): show the new build.
  events.addEventListener("open", () => {
    if (connected) location.reload();
    connected = true;
  });
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("problems", (event) => {
    overlay ??= Object.assign(document.body.appendChild(document.createElement("div")), { role: "alert" });
    overlay.setAttribute("role", "alert");
    overlay.id = "pamphlet-problems";
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;" +
      "background:#fff4f4;color:#5c0a0a;border-top:4px solid #b3261e;font:14px/1.5 ui-monospace,monospace;" +
      "white-space:pre-wrap;z-index:2147483647;box-shadow:0 -4px 16px rgb(0 0 0 / .2)";
    overlay.textContent = "Pamphlet could not rebuild. Fix this and save; the page updates by itself.\n\n" + event.data;
  });
})();
