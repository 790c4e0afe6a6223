/** citeproc (citeproc-js) ships no types: the few calls the CSL-JSON test makes. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface Engine {
    updateItems(ids: string[]): void;
    makeBibliography(): [{ bibliography_errors: unknown[] }, string[]] | false;
  }
  const CSL: { Engine: new (sys: Sys, style: string, lang?: string) => Engine };
  export = CSL;
}
