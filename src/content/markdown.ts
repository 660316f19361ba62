import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import type Token from "markdown-it/lib/token.mjs";
import { proseLines } from "./codeFences.ts";
import { type ImageSize, imageSizeOf } from "./imageSize.ts";

/** Heading text → id: "When to call us" → "when-to-call-us". `check` uses it to resolve `#anchor` links. */
function headingId(text: string): string {
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

/**
 * A table in a write-up scrolls inside its own box, as the compare page's does, so on a phone only
 * the table moves sideways, not the page. The box is named by the section the table is in.
 */
markdown.renderer.rules.table_open = (tokens, idx, options, _env, self) => {
  let heading = idx;
  while (heading >= 0 && tokens[heading]!.type !== "heading_open") heading--;
  // The heading's text, without its Markdown ("## **Risks**" names the table "Risks").
  const name =
    heading >= 0
      ? (tokens[heading + 1]!.children ?? [])
          .filter((child) => child.type === "text" || child.type === "code_inline")
          .map((child) => child.content)
          .join("")
      : "";
  const region = name ? ` role="region" aria-label="${markdown.utils.escapeHtml(name)}"` : "";
  return `<div class="table-scroll" tabindex="0"${region}>${self.renderToken(tokens, idx, options)}`;
};
markdown.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;

/**
 * A picture alone in its paragraph, with a caption (its title, `![alt](src "caption")`) or a size
 * (`![alt](src#half)`, src/content/imageSize.ts), becomes `<figure><img alt><figcaption>caption</figcaption></figure>`,
 * so the caption is shown and read with its picture (and brochures keep the two together on one
 * page); a size becomes the figure's class, `figure--half`. A size is taken off any image's address.
 */
markdown.core.ruler.push("figures", (state) => {
  const tokens = state.tokens;
  for (const block of tokens) {
    for (const child of block.type === "inline" ? (block.children ?? []) : []) {
      if (child.type !== "image") continue;
      const { src, size } = imageSizeOf(child.attrGet("src") ?? "");
      if (size) child.attrSet("src", src);
      child.meta = { ...child.meta, size };
    }
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i + 1]!.type !== "inline" || tokens[i + 2]!.type !== "paragraph_close") continue;
    const children = (tokens[i + 1]!.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak");
    if (children.length !== 1 || children[0]!.type !== "image") continue;
    const figure: Figure = { caption: children[0]!.attrGet("title") ?? undefined, size: children[0]!.meta?.size };
    if (!figure.caption && !figure.size) continue;
    for (const token of [tokens[i]!, children[0]!, tokens[i + 2]!]) token.meta = { ...token.meta, figure };
  }
});
interface Figure {
  caption?: string;
  size?: ImageSize;
}
const renderImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (!token.meta?.figure?.caption) return renderImage(tokens, idx, options, env, self);
  // The caption is the figcaption: not also a title (a tooltip, and read twice).
  const untitled = Object.assign(Object.create(Object.getPrototypeOf(token)), token, { attrs: token.attrs?.filter(([name]) => name !== "title") ?? null });
  return renderImage([untitled], 0, options, env, self);
};
markdown.renderer.rules.paragraph_open = (tokens, idx, options, _env, self) => {
  const figure: Figure | undefined = tokens[idx]!.meta?.figure;
  if (!figure) return self.renderToken(tokens, idx, options);
  return figure.size ? `<figure class="figure--${figure.size}">` : "<figure>";
};
markdown.renderer.rules.paragraph_close = (tokens, idx, options, _env, self) => {
  const figure: Figure | undefined = tokens[idx]!.meta?.figure;
  if (!figure) return self.renderToken(tokens, idx, options);
  return `${figure.caption ? `<figcaption>${markdown.utils.escapeHtml(figure.caption)}</figcaption>` : ""}</figure>\n`;
};

/** Parsed bodies, newest last; bounded, so a dev server running all day does not keep every version. */
const parsed = new Map<string, Token[]>();
const parsedLimit = 4096;

/**
 * The tokens of a Markdown body, parsed once however many times it is asked for: the link check,
 * the readability check and each view of the site all read the same body. Callers read the
 * tokens; they must not change them.
 */
export function parseMarkdown(body: string): Token[] {
  let tokens = parsed.get(body);
  if (tokens) {
    parsed.delete(body);
  } else {
    tokens = markdown.parse(withListMarks(body), {});
    if (parsed.size >= parsedLimit) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(body, tokens);
  return tokens;
}

/**
 * `body` without its pictures that stand alone in a paragraph (with their caption or size): the
 * tri-fold's narrow panels and the aftercare sheet leave illustrations out (the full guide has them).
 * Read from the tokens, as the renderer reads them: a caption with brackets ("(phone photo)") or an
 * alt text with escaped ones ends no picture early, which a pattern over the text did. A line that is
 * only a picture goes, in a paragraph of several lines too (a before-and-after pair, a caption under it).
 */
export function withoutPicturesAlone(body: string): string {
  const lines = body.split("\n");
  const tokens = parseMarkdown(body);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [open, inline] = [tokens[i]!, tokens[i + 1]!];
    if (open.type !== "paragraph_open" || open.level !== 0 || inline.type !== "inline" || !open.map) continue;
    // Line by line, each read on its own: a before-and-after pair on two lines, a picture with a caption
    // line under it, a line ending in a hard break above it ("painful.␠␠").
    for (let line = open.map[0]; line < open.map[1]; line++) {
      if (!lines[line]!.includes("![")) continue; // no picture on it: nothing to read
      const children = (markdown.parseInline(lines[line]!, {})[0]?.children ?? []).filter(
        (child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak" && child.type !== "hardbreak",
      );
      if (children.length === 1 && children[0]!.type === "image") lines[line] = "";
    }
  }
  return lines.join("\n");
}

/**
 * Bullets pasted from a word processor ("•\tKeep moving") as Markdown's list marks, so they make a
 * list as the writer meant (found by the editor QA: they printed as one line, "• Keep moving. • Drink
 * water."). Line for line, so every line number stays right; fenced code is shown as written.
 */
function withListMarks(body: string): string {
  if (!/^[ \t]*[•●▪◦‣][ \t]/m.test(body)) return body;
  const prose = proseLines(body);
  return body
    .split("\n")
    .map((line, index) => (prose[index] === line ? line.replace(/^([ \t]*)[•●▪◦‣][ \t]+/, "$1- ") : line))
    .join("\n");
}

/** A Markdown body as HTML, from its parsed tokens. */
export const renderMarkdown = (body: string): string => markdown.renderer.render(parseMarkdown(body), markdown.options, {});

/** A heading of a Markdown body, as markdown-it reads it (so a `#` line inside fenced code is none). */
export interface Heading {
  /** 1 for `#` … 6 for `######`. */
  level: number;
  /** As written, inline Markdown included: "**Risks**". */
  text: string;
  /** 1-based line of the heading within the body. */
  line: number;
  /** Its anchor on the page: "when-to-call-us". */
  id: string;
  /** Not inside a list or quote: a heading that can open a section. */
  topLevel: boolean;
}

/** Every heading of a body, in order: the one way Pamphlet reads headings (sections, anchors, levels). */
export function headingsOf(body: string): Heading[] {
  const tokens = parseMarkdown(body);
  return tokens.flatMap((token, index) => {
    if (token.type !== "heading_open") return [];
    const text = tokens[index + 1]?.content ?? "";
    return [{ level: Number(token.tag.slice(1)), text, line: (token.map?.[0] ?? 0) + 1, id: headingId(text), topLevel: token.level === 0 }];
  });
}
