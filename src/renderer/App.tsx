// App shell: Fluent theme following the system, a header to switch between setup and dashboard, pushes fanned out to stores.
import {
  Button,
  FluentProvider,
  Spinner,
  Title3,
  makeStaticStyles,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { ErrorBar } from './components/ErrorBar';
import { FixDialogs } from './components/FixDialogs';
import { DashboardScreen } from './dashboard/DashboardScreen';
import { useProgressStore } from './stores/progress-store';
import { useShellStore, type View } from './stores/shell-store';
import { useStatusStore } from './stores/status-store';
import { useUps } from './ups-context';
import { useSystemTheme } from './use-system-theme';
import { WizardScreen } from './wizard/WizardScreen';

// The window is the app: no browser default margin around it.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  // The page look sits on an element inside the provider: Fluent copies the provider's className onto every popup
  // portal, so a full-height solid style there turned each dropdown into a window-sized opaque layer over the page
  // and each dialog backdrop solid grey.
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // A small window or 200 % leaves ~400 px: the header stays one line so the page's first line stays in view.
    '@media (max-width: 600px)': {
      gap: tokens.spacingHorizontalM,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    },
  },
  appName: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
    '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  center: { padding: tokens.spacingHorizontalXXL },
});

export function App() {
  const api = useUps();
  useGlobalStyles();
  const s = useStyles();
  const theme = useSystemTheme();
  const shell = useShellStore();
  const loadShell = useShellStore((st) => st.load);
  const loadStatus = useStatusStore((st) => st.load);
  const pushStatus = useStatusStore((st) => st.push);
  const pushProgress = useProgressStore((st) => st.push);
  useEffect(() => {
    void loadShell(api);
    void loadStatus(api);
    // One subscription for the whole app; each store takes the pushes it cares about (no polling anywhere).
    return api.subscribe((event) => {
      pushStatus(event);
      pushProgress(event);
    });
  }, [api, loadShell, loadStatus, pushStatus, pushProgress]);
  const state = shell.state;
  return (
    <FluentProvider theme={theme}>
      <div className={s.page} data-testid="app-page">
        <header className={s.header}>
          <Title3 as="p" className={s.appName}>
            Ultimate Plex Stack
          </Title3>
          {state.phase === 'ready' && (
            // Two plain buttons, not a TabList: the TabList's focus sentinels (tabster dummy inputs) trip axe's aria-hidden-focus.
            <nav aria-label="Views" className={s.nav}>
              {(['wizard', 'dashboard'] as View[]).map((v) => (
                <Button
                  key={v}
                  appearance={state.view === v ? 'primary' : 'subtle'}
                  aria-current={state.view === v ? 'page' : undefined}
                  onClick={() => shell.navigate(v)}
                  data-testid={`nav-${v}`}
                >
                  {v === 'wizard' ? 'Setup' : 'Dashboard'}
                </Button>
              ))}
            </nav>
          )}
        </header>
        {state.phase === 'loading' && (
          <div className={s.center}>
            <Spinner label="Starting…" />
          </div>
        )}
        {state.phase === 'error' && (
          <div className={s.center}>
            <ErrorBar title="The app could not start" error={state.error} />
          </div>
        )}
        {state.phase === 'ready' && (state.view === 'wizard' ? <WizardScreen /> : <DashboardScreen />)}
        <FixDialogs />
      </div>
    </FluentProvider>
  );
}
