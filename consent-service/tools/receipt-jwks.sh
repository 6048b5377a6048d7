#!/usr/bin/env bash
# Prints a JWK set with one fresh EC P-256 receipt signing key (private), for
# consent.receipts.jwks / CONSENT_RECEIPTS_JWKS. Needs only openssl and coreutils.
#
#   consent-service/tools/receipt-jwks.sh receipts-2026-11 > receipt-keys.json
#   kubectl create secret generic consent-receipt-keys --from-file=jwks.json=receipt-keys.json
#
# Keep the output secret. To rotate, put the new key and the old key's public part (without "d")
# into one set and set consent.receipts.active-key-id to the new kid (README "Receipt keys").
set -euo pipefail
KID="${1:-receipts-$(date -u +%Y-%m-%d)}"
[[ "$KID" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "kid: letters, digits, . _ - only" >&2; exit 2; }
der="$(mktemp)"
trap 'rm -f "$der"' EXIT
# SEC1 DER of a P-256 key has fixed offsets: private scalar at 7 (32 bytes), then 0x04 || x || y at 56.
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl ec -outform DER -out "$der" 2>/dev/null
[[ "$(stat -c %s "$der")" -eq 121 ]] || { echo "unexpected key encoding" >&2; exit 1; }
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
d="$(tail -c +8 "$der" | head -c 32 | b64url)"
x="$(tail -c +58 "$der" | head -c 32 | b64url)"
y="$(tail -c +90 "$der" | head -c 32 | b64url)"
printf '{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"%s","x":"%s","y":"%s","d":"%s"}]}\n' \
  "$KID" "$x" "$y" "$d"
