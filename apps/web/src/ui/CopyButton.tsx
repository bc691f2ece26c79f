import { useState } from 'react';
import './forms.css';

/**
 * Copies `text` (a one-time link) to the clipboard and says so. The link stays on screen in a
 * read-only field too: the clipboard is refused on plain-http origins other than localhost.
 */
export function CopyButton({ text, label = 'Copy link' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => {
        // `navigator.clipboard` is missing outside secure contexts, whatever the types say.
        const clipboard = navigator.clipboard as Clipboard | undefined;
        if (!clipboard) setCopied('failed');
        else
          clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          );
      }}
    >
      {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy it' : label}
    </button>
  );
}

/** A one-time link shown once: read-only, selected on focus, with its copy button. */
export function OneTimeLink({ url, label }: { url: string; label: string }) {
  return (
    <div className="one-time-link">
      <input
        readOnly
        value={url}
        aria-label={label}
        data-testid="one-time-link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton text={url} />
    </div>
  );
}
