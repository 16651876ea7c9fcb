/**
 * The starter's implementation: how properties become builders, the shutdown drain, the delivery tracker and the
 * health adapters of each Spring Boot line.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
package io.github.tiktokevents.spring.internal;
