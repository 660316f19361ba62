import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { loadPdf, PDFName } from "../src/shared/pdfLib.ts";
import { runChecks } from "../src/check/runChecks.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { renderSite } from "../src/site/build.ts";
import { loadStrings } from "../src/shared/strings.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, type FixtureSite } from "./helpers/fixtures.ts";
import { pdfAccessibility, pdfText } from "./helpers/pdf.ts";

/** The basic fixture published in English and Spanish, with only sclerotherapy translated. */
async function bilingualSite(t: import("ava").ExecutionContext): Promise<FixtureSite> {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  await cp(path.join(fixturesDir, "translations", "es"), path.join(site.contentDir, "es"), { recursive: true });
  return site;
}

async function pages(site: FixtureSite) {
  const content = await loadContentOrThrow(site.contentDir);
  const rendered = await renderSite({ content, contentDir: site.contentDir });
  return new Map(rendered.filter((page) => page.url.endsWith("/") || page.url.endsWith(".html")).map((page) => [page.url, page.content]));
}

const hreflangs = (html: string) =>
  Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">/g)].map((match) => [match[1]!, match[2]!]));

test.serial("every page's language switcher leads to its translation, and hreflang pairs are reciprocal", async (t) => {
  const site = await bilingualSite(t);
  const all = await pages(site);
  const origin = "https://fixture.example.org";
  let pairs = 0;
  for (const [url, html] of all) {
    if (/^(\/es)?\/(print|share)\//.test(url)) continue;
    const lang = /<html lang="(\w+)"/.exec(html)![1]!;
    const links = hreflangs(html);
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    const other = lang === "en" ? "es" : "en";
    const target = /href="([^"]+)" hreflang="(\w+)"/.exec(switcher);
    t.truthy(target, `${url} has a language switcher`);
    t.is(target![2], other, url);
    const unindexed = /^(\/es)?\/(404\.html|print-centre\/)$/.exec(url);
    if (unindexed) {
      // Not indexed, so no hreflang; the switcher leads to the same page in the other language.
      t.is(target![1], `${other === "en" ? "" : "/es"}/${unindexed[2]}`, url);
      continue;
    }
    if (links[other]) {
      t.is(`${origin}${target![1]}`, links[other], `${url}: the switcher goes to the translation`);
      t.is(links[lang], `${origin}${url}`, `${url} lists itself`);
      const back = hreflangs(all.get(links[other]!.slice(origin.length))!);
      t.is(back[lang], `${origin}${url}`, `${links[other]} points back to ${url}`);
      pairs++;
    } else {
      t.is(target![1], other === "en" ? "/" : "/es/", `${url} has no translation: the switcher goes to the other language's home`);
    }
  }
  t.true(pairs >= 8, `${pairs} reciprocal pairs`);
  const spanish = all.get("/es/procedures/sclerotherapy/")!;
  t.regex(spanish, /<html lang="es">/);
  t.regex(spanish, /<h2 id="glance-title">De un vistazo<\/h2>/);
  t.regex(spanish, /<link rel="alternate" hreflang="x-default" href="https:\/\/fixture\.example\.org\/procedures\/sclerotherapy\/">/);
  // The country of the clinic's address in the page's language (a Spanish voice read "United States"); as written in English.
  t.regex(all.get("/es/contact/")!, /Testville, OR 97000<br>Estados Unidos<\/p>/);
  t.regex(all.get("/contact/")!, /Testville, OR 97000<br>United States<\/p>/);
});

test.serial("a procedure missing its translation is reported by check, and the Spanish site links to the English page", async (t) => {
  const site = await bilingualSite(t);
  const { problems } = await runChecks(site.contentDir);
  const missing = problems.filter((problem) => problem.rule === "translations");
  t.is(missing.length, 1);
  t.regex(missing[0]!.file, /procedures\/compression-therapy\.md$/);
  t.regex(missing[0]!.message, /has no Spanish translation: add es\/procedures\/compression-therapy\.md/);

  const all = await pages(site);
  const home = all.get("/es/")!;
  t.regex(home, /<a href="\/es\/procedures\/sclerotherapy\/">Escleroterapia<\/a>/);
  t.regex(
    home,
    /<a href="\/procedures\/compression-therapy\/" hreflang="en" lang="en">Compression therapy<\/a> <span class="card__note">\(en inglés\)<\/span>/,
  );
  t.false(all.has("/es/procedures/compression-therapy/"));
  t.regex(all.get("/es/compare/")!, /href="\/procedures\/compression-therapy\/" hreflang="en"/);
});

test.serial("on a Spanish-default site, a guide not yet in English is marked as Spanish on the English pages", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}defaultLanguage: es\nlanguages: [es, en]\n`);
  // The default language's guides sit at the top of the content folder; English goes in en/.
  await cp(path.join(site.contentDir, "procedures", "sclerotherapy.md"), path.join(site.contentDir, "en", "procedures", "sclerotherapy.md"));
  const all = await pages(site);
  for (const url of ["/en/", "/en/search/"]) {
    t.regex(
      all.get(url)!,
      /<a href="\/procedures\/compression-therapy\/" hreflang="es" lang="es">Compression therapy<\/a> <span class="card__note">\(in Spanish\)<\/span>/,
      url,
    );
  }
  t.regex(all.get("/en/compare/")!, /<tr lang="es">[\s\S]*?hreflang="es">Compression therapy<\/a> <span class="card__note" lang="en">\(in Spanish\)<\/span>/);
  t.notRegex([...all.values()].join(""), /\(in English\)/);
});

test.serial("the comparison table is generated from front matter and changes with it", async (t) => {
  const site = await bilingualSite(t);
  const row = (html: string) => /<th scope="row"><a href="\/procedures\/sclerotherapy\/">Sclerotherapy<\/a><\/th>([\s\S]*?)<\/tr>/.exec(html)![1]!;
  const before = row((await pages(site)).get("/compare/")!);
  t.regex(before, /<td data-label="[^"]+">About 30 minutes<\/td>/);
  t.regex(before, /<td data-label="[^"]+">None needed<\/td>/);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(
    file,
    (await readFile(file, "utf8"))
      .replace("duration: About 30 minutes", "duration: About 45 minutes")
      .replace("anaesthesia: None needed", "anaesthesia: A cooling spray"),
  );
  const after = row((await pages(site)).get("/compare/")!);
  t.regex(after, /<td data-label="[^"]+">About 45 minutes<\/td>/);
  t.regex(after, /<td data-label="[^"]+">A cooling spray<\/td>/);
  t.notRegex(after, /About 30 minutes/);
});

test.serial("Spanish brochures are in Spanish, back page and labels included, with the PDF language set to es", async (t) => {
  const site = await bilingualSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const localized = (await readFile(clinicFile, "utf8"))
    .replace("name: Testville clinic", "name: { en: Testville clinic, es: Clínica de Testville }")
    .replace("days: Monday to Friday", "days: { en: Monday to Friday, es: De lunes a viernes }");
  await writeFile(clinicFile, localized);
  // A source in English beside one in Spanish: marked as English, so a screen reader reads it with an English voice.
  const english = "National Institute for Health and Care Excellence. Varicose veins: diagnosis and management.";
  const guide = path.join(site.contentDir, "es", "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace("sources:\n", `sources:\n  - "${english}"\n`));
  const run = await runPamphlet(["build", "--formats", "letter,trifold,booklet", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const pdf = path.join(site.brochuresDir, "es", "sclerotherapy.pdf");
  const text = await pdfText(pdf);
  for (const words of [
    "Escleroterapia",
    "De un vistazo",
    "Cuánto dura",
    "Comuníquese con nosotros",
    "Escanee para leer esta guía en internet",
    "Revisado por última vez el 1 de octubre de 2026",
    "Página 1 de",
    "Esta guía ofrece información general",
  ]) {
    t.true(text.includes(words), `"${words}" in the Spanish brochure`);
  }
  t.notRegex(text, /At a glance|Contact us|Page 1 of/);
  for (const file of ["sclerotherapy.pdf", "sclerotherapy.trifold.pdf", "booklet.pdf"]) {
    const brochure = await pdfText(path.join(site.brochuresDir, "es", file));
    t.regex(brochure, /Clínica de Testville[\s\S]*De lunes a viernes/, `the locations and hours in Spanish in es/${file}`);
    t.notRegex(brochure, /Testville clinic|Monday to Friday/, `no English location or hours in es/${file}`);
    // What a screen reader says of each link: its name as printed, never an English "Call …" or "Go to …".
    const { links } = await pdfAccessibility(path.join(site.brochuresDir, "es", file));
    const english = links.filter((link) => /^(Call|Email|Open|Go to)\b/.test(link.contents ?? ""));
    t.true(links.length > 0 && english.length === 0, `es/${file}: ${english.map((link) => link.contents).join(" | ")}`);
  }
  const contents = (await pdfAccessibility(path.join(site.brochuresDir, "es", "booklet.pdf"))).links.filter((link) => link.dest);
  t.true(
    contents.some((link) => /^Escleroterapia \d+$/.test(link.contents ?? "")),
    "the contents entry names the Spanish guide and its page",
  );
  const document = await loadPdf(await readFile(pdf));
  t.is(document.catalog.lookup(PDFName.of("Lang"))?.toString(), "(es)");
  const page = await readFile(path.join(site.siteDir, "es", "procedures", "sclerotherapy", "index.html"), "utf8");
  t.regex(page, new RegExp(`<li lang="en">${english}</li>`));
  t.regex(page, /<li>MedlinePlus \(Biblioteca Nacional de Medicina de EE\. UU\.\)\. Várices\.<\/li>/, "a Spanish source is the page's language");
  const { PDFDict } = await import("../src/shared/pdfLib.ts");
  const marked = [...document.context.enumerateIndirectObjects()].filter(
    ([, object]) => object instanceof PDFDict && object.has(PDFName.of("S")) && object.get(PDFName.of("Lang"))?.toString() === "(en)",
  );
  t.is(marked.length, 1, "the English source's element in the PDF has Lang en");
  t.regex(await pdfText(path.join(site.brochuresDir, "es", "sclerotherapy.trifold.pdf")), /¿Preguntas\? Llámenos/);
  t.regex(await pdfText(path.join(site.brochuresDir, "es", "booklet.pdf")), /Guías para pacientes[\s\S]*Contenido/);
  t.regex(await readFile(path.join(site.siteDir, "es", "procedures", "sclerotherapy", "index.html"), "utf8"), /href="\/brochures\/es\/sclerotherapy\.pdf"/);
});

test.serial("every language's string file has the same keys as English", (t) => {
  const strings = loadStrings();
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object" ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)];
  const english = keys(strings.en).sort();
  for (const [lang, table] of Object.entries(strings)) t.deepEqual(keys(table).sort(), english, lang);
});

test.serial("the shipped library: eight procedures in English and Spanish, all sections, readable, no translation gaps", async (t) => {
  const content = await loadContentOrThrow("content");
  for (const lang of ["en", "es"]) {
    t.deepEqual(
      content.procedures
        .filter((procedure) => procedure.lang === lang)
        .map((procedure) => procedure.slug)
        .sort(),
      [
        "ambulatory-phlebectomy",
        "compression-therapy",
        "endovenous-laser-ablation",
        "foam-sclerotherapy",
        "medical-adhesive-closure",
        "radiofrequency-ablation",
        "sclerotherapy",
        "vein-consultation",
      ],
      lang,
    );
  }
  const report = await runChecks("content");
  // The shipped clinic is sample data (not released): its sample details are warnings, nothing else is found.
  t.deepEqual(
    report.problems.filter((problem) => problem.rule !== "placeholders" || problem.severity !== "warning"),
    [],
  );
  t.is(report.readingLevels.length, content.procedures.length + content.pages.length);
  for (const level of report.readingLevels) t.true(level.ok, `${level.file}: ${level.formula} ${level.score}`);
});

test("a source's language is read past 'et al.' and authors' initials", async (t) => {
  const { sourceLanguage } = await import("../src/content/language.ts");
  t.is(sourceLanguage("Kabnick LS, et al. Endovenous heat-induced thrombosis (EHIT) classification. J Vasc Surg, 2006.", "en"), undefined);
  t.is(sourceLanguage("Lee Y, Kim O. Endovenous laser ablation outcomes. Phlebology, 2019.", "en"), undefined);
  t.is(sourceLanguage("Rabe E, et al. European guidelines for sclerotherapy in chronic venous disorders. Phlebology, 2014.", "es"), "en");
  t.is(sourceLanguage("MedlinePlus (Biblioteca Nacional de Medicina de EE. UU.). Várices.", "es"), undefined);
  t.is(sourceLanguage("Guía de práctica clínica de la Sociedad Española de Angiología y Cirugía Vascular.", "en"), "es");
});

test("a line or FAQ answer left in English in a Spanish guide is a warning at it; Spanish lines, sources and names pass", async (t) => {
  const site = await bilingualSite(t);
  const spanish = path.join(site.contentDir, "es", "procedures", "sclerotherapy.md");
  await writeFile(
    spanish,
    (await readFile(spanish, "utf8"))
      .replace("Camine un rato. Puede volver al trabajo el mismo día.", "Most people go back to their usual day. Walk every day, and wear your stockings.")
      .replace("lang: es\n", 'lang: es\nfaq:\n  - question: ¿Duele?\n    answer: "It feels like a small pinch, and it is over in a few minutes."\n')
      .replace("Usamos una aguja muy fina.", "Usamos una aguja muy fina de la marca Fine Point Medical."),
  );
  const { problems } = await runChecks(site.contentDir);
  const found = problems.filter((problem) => problem.rule === "language").map((problem) => `${path.basename(problem.file)} ${problem.message}`);
  t.is(found.length, 2, found.join("\n"));
  t.regex(found.join("\n"), /sclerotherapy\.md faq #1 › answer reads as English in a Spanish guide \("It feels like a small pinch/);
  t.regex(found.join("\n"), /sclerotherapy\.md this line reads as English in a Spanish guide \("Most people go back to their usual day.*translate it/);
});
