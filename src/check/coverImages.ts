import { contentImageFile } from "../content/contentImageFile.ts";
import { pictureFileProblem, printResolutionProblem } from "../content/pictureFile.ts";
import { type Check, fieldProblem } from "./types.ts";

/**
 * A guide's cover picture (front matter `image:`) must be a picture file that can be read: it is on
 * the home page, the guide's page, every brochure cover and the share card, so a missing one stops
 * the build before anything is made. (The schema already refuses an address outside images/.)
 */
export const checkCoverImages: Check = ({ content, contentDir }) =>
  content.procedures.flatMap((guide) => {
    const src = guide.image?.src;
    const file = src && contentImageFile(contentDir, src);
    const problem = file && pictureFileProblem(contentDir, src, file);
    if (problem) return [fieldProblem(guide, "image", "error", "images", `"image › src" ${src} ${problem}`)];
    // On every brochure's cover, across the column.
    const blurred = file && printResolutionProblem(file, { cover: true });
    return blurred ? [fieldProblem(guide, "image", "warning", "images", `"image › src" ${src} ${blurred}`)] : [];
  });
