/**
 * Internal, not API: the parts of {@link dev.livetools.session.LiveSession} (one WebSocket connection, the call
 * ledger, event delivery, close-code texts). Public only so that the session package can use them across the
 * package boundary; they change in any release without notice. Use {@link dev.livetools.session} instead.
 */
package dev.livetools.session.internal;
