import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ANCHOR, loadDemoTemplate } from './demoTemplate';

/** The API's demo document and its anchor date: read as files (the web app never imports the API). */
const API_DEMO = join(__dirname, '../../../../api/src/portfolio-io/demo');

describe('the demo template', () => {
  it('is the API’s demo document, anchored on the same day', () => {
    const api = JSON.parse(readFileSync(join(API_DEMO, 'demo-portfolio.json'), 'utf8')) as unknown;
    const web = JSON.parse(readFileSync(join(__dirname, 'demo-portfolio.json'), 'utf8')) as unknown;
    expect(web).toEqual(api);
    const anchor = /DEMO_ANCHOR = '(\d{4}-\d\d-\d\d)'/.exec(readFileSync(join(API_DEMO, 'demo-portfolio.ts'), 'utf8'));
    expect(anchor?.[1]).toBe(DEMO_ANCHOR);
  });

  it('moves every date by the days since the anchor, so the demo looks current', async () => {
    const doc = await loadDemoTemplate('2026-11-11');
    const original = await loadDemoTemplate(DEMO_ANCHOR);
    const dated = original.nodes.findIndex((n) => n.endDate);
    expect(doc.nodes[dated].endDate).not.toBe(original.nodes[dated].endDate);
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    expect(days(doc.nodes[dated].endDate!, original.nodes[dated].endDate!)).toBe(10);
    expect(days(doc.checkIns[0].at, original.checkIns[0].at)).toBe(10);
    expect(days(doc.raid![0].dueDate!, original.raid![0].dueDate!)).toBe(10);
    expect(doc.nodes).toHaveLength(98);
  });
});
