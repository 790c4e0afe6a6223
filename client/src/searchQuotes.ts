import * as vscode from 'vscode';
import type { QuoteHit } from '../../shared/protocol';
import { quoteRow } from './quoteRow';
import type { StatementClient } from './statementClient';

interface QuoteItem extends vscode.QuickPickItem {
  readonly hit: QuoteHit;
}

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert quote with citation' };
const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy quote with citation' };

/**
 * Statement Lens: Search Quotes. Queries the server as the user types (each keystroke cancels the previous
 * request); Enter opens the source, the buttons insert or copy the quote with its citation.
 */
export async function searchQuotes(client: StatementClient, initialQuery = ''): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const editor = vscode.window.activeTextEditor;
  const picker = vscode.window.createQuickPick<QuoteItem>();
  // The hints that would not fit in the placeholder go in the title bar.
  picker.title = 'Search Quotes · Enter opens · Alt+Enter inserts with citation';
  picker.placeholder = 'Words you remember (speaker:qin after:2021)';
  // VS Code always matches the label, and highlights the typed words where they appear as typed; the API
  // carries no highlight ranges of an extension's own. alwaysShow keeps the server's other hits.
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // The server ranks; keep its order and let every item through VS Code's own filter.
  (picker as vscode.QuickPick<QuoteItem> & { sortByLabel?: boolean }).sortByLabel = false;
  picker.value = initialQuery;
  let pending: vscode.CancellationTokenSource | undefined;
  const disposables: vscode.Disposable[] = [];

  const query = async (value: string) => {
    pending?.cancel();
    pending?.dispose();
    if (!value.trim()) {
      picker.items = [];
      return;
    }
    const source = (pending = new vscode.CancellationTokenSource());
    picker.busy = true;
    try {
      const hits = await client.searchQuotes(value, 50, source.token);
      if (source.token.isCancellationRequested) return;
      picker.items = hits.map(hit => ({ ...quoteRow(hit), alwaysShow: true, buttons: editor ? [INSERT_BUTTON, COPY_BUTTON] : [COPY_BUTTON], hit }));
    } catch {
      if (!source.token.isCancellationRequested) picker.items = [];
    } finally {
      if (pending === source) picker.busy = false;
    }
  };

  disposables.push(
    picker.onDidChangeValue(query),
    picker.onDidAccept(async () => {
      // The first item is the active one on screen until the user moves; the API may not have heard yet.
      const item = picker.activeItems[0] ?? picker.selectedItems[0] ?? picker.items[0];
      if (!item) return;
      picker.hide();
      await openQuote(item.hit);
    }),
    picker.onDidTriggerItemButton(async ({ item, button }) => {
      picker.hide();
      if (button === INSERT_BUTTON && editor) await insertCitation(editor, item.hit);
      else {
        await vscode.env.clipboard.writeText(item.hit.citation);
        void vscode.window.showInformationMessage('Quote with citation copied.');
      }
    }),
    picker.onDidHide(() => {
      open = undefined;
      void vscode.commands.executeCommand('setContext', PICKER_CONTEXT, false);
      pending?.cancel();
      for (const disposable of disposables) disposable.dispose();
      picker.dispose();
    }),
  );
  open = {
    picker,
    insertActive: async () => {
      const item = picker.activeItems[0] ?? picker.items[0];
      if (!item || !editor) return false;
      picker.hide();
      return insertCitation(editor, item.hit);
    },
  };
  void vscode.commands.executeCommand('setContext', PICKER_CONTEXT, true);
  picker.show();
  if (initialQuery) await query(initialQuery);
  return picker;
}

/** The picker on screen, for Alt+Enter (insert the active quote into the editor the search started from). */
let open: { picker: vscode.QuickPick<QuoteItem>; insertActive(): Promise<boolean> } | undefined;
const PICKER_CONTEXT = 'statementLens.quotePickerOpen';

export function insertActiveQuote(): Promise<boolean> {
  return open?.insertActive() ?? Promise.resolve(false);
}

export async function openQuote(hit: Pick<QuoteHit, 'uri' | 'range'>): Promise<void> {
  const range = new vscode.Range(hit.range.start.line, hit.range.start.character, hit.range.end.line, hit.range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(hit.uri), { selection: range, preview: true });
}

/** One undoable edit: the citation replaces the selection (or goes at the cursor). */
export async function insertCitation(editor: vscode.TextEditor, hit: QuoteHit): Promise<boolean> {
  return editor.edit(edit => edit.replace(editor.selection, hit.citation));
}
