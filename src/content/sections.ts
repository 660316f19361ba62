import { proseLines } from "./codeFences.ts";

/**
 * The sections every procedure page has, in order (../shared/CONTENT.md), as `##` headings per
 * language. `check` verifies them; the tri-fold picks some of them by key.
 */
export const sectionKeys = ["whatItIs", "whoItHelps", "before", "during", "after", "results", "risks", "whenToCall"] as const;
export type SectionKey = (typeof sectionKeys)[number];

export const sectionHeadings: Record<string, Record<SectionKey, string>> = {
  en: {
    whatItIs: "What it is",
    whoItHelps: "Who it helps",
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

/** Splits a Markdown body at its `##` headings (ignoring `##` inside fenced code). */
export function splitSections(body: string, lang: string): Section[] {
  const headings = sectionHeadings[lang] ?? sectionHeadings.en!;
  const keyOf = (heading: string) =>
    (Object.keys(headings) as SectionKey[]).find((key) => headings[key].toLowerCase() === heading.toLowerCase());
  const sections: Section[] = [];
  const prose = proseLines(body);
  body.split("\n").forEach((line, index) => {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(prose[index]!)?.[1];
    if (heading !== undefined) sections.push({ heading, key: keyOf(heading), line: index + 1, markdown: `${line}\n` });
    else if (sections.length > 0) sections.at(-1)!.markdown += `${line}\n`;
  });
  return sections;
}

/**
 * Splits a section's Markdown at its `###` headings (ignoring those inside fenced code): the text
 * before the first one (the `##` heading and any opening paragraphs), then each sub-block, heading
 * included. A section without sub-headings is one block.
 */
export function splitSubBlocks(markdown: string): string[] {
  const prose = proseLines(markdown);
  const blocks = [""];
  markdown.split("\n").forEach((line, index) => {
    if (/^###\s/.test(prose[index]!)) blocks.push("");
    blocks[blocks.length - 1] += `${line}\n`;
  });
  return blocks.map((block) => block.replace(/\n$/, ""));
}
