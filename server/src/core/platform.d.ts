/**
 * The few runtime globals the core uses, declared here instead of taking @types/node (which would also let it
 * type-check fs, net or process) or lib DOM (which brings the whole browser). Each exists in Node 20 and, but
 * for setImmediate, in browsers and workers; none does I/O.
 */

/** Decodes corpus bytes (UTF-8, UTF-16) into text. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

/** Gives a manifest cell a string of its own (read/sidecar.ts). */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** Checks that an address from front matter is http(s) and gives its host. */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
}

/** Bounds a long scan in time. */
declare const performance: { now(): number };

/** Yields to the event loop between batches so requests are answered during a long pass. */
declare function setImmediate(callback: (value?: unknown) => void): unknown;
