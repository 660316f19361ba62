import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";

/** Heading text → id: "When to call us" → "when-to-call-us". `check` uses it to resolve `#anchor` links. */
export function headingId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The one Markdown renderer for procedure bodies. Raw HTML is off: `<script>` or `onerror=` in a
 * write-up is shown as text, never run (Eleventy's own default would pass it through).
 * markdown-it's link validation already refuses `javascript:` and `data:` links. Headings get ids
 * so sections can be linked and Chromium can make PDF bookmarks from them.
 */
export const markdown = markdownIt({ html: false, linkify: false, typographer: true }).use(markdownItAnchor, {
  slugify: headingId,
  tabIndex: false,
});
