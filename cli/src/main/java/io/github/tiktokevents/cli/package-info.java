/**
 * {@code tiktok-events}: a command line that uploads offline, CRM, web and app events from CSV or JSON lines files
 * through the SDK's public API, streaming, resumable from a checkpoint, with progress and a file of rejected rows.
 * The entry point is {@link io.github.tiktokevents.cli.TikTokEventsCli}; everything else is package-private.
 */
package io.github.tiktokevents.cli;
