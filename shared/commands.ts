/**
 * The extension's command ids, once: `contributes.commands` in package.json lists the same set (a core test
 * checks it), the client registers each from its table, and the server names some in hover-card links and
 * code lenses.
 */
export const COMMANDS = {
  reindex: 'statementLens.reindex',
  clearIndexCache: 'statementLens.clearIndexCache',
  toggleSort: 'statementLens.toggleSort',
  groupBySpeaker: 'statementLens.documents.groupBySpeaker',
  sortByDate: 'statementLens.documents.sortByDate',
  openBundledSeeds: 'statementLens.openBundledSeeds',
  showOutput: 'statementLens.showOutput',
  searchQuotes: 'statementLens.searchQuotes',
  showView: 'statementLens.showView',
  openDocument: 'statementLens.documents.open',
  refreshDocuments: 'statementLens.documents.refresh',
  showRelatedStatements: 'statementLens.showRelatedStatements',
  showMentions: 'statementLens.showMentions',
  insertActiveQuote: 'statementLens.searchQuotes.insertActive',
  showTimeline: 'statementLens.showTimeline',
  showPhraseTimeline: 'statementLens.showPhraseTimeline',
  addCorpusFolder: 'statementLens.addCorpusFolder',
  exportCitations: 'statementLens.exportCitations',
  openExampleDraft: 'statementLens.openExampleDraft',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
