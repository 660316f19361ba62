// Dev only: shows a print view as the pages Chromium prints, at true size. It fetches this view's
// PDF (printed on demand by the dev server through the same printer as the build) and draws each
// page with pdf.js. "HTML" shows the print view's HTML as it is.
const link = document.querySelector('link[rel="alternate"][type="application/pdf"]');
if (link && !matchMedia("print").matches) {
  const pdfjs = await import("/__pamphlet/pdfjs/pdf.min.mjs");
  pdfjs.GlobalWorkerOptions.workerSrc = "/__pamphlet/pdfjs/pdf.worker.min.mjs";
  const bar = document.createElement("div");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Preview");
  bar.style.cssText =
    "position:sticky;top:0;z-index:10;display:flex;gap:.5rem;align-items:center;padding:.5rem 1rem;" +
    "background:#1b1f24;color:#fff;font:14px system-ui,sans-serif";
  const status = document.createElement("span");
  const button = (label) => Object.assign(document.createElement("button"), { type: "button", textContent: label });
  const pagesButton = button("Pages as printed");
  const htmlButton = button("HTML");
  const open = Object.assign(document.createElement("a"), { href: link.href, textContent: "Open the PDF", style: "color:#fff;margin-left:auto" });
  bar.append(pagesButton, htmlButton, status, open);
  const pages = document.createElement("div");
  pages.id = "pamphlet-pages";
  pages.style.cssText = "display:flex;flex-direction:column;align-items:center;gap:24px;padding:24px 0;background:#d7dce2";
  const original = [...document.body.children];
  document.body.prepend(bar);
  document.body.append(pages);

  const show = (mode) => {
    for (const element of original) element.hidden = mode === "pages";
    pages.hidden = mode !== "pages";
    document.body.style.cssText = mode === "pages" ? "max-width:none;margin:0;padding:0;box-shadow:none;background:#d7dce2" : "";
    pagesButton.setAttribute("aria-pressed", String(mode === "pages"));
    htmlButton.setAttribute("aria-pressed", String(mode !== "pages"));
  };
  pagesButton.addEventListener("click", () => show("pages"));
  htmlButton.addEventListener("click", () => show("html"));
  show("pages");

  status.textContent = "Printing…";
  try {
    const document_ = await pdfjs.getDocument(link.href).promise;
    for (let number = 1; number <= document_.numPages; number++) {
      const page = await document_.getPage(number);
      const viewport = page.getViewport({ scale: 96 / 72 }); // PDF points → CSS pixels: true size
      const canvas = document.createElement("canvas");
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(viewport.width * ratio);
      canvas.height = Math.round(viewport.height * ratio);
      canvas.style.cssText = `width:${viewport.width}px;height:${viewport.height}px;background:#fff;box-shadow:0 2px 12px rgb(0 0 0 / .25)`;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `Page ${number} of ${document_.numPages}`);
      pages.append(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport, transform: [ratio, 0, 0, ratio, 0, 0] }).promise;
    }
    status.textContent = `${document_.numPages} page${document_.numPages === 1 ? "" : "s"}, true size`;
  } catch (error) {
    // pdf.js says only "Unexpected server response (500)": show the server's own reason (e.g. what does not fit).
    const reason = await fetch(link.href).then((response) => (response.ok ? "" : response.text())).catch(() => "");
    status.textContent = reason || `Could not print: ${error.message ?? error}`;
  }
}
