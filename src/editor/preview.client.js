// Pamphlet's preview pane for Decap CMS at /admin/: instead of a generic Markdown preview, the real
// page as Pamphlet builds it, a link to the live brochure, and what `npm run check` says of the
// guide (the dev server's notes). Decap's browser build provides window.CMS, h and createClass.
(() => {
  const { CMS, h, createClass } = window;
  if (!CMS) return;
  const siteRoot = new URL("../", location.href);
  const devServer = fetch(new URL("__pamphlet/notes?file=", siteRoot)).then((response) => response.ok, () => false);

  /**
   * `es/procedures/sclerotherapy.md` → its page and brochure; `pages/about.md` → `/about/` (as src/shared/routes.ts has them).
   * The language folder is read right before the kind's: a repository's content folder may come before it.
   */
  const addresses = (file) => {
    const [, lang = "", kind, slug] = /(?:^|\/)(?:([a-z]{2})\/)?(procedures|pages)\/([\w-]+)\.md$/.exec(file) ?? [];
    if (!slug) return undefined;
    const prefix = lang ? `${lang}/` : "";
    return {
      page: new URL(`${prefix}${kind === "procedures" ? "procedures/" : ""}${slug}/`, siteRoot).href,
      brochure: kind === "procedures" ? new URL(`brochures/${prefix}${slug}.pdf`, siteRoot).href : undefined,
    };
  };

  const box = { fontFamily: "system-ui, sans-serif", fontSize: "15px", lineHeight: 1.5, color: "#1a1a1a" };
  const Preview = createClass({
    getInitialState() {
      return { dev: false, notes: undefined };
    },
    componentDidMount() {
      devServer.then((dev) => this.setState({ dev }));
    },
    /** What check says of the guide: the page names its source file, the dev server has its notes. */
    async loadNotes(frame) {
      const source = frame?.contentDocument?.querySelector('meta[name="pamphlet-source"]')?.content;
      if (!source) return;
      const notes = await (await fetch(new URL(`__pamphlet/notes?file=${encodeURIComponent(source)}`, siteRoot))).json();
      this.setState({ notes });
    },
    render() {
      const entry = this.props.entry;
      const at = !entry.get("newRecord") && addresses(entry.get("path") || "");
      if (!at) return h("p", { style: box }, "Save to see the page as Pamphlet builds it, its brochure, and what npm run check says of it.");
      const notes = this.state.notes;
      const errors = (notes ?? []).filter((note) => note.severity === "error").length;
      return h(
        "div",
        { style: box, id: "pamphlet-preview" },
        h(
          "p",
          { style: { margin: "0 0 .5rem" } },
          h("a", { href: at.page, target: "_blank", rel: "noopener" }, "Open the page"),
          at.brochure ? " · " : null,
          at.brochure ? h("a", { href: at.brochure, target: "_blank", rel: "noopener" }, "Open the live brochure (PDF)") : null,
          this.state.dev ? " · as last saved: each save rebuilds it" : " on the published site",
        ),
        notes === undefined || !this.state.dev
          ? null
          : notes.length === 0
            ? h("p", { className: "pamphlet-notes", style: { margin: "0 0 .5rem", color: "#14532d" } }, "npm run check finds nothing to fix in this guide.")
            : h(
                "details",
                {
                  className: "pamphlet-notes",
                  open: errors > 0,
                  style: {
                    margin: "0 0 .5rem",
                    background: "#fffbea",
                    border: `2px solid ${errors > 0 ? "#b3261e" : "#a16207"}`,
                    borderRadius: "6px",
                    padding: ".25rem .5rem",
                  },
                },
                h(
                  "summary",
                  { style: { cursor: "pointer", fontWeight: "bold" } },
                  `${notes.length} note${notes.length === 1 ? "" : "s"} from npm run check on this guide` +
                    (errors > 0 ? ` (${errors} to fix before publishing)` : ""),
                ),
                h("pre", { style: { whiteSpace: "pre-wrap", margin: 0, font: "13px/1.5 ui-monospace, monospace" } }, notes.map((note) => note.text).join("\n")),
              ),
        // The published site forbids framing its pages (X-Frame-Options): there, the links only.
        this.state.dev
          ? h("iframe", {
              src: at.page,
              title: "The page as Pamphlet builds it",
              style: { width: "100%", height: "80vh", border: "1px solid #ccc" },
              onLoad: (event) => this.loadNotes(event.target),
            })
          : null,
      );
    },
  });
  for (const kind of ["procedures", "pages"]) {
    for (const suffix of ["", "-en", "-es"]) CMS.registerPreviewTemplate(`${kind}${suffix}`, Preview);
  }
})();
