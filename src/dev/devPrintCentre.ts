import { printJobs } from "../brochures/printJobs.ts";
import { escapeHtml } from "../shared/escapeHtml.ts";
import type { BrochureFormat } from "../shared/formats.ts";
import type { ViewsManifest } from "../shared/viewsManifest.ts";

/**
 * `/print-centre/` in the dev preview. The real one lists the brochures a build published, which the
 * preview has none of: this says so, and links each brochure the preview prints on demand.
 */
export function devPrintCentre(views: ViewsManifest, formats: readonly BrochureFormat[]): string {
  const jobs = printJobs(views, { formats, brochuresDir: "/brochures" });
  const items = jobs.map((job) => `<li><a href="/brochures/${escapeHtml(job.name)}">${escapeHtml(job.name)}</a></li>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Print centre (preview)</title></head>
<body>
<main>
<h1>Print centre (preview)</h1>
<p>The print centre lists the brochures a build publishes, with their page counts and the visit pack.
To see it, build the site (<code>npm run build</code>), serve it (<code>npm run serve</code>) and open <code>/print-centre/</code> there.
Each brochure below is printed now, from the content as it is, when you open it.</p>
<ul>
${items}
</ul>
</main>
</body></html>
`;
}
