import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useImportDocument, type ImportResult } from '../../api/onboarding.queries';
import { describeError } from '../../ui/errors';
import { FormError } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { useSignedIn } from '../auth/session';
import { useCan } from '../auth/useCan';
import { loadDemoTemplate } from './demoTemplate';
import './onboarding.css';

const summary = (result: ImportResult) =>
  `Imported ${result.nodes.created} nodes, ${result.links.created} links and ${result.businessUnits.created} business units`;

/** A chosen file's text (FileReader: older browsers and jsdom have no `Blob.text`). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/**
 * What a new organisation opens on instead of an empty map: start from the demo as a template,
 * import a document, or draw the first theme. Members who may not build the map are told who does.
 */
export function Onboarding({ onDraw }: { onDraw: () => void }) {
  const session = useSignedIn();
  const { can } = useCan();
  const mayImport = can('runImport');
  const mayDraw = can('editStrategy');
  const importing = useImportDocument();
  const toast = useToast();
  const file = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const runImport = (document: unknown) =>
    importing.mutate(document, { onSuccess: (result) => toast(summary(result), 'success') });

  const readFile = async (chosen: File) => {
    setFileError(null);
    let document: unknown;
    try {
      document = JSON.parse(await readText(chosen));
    } catch {
      setFileError(`${chosen.name} is not a JSON file.`);
      return;
    }
    runImport(document);
  };

  return (
    <div className="page onboarding" data-testid="onboarding">
      <div className="page-inner">
        <h1 className="page-title">Welcome to {session.organisation.name}</h1>
        {!mayImport && !mayDraw ? (
          <p className="page-lead">
            The map is empty for now. Your organisation's PMO lead or admin draws it first: themes, objectives and key
            results, then the work that delivers them. Come back when they have.
          </p>
        ) : (
          <>
            <p className="page-lead">
              The map is empty. Throughline ties strategy (themes, objectives, key results) to the work that delivers
              it. Start in one of these ways:
            </p>
            <div className="onboarding-options">
              {mayImport && (
                <section className="onboarding-option">
                  <h2>Start from the demo</h2>
                  <p>
                    Northwind Energy's portfolio as a template: 7 business units, 98 nodes, their links and check-ins.
                    Rename, reshape and delete what you do not need.
                  </p>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={importing.isPending}
                    onClick={() =>
                      void loadDemoTemplate().then(runImport, () =>
                        setFileError('The demo template could not be loaded.'),
                      )
                    }
                  >
                    Use the demo as a template
                  </button>
                </section>
              )}
              {mayImport && (
                <section className="onboarding-option">
                  <h2>Import a document</h2>
                  <p>
                    An interchange document (JSON, format <code>throughline/v1</code>), e.g. an export of another
                    Throughline. Nothing is written if any of it is wrong.
                  </p>
                  <input
                    ref={file}
                    type="file"
                    accept="application/json,.json"
                    hidden
                    data-testid="import-file"
                    onChange={(e) => {
                      const chosen = e.target.files?.[0];
                      e.target.value = '';
                      if (chosen) void readFile(chosen);
                    }}
                  />
                  <button
                    type="button"
                    className="btn"
                    disabled={importing.isPending}
                    onClick={() => file.current?.click()}
                  >
                    Choose a file…
                  </button>
                </section>
              )}
              {mayDraw && (
                <section className="onboarding-option">
                  <h2>Draw the first theme</h2>
                  <p>
                    Open the empty map and drag a <strong>Theme</strong> from the palette: a strategic pillar, then its
                    objectives and key results beneath it.
                  </p>
                  <button type="button" className="btn" onClick={onDraw}>
                    Open the empty map
                  </button>
                </section>
              )}
            </div>
            {importing.isPending && <p className="muted">Importing…</p>}
            <FormError message={fileError ?? (importing.error ? describeError(importing.error) : null)} />
          </>
        )}
        {can('manageMembers') && (
          <p className="onboarding-next">
            Next: <Link to="/settings">set up your business units</Link> and{' '}
            <Link to="/members">invite your colleagues</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
