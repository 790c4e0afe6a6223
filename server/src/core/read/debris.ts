/**
 * Recognizes web debris around a statement: consent banners, site chrome, shop slogans, image captions and
 * link lines. Debris stays in the file (the grammar dims it) but is never a quote, a person or a search hit.
 * The same rules drive the TextMate grammar's `comment.debris` scope, so keep them line-based.
 */
const DEBRIS_LINE = new RegExp(
  [
    String.raw`\bcookies?\b.{0,80}\b(?:policy|settings|consent|use of|accept)\b`,
    String.raw`\b(?:privacy (?:statement|policy)|terms of (?:use|service))\b`,
    String.raw`^(?:I agree|Accept(?: all)?(?: cookies)?|Reject all|Got it|OK)\.?$`,
    String.raw`^(?:search trends|trending(?: now)?|most (?:read|popular|viewed)|related (?:stories|articles|news)|recommended|editor'?s picks?)$`,
    String.raw`^(?:leave a (?:reply|comment)|post a comment|comments?|share(?: this)?(?: article| story)?|print|email|follow us.*|subscribe.*|sign up.*|newsletter.*|advertisement|sponsored.*|tags?:.*)$`,
    String.raw`^(?:download (?:the )?(?:whitepaper|white paper|brochure|app|pdf|report)\b.*)$`,
    String.raw`^read (?:more|also|next)\b.*$`,
    String.raw`\b(?:please )?enter your e-?mail(?: address)?\b|^thank you for your interest\b`,
    String.raw`^(?:copyright|©|\(c\))\s.*$`,
    String.raw`\ball rights reserved\b`,
    String.raw`^(?:skip to (?:main )?content|back to top|menu|home|search)$`,
    String.raw`\bwelcome to\b.{0,40}\bproducts?\b|\bhigh quality products?\b|\bproduct performance\b|\bfactory (?:price|direct)\b|\bcontact us (?:now|today)\b`,
    // Image captions and credits: "(Cover: ...)", "... /CFP", "Photo: Xinhua".
    String.raw`^\((?:cover|photo|file photo|image|video)[^)]*\)?$`,
    String.raw`^(?:photo|image|file photo|video)(?: by)?\s*[:|].*$`,
    String.raw`\s/\s?[A-Z][A-Za-z]{1,12}\)?$`,
  ].join('|'),
  'i',
);

/** True when a single line is debris on its own. */
export function isDebrisLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  if (text.length > 600) return false;
  return DEBRIS_LINE.test(text);
}

/**
 * Marks debris paragraphs: lines that are debris on their own, captions repeated verbatim (scrapes repeat
 * image captions), and the link titles that follow a "Read more:" line.
 */
export function findDebris(paragraphTexts: readonly string[]): boolean[] {
  const counts = new Map<string, number>();
  for (const text of paragraphTexts) {
    const key = text.trim();
    if (key.length > 0 && key.length < 300) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A repeated caption is debris; a repeated salutation ("Excellencies,", "Ladies and Gentlemen,") is the speech.
  const debris = paragraphTexts.map(text => isDebrisLine(text) || ((counts.get(text.trim()) ?? 0) > 1 && !/["“”]|,\s*$/.test(text)));
  for (let i = 0; i < paragraphTexts.length; i++) {
    if (/^read (?:more|also|next)\s*(?::\s*)?$/i.test(paragraphTexts[i].trim())) {
      // The headline(s) of the linked story follow on their own short lines.
      for (let j = i + 1; j < paragraphTexts.length && j <= i + 3; j++) {
        const next = paragraphTexts[j].trim();
        if (next.length > 160 || /[.!?]["”’]?$/.test(next) && !/^[A-Z][^.!?]*:/.test(next)) break;
        debris[j] = true;
      }
    }
  }
  return debris;
}
