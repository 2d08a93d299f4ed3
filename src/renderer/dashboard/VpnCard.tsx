// The VPN near the top of the dashboard: connected or not in plain words with a glyph, when it was last checked, and
// "Check again"; the watch's reason and the addresses stay under "Technical details".
import { Badge, Body1, Button, Caption1, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UpsError, VpnVerdict } from '../../core/contract';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { serviceName, vpnVerdictText } from '../display-names';
import { ServiceIcon } from './ServiceIcon';

/** What the dashboard knows about the VPN: the latest of the watch's push and the last check. */
export interface VpnShown {
  verdict: VpnVerdict;
  reason: string;
  stopped: string[];
  at: string;
  vpnPublicIp?: string;
}

/** Why the card cannot say more (the check failed, or its record is damaged), with the error's own fix button. */
export interface VpnProblem {
  title: string;
  error: UpsError;
}

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const look: Record<VpnVerdict, { color: 'success' | 'danger' | 'warning'; glyph: string }> = {
  safe: { color: 'success', glyph: '✓' },
  leak: { color: 'danger', glyph: '✕' },
  'tunnel-down': { color: 'danger', glyph: '✕' },
  unknown: { color: 'warning', glyph: '?' },
};

export function VpnCard({
  vpn,
  problem,
  checking,
  onRecheck,
}: {
  vpn?: VpnShown;
  problem?: VpnProblem;
  checking: boolean;
  onRecheck(): void;
}) {
  const s = useStyles();
  const text = vpn ? vpnVerdictText[vpn.verdict] : undefined;
  return (
    <Card data-testid="vpn-card" data-verdict={vpn?.verdict ?? 'checking'} aria-labelledby="vpn-heading">
      <CardHeader
        image={<ServiceIcon service="vpn" label="VPN" />}
        header={
          <Body1 as="h2" id="vpn-heading" style={{ margin: 0 }}>
            <b>VPN</b>
          </Body1>
        }
        description={<Caption1>Keeps your downloads private</Caption1>}
        action={
          vpn && text ? (
            <Badge
              appearance="filled"
              color={look[vpn.verdict].color}
              icon={<span aria-hidden="true">{look[vpn.verdict].glyph}</span>}
            >
              {text.state}
            </Badge>
          ) : (
            <Badge appearance="outline" color="informative">
              Checking…
            </Badge>
          )
        }
      />
      <div className={s.body}>
        {text && <Text>{text.line}</Text>}
        {vpn && vpn.stopped.length > 0 && (
          <Text>Paused to keep you safe: {vpn.stopped.map(serviceName).join(', ')}.</Text>
        )}
        {vpn && <Caption1>Last checked {new Date(vpn.at).toLocaleString()}.</Caption1>}
        {problem && <ErrorBar title={problem.title} error={problem.error} testId="vpn-problem" onFixed={onRecheck} />}
        <div>
          <Button size="small" onClick={onRecheck} disabled={checking} data-testid="vpn-recheck">
            {checking ? 'Checking…' : 'Check again'}
          </Button>
        </div>
        {vpn && (
          <TechnicalDetails
            text={[
              `Verdict: ${vpn.verdict}`,
              `Reason: ${vpn.reason}`,
              vpn.vpnPublicIp ? `VPN address: ${vpn.vpnPublicIp}` : '',
              vpn.stopped.length ? `Stopped: ${vpn.stopped.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('\n')}
          />
        )}
      </div>
    </Card>
  );
}
