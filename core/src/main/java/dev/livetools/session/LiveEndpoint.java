package dev.livetools.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and how a {@link LiveSession} connects: the WebSocket URL, the handshake headers that authenticate it, and how
 * a model id becomes the {@code setup.model} name. Secrets (API keys, tokens) travel only in headers or, for ephemeral
 * tokens, the query string; {@link #toString()} and {@link #displayUri()} never show them, and neither do the
 * session's logs and exceptions.
 *
 * <ul>
 *   <li>{@link #geminiApi(String)}: the Gemini API, {@code v1beta}, key in {@code x-goog-api-key};</li>
 *   <li>{@link #geminiApi(String, String)}: the same with {@code v1alpha} or {@code v1};</li>
 *   <li>{@link #ephemeralToken(String)}: {@code v1alpha BidiGenerateContentConstrained?access_token=...};</li>
 *   <li>{@link #vertexAi(String, String, Supplier)}: Vertex AI {@code LlmBidiService}, bearer token fetched on every
 *       (re)connect so a refreshed token is used;</li>
 *   <li>{@link #url(String, String)}: any {@code ws://} or {@code wss://} URL, such as the local emulator.</li>
 * </ul>
 */
public final class LiveEndpoint {

    /** The Gemini API host. */
    public static final String GEMINI_HOST = "generativelanguage.googleapis.com";
    private static final String GEMINI_PATH =
            "/ws/google.ai.generativelanguage.%s.GenerativeService.BidiGenerateContent";
    private static final String CONSTRAINED_PATH =
            "/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained";
    private static final String VERTEX_PATH = "/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent";

    private enum Kind { GEMINI_API, EPHEMERAL_TOKEN, VERTEX_AI, CUSTOM }

    private final Kind kind;
    private final URI uri;
    private final String apiKey;
    private final Supplier<String> bearerToken;
    private final String vertexProject;
    private final String vertexLocation;
    /** The last bearer tokens handed out, so that {@link #scrub} can hide them too. */
    private final java.util.Deque<String> recentTokens = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private LiveEndpoint(Kind kind, URI uri, String apiKey, Supplier<String> bearerToken, String vertexProject,
                         String vertexLocation) {
        this.kind = kind;
        this.uri = uri;
        this.apiKey = apiKey;
        this.bearerToken = bearerToken;
        this.vertexProject = vertexProject;
        this.vertexLocation = vertexLocation;
    }

    /** The Gemini API ({@code v1beta}, as documented), authenticated with an API key. */
    public static LiveEndpoint geminiApi(String apiKey) {
        return geminiApi(apiKey, "v1beta");
    }

    /** The Gemini API at {@code v1alpha}, {@code v1beta} or {@code v1}. */
    public static LiveEndpoint geminiApi(String apiKey, String apiVersion) {
        requireSecret(apiKey, "apiKey");
        if (!apiVersion.matches("v1(alpha|beta)?")) {
            throw new IllegalArgumentException("apiVersion must be v1alpha, v1beta or v1, got " + apiVersion);
        }
        return new LiveEndpoint(Kind.GEMINI_API, URI.create("wss://" + GEMINI_HOST + GEMINI_PATH.formatted(apiVersion)),
                apiKey, null, null, null);
    }

    /** An ephemeral token ({@code auth_tokens/...}) from the auth-token service; {@code v1alpha} only. */
    public static LiveEndpoint ephemeralToken(String token) {
        requireSecret(token, "token");
        if (!token.startsWith("auth_tokens/")) {
            throw new IllegalArgumentException("an ephemeral token starts with auth_tokens/");
        }
        return new LiveEndpoint(Kind.EPHEMERAL_TOKEN, URI.create("wss://" + GEMINI_HOST + CONSTRAINED_PATH), token,
                null, null, null);
    }

    /**
     * Vertex AI in {@code project} and {@code location} ({@code global} uses the global host). {@code bearerToken} is
     * asked for a fresh OAuth access token on every connect and reconnect.
     */
    public static LiveEndpoint vertexAi(String project, String location, Supplier<String> bearerToken) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (project.isBlank() || location.isBlank()) {
            throw new IllegalArgumentException("vertexAi needs a project and a location");
        }
        String host = location.equals("global") ? "aiplatform.googleapis.com" : location + "-aiplatform.googleapis.com";
        return new LiveEndpoint(Kind.VERTEX_AI, URI.create("wss://" + host + VERTEX_PATH), null, bearerToken, project,
                location);
    }

    /** Any {@code ws://} or {@code wss://} URL, without credentials (a local emulator, a proxy). */
    public static LiveEndpoint url(String url) {
        return url(url, null);
    }

    /** Any {@code ws://} or {@code wss://} URL; {@code apiKey}, when not {@code null}, goes in {@code x-goog-api-key}. */
    public static LiveEndpoint url(String url, String apiKey) {
        Objects.requireNonNull(url, "url");
        String shown = apiKey == null ? redactText(url) : redactText(url.replace(apiKey, "***"));
        if (!url.contains("://")) {
            throw new IllegalArgumentException("the endpoint URL " + shown + " has no scheme: write ws://" + shown
                    + " for a plain server such as the local emulator, or wss://" + shown + " for TLS");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            // The JDK's message quotes the whole input, which may hold a key: say where, not what.
            throw new IllegalArgumentException("the endpoint URL " + shown + " is malformed: " + e.getReason()
                    + " at index " + e.getIndex(), null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("a Live endpoint URL starts with ws:// or wss://, got " + shown
                    + (scheme.startsWith("http") ? " (the Live API is a WebSocket: use " + (scheme.equals("https")
                    ? "wss" : "ws") + "://)" : ""));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a Live endpoint URL needs a host: " + shown);
        }
        if (apiKey != null) {
            requireSecret(apiKey, "apiKey");
        }
        return new LiveEndpoint(Kind.CUSTOM, uri, apiKey, null, null, null);
    }

    private static void requireSecret(String secret, String what) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(what + " is required and must not be blank");
        }
    }

    /** Whether a connection without an API key would be refused: the Google endpoints need one. */
    public static boolean needsApiKey(String url) {
        URI uri = URI.create(url);
        return uri.getHost() != null && uri.getHost().endsWith(".googleapis.com");
    }

    /** The URL to connect to, with the ephemeral token in the query when there is one. Never print this. */
    public URI connectUri() {
        if (kind == Kind.EPHEMERAL_TOKEN) {
            return URI.create(uri + "?access_token=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        }
        return uri;
    }

    /** The URL with every secret replaced by {@code ***}: safe for logs and messages. */
    public String displayUri() {
        return kind == Kind.EPHEMERAL_TOKEN ? uri + "?access_token=***" : redact(uri);
    }

    /** The handshake headers for one connection; a Vertex token is fetched anew each time. Never log these. */
    public Map<String, String> handshakeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (kind) {
            case GEMINI_API, CUSTOM -> {
                if (apiKey != null) {
                    headers.put("x-goog-api-key", apiKey);
                }
            }
            case VERTEX_AI -> {
                String token = bearerToken.get();
                if (token == null || token.isBlank()) {
                    throw new IllegalStateException("the Vertex AI bearer-token supplier returned no token");
                }
                recentTokens.addFirst(token);
                while (recentTokens.size() > 4) {
                    recentTokens.pollLast();
                }
                headers.put("Authorization", "Bearer " + token);
            }
            case EPHEMERAL_TOKEN -> {
                // in the query string, as the JS SDK does; nothing else
            }
        }
        return headers;
    }

    /**
     * The {@code setup.model} name for a model id: {@code models/<id>} on the Gemini API,
     * {@code projects/P/locations/L/publishers/google/models/<id>} on Vertex AI. Already qualified names pass through.
     */
    public String modelName(String model) {
        Objects.requireNonNull(model, "model");
        if (model.startsWith("models/") || model.startsWith("projects/") || model.startsWith("tunedModels/")) {
            return model;
        }
        if (kind == Kind.VERTEX_AI) {
            String id = model.startsWith("publishers/") ? model : "publishers/google/models/" + model;
            return "projects/" + vertexProject + "/locations/" + vertexLocation + "/" + id;
        }
        return model.startsWith("publishers/") ? model : "models/" + model;
    }

    /**
     * {@code text} with every secret of this endpoint (the API key or token, also URL-encoded, and the latest Vertex
     * tokens) and anything that looks like a credential in a URL ({@code key=}, {@code apiKey=},
     * {@code access_token=}, user info) replaced by {@code ***}. Applied to every text from the server or the network
     * (close reasons, error messages) before it is logged, reported or thrown.
     */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (apiKey != null) {
            out = out.replace(apiKey, "***").replace(URLEncoder.encode(apiKey, StandardCharsets.UTF_8), "***");
        }
        for (String token : recentTokens) {
            out = out.replace(token, "***");
        }
        return redactText(out);
    }

    private static String redact(URI uri) {
        return redactText(uri.toString());
    }

    /** Credentials pasted into a URL: query parameters named like keys, user info, a key-shaped path segment. */
    static String redactText(String text) {
        // Keys pasted into a custom URL (?key=...) must not reach a log line either.
        return text.replaceAll("(?i)([?&#;](key|api_?key|access_token|token|x-goog-api-key)=)[^&#\\s\"']*", "$1***")
                .replaceAll("//[^/@\\s]*@", "//***@")
                .replaceAll("AIza[0-9A-Za-z_\\-]{20,}", "***");
    }

    @Override
    public String toString() {
        return "LiveEndpoint[" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + displayUri() + "]";
    }
}
