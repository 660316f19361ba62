import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { runPamphlet } from "./helpers/cli.ts";
import { pdfInfo } from "./helpers/pdf.ts";
import { shippedContent } from "./helpers/shippedContent.ts";

const run = promisify(execFile);

/** How far down its text area page `page` is filled (0 to 1): the lowest word above the running footer. */
async function filled(file: string, page: number): Promise<number> {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file, "-"]);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(stdout)![1]);
  const [top, footer] = [(15 / 25.4) * 72, height - (24 / 25.4) * 72]; // large print's @page margins
  const bottoms = [...stdout.matchAll(/yMax="([\d.]+)"/g)].map((match) => Number(match[1])).filter((y) => y < footer);
  return (Math.max(...bottoms) - top) / (footer - top);
}

const endsBalanced =
  "large print ends balanced: the page before the last is not left half empty for the contact block, which never stands alone on the last page";
test(endsBalanced, async (t) => {
  const shipped = await shippedContent(t);
  const outDir = path.join(shipped.root, "output");
  const build = await runPamphlet(["build", "--formats", "large", "--content", shipped.contentDir, "--out", outDir]);
  t.is(build.code, 0, build.stderr);
  const slugs = (await readdir(path.join(shipped.contentDir, "procedures"))).map((file) => path.basename(file, ".md"));
  for (const folder of ["", "es"]) {
    for (const slug of slugs) {
      const file = path.join(outDir, "brochures", folder, `${slug}.large.pdf`);
      const pages = Number((await pdfInfo(file)).Pages);
      const before = await filled(file, pages - 1);
      // At most the QR code, review date and disclaimer (one block, about a quarter page) are left for the last page.
      t.true(before >= 0.65, `${folder}/${slug}: page ${pages - 1} is ${Math.round(before * 100)} % filled`);
      // The last page holds the end of the back block (QR code, review date, disclaimer), not the contact details alone.
      const { stdout: last } = await run("pdftotext", ["-f", String(pages), "-l", String(pages), file, "-"]);
      t.regex(last, /Scan to read|Escanee para leer/, `${folder}/${slug}: the QR code's line on the last page`);
    }
  }
});
