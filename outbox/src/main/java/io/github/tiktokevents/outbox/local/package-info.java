/**
 * The local outbox: a durable processor's events in a directory the user names, in an SQLite database written
 * ahead (WAL), locked to one process.
 */
package io.github.tiktokevents.outbox.local;
