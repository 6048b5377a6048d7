-- Issue 21.5: the overdue notices are written by platform-commons' OverdueNotices, shared with the
-- registry, whose rows are (kind, target_id, due_on, partner_id, event_id, emitted_at). The request
-- of a notice needs no column of its own: a request's notice targets the request, a task's notice
-- the task, whose dsr_task.request_id names it.
ALTER TABLE overdue_notice DROP COLUMN request_id;
