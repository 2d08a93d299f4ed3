// The Done screen's next step: Prowlarr needs at least one indexer before anything can be found. The wizard cannot add
// one earlier (Prowlarr's definition list comes from Prowlarr itself, which runs only after install), so it is offered here.
import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { IndexersDialog } from '../dashboard/IndexersDialog';
import { useCall } from '../use-call';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export function FirstIndexer() {
  const s = useStyles();
  const [list] = useCall('indexers.list');
  const count = list.phase === 'ready' ? list.status.indexers.length : undefined;
  return (
    <section className={s.block} aria-labelledby="first-indexer" data-testid="first-indexer" data-count={count}>
      <Title3 as="h2" id="first-indexer">
        {count ? 'Indexers' : 'Next: add a first indexer'}
      </Title3>
      <Text>
        {count
          ? `Prowlarr searches ${count} indexer${count > 1 ? 's' : ''}. You can add more here or later from the dashboard.`
          : 'Nothing can be found until Prowlarr has at least one indexer (a site it searches). Setup could not add one before Prowlarr was running; it is running now. Pick a public one from its list: each is tested before it is saved.'}
      </Text>
      <IndexersDialog label={count ? 'Indexers' : 'Add a first indexer'} testId="done-add-indexer" primary={!count} />
    </section>
  );
}
