import type { Page } from "puppeteer-core";
import { withDeadline } from "./deadline.ts";

/** How the server answered for a print view's HTML. */
export interface ViewAnswer {
  ok: boolean;
  status: number;
  statusText: string;
}

/**
 * Opens a print view in a tab. A tab that already shows a page of the same site gets the new HTML
 * written into its document (fetched by the page itself, so the same request blocking applies)
 * instead of navigating: measured, a navigation costs Chromium about 140 ms of CPU per brochure
 * for a new document, and a rewrite about 50 ms, with the CSS and fonts it already holds. The
 * print views have no scripts (the dev server's own are left out); one that has any is navigated
 * to, since its top-level names would clash in the reused window. A fresh tab, another origin,
 * `networkidle0` or `navigate` navigates as before: a written document keeps the pictures its
 * earlier views loaded, by address, so a printer that outlives edits (the dev server's) navigates.
 */
export async function openView(page: Page, url: string, timeoutMs: number, how: "load" | "networkidle0" | "navigate"): Promise<ViewAnswer> {
  const what = `loading ${url}`;
  if (how === "load" && page.url().startsWith(`${new URL(url).origin}/`)) {
    const answer = await withDeadline(page.evaluate(rewriteDocument, url), timeoutMs, what);
    if (answer) return answer;
  }
  const waitUntil = how === "navigate" ? "load" : how;
  const response = await withDeadline(page.goto(url, { waitUntil, timeout: 0 }), timeoutMs, what);
  // 304 is the same page again from the browser's cache (a tab printing it a second time).
  return response
    ? { ok: response.ok() || response.status() === 304, status: response.status(), statusText: response.statusText() }
    : { ok: true, status: 200, statusText: "" };
}

/**
 * Runs in the page: fetches `url` and writes it over the current document, then waits for its
 * load event. Resolves with the server's answer, or undefined when the page must be navigated to
 * instead (it has scripts). (No named helpers in here: the function runs in the page.)
 */
async function rewriteDocument(url: string): Promise<ViewAnswer | undefined> {
  const response = await fetch(url);
  const answer = { ok: response.ok, status: response.status, statusText: response.statusText };
  if (!response.ok) return answer;
  // The dev server's own scripts (live reload, writer's notes, preview) do nothing in print: left out, so the
  // dev server's live PDFs are written in too (navigated to, each cost a second fetch and a new document).
  const html = (await response.text()).replace(/<script src="\/__pamphlet\/[\w.-]+"[^>]*><\/script>/g, "");
  if (/<script\b/i.test(html)) return undefined;
  // The new document's address (where a redirect ended), so its relative links resolve as when navigated to.
  history.replaceState(null, "", response.url || url);
  document.open();
  document.write(html);
  document.close();
  // Measured: a written document's load event does not wait for its stylesheets (a view printed
  // before its page stylesheet arrived had no page size, margins or footer), so each is waited for
  // here. Attached in the same task as the write, so no load or error is missed.
  const sheets = [...document.querySelectorAll<HTMLLinkElement>("link[rel~=stylesheet]")].filter((link) => !link.sheet);
  await Promise.all(
    sheets.map((link) => new Promise((resolve) => ["load", "error"].forEach((event) => link.addEventListener(event, resolve, { once: true })))),
  );
  if (document.readyState !== "complete") await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  return answer;
}
