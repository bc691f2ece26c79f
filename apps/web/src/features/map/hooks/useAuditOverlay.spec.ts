import type { AuditFinding } from '@throughline/domain';
import { act, renderHook } from '@testing-library/react';
import { graphLink, graphNode } from '../model/testGraph';
import { parseMapUrl } from '../useMapUrl';
import { useAuditOverlay } from './useAuditOverlay';

const graph = {
  nodes: [graphNode('THM-1', 'theme'), graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project')],
  links: [graphLink('OBJ-1', 'THM-1'), graphLink('PRJ-1', 'OBJ-1')],
};
const finding: AuditFinding = {
  id: 'f1',
  rule: 'objective-without-delivery',
  severity: 'error',
  nodeIds: ['OBJ-1'],
  nodeKeys: ['OBJ-1'],
  path: ['THM-1', 'OBJ-1'],
  message: 'OBJ-1 has no delivery',
};

function setup(query = 'audit=1') {
  const setUrl = jest.fn();
  const reveal = jest.fn();
  const hook = renderHook(() => useAuditOverlay(parseMapUrl(new URLSearchParams(query)), setUrl, graph, reveal));
  return { hook, setUrl, reveal };
}

describe(useAuditOverlay.name, () => {
  it('picking a finding lights its nodes and path and reveals them, its node selected, trace mode left', () => {
    const { hook, reveal } = setup();
    act(() => hook.result.current.pick(finding));
    expect(hook.result.current.finding).toBe(finding);
    expect([...hook.result.current.highlight!.nodeIds].sort()).toEqual(['OBJ-1', 'THM-1']);
    expect([...hook.result.current.highlight!.linkIds]).toEqual(['OBJ-1>THM-1:contributes_to']);
    expect(reveal).toHaveBeenCalledWith(['OBJ-1', 'THM-1'], { select: 'OBJ-1', also: { traceId: null } });
  });

  it('clears the finding, and closing the panel clears it too', () => {
    const { hook, setUrl } = setup();
    act(() => hook.result.current.pick(finding));
    act(() => hook.result.current.clear());
    expect(hook.result.current.finding).toBeNull();
    expect(hook.result.current.highlight).toBeNull();

    act(() => hook.result.current.pick(finding));
    act(() => hook.result.current.close());
    expect(hook.result.current.finding).toBeNull();
    expect(setUrl).toHaveBeenCalledWith({ auditOpen: false });
  });

  it('keeps whether it is open and the severity in the URL', () => {
    const { hook, setUrl } = setup('audit=1&severity=error');
    expect(hook.result.current.open).toBe(true);
    expect(hook.result.current.severity).toBe('error');
    act(() => hook.result.current.toggle());
    expect(setUrl).toHaveBeenLastCalledWith({ auditOpen: false });
    act(() => hook.result.current.setSeverity(null));
    expect(setUrl).toHaveBeenLastCalledWith({ severity: null });
    expect(setup('').hook.result.current.open).toBe(false);
  });
});
