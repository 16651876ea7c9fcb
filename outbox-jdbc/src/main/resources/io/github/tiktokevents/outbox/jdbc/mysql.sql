-- TikTok Events outbox table for MySQL 8.0+ with InnoDB (the relay claims rows with SELECT ... FOR UPDATE SKIP LOCKED).
-- Times are Unix epoch milliseconds from the application's clock. A row is pending while refused_at is null.
CREATE TABLE IF NOT EXISTS tiktok_events_outbox (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source             VARCHAR(16)   NOT NULL,
    event_id           TEXT          NOT NULL,
    edition            VARCHAR(16)   NOT NULL,
    payload            LONGBLOB      NOT NULL,
    created_at         BIGINT        NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    claimed_by         VARCHAR(64)   NULL,
    claimed_until      BIGINT        NULL,
    refused_at         BIGINT        NULL,
    refusal_code       BIGINT        NULL,
    refusal_message    TEXT          NULL,
    refusal_request_id VARCHAR(128)  NULL,
    INDEX tiktok_events_outbox_pending (source, refused_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
