-- 0002: harvesting — sources, jobs, and what each job did with each record.
--
-- harvest_sources             one row per source a holder publishes (endpoint,
--                             format, schedule, limits, last outcome). Never
--                             holds secrets.
-- harvest_source_credentials  the source's secret (bearer token or user:password),
--                             apart so that listing and showing sources never
--                             reads it; only the job runner selects it.
-- harvest_jobs                one row per run: status, lease and heartbeat,
--                             counters, whether the gather was complete.
-- harvest_records             what a job did with each record it saw, with the
--                             raw record (bounded) and the fields that did not map.
-- harvest_source_records      the per-source state: one row per (source, record
--                             identifier), the baseline of the next run (content
--                             hash, dataset, last job that saw it). Also the
--                             ownership register: a dataset (holder, identifier)
--                             is fed by exactly one source, the first to claim it.
--
-- Coordination between workers happens here, never in process memory: a due
-- source becomes a queued job (at most one queued or running job per source,
-- enforced by a partial unique index), workers take queued jobs with
-- FOR UPDATE SKIP LOCKED, and a running job holds a lease that its heartbeat
-- extends; a job whose lease expired is reaped by any worker.

CREATE TABLE harvest_sources (
  id                        bigserial PRIMARY KEY,
  name                      text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
  holder_id                 bigint NOT NULL REFERENCES holders (id),
  endpoint                  text NOT NULL CHECK (endpoint ~ '^https?://'),
  format                    text NOT NULL CHECK (format IN ('feed', 'dcat-turtle', 'dcat-rdfxml', 'dcat-jsonld',
                                                            'ckan', 'csv-dictionary')),
  options                   jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(options) = 'object'),
  -- 'PT6H' / 'PT30M' / 'P1D' (an interval), 'daily@03:00' (a UTC time of day) or 'manual'.
  schedule                  text NOT NULL DEFAULT 'P1D',
  enabled                   boolean NOT NULL DEFAULT true,
  -- Limits of one job.
  max_body_bytes            bigint NOT NULL DEFAULT 268435456 CHECK (max_body_bytes > 0),
  connect_timeout_ms        integer NOT NULL DEFAULT 10000 CHECK (connect_timeout_ms > 0),
  total_timeout_ms          integer NOT NULL DEFAULT 300000 CHECK (total_timeout_ms > 0),
  low_speed_window_s        integer NOT NULL DEFAULT 30 CHECK (low_speed_window_s >= 0),
  max_records               integer NOT NULL DEFAULT 1000000 CHECK (max_records > 0),
  max_fetch_attempts        integer NOT NULL DEFAULT 4 CHECK (max_fetch_attempts BETWEEN 1 AND 10),
  retry_base_ms             integer NOT NULL DEFAULT 2000 CHECK (retry_base_ms >= 0),
  mass_withdrawal_threshold real NOT NULL DEFAULT 0.5
                              CHECK (mass_withdrawal_threshold > 0 AND mass_withdrawal_threshold <= 1),
  -- The planned time of the next scheduled run; runs are planned from it, not from when they started.
  next_run_at               timestamptz NOT NULL DEFAULT now(),
  -- HTTP validators of the last complete gather (conditional requests).
  etag                      text NOT NULL DEFAULT '',
  last_modified             text NOT NULL DEFAULT '',
  -- The last outcome, for the holder (and the web page).
  last_job_id               bigint,
  last_status               text,
  last_summary              jsonb,
  last_finished_at          timestamptz,
  last_success_at           timestamptz,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX harvest_sources_due_idx ON harvest_sources (next_run_at) WHERE enabled;

CREATE TABLE harvest_source_credentials (
  source_id  bigint PRIMARY KEY REFERENCES harvest_sources (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('bearer', 'basic')),
  secret     text NOT NULL CHECK (secret <> ''),  -- the token, or 'user:password'
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE harvest_jobs (
  id               bigserial PRIMARY KEY,
  source_id        bigint NOT NULL REFERENCES harvest_sources (id),
  planned_at       timestamptz NOT NULL,
  trigger          text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'rerun')),
  rerun_of         bigint REFERENCES harvest_jobs (id),
  attempt          integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  status           text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'partial', 'failed', 'abandoned')),
  lease_owner      text,
  lease_expires_at timestamptz,
  heartbeat_at     timestamptz,
  queued_at        timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  n_seen           integer NOT NULL DEFAULT 0,
  n_added          integer NOT NULL DEFAULT 0,
  n_updated        integer NOT NULL DEFAULT 0,
  n_unchanged      integer NOT NULL DEFAULT 0,
  n_withdrawn      integer NOT NULL DEFAULT 0,
  n_errored        integer NOT NULL DEFAULT 0,
  pages            integer NOT NULL DEFAULT 0,
  bytes            bigint NOT NULL DEFAULT 0,
  fetch_attempts   integer NOT NULL DEFAULT 0,
  gather_complete  boolean NOT NULL DEFAULT false,
  -- Why the job did not fully succeed: a short code ('http_status', 'parse', 'mass_withdrawal_refused',
  -- 'lease_expired' …) and a sentence naming the cause.
  error_kind       text,
  error_summary    text,
  warnings         jsonb NOT NULL DEFAULT '[]'::jsonb,
  CHECK (status <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- At most one queued-or-running job per source: two workers can never run the same source at once.
CREATE UNIQUE INDEX harvest_jobs_one_active_idx ON harvest_jobs (source_id) WHERE status IN ('queued', 'running');
CREATE INDEX harvest_jobs_queue_idx ON harvest_jobs (planned_at, id) WHERE status = 'queued';
CREATE INDEX harvest_jobs_lease_idx ON harvest_jobs (lease_expires_at) WHERE status = 'running';
CREATE INDEX harvest_jobs_source_idx ON harvest_jobs (source_id, id);

CREATE TABLE harvest_records (
  id                bigserial PRIMARY KEY,
  job_id            bigint NOT NULL REFERENCES harvest_jobs (id),
  source_id         bigint NOT NULL REFERENCES harvest_sources (id),
  record_identifier text NOT NULL,
  dataset_public_id text,
  content_hash      text,
  outcome           text NOT NULL CHECK (outcome IN ('added', 'updated', 'restored', 'unchanged', 'withdrawn',
                                                     'errored')),
  error_kind        text,
  error_message     text,
  error_pointer     text,
  -- The record as fetched, cut at a bound (raw_bytes is the full size), kept for added, updated and
  -- errored records so that nothing the mapping did not carry over is lost.
  raw               text,
  raw_media_type    text,
  raw_bytes         integer,
  unmapped          jsonb NOT NULL DEFAULT '[]'::jsonb,
  page_url          text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, record_identifier),
  CHECK ((outcome = 'errored') = (error_kind IS NOT NULL))
);
CREATE INDEX harvest_records_source_idx ON harvest_records (source_id, record_identifier);

CREATE TABLE harvest_source_records (
  source_id          bigint NOT NULL REFERENCES harvest_sources (id),
  record_identifier  text NOT NULL,
  kind               text NOT NULL DEFAULT 'dataset' CHECK (kind IN ('dataset', 'variables')),
  holder_id          bigint NOT NULL REFERENCES holders (id),
  dataset_identifier text NOT NULL,
  dataset_public_id  text,
  -- pending: claimed, never stored yet; active: in the catalog; withdrawn: vanished from the source.
  state              text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'active', 'withdrawn')),
  last_content_hash  text,
  last_seen_job_id   bigint REFERENCES harvest_jobs (id),
  first_seen_at      timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, record_identifier)
);
-- The first source to claim a dataset owns it; another source (or another record) mapping to the
-- same (holder, identifier) is refused as a conflict instead of overwriting it.
CREATE UNIQUE INDEX harvest_source_records_owner_idx
  ON harvest_source_records (holder_id, dataset_identifier) WHERE kind = 'dataset';
CREATE INDEX harvest_source_records_seen_idx ON harvest_source_records (source_id, state, last_seen_job_id);
