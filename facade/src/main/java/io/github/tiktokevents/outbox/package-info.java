/**
 * Durable delivery: the {@link io.github.tiktokevents.outbox.Outbox} a processor can keep its events in, so that a
 * crash loses none, the stored form of an event ({@link io.github.tiktokevents.outbox.OutboxEvent}) and what is kept
 * of an event TikTok refused for good ({@link io.github.tiktokevents.outbox.RefusedEvent}). The implementations (a
 * local file, the application's own database) live in the {@code tiktok-events-outbox} module.
 */
package io.github.tiktokevents.outbox;
