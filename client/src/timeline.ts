import * as vscode from 'vscode';
import type { PersonSummary, TimelineStatement } from '../../shared/protocol';
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

const PICKER_PEOPLE = 200;

/**
 * A picker of people, most documents first; `only` narrows it to a document's speakers. On a large corpus it
 * lists the most named and asks the server again as the user types (name or alias), cancelling the last ask.
 */
async function pickPerson(client: StatementClient, only: readonly string[]): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<PersonItem>();
  picker.title = 'Show Timeline';
  picker.placeholder = 'Whose statements? (a name or alias)';
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  const wanted = new Set(only);
  let pending: vscode.CancellationTokenSource | undefined;
  const load = async (query: string) => {
    pending?.cancel();
    const source = (pending = new vscode.CancellationTokenSource());
    picker.busy = true;
    try {
      const people = await client.people(query.trim() || undefined, wanted.size ? undefined : PICKER_PEOPLE, source.token);
      if (source.token.isCancellationRequested) return;
      // The server matched every alias; VS Code, which sees only the row, must not hide what it found.
      picker.items = wanted.size ? people.filter(person => wanted.has(person.name)).map(person => personItem(person, false)) : people.map(person => personItem(person, true));
    } catch {
      // Cancelled by the next keystroke, or the server restarting: the next keystroke asks again.
    } finally {
      if (pending === source) picker.busy = false;
    }
  };
  const disposables = [picker, picker.onDidChangeValue(value => void (wanted.size ? undefined : load(value)))];
  try {
    const chosen = new Promise<string | undefined>(resolve => {
      disposables.push(picker.onDidAccept(() => resolve(picker.selectedItems[0]?.person)), picker.onDidHide(() => resolve(undefined)));
    });
    picker.show();
    void load('');
    return await chosen;
  } finally {
    pending?.cancel();
    for (const disposable of disposables) disposable.dispose();
  }
}

function personItem(person: PersonSummary, alwaysShow: boolean): PersonItem {
  const role = person.roles[0]?.title;
  return {
    label: person.name,
    description: `${person.quotes} quote${person.quotes === 1 ? '' : 's'} · ${person.documents} document${person.documents === 1 ? '' : 's'}`,
    detail: [role, person.aliases.length ? `also ${person.aliases.slice(0, 5).join(', ')}` : undefined].filter(Boolean).join(' · ') || undefined,
    person: person.name,
    alwaysShow,
  };
}
