// What the switch to the NAS verified: how many items each app saw afterwards, and each check it could not run (e.g. no
// Plex sign-in) with why, so "switched" never silently means "not checked".
import { Text } from '@fluentui/react-components';
import type { SwitchChecks } from '../../core/contract';

/** Lines for the dialog: one for the counts, one per skipped check. Exported for the component test. */
export function switchChecksLines(checks: SwitchChecks): { checked?: string; skipped: string[] } {
  const counts = Object.entries(checks.counts).sort(([a], [b]) => a.localeCompare(b));
  return {
    ...(counts.length
      ? {
          checked: `Checked after the switch: ${counts.map(([name, n]) => `${name} sees ${n} item${n === 1 ? '' : 's'}, as before`).join('; ')}.`,
        }
      : {}),
    skipped: Object.entries(checks.skipped).map(([name, why]) => `Not checked (${name}): ${why}`),
  };
}

export function SwitchChecksView({ checks }: { checks: SwitchChecks }) {
  const { checked, skipped } = switchChecksLines(checks);
  return (
    <div data-testid="migrate-switch-checks">
      {checked && <Text block>{checked}</Text>}
      {skipped.map((line) => (
        <Text block key={line} data-testid="migrate-switch-skipped">
          {line}
        </Text>
      ))}
    </div>
  );
}
