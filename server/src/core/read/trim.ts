/**
 * Drops trailing characters of a set, scanning back from the end. A regex like /[\s.,]+$/ is retried at every
 * run of those characters in the text, which is quadratic on hostile input; this is linear.
 */
export function trimEndOf(text: string, characters: RegExp): string {
  let end = text.length;
  while (end > 0 && characters.test(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}
