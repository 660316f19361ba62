/**
 * pdf-lib, from the single file it ships, not from its CommonJS entry: measured, the entry's 170 or so
 * files (pdf-lib, pako, its standard fonts) took 100–190 ms to load in each run that prints, the one
 * file 40–65 ms. The same version and code. Import pdf-lib from here only: the two builds' classes are
 * not the same, so an object made by one fails the other's `instanceof`.
 */
export * from "pdf-lib/dist/pdf-lib.esm.min.js";
