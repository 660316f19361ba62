// Builds a visit pack: one PDF with a cover listing what is inside and the clinic's contact
// details, then each brochure starting on an odd (right-hand) page, with blank pages inserted so
// duplex printing works. Plain ES module with no DOM use: the print centre runs it in the browser,
// `pamphlet pack` runs the same file in Node. PDFLib (pdf-lib) and fontkit are passed in.
//
// cover: { title, writeIn: string[], clinic, phone, contactLines: string[], insideTitle, pageLabel, note, lang, colour, logo?: { wordmarkRatio } }
// brochures: [{ title, bytes }]   fonts: { regular, bold } (WOFF bytes of the bundled typeface)
// logo: PNG bytes of the clinic's logo (optional; the build writes it at cover.logo.path)

export async function buildVisitPack({ PDFLib, fontkit, fonts, cover, brochures, logo }) {
  const { PDFDocument, rgb } = PDFLib;
  // In one go, not pausing for a timer tick every 100 objects read and 50 written (pdf-lib's default,
  // for a page that must stay responsive): in a browser each pause is 4 ms or more, and a pack is
  // made after a click, with nothing else to do meanwhile.
  const sources = await Promise.all(brochures.map((brochure) => PDFDocument.load(brochure.bytes, { parseSpeed: Infinity })));
  const pack = await PDFDocument.create();
  pack.registerFontkit(fontkit);
  const regular = await pack.embedFont(fonts.regular, { subset: true });
  const bold = await pack.embedFont(fonts.bold, { subset: true });
  const logoImage = logo ? await pack.embedPng(logo) : undefined;
  const [width, height] = sources.length > 0 ? sizeOf(sources[0].getPage(0)) : [612, 792];

  // Where each brochure will start: page 1 is the cover; every brochure starts on an odd page.
  const starts = [];
  let pages = 1;
  for (const source of sources) {
    if (pages % 2 === 1) pages++; // the page before must be even: a blank page fills the gap
    starts.push(pages + 1);
    pages += source.getPageCount();
  }

  const structure = packStructure(PDFLib, pack);
  const coverPage = pack.addPage([width, height]);
  const tagged = coverTagger(PDFLib, coverPage, structure);
  drawCover(coverPage, { regular, bold, rgb, cover, logoImage, tagged, items: brochures.map((brochure, index) => ({ title: brochure.title, page: starts[index] })) });
  tagged.done();
  for (const [index, source] of sources.entries()) {
    while (pack.getPageCount() < starts[index] - 1) pack.addPage(sizeOf(source.getPage(0)));
    copyTagged(PDFLib, pack, source, structure);
  }
  // Each guide's footer numbers its own pages ("Page 1 of 2"); in the pack it says the pack's page,
  // the number the cover lists, so the two agree.
  for (const [index, page] of pack.getPages().entries()) {
    if (index > 0) renumberFooter(PDFLib, pack, page, { text: fill(cover.pageOf ?? "{page}", { page: index + 1, pages: pack.getPageCount() }), font: regular, rgb });
  }

  // Printed double-sided, as the blank pages before each guide assume; tagged, as each brochure is.
  pack.catalog.set(PDFLib.PDFName.of("MarkInfo"), pack.context.obj({ Marked: true }));
  pack.catalog.getOrCreateViewerPreferences().setDuplex(PDFLib.Duplex.DuplexFlipLongEdge);
  pack.setTitle(cover.title, { showInWindowTitleBar: true });
  pack.setAuthor(cover.clinic);
  pack.setSubject(brochures.map((brochure) => brochure.title).join(", "));
  pack.setLanguage(cover.lang);
  pack.setCreator("Pamphlet");
  pack.setProducer("Pamphlet");
  return { bytes: await pack.save({ objectsPerTick: Infinity }), starts, pages: pack.getPageCount() };
}

/**
 * The pack's structure tree: a Document holding the cover's elements, then each brochure's own tree
 * as a Part, so a screen reader reads the pack as it reads the brochures (headings, lists, links,
 * figures' alt text), and the parent tree that ties marked content and links to their elements.
 */
function packStructure({ PDFName, PDFArray, PDFDict }, pack) {
  const root = pack.context.obj({ Type: "StructTreeRoot" });
  const rootRef = pack.context.register(root);
  const document = pack.context.obj({ Type: "StructElem", S: "Document", P: rootRef, K: [] });
  const documentRef = pack.context.register(document);
  const nums = PDFArray.withContext(pack.context);
  root.set(PDFName.of("K"), documentRef);
  root.set(PDFName.of("ParentTree"), pack.context.obj({ Nums: nums }));
  pack.catalog.set(PDFName.of("StructTreeRoot"), rootRef);
  let nextKey = 0;
  return {
    root,
    documentRef,
    /** Puts the element at `ref` under the Document. */
    add: (ref) => document.lookup(PDFName.of("K"), PDFArray).push(ref),
    /** Takes `count` parent-tree keys, from the next free one; returns the first. */
    keys: (count) => {
      const first = nextKey;
      nextKey += count;
      root.set(PDFName.of("ParentTreeNextKey"), pack.context.obj(nextKey));
      return first;
    },
    /** Ties parent-tree key `key` to `value` (a page's array of elements by MCID, or a link's element). Keys come in order. */
    tie: (key, value) => {
      nums.push(pack.context.obj(key));
      nums.push(value);
    },
    /** Adds `source`'s role map (its own element types, e.g. Strong, by the standard ones they stand for). */
    mapRoles: (roles, copy) => {
      if (!roles) return;
      let map = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
      if (!map) {
        map = pack.context.obj({});
        root.set(PDFName.of("RoleMap"), map);
      }
      for (const [role, standard] of roles.entries()) if (!map.has(role)) map.set(role, copy(standard));
    },
  };
}

/**
 * Marks what the cover draws: `as(role, draw)` makes one element of `role` (H1, P…) of what `draw`
 * draws, `decoration(draw)` an artifact a screen reader skips (rules, the lines to write on).
 * `done()` ties the cover's elements to its page.
 */
function coverTagger({ PDFName, PDFOperator, PDFHexString }, page, structure) {
  const elements = [];
  const operator = (name, operands) => page.pushOperators(PDFOperator.of(name, operands));
  return {
    as(role, draw, said = {}) {
      const mcid = elements.length;
      operator("BDC", [PDFName.of(role), page.doc.context.obj({ MCID: mcid })]);
      draw();
      operator("EMC", []);
      const element = page.doc.context.obj({ Type: "StructElem", S: role, P: structure.documentRef, Pg: page.ref, K: mcid });
      // What it says when its drawn text does not (a wordmark's Alt; a contents line's title and page, read apart).
      for (const [key, text] of Object.entries(said)) element.set(PDFName.of(key), PDFHexString.fromText(text));
      const ref = page.doc.context.register(element);
      structure.add(ref);
      elements.push(ref);
    },
    decoration(draw) {
      operator("BMC", [PDFName.of("Artifact")]);
      draw();
      operator("EMC", []);
    },
    done() {
      const key = structure.keys(1);
      page.node.set(PDFName.of("StructParents"), page.doc.context.obj(key));
      structure.tie(key, page.doc.context.register(page.doc.context.obj(elements)));
    },
  };
}

/**
 * Adds `source`'s pages to the pack with its structure: each top element of its tree becomes a Part
 * of the pack's Document, and its parent-tree keys (on its pages and links) move past the pack's.
 * Pages are copied by reference, with the elements, so an element's page is the page in the pack.
 */
function copyTagged({ PDFName, PDFDict, PDFArray, PDFNumber, PDFObjectCopier, PDFPage }, pack, source, structure) {
  const copier = PDFObjectCopier.for(source.context, pack.context);
  const pages = source.getPages().map((page) => {
    const ref = copier.copy(page.ref);
    const copied = PDFPage.of(pack.context.lookup(ref), ref, pack);
    pack.addPage(copied);
    return copied;
  });
  const tree = source.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!tree) return;
  const entries = numberTree({ PDFName, PDFArray, PDFDict }, source, tree.lookupMaybe(PDFName.of("ParentTree"), PDFDict));
  const next = tree.lookupMaybe(PDFName.of("ParentTreeNextKey"), PDFNumber)?.asNumber();
  const offset = structure.keys(Math.max(next ?? 0, ...entries.map(([key]) => key + 1)));
  structure.mapRoles(tree.lookupMaybe(PDFName.of("RoleMap"), PDFDict), (value) => copier.copy(value));
  const kids = tree.get(PDFName.of("K"));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
    const element = source.context.lookup(kid);
    if (!(element instanceof PDFDict)) continue;
    element.delete(PDFName.of("P")); // its parent is the pack's Document, not the source's tree
    const ref = copier.copy(kid);
    const copied = pack.context.lookup(ref, PDFDict);
    copied.set(PDFName.of("P"), structure.documentRef);
    if (copied.get(PDFName.of("S")) === PDFName.of("Document")) copied.set(PDFName.of("S"), PDFName.of("Part"));
    structure.add(ref);
  }
  for (const [key, value] of entries) structure.tie(key + offset, copier.copy(value));
  for (const page of pages) {
    const key = page.node.lookupMaybe(PDFName.of("StructParents"), PDFNumber);
    if (key) page.node.set(PDFName.of("StructParents"), pack.context.obj(key.asNumber() + offset));
    const annotations = page.node.Annots();
    for (let index = 0; index < (annotations?.size() ?? 0); index++) {
      const annotation = annotations.lookup(index, PDFDict);
      const parent = annotation.lookupMaybe(PDFName.of("StructParent"), PDFNumber);
      if (parent) annotation.set(PDFName.of("StructParent"), pack.context.obj(parent.asNumber() + offset));
    }
  }
}

/** A number tree's entries, [key, value] in order (its Kids followed). */
function numberTree({ PDFName, PDFArray, PDFDict }, source, node) {
  if (!node) return [];
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  if (kids) return kids.asArray().flatMap((kid) => numberTree({ PDFName, PDFArray, PDFDict }, source, source.context.lookup(kid, PDFDict)));
  const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray)?.asArray() ?? [];
  const entries = [];
  for (let index = 0; index + 1 < nums.length; index += 2) entries.push([nums[index].asNumber(), nums[index + 1]]);
  return entries;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

/**
 * Replaces a brochure page's running page number ("Page 1 of 2", the `@page` bottom-right box) with
 * `text`. Chromium draws each margin box's words as separate text objects in CSS pixels (y down), and
 * Pamphlet marks them `/Artifact`: the page number is the artifact text in the bottom margin on the
 * right half of the page. Those objects are removed and `text` drawn right-aligned on their baseline,
 * at their size. A page without such a number (a blank page) is left as it is.
 */
function renumberFooter({ PDFName, PDFArray, PDFRawStream, PDFRef, PDFOperator, decodePDFRawStream }, pack, page, { text, font, rgb }) {
  // The page's streams by reference, so those replaced below can be deleted (an array of them may be an object of its own).
  const written = page.node.get(PDFName.of("Contents"));
  if (!written) return;
  const listed = written instanceof PDFRef ? pack.context.lookup(written) : written;
  const refs = listed instanceof PDFArray ? listed.asArray() : [written];
  const streams = refs.map((ref) => pack.context.lookup(ref));
  if (!streams.every((stream) => stream instanceof PDFRawStream)) return;
  const source = streams.map((stream) => latin1(decodePDFRawStream(stream).decode())).join("\n");
  const { width, height } = page.getSize();
  const px = 72 / 96; // CSS pixels to points
  const found = [];
  const kept = source.replace(/\/Artifact BMC\s*(BT\s[\s\S]*?\sET)\s*EMC/g, (whole, textObject) => {
    const position = /\/\S+\s+([\d.]+)\s+Tf\s+1 0 0 -1 ([\d.]+) ([\d.]+) Tm/.exec(textObject);
    if (!position) return whole;
    const [size, x, y] = position.slice(1).map(Number);
    if (y * px < height * 0.9 || x * px < width / 2) return whole;
    found.push({ size: size * px, x: x * px, baseline: height - y * px });
    return "";
  });
  if (found.length === 0) return;
  page.node.set(PDFName.of("Contents"), pack.context.register(pack.context.flateStream(kept)));
  // The streams it replaces, this page's own: pdf-lib would write them all the same, reached or not.
  for (const ref of refs) if (ref instanceof PDFRef) pack.context.delete(ref);
  // Right-aligned where the old number ended: the page's right margin mirrors the footer's left one.
  const leftMargin = Math.min(...leftFooterXs(source, width, height, px));
  const right = Number.isFinite(leftMargin) ? width - leftMargin : Math.max(...found.map((item) => item.x)) + found[0].size * 2;
  const size = found[0].size;
  // An artifact, as the number it replaces was: screen readers skip running footers.
  page.pushOperators(PDFOperator.of("BMC", [PDFName.of("Artifact")]));
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: found[0].baseline, size, font, color: rgb(0.239, 0.282, 0.329) });
  page.pushOperators(PDFOperator.of("EMC", []));
}

/** Where the running footer's left box starts (x, in points): artifact text in the bottom margin on the left half. */
function leftFooterXs(source, width, height, px) {
  return [...source.matchAll(/\/Artifact BMC\s*BT\s[\s\S]*?1 0 0 -1 ([\d.]+) ([\d.]+) Tm/g)]
    .map((match) => [Number(match[1]) * px, Number(match[2]) * px])
    .filter(([x, y]) => y >= height * 0.9 && x < width / 2)
    .map(([x]) => x);
}

function latin1(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function sizeOf(page) {
  const { width, height } = page.getSize();
  return [width, height];
}

/** Draws the cover, each part marked (`tagged`: see coverTagger) in the order it is read. */
function drawCover(page, { regular, bold, rgb, cover, logoImage, tagged, items }) {
  const { width, height } = page.getSize();
  const margin = 54;
  const ink = rgb(0.106, 0.122, 0.141);
  const brand = hexColour(rgb, cover.colour);
  let y = height - margin;

  tagged.decoration(() => page.drawRectangle({ x: margin, y: y - 10, width: width - 2 * margin, height: 10, color: brand }));
  y -= 28;
  if (logoImage) y = drawLogo(page, logoImage, { x: margin, y, maxWidth: width - 2 * margin, cover, bold, brand, write, tagged });
  else tagged.as("P", () => (y = write(page, cover.clinic, { x: margin, y: y - 12, font: bold, size: 14, color: brand, maxWidth: width - 2 * margin })));
  y -= 30;
  tagged.as("H1", () => (y = write(page, cover.title, { x: margin, y, font: bold, size: 30, color: ink, maxWidth: width - 2 * margin })));
  y -= 12;
  // Blank lines to fill in by hand: the pack itself stores and sends no patient details.
  for (const label of cover.writeIn ?? []) {
    y -= 26;
    tagged.as("P", () => page.drawText(label, { x: margin, y, size: 12, font: regular, color: ink }));
    const lineStart = margin + Math.max(...(cover.writeIn ?? []).map((text) => regular.widthOfTextAtSize(text, 12))) + 12;
    tagged.decoration(() => page.drawRectangle({ x: lineStart, y: y - 2, width: width - margin - lineStart, height: 0.75, color: ink }));
  }
  y -= 30;
  tagged.as("H2", () => (y = write(page, cover.insideTitle, { x: margin, y, font: bold, size: 15, color: ink, maxWidth: width - 2 * margin })));
  y -= 6;
  for (const item of items) {
    const label = `${cover.pageLabel} ${item.page}`;
    const labelWidth = regular.widthOfTextAtSize(label, 13);
    // Read as written: the guide's title, then its page.
    tagged.as("P", () => {
      const below = write(page, item.title, { x: margin, y, font: regular, size: 13, color: ink, maxWidth: width - 2 * margin - labelWidth - 18 });
      page.drawText(label, { x: width - margin - labelWidth, y: y - 13, size: 13, font: regular, color: ink });
      y = below - 6;
    }, { ActualText: `${item.title}, ${label}` });
  }
  y -= 24;
  tagged.decoration(() => page.drawRectangle({ x: margin, y: y + 6, width: width - 2 * margin, height: 1.5, color: brand }));
  y -= 14;
  tagged.as("P", () => (y = write(page, cover.phone, { x: margin, y, font: bold, size: 18, color: ink, maxWidth: width - 2 * margin })));
  y -= 6;
  for (const line of cover.contactLines) tagged.as("P", () => (y = write(page, line, { x: margin, y, font: regular, size: 12, color: ink, maxWidth: width - 2 * margin }) - 2));
  tagged.as("P", () => write(page, cover.note, { x: margin, y: margin + 40, font: regular, size: 11, color: rgb(0.24, 0.28, 0.33), maxWidth: width - 2 * margin }));
}

/**
 * Draws the logo below `y`, as the brochures' covers do: a wordmark (wider than cover.logo.wordmarkRatio:
 * the clinic's name is in it) larger and alone, up to a width cap; any other logo as a badge with the
 * name beside it. Returns the y below it.
 */
function drawLogo(page, image, { x, y, maxWidth, cover, bold, brand, write, tagged }) {
  const ratio = image.width / image.height;
  if (ratio > (cover.logo?.wordmarkRatio ?? 2.5)) {
    const drawnWidth = Math.min(200, 44 * ratio, maxWidth);
    const drawnHeight = drawnWidth / ratio;
    // A wordmark: the clinic's name is in the picture, so the picture says it.
    tagged.as("Figure", () => page.drawImage(image, { x, y: y - drawnHeight, width: drawnWidth, height: drawnHeight }), { Alt: cover.clinic });
    return y - drawnHeight;
  }
  const drawnHeight = 36;
  const drawnWidth = Math.min(drawnHeight * ratio, maxWidth / 3);
  // A badge beside the name, which is written: decoration.
  tagged.decoration(() => page.drawImage(image, { x, y: y - drawnWidth / ratio, width: drawnWidth, height: drawnWidth / ratio }));
  let below = y;
  tagged.as("P", () => {
    below = write(page, cover.clinic, { x: x + drawnWidth + 10, y: y - drawnHeight / 2 + 9, font: bold, size: 14, color: brand, maxWidth: maxWidth - drawnWidth - 10 });
  });
  return Math.min(below, y - drawnWidth / ratio);
}

/** Draws text wrapped to `maxWidth`; returns the y below it. */
function write(page, text, { x, y, font, size, color, maxWidth }) {
  const lineHeight = size * 1.3;
  let line = "";
  const lines = [];
  for (const word of String(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  // Each line but the last ends in its space, so text read from the PDF keeps the words apart.
  for (const [index, content] of lines.entries()) {
    page.drawText(index < lines.length - 1 ? `${content} ` : content, { x, y: y - size - index * lineHeight, size, font, color });
  }
  return y - lines.length * lineHeight;
}

function hexColour(rgb, hex) {
  const value = (start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255;
  return rgb(value(1), value(3), value(5));
}
