import type { AuditFinding, NodeKind } from '@throughline/domain';
import { cleanup, fireEvent, renderHook } from '@testing-library/react';
import type { Positions } from '../layout/geometry';
import { graphNode } from '../model/testGraph';
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
const positions: Positions = { A: { x: 0, y: 0 }, B: { x: 400, y: 0 }, C: { x: 0, y: 300 } };

/** Mounts the keyboard alone (any earlier one in the test is unmounted: one listener on the window). */
function setup(state: Partial<State> = {}) {
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
