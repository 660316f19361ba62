import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import type { Page } from "puppeteer-core";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { loadContent } from "../src/content/load.ts";
import { startDevServer } from "../src/dev/devServer.ts";
import { scaffoldClinic } from "../src/init/scaffold.ts";
import { devEvents } from "./helpers/events.ts";
import { repoRoot } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

/**
 * `pamphlet dev` over a temporary copy of the shipped content (both languages), or the clinic `init` writes
 * (`scaffolded`), and a Chromium tab signed in to /admin/.
 */
async function editing(t: ExecutionContext, { scaffolded = false } = {}) {
  // Building the shipped library, starting Chromium and typing a whole form take minutes on a loaded machine.
  t.timeout(8 * 60_000, "the editor test");
  const root = await mkdtemp(path.join(os.tmpdir(), "pamphlet-editor-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  const contentDir = path.join(root, "content");
  if (scaffolded) await scaffoldClinic({ dir: root, country: "US", host: "github" });
  else await cp(path.join(repoRoot, "content"), contentDir, { recursive: true });
  const server = await startDevServer({ contentDir, siteDir: path.join(root, "output", "dev-site"), port: 0 });
  t.teardown(() => server.close());
  const events = await devEvents(server.origin);
  t.teardown(() => events.close());
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${server.origin}/admin/`);
  await (await page.waitForSelector("button::-p-text(Login)", { timeout: 60_000 }))!.click();
  await page.waitForSelector("::-p-text(Guides (English))", { timeout: 60_000 });
  /** Resolves once `url` of the dev server shows `pattern`, checking after each rebuild. */
  const untilPage = async (url: string, pattern: RegExp) => {
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const reloaded = events.next("reload", 60_000).catch(() => undefined);
      if (pattern.test(await (await fetch(`${server.origin}${url}`)).text())) return;
      await reloaded;
    }
    throw new Error(`${url} did not show ${pattern}`);
  };
  return { contentDir, origin: server.origin, page, errors, untilPage };
}

/** Types into the form field named `name` (Decap labels each input `<name>-field-<n>`), replacing what was there. */
async function fill(page: Page, name: string, value: string) {
  const input = (await page.waitForSelector(`[id^="${name}-field-"]`, { timeout: 30_000 }))!;
  await input.click({ count: 3 });
  await page.keyboard.press("Backspace");
  await input.type(value);
}

/** Presses Publish → Publish now, as a writer does, and waits for Decap to say it saved. */
async function publish(page: Page) {
  await (await page.waitForSelector("[class*=ToolbarDropdown] ::-p-text(Publish)"))!.click();
  await (await page.waitForSelector('[role="menuitem"]::-p-text(Publish now)'))!.click();
}

test.serial(
  "a guide created through the form in /admin/ is written as Markdown with valid front matter, served as a page, and printed as a live PDF",
  async (t) => {
    const { contentDir, origin, page, errors, untilPage } = await editing(t);
    await page.goto(`${origin}/admin/#/collections/procedures/new`);
    await fill(page, "title", "Vein glue closure");
    await fill(page, "summary", "A medical glue closes a larger vein from the inside, through one small needle.");
    // Category: a select of clinic.yaml's categories.
    await (await page.waitForSelector('[id^="category-field-"]'))!.click();
    await (await page.waitForSelector("::-p-text(Larger varicose veins)"))!.click();
    await fill(page, "duration", "About 45 minutes");
    await fill(page, "downtime", "Back to normal the same day");
    await fill(page, "sessions", "Usually one");
    await fill(page, "resultsTimeline", "The vein closes at once and fades over months");
    await fill(page, "candidates", "Adults with a leaking main vein seen on an ultrasound scan.");
    await fill(page, "veinsTreated", "Larger varicose veins");
    await fill(page, "anaesthesia", "A little local numbing");
    await fill(page, "reviewer", "Dr. Jordan Avery, MD");
    // The date: today's, with the date widget's own button.
    await (await page.waitForSelector("button::-p-text(Now)"))!.click();
    // The body: Markdown as typed, with no mode to choose first; its hint shows the syntax of a picture.
    t.regex(
      await (await page.waitForSelector("::-p-text(A picture:)"))!.evaluate((hint) => hint.textContent ?? ""),
      /!\[what it shows\]\(\/images\/name\.jpg#half "caption"\)/,
    );
    await (await page.waitForSelector('[data-slate-editor="true"]'))!.click();
    await page.keyboard.type("## What it is\n\nA doctor closes the vein with a small amount of medical glue.\n");
    await publish(page);

    const file = path.join(contentDir, "procedures", "vein-glue-closure.md");
    await untilPage("/procedures/vein-glue-closure/", /<h1[^>]*>\s*Vein glue closure/);
    const written = await readFile(file, "utf8");
    t.regex(written, /^---\ntitle: Vein glue closure\n[\s\S]*\n---\n/);
    t.regex(written, /## What it is\n\nA doctor closes the vein/);
    t.regex(written, /\nlastReviewed: \d{4}-\d{2}-\d{2}\n/);
    const { content, problems } = await loadContent(contentDir);
    t.deepEqual(
      problems.filter((problem) => problem.severity === "error"),
      [],
    );
    t.like(
      content?.procedures.find((procedure) => procedure.slug === "vein-glue-closure"),
      {
        category: "Larger varicose veins",
        reviewer: "Dr. Jordan Avery, MD",
      },
    );
    const pdf = await fetch(`${origin}/brochures/vein-glue-closure.pdf`);
    t.is(pdf.status, 200);
    t.is(pdf.headers.get("content-type"), "application/pdf");
    const pdfFile = path.join(contentDir, "..", "vein-glue-closure.pdf");
    await writeFile(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    t.regex(await pdfText(pdfFile), /Vein glue closure/);
    t.deepEqual(errors, []);
  },
);

test.serial("editing a Spanish guide through /admin/ changes the Spanish page", async (t) => {
  const { contentDir, origin, page, untilPage } = await editing(t);
  await page.goto(`${origin}/admin/#/collections/procedures-es/entries/sclerotherapy`);
  // The preview pane opens the Spanish page and brochure, not the English ones.
  const links = async () => {
    const preview = (await (await page.waitForSelector("iframe"))!.contentFrame())!;
    await preview.waitForSelector("#pamphlet-preview a", { timeout: 30_000 });
    return preview.$$eval("#pamphlet-preview p a", (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  };
  t.deepEqual(await links(), [`${origin}/es/procedures/sclerotherapy/`, `${origin}/brochures/es/sclerotherapy.pdf`]);
  await fill(page, "title", "Escleroterapia para arañas vasculares");
  await publish(page);
  await untilPage("/es/procedures/sclerotherapy/", /<h1[^>]*>\s*Escleroterapia para arañas vasculares/);
  t.regex(await readFile(path.join(contentDir, "es", "procedures", "sclerotherapy.md"), "utf8"), /\ntitle: Escleroterapia para arañas vasculares\n/);
  t.notRegex(await readFile(path.join(contentDir, "procedures", "sclerotherapy.md"), "utf8"), /arañas/, "the English guide is untouched");
  // A page is at /<slug>/ (/es/<slug>/ in Spanish), and has no brochure.
  await page.goto("about:blank"); // a new load of the editor, not a route change with the guide's pane still there
  await page.goto(`${origin}/admin/#/collections/pages-es/entries/about`);
  t.deepEqual(await links(), [`${origin}/es/about/`]);
  t.is((await fetch(`${origin}/es/about/`)).status, 200);
});

test.serial("the preview pane shows Pamphlet's page, the live brochure and check's notes; a save the schema refuses is refused in check's words", async (t) => {
  const { contentDir, origin, page } = await editing(t);
  const before = await readFile(path.join(contentDir, "procedures", "sclerotherapy.md"), "utf8");
  await page.goto(`${origin}/admin/#/collections/procedures/entries/sclerotherapy`);
  await page.waitForSelector('[id^="title-field-"]', { timeout: 30_000 });
  const preview = (await (await page.waitForSelector("iframe"))!.contentFrame())!;
  const shown = (await (await preview.waitForSelector("#pamphlet-preview iframe", { timeout: 30_000 }))!.contentFrame())!;
  await shown.waitForSelector("h1::-p-text(Sclerotherapy)", { timeout: 30_000 });
  t.is(await preview.$eval("a::-p-text(live brochure)", (link) => (link as HTMLAnchorElement).href), `${origin}/brochures/sclerotherapy.pdf`);
  t.regex(await (await preview.waitForSelector(".pamphlet-notes", { timeout: 30_000 }))!.evaluate((notes) => notes.textContent ?? ""), /npm run check/);

  await fill(page, "title", "Hi");
  await publish(page);
  const toast = await (await page.waitForSelector(".Toastify ::-p-text(Not saved)", { timeout: 30_000 }))!.evaluate(
    (node) => node.closest(".Toastify")!.textContent ?? "",
  );
  t.regex(toast, /procedures\/sclerotherapy\.md:\d+:\d+ {2}error {2}"title" must be at least 3 characters; got "Hi" {2}\(schema\)/);
  t.is(await readFile(path.join(contentDir, "procedures", "sclerotherapy.md"), "utf8"), before, "the file is untouched");
});

test.serial("clinic.yaml opens as a settings form in /admin/, and a save there rebuilds the site with it", async (t) => {
  const { contentDir, origin, page, untilPage } = await editing(t);
  await page.goto(`${origin}/admin/#/collections/settings/entries/clinic`);
  t.is(
    await (await page.waitForSelector('[id^="name-field-"]', { timeout: 30_000 }))!.evaluate((input) => (input as HTMLInputElement).value),
    "Maple Grove Vein Clinic (sample)",
    "the form shows clinic.yaml (which starts with comments)",
  );
  await fill(page, "name", "Maple Grove Vein Centre");
  await publish(page);
  await untilPage("/", /Maple Grove Vein Centre/);
  const { problems } = await loadContent(contentDir);
  t.deepEqual(
    problems.filter((problem) => problem.severity === "error"),
    [],
    "the whole clinic.yaml written back by the form is valid",
  );
  t.regex(await readFile(path.join(contentDir, "_data", "clinic.yaml"), "utf8"), /^name: Maple Grove Vein Centre$/m);
});

test.serial("clinic.yaml as init writes it (categories as plain text, one language) saves from the settings form", async (t) => {
  const { contentDir, origin, page, errors, untilPage } = await editing(t, { scaffolded: true });
  await page.goto(`${origin}/admin/#/collections/settings/entries/clinic`);
  await fill(page, "phone", "(312) 555-0188");
  await publish(page);
  await untilPage("/", /\(312\) 555-0188/);
  const { content, problems } = await loadContent(contentDir);
  t.deepEqual(
    problems.filter((problem) => problem.severity === "error"),
    [],
  );
  t.is(content?.clinic.phone, "(312) 555-0188");
  t.deepEqual(errors, [], "the form did not fail in the page");
});
