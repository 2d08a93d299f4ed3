// A status badge that carries an icon as well as a colour, so it still reads in forced colours and for colour-blind users.
import { Badge } from '@fluentui/react-components';

export type BadgeTone = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/** One glyph per tone: text, so forced-colours mode draws it in the system colour instead of dropping it. */
export const toneIcon: Record<BadgeTone, string> = {
  success: '✓',
  warning: '!',
  danger: '✗',
  informative: '…',
  subtle: '–',
};

export function StateBadge({ tone, label, icon }: { tone: BadgeTone; label: string; icon?: string }) {
  return (
    <Badge
      appearance={tone === 'subtle' ? 'outline' : 'filled'}
      color={tone === 'subtle' ? 'subtle' : tone}
      icon={<span aria-hidden="true">{icon ?? toneIcon[tone]}</span>}
      data-icon={icon ?? toneIcon[tone]}
    >
      {label}
    </Badge>
  );
}
