/**
 * Internal, not API: the emulator's machinery behind {@link dev.livetools.testkit.LiveEmulator} (the WebSocket
 * server, admission and setup checks, scenario playing and parsing, frame log, self-signed certificate). Public only
 * so that the testkit package and the {@code livetools} commands can use it; it changes in any release without
 * notice. Use {@link dev.livetools.testkit} instead.
 */
package dev.livetools.testkit.internal;
