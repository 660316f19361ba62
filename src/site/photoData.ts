/**
 * A JPEG without what the camera wrote about the photo: EXIF (the phone's make and model, the time,
 * often where it was taken: GPS), XMP, Photoshop's IPTC block and comments. The picture itself is
 * kept byte for byte, with what decoding it needs (JFIF, the colour profile, Adobe's colour marker).
 * Found by QA: a clinic's phone photo was published as taken, camera details and all.
 */
export function withoutPhotoData(jpeg: Uint8Array): Uint8Array {
  const bytes = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return jpeg; // not a JPEG: check says so
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  // Segment by segment up to the image data (SOS); what follows is the picture, kept whole.
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda) break;
    const end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length) return jpeg; // cut short: left as it is
    // APP1 (EXIF, XMP), APP13 (IPTC) and COM are about the photo; APP0, APP2 (ICC) and APP14 (Adobe) are about its colours.
    if (marker !== 0xe1 && marker !== 0xed && marker !== 0xfe) kept.push(bytes.subarray(at, end));
    at = end;
  }
  if (kept.length === 1 && at === 2) return jpeg;
  return Buffer.concat([...kept, bytes.subarray(at)]);
}
