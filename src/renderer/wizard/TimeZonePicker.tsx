// A searchable list of the time zones this PC knows (IANA names), starting on the PC's own zone; typing filters it
// ("new york" finds America/New_York), and a typed name is still accepted so validation can name a wrong one.
import { Combobox, Option, useComboboxFilter } from '@fluentui/react-components';
import { useMemo, useState } from 'react';

/** Every zone the runtime supports; a short fallback on runtimes without Intl.supportedValuesOf. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  return all.includes('UTC') ? all : [...all, 'UTC'];
}

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Case-insensitive, and "_" / "/" match spaces, so people can type a city the way they say it. */
const words = (s: string) => s.toLowerCase().replace(/[_/]+/g, ' ');
const matches = (zone: string, query: string) => words(zone).includes(words(query).trim());

export function TimeZonePicker({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (zone: string) => void;
  testId?: string;
}) {
  const zones = useMemo(() => knownTimeZones(), []);
  const [query, setQuery] = useState(value);
  // The ~400 options are mounted only while the list is open; closed, only the chosen one (for its selected state).
  const [open, setOpen] = useState(false);
  // The whole list while the box shows the chosen zone; filtered once the user types something else.
  const filtering = query !== value || !zones.includes(value);
  const options = useComboboxFilter(filtering ? query : '', open ? zones : [], {
    filter: (zone, q) => q === '' || matches(zone, q),
    noOptionsMessage: 'No time zone matches. Try a city such as Berlin or New York.',
  });
  return (
    <Combobox
      freeform
      // In place, not in a portal: a focused combobox keeps its listbox mounted, and a portal layer would sit over the page.
      inlinePopup
      value={query}
      selectedOptions={zones.includes(value) ? [value] : []}
      onChange={(e) => {
        setQuery(e.target.value);
        onChange(e.target.value);
      }}
      onOpenChange={(_, d) => setOpen(d.open)}
      onOptionSelect={(_, d) => {
        if (!d.optionValue) return;
        setQuery(d.optionValue);
        onChange(d.optionValue);
      }}
      data-testid={testId}
    >
      {open ? options : zones.includes(value) ? <Option value={value}>{value}</Option> : null}
    </Combobox>
  );
}
