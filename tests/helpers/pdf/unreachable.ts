import { readFile } from "node:fs/promises";
import { loadPdf, PDFArray, PDFDict, PDFRef, PDFStream } from "../../../src/shared/pdfLib.ts";

/**
 * The objects of a PDF that nothing reaches from its trailer (catalog, info): written, never read.
 * Each is named by its reference, and a stream by its encoded length too.
 */
export async function unreachableObjects(file: string): Promise<string[]> {
  const document = await loadPdf(new Uint8Array(await readFile(file)));
  const { context } = document;
  const reached = new Set<string>();
  const pending: unknown[] = [context.trailerInfo.Root, context.trailerInfo.Info];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof PDFRef) {
      if (reached.has(value.toString())) continue;
      reached.add(value.toString());
      pending.push(context.lookup(value));
    } else if (value instanceof PDFDict) pending.push(...value.values());
    else if (value instanceof PDFArray) pending.push(...value.asArray());
    else if (value instanceof PDFStream) pending.push(...value.dict.values());
  }
  return context
    .enumerateIndirectObjects()
    .filter(([ref]) => !reached.has(ref.toString()))
    .map(([ref, object]) => (object instanceof PDFStream ? `${ref} stream of ${object.getContentsSize()} bytes` : `${ref}`));
}
