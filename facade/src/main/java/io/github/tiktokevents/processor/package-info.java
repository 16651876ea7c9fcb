/**
 * Fire-and-forget sending in the background: {@link io.github.tiktokevents.processor.EventProcessor}, its options,
 * counters and the listener that hears every event's outcome.
 */
package io.github.tiktokevents.processor;
