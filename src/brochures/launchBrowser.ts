import { spawn } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { PamphletError } from "../shared/errors.ts";
import { processIsAlive } from "../shared/processIsAlive.ts";
import { isStopping, onInterrupt } from "../shared/interrupt.ts";
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

/** The folder Chromium (or Chrome) makes for its singleton socket under the temporary folder. */
const socketFolderName = /^(org\.chromium\.Chromium|com\.google\.Chrome[\w.]*)\.\w{6}$/;

/** Profile folders are named so, with the pid of the Pamphlet that made them, under the system's temporary folder. */
const profilePrefix = "pamphlet-chromium-";

/**
 * Starts Chromium, spoken to over a pipe: no DevTools port exists, so no other local process can
 * drive it (Puppeteer's default `--remote-debugging-port=0` let any of them open `file:///etc/...`
 * through it), and Chromium sees Pamphlet go when the pipe closes, however Pamphlet ends (even
 * SIGKILL). Its profile folder is removed when it exits, or by a small watchdog if Pamphlet is killed.
 */
export async function launchBrowser(): Promise<Browser> {
  const args = [...quietFlags];
  // Chromium's sandbox refuses to start as root (containers, CI); only then do we turn it off.
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  // Loaded here, not at the top: a run where nothing needs printing never pays for it.
  const { default: puppeteer } = await import("puppeteer-core");
  // A signal that came during the import has run its cleanups already: this start would have none, and
  // the process would end under it, leaving its profile folder. (No await between this check and the launch.)
  if (isStopping()) throw new PamphletError("Chromium was not started: Pamphlet is stopping.");
  removeOrphanedProfiles();
  const profile = mkdtempSync(path.join(os.tmpdir(), `${profilePrefix}${process.pid}-`));
  const settled = removedIfExitingFirst(profile);
  // A signal while Chromium is still starting ends the start there (its process group is killed), rather
  // than waiting for it: a slow start outlived the cleanups' limit, and left Chromium and its profile folder.
  const starting = new AbortController();
  const forgetStart = onInterrupt(() => starting.abort());
  let browser: Browser;
  let launching: Promise<Browser> | undefined;
  try {
    launching = puppeteer.launch({
      signal: starting.signal,
      executablePath: findBrowser(),
      headless: true,
      pipe: true,
      userDataDir: profile,
      args,
      // Pamphlet closes the browser itself on success, failure and Ctrl-C.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // On the signal Puppeteer kills Chromium's process group, but its launch can stay pending (seen on a loaded
    // machine: until the cleanups' limit ended the process, leaving the profile folder): the start ends there.
    launching.catch(() => undefined); // (left behind when the signal wins)
    browser = await Promise.race([launching, stopped(starting.signal)]);
  } catch (error) {
    // A start that ends after the signal won is closed all the same (Puppeteer has killed its process group already).
    if (starting.signal.aborted) void launching?.then(closeBrowser, () => undefined);
    removeProfileFolder(profile);
    throw error;
  } finally {
    forgetStart();
    settled();
  }
  const chromium = browser.process();
  // Named now, while Chromium runs: one that is shutting down (its pipe closed) removes the link first, the folder last.
  const socketFolder = singletonSocketFolder(profile);
  const watchdog = chromium?.pid ? startWatchdog(chromium.pid, profile, socketFolder) : undefined;
  const done = () => {
    removeProfileFolder(profile, socketFolder);
    watchdog?.();
  };
  if (!chromium || chromium.exitCode !== null || chromium.signalCode !== null) done();
  else chromium.once("exit", done);
  // Attached now, while the caller has other work (the site build), so the first print finds it ready.
  // Never a rejection: a Chromium closed meanwhile (the site build failed) just has no first tab to give.
  firstTabs.set(
    browser,
    browser
      .pages()
      .then((pages) => pages[0])
      .catch(() => undefined),
  );
  return browser;
}

/**
 * Removes the profile folders of Pamphlets that are gone. One killed (SIGKILL) while its Chromium was
 * still starting had no watchdog yet to remove its folder: a later start does, as the next build
 * removes a killed build's staging folders. Only real folders of this user, of a pid no longer
 * running, untouched for an hour: a Pamphlet in another pid namespace sharing /tmp looks gone too.
 */
function removeOrphanedProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(new RegExp(`^${profilePrefix}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || processIsAlive(pid)) continue;
    const folder = path.join(os.tmpdir(), name);
    if (!isOwnFolder(folder, Date.now() - orphanAgeMs)) continue;
    try {
      removeProfileFolder(folder);
    } catch {
      // going already: not ours to insist on
    }
  }
}

/** How long a gone Pamphlet's profile folder is left before another removes it. */
const orphanAgeMs = 60 * 60 * 1000;

/** A real folder (not a link) of this user, last changed before `changedBefore` (ms). */
function isOwnFolder(folder: string, changedBefore = Number.POSITIVE_INFINITY): boolean {
  const info = lstatSync(folder, { throwIfNoEntry: false });
  return info?.isDirectory() === true && info.uid === process.getuid?.() && info.mtimeMs < changedBefore;
}

/** Profile folders of starts not yet settled, removed should the process exit first (see removedIfExitingFirst). */
const unsettledProfiles = new Set<string>();

/**
 * Removes `profile` if this process exits while Chromium's start is still pending (a `process.exit`
 * elsewhere, a test runner ending its worker): neither the start's `catch` nor Chromium's exit handler
 * runs then, and Puppeteer's own exit handler kills Chromium before it writes anything, so an empty
 * folder was left. Returns the function that says the start has settled and others took over.
 */
function removedIfExitingFirst(profile: string): () => void {
  if (unsettledProfiles.size === 0) process.once("exit", removeUnsettledProfiles);
  unsettledProfiles.add(profile);
  return () => {
    unsettledProfiles.delete(profile);
    if (unsettledProfiles.size === 0) process.off("exit", removeUnsettledProfiles);
  };
}

function removeUnsettledProfiles() {
  for (const profile of unsettledProfiles) removeProfileFolder(profile);
}

/**
 * Removes `profile`, and the folder of the socket Chromium named in it (SingletonSocket, a link to a
 * socket in a folder of its own under the temporary folder; named when Chromium started, if it was):
 * Chromium removes both when it exits cleanly, but a Chromium killed (or a Pamphlet killed, which
 * ends it) left one such folder a run.
 */
function removeProfileFolder(profile: string, socketFolder = singletonSocketFolder(profile)) {
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  if (socketFolder) rmSync(socketFolder, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * The folder SingletonSocket's link points into, if it is what Chromium makes: a folder of this user
 * directly under the temporary folder, named as Chromium (or Chrome) names it. Nothing else is removed.
 */
function singletonSocketFolder(profile: string): string | undefined {
  try {
    const folder = path.dirname(readlinkSync(path.join(profile, "SingletonSocket")));
    const chromiums = socketFolderName.test(path.basename(folder)) && path.dirname(folder) === os.tmpdir();
    return chromiums && isOwnFolder(folder) ? folder : undefined;
  } catch {
    return undefined; // no link: Chromium removed it, or never made it
  }
}

/** Rejects when `signal` aborts (or has): a start stopped by a signal. */
const stopped = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    const stop = () => reject(new PamphletError("Chromium's start was stopped: Pamphlet is stopping."));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });

const firstTabs = new WeakMap<Browser, Promise<Page | undefined>>();

/**
 * The blank tab Chromium starts with, to the first caller only: taking it rather than opening another
 * saves making a tab and its renderer (~0.2 s of a one-brochure build), and leaves no idle tab behind.
 */
export function takeFirstTab(browser: Browser): Promise<Page | undefined> {
  const first = firstTabs.get(browser);
  firstTabs.delete(browser);
  return (first ?? Promise.resolve(undefined)).then((page) => (page?.isClosed() ? undefined : page));
}

const closing = new WeakMap<Browser, Promise<void>>();

/**
 * Closes `browser` once, however many ask (the printer, the early start's owner, a signal's
 * cleanups, at the same moment): a second close writes to the pipe Chromium has shut, and the
 * ECONNRESET that follows, once Puppeteer has dropped its listeners, ends the process.
 */
export function closeBrowser(browser: Browser): Promise<void> {
  let closed = closing.get(browser);
  if (!closed) {
    closed = browser.close().catch(() => undefined);
    closing.set(browser, closed);
  }
  return closed;
}

/** A Chromium started ahead of the printer that will use it (see launchEarly). */
export interface EarlyBrowser {
  browser: Promise<Browser>;
  /** Closes it, if the printer has not already: when nothing came to print, or the work before failed. */
  close(): Promise<void>;
}

/**
 * Starts Chromium now, for a printer made later: `build` starts it beside the site build, which keeps
 * one core busy while Chromium's start takes the other. A failed start is reported by the printer
 * that awaits it (which tries once more); a signal meanwhile closes it.
 */
export function launchEarly(): EarlyBrowser {
  const browser = launchBrowser();
  browser.catch(() => undefined); // handled where it is awaited; never an unhandled rejection
  const close = async () => {
    forget();
    const started = await browser.catch(() => undefined);
    if (started) await closeBrowser(started);
  };
  const forget = onInterrupt(close);
  return { browser, close };
}

/**
 * A tiny shell that waits on a pipe from this process. If Pamphlet dies without closing Chromium
 * (SIGKILL, a crash), the pipe reaches end of file: the shell ends Chromium's process group, should
 * anything of it be left, and removes the profile folder and `socketFolder` (see singletonSocketFolder).
 * When Chromium exits normally, this process tells the shell so and it just ends. Returns the function that does that.
 */
function startWatchdog(chromiumPid: number, profile: string, socketFolder = ""): (() => void) | undefined {
  if (process.platform === "win32") return undefined;
  const script = `if read -r said && [ "$said" = done ]; then exit 0; fi
kill -9 -${chromiumPid} 2>/dev/null
i=0; while kill -0 -${chromiumPid} 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
[ -n "$2" ] && rm -rf -- "$2"
rm -rf -- "$1"`;
  try {
    // Its own process group: a Ctrl-C to the terminal must not end it before it has done its work.
    const shell = spawn("/bin/sh", ["-c", script, "pamphlet-watchdog", profile, socketFolder], { stdio: ["pipe", "ignore", "ignore"], detached: true });
    shell.on("error", () => undefined);
    shell.stdin.on("error", () => undefined);
    shell.unref();
    (shell.stdin as unknown as { unref?: () => void }).unref?.();
    return () => shell.stdin.end("done\n");
  } catch {
    return undefined;
  }
}
