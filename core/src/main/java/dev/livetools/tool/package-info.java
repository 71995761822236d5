/**
 * Tools from any source: {@link dev.livetools.tool.HostedTool} is what the catalog holds and the dispatcher runs,
 * whether it comes from a {@code @LiveTool} method or is built in code.
 */
package dev.livetools.tool;
