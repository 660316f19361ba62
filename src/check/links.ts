import { existsSync } from "node:fs";
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { clinicFormats } from "../shared/formats.ts";
import { closestWord } from "../shared/closestWord.ts";
import { proseLines, withoutInlineCode } from "../content/codeFences.ts";
import { contentImageFile } from "../content/contentImageFile.ts";
import { imageSizes } from "../content/imageSize.ts";
import { headingsOf, parseMarkdown } from "../content/markdown.ts";
import { pageIds, siteRoutes } from "../shared/siteRoutes.ts";
import { isExternalHref, pageUrl, procedureUrl } from "../shared/routes.ts";
import { pictureFileProblem, printResolutionProblem, svgTextProblem } from "../content/pictureFile.ts";
import { bodyProblem, documentsOf, type Check, type DocumentSource, type Problem } from "./types.ts";

/**
 * Internal links and images in procedure bodies: a link must lead to a page, file or heading that
 * exists; an image must exist in the content folder, have alt text, and any size be a known one. External links are not
 * fetched (the build has no network, and a patient site should not depend on one).
 */
export const checkLinks: Check = ({ content, contentDir }) => {
  const routes = siteRoutes(content);
  const urlOf = (document: DocumentSource) => ("category" in document ? procedureUrl : pageUrl)(document.slug, document.lang, content.clinic);
  const parsed = new Map(documentsOf(content).map((document) => [document, parseMarkdown(document.body)]));
  const anchors = new Map(
    documentsOf(content).map((document) => [urlOf(document), new Set([...pageIds, ...headingsOf(document.body).map((heading) => heading.id)])]),
  );
  return documentsOf(content).flatMap((procedure) => {
    const pageUrl = urlOf(procedure);
    const lines = procedure.body.split("\n");
    const problems: Problem[] = [];
    for (const { token, line } of inlineTokens(parsed.get(procedure)!)) {
      const at = (needle: string) => bodyProblemAt(procedure, lines, line, needle);
      if (token.type === "image") {
        const src = token.attrGet("src") ?? "";
        if (token.content.trim() === "")
          problems.push(at(src)("error", "images", `image ${src} has no alt text: describe what it shows inside the brackets, ![like this](${src})`));
        // A size or caption makes a figure only of a picture alone in its paragraph (src/content/markdown.ts).
        const ignored = [token.meta?.size && "size", token.attrGet("title") && "caption"].filter(Boolean);
        if (ignored.length > 0 && !token.meta?.figure)
          problems.push(
            at(src)(
              "warning",
              "images",
              `image ${src}'s ${ignored.join(" and ")} ${ignored.length > 1 ? "are" : "is"} ignored: a picture takes a size or caption only on a line ` +
                "of its own, with a blank line before and after (in a sentence, a list or a table it is shown at full size, its caption only as a tooltip)",
            ),
          );
        const target = resolve(src, pageUrl);
        const file = target && contentImageFile(contentDir, target.pathname);
        if (!target) {
          problems.push(
            at(src)(
              "error",
              "images",
              `image ${src} is on another site: the pages load nothing from elsewhere (a patient's visit stays private). ` +
                `Save it in ${path.join(contentDir, "images")} and write /images/<name>`,
            ),
          );
        } else if (!file) {
          // `images/x.png` (no leading /) is read from the page's own folder, not the site's images/.
          const rooted = `/${src.replace(/^(\.\/|(\.\.\/)+)/, "")}`;
          const fix =
            !src.startsWith("/") && contentImageFile(contentDir, rooted) && existsSync(contentImageFile(contentDir, rooted)!)
              ? `write ${rooted}, with the leading / (without it, the address is read from the page's own folder)`
              : `put the file in ${path.join(contentDir, "images")} and write /images/<name>`;
          problems.push(at(src)("error", "images", `image ${src} is not in the images folder: ${fix}`));
        } else {
          const problem = pictureFileProblem(contentDir, target.pathname, file);
          if (problem) problems.push(at(src)("error", "images", `image ${src} ${problem}`));
          const text = !problem && svgTextProblem(file);
          if (text) problems.push(at(src)("warning", "images", `image ${src} ${text}`));
          // Its share of the column: a size makes a figure of a picture alone in its paragraph (see above).
          const share = token.meta?.figure ? sizeShares[token.meta.size as keyof typeof sizeShares] : undefined;
          const blurred = !problem && printResolutionProblem(file, { share });
          if (blurred) problems.push(at(src)("warning", "images", `image ${src} ${blurred}`));
        }
        // A known size (#small, #half, #full) was taken off the address as it was read (src/content/imageSize.ts).
        if (target?.hash) problems.push(at(target.hash)("error", "images", unknownSize(src, decodeURIComponent(target.hash.slice(1)))));
      }
      if (token.type === "link_open") {
        const href = token.attrGet("href") ?? "";
        const target = resolve(href, pageUrl);
        if (!target) continue;
        const route = target.pathname.endsWith("/") || target.pathname.includes(".") ? target.pathname : `${target.pathname}/`;
        const isImage = route.startsWith("/images/");
        const imageFile = isImage && contentImageFile(contentDir, route);
        if (isImage ? !imageFile || !existsSync(imageFile) : !routes.has(route)) {
          const why = route.startsWith("/brochures/")
            ? "the build does not publish that brochure: " +
              `link to one of the formats in brochureFormats in clinic.yaml (${clinicFormats(content.clinic).join(", ")}), or add its format there`
            : `there is no page or file ${route} on the site${likelyRoute(route, routes)}`;
          problems.push(at(href)("error", "links", `link to ${href} leads nowhere: ${why}`));
        } else if (target.hash && anchors.has(route) && !anchors.get(route)!.has(decodeURIComponent(target.hash.slice(1)))) {
          const known = anchors.get(route)!;
          const wanted = decodeURIComponent(target.hash.slice(1)).toLowerCase();
          const likely = closestWord(wanted, [...known]) ?? [...known].find((id) => wanted.length >= 3 && id.includes(wanted));
          const hint = likely
            ? `did you mean #${likely}?`
            : `its sections are ${[...known]
                .filter((id) => !pageIds.includes(id))
                .map((id) => `#${id}`)
                .join(", ")}`;
          problems.push(at(href)("error", "links", `link to ${href}: the page has no heading "${target.hash.slice(1)}": ${hint}`));
        }
      }
    }
    return [...problems, ...spacedAddresses(procedure)];
  });
};

/** The part of the column a picture of each size takes in print (templates/css/brochure.css). */
const sizeShares = { small: 0.33, half: 0.5, full: 1 } as const;

/**
 * `![Leg wrap](/images/leg wrap.svg)`: Markdown ends an address at a space, so the line is shown as
 * text, on the page and in every brochure. (A space before a "title" or inside <…> is fine.)
 */
function spacedAddresses(procedure: DocumentSource): Problem[] {
  const problems: Problem[] = [];
  proseLines(procedure.body).forEach((text, index) => {
    // (Inline code is shown as written, so a `[x](a b)` there is meant.)
    const prose = withoutInlineCode(text);
    for (const match of prose.matchAll(/(!?)\[[^\]]*\]\(([^()<>]*\s[^()<>]*)\)/g)) {
      const written = match[2]!.trim();
      if (!/\s/.test(written) || /^\S+\s+["']/.test(written)) continue;
      // The address without its caption ("…" after it) or size (#half): the file's name is what to rename.
      const address = written.replace(/\s+(["'])[^"']*\1$/, "");
      const file = address.replace(/#[^#]*$/, "");
      const fix = match[1] ? `rename the file without spaces (e.g. ${file.replace(/\s+/g, "-")})` : "take the spaces out of the address";
      const [what, rule] = match[1] ? ["an image", "images"] : ["a link", "links"];
      problems.push(
        bodyProblem(
          procedure,
          index + 1,
          "error",
          rule,
          `${address} has a space in its address, so it shows as text instead of ${what}: ${fix}`,
          match.index! + 1,
        ),
      );
    }
  });
  return problems;
}

/**
 * `[x](javascript:…)`, `![x](file:///…)`: Markdown makes no link or picture of an address that could
 * run a script or read a file (javascript:, vbscript:, file:, data: but a PNG, JPEG, GIF or WebP), and
 * pages and brochures show the line as written, with no word from the build. An error of `check`,
 * which the publishing workflow runs; the build goes on (the line is harmless text).
 */
export const checkRefusedAddresses: Check = ({ content }) => documentsOf(content).flatMap(refusedAddresses);

function refusedAddresses(procedure: DocumentSource): Problem[] {
  const problems: Problem[] = [];
  proseLines(procedure.body).forEach((text, index) => {
    const prose = withoutInlineCode(text);
    for (const match of prose.matchAll(/(!?)\[[^\]]*\]\(\s*<?((?:javascript|vbscript|file|data):[^)\s>]*)/gi)) {
      if (/^data:image\/(gif|png|jpeg|webp);/i.test(match[2]!)) continue; // made (markdown-it's own rule); the images check has its say
      const [what, fix] = match[1]
        ? ["a picture", "put the picture in images/ and write /images/<its name>"]
        : ["a link", "link to a web page (https://…) or a page of the site"];
      const shown = match[2]!.length > 40 ? `${match[2]!.slice(0, 40)}…` : match[2]!;
      problems.push(
        bodyProblem(
          procedure,
          index + 1,
          "error",
          "links",
          `${shown} is not an address Markdown makes ${what} of, so the line shows as written: ${fix}`,
          match.index! + 1,
        ),
      );
    }
  });
  return problems;
}

/** `/procedures/sclerotherepy/` → "; did you mean /procedures/sclerotherapy/?" */
function likelyRoute(route: string, routes: Set<string>): string {
  const alike = (candidate: string) =>
    candidate.split("/").length === route.split("/").length &&
    candidate.split("/")[1] === route.split("/")[1] &&
    candidate.endsWith("/") === route.endsWith("/");
  const likely = closestWord(route, [...routes].filter(alike));
  return likely ? `; did you mean ${likely}?` : "";
}

function unknownSize(src: string, hint: string): string {
  const likely = closestWord(hint.toLowerCase(), [...imageSizes]);
  const sizes = imageSizes.map((size) => `#${size}`).join(", ");
  const suggestion = likely ? `did you mean #${likely}? ` : "";
  return `image ${src}: "#${hint}" is not a picture size: ${suggestion}the sizes are ${sizes} (a third, half or all of the text's width), or none`;
}

/** The link or image target on the site, or undefined for external links (http:, mailto:, tel:). */
function resolve(href: string, pageUrl: string): URL | undefined {
  if (isExternalHref(href)) return undefined;
  return new URL(href, `http://site.invalid${pageUrl}`);
}

function* inlineTokens(tokens: Token[]): Generator<{ token: Token; line: number }> {
  for (const block of tokens) {
    if (block.type !== "inline") continue;
    for (const token of block.children ?? []) yield { token, line: (block.map?.[0] ?? 0) + 1 };
  }
}

/** A problem at the first line of the block that holds `needle`, with its column. */
function bodyProblemAt(procedure: DocumentSource, lines: string[], blockLine: number, needle: string) {
  let line = blockLine;
  while (line <= lines.length && !lines[line - 1]!.includes(needle)) line++;
  if (line > lines.length) line = blockLine;
  const column = Math.max(1, lines[line - 1]!.indexOf(needle) + 1);
  return (severity: "error" | "warning", rule: string, message: string) => bodyProblem(procedure, line, severity, rule, message, column);
}
