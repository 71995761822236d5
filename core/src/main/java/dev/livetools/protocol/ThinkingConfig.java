package dev.livetools.protocol;

/**
 * {@code generationConfig.thinkingConfig}: {@code thinkingBudget}/{@code includeThoughts} on 2.5 models,
 * {@code thinkingLevel} ({@code minimal|low|medium|high}) on 3.1; omit it on 3.8.
 */
public record ThinkingConfig(Integer thinkingBudget, Boolean includeThoughts, String thinkingLevel) {
}
