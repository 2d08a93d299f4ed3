// Where NordVPN's API is, apart from the credential code: the composition names it for every door without loading
// the WireGuard key checks and their schemas (docs/decisions.md D31).
export const NORDVPN_API_URL = 'https://api.nordvpn.com';
