/**
 * Internal, not API: workarounds for defects of Java-WebSocket shared by LiveTools' own servers. It changes or
 * disappears in any release without notice.
 */
package dev.livetools.internal.websocket;
