import { act, renderHook } from '@testing-library/react';
import { useViewControls } from './useViewControls';

describe(useViewControls.name, () => {
  it('a new view is a history entry that leaves the old root, unit, limit and trace behind', () => {
    const setUrl = jest.fn();
    const { result } = renderHook(() => useViewControls(setUrl));
    act(() => result.current.setScope('business_unit', 'bu-1'));
    expect(setUrl).toHaveBeenLastCalledWith(
      { scope: 'business_unit', rootId: null, unitId: 'bu-1', traceId: null, limit: null },
      { push: true },
    );
    act(() => result.current.setScope('strategy', 'ignored'));
    expect(setUrl).toHaveBeenLastCalledWith(
      { scope: 'strategy', rootId: null, unitId: null, traceId: null, limit: null },
      { push: true },
    );
  });

  it('a filter replaces the entry', () => {
    const setUrl = jest.fn();
    const { result } = renderHook(() => useViewControls(setUrl));
    act(() => result.current.setFilter('kind', 'project'));
    expect(setUrl).toHaveBeenLastCalledWith({ filters: { kind: 'project' } });
  });
});
