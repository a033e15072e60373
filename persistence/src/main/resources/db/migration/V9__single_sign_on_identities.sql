-- Single sign-on: an account is reached by a local password, by one or more OpenID Connect identities, or both.
-- An identity is its provider's issuer and the subject the provider gives the person there (OpenID Connect Core
-- 5.7: only that pair is stable and unique); the e-mail is copied for display and never used to find an account.
--
-- user_identities is an account table like app_users, read before anyone is signed in (a sign-in or a provider's
-- token names an issuer and subject, not our user), so it carries no row-level security either.
CREATE TABLE user_identities (
    issuer       TEXT        NOT NULL CHECK (char_length(issuer) BETWEEN 1 AND 2048),
    subject      TEXT        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
    user_id      UUID        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    email        TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT user_identities_pkey PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- external_subject (V1) held a subject without its issuer and was never written; identities replace it. An account
-- provisioned by single sign-on has no password, so the credential check moves to the application (UserService).
ALTER TABLE app_users DROP CONSTRAINT app_users_has_credential;
ALTER TABLE app_users DROP COLUMN external_subject;

-- An e-mail names at most one LOCAL account (sign-in by e-mail and password needs that); an account provisioned by
-- single sign-on may share the e-mail of a local one, since a provider's e-mail is not proof that the person owns the
-- local account. The index keeps the constraint's name, so a duplicate registration reports the same violation.
ALTER TABLE app_users DROP CONSTRAINT app_users_email_unique;
CREATE UNIQUE INDEX app_users_email_unique ON app_users (email) WHERE password_hash IS NOT NULL;
