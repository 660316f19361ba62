import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The built site's `_headers` and `_redirects`, read as Netlify and Cloudflare Pages read them, so
 * `pamphlet serve` answers as the static host will: headers by path pattern (`/*`, `/print/*`),
 * redirects and rewrites (`/es/*  /es/404.html  404`) in order, the first that matches.
 */
export interface HostRules {
  headersFor(pathname: string): Record<string, string>;
  redirectFor(pathname: string): Redirect | undefined;
}

export interface Redirect {
  to: string;
  status: number;
}

const patternOf = (from: string) =>
  new RegExp(
    `^${from
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

export async function readHostRules(siteDir: string): Promise<HostRules> {
  const read = (name: string) => readFile(path.join(siteDir, name), "utf8").catch(() => "");
  const headerBlocks: Array<{ pattern: RegExp; headers: Record<string, string> }> = [];
  for (const line of (await read("_headers")).split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) headerBlocks.push({ pattern: patternOf(line.trim()), headers: {} });
    else {
      const colon = line.indexOf(":");
      if (colon > 0) headerBlocks.at(-1)!.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  const redirects = (await read("_redirects"))
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([from, to]) => from && to && !from.startsWith("#"))
    .map(([from, to, status]) => ({ pattern: patternOf(from!), to: to!, status: Number(status ?? 301) }));
  return {
    headersFor: (pathname) => Object.assign({}, ...headerBlocks.filter((block) => block.pattern.test(pathname)).map((block) => block.headers)),
    redirectFor: (pathname) => {
      const rule = redirects.find((candidate) => candidate.pattern.test(pathname));
      return rule && { to: rule.to, status: rule.status };
    },
  };
}
