/**
 * The client: {@link io.github.tiktokevents.TikTokEvents}, its builder, retry policy and results. Events are in
 * {@code io.github.tiktokevents.event}, exceptions in {@code ..exception}, the background processor in
 * {@code ..processor}; {@code ..internal} packages are not API.
 */
package io.github.tiktokevents;
