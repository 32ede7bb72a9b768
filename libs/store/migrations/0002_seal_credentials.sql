-- Credential state is sealed (AES-256-GCM) from this version on. State written before it is plain
-- JSON (today: cached Shopify client-credentials tokens, re-issued on demand), which must not stay
-- at rest and cannot be sealed in SQL without the key: drop it. Sealed rows carry a "kid".
UPDATE "integration_accounts" SET "credential_state" = NULL, "updated_at" = now()
WHERE "credential_state" IS NOT NULL AND ("credential_state" ->> 'kid') IS NULL;
