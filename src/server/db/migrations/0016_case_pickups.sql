-- 窗口领取 (ADR 0009): one row per approved case whose result waits at a window, written by the
-- concluding transaction and completed by the window clerk's hand-over. The clerks' queue is the
-- partial index of rows not yet collected, so it shrinks as results are collected instead of
-- growing with every case the city ever concluded. The collector's ID number is kept masked and
-- AES-256-GCM encrypted (field cipher), never in clear.
CREATE TABLE case_pickups (
  case_id             uuid        PRIMARY KEY REFERENCES cases (id),
  case_no             text        NOT NULL,
  region_code         text        NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  ready_at            timestamptz NOT NULL,
  collected_at        timestamptz,
  window_name         text,
  clerk_account_id    uuid        REFERENCES accounts (id),
  clerk_name          text,
  -- how the collector's identity was checked: id_card (身份证核验), e_licence (电子证照亮证)
  verification        text        CHECK (verification IN ('id_card', 'e_licence')),
  collector_kind      text        CHECK (collector_kind IN ('applicant', 'agent')),
  collector_name      text,
  collector_id_masked text,
  collector_id_enc    text,
  authorisation       text,
  note                text,
  CONSTRAINT case_pickups_collected CHECK ((collected_at IS NULL) = (collector_kind IS NULL))
);
-- the clerks' queue (oldest first) and its search by case-number prefix read only uncollected rows
CREATE INDEX case_pickups_awaiting ON case_pickups (ready_at, case_id) WHERE collected_at IS NULL;
CREATE INDEX case_pickups_awaiting_case_no ON case_pickups (case_no text_pattern_ops) WHERE collected_at IS NULL;

-- results concluded before this table existed wait at the window too
INSERT INTO case_pickups (case_id, case_no, region_code, ready_at)
SELECT id, case_no, region_code, concluded_at FROM cases
WHERE status = 'concluded' AND result = 'approved' AND delivery->>'mode' = 'window' AND concluded_at IS NOT NULL;
