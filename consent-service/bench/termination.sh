#!/usr/bin/env bash
# Benchmark of consent-service's revocations at a partner's termination (issue 18.1, clause 3.5.d;
# not a test: it prints figures and never fails on a timing). dsr-service/bench/termination.sh
# measures dsr-service's deletion fan-out of the same termination.
#
#   consent-service/bench/termination.sh                      # 1,000,000 subjects
#   HOLDINGS=200000 consent-service/bench/termination.sh      # a smaller partner
#   IDLE=30 HEAP=512m consent-service/bench/termination.sh
#   JAVA_OPTS=-Dplatform.events.relay.batch-size=500 consent-service/bench/termination.sh   # JVM options
#   DRAIN=60 consent-service/bench/termination.sh   # wait at most 60 s for the outbox to drain (default 600)
#
# In one run, on a fresh database consent_termbench (dropped and created with psql -U postgres; never
# the service's own database):
#  1. starts the consent-service jar (JAR overrides its path; production profile with the local
#     values of bench/prod-env.sh, -Xmx$HEAP, outbox relay, audit chainer and expiry scan on, no
#     registry bootstrap) on BENCH_PORT; its queues are private (auto-deleted, classic) and bound to a
#     bench exchange, and its relay publishes to that exchange too, so neither the running platform
#     nor this instance sees the other's events;
#  2. makes two partners known as the registry does, with a partner.activated each (scope
#     payment_processing: user.name, user.contact.email);
#  3. a small partner (20 subjects) is terminated first, so a revoked consent exists to read; p50/p99
#     of GET /consents/{id} (compliance officer's token from the local Keycloak, curl in a loop, one
#     connection) for IDLE seconds with nothing else running;
#  4. loads HOLDINGS GRANTED consents of the other partner (one per subject, purpose
#     payment_processing) with SQL: the consent row, its RECORDED history entry and the check's
#     consent_current row, as a partner's POST /consents leaves them (receipts are signed on read);
#  5. publishes that partner's partner.terminated (a CloudEvent as the registry publishes it) to the
#     bench exchange and measures the time until the event is applied (its inbox row commits after
#     the last chunk: every consent of the partner REVOKED) while the same GET loop runs; samples
#     consent-service's RSS;
#  6. prints: the time, consents/s, consents revoked and still granted, consent.revoked events, subjects
#     revoked twice, the RSS (max and at the end), the p50/p99 of the GET idle and during the
#     revocations, the outbox backlog when they ended and how long the relay then took to send it (at
#     most DRAIN seconds).
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser postgres by local trust or PGPASSWORD), Keycloak with
# the demo realm on 8180, RabbitMQ on 5672 (guest), amqp-publish (Debian amqp-tools), openssl, jq.
# A 1M run leaves a few GB in consent_termbench: psql -U postgres -c 'DROP DATABASE consent_termbench'.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the platform script's functions (bench_java, bench_analyze_while, ...); it runs no command when sourced
# shellcheck source=../../platform
source "$ROOT/platform"
JAR="${JAR:-$ROOT/consent-service/target/quarkus-app/quarkus-run.jar}"
BENCH_PORT="${BENCH_PORT:-8095}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9095}"
DB=consent_termbench
OUT="$ROOT/consent-service/target/bench"
LOG="$OUT/termination-service.log"

bench_termination_setup consent-service "$JAR" "$OUT"

bench_fresh_database "$DB" consent

# the production profile has no default password, secret or key: fresh ones for this run
# shellcheck source=prod-env.sh
source "$ROOT/consent-service/bench/prod-env.sh"
bench_prod_environment
bench_start_service consent-service "$JAR" "$LOG" consent-termbench "partner-events dsr-events" \
  -Dconsent.registry.bootstrap.enabled=false
URL="http://localhost:$BENCH_PORT"

activate() { # partner
  bench_publish partner.activated "$1" "{\"partnerId\":\"$1\",\"oidcClientId\":\"bench-${1:0:8}\",\"jurisdiction\":\"CN\",
    \"reason\":\"benchmark\",\"scopeVersion\":1,\"scope\":[{\"purpose\":\"payment_processing\",
    \"categories\":[\"user.name\",\"user.contact.email\"]}],\"automatedDecisionAuthorized\":false,\"at\":\"@AT@\"}" >/dev/null
}
terminate() { # partner -> the event's id
  bench_publish partner.terminated "$1" "{\"partnerId\":\"$1\",\"from\":\"ACTIVE\",\"to\":\"TERMINATED\",
    \"reason\":\"benchmark\",\"at\":\"@AT@\"}"
}
applied() { [[ "$(psql -tAc "SELECT count(*) FROM platform_inbox WHERE event_id = '$1'")" == 1 ]]; }
wait_for() { # seconds description sql: until the statement answers t
  for _ in $(seq 1 "$1"); do [[ "$(psql -tAc "$3")" == t ]] && return 0; sleep 1; done
  echo "bench: $2 after $1 s; see $LOG" >&2; exit 1
}
# GRANTED consents of a partner as a partner's POST /consents leaves them: the decision (ids UUID v7
# like the service's, collected over the last days), its RECORDED history entry and the check's
# consent_current row (written by the trigger on consent, off while the rows go in, as in load.sql)
consents() { # partner count
  psql -1 -q -v ON_ERROR_STOP=1 <<SQL
SET work_mem = '256MB';
ALTER TABLE consent DISABLE TRIGGER consent_current_synced;
CREATE TEMP TABLE bench_at ON COMMIT DROP AS
  SELECT i, now() - interval '10 days' + make_interval(secs => i * 0.5) AS at FROM generate_series(1, $2) i;
INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision, state, legal_basis, method,
                     notice_version, notice_hash, language, channel, jurisdiction, collected_at, expires_at,
                     recipients, recorded_at, state_changed_at)
SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || substr(md5('$1'), 1, 3) || '8'
            || lpad(to_hex(i), 15, '0'))::uuid,
       'bench-' || substr('$1', 1, 8) || '-' || i, '$1', 'payment_processing', '{user.name,user.contact.email}',
       false, 'GRANTED', 'GRANTED', 'EXPRESS_CONSENT', 'CHECKBOX', '2026-11',
       '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'zh-CN', 'WEB', 'CN',
       at - interval '1 minute', at + interval '365 days', '{"recipients": []}', at, at
FROM bench_at;
INSERT INTO consent_history (id, consent_id, state, previous_state, cause, reason, actor, actor_role, request_id,
                             superseded_by, at)
SELECT gen_random_uuid(), id, 'GRANTED', NULL, 'RECORDED', NULL, 'partner:' || partner_id, 'partner', NULL, NULL,
       recorded_at
FROM consent WHERE partner_id = '$1';
INSERT INTO consent_current (partner_id, subject_id, purpose, consent_id, state, categories, expires_at, legal_basis)
SELECT partner_id, subject_id, purpose, id, state, categories, expires_at, legal_basis FROM consent WHERE partner_id = '$1';
ALTER TABLE consent ENABLE TRIGGER consent_current_synced;
SQL
}

small="$(cat /proc/sys/kernel/random/uuid)"
partner="$(cat /proc/sys/kernel/random/uuid)"
info "partners known to consent-service (partner.activated): $small (20 subjects), $partner ($HOLDINGS subjects)"
activate "$small"; activate "$partner"
wait_for 60 "the partners are not ACTIVE in the projection" \
  "SELECT count(*) = 2 FROM partner_projection WHERE status = 'ACTIVE' AND partner_id IN ('$small', '$partner')"

info "the small partner is terminated first, so a revoked consent exists to read"
consents "$small" 20
event="$(terminate "$small")"
wait_for 60 "the small partner's termination was not applied" "SELECT count(*) = 1 FROM platform_inbox WHERE event_id = '$event'"
SAMPLE="$(psql -tAc "SELECT id FROM consent WHERE partner_id = '$small' AND state = 'REVOKED' LIMIT 1")"
[[ -n "$SAMPLE" ]] || { echo "bench: the small termination revoked no consent; see $LOG" >&2; exit 1; }
TOKEN="$(bench_officer_token)"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/consents/$SAMPLE")"
[[ "$status" == 200 ]] || { echo "bench: GET /consents/$SAMPLE answered $status" >&2; exit 1; }

bench_idle_gets "$OUT/termination-idle.txt" "$URL/consents/$SAMPLE" "$IDLE"

info "loading $HOLDINGS GRANTED consents of partner $partner (SQL)"
start=$(date +%s)
consents "$partner" "$HOLDINGS"
psql -q -c "VACUUM (ANALYZE) consent, consent_history, consent_current"
info "loaded in $(( $(date +%s) - start )) s"
# the relay must have sent the small partner's events: the backlog at the end is this termination's
wait_for 60 "the outbox was not drained before the termination" "SELECT count(*) = 0 FROM platform_outbox WHERE sent_at IS NULL"
seq0="$(psql -tAc 'SELECT coalesce(max(seq), 0) FROM platform_outbox')"

revoked_so_far() { # the events written so far (one per consent revoked; max(seq) is an index probe, not a count)
  echo "$(( $(psql -tAc 'SELECT coalesce(max(seq), 0) FROM platform_outbox') - seq0 )) consents revoked"
}
publish_termination() { event="$(terminate "$partner")"; }
termination_applied() { applied "$event"; }
info "partner.terminated of $partner published; GET /consents/{id} in a loop meanwhile"
bench_watch "$OUT/termination-during.txt" "$URL/consents/$SAMPLE" "$LOG" publish_termination termination_applied \
  revoked_so_far
n_unsent="$(bench_unsent)"
COUNTS="$(psql -tA -F ' ' -c "SELECT
    (SELECT count(*) FILTER (WHERE state = 'REVOKED') FROM consent WHERE partner_id = '$partner'),
    (SELECT count(*) FILTER (WHERE state = 'GRANTED') FROM consent WHERE partner_id = '$partner'),
    (SELECT count(*) FROM platform_outbox o JOIN consent c ON c.id::text = o.subject
      WHERE o.type = 'consent.revoked' AND c.partner_id = '$partner'),
    (SELECT count(*) FROM (SELECT c.subject_id FROM consent_history h JOIN consent c ON c.id = h.consent_id
      WHERE c.partner_id = '$partner' AND h.state = 'REVOKED' GROUP BY c.subject_id HAVING count(*) > 1) twice),
    (SELECT count(*) FROM (SELECT o.subject FROM platform_outbox o JOIN consent c ON c.id::text = o.subject
      WHERE o.type = 'consent.revoked' AND c.partner_id = '$partner' GROUP BY o.subject HAVING count(*) > 1) twice),
    (SELECT count(*) FROM consent_current WHERE partner_id = '$partner' AND state = 'GRANTED')")"
read -r n_revoked n_granted n_events n_twice n_events_twice n_current <<<"$COUNTS"

# the events the revocations wrote reach the broker after them: how long until the outbox is drained
DRAIN_LINE="$(bench_drain "$DRAIN" "$n_unsent")"

echo
echo "== consent-service termination revocations, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all, -Xmx$HEAP"
echo "subjects (one GRANTED consent each): $HOLDINGS"
echo "time until every consent of the partner is REVOKED (termination applied): $(bench_seconds_rate "$HOLDINGS") consents/s)"
echo "revoked $n_revoked, still GRANTED $n_granted (check rows still GRANTED $n_current), consent.revoked events $n_events," \
  "subjects revoked twice $n_twice (history), $n_events_twice (events)"
bench_closing consent-service "GET /consents/{id}" revocations "$n_unsent" "$DRAIN_LINE"
