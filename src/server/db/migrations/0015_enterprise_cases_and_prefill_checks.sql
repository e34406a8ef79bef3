-- Enterprise cases and licences belong to the enterprise (ADR 0009): every current agent lists them,
-- so they are read by the enterprise's keyed credit-code hash, newest first. Only enterprise rows
-- enter the cases index, so a person's submission writes no extra index entry.
CREATE INDEX cases_enterprise ON cases (enterprise_credit_code_hash, submitted_at DESC, id DESC)
  WHERE enterprise_credit_code_hash IS NOT NULL;
-- the wallet lists an enterprise's licences in every state (the older index holds valid ones only)
CREATE INDEX licences_holder_code_issued ON licences (holder_code_hash, issued_at DESC);

-- Registry prefill (ADR 0013): which form fields a registry filled, after the applicant's consent,
-- for the application they are preparing. Submission re-reads those fields through the exchange and
-- refuses a value that differs. Field names only: the values stay with the registry and the case.
CREATE TABLE application_prefills (
  id                          bigserial   PRIMARY KEY,
  account_id                  uuid        NOT NULL REFERENCES accounts (id),
  item_code                   text        NOT NULL,
  -- the enterprise the applicant prepared the application for (keyed hash); null for themselves
  enterprise_credit_code_hash text,
  fields                      text[]      NOT NULL,
  filled_at                   timestamptz NOT NULL
);
CREATE INDEX application_prefills_account_item ON application_prefills (account_id, item_code, filled_at DESC);
