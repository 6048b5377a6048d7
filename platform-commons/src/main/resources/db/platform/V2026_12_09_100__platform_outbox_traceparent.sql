-- The trace context (W3C traceparent) of the request that wrote the event, stored with the row in
-- the business transaction: the relay publishes the event as part of that trace (docs/tracing.md).
-- NULL when tracing is off or the row was written outside a traced operation.
ALTER TABLE platform_outbox ADD COLUMN traceparent text;
