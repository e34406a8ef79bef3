-- Catalogue tables: regions, departments, themes, service items with immutable published
-- versions, operators' drafts, the denormalised search index, and portal notices.
CREATE TABLE regions (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'city', 'district', 'street', 'community')),
  parent_code text REFERENCES regions (code)
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE departments (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  short_name  text NOT NULL,
  credit_code text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  phone       text NOT NULL,
  description text NOT NULL DEFAULT '',
  sort        integer NOT NULL DEFAULT 0
);
CREATE INDEX departments_region ON departments (region_code);

CREATE TABLE service_windows (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES departments (code),
  name            text NOT NULL,
  address         text NOT NULL,
  hours           text NOT NULL,
  phone           text NOT NULL,
  sort            integer NOT NULL DEFAULT 0
);
CREATE INDEX service_windows_department ON service_windows (department_code, sort);

CREATE TABLE themes (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  audience    text NOT NULL CHECK (audience IN ('person', 'enterprise')),
  description text NOT NULL DEFAULT '',
  icon        text NOT NULL DEFAULT '',
  sort        integer NOT NULL DEFAULT 0
);
CREATE INDEX themes_audience ON themes (audience, sort);

-- current_version stays NULL until the first publication; the public never sees such an item.
CREATE TABLE items (
  code            text PRIMARY KEY,
  department_code text NOT NULL REFERENCES departments (code),
  current_version integer,
  popularity      integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_department ON items (department_code);

-- data is the complete ItemDraft as published; rows are never updated.
CREATE TABLE item_versions (
  code         text NOT NULL REFERENCES items (code),
  version      integer NOT NULL CHECK (version > 0),
  data         jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  note         text NOT NULL DEFAULT '',
  PRIMARY KEY (code, version)
);

CREATE TABLE item_drafts (
  code         text PRIMARY KEY REFERENCES items (code),
  base_version integer NOT NULL DEFAULT 0,
  data         jsonb NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL
);

-- themes of the current version only
CREATE TABLE item_themes (
  code       text NOT NULL REFERENCES items (code),
  theme_code text NOT NULL REFERENCES themes (code),
  PRIMARY KEY (code, theme_code)
);
CREATE INDEX item_themes_theme ON item_themes (theme_code);

-- One row per published item, rebuilt on every publication: everything a result list shows,
-- so a search never parses jsonb or joins. Lexemes are written literally (no parser), so the
-- same text gives the same vector under any server locale.
CREATE TABLE item_search (
  code                text PRIMARY KEY REFERENCES items (code),
  version             integer NOT NULL,
  name                text NOT NULL,
  -- name and aliases normalised as queries are (lower case, half-width, no spaces), for ranking;
  -- alias_key joins the aliases with '|'
  name_key            text NOT NULL,
  aliases             text[] NOT NULL DEFAULT '{}',
  alias_key           text NOT NULL DEFAULT '',
  summary             text NOT NULL DEFAULT '',
  tokens              tsvector NOT NULL,
  name_grams          tsvector NOT NULL,
  initials            text NOT NULL DEFAULT '',
  audience            text[] NOT NULL,
  type                text NOT NULL,
  department_code     text NOT NULL REFERENCES departments (code),
  department_name     text NOT NULL,
  region_code         text NOT NULL,
  theme_codes         text[] NOT NULL DEFAULT '{}',
  online_depth        integer NOT NULL,
  visits              integer NOT NULL,
  legal_limit_days    integer NOT NULL,
  promised_limit_days integer NOT NULL,
  popularity          integer NOT NULL DEFAULT 0,
  updated_at          timestamptz NOT NULL DEFAULT now()
) WITH (toast_tuple_target = 8160); -- keep rows inline: a search reads the vectors of every match
-- fastupdate off: publications are rare, and a GIN pending list (filled by a bulk seed) would be
-- scanned linearly by every search until the next vacuum.
CREATE INDEX item_search_tokens ON item_search USING gin (tokens) WITH (fastupdate = off);
CREATE INDEX item_search_name_grams ON item_search USING gin (name_grams) WITH (fastupdate = off);
CREATE INDEX item_search_initials ON item_search USING gin (initials public.gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX item_search_audience ON item_search USING gin (audience) WITH (fastupdate = off);
CREATE INDEX item_search_themes ON item_search USING gin (theme_codes) WITH (fastupdate = off);
CREATE INDEX item_search_department ON item_search (department_code);
CREATE INDEX item_search_region ON item_search (region_code);
-- for the hot list; result lists count every match, so an index order would not save reading them
CREATE INDEX item_search_popular ON item_search (popularity DESC, code);

CREATE TABLE notices (
  id              text PRIMARY KEY,
  title           text NOT NULL,
  body            text NOT NULL,
  department_code text NOT NULL REFERENCES departments (code),
  published_at    timestamptz NOT NULL
);
CREATE INDEX notices_published ON notices (published_at DESC);
CREATE INDEX notices_department ON notices (department_code);
