/**
 * Marks as artifacts what Chromium paints outside the structure tree. Chromium tags the document's
 * content but leaves the `@page` margin boxes (the running footer: clinic name, phone, "Page N of
 * M") and some decoration as plain, unmarked content, which PDF/UA forbids (Matterhorn 01-005:
 * content neither tagged nor an artifact) and which screen readers then read on every page.
 *
 * Each text object, path or image painted outside any marked-content sequence is wrapped in
 * `/Artifact BMC … EMC`; content already inside marked content (tagged) is left alone, since an
 * artifact nested in tagged content is itself a failure (Matterhorn 01-003).
 */

/** Each byte's class, looked up once per byte of every content stream: 1 whitespace, 2 delimiter. */
const byteClass = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) byteClass[byte] = 1;
for (const character of "()<>[]{}/%") byteClass[character.charCodeAt(0)] = 2;
const isWhitespace = (byte: number) => byteClass[byte] === 1;
/** Whitespace or a delimiter: where a name, number or operator ends. */
const endsToken = (byte: number) => byteClass[byte] !== 0;
/** A number starts with a digit, a sign or a point; no operator does (they start with a letter, ' or "). */
const startsNumber = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e;
const pathConstruction = new Set(["m", "l", "c", "v", "y", "h", "re"]);
const pathPainting = new Set(["f", "F", "f*", "S", "s", "B", "B*", "b", "b*"]);

interface Instruction {
  operator: string;
  start: number;
  end: number;
}

/** The content stream's instructions (operands + operator) with their byte ranges; undefined if it holds an inline image. */
function instructions(bytes: Uint8Array): Instruction[] | undefined {
  const found: Instruction[] = [];
  let start = -1;
  let i = 0;
  const skipString = () => {
    let nesting = 0;
    for (; i < bytes.length; i++) {
      if (bytes[i] === 0x5c)
        i++; // backslash escapes the next byte
      else if (bytes[i] === 0x28) nesting++;
      else if (bytes[i] === 0x29 && --nesting === 0) return void i++;
    }
  };
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (isWhitespace(byte)) {
      i++;
      continue;
    }
    if (byte === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (start === -1) start = i;
    if (byte === 0x28) skipString();
    else if (byte === 0x3c && bytes[i + 1] !== 0x3c) while (i < bytes.length && bytes[i++] !== 0x3e);
    else if (byte === 0x3c || byte === 0x3e)
      i += 2; // << or >>
    else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d) i++;
    else if (byte === 0x2f) {
      i++;
      while (i < bytes.length && !endsToken(bytes[i]!)) i++;
    } else {
      const tokenStart = i;
      while (i < bytes.length && !endsToken(bytes[i]!)) i++;
      // Most of a content stream is numbers: they are skipped without making a string of them.
      if (startsNumber(byte)) continue;
      let token = "";
      for (let k = tokenStart; k < i; k++) token += String.fromCharCode(bytes[k]!);
      if (token === "true" || token === "false" || token === "null") continue;
      if (token === "BI" || token === "ID") return undefined;
      found.push({ operator: token, start, end: i });
      start = -1;
    }
  }
  return found;
}

/** The content stream with everything painted outside marked content wrapped as artifacts; unchanged when there is none. */
export function markUntaggedAsArtifacts(bytes: Uint8Array): Uint8Array {
  const list = instructions(bytes);
  if (!list) return bytes;
  const wraps: Array<[number, number]> = [];
  let depth = 0;
  let unit: { from: number; tagged: boolean; kind: "text" | "path" } | undefined;
  for (const [index, { operator }] of list.entries()) {
    if (operator === "BMC" || operator === "BDC") {
      if (unit) unit.tagged = true;
      depth++;
      continue;
    }
    if (operator === "EMC") {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0 && !unit) continue;
    if (!unit && operator === "BT") unit = { from: index, tagged: false, kind: "text" };
    else if (!unit && pathConstruction.has(operator)) unit = { from: index, tagged: false, kind: "path" };
    else if (!unit && (operator === "Do" || operator === "sh")) wraps.push([index, index]);
    else if (unit?.kind === "text" && operator === "ET") {
      if (!unit.tagged) wraps.push([unit.from, index]);
      unit = undefined;
    } else if (unit?.kind === "path" && (pathPainting.has(operator) || operator === "n")) {
      if (!unit.tagged && operator !== "n") wraps.push([unit.from, index]);
      unit = undefined;
    }
  }
  if (wraps.length === 0) return bytes;
  const parts: Uint8Array[] = [];
  const open = new TextEncoder().encode("/Artifact BMC\n");
  const close = new TextEncoder().encode("\nEMC\n");
  let copied = 0;
  for (const [from, to] of wraps) {
    const start = list[from]!.start;
    const end = list[to]!.end;
    parts.push(bytes.subarray(copied, start), open, bytes.subarray(start, end), close);
    copied = end;
  }
  parts.push(bytes.subarray(copied));
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}
