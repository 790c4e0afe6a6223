/** The file name a URI ends with, decoded: `file:///corpus/Wang%20Yi.md` → `Wang Yi.md`. */
export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
