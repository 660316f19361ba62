import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface TextRun {
  page: number;
  text: string;
  /** Font size in points, from the text's transform in PDF user space. */
  size: number;
}

/** Every run of text in a PDF with its size, read with pdf.js. */
export async function pdfTextRuns(file: string): Promise<TextRun[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), disableFontFace: true, verbosity: 0 }).promise;
  const runs: TextRun[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [, , c, d] = item.transform as number[];
      runs.push({ page: number, text: item.str, size: Math.round(Math.hypot(c!, d!) * 100) / 100 });
    }
  }
  await document.destroy();
  return runs;
}
