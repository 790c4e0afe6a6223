/**
 * QuickPick labels, descriptions and details render `$(name)` as an icon. Corpus text is untrusted, so its
 * `$(` is escaped to show as written; highlight ranges move with the text they point at.
 */
export function escapeIcons(text: string, highlights: readonly [number, number][] = []): { text: string; highlights: [number, number][] } {
  const inserted: number[] = []; // offsets (in the original text) where a backslash went in
  const escaped = text.replace(/\$\(/g, (match, offset: number) => {
    inserted.push(offset);
    return `\\${match}`;
  });
  const shift = (offset: number) => offset + inserted.filter(at => at < offset).length;
  return { text: escaped, highlights: highlights.map(([start, end]) => [shift(start), shift(end)]) };
}
