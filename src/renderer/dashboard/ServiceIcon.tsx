// A small picture per app (inline SVG, no icon package): the card is found by its look before its name is read.
import { tokens } from '@fluentui/react-components';

/** 24×24 outline glyphs; a service without one gets its initial. */
const glyphs: Record<string, string> = {
  // play
  plex: 'M8 5v14l11-7z',
  // speech bubble with a plus: ask for a film
  seerr: 'M4 4h16v12H8l-4 4zM12 7v6M9 10h6',
  // film strip
  radarr: 'M4 4h16v16H4zM8 4v16M16 4v16M4 8h4M4 12h4M4 16h4M16 8h4M16 12h4M16 16h4',
  // television
  sonarr: 'M3 6h18v11H3zM8 21h8M12 17v4',
  // magnifier
  prowlarr: 'M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM15.5 15.5L21 21',
  // subtitles
  bazarr: 'M3 5h18v14H3zM6 11h5M13 11h5M6 15h8M16 15h2',
  // download arrow
  qbittorrent: 'M12 3v12M7 10l5 5l5-5M4 19h16',
  nzbget: 'M12 3v12M7 10l5 5l5-5M4 19h16',
  // shield
  vpn: 'M12 3l8 3v6c0 5-3.5 8-8 9c-4.5-1-8-4-8-9V6z',
  // globe
  proxy: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  // two arrows: convert
  tdarr: 'M4 8h13l-3-3M20 16H7l3 3',
};

export function ServiceIcon({ service, label }: { service: string; label: string }) {
  const d = glyphs[service];
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0, color: tokens.colorBrandForeground1 }}
    >
      {d ? (
        <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <text x="12" y="17" textAnchor="middle" fontSize="14" fill="currentColor">
          {label.charAt(0)}
        </text>
      )}
    </svg>
  );
}
