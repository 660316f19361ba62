/** One segment of a JPEG's header: its marker, and where it starts (at its 0xFF) and ends. */
export interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

/**
 * A JPEG's segments from after its start marker up to its image data (SOS, not included), read
 * `length` bytes at `at` through `read` (a file is read segment header by segment header: EXIF and
 * colour profiles are large). Fill bytes (0xFF) before a marker are skipped. Ends early at anything
 * that is not a marker; `cut` is set when a segment runs past the end.
 */
export function* jpegSegments(read: (at: number, length: number) => Uint8Array): Generator<JpegSegment, { at: number; cut: boolean }> {
  let at = 2;
  for (let header = read(at, 4); header.length >= 2 && header[0] === 0xff; header = read(at, 4)) {
    if (header[1] === 0xff) {
      at++; // a fill byte before a marker
      continue;
    }
    if (header[1] === 0xda || header.length < 4) return { at, cut: header[1] !== 0xda };
    const end = at + 2 + ((header[2]! << 8) | header[3]!);
    if (read(end - 1, 1).length < 1) return { at, cut: true };
    yield { marker: header[1]!, start: at, end };
    at = end;
  }
  return { at, cut: false };
}
