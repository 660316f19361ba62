import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A synthetic library of `n` procedures made from the shipped English ones (each copied with a
 * numbered slug and title), with the shipped clinic.yaml published in English only.
 */
export async function syntheticLibrary(dir: string, n: number, source = "content"): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "procedures"), { recursive: true });
  await cp(path.join(source, "images"), path.join(dir, "images"), { recursive: true });
  await mkdir(path.join(dir, "_data"), { recursive: true });
  const clinic = (await readFile(path.join(source, "_data", "clinic.yaml"), "utf8")).replace(/^languages: .*$/m, "languages: [en]");
  await writeFile(path.join(dir, "_data", "clinic.yaml"), clinic);
  const originals = (await readdir(path.join(source, "procedures"))).filter((name) => name.endsWith(".md")).sort();
  const texts = await Promise.all(originals.map((name) => readFile(path.join(source, "procedures", name), "utf8")));
  await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const text = texts[i % texts.length]!.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.replace(/^"|"$/g, "")} ${i + 1}`);
      const slug = `${path.basename(originals[i % originals.length]!, ".md")}-${i + 1}`;
      return writeFile(path.join(dir, "procedures", `${slug}.md`), text);
    }),
  );
  return dir;
}
