-- 0001: the catalog's system of record.
--
-- holders          one row per data holder, with its current description.
-- datasets         one row per (holder, holder's identifier): the stable public
--                  id, the pointer to the current version, status, and the few
--                  columns listings need (so listing never reads history).
-- dataset_versions every description a dataset ever had; append-only, enforced
--                  by triggers below.
-- catalog_changes  the ordered change log: the one hook for consumers (search
--                  indexer, notifications, statistics). Read rows with an id
--                  greater than the last one applied; each insert also sends
--                  NOTIFY hdcat_catalog_changes with the id, delivered on commit.
-- audit_log        who did what, append-only; later work (accounts, access
--                  applications, reviews) writes here too.
--
-- Times are timestamptz (UTC on hdcat's sessions). Identifiers follow the model's
-- rule ^[a-z0-9][a-z0-9._-]{0,127}$.

CREATE FUNCTION hdcat_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

-- RFC 3339 UTC text of a time, the form every hdcat interface shows.
CREATE FUNCTION hdcat_utc_text(t timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

CREATE TABLE holders (
  id           bigserial PRIMARY KEY,
  identifier   text NOT NULL UNIQUE CHECK (identifier ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
  document     jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  name_ja      text,
  name_en      text,
  holder_type  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE datasets (
  id                 bigserial PRIMARY KEY,
  -- 'ds-' + the first 16 hex digits of sha256('<holder>/<identifier>'): stable
  -- across reloads and rebuilt databases, opaque, URL-safe.
  public_id          text NOT NULL UNIQUE CHECK (public_id ~ '^ds-[0-9a-f]{16}$'),
  holder_id          bigint NOT NULL REFERENCES holders (id),
  identifier         text NOT NULL CHECK (identifier ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
  current_version_id bigint,  -- set in the transaction that creates the dataset; FK below
  version_count      integer NOT NULL DEFAULT 0 CHECK (version_count >= 0),
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  withdrawn_reason   text,
  withdrawn_at       timestamptz,
  -- Listing columns, copied from the current version.
  title_ja           text,
  title_en           text,
  access_rights      text,
  issued             text,  -- ISO 8601 date, possibly partial ('2024-03')
  modified           text,
  completeness       real,
  grade              text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (holder_id, identifier),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX datasets_status_idx ON datasets (status);

CREATE TABLE dataset_versions (
  id           bigserial PRIMARY KEY,
  dataset_id   bigint NOT NULL REFERENCES datasets (id),
  version_no   integer NOT NULL CHECK (version_no >= 1),
  -- sha256 of the canonical JSON of the document (base/json.h CanonicalJson).
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  document     jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  -- Where the description came from: 'load:<path>', 'harvest:<source-id>', 'web:<user>'.
  source       text NOT NULL CHECK (source <> ''),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dataset_id, version_no)
);

ALTER TABLE datasets
  ADD CONSTRAINT datasets_current_version_fk FOREIGN KEY (current_version_id) REFERENCES dataset_versions (id);

CREATE TRIGGER dataset_versions_append_only
  BEFORE UPDATE OR DELETE ON dataset_versions
  FOR EACH ROW EXECUTE FUNCTION hdcat_reject_change();
CREATE TRIGGER dataset_versions_no_truncate
  BEFORE TRUNCATE ON dataset_versions
  FOR EACH STATEMENT EXECUTE FUNCTION hdcat_reject_change();

-- Change ids are handed out in commit order: the BEFORE INSERT trigger takes a
-- transaction-scoped advisory lock and only then draws the id, so a writer that
-- draws a later id cannot commit before one holding an earlier id. A consumer
-- that has read every id up to N therefore never misses a later commit with a
-- smaller id. (Writers insert their change row last, just before COMMIT, so the
-- lock is held only briefly.)
CREATE SEQUENCE catalog_changes_id_seq;
CREATE TABLE catalog_changes (
  id           bigint PRIMARY KEY,
  subject      text NOT NULL CHECK (subject IN ('holder', 'dataset')),
  kind         text NOT NULL CHECK (kind IN ('created', 'updated', 'withdrawn', 'restored')),
  holder_id    bigint NOT NULL REFERENCES holders (id),
  dataset_id   bigint REFERENCES datasets (id),
  version_id   bigint REFERENCES dataset_versions (id),
  committed_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((subject = 'dataset') = (dataset_id IS NOT NULL))
);
ALTER SEQUENCE catalog_changes_id_seq OWNED BY catalog_changes.id;

CREATE FUNCTION hdcat_number_catalog_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7210001);  -- the catalog_changes ordering lock
  NEW.id := nextval('catalog_changes_id_seq');
  NEW.committed_at := clock_timestamp();
  RETURN NEW;
END;
$$;
CREATE TRIGGER catalog_changes_number
  BEFORE INSERT ON catalog_changes
  FOR EACH ROW EXECUTE FUNCTION hdcat_number_catalog_change();
CREATE INDEX catalog_changes_dataset_idx ON catalog_changes (dataset_id);

CREATE TRIGGER catalog_changes_append_only
  BEFORE UPDATE OR DELETE ON catalog_changes
  FOR EACH ROW EXECUTE FUNCTION hdcat_reject_change();
CREATE TRIGGER catalog_changes_no_truncate
  BEFORE TRUNCATE ON catalog_changes
  FOR EACH STATEMENT EXECUTE FUNCTION hdcat_reject_change();

CREATE FUNCTION hdcat_notify_catalog_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hdcat_catalog_changes', NEW.id::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER catalog_changes_notify
  AFTER INSERT ON catalog_changes
  FOR EACH ROW EXECUTE FUNCTION hdcat_notify_catalog_change();

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  actor        text NOT NULL CHECK (actor <> ''),  -- same form as dataset_versions.source
  action       text NOT NULL,                      -- 'holder.put', 'dataset.put', 'dataset.withdraw' ...
  subject_type text NOT NULL,                      -- 'holder', 'dataset', later 'account', 'application' ...
  subject_id   text NOT NULL,                      -- the subject's public identifier
  details      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION hdcat_reject_change();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION hdcat_reject_change();
