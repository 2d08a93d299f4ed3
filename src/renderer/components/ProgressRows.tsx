// One progress bar per step of an operation, with the step's current message.
import { Field, ProgressBar } from '@fluentui/react-components';
import type { ProgressEvent } from '../../core/contract';
import { fraction } from '../stores/progress-store';

export function ProgressRows({ steps }: { steps: ProgressEvent[] }) {
  return (
    <>
      {steps.map((p) => (
        <Field
          key={`${p.operationId}:${p.step}`}
          label={p.step}
          validationMessage={p.message}
          validationState="none"
          data-testid={`progress-${p.step}`}
        >
          <ProgressBar value={fraction(p)} max={1} thickness="large" aria-label={`${p.step}: ${p.message}`} />
        </Field>
      ))}
    </>
  );
}
