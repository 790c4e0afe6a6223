/** Reading a file: bytes to text, front matter, sidecars, Markdown, paragraphs, sentences, words. */
export { decodeCorpusFile, type Decoded } from './decode';
export { readFrontMatter, type FrontMatter } from './frontMatter';
export { readSidecar, isSidecarFile, SIDECAR_FILE_NAMES, type Sidecar } from './sidecar';
export { readMarkdown, isMarkdownFile } from './markdownText';
export { isDebrisLine } from './debris';
export { splitSentences } from './sentences';
export { findDate, normalizeDate, type FoundDate } from './dates';
export { withoutFormatControls, showFormatControls } from './invisible';
export { trimEndOf } from './trim';
export { fileNameOf } from './uris';
export { searchWords, foldAccents, stemOf } from './searchText';
