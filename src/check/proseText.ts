import type Token from "markdown-it/lib/token.mjs";
import { parseMarkdown } from "../content/markdown.ts";

export interface Sentence {
  text: string;
  /** 1-based line in the body where its block starts. */
  line: number;
  /** A list item with no full stop ("Wear loose clothes"): its words count, but it is not a sentence. */
  fragment?: boolean;
}

/**
 * The sentences a patient reads in a Markdown body: paragraphs and list items, without headings,
 * markup or code. A list item without a full stop is a fragment, not a sentence.
 */
export function proseSentences(body: string): Sentence[] {
  const tokens = parseMarkdown(body);
  const sentences: Sentence[] = [];
  let inHeading = false;
  let listDepth = 0;
  for (const token of tokens) {
    if (token.type === "heading_open") inHeading = true;
    if (token.type === "heading_close") inHeading = false;
    if (token.type === "list_item_open") listDepth += 1;
    if (token.type === "list_item_close") listDepth -= 1;
    if (token.type !== "inline" || inHeading) continue;
    const text = plainText(token.children ?? [])
      .replace(/\s+/g, " ")
      .trim();
    const line = (token.map?.[0] ?? 0) + 1;
    for (const part of text.split(/(?<=[.!?…])["”’)]*\s+(?=[\p{Lu}¿¡"“(\d])/u)) {
      if (/\p{L}/u.test(part))
        sentences.push({ text: part.trim(), line, ...(listDepth > 0 && !/[.!?…]["”’)]*$/u.test(part.trim()) ? { fragment: true } : {}) });
    }
  }
  return sentences;
}

function plainText(children: Token[]): string {
  return children
    .map((child) =>
      child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : "",
    )
    .join("");
}

/** Words of a sentence: runs of letters and digits (hyphenated words count once). */
export const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
