/**
 * The timeline webview: draws a person's roles as bands and their statements as points by date (or, on the
 * phrase tab, who used a phrase, when), in plain SVG. Corpus text only ever reaches the page through
 * textContent and attributes, never as markup; the page's Content-Security-Policy allows this script alone.
 */
import { describePoint, filterPoints, sampleEvenly, kindGroup, KIND_LABELS, nextPoint, periodEnd, periodStart, placePoints, rowsOf, ticks, timeScale, type FromWebview, type KindGroup, type PlacedPoint, type TimelineTab, type TimelineView, type ToWebview } from './timelineModel';

/** What the page keeps while hidden (VS Code reloads a hidden webview): the tab, each tab's filters, and for which view. */
interface SavedState {
  active: TimelineTab;
  filters: Record<TimelineTab, { text: string; from: string; to: string }>;
  ids: Partial<Record<TimelineTab, number>>;
}

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): SavedState | undefined; setState(state: SavedState): void };

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
const SVG = 'http://www.w3.org/2000/svg';
/** An upper estimate of a 12px label's character width, to keep labels inside the chart. */
const LABEL_CHAR_WIDTH = 7;
/** Points drawn at most; more matching statements are sampled evenly over time (the count line says so). */
const MAX_DRAWN = 3000;
const LEFT = 170, RIGHT_GAP = 70, ROW_HEIGHT = 64, BAND_HEIGHT = 20, AXIS_HEIGHT = 28, TOP = 8;

const state: {
  views: { person?: TimelineView; phrase?: TimelineView };
  active: TimelineTab;
  filters: Record<TimelineTab, { text: string; from: string; to: string }>;
  /** Per tab, the index (into the view's points) of the point that has the roving tab stop. */
  current: Record<TimelineTab, number | undefined>;
} = {
  views: {},
  active: saved?.active ?? 'person',
  filters: saved?.filters ?? { person: { text: '', from: '', to: '' }, phrase: { text: '', from: '', to: '' } },
  current: { person: undefined, phrase: undefined },
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tabs: Record<TimelineTab, HTMLButtonElement> = { person: byId('tab-person'), phrase: byId('tab-phrase') };
const panel = byId<HTMLElement>('panel');
const title = byId<HTMLElement>('title');
const subtitle = byId<HTMLElement>('subtitle');
const filterText = byId<HTMLInputElement>('filter-text');
const filterFrom = byId<HTMLInputElement>('filter-from');
const filterTo = byId<HTMLInputElement>('filter-to');
const count = byId<HTMLElement>('count');
const legend = byId<HTMLElement>('legend');
const chart = byId<HTMLElement>('chart');
const detail = byId<HTMLElement>('detail');
const empty = byId<HTMLElement>('empty');

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent?.appendChild(element);
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, className?: string, parent?: Element): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  parent?.appendChild(element);
  return element;
}

/** The mark of a kind: a circle (direct), a square (reported), a diamond (speech), so kinds differ without colour too. */
function shapePath(group: KindGroup, r = 5.5): string {
  if (group === 'reported') return `M${-r + 1},${-r + 1}h${2 * r - 2}v${2 * r - 2}h${-2 * r + 2}z`;
  if (group === 'speech') return `M0,${-r - 1}L${r + 1},0L0,${r + 1}L${-r - 1},0z`;
  return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

function drawLegend(): void {
  legend.replaceChildren();
  for (const group of ['direct', 'reported', 'speech'] as KindGroup[]) {
    const item = html('li', undefined, `legend-${group}`, legend);
    const mark = svg('svg', { width: 14, height: 14, viewBox: '-7 -7 14 14', 'aria-hidden': 'true' }, item);
    svg('path', { d: shapePath(group), class: `mark kind-${group}` }, mark);
    html('span', KIND_LABELS[group], undefined, item);
  }
}

function showDetail(view: TimelineView, index: number | undefined): void {
  detail.replaceChildren();
  if (index === undefined) {
    html('p', 'Hover or focus a point to read the statement; click it or press Enter to open its source.', 'hint', detail);
    return;
  }
  const point = view.points[index];
  html('blockquote', `“${point.text}”`, undefined, detail);
  const meta = html('p', undefined, 'meta', detail);
  html('strong', point.speaker ?? 'Unattributed', undefined, meta);
  meta.append(document.createTextNode([point.role ? `, ${point.role}` : '', ` · ${point.date ?? 'undated'} · ${KIND_LABELS[kindGroup(point.kind)].toLowerCase()}${point.kind === 'fragment' || point.kind === 'transcript' ? ` (${point.kind})` : ''} · `].join('')));
  html('cite', point.documentTitle, undefined, meta);
}

function render(): void {
  const tab = state.active;
  const view = state.views[tab];
  for (const name of ['person', 'phrase'] as TimelineTab[]) {
    tabs[name].setAttribute('aria-selected', String(name === tab));
    tabs[name].tabIndex = name === tab ? 0 : -1;
    tabs[name].disabled = !state.views[name];
  }
  panel.setAttribute('aria-labelledby', tabs[tab].id);
  const filter = state.filters[tab];
  filterText.value = filter.text;
  filterFrom.value = filter.from;
  filterTo.value = filter.to;
  chart.replaceChildren();
  if (!view) {
    title.textContent = tab === 'person' ? 'Person timeline' : 'Phrase timeline';
    subtitle.textContent = tab === 'person' ? 'Run "Statement Lens: Show Timeline" to pick a person.' : 'Select a phrase in an editor and run "Statement Lens: Show Phrase Timeline".';
    count.textContent = '';
    showDetail({ id: 0, tab, title: '', aliases: [], roles: [], points: [] }, undefined);
    return;
  }
  title.textContent = tab === 'person' ? view.title : `“${view.title}”`;
  subtitle.textContent = tab === 'person'
    ? (view.aliases.length ? `Also ${view.aliases.slice(0, 6).join(', ')}` : '')
    : 'Who used this phrase, and when';
  const dates = view.points.map(point => point.date).filter((date): date is string => !!date);
  filterFrom.min = filterTo.min = dates.length ? new Date(periodStart(dates[0])).toISOString().slice(0, 10) : '';
  filterFrom.max = filterTo.max = dates.length ? new Date(periodEnd(dates[dates.length - 1])).toISOString().slice(0, 10) : '';

  const matching = filterPoints(view.points, filter);
  const kept = sampleEvenly(matching, MAX_DRAWN);
  count.textContent = `${matching.length.toLocaleString('en')} of ${view.points.length.toLocaleString('en')} statement${view.points.length === 1 ? '' : 's'}${kept.length < matching.length ? `; ${kept.length.toLocaleString('en')} drawn, spread evenly over time (filter or narrow the dates to see each)` : ''}`;
  empty.hidden = view.points.length > 0;
  empty.textContent = view.points.length ? '' : tab === 'person' ? 'The corpus has no quotation of theirs.' : 'No quotation in the corpus uses this phrase.';

  const width = Math.max(480, chart.clientWidth || 900);
  const right = width - RIGHT_GAP;
  const scale = timeScale(view, LEFT, right);
  const { rows, rowOf } = rowsOf(view);
  const datedRoles = view.roles.filter(role => role.from || role.to);
  const bandsTop = TOP, rowsTop = bandsTop + datedRoles.length * (BAND_HEIGHT + 4) + (datedRoles.length ? 10 : 0);
  const axisY = rowsTop + rows.length * ROW_HEIGHT;
  const height = axisY + AXIS_HEIGHT;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `${tab === 'person' ? `Statements of ${view.title}` : `Uses of “${view.title}”`} by date` }, chart);

  // Role bands, earliest first: from the first to the last date the corpus (or people.yaml) states the role.
  if (scale && datedRoles.length) {
    const bands = svg('g', { class: 'roles', role: 'list', 'aria-label': 'Roles' }, root);
    [...datedRoles].sort((a, b) => periodStart(a.from ?? a.to!) - periodStart(b.from ?? b.to!)).forEach((role, lane) => {
      const x1 = scale.x(periodStart(role.from ?? role.to!));
      const x2 = role.to ? scale.x(periodEnd(role.to)) : right;
      const y = bandsTop + lane * (BAND_HEIGHT + 4);
      const span = `${role.from ?? '?'} – ${role.to ?? (role.from ? 'on' : '?')}`;
      const band = svg('g', { class: 'role', role: 'listitem', 'aria-label': `${role.title}, ${span}` }, bands);
      svg('rect', { x: x1, y, width: Math.max(6, x2 - x1), height: BAND_HEIGHT, rx: 3, class: 'role-band' }, band);
      svg('title', {}, band).textContent = `${role.title} (${span})`;
      const text = role.title.length > 70 ? `${role.title.slice(0, 69)}…` : role.title;
      // The label reads from the band's start, or ends before it when it would run past the right edge.
      const after = Math.max(x1, Math.min(x2, x1 + 6)) + 6;
      const fits = after + text.length * LABEL_CHAR_WIDTH <= width;
      const label = svg('text', { x: fits ? after : Math.max(LEFT, x1 - 6), y: y + BAND_HEIGHT / 2 + 4, class: 'role-label', 'text-anchor': fits ? 'start' : 'end' }, band);
      label.textContent = text;
    });
    svg('text', { x: 8, y: bandsTop + 14, class: 'row-label' }, root).textContent = 'Roles';
  }

  // Rows: a label and a guide line each.
  rows.forEach((row, index) => {
    const y = rowsTop + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    svg('line', { x1: LEFT - 8, x2: width - 8, y1: y, y2: y, class: 'guide' }, root);
    const label = svg('text', { x: 8, y: y + 4, class: 'row-label' }, root);
    label.textContent = row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label;
    svg('title', {}, label).textContent = row.label;
  });

  // The time axis, and an "undated" strip at the right end when some statements have no date.
  svg('line', { x1: LEFT, x2: right, y1: axisY, y2: axisY, class: 'axis' }, root);
  if (scale) {
    for (const tick of ticks(scale, Math.max(3, Math.floor((right - LEFT) / 90)))) {
      const x = scale.x(tick.time);
      svg('line', { x1: x, x2: x, y1: rowsTop, y2: axisY + 4, class: 'tick' }, root);
      svg('text', { x, y: axisY + 18, class: 'tick-label', 'text-anchor': 'middle' }, root).textContent = tick.label;
    }
  }
  const undatedX = width - RIGHT_GAP / 2;
  if (kept.some(index => !view.points[index].date)) svg('text', { x: undatedX, y: axisY + 18, class: 'tick-label', 'text-anchor': 'middle' }, root).textContent = 'undated';

  // The points, in date order: one tab stop among them (roving tabindex), arrow keys move it.
  const placed = placePoints(view, kept, scale, rowOf, undatedX, 12);
  const layer = svg('g', { class: 'points', role: 'group', 'aria-label': 'Statements, in date order' }, root);
  const elements: SVGGElement[] = [];
  const currentAt = Math.max(0, placed.findIndex(point => point.index === state.current[tab]));
  placed.forEach((point: PlacedPoint, order) => {
    const data = view.points[point.index];
    const y = rowsTop + point.row * ROW_HEIGHT + ROW_HEIGHT / 2 + point.dy;
    const mark = svg('g', { class: `point kind-${kindGroup(data.kind)}`, transform: `translate(${point.x},${y})`, role: 'button', tabindex: order === currentAt ? 0 : -1, 'aria-label': describePoint(data), 'data-index': point.index }, layer);
    svg('path', { d: shapePath(kindGroup(data.kind)), class: 'mark' }, mark);
    mark.addEventListener('mouseenter', () => showDetail(view, point.index));
    mark.addEventListener('focus', () => {
      state.current[tab] = point.index;
      for (const other of elements) other.tabIndex = -1;
      mark.tabIndex = 0;
      showDetail(view, point.index);
    });
    mark.addEventListener('click', () => {
      mark.focus();
      vscode.postMessage({ type: 'open', tab, index: point.index });
    });
    mark.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        vscode.postMessage({ type: 'open', tab, index: point.index });
        return;
      }
      const next = nextPoint(placed, order, event.key);
      if (next === undefined) return;
      event.preventDefault();
      elements[next].focus();
    });
    elements.push(mark);
  });
  const shown = state.current[tab];
  showDetail(view, shown !== undefined && kept.includes(shown) ? shown : undefined);
  vscode.postMessage({ type: 'rendered', tab, points: layer.querySelectorAll('.point').length, statements: view.points.length });
}

function save(): void {
  vscode.setState({ active: state.active, filters: state.filters, ids: { person: state.views.person?.id, phrase: state.views.phrase?.id } });
}

function selectTab(tab: TimelineTab, focus = false): void {
  if (!state.views[tab]) return;
  state.active = tab;
  save();
  render();
  if (focus) tabs[tab].focus();
}

for (const tab of ['person', 'phrase'] as TimelineTab[]) {
  tabs[tab].addEventListener('click', () => selectTab(tab));
  tabs[tab].addEventListener('keydown', event => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    selectTab(tab === 'person' ? 'phrase' : 'person', true);
  });
}

const onFilter = () => {
  state.filters[state.active] = { text: filterText.value, from: filterFrom.value, to: filterTo.value };
  save();
  render();
};
filterText.addEventListener('input', onFilter);
filterFrom.addEventListener('change', onFilter);
filterTo.addEventListener('change', onFilter);
byId<HTMLFormElement>('filters').addEventListener('submit', event => event.preventDefault());

let resizing = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(render);
});

let first = true;
window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type !== 'show') return;
  // After a reload, the same views as before: the tab the user had open stays open.
  const reloaded = first && !!saved && (['person', 'phrase'] as TimelineTab[]).every(tab => message.views[tab]?.id === saved.ids[tab]);
  first = false;
  for (const tab of ['person', 'phrase'] as TimelineTab[]) {
    const view = message.views[tab];
    // A new person or phrase starts unfiltered; the same one, sent again after a reload, keeps its filters.
    if (view && view.id !== (state.views[tab]?.id ?? saved?.ids[tab])) {
      state.views[tab] = view;
      state.current[tab] = undefined;
      state.filters[tab] = { text: '', from: '', to: '' };
    }
  }
  for (const tab of ['person', 'phrase'] as TimelineTab[]) if (message.views[tab]) state.views[tab] = message.views[tab];
  if (!reloaded) state.active = message.active;
  save();
  render();
});

drawLegend();
render();
vscode.postMessage({ type: 'ready' });
