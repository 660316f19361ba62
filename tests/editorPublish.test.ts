import { appendFile, readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import test from "ava";
import YAML from "yaml";
import { loadContentOrThrow } from "../src/content/load.ts";
import { buildSite } from "../src/site/build.ts";
import { fixtureSite } from "./helpers/fixtures.ts";

const filesUnder = async (dir: string): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String);

test("a published site has /admin/ only when clinic.yaml asks for the editor, and only /admin/ loosens the policy", async (t) => {
  const site = await fixtureSite(t);
  const build = async () => buildSite({ content: await loadContentOrThrow(site.contentDir), contentDir: site.contentDir, siteDir: site.siteDir });

  await build();
  t.true(existsSync(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html")), "the site was built");
  t.deepEqual(
    (await filesUnder(site.siteDir)).filter((file) => /(^|\/)admin(\/|$)|decap/i.test(file)),
    [],
    "no /admin/ and no CMS file without editor:",
  );

  await appendFile(
    path.join(site.contentDir, "_data", "clinic.yaml"),
    "editor:\n  backend: github\n  repo: fixture/clinic\n  authUrl: https://auth.fixture.example.org\n",
  );
  await build();
  const admin = path.join(site.siteDir, "admin");
  const page = await readFile(path.join(admin, "index.html"), "utf8");
  t.regex(page, /<script src="decap-cms\.js"><\/script>/, "Decap is served by the site itself, not a CDN");
  t.notRegex(page, /https?:\/\/(?!auth\.fixture|api\.github)/, "no other site is loaded");
  t.true(existsSync(path.join(admin, "decap-cms.js")));
  const config = YAML.parse(await readFile(path.join(admin, "config.yml"), "utf8")) as { backend: Record<string, string>; publish_mode: string };
  t.deepEqual(config.backend, { name: "github", repo: "fixture/clinic", branch: "main", base_url: "https://auth.fixture.example.org" });
  t.is(config.publish_mode, "editorial_workflow", "a guide goes live only after review");
  t.regex(page, /Content-Security-Policy" content="[^"]*connect-src 'self' blob: https:\/\/api\.github\.com https:\/\/auth\.fixture\.example\.org/);
  const guide = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8");
  t.notRegex(guide, /(?<!wasm-)unsafe-(eval|inline)/, "every other page keeps the strict policy");
  t.regex(
    await readFile(path.join(site.siteDir, "_headers"), "utf8"),
    /\/admin\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*'unsafe-eval'/,
  );
});
