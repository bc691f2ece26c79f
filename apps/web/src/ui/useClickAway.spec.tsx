import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { useClickAway } from './useClickAway';

function Menu({ active, onAway }: { active: boolean; onAway: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useClickAway(box, active, onAway);
  return (
    <>
      <div ref={box}>
        <button type="button">inside</button>
      </div>
      {/* A press someone else handles and stops still closes it: the hook listens before them. */}
      <button type="button" onPointerDown={(e) => e.stopPropagation()}>
        outside
      </button>
    </>
  );
}

describe(useClickAway.name, () => {
  it('calls back for a press outside, not inside, and only while active', async () => {
    const onAway = jest.fn();
    const { rerender } = render(<Menu active onAway={onAway} />);
    await userEvent.click(screen.getByRole('button', { name: 'inside' }));
    expect(onAway).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'outside' }));
    expect(onAway).toHaveBeenCalledTimes(1);
    rerender(<Menu active={false} onAway={onAway} />);
    await userEvent.click(screen.getByRole('button', { name: 'outside' }));
    expect(onAway).toHaveBeenCalledTimes(1);
  });
});
