-- Real-name verification (实名核验, ADR 0013) reads the population register through the exchange:
-- its log rows carry the purpose 'verification'.
ALTER TABLE exchange_log DROP CONSTRAINT exchange_log_purpose_check;
ALTER TABLE exchange_log ADD CONSTRAINT exchange_log_purpose_check CHECK (purpose IN ('case', 'prefill', 'verification'));
