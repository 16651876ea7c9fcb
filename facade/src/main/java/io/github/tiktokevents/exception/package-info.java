/**
 * The unchecked exceptions the SDK throws or reports, all under
 * {@link io.github.tiktokevents.exception.TikTokException}; {@code isRetryable()} says whether sending again may help.
 */
package io.github.tiktokevents.exception;
