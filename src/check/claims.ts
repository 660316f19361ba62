import { proseLines } from "../content/codeFences.ts";
import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { claimWords, findClaims, type ClaimKind } from "./claimWords.ts";
import { bodyProblem, documentsOf, fieldProblem, type Check, type DocumentSource, type Problem } from "./types.ts";

/** Fields that are not the clinic's own claims: dates, names, codes, cited titles. */
const notClaims = ["lastReviewed", "reviewer", "kind", "sources"];

const advice: Record<ClaimKind, string> = {
  absolute: 'is an absolute or risky claim: say what is likely and how often instead (e.g. "most people", "about 1 in 100")',
  promotional: "is advertising, not information: say what the treatment does and how well, with its source",
  permanence: "promises results for ever: say how many veins stay closed after a year or five, and that new veins can appear",
};

/**
 * Absolute, promotional and permanence claims a patient guide must not make (it must be balanced and honest),
 * from the word list of the guide's language (claimWords/<lang>.yaml) and clinic.yaml's
 * `bannedClaims`, in every front-matter text, the FAQ and the body. Honest hedges pass.
 */
export const checkClaims: Check = ({ content }) =>
  documentsOf(content).flatMap((document: DocumentSource) => {
    const words = claimWords(document.lang, content.clinic.bannedClaims?.[document.lang] ?? []);
    if (!words) return [];
    const problems: Problem[] = [];
    const message = (found: string, kind: ClaimKind) => `"${found}" ${advice[kind]}`;
    for (const { field, text } of frontMatterTexts(document as unknown as Record<string, unknown>, notClaims)) {
      for (const claim of findClaims(text, words))
        problems.push(fieldProblem(document, field, "error", "claims", `${field}: ${message(claim.found, claim.kind)}`));
    }
    for (const { text, lines } of wrappedLines(proseLines(document.body))) {
      for (const claim of findClaims(text, words)) {
        // The line the claim starts on, and its column there.
        const { number, start } = lines.filter((line) => line.start <= claim.index).at(-1)!;
        problems.push(bodyProblem(document, number, "error", "claims", message(claim.found, claim.kind), claim.index - start + 1));
      }
    }
    return problems;
  });

/**
 * A body's lines with each wrapped line joined to the one it continues (a sentence of a paragraph or
 * list item written over two lines: "completely⏎safe"), each part's line number and start kept. A line
 * that starts a block (a list item, heading, quote or table row), or follows a blank one, starts anew.
 */
function wrappedLines(lines: string[]): Array<{ text: string; lines: Array<{ number: number; start: number }> }> {
  const joined: Array<{ text: string; lines: Array<{ number: number; start: number }> }> = [];
  lines.forEach((line, index) => {
    const previous = joined.at(-1);
    const continues = previous !== undefined && lines[index - 1]?.trim() !== "" && line.trim() !== "" && !/^\s*([-*+>#|]|\d+[.)])/.test(line);
    if (!continues) joined.push({ text: line, lines: [{ number: index + 1, start: 0 }] });
    else {
      previous.lines.push({ number: index + 1, start: previous.text.length + 1 });
      previous.text += ` ${line}`;
    }
  });
  return joined;
}
