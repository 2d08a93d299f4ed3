// wsl.exe writes UTF-16LE without a BOM (unless WSL_UTF8=1 takes effect); netsh and PowerShell write the OEM code page when redirected.
// Decode whatever arrived into text the parsers can read. Pure.

/** UTF-16LE when it has a BOM, or when most odd bytes of an ASCII-heavy output are NUL; else UTF-8. */
export function decodeWindowsOutput(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (looksUtf16le(bytes)) return utf16(bytes);
  return utf8(bytes);
}

function looksUtf16le(bytes: Uint8Array): boolean {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs === 0) return false;
  let nulOdd = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) nulOdd++;
  return nulOdd / pairs > 0.3;
}

// Stray NULs (an odd trailing byte, padding) would break line matching; drop them.
const utf16 = (b: Uint8Array) =>
  Buffer.from(b.buffer, b.byteOffset, b.length - (b.length % 2))
    .toString('utf16le')
    .replace(/\0/g, '');
const utf8 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8').replace(/\0/g, '');

/** Splits on CRLF, LF or a lone CR and trims line ends. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/).map((l) => l.replace(/\s+$/, ''));
}

/** The machine-readable codes WSL prints on every locale: `Wsl/…/WSL_E_…`, `HCS_E_…`, `0x8037…`. */
export function wslErrorCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(/\bWsl\/[A-Za-z0-9_/]+|\b(?:WSL|HCS)_E_[A-Z0-9_]+|\b0x8[0-9a-fA-F]{7}\b/g))
    codes.add(m[0]);
  return [...codes];
}

/** Old inbox wsl.exe answers an unknown option with "<localised text>: --option" and its usage text. */
export function rejectedOption(text: string, option: string): boolean {
  const escaped = option.replace(/[-]/g, '\\-');
  return new RegExp(`[:：]\\s*${escaped}\\s*$`, 'm').test(text);
}
