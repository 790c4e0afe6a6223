/** Turns a corpus file's bytes into text, or says in plain words why it cannot be read as a statement. */
export type Decoded = { readonly text: string; readonly warning?: string } | { readonly error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

export function decodeCorpusFile(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', warning: 'The file is empty.' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // NUL bytes do not occur in text; a few in the first 8 KB mean a binary file (image, PDF, archive).
  const head = body.subarray(0, 8192);
  let nuls = 0;
  for (const byte of head) if (byte === 0) nuls++;
  if (nuls > 0) return { error: `Looks like a binary file (${nuls} NUL byte${nuls === 1 ? '' : 's'} in the first ${head.length} bytes); skipped.` };
  try {
    return { text: utf8.decode(body) };
  } catch {
    return { text: utf8Lenient.decode(body), warning: 'The file is not valid UTF-8; undecodable bytes are shown as �.' };
  }
}
