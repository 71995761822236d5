/**
 * The API that LiveTools plugin authors compile against.
 *
 * <p>Annotate a public method with {@link dev.livetools.sdk.LiveTool} and its parameters with
 * {@link dev.livetools.sdk.Param} and Jakarta Validation constraints; the host discovers the method, declares it to
 * the Gemini Live model, and calls it when the model asks. A parameter of type {@link dev.livetools.sdk.ToolContext}
 * is injected by type and never shown to the model. Throw {@link dev.livetools.sdk.ToolException} for an error the
 * model should see and may correct; return {@link dev.livetools.sdk.ToolResult} to choose how a NON_BLOCKING result is
 * scheduled.
 *
 * <p>This package depends on nothing but {@code jakarta.validation-api}, so a plugin jar stays small and never clashes
 * with the host's own libraries.
 */
package dev.livetools.sdk;
