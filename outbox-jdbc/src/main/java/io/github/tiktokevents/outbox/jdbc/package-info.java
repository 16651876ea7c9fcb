/**
 * The transactional outbox on the application's own database: {@link io.github.tiktokevents.outbox.jdbc.JdbcOutbox}.
 */
package io.github.tiktokevents.outbox.jdbc;
