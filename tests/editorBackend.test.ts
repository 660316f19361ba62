import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import { copyFile, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { loadForBuild } from "../src/check/runChecks.ts";
import { startDevServer } from "../src/dev/devServer.ts";
import { cmsLocalBackend } from "../src/editor/localBackend.ts";
import { startPamphlet } from "./helpers/cli.ts";
import { until } from "./helpers/until.ts";
import { fixtureSite, procedureText, repoRoot } from "./helpers/fixtures.ts";

/** The local backend over a fixture's content folder, on loopback, and a way to call it as Decap does. */
async function backend(t: ExecutionContext) {
  const site = await fixtureSite(t);
  const handle = cmsLocalBackend(site.contentDir);
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__pamphlet/cms`;
  const call = async (action: string, params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ action, params }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: string } };
  };
  return { site, url, call };
}

/** A picture as Decap uploads it (an asset: its bytes in base64). */
const asset = (file: string, bytes: Buffer | string) => ({ path: file, content: Buffer.from(bytes).toString("base64"), encoding: "base64" });

/** A real PNG (1200 × 260) to copy in. */
const pngFixture = path.join(repoRoot, "tests", "fixtures", "images", "wordmark-1200x260.png");

test("a save the schema would refuse is refused with the words check prints, and nothing is written", async (t) => {
  const { site, call } = await backend(t);
  const raw = procedureText({ title: "Hi", titel: "Typo" });
  const saved = await call("persistEntry", { dataFiles: [{ path: "procedures/new-guide.md", raw }], assets: [] });
  t.is(saved.status, 422);
  t.false(existsSync(path.join(site.contentDir, "procedures", "new-guide.md")), "nothing written");

  // What the build (and check) say of the same file in the content folder.
  const other = await fixtureSite(t);
  await writeFile(path.join(other.contentDir, "procedures", "new-guide.md"), raw);
  const expected = (await loadForBuild(other.contentDir)).problems.filter((problem) => problem.severity === "error" && problem.file.endsWith("new-guide.md"));
  t.true(expected.length >= 2, "the title and the typo");
  for (const problem of expected)
    t.true(saved.body.error!.includes(`error  ${problem.message}  (${problem.rule})`), `says: ${problem.message}\n${saved.body.error}`);
  t.regex(saved.body.error!, /procedures\/new-guide\.md:\d+:\d+ {2}error/, "names the file and line as check does");
});

test("in a clinic's folder, `npm run dev` (content named relatively: `content`) saves a guide that shows a picture from images/", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"));
  await copyFile(path.join(repoRoot, "content", "images", "sclerotherapy-steps.svg"), path.join(site.contentDir, "images", "steps.svg"));
  const dev = startPamphlet(["dev", "--port", "18733"], { cwd: site.root });
  t.teardown(() => dev.stop());
  const [, origin] = await dev.waitFor(/Previewing on (http:\/\/localhost:\d+)\//, 120_000);
  const raw = procedureText({ title: "Vein glue closure" }, '## What it is\n\nA short test body.\n\n![The steps](/images/steps.svg "The steps")\n');
  const response = await fetch(`${origin}/__pamphlet/cms`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: origin!, "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ action: "persistEntry", params: { dataFiles: [{ path: "procedures/vein-glue-closure.md", raw }], assets: [] } }),
  });
  t.is(response.status, 200, await response.clone().text());
  t.is(await readFile(path.join(site.contentDir, "procedures", "vein-glue-closure.md"), "utf8"), raw);
});

test("a save showing a picture that is not in images/ is refused, naming where in the content folder to put it", async (t) => {
  const { site, call } = await backend(t);
  const raw = procedureText({ title: "Vein glue closure" }, '## What it is\n\nA short test body.\n\n![The steps](/images/steps.svg "The steps")\n');
  const saved = await call("persistEntry", { dataFiles: [{ path: "procedures/vein-glue-closure.md", raw }], assets: [] });
  t.is(saved.status, 422);
  t.true(saved.body.error!.includes(`put the file at ${path.join(site.contentDir, "images", "steps.svg")}`), saved.body.error);
  t.notRegex(saved.body.error!, /pamphlet-save-/, "not the copy the save was checked in");
});

test("a save the schema accepts is written as sent, and an existing guide's text comes back with its id", async (t) => {
  const { site, call } = await backend(t);
  const raw = procedureText({ title: "Vein glue closure" });
  t.is((await call("persistEntry", { dataFiles: [{ path: "procedures/vein-glue-closure.md", raw }], assets: [] })).status, 200);
  t.is(await readFile(path.join(site.contentDir, "procedures", "vein-glue-closure.md"), "utf8"), raw);
  const listed = await call("entriesByFolder", { folder: "procedures", extension: "md", depth: 1 });
  t.deepEqual(
    (listed.body as unknown as Array<{ file: { path: string } }>).map((entry) => entry.file.path),
    ["procedures/compression-therapy.md", "procedures/sclerotherapy.md", "procedures/vein-glue-closure.md"],
  );
  const entry = await call("getEntry", { path: "procedures/vein-glue-closure.md" });
  t.like(entry.body, { data: raw, file: { path: "procedures/vein-glue-closure.md" } });
});

test("the editor's backend reads and writes only guides, pages, clinic.yaml, wording and images inside the content folder", async (t) => {
  const { site, call } = await backend(t);
  const outside = path.join(site.root, "secret.md");
  await writeFile(outside, "---\ntitle: TOP-SECRET-TEXT\n---\n");
  await symlink(outside, path.join(site.contentDir, "procedures", "linked.md"));
  await mkdir(path.join(site.contentDir, "notes"));
  for (const file of [
    "../secret.md",
    "procedures/../../secret.md",
    "/etc/passwd",
    "procedures/linked.md",
    "notes/todo.md",
    "_data/other.yaml",
    ".git/config",
  ]) {
    const read = await call("getEntry", { path: file });
    t.is(read.status, 422, `reading ${file}`);
    t.notRegex(JSON.stringify(read.body), /TOP-SECRET-TEXT|root:/, `nothing of ${file} is sent`);
  }
  const written = await call("persistEntry", { dataFiles: [{ path: "procedures/../../evil.md", raw: procedureText() }], assets: [] });
  t.is(written.status, 422);
  t.false(existsSync(path.join(site.root, "evil.md")));
  t.is((await call("persistMedia", { asset: { path: "images/../../evil.svg", content: "PHN2Zz4=", encoding: "base64" } })).status, 422);
  t.is((await call("deleteFile", { path: "procedures/linked.md" })).status, 422, "a link is not deleted through it either");
  t.true(existsSync(outside));
  t.deepEqual((await call("entriesByFolder", { folder: "..", extension: "md", depth: 1 })).status, 422);
});

test("the editor's backend answers only its own pages: another site's request, a form post or a GET is refused", async (t) => {
  const { url, call } = await backend(t);
  t.is((await call("info", {}, { origin: "http://evil.example" })).status, 403);
  t.is((await call("info", {}, { "sec-fetch-site": "cross-site" })).status, 403);
  t.is(
    (await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ action: "info" }) })).status,
    403,
    "a no-preflight 'simple' request",
  );
  t.is((await fetch(url)).status, 403);
  const own = await call("info", {}, { origin: new URL(url).origin, "sec-fetch-site": "same-origin" });
  t.like(own, { status: 200, body: { type: "local_fs", publish_modes: ["simple"] } });
});

test("pamphlet dev serves /admin/ with its own policy and generated config, to this machine's names only", async (t) => {
  const site = await fixtureSite(t);
  const server = await startDevServer({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site"), port: 0 });
  t.teardown(() => server.close());
  const get = (pathname: string, host = new URL(server.origin).host) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = http.get(`${server.origin}${pathname}`, { headers: { host } }, (response) => {
        let body = "";
        response
          .setEncoding("utf8")
          .on("data", (chunk: string) => (body += chunk))
          .on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      });
      request.on("error", reject);
    });
  const admin = await get("/admin/");
  t.is(admin.status, 200);
  t.regex(String(admin.headers["content-security-policy"]), /script-src 'self' 'unsafe-eval'/);
  t.regex(admin.body, /<script src="decap-cms\.js"><\/script>/);
  const config = await get("/admin/config.yml");
  t.regex(config.body, /^# Generated by Pamphlet/);
  t.regex(config.body, /proxy_url: \/__pamphlet\/cms/);
  t.is((await get("/admin/decap-cms.js")).status, 200);
  t.is((await get("/admin/../package.json")).status, 404);
  t.is((await get("/admin/", "evil.example:80")).status, 403, "a rebinding page cannot open the editor");
  t.is((await get("/__pamphlet/cms", "evil.example:80")).status, 403);
  t.notRegex(String((await get("/procedures/sclerotherapy/")).headers["content-security-policy"] ?? ""), /unsafe-eval/);
});

test("deleting a guide that another links to is refused, naming the link left leading nowhere; a guide nothing links to is deleted", async (t) => {
  const { site, call } = await backend(t);
  const linker = procedureText({ title: "Vein glue closure" }, "## What it is\n\nSee also [compression](/procedures/compression-therapy/).\n");
  await writeFile(path.join(site.contentDir, "procedures", "vein-glue-closure.md"), linker);
  const refused = await call("deleteFile", { path: "procedures/compression-therapy.md" });
  t.is(refused.status, 422);
  t.regex(
    refused.body.error!,
    /^Not deleted: the build would refuse what is left\.\n.*vein-glue-closure\.md:\d+:\d+ {2}error {2}link to \/procedures\/compression-therapy\//,
  );
  t.true(existsSync(path.join(site.contentDir, "procedures", "compression-therapy.md")), "not deleted");
  t.is((await call("deleteFiles", { paths: ["procedures/compression-therapy.md"] })).status, 422, "nor as one of several");
  t.is((await call("deleteFile", { path: "procedures/vein-glue-closure.md" })).status, 200);
  t.false(existsSync(path.join(site.contentDir, "procedures", "vein-glue-closure.md")));
});

test("a save over a file changed on disk since the editor read it is refused, and the change kept; read again, the save goes through", async (t) => {
  const { site, call } = await backend(t);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const opened = (await call("getEntry", { path: "procedures/sclerotherapy.md" })).body as unknown as { data: string };
  const handEdited = `${opened.data}\nA line added by hand.\n`;
  await writeFile(file, handEdited);
  const fromEditor = opened.data.replace("The vein closes and fades.", "The vein closes and slowly fades.");
  const save = () => call("persistEntry", { dataFiles: [{ path: "procedures/sclerotherapy.md", raw: fromEditor }], assets: [] });
  const refused = await save();
  t.is(refused.status, 422);
  t.regex(refused.body.error!, /^Not saved: procedures\/sclerotherapy\.md changed on disk after the editor opened it/);
  t.is(await readFile(file, "utf8"), handEdited, "the hand edit is kept");
  await call("getEntry", { path: "procedures/sclerotherapy.md" });
  t.is((await save()).status, 200);
  t.is(await readFile(file, "utf8"), fromEditor);
  t.is((await save()).status, 200, "its own save is not a change on disk to the editor");
});

test("with images/: deleting an image a guide shows is refused and the image kept; what nothing uses is deleted, whatever errors were there", async (t) => {
  const { site, call } = await backend(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images);
  for (const name of ["steps.svg", "unused.svg"]) await copyFile(path.join(repoRoot, "content", "images", "sclerotherapy-steps.svg"), path.join(images, name));
  // A guide showing a picture, with a link already broken (its error names the likely page while that page is there).
  const body = '## What it is\n\nA short test body, see [this](/procedures/sclerotherapi/).\n\n![The steps](/images/steps.svg "The steps")\n';
  await writeFile(path.join(site.contentDir, "procedures", "vein-glue-closure.md"), procedureText({ title: "Vein glue closure" }, body));
  const refused = await call("deleteFile", { path: "images/steps.svg" });
  t.is(refused.status, 422);
  t.regex(refused.body.error!, /vein-glue-closure\.md:\d+:\d+ {2}error {2}image \/images\/steps\.svg does not exist/);
  t.true(existsSync(path.join(images, "steps.svg")), "a refused delete leaves the image in place");
  t.is((await call("deleteFile", { path: "images/unused.svg" })).status, 200);
  t.false(existsSync(path.join(images, "unused.svg")));
  const deleted = await call("deleteFile", { path: "procedures/sclerotherapy.md" });
  t.is(deleted.status, 200, deleted.body.error);
  t.false(existsSync(path.join(site.contentDir, "procedures", "sclerotherapy.md")));
});

test("a picture the build could not use is refused, as an upload or in a save, and the picture in images/ is left as it was", async (t) => {
  const { site, call } = await backend(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images);
  const logo = path.join(images, "logo.svg");
  await copyFile(path.join(repoRoot, "content", "images", "sclerotherapy-steps.svg"), logo);
  const before = await readFile(logo, "utf8");
  // Written into the check's copy of the content, it went through that copy's link into images/ itself.
  const saved = await call("persistEntry", { dataFiles: [{ path: "images/logo.svg", raw: "not an svg" }], assets: [] });
  t.is(saved.status, 422);
  t.regex(saved.body.error!, /images\/logo\.svg:1:1 {2}error {2}this SVG cannot be read as a picture/);
  t.is(await readFile(logo, "utf8"), before, "the picture in the content folder is untouched");
  const upload = (name: string, text: string) => call("persistMedia", { asset: asset(`images/${name}`, text) });
  t.is((await upload("garbage.svg", "garbage")).status, 422);
  t.false(existsSync(path.join(images, "garbage.svg")), "a refused upload is not written");
  t.is((await upload("fine.svg", before)).status, 200);
  t.is(await readFile(path.join(images, "fine.svg"), "utf8"), before);
  // An iPhone's HEIC photo is told why, not that the editor edits only pictures.
  const heic = await upload("IMG_4021.HEIC", "a photo");
  t.is(heic.status, 422);
  t.regex(heic.body.error!, /^IMG_4021\.HEIC is a HEIC photo \(an iPhone's own format\), which browsers cannot show: save it as a JPEG .*, and upload that\.$/);
  t.false(existsSync(path.join(images, "IMG_4021.HEIC")));
});

test("a picture replaced by one the build could not use is refused when the error is on another file's line (the logo's in clinic.yaml)", async (t) => {
  const { site, call } = await backend(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images);
  const logo = path.join(images, "logo.png");
  await copyFile(pngFixture, logo);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}\nlogo: images/logo.png\n`);
  const replaced = await call("persistMedia", { asset: asset("images/logo.png", "not a png") });
  t.is(replaced.status, 422);
  t.regex(replaced.body.error!, /clinic\.yaml:\d+:\d+ {2}error {2}"logo" images\/logo\.png cannot be read as a picture/);
  t.is((await readFile(logo)).byteLength > 1000, true, "the logo is left as it was");
});

test("a save with a new picture, of a guide showing a picture that is a link inside images/, goes through", async (t) => {
  const { site, call } = await backend(t);
  const photos = path.join(site.contentDir, "images", "photos");
  await mkdir(photos, { recursive: true });
  await copyFile(pngFixture, path.join(photos, "legs.png"));
  await symlink(path.join("photos", "legs.png"), path.join(site.contentDir, "images", "legs.png"));
  const body = '## What it is\n\nA short test body.\n\n![Legs](/images/legs.png "Legs")\n';
  const raw = procedureText({ title: "Vein glue closure" }, body);
  const picture = asset("images/new.png", await readFile(pngFixture));
  const saved = await call("persistEntry", { dataFiles: [{ path: "procedures/vein-glue-closure.md", raw }], assets: [picture] });
  t.is(saved.status, 200, saved.body.error);
  t.true(existsSync(path.join(site.contentDir, "images", "new.png")));
});

test("with images/ a link to a folder in the content folder (the build allows it), a guide's save goes through; an upload is refused saying why", async (t) => {
  const { site, call } = await backend(t);
  const media = path.join(site.contentDir, "media");
  await mkdir(media);
  await copyFile(pngFixture, path.join(media, "legs.png"));
  await symlink("media", path.join(site.contentDir, "images"));
  const raw = procedureText({ title: "Vein glue closure" }, '## What it is\n\nA short test body.\n\n![Legs](/images/legs.png "Legs")\n');
  const save = (assets: unknown[]) => call("persistEntry", { dataFiles: [{ path: "procedures/vein-glue-closure.md", raw }], assets });
  const plain = await save([]);
  t.is(plain.status, 200, plain.body.error);
  const picture = asset("images/new.png", await readFile(pngFixture));
  // The editor writes no file through a link (editableFiles): said plainly, not as a picture that "does not exist".
  const withPicture = await save([picture]);
  t.is(withPicture.status, 422);
  t.regex(withPicture.body.error!, /images is not a plain folder/);
  t.false(existsSync(path.join(media, "new.png")));
});

test.serial("a hand edit saved while the editor's save is being checked is kept: the save is refused", async (t) => {
  const { site, call } = await backend(t);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const opened = (await call("getEntry", { path: "procedures/sclerotherapy.md" })).body as unknown as { data: string };
  const copies = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("pamphlet-save-"));
  const earlier = new Set(copies());
  const fromEditor = `${opened.data}\nFrom the editor.\n`;
  const saving = call("persistEntry", { dataFiles: [{ path: "procedures/sclerotherapy.md", raw: fromEditor }], assets: [] });
  // The hand edit lands while the save is checked in its copy of the content.
  t.true(await until(() => copies().some((name) => !earlier.has(name)), 30_000, { everyMs: 2 }), "the save's check started");
  const handEdited = `${opened.data}\nA line added by hand.\n`;
  await writeFile(file, handEdited);
  t.is((await saving).status, 422);
  t.is(await readFile(file, "utf8"), handEdited);
});

test("uploads: one over 20 MB or a request too large to read is refused with the limit; a file that is no picture is refused, shown or not", async (t) => {
  const { site, url, call } = await backend(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images, { recursive: true });
  // Decoded, 21 MB: over the limit, though its request is under the request limit (22.5 MB of zeros was written, and published).
  const big = await call("persistMedia", { asset: asset("images/big.png", Buffer.alloc(21 * 1024 * 1024)) });
  t.is(big.status, 422, JSON.stringify(big.body));
  t.regex(big.body.error!, /images\/big\.png is 21 MB, over the editor's 20 MB for a picture: save it smaller/);
  t.false(existsSync(path.join(images, "big.png")));
  // A request too large to read whole is answered with why (it was cut off: "Failed to fetch" in the editor).
  const huge = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(40 * 1024 * 1024) });
  t.is(huge.status, 413);
  t.regex(((await huge.json()) as { error: string }).error, /too large for the editor \(pictures up to 20 MB\)/);
  // No guide shows it yet, but images/ is published whole.
  const notPicture = await call("persistMedia", { asset: asset("images/leaflet.png", "a text file, not a PNG") });
  t.is(notPicture.status, 422);
  t.regex(notPicture.body.error!, /images\/leaflet\.png: cannot be read as a picture/);
  t.false(existsSync(path.join(images, "leaflet.png")));
});
