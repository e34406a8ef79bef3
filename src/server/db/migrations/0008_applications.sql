-- Applications (一网受理 · 并联审批): cases (办件), their department tasks, the timeline, and the
-- applicants' drafts. Cases and tasks carry region_code so they can be partitioned by region.
-- Dates of the working-day clock are civil dates in Asia/Shanghai; instants come from the
-- application clock. Every read path has an index: case pages, 我的办件, department inboxes.

-- case numbers: region + date + this sequence modulo 1,000,000; a sequence never serialises
-- concurrent submissions the way a counter row would (the unique key catches the rare wrap)
CREATE SEQUENCE case_no_seq;

CREATE TABLE cases (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no                 text        NOT NULL CHECK (case_no ~ '^[0-9]{20}$'),
  region_code             text        NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  item_code               text        NOT NULL,
  item_version            integer     NOT NULL CHECK (item_version > 0),
  item_name               text        NOT NULL,
  -- the competent department (实施主体) of the item version
  department_code         text        NOT NULL,
  applicant_account_id    uuid        NOT NULL REFERENCES accounts (id),
  applicant_kind          text        NOT NULL CHECK (applicant_kind IN ('person', 'enterprise')),
  -- a person's name or the enterprise's name; the ID number or credit code is kept masked only
  applicant_name          text        NOT NULL,
  applicant_id_masked     text        NOT NULL,
  enterprise_name         text,
  enterprise_credit_code_hash text,
  -- keyed lookup hash of the last 6 characters of the ID number or credit code (public progress lookup)
  id_tail_hash            text        NOT NULL,
  -- who filed it when not the applicant: a window clerk (帮办代办) or an enterprise agent
  acting_agent_account_id uuid        REFERENCES accounts (id),
  acting_agent_name       text,
  acting_role             text        CHECK (acting_role IN ('clerk', 'enterprise_agent')),
  acting_authorisation    text,
  status                  text        NOT NULL CHECK (status IN ('submitted', 'in_review', 'supplement', 'concluded', 'not_accepted', 'withdrawn')),
  result                  text        CHECK (result IN ('approved', 'denied', 'revoked')),
  form_data               jsonb       NOT NULL,
  materials               jsonb       NOT NULL,
  delivery                jsonb       NOT NULL,
  tracking_no             text,
  -- 告知承诺制: the applicant signed the commitment instead of providing certificates
  commitment              boolean     NOT NULL DEFAULT false,
  -- the working-day clock: due_on = started_on + limit_days + paused_days working days
  started_on              date        NOT NULL,
  limit_days              integer     NOT NULL CHECK (limit_days >= 0),
  paused_on               date,
  paused_days             integer     NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
  due_on                  date,
  due_provisional         boolean     NOT NULL DEFAULT false,
  submitted_at            timestamptz NOT NULL,
  accepted_at             timestamptz,
  concluded_at            timestamptz,
  not_accepted_reason     text,
  version                 integer     NOT NULL DEFAULT 1,
  CONSTRAINT cases_result CHECK ((status = 'concluded') = (result IS NOT NULL))
);
CREATE UNIQUE INDEX cases_case_no_key ON cases (case_no);
CREATE INDEX cases_applicant ON cases (applicant_account_id, submitted_at DESC);
CREATE INDEX cases_acting_agent ON cases (acting_agent_account_id, submitted_at DESC) WHERE acting_agent_account_id IS NOT NULL;
-- the acceptance queue (待受理) and the deadline recomputation walk only live cases
CREATE INDEX cases_submitted ON cases (submitted_at) WHERE status = 'submitted';
CREATE INDEX cases_open ON cases (id) WHERE status IN ('submitted', 'in_review', 'supplement');

CREATE TABLE case_tasks (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id             uuid        NOT NULL REFERENCES cases (id),
  region_code         text        NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  item_code           text        NOT NULL,
  kind                text        NOT NULL CHECK (kind IN ('review', 'post_check')),
  stage               integer     NOT NULL CHECK (stage >= 1),
  stage_name          text        NOT NULL,
  stage_rule          text        NOT NULL CHECK (stage_rule IN ('all', 'any')),
  name                text        NOT NULL,
  department_code     text        NOT NULL,
  status              text        NOT NULL CHECK (status IN ('pending', 'open', 'returned', 'approved', 'denied', 'cancelled')),
  assignee_account_id uuid        REFERENCES accounts (id),
  assignee_name       text,
  opened_on           date,
  opened_at           timestamptz,
  limit_days          integer     NOT NULL CHECK (limit_days >= 0),
  paused_days         integer     NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
  due_on              date,
  due_provisional     boolean     NOT NULL DEFAULT false,
  decided_at          timestamptz,
  decided_by          uuid        REFERENCES accounts (id),
  decided_by_name     text,
  comment             text,
  -- 补正: what the department asked for ({ comment, materials, fields, requestedAt })
  supplement          jsonb,
  escalated_at        timestamptz,
  version             integer     NOT NULL DEFAULT 1
);
CREATE INDEX case_tasks_case ON case_tasks (case_id, stage);
-- department inbox: open tasks in (due date, id) order, so a page stops after its rows; the badge
-- counts and the item filter read the same range index-only (assignee and item included)
CREATE INDEX case_tasks_inbox ON case_tasks (department_code, status, due_on, id) INCLUDE (assignee_account_id, item_code);
-- most tasks of a department are closed: tell the planner the two columns go together
CREATE STATISTICS case_tasks_department_status (dependencies) ON department_code, status FROM case_tasks;
CREATE INDEX case_tasks_assignee ON case_tasks (assignee_account_id, due_on) WHERE status = 'open' AND assignee_account_id IS NOT NULL;
CREATE INDEX case_tasks_decided_by ON case_tasks (decided_by, decided_at DESC) WHERE decided_by IS NOT NULL;
-- overdue escalation looks only at open tasks not yet escalated
CREATE INDEX case_tasks_overdue ON case_tasks (due_on) WHERE status = 'open' AND escalated_at IS NULL;
-- the due-date recomputation after a calendar change walks only tasks whose clock runs
CREATE INDEX case_tasks_running ON case_tasks (id) WHERE status IN ('open', 'returned');

CREATE TABLE case_events (
  id                bigserial   PRIMARY KEY,
  case_id           uuid        NOT NULL REFERENCES cases (id),
  at                timestamptz NOT NULL,
  action            text        NOT NULL CHECK (action ~ '^[a-z][a-z_]{0,40}$'),
  actor_account_id  uuid,
  actor_name        text,
  department_code   text,
  task_id           uuid,
  comment           text,
  data              jsonb
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE application_drafts (
  account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  item_code    text        NOT NULL,
  item_version integer     NOT NULL,
  form_data    jsonb       NOT NULL,
  materials    jsonb       NOT NULL,
  delivery     jsonb,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (account_id, item_code)
);
