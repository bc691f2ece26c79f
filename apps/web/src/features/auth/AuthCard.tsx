import type { ReactNode } from 'react';
import '../../ui/forms.css';
import './auth.css';

export { Field, FormError } from '../../ui/Field';

/** The frame of the pages before signing in: the product's name and one card. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-brand">
        <span className="auth-logo">Throughline</span>
        <span className="auth-tagline">strategy to delivery, one graph</span>
      </div>
      <section className="auth-card" aria-label={title}>
        <h1>{title}</h1>
        {children}
      </section>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  );
}

export const PASSWORD_HINT = 'At least 10 characters; common passwords are refused.';
export const PASSWORD_MIN = 10;
