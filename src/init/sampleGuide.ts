import { readFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../shared/installPaths.ts";

/** The shipped guide a new clinic gets to copy, from Pamphlet's own sample clinic. */
export const sampleGuideSlug = "sclerotherapy";
const sampleContentDir = path.join(projectRoot, "content");

/**
 * The sample guide for a new clinic: its category set to one of the new clinic.yaml's, and links to
 * the sample clinic's other guides (which the new clinic does not have) kept as plain words, and
 * "spider veins" said as the country says it ("thread veins" in British English).
 */
export async function sampleGuide(category: string, smallVeins: "spider" | "thread"): Promise<{ text: string; images: string[] }> {
  const text = (await readFile(path.join(sampleContentDir, "procedures", `${sampleGuideSlug}.md`), "utf8"))
    .replace(/\b([Ss])pider vein/g, (_, s: string) => (smallVeins === "spider" ? `${s}pider vein` : `${s === "S" ? "T" : "t"}hread vein`))
    .replace(/^category: .*$/m, `category: ${category}`)
    .replace(/(?<!!)\[([^\]]+)\]\(\/(?:es\/)?procedures\/(?!sclerotherapy\/)[^)]*\)/g, "$1");
  const images = [...text.matchAll(/!\[[^\]]*\]\(\/images\/([^)\s]+)/g)].map((match) => match[1]!);
  return { text, images };
}

export const sampleImage = (name: string) => path.join(sampleContentDir, "images", name);
