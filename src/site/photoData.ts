import { imageSize } from "image-size";
import { jpegSegments } from "./jpegSegments.ts";

/**
 * A JPEG without what the camera wrote about the photo: EXIF (the phone's make and model, the time,
 * often where it was taken: GPS), XMP, Photoshop's IPTC block and comments. The picture itself is
 * kept byte for byte, with what decoding it needs (JFIF, the colour profile, Adobe's colour marker).
 * Found by QA: a clinic's phone photo was published as taken, camera details and all.
 */
export function withoutPhotoData(jpeg: Uint8Array): Uint8Array {
  const bytes = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return jpeg; // not a JPEG: check says so
  // Which way up it is shown is no photo data: kept, in an EXIF block of its own (a phone photo stored sideways).
  const orientation = orientationOf(jpeg);
  const kept: Buffer[] = [bytes.subarray(0, 2), ...(orientation > 1 ? [orientationBlock(orientation)] : [])];
  // Segment by segment up to the image data (SOS); what follows is the picture, kept whole.
  const segments = jpegSegments((at, length) => bytes.subarray(at, at + length));
  let next = segments.next();
  for (; !next.done; next = segments.next()) {
    const { marker, start, end } = next.value;
    // APP1 (EXIF, XMP), APP13 (IPTC) and COM are about the photo; APP0, APP2 (ICC) and APP14 (Adobe) are about its colours.
    if (marker !== 0xe1 && marker !== 0xed && marker !== 0xfe) kept.push(bytes.subarray(start, end));
  }
  const { at, cut } = next.value;
  if (cut || at === 2) return jpeg; // cut short: left as it is
  return Buffer.concat([...kept, bytes.subarray(at)]);
}

function orientationOf(jpeg: Uint8Array): number {
  try {
    return imageSize(jpeg).orientation ?? 1;
  } catch {
    return 1;
  }
}

/** An APP1 segment holding only an EXIF orientation tag (0x0112), big-endian. */
function orientationBlock(orientation: number): Buffer {
  const block = Buffer.alloc(36);
  block.writeUInt16BE(0xffe1, 0);
  block.writeUInt16BE(34, 2); // the segment's length, itself included
  block.write("Exif\0\0", 4, "latin1");
  block.write("MM", 10, "latin1"); // TIFF header: big-endian, 42, the first IFD at 8
  block.writeUInt16BE(42, 12);
  block.writeUInt32BE(8, 14);
  block.writeUInt16BE(1, 18); // one entry: orientation, a SHORT, one value
  block.writeUInt16BE(0x0112, 20);
  block.writeUInt16BE(3, 22);
  block.writeUInt32BE(1, 24);
  block.writeUInt16BE(orientation, 28);
  block.writeUInt32BE(0, 32); // no next IFD
  return block;
}
