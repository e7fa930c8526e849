-- 0004: incremental harvesting.
--
-- Sources whose format can ask for changes only (the native feed's
-- modified_since, CKAN's metadata_modified) run incrementally from a
-- high-water mark, with a full gather every `full_gather_every` runs or on
-- request (hdcat harvest SOURCE --full). Only a full gather may withdraw
-- datasets that vanished.
--
-- harvest_sources.modified_since     the high-water mark: RFC 3339 UTC on the source's
--                                    own clock when it states one (the feed's
--                                    generated_at), else the start of the job on the
--                                    database clock minus a safety margin; written only
--                                    by a job that succeeded; '' = the next run is full.
-- harvest_sources.incremental_runs   successful incremental runs since the last full one.
-- harvest_sources.full_gather_every  1 = always full; N = a full gather, then N-1 incremental runs.
-- harvest_jobs.full_requested        a full gather was asked for this run.
-- harvest_jobs.modified_since        the mark this job asked with; NULL = a full gather.

ALTER TABLE harvest_sources
  ADD COLUMN modified_since    text NOT NULL DEFAULT '',
  ADD COLUMN incremental_runs  integer NOT NULL DEFAULT 0 CHECK (incremental_runs >= 0),
  ADD COLUMN full_gather_every integer NOT NULL DEFAULT 10 CHECK (full_gather_every BETWEEN 1 AND 1000);

ALTER TABLE harvest_jobs
  ADD COLUMN full_requested boolean NOT NULL DEFAULT false,
  ADD COLUMN modified_since text;
