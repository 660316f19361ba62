// `npm run setup`: everything a fresh machine needs, safe to run again.
// 1. npm dependencies (from package-lock.json).
// 2. A Chrome/Chromium to print with, when none is found: Debian's `chromium` when running as root
//    with apt-get, otherwise Chrome for Testing through @puppeteer/browsers into Puppeteer's cache.
// 3. As root with apt-get, the PDF tools the test suite reads brochures with (poppler-utils, zbar-tools).
// Plain JavaScript: it runs before the TypeScript tooling is installed.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const run = (command, args) => {
  console.log(`> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  return result.status === 0;
};
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const canApt = process.getuid?.() === 0 && has("apt-get");

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "inherit", env }).status === 0;
  console.log(`> apt-get install ${packages.join(" ")}`);
  if (install()) return true;
  run("apt-get", ["update"]);
  return install();
}

if (!run("npm", ["install", "--no-audit", "--no-fund"])) process.exit(1);

const { register } = await import("tsx/esm/api");
register();
const { findBrowser } = await import("../src/brochures/findBrowser.ts");
let browser;
try {
  browser = findBrowser();
  console.log(`Browser: ${browser}`);
} catch {
  if (canApt && aptInstall(["chromium"])) {
    browser = findBrowser();
  } else if (run("npx", ["--yes", "@puppeteer/browsers", "install", "chrome@stable", "--path", path.join(os.homedir(), ".cache", "puppeteer")])) {
    browser = findBrowser();
  } else {
    console.error("Could not install a browser. Install Chrome or Chromium, or set PUPPETEER_EXECUTABLE_PATH to one.");
    process.exit(1);
  }
  console.log(`Browser: ${browser}`);
}

const testTools = [["pdfinfo", "poppler-utils"], ["zbarimg", "zbar-tools"]].filter(([command]) => !has(command));
if (testTools.length > 0) {
  const packages = testTools.map(([, name]) => name);
  if (!canApt || !aptInstall(packages)) {
    console.warn(`For \`npm test\`, install ${packages.join(" and ")} (they read the PDFs the tests make).`);
  }
}
console.log(`Ready. Next: npm run build`);
