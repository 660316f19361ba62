// The print centre's visit pack: tick guides, choose language and format, get one PDF to print.
// Everything happens in this browser from the PDFs published with the site: nothing is sent
// anywhere and no patient details are asked for. pdf-lib and fontkit load only when needed.
import { buildVisitPack } from "./visit-pack.js";

const root = new URL("..", import.meta.url); // the site's root, whatever folder it is published under
const section = document.querySelector("[data-visit-pack]");

if (section) {
  const texts = JSON.parse(section.dataset.texts);
  const opened = {
    covers: JSON.parse(section.dataset.covers),
    catalog: JSON.parse(document.querySelector("[data-pack-catalog]").dataset.packCatalog),
  };
  const status = section.querySelector("[data-pack-status]");
  const button = section.querySelector("[data-pack-button]");
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  let download;

  section.hidden = false;
  document.querySelector("[data-pack-intro]").hidden = false;
  for (const cell of document.querySelectorAll(".pack-column")) cell.hidden = false;

  button.addEventListener("click", async () => {
    // aria-disabled, not disabled: a disabled button loses keyboard focus, and a screen reader its place.
    if (button.getAttribute("aria-disabled") === "true") return;
    const slugs = [...document.querySelectorAll("[data-pack-slug]:checked")].map((box) => box.dataset.packSlug);
    if (slugs.length === 0) return say(texts.noneChosen);
    // Busy from here: the page is fetched again first, on a slow line too (a second press made a second pack).
    button.setAttribute("aria-disabled", "true");
    say(texts.working);
    const { covers, catalog } = await published(); // never fails: offline, what the page was opened with
    button.removeAttribute("aria-disabled");
    const lang = section.querySelector("[data-pack-language]").value;
    const format = section.querySelector("[data-pack-format]").value;
    const chosen = slugs.map((slug) => {
      const entry = catalog.find((candidate) => candidate.slug === slug && candidate.lang === lang);
      return { slug, entry, brochure: entry?.brochures.find((candidate) => candidate.format === format) };
    });
    const missing = chosen.filter((item) => !item.brochure);
    if (missing.length > 0) {
      const titles = missing.map((item) => catalog.find((candidate) => candidate.slug === item.slug)?.title ?? item.slug);
      return say(fill(texts.missing, { titles: titles.join(", ") }));
    }
    button.setAttribute("aria-disabled", "true");
    say(texts.working);
    try {
      const [PDFLib, fontkit] = await Promise.all([loadGlobal("js/vendor/pdf-lib.min.js", "PDFLib"), loadGlobal("js/vendor/fontkit.umd.min.js", "fontkit")]);
      const [regular, bold, ...pdfs] = await Promise.all([
        fetchBytes("fonts/atkinson-hyperlegible-next-plain-zero-latin-400-normal.woff"),
        fetchBytes("fonts/atkinson-hyperlegible-next-plain-zero-latin-700-normal.woff"),
        ...chosen.map((item) => fetchBytes(item.brochure.path)),
      ]);
      // A logo that cannot be fetched leaves the cover without it, not the pack unmade.
      const logo = covers[lang].logo ? await fetchBytes(covers[lang].logo.path).catch(() => undefined) : undefined;
      const pack = await buildVisitPack({
        PDFLib, fontkit, fonts: { regular, bold }, cover: covers[lang], logo,
        brochures: chosen.map((item, index) => ({ title: item.entry.title, bytes: pdfs[index] })),
      });
      offer(new Blob([pack.bytes], { type: "application/pdf" }), pack.pages);
    } catch (error) {
      say(fill(texts.failed, { error: error?.message ?? String(error) }));
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });

  /**
   * The covers and the list of brochures as the site publishes them now: a front desk keeps this page
   * open all day, and a pack made after a rebuild had the old phone number on its cover. Read from the
   * page itself, fetched again; as opened when that cannot be (offline).
   */
  async function published() {
    try {
      // A stalled line is not waited on for ever: after 10 s, what the page was opened with.
      const response = await fetch(location.href, { cache: "no-cache", signal: AbortSignal.timeout(10_000) });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const covers = page.querySelector("[data-visit-pack]")?.dataset.covers;
      const catalog = page.querySelector("[data-pack-catalog]")?.dataset.packCatalog;
      if (response.ok && covers && catalog) return { covers: JSON.parse(covers), catalog: JSON.parse(catalog) };
    } catch {
      // Offline, or the page is gone: what the page was opened with.
    }
    return opened;
  }

  function say(text) {
    status.replaceChildren(text);
  }

  function offer(blob, pages) {
    if (download) URL.revokeObjectURL(download.href);
    download = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: "visit-pack.pdf", textContent: texts.download });
    status.replaceChildren(`${fill(texts.done, { pages })} `, download);
    download.click();
  }

  async function fetchBytes(path) {
    const response = await fetch(new URL(path, root));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Loads a classic script once and returns the global it defines. */
  function loadGlobal(path, name) {
    if (window[name]) return Promise.resolve(window[name]);
    return new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src: new URL(path, root).href });
      script.addEventListener("load", () => resolve(window[name]));
      script.addEventListener("error", () => reject(new Error(`could not load ${path}`)));
      document.head.append(script);
    });
  }
}
