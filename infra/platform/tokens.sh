# shellcheck shell=bash
# infra/platform/tokens.sh - `./platform token` (an access token of the demo realm) and
# `./platform partner-id` (a partner's id from its OIDC client id, as Ids.partnerIdFor).
# Sourced by ./platform (the dispatcher), never run on its own.

# Demo realm credentials (exist only in infra/keycloak/realm-demo.json and realm-privacy.json, local use only).
DEMO_CLIENTS=(partner-demo-a partner-demo-b platform-services)
DEMO_USERS=(alice bob olivia aaron)
PASSWORD_GRANT_CLIENT=privacy-cli

cmd_token() {
  (($# == 1)) || usage_error "usage: ./platform token <client-or-user>   (clients: ${DEMO_CLIENTS[*]}; users: ${DEMO_USERS[*]})"
  local who="$1" response token
  local token_url="$KC_REALM_URL/protocol/openid-connect/token"
  command -v curl >/dev/null 2>&1 || die "curl is missing (apt-get install curl)"
  command -v jq >/dev/null 2>&1 || die "jq is missing (apt-get install jq)"
  keycloak_realm_ok || die "Keycloak does not serve realm $KC_REALM at $KC_URL: run ./platform infra first"
  if [[ " ${DEMO_CLIENTS[*]} " == *" $who "* ]]; then
    response="$(curl -sS --max-time 15 "$token_url" -d grant_type=client_credentials \
      -d client_id="$who" -d client_secret="${PLATFORM_CLIENT_SECRET:-$who-secret}")" ||
      die "the token request to $token_url failed"
  elif [[ " ${DEMO_USERS[*]} " == *" $who "* ]]; then
    response="$(curl -sS --max-time 15 "$token_url" -d grant_type=password -d client_id="$PASSWORD_GRANT_CLIENT" \
      -d username="$who" -d password="${PLATFORM_USER_PASSWORD:-$who-demo-pw}" -d scope=openid)" ||
      die "the token request to $token_url failed"
  else
    usage_error "unknown client or user '$who' (clients: ${DEMO_CLIENTS[*]}; users: ${DEMO_USERS[*]})"
  fi
  token="$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null || true)"
  [[ -n "$token" ]] ||
    die "Keycloak refused the token request for $who: $(jq -r '"\(.error // "?"): \(.error_description // "")"' <<<"$response" 2>/dev/null || printf '%s' "$response")"
  printf '%s\n' "$token"
}

# A partner's id, exactly as Ids.partnerIdFor (platform-commons) derives it: the name-based UUID
# version 5 (RFC 9562, SHA-1) of the UTF-8 name "partner:<client id>" in the platform namespace.
PARTNER_ID_NAMESPACE=3f0c8a2e-6b1d-5e47-9a53-0d2c7b9e41f6
cmd_partner_id() {
  (($# == 1)) || usage_error "usage: ./platform partner-id <oidc-client-id>"
  [[ "$1" =~ ^[A-Za-z0-9._-]{3,100}$ ]] ||
    usage_error "'$1' is not a partner client id: 3-100 letters, digits, '.', '_' or '-' (what onboarding accepts)"
  uuid_v5 "$PARTNER_ID_NAMESPACE" "partner:$1"
}

# uuid_v5 NAMESPACE NAME: SHA-1 over the namespace's 16 bytes and the name's bytes; the first 16
# bytes of the hash with the version (5) and the RFC variant (10xx) set. Bash and coreutils only.
uuid_v5() {
  local namespace="${1//-/}" name="$2" hash
  [[ "$namespace" =~ ^[0-9a-f]{32}$ ]] || die "internal: bad UUID namespace '$1'"
  # shellcheck disable=SC2001 # sed's & (each pair of hex digits) has no ${var//...} equivalent
  hash="$( { printf '%b' "$(sed 's/[0-9a-f]\{2\}/\\x&/g' <<<"$namespace")"; printf '%s' "$name"; } | sha1sum)"
  local version=$(((16#${hash:12:2} & 0x0f) | 0x50)) variant=$(((16#${hash:16:2} & 0x3f) | 0x80))
  printf '%s-%s-%02x%s-%02x%s-%s\n' "${hash:0:8}" "${hash:8:4}" "$version" "${hash:14:2}" \
    "$variant" "${hash:18:2}" "${hash:20:12}"
}
