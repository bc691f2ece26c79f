import { act, render, screen } from '@testing-library/react';
import { lazyPage } from './lazyPage';

function Map() {
  return <h1>The map</h1>;
}

describe('lazyPage', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('draws a page whose code is already in on the first render, with no splash in between', async () => {
    const { Page, load } = lazyPage(() => Promise.resolve(Map));
    await load();
    const { container } = render(<Page />);
    // Synchronously: no fallback committed, nothing for React's reveal throttle to hold back.
    expect(screen.getByRole('heading', { name: 'The map' })).toBeInTheDocument();
    expect(container.querySelector('.splash')).toBeNull();
  });

  it('shows the splash while the code loads, then the page as soon as it is in', async () => {
    let arrive: (component: typeof Map) => void = () => undefined;
    const { Page } = lazyPage(() => new Promise((resolve) => (arrive = resolve)));
    const { container } = render(<Page />);
    expect(container.querySelector('.splash')).not.toBeNull();
    jest.useFakeTimers();
    try {
      await act(async () => arrive(Map));
      // No timer had to run (React's Suspense would wait 300 ms after its fallback before revealing the page).
      expect(screen.getByRole('heading', { name: 'The map' })).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the error boundary when the code cannot be loaded, and asks again on the next visit', async () => {
    const load = jest
      .fn<Promise<typeof Map>, []>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: /assets/HomePage.js'))
      .mockResolvedValueOnce(Map);
    const { Page } = lazyPage(load);
    const first = render(<Page />);
    expect(await screen.findByRole('alert')).toHaveTextContent('a new version of Throughline is out');
    first.unmount();
    render(<Page />);
    expect(await screen.findByRole('heading', { name: 'The map' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
