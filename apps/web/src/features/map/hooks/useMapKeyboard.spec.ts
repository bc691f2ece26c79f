import type { AuditFinding, NodeKind } from '@throughline/domain';
import { cleanup, fireEvent, renderHook } from '@testing-library/react';
import type { Positions } from '../layout/geometry';
import { graphLink, graphNode } from '../model/testGraph';
import { readingOrderFirst, useMapKeyboard } from './useMapKeyboard';

interface State {
  selectedId: string | null;
  selectedEdge: string | null;
  newKind: NodeKind | null;
  traceId: string | null;
  finding: AuditFinding | null;
  blocked: boolean;
}

const drawn = [graphNode('A', 'objective'), graphNode('B', 'objective'), graphNode('C', 'key_result')];
const NO_LINKS: ReturnType<typeof graphLink>[] = [];
const positions: Positions = { A: { x: 0, y: 0 }, B: { x: 400, y: 0 }, C: { x: 0, y: 300 } };

/** Mounts the keyboard alone (any earlier one in the test is unmounted: one listener on the window). */
function setup(state: Partial<State> = {}, links = NO_LINKS) {
  cleanup();
  const s: State = {
    selectedId: null,
    selectedEdge: null,
    newKind: null,
    traceId: null,
    finding: null,
    blocked: false,
  };
  Object.assign(s, state);
  const calls = {
    select: jest.fn(),
    selectEdge: jest.fn(),
    closeNew: jest.fn(),
    trace: jest.fn(),
    leave: jest.fn(),
    clear: jest.fn(),
    requestDeleteSelection: jest.fn(() => true),
    centreOn: jest.fn(),
  };
  renderHook(() =>
    useMapKeyboard({
      blocked: s.blocked,
      selection: { ...s, select: calls.select, selectEdge: calls.selectEdge, closeNew: calls.closeNew },
      trace: { traceId: s.traceId, trace: calls.trace, leave: calls.leave },
      audit: { finding: s.finding, clear: calls.clear },
      editing: { requestDeleteSelection: calls.requestDeleteSelection },
      drawn,
      links,
      positions,
      centreOn: calls.centreOn,
    }),
  );
  const press = (key: string, target: Element | Window = window) => fireEvent.keyDown(target, { key });
  return { calls, press };
}

describe(useMapKeyboard.name, () => {
  it('Escape undoes one thing per press: trace, then finding, new-node form, link, node', () => {
    const finding = { id: 'f' } as AuditFinding;
    const all = { traceId: 'A', finding, newKind: 'project' as const, selectedEdge: 'l', selectedId: 'A' };
    let t = setup(all);
    t.press('Escape');
    expect(t.calls.leave).toHaveBeenCalled();
    expect(t.calls.clear).not.toHaveBeenCalled();

    t = setup({ ...all, traceId: null });
    t.press('Escape');
    expect(t.calls.clear).toHaveBeenCalled();
    expect(t.calls.closeNew).not.toHaveBeenCalled();

    t = setup({ ...all, traceId: null, finding: null });
    t.press('Escape');
    expect(t.calls.closeNew).toHaveBeenCalled();

    t = setup({ selectedEdge: 'l', selectedId: 'A' });
    t.press('Escape');
    expect(t.calls.selectEdge).toHaveBeenCalledWith(null);
    expect(t.calls.select).not.toHaveBeenCalled();

    t = setup({ selectedId: 'A' });
    t.press('Escape');
    expect(t.calls.select).toHaveBeenCalledWith(null);
  });

  it('Delete asks to delete the selection; T traces the selected node', () => {
    const t = setup({ selectedId: 'A', selectedEdge: 'l' });
    t.press('Delete');
    expect(t.calls.requestDeleteSelection).toHaveBeenCalledWith('l', 'A');
    t.press('t');
    expect(t.calls.trace).toHaveBeenCalledWith('A');
  });

  it('arrows move the selection to the nearest node that way and centre on it', () => {
    const t = setup({ selectedId: 'A' });
    t.press('ArrowRight');
    expect(t.calls.select).toHaveBeenCalledWith('B');
    expect(t.calls.centreOn).toHaveBeenCalledWith({ x: 400 + 130, y: 60 });
    t.press('ArrowDown');
    expect(t.calls.select).toHaveBeenLastCalledWith('C');
  });

  it('arrows follow the links before the page: Down from A goes to what delivers it', () => {
    // B (to the right) contributes to A, C (straight below) does not: Down follows the link.
    const t = setup({ selectedId: 'A' }, [graphLink('B', 'A')]);
    t.press('ArrowDown');
    expect(t.calls.select).toHaveBeenCalledWith('B');
  });

  it('Space on the map deselects, then selects the last node again; elsewhere it is left alone', () => {
    const canvas = document.createElement('div');
    canvas.dataset.testid = 'map-canvas';
    canvas.tabIndex = 0;
    const button = document.createElement('button');
    canvas.append(button);
    document.body.append(canvas);
    let t = setup({ selectedId: 'B' });
    t.press(' ', button);
    t.press(' ');
    expect(t.calls.select).not.toHaveBeenCalled();
    t.press(' ', canvas);
    expect(t.calls.select).toHaveBeenCalledWith(null);
    // Nothing selected, but B was: Space brings B back (not the first in reading order, A).
    cleanup();
    const { rerender } = renderHookWithSelection('B');
    rerender({ selectedId: null });
    fireEvent.keyDown(canvas, { key: ' ' });
    expect(selected).toHaveBeenCalledWith('B');
    // Nothing selected before at all: the first in reading order.
    t = setup({});
    t.press(' ', canvas);
    expect(t.calls.select).toHaveBeenCalledWith('A');
    canvas.remove();
  });

  it('Enter opens the selected node: its inspector takes the focus', () => {
    const panel = document.createElement('div');
    panel.dataset.testid = 'node-panel';
    const tab = document.createElement('button');
    tab.setAttribute('role', 'tab');
    panel.append(tab);
    document.body.append(panel);
    let t = setup({});
    t.press('Enter');
    expect(document.activeElement).not.toBe(tab);
    t = setup({ selectedId: 'A' });
    t.press('Enter');
    expect(document.activeElement).toBe(tab);
    panel.remove();
  });

  it('leaves the keys alone while typing or while a dialog is open', () => {
    const input = document.createElement('input');
    document.body.append(input);
    let t = setup({ selectedId: 'A' });
    t.press('Escape', input);
    t.press('Delete', input);
    expect(t.calls.select).not.toHaveBeenCalled();
    expect(t.calls.requestDeleteSelection).not.toHaveBeenCalled();
    input.remove();

    t = setup({ selectedId: 'A', blocked: true });
    t.press('Escape');
    t.press('t');
    expect(t.calls.select).not.toHaveBeenCalled();
    expect(t.calls.trace).not.toHaveBeenCalled();
  });
});

const selected = jest.fn();
/** The keyboard over a selection that changes between renders. */
function renderHookWithSelection(initial: string | null) {
  selected.mockReset();
  return renderHook(
    ({ selectedId }: { selectedId: string | null }) =>
      useMapKeyboard({
        blocked: false,
        selection: {
          selectedId,
          selectedEdge: null,
          newKind: null,
          select: selected,
          selectEdge: jest.fn(),
          closeNew: jest.fn(),
        },
        trace: { traceId: null, trace: jest.fn(), leave: jest.fn() },
        audit: { finding: null, clear: jest.fn() },
        editing: { requestDeleteSelection: jest.fn(() => true) },
        drawn,
        positions,
        centreOn: jest.fn(),
      }),
    { initialProps: { selectedId: initial } },
  );
}

describe('readingOrderFirst', () => {
  it('starts keyboard navigation at the top-left node, not the first key in string order', () => {
    const at = (x: number, y: number) => ({ x, y });
    expect(
      readingOrderFirst([
        { id: 'OBJ-10', at: at(0, 200) },
        { id: 'OBJ-2', at: at(300, 0) },
        { id: 'OBJ-1', at: at(600, 0) },
      ]),
    ).toBe('OBJ-2');
  });
});
