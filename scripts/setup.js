// `npm run setup`: everything a fresh machine needs, safe to run again.
// 1. npm dependencies (from package-lock.json).
// 2. A Chrome/Chromium to print with, when none is found (scripts/installBrowser.js).
// 3. As root with apt-get, the PDF tools the test suite reads brochures with (poppler-utils, zbar-tools).
// Plain JavaScript: it runs before the TypeScript tooling is installed.
import { aptInstall, canApt, has, run } from "./installBrowser.js";

if (!run("npm", ["install", "--no-audit", "--no-fund"])) process.exit(1);

const { register } = await import("tsx/esm/api");
register();
const { installBrowser } = await import("./installBrowser.js");
const { findBrowser } = await import("../src/brochures/findBrowser.ts");
if (!(await installBrowser(findBrowser))) process.exit(1);

const testTools = [
  ["pdfinfo", "poppler-utils"],
  ["zbarimg", "zbar-tools"],
].filter(([command]) => !has(command));
if (testTools.length > 0) {
  const packages = testTools.map(([, name]) => name);
  if (!canApt || !aptInstall(packages)) {
    console.warn(`For \`npm test\`, install ${packages.join(" and ")} (they read the PDFs the tests make).`);
  }
}
console.log(`Ready. Next: npm run build`);
