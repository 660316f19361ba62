import type { Browser } from "puppeteer-core";
import { findBrowser } from "./findBrowser.ts";

/** Chromium flags: headless, no GPU, and no calls home (this machine and many clinics' have no open internet). */
const quietFlags = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(): Promise<Browser> {
  const args = [...quietFlags];
  // Chromium's sandbox refuses to start as root (containers, CI); only then do we turn it off.
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  // Loaded here, not at the top: a run where nothing needs printing never pays for it.
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args,
    // Pamphlet closes the browser itself on success, failure and Ctrl-C.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
