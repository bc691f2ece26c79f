import type { Page } from '@playwright/test';
import { baseUrl, expect, mapOf } from './fixtures';

/** What the group-box browser tests (map-groups.spec.ts) read off the page and the API. */

interface Unit {
  id: string;
  key: string;
  name: string;
}
interface GraphNode {
  id: string;
  key: string;
  kind: string;
  businessUnitId: string | null;
}
export type Rect = { x: number; y: number; width: number; height: number };

/** The demo's nodes by unit name ("No unit" for those without one), from the API. */
export async function nodesByUnit(page: Page): Promise<Map<string, GraphNode[]>> {
  const units = (await (await page.request.get(`${baseUrl()}/api/business-units`)).json()) as Unit[];
  const view = (await (
    await page.request.get(`${baseUrl()}/api/graph?scope=all&limit=2000&includeProposed=true`)
  ).json()) as { nodes: GraphNode[] };
  const out = new Map<string, GraphNode[]>();
  for (const n of view.nodes) {
    const name = units.find((u) => u.id === n.businessUnitId)?.name ?? 'No unit';
    out.set(name, [...(out.get(name) ?? []), n]);
  }
  return out;
}

/**
 * Every card's node box on screen by key, and every group's and lane's box by name, in one read of
 * the page (boxes read one by one could straddle a move of the viewport).
 */
export function boxes(page: Page): Promise<{ cards: Record<string, Rect>; groups: Record<string, Rect> }> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const cards: Record<string, Rect> = {};
    // The node's own box (far out a card's ring reaches a little outside it).
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node [data-key]'))
      cards[el.dataset.key!] = rect(el.closest('.react-flow__node')!);
    const groups: Record<string, Rect> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid=map-group], [data-testid=map-lane]'))
      groups[el.dataset.name!] = rect(el);
    return { cards, groups };
  });
}

export const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

export const group = (page: Page, name: string) => page.locator(`[data-testid=map-group][data-name="${name}"]`);

/**
 * Every card's and group's box in map coordinates (React Flow's translate and the element's size), whatever the
 * zoom or scroll: cards by key, groups by name.
 */
export function flowBoxes(page: Page): Promise<{ cards: Record<string, Rect>; groups: Record<string, Rect> }> {
  return page.evaluate(() => {
    const cards: Record<string, Rect> = {};
    const groups: Record<string, Rect> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
      if (!m) continue;
      const rect = {
        x: Math.round(Number(m[1])),
        y: Math.round(Number(m[2])),
        width: el.offsetWidth,
        height: el.offsetHeight,
      };
      const key = el.querySelector<HTMLElement>('[data-key]')?.dataset.key;
      const name = el.querySelector<HTMLElement>('[data-testid=map-group]')?.dataset.name;
      if (key) cards[key] = rect;
      else if (name) groups[name] = rect;
    }
    return { cards, groups };
  });
}

export const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Opens the map at `query` with no shared arrangement of that view (forgotten again by `forget`). */
export async function openUnarranged(page: Page, query: string) {
  const read = page.waitForRequest((r) => r.method() === 'GET' && r.url().includes('/api/map-layouts?'));
  await page.goto(`${baseUrl()}/${query}`);
  const view = new URL((await read).url()).searchParams.get('view')!;
  const forget = async () => {
    const res = await page.request.delete(`${baseUrl()}/api/map-layouts?view=${encodeURIComponent(view)}`);
    expect(res.status(), await res.text()).toBe(204);
  };
  await forget();
  await page.reload();
  await mapOf(page).ready();
  return forget;
}
