import { readFile } from "node:fs/promises";
import { decodePDFRawStream, PDFBool, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString, loadPdf } from "../../../src/shared/pdfLib.ts";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A structure element as pdf.js reads it: its role (after the RoleMap), alt text and children. */
export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
}

export interface LinkAnnotation {
  page: number;
  uri?: string;
  /** A place in the document it goes to (a named destination: the element's id). */
  dest?: string;
  contents?: string;
  /** In the structure tree (has a StructParent). */
  inStructure: boolean;
}

export interface PdfAccessibility {
  /** One tree per page (pdf.js reads the structure page by page). */
  structure: StructNode[];
  /** Text drawn outside any marked content (neither tagged nor an artifact), per page. */
  unmarkedText: string[];
  /** Text inside `/Artifact` marked content. */
  artifactText: string[];
  links: LinkAnnotation[];
  /** Pages with annotations but without `/Tabs /S`. */
  pagesWithoutStructureTabs: number[];
  xmp: string;
  lang?: string;
  displayDocTitle: boolean;
}

/** Reads what a screen reader and a PDF/UA checker read: structure tree, marked content, links, metadata. */
export async function pdfAccessibility(file: string): Promise<PdfAccessibility> {
  const bytes = new Uint8Array(await readFile(file));
  const result: PdfAccessibility = {
    structure: [],
    unmarkedText: [],
    artifactText: [],
    links: [],
    pagesWithoutStructureTabs: [],
    xmp: "",
    displayDocTitle: false,
  };

  const document = await getDocument({ data: bytes.slice(), disableFontFace: true, verbosity: 0 }).promise;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const tree = (await page.getStructTree()) as unknown as RawNode | null;
    if (tree) result.structure.push(toNode(tree));
    const stack: string[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as Array<Record<string, unknown>>) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") stack.push(String(item.tag));
      else if (item.type === "endMarkedContent") stack.pop();
      else if (typeof item.str === "string" && item.str.trim() !== "") {
        if (stack.length === 0) result.unmarkedText.push(item.str);
        else if (stack.includes("Artifact")) result.artifactText.push(item.str);
      }
    }
  }
  await document.destroy();

  const pdf = await loadPdf(bytes);
  const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  for (const [index, page] of pdf.getPages().entries()) {
    const annotations = page.node.Annots();
    if (!annotations || annotations.size() === 0) continue;
    if (page.node.get(PDFName.of("Tabs")) !== PDFName.of("S")) result.pagesWithoutStructureTabs.push(index + 1);
    for (let i = 0; i < annotations.size(); i++) {
      const annotation = annotations.lookup(i, PDFDict);
      if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
      result.links.push({
        page: index + 1,
        uri: text(action?.lookup(PDFName.of("URI"))),
        dest: annotation.get(PDFName.of("Dest")) instanceof PDFName ? (annotation.get(PDFName.of("Dest")) as PDFName).decodeText() : undefined,
        contents: text(annotation.lookup(PDFName.of("Contents"))),
        inStructure: annotation.has(PDFName.of("StructParent")),
      });
    }
  }
  const metadata = pdf.catalog.lookup(PDFName.of("Metadata"));
  if (metadata instanceof PDFRawStream) result.xmp = new TextDecoder().decode(decodePDFRawStream(metadata).decode());
  result.lang = text(pdf.catalog.lookup(PDFName.of("Lang")));
  const preferences = pdf.catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  result.displayDocTitle = preferences?.lookup(PDFName.of("DisplayDocTitle")) === PDFBool.True;
  return result;
}

interface RawNode {
  role?: string;
  alt?: string;
  children?: RawNode[];
}

function toNode(raw: RawNode): StructNode {
  return { role: raw.role ?? "", alt: raw.alt, children: (raw.children ?? []).filter((child) => child.role !== undefined).map(toNode) };
}

/** Every element of these trees, depth first. */
export function* elements(trees: StructNode[]): Generator<StructNode> {
  for (const tree of trees) {
    yield tree;
    yield* elements(tree.children);
  }
}
