import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Clinic } from "../content/clinicSchema.ts";
import { projectRoot, sourcesDir } from "../shared/installPaths.ts";
import { cmsConfigYaml, type CmsConfigOptions } from "./cmsConfig.ts";

/**
 * Decap CMS's browser build: `decap-cms.js` and the chunks it loads on demand (no CDN). From the
 * decap-cms package in this checkout; in an installed Pamphlet, from the copy `prepare` made in
 * vendor/decap-cms/ (scripts/vendorDecap.js), since decap-cms itself is only a dev dependency.
 */
function decapDistDir(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");
  } catch {
    return path.join(projectRoot, "vendor", "decap-cms");
  }
}
const decapFile = /^(?:\d+\.)?decap-cms\.js$/;
const previewScript = path.join(sourcesDir, "editor", "preview.client.js");

/**
 * The policy of `/admin/` alone, which Decap CMS needs looser than the site's: its styles are
 * inserted by script (emotion), it compiles code at run time (measured: without 'unsafe-eval' its
 * collections never load), previews and uploads are blob: URLs, and the Git host's API is another
 * origin. Every other page keeps the site's strict policy.
 */
export function adminContentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // blob: Decap reads back its own drafts and uploads (measured: refused, a save of clinic.yaml failed).
    `connect-src 'self' blob: ${connect.join(" ")}`.trim(),
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** Where the published editor talks to: the Git host's API and sign-in service. */
export function editorOrigins(clinic: Clinic): string[] {
  const editor = clinic.editor;
  if (!editor) return [];
  const byHost: Record<string, string[]> = {
    github: ["https://api.github.com"],
    gitlab: ["https://gitlab.com"],
    // Netlify Identity and its Git Gateway live on the site's own origin.
    "git-gateway": [],
  };
  return [...(byHost[editor.backend] ?? []), ...(editor.authUrl ? [new URL(editor.authUrl).origin] : [])];
}

/** `/admin/index.html`: Decap from this site, its generated config, and Pamphlet's preview pane. */
function adminPage(clinic: Clinic, policy: string): string {
  const name = clinic.name.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="${policy.replace("; frame-ancestors 'self'", "")}">
<title>Edit the guides · ${name}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="decap-cms.js"></script>
<script src="pamphlet-preview.js"></script>
</body>
</html>
`;
}

/** The files of `/admin/` by name, for the dev server: null when `name` is not one of them. */
export async function adminFile(
  name: string,
  clinic: Clinic,
  config: CmsConfigOptions,
  policy: string,
): Promise<{ type: string; body: string | Buffer } | null> {
  if (name === "" || name === "index.html") return { type: "text/html; charset=utf-8", body: adminPage(clinic, policy) };
  if (name === "config.yml") return { type: "text/yaml; charset=utf-8", body: cmsConfigYaml(config) };
  if (name === "pamphlet-preview.js") return { type: "text/javascript; charset=utf-8", body: await readFile(previewScript) };
  if (decapFile.test(name)) return { type: "text/javascript; charset=utf-8", body: await readFile(path.join(decapDistDir(), name)) };
  return null;
}

/** Writes `/admin/` into a built site (clinic.yaml `editor:` only), the CMS saving to the clinic's Git host. */
export async function writeAdmin(siteDir: string, clinic: Clinic, siteUrl: string): Promise<void> {
  const dir = path.join(siteDir, "admin");
  await mkdir(dir, { recursive: true });
  const policy = adminContentSecurityPolicy(editorOrigins(clinic));
  await writeFile(path.join(dir, "index.html"), adminPage(clinic, policy));
  await writeFile(path.join(dir, "config.yml"), cmsConfigYaml({ clinic, siteUrl }));
  await copyFile(previewScript, path.join(dir, "pamphlet-preview.js"));
  const dist = decapDistDir();
  for (const name of (await readdir(dist)).filter((file) => decapFile.test(file))) await copyFile(path.join(dist, name), path.join(dir, name));
}
