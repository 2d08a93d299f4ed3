// Copies a piece of text (a command to paste into a terminal) and says whether the clipboard took it.
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'copied' | 'refused'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Not a secure page, or the permission was refused: the text is selectable, so say how to copy it by hand.
      setState('refused');
    }
  };
  return (
    <>
      <Button size="small" onClick={() => void copy()}>
        {label}
      </Button>
      <Text role="status" size={200}>
        {state === 'copied'
          ? 'Copied.'
          : state === 'refused'
            ? 'Could not copy: select the text and press Ctrl+C.'
            : ''}
      </Text>
    </>
  );
}
