// Step 1: what the app will do, in plain words, before anything is touched.
import { Body1 } from '@fluentui/react-components';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';

export function WelcomeStep() {
  const w = useWizard();
  return (
    <StepFrame
      title="Welcome to Ultimate Plex Stack"
      intro="This wizard turns this PC into a private media server: Plex, automatic downloads behind a VPN, and apps that find and organise films and series."
      onNext={() => void w.next()}
      nextLabel="Get started"
    >
      <Body1>
        It checks your PC, asks where to keep your media, which download apps you want and your VPN details, then
        installs and connects everything. Your passwords go to your system&apos;s credential store, never into a file.
        You can close the app at any time: it picks up where you left off.
      </Body1>
    </StepFrame>
  );
}
