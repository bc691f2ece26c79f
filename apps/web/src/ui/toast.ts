import { createContext, useContext } from 'react';

export type ToastTone = 'info' | 'success' | 'error';
export type ShowToast = (message: string, tone?: ToastTone) => void;

export const ToastContext = createContext<ShowToast>(() => undefined);

/** Show a short message at the top of the screen (refusals, confirmations). */
export const useToast = () => useContext(ToastContext);
