/**
 * The site's Content-Security-Policy: everything from its own origin, no inline script, no plugins,
 * no framing, no form posts. `wasm-unsafe-eval` lets the Pagefind search run its WebAssembly index.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The same policy in a `<meta>` tag, for hosts that cannot set headers (frame-ancestors only works as a header). */
export const metaContentSecurityPolicy = contentSecurityPolicy.replace("; frame-ancestors 'none'", "");

/**
 * `_headers` (Netlify, Cloudflare Pages): security headers for every path, caching for fonts and the search index,
 * and no indexing of the print views and the staff's print centre, in every language folder.
 */
export function headersFile(basePath = "/", languageFolders: readonly string[] = [], adminPolicy?: string): string {
  const notIndexed = ["", ...languageFolders.map((folder) => `${folder}/`)].flatMap((folder) => [
    `${basePath}${folder}print/*`,
    `${basePath}${folder}print-centre/*`,
  ]);
  return [
    `${basePath}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy}`,
    // (Not includeSubDomains: it would bind every other name of the clinic's domain to HTTPS too,
    // and a sub-path site's lines are copied into the domain's root file.)
    "  Strict-Transport-Security: max-age=31536000",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "  X-Content-Type-Options: nosniff",
    "  X-Frame-Options: DENY",
    "  Cross-Origin-Opener-Policy: same-origin",
    ...notIndexed.flatMap((path) => [path, "  X-Robots-Tag: noindex"]),
    // The browser editor (clinic.yaml `editor:`) needs a looser policy than the site: `!` drops the
    // site-wide one first (Cloudflare Pages; on Netlify see the README).
    ...(adminPolicy ? [`${basePath}admin/*`, "  ! Content-Security-Policy", `  Content-Security-Policy: ${adminPolicy}`, "  X-Robots-Tag: noindex"] : []),
    // Font names carry no version, so a new font package must reach visitors within a month; the
    // search index's files are named by their content, so they never change.
    `${basePath}fonts/*`,
    "  Cache-Control: public, max-age=2592000",
    ...["fragment", "index"].flatMap((folder) => [`${basePath}pagefind/${folder}/*`, "  Cache-Control: public, max-age=31536000, immutable"]),
    "",
  ].join("\n");
}
