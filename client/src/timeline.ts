import * as vscode from 'vscode';
import type { PersonSummary, TimelineStatement } from '../../server/src/protocol';
import type { StatementNode } from './documentsTree';
import type { StatementClient } from './statementClient';
import type { TimelinePanel } from './timelinePanel';

interface PersonItem extends vscode.QuickPickItem {
  readonly person: string;
}

/**
 * Statement Lens: Show Timeline. Takes a name (from a hover card's link or another extension), a node of the
 * Statements view (a speaker group, a document, a quotation), or nothing: then asks for a person with a picker
 * of the corpus's people. Returns the statements shown.
 */
export function showTimeline(client: StatementClient, panel: TimelinePanel) {
  return async (target?: string | StatementNode): Promise<TimelineStatement[] | undefined> => {
    const name = typeof target === 'string' ? target : await personOf(client, target);
    return name ? panel.showPerson(name) : undefined;
  };
}

/**
 * Statement Lens: Show Phrase Timeline. Who used a phrase, when: the phrase given, else the editor's selection,
 * else one typed in an input box.
 */
export function showPhraseTimeline(panel: TimelinePanel) {
  return async (phrase?: string): Promise<TimelineStatement[] | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    const text = typeof phrase === 'string' ? phrase : selected ?? (await vscode.window.showInputBox({ title: 'Phrase Timeline', prompt: 'Who used this phrase, and when?', placeHolder: 'a phrase, e.g. right track' }));
    return text?.trim() ? panel.showPhrase(text) : undefined;
  };
}

async function personOf(client: StatementClient, node: StatementNode | undefined): Promise<string | undefined> {
  if (node?.kind === 'group') return node.label;
  if (node?.kind === 'quote' && node.quote.speaker && node.quote.speakerKind !== 'organisation' && node.quote.speakerKind !== 'unnamed') return node.quote.speaker;
  const speakers = node?.kind === 'document' ? node.document.speakers : node?.kind === 'quote' ? node.document.speakers : [];
  if (speakers.length === 1) return speakers[0];
  return pickPerson(client, speakers);
}

/** A picker of people, most documents first; `only` narrows it to a document's speakers. */
async function pickPerson(client: StatementClient, only: readonly string[]): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<PersonItem>();
  picker.title = 'Show Timeline';
  picker.placeholder = 'Whose statements? (a name or alias)';
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  picker.busy = true;
  picker.show();
  try {
    const people = await client.people();
    const wanted = new Set(only);
    picker.items = (wanted.size ? people.filter(person => wanted.has(person.name)) : people).map(personItem);
    picker.busy = false;
    return await new Promise<string | undefined>(resolve => {
      picker.onDidAccept(() => resolve(picker.selectedItems[0]?.person));
      picker.onDidHide(() => resolve(undefined));
    });
  } finally {
    picker.dispose();
  }
}

function personItem(person: PersonSummary): PersonItem {
  const role = person.roles[0]?.title;
  return {
    label: person.name,
    description: `${person.quotes} quote${person.quotes === 1 ? '' : 's'} · ${person.documents} document${person.documents === 1 ? '' : 's'}`,
    detail: [role, person.aliases.length ? `also ${person.aliases.slice(0, 5).join(', ')}` : undefined].filter(Boolean).join(' · ') || undefined,
    person: person.name,
  };
}
