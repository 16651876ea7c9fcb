/**
 * The JDBC outbox's implementation: SQL per database, the table's rows, claiming with leases.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
package io.github.tiktokevents.outbox.jdbc.internal;
