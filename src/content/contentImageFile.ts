import path from "node:path";
import { isWithin } from "../shared/isWithin.ts";

/**
 * The file in the content's `images/` folder that an image address on the site (`/images/…`)
 * stands for, or undefined when the address leads anywhere else: `/images/..%2F..%2Fsecret.png`
 * decodes to a path outside the folder, and nothing outside it is read or published.
 */
export function contentImageFile(contentDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const imagesDir = path.resolve(contentDir, "images");
  const file = path.resolve(contentDir, `.${path.posix.join("/", decoded)}`);
  return file !== imagesDir && isWithin(file, imagesDir) ? file : undefined;
}
