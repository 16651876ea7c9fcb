/**
 * The SDK's implementation, not its API: types here are public only so that the API packages can reach them, and
 * they may change or disappear in any release without notice.
 */
package io.github.tiktokevents.internal.delivery;
