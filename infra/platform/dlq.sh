# shellcheck shell=bash
# infra/platform/dlq.sh - `./platform dlq`: the operator's dead-letter tool (list, show, replay, discard).
# Sourced by ./platform (the dispatcher), never run on its own.

# ./platform dlq: the operator's dead-letter tool, on top of each service's officer-only
# /dead-letters endpoints (platform-commons' DeadLetterResource), through the gateway
# (/api/services/{service}/dead-letters...) with an officer's token.
DLQ_SERVICES=(registry consent dsr breach gateway)
dlq_service_of() {
  # a consumer queue is named <module>.<channel>: consent-service.partner-events -> consent
  case "${1%%.*}" in
    partner-registry-service) printf 'registry\n' ;;
    consent-service) printf 'consent\n' ;;
    dsr-service) printf 'dsr\n' ;;
    breach-service) printf 'breach\n' ;;
    gateway) printf 'gateway\n' ;;
    *) usage_error "'$1' is no consumer queue of the platform (<service-module>.<channel>, see ./platform dlq list)" ;;
  esac
}

dlq_call() {
  local method="$1" path="$2" body="${3:-}" token out status
  token="${PLATFORM_DLQ_TOKEN:-}"
  [[ -n "$token" ]] || token="$(cmd_token "${PLATFORM_DLQ_OFFICER:-olivia}")" || exit 1
  local url="${PLATFORM_GATEWAY_URL:-http://localhost:8080}/api$path"
  local args=(-sS --max-time 60 -o /dev/stdout -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $token"
    -H 'Accept: application/json')
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  out="$(curl "${args[@]}" "$url")" || die "the gateway did not answer at $url (is the platform up? ./platform up)"
  status="${out##*$'\n'}"
  out="${out%$'\n'*}"
  if [[ "$status" != 2* ]]; then
    printf 'platform: error: %s %s answered %s: %s\n' "$method" "$url" "$status" \
      "$(jq -r '"\(.title // "") - \(.detail // "")"' <<<"$out" 2>/dev/null || printf '%s' "$out")" >&2
    return 1
  fi
  printf '%s\n' "$out"
}

cmd_dlq() {
  local usage="usage: ./platform dlq list [service...] | show <queue> <message-id> | replay <queue> <message-id> | discard <queue> <message-id> <reason>"
  (($# >= 1)) || usage_error "$usage"
  command -v curl >/dev/null 2>&1 || die "curl is missing (apt-get install curl)"
  command -v jq >/dev/null 2>&1 || die "jq is missing (apt-get install jq)"
  local action="$1" service rc=0
  shift
  case "$action" in
    list)
      local services=("$@")
      ((${#services[@]})) || services=("${DLQ_SERVICES[@]}")
      printf '%-9s %-44s %8s  %s\n' SERVICE QUEUE MESSAGES 'FIRST / LAST: message id, death reason, time'
      for service in "${services[@]}"; do
        local answer q n fid fr ft lid lr lt
        answer="$(dlq_call GET "/services/$service/dead-letters")" || { rc=1; continue; }
        while IFS=$'\t' read -r q n fid fr ft lid lr lt; do
          printf '%-9s %-44s %8s' "$service" "$q" "$n"
          if [[ "$fid" == - ]]; then
            printf '  -\n'
          else
            printf '  first %s %s %s\n%65s last  %s %s %s\n' "$fid" "$fr" "$ft" "" "$lid" "$lr" "$lt"
          fi
        done < <(jq -r '.items[] | [.queue, .messages, (.first.messageId // "-"), (.first.lastDeath.reason // "-"),
            (.first.lastDeath.time // "-"), (.last.messageId // "-"), (.last.lastDeath.reason // "-"),
            (.last.lastDeath.time // "-")] | @tsv' <<<"$answer")
      done
      ;;
    show)
      (($# == 2)) || usage_error "$usage"
      service="$(dlq_service_of "$1")" || exit 2
      dlq_call GET "/services/$service/dead-letters/$1/messages/$2" | jq . || rc=1
      ;;
    replay)
      (($# == 2)) || usage_error "$usage"
      service="$(dlq_service_of "$1")" || exit 2
      dlq_call POST "/services/$service/dead-letters/$1/messages/$2/replay" | jq . || rc=1
      ;;
    discard)
      (($# == 3)) || usage_error "$usage"
      [[ -n "${3// /}" ]] || usage_error "discard needs a reason (it is written to the audit trail)"
      service="$(dlq_service_of "$1")" || exit 2
      dlq_call POST "/services/$service/dead-letters/$1/messages/$2/discard" "$(jq -cn --arg r "$3" '{reason: $r}')" |
        jq . || rc=1
      ;;
    *) usage_error "$usage" ;;
  esac
  return "$rc"
}
