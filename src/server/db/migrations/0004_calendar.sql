-- Working-day calendar: statutory holiday periods (放假) and make-up working days (调休上班) per
-- year. Dates are civil dates in Asia/Shanghai. A year without a row counts Monday to Friday.
CREATE TABLE calendar_years (
  year       integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
  source     text NOT NULL,
  -- false for a year entered ahead of its official notice; its due dates stay provisional
  confirmed  boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

-- sort keeps the order of the notice; a year is always replaced as a whole
CREATE TABLE calendar_periods (
  year      integer NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  sort      integer NOT NULL,
  name      text NOT NULL,
  from_date date NOT NULL,
  to_date   date NOT NULL,
  PRIMARY KEY (year, sort),
  CHECK (from_date <= to_date),
  CHECK (extract(year FROM from_date) = year AND extract(year FROM to_date) = year)
);

-- each make-up day belongs to the holiday it is worked for
CREATE TABLE calendar_makeup_days (
  day         date PRIMARY KEY,
  year        integer NOT NULL,
  period_sort integer NOT NULL,
  FOREIGN KEY (year, period_sort) REFERENCES calendar_periods (year, sort) ON DELETE CASCADE,
  CHECK (extract(year FROM day) = year),
  CHECK (extract(isodow FROM day) IN (6, 7))
);
CREATE INDEX calendar_makeup_days_period ON calendar_makeup_days (year, period_sort);

-- One row. version rises with every change, so each process notices a change made by another
-- one and reloads its cached calendar.
CREATE TABLE calendar_state (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version integer NOT NULL DEFAULT 0
);
INSERT INTO calendar_state (id, version) VALUES (true, 0);

-- Years the bundled official data has entered, once each: an operator's later edit or deletion
-- of such a year is never undone by seeding again.
CREATE TABLE calendar_seeded_years (
  year      integer PRIMARY KEY,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
