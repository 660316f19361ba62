import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { scaffoldClinic } from "../src/init/scaffold.ts";
import { repoRoot } from "./helpers/fixtures.ts";
import { pdfInfo, pdfText } from "./helpers/pdf.ts";

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run("npm", args, { cwd, env: { ...process.env, NO_COLOR: "1", npm_config_fund: "false", npm_config_audit: "false" }, maxBuffer: 64 * 1024 * 1024 });
const npx = (args: string[], cwd: string) =>
  run("npx", ["--no-install", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });

test("the packed tarball installs into an empty folder, where init --country GB then build make a British clinic's site and brochures", async (t) => {
  t.timeout(15 * 60_000);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "pamphlet-package-"));
  t.teardown(() => rm(scratch, { recursive: true, force: true }));
  const packed = JSON.parse((await npm(["pack", "--json", "--pack-destination", scratch], repoRoot)).stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const shipped = packed[0]!.files.map((file) => file.path);
  t.true(
    shipped.includes("scripts/pamphlet.js") && shipped.includes("templates/layouts/base.njk") && shipped.includes("starter/clinic.yaml"),
    "the CLI, templates and starter are inside",
  );
  t.false(
    shipped.some((file) => file.startsWith("tests/") || file.startsWith("bench/")),
    "no tests or benchmarks",
  );

  t.true(
    shipped.includes("dist/bundle/entry.js") && shipped.includes("dist/.compiled-from"),
    "the sources compiled to JavaScript and bundled, with their stamp",
  );

  const clinic = path.join(scratch, "ancoats");
  await mkdir(clinic);
  await npm(["install", "--prefer-offline", path.join(scratch, packed[0]!.filename)], clinic);
  // The installed command runs the compiled JavaScript, not the sources through tsx (see scripts/compiledCli.js).
  const installed = path.join(clinic, "node_modules", "pamphlet");
  const chosen = await run(process.execPath, [
    "--input-type=module",
    "-e",
    `import { compiledCli } from ${JSON.stringify(path.join(installed, "scripts", "compiledCli.js"))};` +
      `console.log(compiledCli(${JSON.stringify(installed)}) ?? "sources");`,
  ]);
  t.is(chosen.stdout.trim(), path.join(installed, "dist"));
  const init = await npx(["pamphlet", "init", "--country", "GB"], clinic);
  t.regex(init.stdout, /United Kingdom, brochures on A4 paper/);
  t.regex(
    init.stdout,
    /Note: package\.json installs Pamphlet from .*pamphlet-.*\.tgz, outside this folder/,
    "the workflow's npm ci could not reach the tarball: said",
  );
  // Pamphlet is not on npm: the clinic's README points at the README installed with it, not at a page that does not exist.
  const clinicReadme = await readFile(path.join(clinic, "README.md"), "utf8");
  t.notRegex(clinicReadme, /npmjs\.com\/package\/pamphlet/);
  const pointedAt = /`(node_modules\/pamphlet\/README\.md)`/.exec(clinicReadme)?.[1];
  t.true(pointedAt !== undefined && existsSync(path.join(clinic, pointedAt)), "the README it points at is there");
  const scripts = JSON.parse(await readFile(path.join(clinic, "package.json"), "utf8")).scripts as Record<string, string>;
  t.is(scripts.build, "pamphlet build");
  const clinicYaml = await readFile(path.join(clinic, "content", "_data", "clinic.yaml"), "utf8");
  t.regex(clinicYaml, /^# yaml-language-server: \$schema=/);
  t.notRegex(clinicYaml, /region:/, "UK addresses have no region");

  const build = await npx(["pamphlet", "build"], clinic);
  t.regex(build.stdout, /Brochures: \d+ made/);
  // The README's npm scripts, which the hints name when Pamphlet runs from one, are the clinic's too.
  t.deepEqual(Object.keys(scripts).sort(), ["brochures", "build", "check", "dev", "serve", "setup"]);
  const reprint = await npm(["run", "brochures", "--", "sclerotherapy", "--formats", "large"], clinic);
  t.regex(reprint.stdout, /sclerotherapy\.large\.pdf/);
  const site = path.join(clinic, "output", "site");
  t.deepEqual(await readdir(path.join(site, "procedures")), ["sclerotherapy"], "only the clinic's own guide, nothing from Pamphlet's sample clinic");
  const page = await readFile(path.join(site, "procedures", "sclerotherapy", "index.html"), "utf8");
  t.regex(page, /Ancoats Vein Clinic/);
  t.notRegex(page, /Maple Grove/);
  t.regex(page, /Manchester M1 1AA/, "the UK order: town then postcode, no region");
  t.regex(
    page,
    /Last reviewed \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    "British dates (day, month, year)",
  );
  const pdf = path.join(clinic, "output", "brochures", "sclerotherapy.pdf");
  t.regex((await pdfInfo(pdf))["Page size"]!, /\(A4\)/);
  const text = await pdfText(pdf);
  t.regex(text, /\b999\b/, "the UK emergency number");
  t.notRegex(text, /\b911\b/);
  t.notRegex(text, /\bemergency room\b/i);
  t.regex(text.replace(/\s+/g, " "), /call 999 or go to your nearest A&E\. When we are closed .* call NHS 111/, "British wording for the out-of-hours route");
});

test("init refuses to overwrite a file, before writing anything", async (t) => {
  const { runPamphlet } = await import("./helpers/cli.ts");
  const scratch = await mkdtemp(path.join(os.tmpdir(), "pamphlet-init-"));
  t.teardown(() => rm(scratch, { recursive: true, force: true }));
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path.join(scratch, "README.md"), "ours");
  const refused = await runPamphlet(["init", scratch, "--country", "US"]);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /already has README\.md: init .* never overwrites a file/);
  t.deepEqual(await readdir(scratch), ["README.md"], "nothing written");
  t.is(await readFile(path.join(scratch, "README.md"), "utf8"), "ours");

  const unknown = await runPamphlet(["init", path.join(scratch, "x"), "--country", "Atlantis"]);
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /--country "Atlantis" is not one Pamphlet has defaults for; use one of US, CA, GB/);
  const host = await runPamphlet(["init", path.join(scratch, "x"), "--host", "ftp"]);
  t.is(host.code, 2);
  t.regex(host.stderr, /--host must be one of github, netlify, cloudflare/);

  // A link where init would write (even to nothing) counts as there: nothing is written through it.
  const { mkdir, symlink } = await import("node:fs/promises");
  await mkdir(path.join(scratch, "linked", "content", "images"), { recursive: true });
  await symlink(path.join(scratch, "elsewhere.svg"), path.join(scratch, "linked", "content", "images", "logo.svg"));
  const linked = await runPamphlet(["init", path.join(scratch, "linked"), "--country", "GB"]);
  t.is(linked.code, 1);
  t.regex(linked.stderr, /already has content\/images\/logo\.svg/);
  t.deepEqual(await readdir(scratch), ["README.md", "linked"], "nothing written through the link");

  const made = await runPamphlet(["init", path.join(scratch, "us-clinic"), "--host", "netlify"]);
  t.is(made.code, 0, made.stderr);
  t.regex(made.stdout, /No --country given: using US/);
  t.regex(made.stdout, /Note: Pamphlet is not on npm yet: put its tarball in this folder/, "a new package.json names a Pamphlet npm cannot find yet: said");
  // Never pamphlet@^version: npm has no Pamphlet, so npm install would fetch whatever someone else publishes under the name.
  const madePackage = JSON.parse(await readFile(path.join(scratch, "us-clinic", "package.json"), "utf8")) as { dependencies?: object };
  t.is(madePackage.dependencies, undefined, "no dependency npm would look for in its registry");
  t.regex(made.stdout, /Next: cd \S*us-clinic && npm install \.\/pamphlet-[\d.]+\.tgz && npx pamphlet setup/);
  t.regex(
    await readFile(path.join(scratch, "us-clinic", ".github", "workflows", "publish.yml"), "utf8"),
    /netlify-cli[\s\S]*pamphlet check[\s\S]*|pamphlet check[\s\S]*netlify-cli/,
  );
  const yaml = await readFile(path.join(scratch, "us-clinic", "content", "_data", "clinic.yaml"), "utf8");
  t.regex(yaml, /paper: letter/);
  t.regex(yaml, /Spider and small veins/);
  const check = await runPamphlet(["check", "--content", path.join(scratch, "us-clinic", "content")]);
  t.is(check.code, 0, check.stdout + check.stderr);
  t.regex(check.stdout + check.stderr, /^0 errors, /m, "the new clinic passes check as written");
});

test("init in a folder named in another script names the clinic after it, letters whole, and gives the host an ASCII project name", async (t) => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "pamphlet-init-"));
  t.teardown(() => rm(scratch, { recursive: true, force: true }));
  const dir = path.join(scratch, "Ünïcode Клиника");
  await scaffoldClinic({ dir, country: "ES", host: "cloudflare" });
  t.regex(await readFile(path.join(dir, "content", "_data", "clinic.yaml"), "utf8"), /^name: "?Ünïcode Клиника Vein Clinic"?$/m);
  t.regex(await readFile(path.join(dir, ".github", "workflows", "publish.yml"), "utf8"), /^ {2}PROJECT: unicode$/m);
});
