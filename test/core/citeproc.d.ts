/** citeproc (citeproc-js) ships no types: the few calls the CSL-JSON test makes. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string);
    updateItems(ids: string[]): void;
    makeBibliography(): [{ bibliography_errors: unknown[] }, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export = CSL;
}
