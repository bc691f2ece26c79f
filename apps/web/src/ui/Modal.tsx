import { useEffect, useRef, type ReactNode } from 'react';
import './ui.css';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  tone?: 'default' | 'danger' | 'warning';
}

/** A centred dialog over the map. Escape closes it; focus moves into it so keys stay with it. */
export function Modal({ title, onClose, children, actions, tone = 'default' }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[data-autofocus], button')?.focus();
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        e.stopPropagation(); // the map's shortcuts must not fire behind a dialog
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className={`modal modal-${tone}`} role="dialog" aria-modal="true" aria-label={title} ref={box}>
        <h2 className="modal-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </div>
    </div>
  );
}
