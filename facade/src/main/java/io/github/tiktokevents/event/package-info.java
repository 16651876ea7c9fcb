/**
 * What to report: {@link io.github.tiktokevents.event.Event} and its parts ({@code User}, {@code Page}, {@code App},
 * {@code Ad}, {@code Lead}, {@code Properties}, {@code Content}), the standard event names and the defaults used to
 * build them. Personal data is normalised and hashed when a {@code User} is built.
 */
package io.github.tiktokevents.event;
