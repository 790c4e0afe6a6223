/**
 * Format characters (Unicode category Cf): zero-width spaces and joiners, bidi marks, embeddings, overrides and
 * isolates, the byte order mark, soft hyphens. Scraped pages are full of them and a hostile document can use
 * them to make text read differently from what it is. They are left out when words are compared, never
 * inserted into a draft, and shown as `⟨U+200B⟩` where a hover quotes corpus text.
 */
const FORMAT_CONTROLS = /\p{Cf}/gu;

export const withoutFormatControls = (text: string) => text.replace(FORMAT_CONTROLS, '');

export const showFormatControls = (text: string) => text.replace(FORMAT_CONTROLS, c => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
