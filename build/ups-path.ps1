# Adds or removes the folder holding ups.cmd on the current user's PATH, for the installer (build/installer.nsh).
# Works on the raw registry value, so %VARIABLES% stay unexpanded, the value keeps its kind (REG_EXPAND_SZ or REG_SZ),
# every other entry is kept as it was, and no length limit of the installer's strings can truncate the user's PATH.
param(
  [Parameter(Mandatory = $true)][ValidateSet('add', 'remove')][string]$Action,
  [Parameter(Mandatory = $true)][string]$Dir
)
$ErrorActionPreference = 'Stop'

function Same([string]$a, [string]$b) {
  [string]::Equals($a.Trim().TrimEnd('\'), $b.Trim().TrimEnd('\'), [StringComparison]::OrdinalIgnoreCase)
}

$key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')
try {
  $exists = @($key.GetValueNames() | Where-Object { $_ -eq 'Path' }).Count -gt 0
  $raw = ''
  $kind = [Microsoft.Win32.RegistryValueKind]::ExpandString
  if ($exists) {
    $raw = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    $kind = $key.GetValueKind('Path')
  }
  $entries = $raw -split ';'
  $present = @($entries | Where-Object { $_ -ne '' -and (Same $_ $Dir) }).Count -gt 0
  if ($Action -eq 'add') {
    if ($present) { exit 0 }
    # Appended so that removing it later gives back exactly the old value (a trailing ';' included).
    $new = if ($raw -eq '') { $Dir } elseif ($raw.EndsWith(';')) { $raw + $Dir + ';' } else { $raw + ';' + $Dir }
  } else {
    if (-not $present) { exit 0 }
    $new = (@($entries | Where-Object { $_ -eq '' -or -not (Same $_ $Dir) }) -join ';')
  }
  if ($new.Trim(';') -eq '') { $key.DeleteValue('Path', $false) } else { $key.SetValue('Path', $new, $kind) }
} finally {
  $key.Close()
}
