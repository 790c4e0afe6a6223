/**
 * The timeline view's model: the messages between the extension and the webview, and the layout, written
 * without the DOM so the core tier tests it. timeline.ts draws what this computes.
 */

/** A statement as the webview gets it (the protocol's TimelineStatement without the URI and range, which stay in the extension). */
export interface TimelinePoint {
  readonly date: string | null;
  readonly text: string;
  readonly kind: 'direct' | 'reported' | 'fragment' | 'speech' | 'transcript';
  readonly speaker: string | null;
  readonly role: string | null;
  readonly documentTitle: string;
}

export interface TimelineRole {
  readonly title: string;
  readonly from: string | null;
  readonly to: string | null;
}

export type TimelineTab = 'person' | 'phrase';

/** What one tab shows. */
export interface TimelineView {
  /** New for each person or phrase shown: the webview keeps a tab's filters until it changes. */
  readonly id: number;
  readonly tab: TimelineTab;
  /** The person's name, or the phrase. */
  readonly title: string;
  /** Other names of the person (person tab). */
  readonly aliases: readonly string[];
  readonly roles: readonly TimelineRole[];
  readonly points: readonly TimelinePoint[];
}

export type ToWebview = { type: 'show'; views: { person?: TimelineView; phrase?: TimelineView }; active: TimelineTab };

export type FromWebview =
  | { type: 'ready' }
  /** Open the source of the `index`th point of a tab. */
  | { type: 'open'; tab: TimelineTab; index: number }
  /** The webview drew a tab: how many points are in its DOM, and how many statements the tab has. */
  | { type: 'rendered'; tab: TimelineTab; points: number; statements: number };

/** The three colours of the legend: a fragment is a direct quotation, a transcript turn is speech. */
export type KindGroup = 'direct' | 'reported' | 'speech';

export function kindGroup(kind: TimelinePoint['kind']): KindGroup {
  return kind === 'reported' ? 'reported' : kind === 'speech' || kind === 'transcript' ? 'speech' : 'direct';
}

export const KIND_LABELS: Record<KindGroup, string> = { direct: 'Direct quotation', reported: 'Reported speech', speech: 'Speech or transcript' };

const DAY = 86_400_000;

/** The first instant of a date of any precision (`2021`, `2021-10`, `2021-10-01`), UTC; NaN for anything else. */
export function periodStart(date: string): number {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return NaN;
  return Date.UTC(+match[1], match[2] ? +match[2] - 1 : 0, match[3] ? +match[3] : 1);
}

/** The last instant of a date's period: the end of the day, month or year. */
export function periodEnd(date: string): number {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return NaN;
  if (match[3]) return Date.UTC(+match[1], +match[2] - 1, +match[3] + 1) - 1;
  if (match[2]) return Date.UTC(+match[1], +match[2], 1) - 1;
  return Date.UTC(+match[1] + 1, 0, 1) - 1;
}

export interface Filter {
  /** Words to look for in the quotation, speaker, role or title (case aside); empty keeps all. */
  readonly text: string;
  /** ISO dates from a date input; empty for no bound. */
  readonly from: string;
  readonly to: string;
}

/**
 * The points a filter keeps, as indexes into `points`. A date range keeps the statements whose date's period
 * overlaps it, and drops undated ones; every word of the text filter must appear.
 */
export function filterPoints(points: readonly TimelinePoint[], filter: Filter): number[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const from = filter.from ? periodStart(filter.from) : -Infinity;
  const to = filter.to ? periodEnd(filter.to) : Infinity;
  const ranged = !!filter.from || !!filter.to;
  const kept: number[] = [];
  points.forEach((point, index) => {
    if (ranged) {
      if (!point.date) return;
      if (periodEnd(point.date) < from || periodStart(point.date) > to) return;
    }
    if (words.length) {
      const haystack = `${point.text}\n${point.speaker ?? ''}\n${point.role ?? ''}\n${point.documentTitle}`.toLowerCase();
      if (!words.every(word => haystack.includes(word))) return;
    }
    kept.push(index);
  });
  return kept;
}

export interface Row {
  readonly key: string;
  readonly label: string;
}

/** The person tab has a row per kind; the phrase tab a row per speaker (the most frequent, the rest as "Others"), by first use. */
export function rowsOf(view: TimelineView, maxSpeakers = 12): { rows: Row[]; rowOf: (point: TimelinePoint) => number } {
  if (view.tab === 'person') {
    const groups: KindGroup[] = ['direct', 'reported', 'speech'];
    return { rows: groups.map(group => ({ key: group, label: KIND_LABELS[group] })), rowOf: point => groups.indexOf(kindGroup(point.kind)) };
  }
  const counts = new Map<string, number>();
  for (const point of view.points) counts.set(point.speaker ?? 'Unattributed', (counts.get(point.speaker ?? 'Unattributed') ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, maxSpeakers).map(([speaker]) => speaker);
  const order = [...new Set(view.points.map(point => point.speaker ?? 'Unattributed'))].filter(speaker => top.includes(speaker));
  const others = counts.size > order.length;
  const rows = [...order.map(speaker => ({ key: speaker, label: speaker })), ...(others ? [{ key: '\u0000others', label: 'Others' }] : [])];
  const rowIndex = new Map(order.map((speaker, index) => [speaker, index]));
  return { rows, rowOf: point => rowIndex.get(point.speaker ?? 'Unattributed') ?? rows.length - 1 };
}

export interface Scale {
  readonly start: number;
  readonly end: number;
  /** Instant → x in pixels, between `left` and `right`. */
  x(time: number): number;
}

/** A linear time scale over the statements' and roles' dates, padded so that points at the ends stay whole. */
export function timeScale(view: TimelineView, left: number, right: number): Scale | undefined {
  const times: number[] = [];
  for (const point of view.points) if (point.date) times.push(periodStart(point.date));
  for (const role of view.roles) {
    if (role.from) times.push(periodStart(role.from));
    if (role.to) times.push(periodEnd(role.to));
  }
  const valid = times.filter(Number.isFinite);
  if (valid.length === 0) return undefined;
  let start = Math.min(...valid), end = Math.max(...valid);
  if (end - start < 60 * DAY) {
    start -= 30 * DAY;
    end += 30 * DAY;
  }
  const pad = (end - start) * 0.03;
  start -= pad;
  end += pad;
  const width = Math.max(1, right - left);
  return { start, end, x: time => left + ((time - start) / (end - start)) * width };
}

/** Axis ticks: months (every 1, 2, 3 or 6) over up to four years, else years; at most about `max`. */
export function ticks(scale: Scale, max = 10): { time: number; label: string }[] {
  const first = new Date(scale.start), years = (scale.end - scale.start) / (365.25 * DAY);
  const found: { time: number; label: string }[] = [];
  if ((years * 12) / 6 > max || years > 4) {
    const step = Math.max(1, Math.ceil(years / max));
    for (let year = first.getUTCFullYear() + 1; ; year += step) {
      const time = Date.UTC(year, 0, 1);
      if (time > scale.end) break;
      if (time >= scale.start) found.push({ time, label: String(year) });
    }
    return found;
  }
  const months = years * 12;
  const step = [1, 2, 3, 6].find(candidate => months / candidate <= max) ?? 6;
  for (let month = first.getUTCFullYear() * 12 + first.getUTCMonth() + 1; ; month++) {
    const time = Date.UTC(Math.floor(month / 12), month % 12, 1);
    if (time > scale.end) break;
    if (month % step !== 0) continue;
    found.push({ time, label: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}` });
  }
  return found;
}

/**
 * At most `max` of the kept points, spread evenly over them in date order (the first and the last always), so
 * that a person quoted 40,000 times still draws quickly and the picture keeps its shape over time.
 */
export function sampleEvenly(kept: readonly number[], max: number): readonly number[] {
  if (kept.length <= max) return kept;
  if (max <= 1) return kept.slice(0, Math.max(0, max));
  const step = (kept.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => kept[Math.round(i * step)]);
}

export interface PlacedPoint {
  /** Index into the view's points. */
  readonly index: number;
  readonly row: number;
  readonly x: number;
  /** Offset from the row's middle line, for points that would cover each other. */
  readonly dy: number;
}

/**
 * Where each kept point goes: x by date (undated ones in a strip at `undatedX`), y by row; points closer than
 * `spacing` pixels in one row stack in short columns beside each other. Returned in date order, which is the
 * order of the arrow keys.
 */
export function placePoints(view: TimelineView, kept: readonly number[], scale: Scale | undefined, rowOf: (point: TimelinePoint) => number, undatedX: number, spacing = 9, stack = 5): PlacedPoint[] {
  const placed: PlacedPoint[] = [];
  const last = new Map<number, { x: number; count: number; baseX: number }>();
  for (const index of kept) {
    const point = view.points[index];
    const row = rowOf(point);
    const time = point.date ? periodStart(point.date) : NaN;
    const x = scale && Number.isFinite(time) ? scale.x(time) : undatedX;
    const previous = last.get(row);
    if (previous && x - previous.x < spacing) {
      previous.count++;
      const column = Math.floor(previous.count / stack), level = previous.count % stack;
      const dy = (level % 2 ? -1 : 1) * Math.ceil(level / 2) * spacing;
      const px = previous.baseX + column * spacing;
      placed.push({ index, row, x: px, dy });
      previous.x = Math.max(previous.x, px);
    } else {
      last.set(row, { x, count: 0, baseX: x });
      placed.push({ index, row, x, dy: 0 });
    }
  }
  return placed.sort((a, b) => a.x - b.x || a.row - b.row || a.dy - b.dy);
}

/**
 * The point the keyboard moves to from `current` (an index into `placed`): Left/Right the previous/next in date
 * order, Up/Down the nearest by x in the row above/below, Home/End the first/last. Undefined: stay.
 */
export function nextPoint(placed: readonly PlacedPoint[], current: number, key: string): number | undefined {
  if (placed.length === 0) return undefined;
  if (key === 'Home') return 0;
  if (key === 'End') return placed.length - 1;
  if (key === 'ArrowRight') return Math.min(current + 1, placed.length - 1);
  if (key === 'ArrowLeft') return Math.max(current - 1, 0);
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return undefined;
  const from = placed[current];
  const rows = [...new Set(placed.map(point => point.row))].sort((a, b) => a - b);
  const target = rows[rows.indexOf(from.row) + (key === 'ArrowDown' ? 1 : -1)];
  if (target === undefined) return undefined;
  let best: number | undefined;
  placed.forEach((point, index) => {
    if (point.row === target && (best === undefined || Math.abs(point.x - from.x) < Math.abs(placed[best].x - from.x))) best = index;
  });
  return best;
}

/** What a screen reader says for a point, and what the detail line shows under the quotation. */
export function describePoint(point: TimelinePoint): string {
  const who = [point.speaker, point.role].filter(Boolean).join(', ');
  return `${KIND_LABELS[kindGroup(point.kind)]}${point.kind === 'fragment' || point.kind === 'transcript' ? ` (${point.kind})` : ''}, ${point.date ?? 'undated'}${who ? `, ${who}` : ''}: ${point.text}`;
}
