/**
 * Internal, not API: the codec's machinery behind {@link dev.livetools.protocol} (frame readers and writers, field
 * lookup by camelCase or snake_case name, the one JSON configuration, schema and duration readers). Its types are
 * public only so that other LiveTools packages can share them; they change in any release without notice. Use
 * {@link dev.livetools.protocol.LiveCodec} and the message records instead.
 */
package dev.livetools.protocol.internal;
