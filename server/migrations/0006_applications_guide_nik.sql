-- The "not filed twice" rule (server/sync/duplicates.ts) looks files of one service up by the applicant's NIK.
CREATE INDEX `applications_guide_nik_idx` ON `applications` (`guide_id`, json_extract(`content`, '$.applicant.nik'));
