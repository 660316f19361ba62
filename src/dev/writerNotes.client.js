// Writer's notes for `pamphlet dev`: what `npm run check` says of the guide this page shows (claims,
// missing sections, reading level…), in a small panel that stays out of the way until opened.
// Served as a file (no inline script), and only by the dev server.
// Asked for once the page has loaded: the dev server works the notes out on the first request after a
// save (~0.1 s on its one thread), which must not hold up the page's own images and fonts.
const showNotes = async () => {
  if (matchMedia("print").matches) return; // printing a brochure: the notes are not part of it
  const file = document.querySelector('meta[name="pamphlet-source"]')?.content;
  if (!file) return;
  const notes = await (await fetch(`/__pamphlet/notes?file=${encodeURIComponent(file)}`)).json();
  if (notes.length === 0) return;
  const errors = notes.filter((note) => note.severity === "error").length;
  const panel = document.body.appendChild(document.createElement("details"));
  panel.id = "pamphlet-notes";
  // Open or closed as the writer left it: each save reloads the page.
  panel.open = sessionStorage.getItem("pamphlet-notes") === "open";
  panel.addEventListener("toggle", () => sessionStorage.setItem("pamphlet-notes", panel.open ? "open" : "closed"));
  panel.style.cssText =
    "position:fixed;left:.75rem;bottom:.75rem;max-width:min(48rem,calc(100vw - 1.5rem));max-height:50vh;overflow:auto;" +
    `background:#fffbea;color:#3d2e00;border:2px solid ${errors > 0 ? "#b3261e" : "#a16207"};border-radius:.5rem;` +
    "font:14px/1.5 ui-monospace,monospace;z-index:2147483646;box-shadow:0 4px 16px rgb(0 0 0 / .2)";
  const summary = panel.appendChild(document.createElement("summary"));
  summary.style.cssText = "padding:.5rem .75rem;cursor:pointer;font-weight:bold";
  summary.textContent =
    `${notes.length} note${notes.length === 1 ? "" : "s"} from npm run check on this guide` + (errors > 0 ? ` (${errors} to fix before publishing)` : "");
  const list = panel.appendChild(document.createElement("pre"));
  list.style.cssText = "margin:0;padding:0 .75rem .75rem;white-space:pre-wrap";
  list.textContent = notes.map((note) => note.text).join("\n");
};
if (document.readyState === "complete") showNotes();
else addEventListener("load", showNotes, { once: true });
