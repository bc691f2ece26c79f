import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('cannot read properties of undefined');
}

describe('ErrorBoundary', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('shows what happened and a way on instead of a blank page', () => {
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be shown');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.getByText('cannot read properties of undefined')).toBeInTheDocument();
  });

  it('says when the page’s code could not be loaded', () => {
    function Unloaded(): never {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/HomePage.js');
    }
    render(
      <ErrorBoundary>
        <Unloaded />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('a new version of Throughline is out');
  });

  it('draws its children when nothing fails', () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
  });
});
