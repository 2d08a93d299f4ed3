// One progress bar per step of an operation: the step's plain name (display-names), and its message when that is
// plain words (an engine's raw line is not for the main view).
import { Field, ProgressBar } from '@fluentui/react-components';
import type { ProgressEvent } from '../../core/contract';
import { progressStepName } from '../display-names';
import { isPlainText } from '../internal-text';
import { fraction } from '../stores/progress-store';

export function ProgressRows({ steps }: { steps: ProgressEvent[] }) {
  return (
    <>
      {steps.map((p) => {
        const name = progressStepName(p.step);
        const message = isPlainText(p.message) ? p.message : undefined;
        return (
          <Field
            key={`${p.operationId}:${p.step}`}
            label={name}
            validationMessage={message}
            validationState="none"
            data-testid={`progress-${p.step}`}
          >
            <ProgressBar
              value={fraction(p)}
              max={1}
              thickness="large"
              aria-label={message ? `${name}: ${message}` : name}
            />
          </Field>
        );
      })}
    </>
  );
}
