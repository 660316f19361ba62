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

  drawCover(pack.addPage([width, height]), { regular, bold, rgb, cover, logoImage, items: brochures.map((brochure, index) => ({ title: brochure.title, page: starts[index] })) });
  for (const [index, source] of sources.entries()) {
    while (pack.getPageCount() < starts[index] - 1) pack.addPage(sizeOf(source.getPage(0)));
    for (const page of await pack.copyPages(source, source.getPageIndices())) pack.addPage(page);
  }
  // Each guide's footer numbers its own pages ("Page 1 of 2"); in the pack it says the pack's page,
  // the number the cover lists, so the two agree.
  for (const [index, page] of pack.getPages().entries()) {
    if (index > 0) renumberFooter(PDFLib, pack, page, { text: fill(cover.pageOf ?? "{page}", { page: index + 1, pages: pack.getPageCount() }), font: regular, rgb });
  }

  pack.setTitle(cover.title, { showInWindowTitleBar: true });
  pack.setAuthor(cover.clinic);
  pack.setSubject(brochures.map((brochure) => brochure.title).join(", "));
  pack.setLanguage(cover.lang);
  pack.setCreator("Pamphlet");
  pack.setProducer("Pamphlet");
  return { bytes: await pack.save({ objectsPerTick: Infinity }), starts, pages: pack.getPageCount() };
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

/**
 * Replaces a brochure page's running page number ("Page 1 of 2", the `@page` bottom-right box) with
 * `text`. Chromium draws each margin box's words as separate text objects in CSS pixels (y down), and
 * Pamphlet marks them `/Artifact`: the page number is the artifact text in the bottom margin on the
 * right half of the page. Those objects are removed and `text` drawn right-aligned on their baseline,
 * at their size. A page without such a number (a blank page) is left as it is.
 */
function renumberFooter({ PDFName, PDFArray, PDFRawStream, decodePDFRawStream }, pack, page, { text, font, rgb }) {
  const contents = page.node.Contents();
  if (!contents) return;
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
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
  // Right-aligned where the old number ended: the page's right margin mirrors the footer's left one.
  const leftMargin = Math.min(...leftFooterXs(source, width, height, px));
  const right = Number.isFinite(leftMargin) ? width - leftMargin : Math.max(...found.map((item) => item.x)) + found[0].size * 2;
  const size = found[0].size;
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: found[0].baseline, size, font, color: rgb(0.239, 0.282, 0.329) });
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

function drawCover(page, { regular, bold, rgb, cover, logoImage, items }) {
  const { width, height } = page.getSize();
  const margin = 54;
  const ink = rgb(0.106, 0.122, 0.141);
  const brand = hexColour(rgb, cover.colour);
  let y = height - margin;

  page.drawRectangle({ x: margin, y: y - 10, width: width - 2 * margin, height: 10, color: brand });
  y -= 28;
  if (logoImage) y = drawLogo(page, logoImage, { x: margin, y, maxWidth: width - 2 * margin, cover, bold, brand, write });
  else y = write(page, cover.clinic, { x: margin, y: y - 12, font: bold, size: 14, color: brand, maxWidth: width - 2 * margin });
  y -= 30;
  y = write(page, cover.title, { x: margin, y, font: bold, size: 30, color: ink, maxWidth: width - 2 * margin });
  y -= 12;
  // Blank lines to fill in by hand: the pack itself stores and sends no patient details.
  for (const label of cover.writeIn ?? []) {
    y -= 26;
    page.drawText(label, { x: margin, y, size: 12, font: regular, color: ink });
    const lineStart = margin + Math.max(...(cover.writeIn ?? []).map((text) => regular.widthOfTextAtSize(text, 12))) + 12;
    page.drawRectangle({ x: lineStart, y: y - 2, width: width - margin - lineStart, height: 0.75, color: ink });
  }
  y -= 30;
  y = write(page, cover.insideTitle, { x: margin, y, font: bold, size: 15, color: ink, maxWidth: width - 2 * margin });
  y -= 6;
  for (const item of items) {
    const label = `${cover.pageLabel} ${item.page}`;
    const labelWidth = regular.widthOfTextAtSize(label, 13);
    page.drawText(label, { x: width - margin - labelWidth, y: y - 13, size: 13, font: regular, color: ink });
    y = write(page, item.title, { x: margin, y, font: regular, size: 13, color: ink, maxWidth: width - 2 * margin - labelWidth - 18 }) - 6;
  }
  y -= 24;
  page.drawRectangle({ x: margin, y: y + 6, width: width - 2 * margin, height: 1.5, color: brand });
  y -= 14;
  y = write(page, cover.phone, { x: margin, y, font: bold, size: 18, color: ink, maxWidth: width - 2 * margin });
  y -= 6;
  for (const line of cover.contactLines) y = write(page, line, { x: margin, y, font: regular, size: 12, color: ink, maxWidth: width - 2 * margin }) - 2;
  write(page, cover.note, { x: margin, y: margin + 40, font: regular, size: 11, color: rgb(0.24, 0.28, 0.33), maxWidth: width - 2 * margin });
}

/**
 * Draws the logo below `y`, as the brochures' covers do: a wordmark (wider than cover.logo.wordmarkRatio:
 * the clinic's name is in it) larger and alone, up to a width cap; any other logo as a badge with the
 * name beside it. Returns the y below it.
 */
function drawLogo(page, image, { x, y, maxWidth, cover, bold, brand, write }) {
  const ratio = image.width / image.height;
  if (ratio > (cover.logo?.wordmarkRatio ?? 2.5)) {
    const drawnWidth = Math.min(200, 44 * ratio, maxWidth);
    const drawnHeight = drawnWidth / ratio;
    page.drawImage(image, { x, y: y - drawnHeight, width: drawnWidth, height: drawnHeight });
    return y - drawnHeight;
  }
  const drawnHeight = 36;
  const drawnWidth = Math.min(drawnHeight * ratio, maxWidth / 3);
  page.drawImage(image, { x, y: y - drawnWidth / ratio, width: drawnWidth, height: drawnWidth / ratio });
  const below = write(page, cover.clinic, { x: x + drawnWidth + 10, y: y - drawnHeight / 2 + 9, font: bold, size: 14, color: brand, maxWidth: maxWidth - drawnWidth - 10 });
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
  for (const [index, content] of lines.entries()) page.drawText(content, { x, y: y - size - index * lineHeight, size, font, color });
  return y - lines.length * lineHeight;
}

function hexColour(rgb, hex) {
  const value = (start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255;
  return rgb(value(1), value(3), value(5));
}
