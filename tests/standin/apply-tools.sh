#!/bin/sh
# Runs once at build time inside a variant: keeps only the tools the real image has (tools.json), as shims or applets.
# Usage: apply-tools.sh "<tool ...>" (empty string = every tool, the generic ups-standin/service:latest).
set -eu
tools=" ${1:-curl wget bash gluetun-entrypoint nzbget-template} "
has() { case "$tools" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if has curl; then cp /opt/standin/curl /bin/curl && chmod 755 /bin/curl; fi
if ! has wget; then rm -f /bin/wget; fi
if has bash; then printf '#!/bin/sh\nexec /bin/sh "$@"\n' > /bin/bash && chmod 755 /bin/bash; fi
if has gluetun-entrypoint; then cp /opt/standin/gluetun-entrypoint /gluetun-entrypoint && chmod 755 /gluetun-entrypoint; fi
if has nzbget-template; then mkdir -p /app/nzbget/share/nzbget && cp /opt/standin/nzbget.conf.template /app/nzbget/share/nzbget/nzbget.conf; fi
rm -rf /opt/standin
