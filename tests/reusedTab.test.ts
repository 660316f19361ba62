import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { pdfInfo, pdfText } from "./helpers/pdf.ts";

// A tab that has printed a view gets the next one written into its document rather than
// navigated to (openView.ts). These prove that path prints, records and refuses as a navigation does.

const font = await readFile(new URL("../templates/fonts/atkinson-hyperlegible-next-plain-zero-latin-400-normal.woff2", import.meta.url));
const view = (body: string) =>
  `<!doctype html><html lang="en"><title>View</title><link rel="stylesheet" href="/style.css"><body>${body}<img src="/pic.svg" alt="A dot"></body>`;
const devScripts = '<script src="/__pamphlet/live-reload.js" defer></script><script src="/__pamphlet/page-preview.js" type="module"></script>';
const files: Record<string, [string, string | Buffer]> = {
  "/a/": ["text/html", view("<p>First view</p>")],
  "/b/": ["text/html", view("<p>Second view</p>")],
  "/style.css": ["text/css", "@font-face { font-family: Probe; src: url(/font.woff2) format('woff2') } body { font-family: Probe }"],
  "/font.woff2": ["font/woff2", font],
  "/pic.svg": ["image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9"/></svg>`],
  "/moved/view/": ["text/html", `<!doctype html><html lang="en"><title>Moved</title><body><p>Moved view</p><img src="here.svg" alt="A dot"></body>`],
  "/moved/view/here.svg": ["image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9"/></svg>`],
  // A print view as the dev server serves it: with its own scripts, which do nothing in print.
  "/dev-a/": ["text/html", view(`<p>First dev view</p>${devScripts}`)],
  "/dev-b/": ["text/html", view(`<p>Second dev view</p>${devScripts}`)],
  "/__pamphlet/live-reload.js": ["text/javascript", `if (!matchMedia("print").matches) document.body.append("reloading")`],
  "/__pamphlet/page-preview.js": ["text/javascript", `export {};`],
  // A view whose page stylesheet (its paper size) arrives after the view itself.
  "/late/": [
    "text/html",
    '<!doctype html><html lang="en"><title>Late</title><link rel="stylesheet" href="/style.css"><link rel="stylesheet" href="/late.css"><p>Late view',
  ],
  "/late.css": ["text/css", "@page { size: A5 }"],
  "/broken/": ["text/html", '<!doctype html><html lang="en"><title>Broken</title><link rel="stylesheet" href="/missing.css"><p>Broken view'],
  // A fixed box that fits only with the stylesheet that never comes (it would make the text small).
  "/unfit/": [
    "text/html",
    '<!doctype html><html lang="en"><title>Unfit</title><link rel="stylesheet" href="/missing.css">' +
      `<div data-fit="panel" style="height: 20px; overflow: hidden">${"Text the missing styles would fit. ".repeat(40)}</div>`,
  ],
  "/scripted-a/": [
    "text/html",
    view(`<p id="mark">not run</p><script>const mark = "A"; document.getElementById("mark").textContent = mark + " ran";</script>`),
  ],
  "/scripted-b/": [
    "text/html",
    view(`<p id="mark">not run</p><script>const mark = "B"; document.getElementById("mark").textContent = mark + " ran";</script>`),
  ],
};

async function listen(t: ExecutionContext, handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => (server.closeAllConnections(), server.close()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The test site, and how each of its pages was asked for (`navigate` or, fetched by a page, `cors`). */
async function site(t: ExecutionContext, extra: Record<string, [string, string]> = {}) {
  const modes: Record<string, string[]> = {};
  const origin = await listen(t, (request, response) => {
    const file = { ...files, ...extra }[request.url ?? ""];
    (modes[request.url ?? ""] ??= []).push(String(request.headers["sec-fetch-mode"]));
    if (request.url === "/moved/view") return response.writeHead(301, { location: "/moved/view/" }).end();
    if (!file) return response.writeHead(404, { "content-type": "text/html" }).end("<!doctype html><title>Not found</title><p>Not found");
    // The dev server's views and scripts are never cached, as it serves them.
    const cache = /^\/(dev-|__pamphlet\/)/.test(request.url ?? "") ? "no-store" : "max-age=3600";
    // Makes time pass: /late.css answers a second after it is asked for, long after its view has loaded.
    const delay = request.url === "/late.css" ? 1000 : 0;
    setTimeout(() => response.writeHead(200, { "content-type": file[0], "cache-control": cache }).end(file[1]), delay);
  });
  const printer = new BrochurePrinter({ origin, tabs: 1, timeoutMs: 20_000 });
  t.teardown(() => printer.close());
  return { origin, printer, modes };
}

async function pdfFile(t: ExecutionContext, bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-tab-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, "printed.pdf"), bytes);
  return path.join(dir, "printed.pdf");
}

const textOf = async (t: ExecutionContext, bytes: Uint8Array) => pdfText(await pdfFile(t, bytes));

const withoutIcon = (resources: string[]) => resources.filter((resource) => resource !== "/favicon.ico").sort();

test.serial("the second view in a tab is written into it, not navigated to, and prints its own text", async (t) => {
  const { origin, printer, modes } = await site(t);
  await printer.print({ url: `${origin}/a/` });
  const second = await printer.print({ url: `${origin}/b/` });
  t.deepEqual(modes["/a/"], ["navigate"]);
  t.deepEqual(modes["/b/"], ["cors"], "fetched by the page that printed /a/");
  const text = await textOf(t, second.bytes);
  t.regex(text, /Second view/);
  t.notRegex(text, /First view/);
});

test.serial(
  "a view printed second in a tab names the same stylesheet, font and picture as one printed first (the print manifest relies on them)",
  async (t) => {
    const reused = await site(t);
    await reused.printer.print({ url: `${reused.origin}/a/` });
    const second = await reused.printer.print({ url: `${reused.origin}/b/` });
    const fresh = await site(t);
    const first = await fresh.printer.print({ url: `${fresh.origin}/b/` });
    t.deepEqual(withoutIcon(first.resources), ["/b/", "/font.woff2", "/pic.svg", "/style.css"]);
    t.deepEqual(withoutIcon(second.resources), withoutIcon(first.resources));
  },
);

test.serial("a view written into a tab waits for a stylesheet that arrives late: it prints on the paper that stylesheet sets", async (t) => {
  const { origin, printer } = await site(t);
  await printer.print({ url: `${origin}/a/` });
  const late = await printer.print({ url: `${origin}/late/` });
  t.regex((await pdfInfo(await pdfFile(t, late.bytes)))["Page size"]!, / pts \(A5\)$/);
});

test.serial("a view whose stylesheet fails is refused by name, navigated to or written into a tab: it never prints unstyled", async (t) => {
  const { origin, printer } = await site(t);
  const refusal = /stylesheet\(s\) did not load, so the brochure would print without its paper size, margins or styles: \/missing\.css \(answered 404\)/;
  t.regex((await t.throwsAsync(printer.print({ url: `${origin}/broken/` })))!.message, refusal, "navigated to");
  await printer.print({ url: `${origin}/a/` });
  t.regex((await t.throwsAsync(printer.print({ url: `${origin}/broken/` })))!.message, refusal, "written into the tab");
  const unfit = await t.throwsAsync(printer.print({ url: `${origin}/unfit/` }));
  t.regex(unfit!.message, refusal, "named as the cause of what failed after it");
  t.regex(String((unfit!.cause as Error).message), /does not fit: panel is over/);
});

test.serial("a view with scripts is navigated to: its top-level names do not clash with the last view's", async (t) => {
  const { origin, printer } = await site(t);
  await printer.print({ url: `${origin}/scripted-a/` });
  const second = await printer.print({ url: `${origin}/scripted-b/` });
  t.regex(await textOf(t, second.bytes), /B ran/);
});

test.serial("a view with only the dev server's own scripts is written in without them, not navigated to (the dev server's live PDFs)", async (t) => {
  const { origin, printer, modes } = await site(t);
  await printer.print({ url: `${origin}/dev-a/` });
  const second = await printer.print({ url: `${origin}/dev-b/` });
  t.deepEqual(modes["/dev-b/"], ["cors"], "fetched by the page that printed /dev-a/, and nothing more");
  t.deepEqual(modes["/__pamphlet/live-reload.js"], ["no-cors"], "asked for by the first view alone");
  t.regex(await textOf(t, second.bytes), /Second dev view/);
});

test.serial("a missing view asked for in a tab that printed one is refused as a navigation's would be", async (t) => {
  const { origin, printer } = await site(t);
  await printer.print({ url: `${origin}/a/` });
  const error = await t.throwsAsync(printer.print({ url: `${origin}/gone/` }));
  t.regex(error.message, /\/gone\/ answered 404 Not Found: the built site has no such print view/);
});

test.serial("a view written into a tab is as default-deny as a navigated one: another origin is never asked", async (t) => {
  const spied: string[] = [];
  const spy = await listen(t, (request, response) => (spied.push(request.url ?? ""), response.end("body { color: red }")));
  const remote = `<!doctype html><html lang="en"><title>Probe</title><link rel="stylesheet" href="${spy}/other.css"><p>Printed text`;
  const { origin, printer } = await site(t, { "/remote/": ["text/html", remote] });
  await printer.print({ url: `${origin}/a/` });
  const printed = await printer.print({ url: `${origin}/remote/` });
  t.deepEqual(spied, [], "no request reached another origin");
  t.regex(await textOf(t, printed.bytes), /Printed text/);
});

test.serial("a view reached through a redirect resolves its relative links from where it ended, as a navigation does", async (t) => {
  const { origin, printer } = await site(t);
  await printer.print({ url: `${origin}/a/` });
  const moved = await printer.print({ url: `${origin}/moved/view` });
  t.true(moved.resources.includes("/moved/view/here.svg"), moved.resources.join(", "));
  t.regex(await textOf(t, moved.bytes), /Moved view/);
});
