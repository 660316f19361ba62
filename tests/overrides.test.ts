import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfFonts, pdfText } from "./helpers/pdf.ts";

test("a clinic's own partial and stylesheets, beside its content folder, change the page and the brochure", async (t) => {
  t.timeout(6 * 60_000);
  const site = await fixtureSite(t);
  await mkdir(path.join(site.root, "templates", "partials"), { recursive: true });
  await writeFile(path.join(site.root, "templates", "partials", "at-a-glance.njk"), `<p class="ours">Our own summary box for {{ procedure.title }}</p>\n`);
  await mkdir(path.join(site.root, "styles"));
  await writeFile(path.join(site.root, "styles", "brochure.css"), `.ours::after { content: " (styled for print by the clinic)"; }\n`);
  await writeFile(path.join(site.root, "styles", "site.css"), `.ours { outline: 2px solid; }\n`);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);

  const page = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8");
  t.regex(page, /<p class="ours">Our own summary box for Sclerotherapy<\/p>/, "the partial replaces Pamphlet's on the page");
  t.notRegex(page, /class="glance/, "Pamphlet's own box is gone");
  t.regex(
    page,
    /<link rel="stylesheet" href="\/css\/site\.css">\s*<link rel="stylesheet" href="\/css\/clinic-site\.css">/,
    "the clinic's CSS comes after Pamphlet's",
  );
  t.is(await readFile(path.join(site.siteDir, "css", "clinic-site.css"), "utf8"), ".ours { outline: 2px solid; }\n");
  const text = (await pdfText(path.join(site.brochuresDir, "sclerotherapy.pdf"))).replace(/\s+/g, " ");
  t.regex(text, /Our own summary box for Sclerotherapy \(styled for print by the clinic\)/, "the partial and the brochure CSS reach the PDF");

  // Without the overrides, Pamphlet's own come back on the next build.
  await rm(path.join(site.root, "templates"), { recursive: true });
  const again = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(again.code, 0, again.stderr);
  t.notRegex(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8"), /Our own summary box/);
});

test("a broken override is named as the clinic's own file; a misspelt one (it replaces nothing) is said by check, a partial it includes is not", async (t) => {
  const site = await fixtureSite(t);
  const partials = path.join(site.root, "templates", "partials");
  await mkdir(partials, { recursive: true });
  await writeFile(path.join(partials, "contact.njk"), "<section>\n{% if clinic.phone %}<p>x</p>\n</section>\n");
  // Run as a clinic runs it: in its folder, with the default (relative) output folder.
  const build = await runPamphlet(["build", "--formats", "letter", "--content", "content"], { cwd: site.root });
  t.is(build.code, 1);
  t.regex(build.stderr, /\(templates\/partials\/contact\.njk\) parseIf/, `names the clinic's file: ${build.stderr}`);
  t.notRegex(build.stderr, /\.cache|\/\//, "not the copy the build made of it, nor a path run into another");
  // An override that includes a partial of the clinic's own by a relative path, that partial, an editor's backup and lock.
  await writeFile(path.join(partials, "contact.njk"), '<section>{% include "./contact-map.njk" %}</section>\n');
  await writeFile(path.join(partials, "contact-map.njk"), "<p>Map</p>\n");
  await writeFile(path.join(partials, "contact.njk~"), "<section></section>\n");
  await symlink("root@host.12345:1733600000", path.join(partials, ".#contact.njk"));
  // A misspelt override, which includes a partial of its own.
  await writeFile(path.join(partials, "emergensy.njk"), "{% include 'partials/our-banner.njk' %}\n");
  await writeFile(path.join(partials, "our-banner.njk"), "<p>Ours</p>\n");
  const check = await runPamphlet(["check", ...siteArgs(site)]);
  t.is(check.code, 0, check.output);
  t.regex(check.output, /partials\/emergensy\.njk:1:1 {2}warning {2}replaces nothing: .*Did you mean partials\/emergency\.njk\?/);
  t.is(check.output.match(/replaces nothing/g)?.length, 1, `only the misspelt one: ${check.output}`);
});

test("a brand font from an @fontsource package is embedded in the PDF, and a font not installed is named with what to do", async (t) => {
  t.timeout(6 * 60_000);
  const site = await fixtureSite(t);
  const clinicYaml = path.join(site.contentDir, "_data", "clinic.yaml");
  const original = await readFile(clinicYaml, "utf8");
  await writeFile(clinicYaml, `${original}\nfont: "@fontsource/lexend"\nlogoSize: large\nbooking:\n  url: https://book.example.com/visit\n`);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  const fonts = await pdfFonts(path.join(site.brochuresDir, "sclerotherapy.pdf"));
  t.true(
    fonts.some((font) => /Lexend/.test(font.name) && font.embedded),
    JSON.stringify(fonts),
  );
  t.true(
    fonts.every((font) => font.embedded),
    "nothing from the machine's fonts",
  );
  const clinicCss = await readFile(path.join(site.siteDir, "css", "clinic.css"), "utf8");
  t.regex(clinicCss, /font-family: "Lexend";[\s\S]*url\("\/fonts\/brand\/lexend-latin-400-normal\.woff2"\)/);
  t.regex(clinicCss, /--logo-scale: 1\.5;/, "logoSize: large");
  const page = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8");
  t.regex(page, /<a class="button" href="https:\/\/book\.example\.com\/visit">Book a visit<\/a>/, "the booking button on every page");
  t.regex(
    (await pdfText(path.join(site.brochuresDir, "sclerotherapy.pdf"))).replace(/\s+/g, " "),
    /Book a visit: https:\/\/book\.example\.com\/visit/,
    "and on the brochure's back",
  );

  await writeFile(clinicYaml, `${original}\nfont: "@fontsource/not-installed-here"\n`);
  const missing = await runPamphlet(["check", "--content", site.contentDir]);
  t.is(missing.code, 1);
  t.regex(
    missing.stdout + missing.stderr,
    /clinic\.yaml:\d+:\d+\s+error\s+"font" is @fontsource\/not-installed-here, which is not installed: run npm install @fontsource\/not-installed-here in /,
  );
});
