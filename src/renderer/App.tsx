// App shell: Fluent theme following the system, and the first screen (checks + stack status).
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { UpsApi } from '../core/contract';
import { ChecksScreen } from './screens/ChecksScreen';
import { useStatusStore } from './stores/status-store';
import { useSystemDark } from './use-system-theme';

export function App({ api }: { api: UpsApi }) {
  const dark = useSystemDark();
  const { load, push } = useStatusStore();
  useEffect(() => {
    void load(api);
    return api.subscribe(push);
  }, [api, load, push]);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <ChecksScreen api={api} />
    </FluentProvider>
  );
}
