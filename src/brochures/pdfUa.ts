import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFPage,
} from "../shared/pdfLib.ts";
import { deflateSync, inflateSync } from "node:zlib";
import { markUntaggedAsArtifacts } from "./artifacts.ts";
import type { BrochureMetadata } from "../shared/viewsManifest.ts";

/**
 * What PDF/UA-1 asks of a tagged PDF that Chromium leaves out, added after printing:
 * - XMP metadata with the title, language, author and the PDF/UA identifier (`pdfuaid:part 1`);
 * - running footers and decoration outside the structure marked as artifacts (see artifacts.ts);
 * - a `Contents` description on every link annotation (ISO 14289-1 7.18.1; Chromium writes none):
 *   the link's name in the page (`links`, by target: see linkNames.ts), else what it does;
 * - `/Tabs /S` on pages with annotations, so tabbing follows the structure (ISO 14289-1 7.18.3);
 * - a picture with a caption or a size, a `<figure>` around an `<img>`, tagged as a Div: Chromium tags
 *   the figure as a Figure too, with no alt text (ISO 14289-1 7.3), around the picture's own Figure;
 * - each list item's content in an LBody (ISO 32000-1 14.8.4.3.3: an LI holds Lbl and LBody only):
 *   Chromium puts it in a NonStruct, or beside the label as it is (a bold term and its text).
 */
export function makePdfUa(document: PDFDocument, metadata: BrochureMetadata, links: Record<string, string> = {}): void {
  for (const page of document.getPages()) {
    markPageArtifacts(document, page);
    describeLinks(page, links);
  }
  const root = document.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (root) {
    figureGroupsAsDivs(document, root);
    listItemBodies(document, root);
  }
  // Uncompressed and UTF-8, as XMP readers expect.
  const xmp = document.context.stream(new TextEncoder().encode(xmpPacket(metadata)), { Type: "Metadata", Subtype: "XML" });
  document.catalog.set(PDFName.of("Metadata"), document.context.register(xmp));
  document.catalog.set(PDFName.of("MarkInfo"), document.context.obj({ Marked: true }));
}

function markPageArtifacts(document: PDFDocument, page: PDFPage): void {
  const contents = page.node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const streams = refs.map((ref) => (ref instanceof PDFRef ? document.context.lookup(ref) : ref));
  if (streams.length === 0 || !streams.every((stream) => stream instanceof PDFRawStream)) return;
  const decoded = streams.map((stream) => contentBytes(stream as PDFRawStream));
  // One stream: a marked-content sequence may begin in one part of an array and end in the next.
  const joined = new Uint8Array(decoded.reduce((sum, part) => sum + part.byteLength + 1, 0));
  let offset = 0;
  for (const part of decoded) {
    joined.set(part, offset);
    joined[offset + part.byteLength] = 0x0a;
    offset += part.byteLength + 1;
  }
  const marked = markUntaggedAsArtifacts(joined);
  if (marked === joined) return;
  // Node's zlib, not pdf-lib's flateStream (pako): measured, the same compression in a fraction of the time.
  const compressed = document.context.stream(deflateSync(marked), { Filter: "FlateDecode" });
  page.node.set(PDFName.of("Contents"), document.context.register(compressed));
  // The streams it replaces, each this page's own: pdf-lib writes every object it holds, reached or not
  // (measured: 35-41 % of a brochure was its pages' old content).
  for (const ref of refs) if (ref instanceof PDFRef) document.context.delete(ref);
}

/** A content stream's bytes. Chromium's are Flate-compressed: inflated by Node's zlib; any other filter by pdf-lib. */
function contentBytes(stream: PDFRawStream): Uint8Array {
  const flate = stream.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode") && !stream.dict.has(PDFName.of("DecodeParms"));
  return flate ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** Each Figure with no alt text that holds another Figure (the picture, with its alt) becomes a Div: a group, not a picture. */
function figureGroupsAsDivs(document: PDFDocument, element: PDFDict): void {
  const kids = element.get(PDFName.of("K"));
  const children = (kids instanceof PDFArray ? kids.asArray() : [kids])
    .map((kid) => (kid instanceof PDFRef ? document.context.lookup(kid) : kid))
    .filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of("S")));
  const isFigure = (dict: PDFDict) => dict.get(PDFName.of("S")) === PDFName.of("Figure");
  if (isFigure(element) && !element.has(PDFName.of("Alt")) && children.some(isFigure)) element.set(PDFName.of("S"), PDFName.of("Div"));
  for (const child of children) figureGroupsAsDivs(document, child);
}

/**
 * Each LI's child elements other than its Lbl in one LBody: a lone NonStruct is renamed, others are
 * put in a new LBody. Content marked directly in the item stays where it is: the structure tree's
 * parent tree points at the item for it.
 */
function listItemBodies(document: PDFDocument, element: PDFDict): void {
  const kids = element.get(PDFName.of("K"));
  const all = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
  const elementOf = (kid: unknown) => {
    const found = kid instanceof PDFRef ? document.context.lookup(kid) : undefined;
    return found instanceof PDFDict && found.has(PDFName.of("S")) ? found : undefined;
  };
  const roleOf = (kid: unknown) => elementOf(kid)?.get(PDFName.of("S"));
  if (element.get(PDFName.of("S")) === PDFName.of("LI")) {
    const body = all.filter((kid) => elementOf(kid) && roleOf(kid) !== PDFName.of("Lbl"));
    if (body.length === 1 && roleOf(body[0]) === PDFName.of("NonStruct")) elementOf(body[0])!.set(PDFName.of("S"), PDFName.of("LBody"));
    else if (body.length > 0 && !body.some((kid) => roleOf(kid) === PDFName.of("LBody"))) {
      const lbody = document.context.register(document.context.obj({ Type: "StructElem", S: "LBody", P: elementOf(body[0])!.get(PDFName.of("P")), K: body }));
      for (const kid of body) elementOf(kid)!.set(PDFName.of("P"), lbody);
      const first = all.indexOf(body[0]!);
      const rest = (part: typeof all) => part.filter((kid) => !body.includes(kid));
      element.set(PDFName.of("K"), document.context.obj([...rest(all.slice(0, first)), lbody, ...rest(all.slice(first))]));
    }
  }
  for (const kid of all) {
    const child = elementOf(kid);
    if (child) listItemBodies(document, child);
  }
}

/** A link's description for assistive technology: its name in the page, else what tapping it does, from its target. */
function describeLinks(page: PDFPage, links: Record<string, string>): void {
  const annotations = page.node.Annots();
  if (!annotations || annotations.size() === 0) return;
  page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
  for (let index = 0; index < annotations.size(); index++) {
    const annotation = annotations.lookup(index, PDFDict);
    if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link") || annotation.has(PDFName.of("Contents"))) continue;
    const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
    const target = action?.lookup(PDFName.of("URI"));
    const uri = target instanceof PDFString || target instanceof PDFHexString ? target.decodeText() : undefined;
    // A place in the document: Chromium names it by the element's id.
    const place = annotation.get(PDFName.of("Dest"));
    const name = uri === undefined ? (place instanceof PDFName ? links[`#${place.decodeText()}`] : undefined) : links[uri];
    annotation.set(PDFName.of("Contents"), PDFHexString.fromText(name ?? linkDescription(uri)));
  }
}

function linkDescription(uri: string | undefined): string {
  if (!uri) return "Go to another part of this document";
  if (uri.startsWith("tel:")) return `Call ${decodeURIComponent(uri.slice(4))}`;
  if (uri.startsWith("mailto:")) return `Email ${decodeURIComponent(uri.slice(7))}`;
  return `Open ${uri}`;
}

const xmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const xml = (text: string) => text.replace(/[&<>"]/g, (character) => xmlEscapes[character]!);

function xmpPacket({ title, author, subject, keywords, lang }: BrochureMetadata): string {
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${xml(keywords.join(", "))}</pdf:Keywords>
   <pdf:Producer>Pamphlet</pdf:Producer>
   <xmp:CreatorTool>Pamphlet</xmp:CreatorTool>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
