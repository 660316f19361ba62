// The parts of Eleventy 3's JavaScript API that Pamphlet uses (Eleventy ships no TypeScript types).
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addFilter(name: string, filter: (...args: any[]) => unknown): void;
    addShortcode(name: string, shortcode: (...args: any[]) => unknown): void;
    addAsyncShortcode(name: string, shortcode: (...args: any[]) => Promise<unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(copy: string | Record<string, string>, options?: Record<string, unknown>): void;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void, options?: O): void;
    addTransform(name: string, transform: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => unknown): void;
    on(event: string, callback: (...args: any[]) => unknown): void;
    setTemplateFormats(formats: string | string[]): void;
    setInputDirectory(dir: string): void;
    setOutputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setLayoutsDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    /** Whether compiled layouts and read templates are kept for the life of the process (default true). */
    setUseTemplateCache(use: boolean): void;
    ignores: Set<string>;
    directories: { input: string; output: string };
    /** Eleventy's timing groups; "Configuration" warns about slow filters on its own console logger. */
    benchmarkManager: { get(group: string): { setIsVerbose(verbose: boolean): void } };
  }

  export interface EleventyOptions {
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
  }

  export const HtmlBasePlugin: (config: UserConfig) => void;

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    /** Silences Eleventy's console output, including the "Wrote N files" line that quiet mode still prints. */
    disableLogger(): void;
  }
}

// The parts of @11ty/eleventy-img that Pamphlet uses.
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: Array<number | "auto">;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    svgShortCircuit?: boolean | "size";
    /** Reuse what this process already made (in memory) and files already in outputDir (default true). */
    useCache?: boolean;
    /** sharp's JPEG options (quality 1–100; sharp's default is 80). */
    sharpJpegOptions?: { quality?: number };
  }
  export type Metadata = Record<string, Array<{ url: string; outputPath: string; width: number; height: number; format: string }>>;
  /** `src`: a file path, or the image itself (Pamphlet passes SVGs made safe). */
  function Image(src: string | Buffer, options?: ImageOptions): Promise<Metadata>;
  namespace Image {
    function generateHTML(metadata: Metadata, attributes: Record<string, string>): string;
  }
  export default Image;
}

// The part of @11ty/eleventy-utils that Pamphlet patches (src/site/eleventyPathFix.ts).
declare module "@11ty/eleventy-utils" {
  export const TemplatePath: {
    normalize(path: string): string;
    startsWithSubPath(path: string, subPath: string): boolean;
    stripLeadingSubPath(path: string, subPath: string): string;
  };
}
