// A Chrome/Chromium to print brochures with, when none is found: Debian's `chromium` when running
// as root with apt-get, otherwise Chrome for Testing through @puppeteer/browsers into Puppeteer's
// cache (where Pamphlet looks). Used by `npm run setup` here and by `npx pamphlet setup` in a clinic's
// folder (its CI workflow runs it). Plain JavaScript, so setup can run it before anything is built.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

export const run = (command, args) => {
  console.log(`> ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
};
export const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
export const canApt = process.getuid?.() === 0 && has("apt-get");

export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "inherit", env }).status === 0;
  console.log(`> apt-get install ${packages.join(" ")}`);
  if (install()) return true;
  run("apt-get", ["update"]);
  return install();
}

/**
 * The browser's path, installing one first when none is found; undefined (said why) when that failed.
 * `findBrowser` (src/brochures/findBrowser.ts) is handed in by the caller: the compiled `pamphlet
 * setup` has it bundled and no TypeScript loader, so a .ts file cannot be imported from here.
 */
export async function installBrowser(findBrowser) {
  try {
    const browser = findBrowser();
    console.log(`Browser: ${browser}`);
    return browser;
  } catch {
    const installed =
      (canApt && aptInstall(["chromium"])) ||
      run("npx", ["--yes", "@puppeteer/browsers", "install", "chrome@stable", "--path", path.join(os.homedir(), ".cache", "puppeteer")]);
    if (!installed) {
      console.error("Could not install a browser. Install Chrome or Chromium, or set PUPPETEER_EXECUTABLE_PATH to one.");
      return undefined;
    }
    const browser = findBrowser();
    console.log(`Browser: ${browser}`);
    return browser;
  }
}
