// After install: the three things that make a fresh stack useful (an indexer, a first request, Plex), each with a link
// to the app, ticked off by the user and kept (ui.nextSteps) until all are done.
import { Body1, Card, CardHeader, Checkbox, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { nextStepIds, type NextStepId } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: { listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  hint: { paddingLeft: '32px' },
});

const steps: Record<NextStepId, { title: string; hint: string; app: string; service: string }> = {
  indexer: {
    title: 'Add an indexer in Prowlarr',
    hint: 'An indexer is a site that lists downloads. Without one, nothing can be found or downloaded.',
    app: 'Prowlarr',
    service: 'prowlarr',
  },
  request: {
    title: 'Request a film in Seerr',
    hint: 'Search for a film and press Request: it downloads by itself and appears in Plex.',
    app: 'Seerr',
    service: 'seerr',
  },
  plex: {
    title: 'Open Plex and watch',
    hint: 'Your films and shows appear in Plex once they have downloaded.',
    app: 'Plex',
    service: 'plex',
  },
};

export function NextSteps({ urls }: { urls: Record<string, string | undefined> }) {
  const s = useStyles();
  const [saved] = useCall('ui.nextSteps.get');
  const save = useAction('ui.nextSteps.set');
  // The user's ticks since the screen opened win over the file; an unreadable file still shows the list (nothing
  // ticked), and saving again is the fix.
  const [ticked, setDone] = useState<NextStepId[]>();
  const done = ticked ?? (saved.phase === 'ready' ? saved.status.done : saved.phase === 'error' ? [] : undefined);
  if (!done || nextStepIds.every((id) => done.includes(id))) return null;
  const toggle = (id: NextStepId, on: boolean) => {
    const next = on ? [...done, id] : done.filter((d) => d !== id);
    setDone(next);
    void save.run({ done: next });
  };
  return (
    <Card data-testid="next-steps" aria-labelledby="next-steps-heading">
      <CardHeader
        header={
          <Body1 as="h2" id="next-steps-heading" style={{ margin: 0 }}>
            <b>Next steps</b>
          </Body1>
        }
        description={
          <Text size={200}>Tick each one when you have done it. This list goes away when all are done.</Text>
        }
      />
      <ul className={s.list}>
        {nextStepIds.map((id) => (
          <li key={id} className={s.item} data-testid={`next-step-${id}`} data-done={done.includes(id)}>
            <Checkbox
              checked={done.includes(id)}
              onChange={(_, d) => toggle(id, Boolean(d.checked))}
              label={steps[id].title}
            />
            <Text size={200} className={s.hint}>
              {steps[id].hint}{' '}
              {urls[steps[id].service] && (
                <Link href={urls[steps[id].service]} target="_blank" rel="noreferrer">
                  Open {steps[id].app}
                </Link>
              )}
            </Text>
          </li>
        ))}
      </ul>
      {save.error && <ErrorBar title="Your ticks could not be saved." error={save.error} />}
    </Card>
  );
}
