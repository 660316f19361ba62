// pdf-lib's single-file build (src/shared/pdfLib.ts) is typed as its package entry: the same API.
declare module "pdf-lib/dist/pdf-lib.esm.min.js" {
  export * from "pdf-lib";
}
