import { headingsOf } from "./markdown.ts";

/**
 * The sections every procedure page has, in the order a patient reads them (see `sectionKeys`),
 * as `##` headings per language. `check` verifies them; the tri-fold picks some of them by key.
 */
export const sectionKeys = ["whatItIs", "whoItHelps", "otherOptions", "before", "during", "after", "results", "risks", "whenToCall"] as const;
export type SectionKey = (typeof sectionKeys)[number];

export const sectionHeadings: Record<string, Record<SectionKey, string>> = {
  en: {
    whatItIs: "What it is",
    whoItHelps: "Who it helps",
    otherOptions: "Other options",
    before: "Before your visit",
    during: "During the treatment",
    after: "After the treatment",
    results: "Results and how many sessions",
    risks: "Risks and side effects",
    whenToCall: "When to call us",
  },
  es: {
    whatItIs: "Qué es",
    whoItHelps: "A quién ayuda",
    otherOptions: "Otras opciones",
    before: "Antes de su visita",
    during: "Durante el tratamiento",
    after: "Después del tratamiento",
    results: "Resultados y número de sesiones",
    risks: "Riesgos y efectos secundarios",
    whenToCall: "Cuándo llamarnos",
  },
};

export interface Section {
  heading: string;
  /** Which required section this is, when its heading is one of them. */
  key?: SectionKey;
  /** 1-based line of the heading within the body. */
  line: number;
  /** The section's Markdown, heading included. */
  markdown: string;
}

/** Splits a Markdown body at its `##` headings (read from its tokens, so never inside fenced code). */
export function splitSections(body: string, lang: string): Section[] {
  const headings = sectionHeadings[lang] ?? sectionHeadings.en!;
  const keyOf = (heading: string) => (Object.keys(headings) as SectionKey[]).find((key) => headings[key].toLowerCase() === heading.toLowerCase());
  const starts = headingsOf(body).filter((heading) => heading.level === 2 && heading.topLevel);
  const lines = body.split("\n");
  return starts.map((heading, index) => {
    const end = (starts[index + 1]?.line ?? lines.length + 1) - 1;
    const markdown = lines
      .slice(heading.line - 1, end)
      .map((line) => `${line}\n`)
      .join("");
    return { heading: heading.text, key: keyOf(heading.text), line: heading.line, markdown };
  });
}

/**
 * Splits a section's Markdown at its `###` headings (read from its tokens, so never inside fenced code): the text
 * before the first one (the `##` heading and any opening paragraphs), then each sub-block, heading
 * included. A section without sub-headings is one block.
 */
export function splitSubBlocks(markdown: string): string[] {
  const lines = markdown.split("\n");
  const starts = [
    1,
    ...headingsOf(markdown)
      .filter((heading) => heading.level === 3 && heading.topLevel)
      .map((heading) => heading.line),
  ];
  const block = (start: number, end: number) =>
    lines
      .slice(start - 1, end - 1)
      .map((line) => `${line}\n`)
      .join("")
      .replace(/\n$/, "");
  return starts.map((start, index) => block(start, starts[index + 1] ?? lines.length + 1));
}
