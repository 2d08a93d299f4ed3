// The one way a screen reaches the core: the door's UpsApi is provided once at the root and read with useUps().
import { createContext, useContext, type ReactNode } from 'react';
import type { UpsApi } from '../core/contract';

const UpsContext = createContext<UpsApi | null>(null);

export function UpsProvider({ api, children }: { api: UpsApi; children: ReactNode }) {
  return <UpsContext value={api}>{children}</UpsContext>;
}

/** The door's API; a component outside the provider is a programming error, so it fails loudly. */
export function useUps(): UpsApi {
  const api = useContext(UpsContext);
  if (!api) throw new Error('useUps() is used outside <UpsProvider>: mount the app (or the test) inside one.');
  return api;
}
