-- Issue 15: why a session stopped working. A session the office (or its owner from another device) revoked,
-- or whose account was disabled, may still push its outbox and finish its uploads for 30 days
-- (server/auth/farewell.ts); one replaced by a new sign-in on the same device, or signed out, may not.
-- Sessions revoked before this version have no reason and are not drained.
ALTER TABLE `sessions` ADD `revoke_reason` text;
