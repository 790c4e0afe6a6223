/** Understanding one document: who is named, who says what, when, where it was published. */
export { parseStatement, readableText, type StatementSource } from './statement';
export { surnameOf } from './people';
export { NameDictionary, type NameOccurrence } from './names';
export { ROLE_HEADS } from './lexicon';
