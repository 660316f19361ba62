/**
 * How wide a picture in a guide's text is drawn, as a share of the text column. A writer gives it
 * after the file's address, `![alt](/images/leg.jpg#half "caption")`: a fragment of the address,
 * so the Decap editor keeps it as part of the file's path, and Markdown needs no extension.
 */
export const imageSizes = ["small", "half", "full"] as const;
export type ImageSize = (typeof imageSizes)[number];

const isImageSize = (word: string): word is ImageSize => (imageSizes as readonly string[]).includes(word);

/** An image address split into the file and its size hint (`#half`); an unknown hint stays in `src` for `check` to name. */
export function imageSizeOf(src: string): { src: string; size?: ImageSize } {
  const at = src.lastIndexOf("#");
  const word = at >= 0 ? src.slice(at + 1) : "";
  return isImageSize(word) ? { src: src.slice(0, at), size: word } : { src };
}
