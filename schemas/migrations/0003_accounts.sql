-- 0003: accounts, their roles and their login sessions.
--
-- accounts       one row per person who signs in. The password is kept only as
--                'pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>' (a per-account
--                random salt; the iteration count travels with the hash so it can
--                be raised for new hashes without breaking old ones). Repeated
--                failed logins lock the account until locked_until. Two-factor
--                secrets will be columns of their own here, added by a later
--                migration.
-- account_roles  what an account may do: 'holder_editor' is scoped to one holder
--                (holder_id set); 'researcher', 'access_reviewer' and 'admin' are
--                not (holder_id NULL) — later work may scope reviewers to an
--                access body the same way.
-- sessions       one row per signed-in browser. The id is the SHA-256 of the
--                random 256-bit token held in the browser's cookie, so a copy of
--                this table cannot be used to sign in. Sessions live here, not in
--                the server, so any number of servers share them.
--
-- Logins, logouts, failures and every self-service change are written to
-- audit_log (0001) with actor 'web:<login name>'.

CREATE TABLE accounts (
  id             bigserial PRIMARY KEY,
  login_name     text NOT NULL UNIQUE CHECK (login_name ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
  display_name   text NOT NULL CHECK (display_name <> ''),
  password_hash  text NOT NULL CHECK (password_hash ~ '^pbkdf2-sha256\$[0-9]+\$[0-9a-f]{32}\$[0-9a-f]{64}$'),
  failed_logins  integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz,
  last_login_at  timestamptz
);

CREATE TABLE account_roles (
  id         bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  role       text NOT NULL CHECK (role IN ('researcher', 'holder_editor', 'access_reviewer', 'admin')),
  holder_id  bigint REFERENCES holders (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'holder_editor') = (holder_id IS NOT NULL))
);
-- One grant of a role per scope: NULL holder ids are made equal for the unscoped roles.
CREATE UNIQUE INDEX account_roles_unique_idx ON account_roles (account_id, role, coalesce(holder_id, 0));

CREATE TABLE sessions (
  id         text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),  -- sha256 hex of the cookie token
  account_id bigint NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen  timestamptz NOT NULL DEFAULT now(),
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
